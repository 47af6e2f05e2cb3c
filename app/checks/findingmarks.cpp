#include "findingmarks.h"

#include "checktext.h"

#include <QHash>
#include <QJsonObject>

namespace galley {

namespace {

/// The page's name for a finding's field; empty for fields the page does not show.
QString targetOf(const QString &field) {
    static const QHash<QString, QString> targets{
        {u"headline"_qs, u"headline"_qs},       {u"deck"_qs, u"deck"_qs},
        {u"byline"_qs, u"byline"_qs},           {u"dateline"_qs, u"dateline"_qs},
        {u"body"_qs, u"block"_qs},              {u"pullquote"_qs, u"pull-quote"_qs},
        {u"attribution"_qs, u"attribution"_qs}, {u"caption"_qs, u"caption"_qs},
        {u"credit"_qs, u"credit"_qs},
    };
    return targets.value(field);
}

/// Occurrences of @p words in @p text that start before @p before, counted the way the page's
/// script searches (each one from the character after the last).
int occurrencesBefore(const QString &text, const QString &words, int before) {
    int count = 0;
    for (qsizetype at = text.indexOf(words); at >= 0 && at < before; at = text.indexOf(words, at + 1))
        ++count;
    return count;
}

} // namespace

QJsonArray previewFindingMarks(const QList<Finding> &findings, const Story &story) {
    QHash<QString, QString> texts; // field + '\x1f' + item -> text
    for (const CheckText &text : checkTexts(story))
        texts.insert(text.field % u'\x1f' % text.item, text.text);
    QJsonArray marks;
    for (const Finding &finding : findings) {
        const QString target = targetOf(finding.field);
        if (target.isEmpty() || finding.length <= 0 || finding.matched.trimmed().isEmpty())
            continue;
        const auto text = texts.constFind(finding.field % u'\x1f' % finding.item);
        if (text == texts.cend() || text->mid(finding.start, finding.length) != finding.matched)
            continue; // the text changed since the check ran
        marks.append(QJsonObject{{u"target"_qs, target},
                                 {u"id"_qs, finding.item},
                                 {u"text"_qs, finding.matched},
                                 {u"occurrence"_qs, occurrencesBefore(*text, finding.matched, finding.start)},
                                 {u"severity"_qs, severityKey(finding.severity)},
                                 {u"message"_qs, finding.message}});
    }
    return marks;
}

} // namespace galley
