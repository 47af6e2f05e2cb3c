#include "textfind.h"

namespace galley {

namespace {

bool isWordChar(QChar c) {
    return c.isLetterOrNumber() || c == u'_' || c.category() == QChar::Mark_NonSpacing;
}

} // namespace

QList<TextMatch> findInText(const QString &text, const QString &needle, const FindOptions &options) {
    QList<TextMatch> matches;
    if (needle.isEmpty())
        return matches;
    const Qt::CaseSensitivity sensitivity = options.matchCase ? Qt::CaseSensitive : Qt::CaseInsensitive;
    qsizetype from = 0;
    while (from <= text.size() - needle.size()) {
        const qsizetype at = text.indexOf(needle, from, sensitivity);
        if (at < 0)
            break;
        const qsizetype end = at + needle.size();
        const bool wordStart = at == 0 || !isWordChar(text.at(at - 1));
        const bool wordEnd = end == text.size() || !isWordChar(text.at(end));
        if (!options.wholeWords || (wordStart && wordEnd)) {
            matches.append({at, needle.size()});
            from = end;
        } else {
            from = at + 1;
        }
    }
    return matches;
}

QString replacedInText(const QString &text, const QString &needle, const QString &replacement,
                       const FindOptions &options, int *count) {
    const QList<TextMatch> matches = findInText(text, needle, options);
    if (count)
        *count = int(matches.size());
    QString out = text;
    for (qsizetype i = matches.size() - 1; i >= 0; --i)
        out.replace(matches.at(i).start, matches.at(i).length, replacement);
    return out;
}

} // namespace galley
