#include "changemarks.h"

#include "render/articlerenderer.h"

#include <QJsonObject>

namespace galley {

QString changeMarksHtml(const QList<DiffToken> &tokens) {
    QString html;
    qsizetype i = 0;
    while (i < tokens.size()) {
        const DiffToken::Kind kind = tokens.at(i).kind;
        const qsizetype start = i;
        while (i < tokens.size() && tokens.at(i).kind == kind)
            ++i;
        if (start > 0 && tokens.at(start).spaceBefore)
            html += u' ';
        QString run;
        for (qsizetype k = start; k < i; ++k) {
            const DiffToken &token = tokens.at(k);
            if (token.text == u"\n"_qs) {
                run += u"<br>"_qs;
                continue;
            }
            if (k > start && token.spaceBefore)
                run += u' ';
            run += escapeHtml(token.text);
        }
        switch (kind) {
        case DiffToken::Kind::Same:
            html += run;
            break;
        case DiffToken::Kind::Added:
            html += u"<ins class=\"galley-change\">"_qs + run + u"</ins>"_qs;
            break;
        case DiffToken::Kind::Removed:
            html += u"<del class=\"galley-change\">"_qs + run + u"</del>"_qs;
            break;
        }
    }
    return html;
}

QJsonArray previewChangeMarks(const RevisionDiff &diff) {
    QJsonArray marks;
    const auto mark = [&](const QString &target, const QString &id, const FieldDiff &field) {
        QJsonObject o{{u"target"_qs, target}, {u"id"_qs, id}, {u"html"_qs, changeMarksHtml(field.tokens)}};
        // A block still in one piece is marked in place, keeping its bold, italic and links.
        if (target == u"block" && (field.change == FieldDiff::Change::Changed || field.change == FieldDiff::Change::Moved))
            o.insert(u"tokens"_qs, diffTokensJson(field.tokens));
        marks.append(o);
    };
    for (const FieldDiff &field : diff.fields) {
        const QString kind = field.key.section(u':', 0, 0);
        const QString id = field.key.section(u':', 1);
        if (kind == u"headline"_qs || kind == u"deck"_qs) {
            mark(kind, QString(), field);
        } else if (kind == u"block"_qs) {
            if (field.change == FieldDiff::Change::Removed)
                mark(u"removed-block"_qs, field.anchorBlockId, field);
            else
                mark(u"block"_qs, field.newBlockIds.value(0), field);
        } else if (kind == u"caption"_qs) {
            mark(u"caption"_qs, id, field);
        } else if (kind == u"quote"_qs) {
            mark(u"pull-quote"_qs, id, field);
        }
    }
    return marks;
}

} // namespace galley
