#include "finding.h"

#include <algorithm>

namespace galley {

QString severityKey(Severity severity) {
    switch (severity) {
    case Severity::Error:
        return u"error"_qs;
    case Severity::Warning:
        return u"warning"_qs;
    case Severity::Advisory:
        break;
    }
    return u"advisory"_qs;
}

std::optional<Severity> severityFromKey(const QString &key) {
    const QString k = key.trimmed().toLower();
    if (k == u"error")
        return Severity::Error;
    if (k == u"warning")
        return Severity::Warning;
    if (k == u"advisory")
        return Severity::Advisory;
    return std::nullopt;
}

QString Finding::ignoreKey() const {
    // An ignored spelling holds for the word wherever the story uses it.
    if (rule == u"spelling")
        return rule % u"\x1f*\x1f"_qs % matched;
    return rule % u'\x1f' % field % u'\x1f' % matched;
}

namespace {

int fieldRank(const QString &field) {
    static const QStringList order = {u"story"_qs,   u"headline"_qs, u"deck"_qs,        u"byline"_qs,
                                      u"dateline"_qs, u"section"_qs, u"body"_qs,        u"pullquote"_qs,
                                      u"attribution"_qs, u"caption"_qs, u"credit"_qs, u"alt"_qs};
    const qsizetype i = order.indexOf(field);
    return i < 0 ? int(order.size()) : int(i);
}

} // namespace

void sortFindings(QList<Finding> &findings) {
    // Stable: within a field findings keep the checker's order (text order, then position).
    std::stable_sort(findings.begin(), findings.end(), [](const Finding &a, const Finding &b) {
        if (a.severity != b.severity)
            return a.severity < b.severity;
        return fieldRank(a.field) < fieldRank(b.field);
    });
}

} // namespace galley
