#include "smartquotes.h"

namespace galley::smartquotes {

namespace {

constexpr QChar OpenDouble(0x201C);
constexpr QChar CloseDouble(0x201D);
constexpr QChar OpenSingle(0x2018);
constexpr QChar CloseSingle(0x2019);

/// Characters after which a quote opens: brackets, dashes, slashes and opening quotes.
bool opensAfter(QChar c) {
    static const QString openers = u"([{<\u2014\u2013-/\u201C\u2018\u00AB\u2039"_qs;
    return c.isSpace() || openers.contains(c);
}

/// Words that begin with an apostrophe standing for left-out letters ("rock 'n' roll", "'em").
bool isElision(const QString &word) {
    static const QStringList elisions = {u"n"_qs,  u"em"_qs,  u"tis"_qs,    u"twas"_qs, u"til"_qs,
                                         u"cause"_qs, u"bout"_qs, u"round"_qs, u"nuff"_qs};
    return elisions.contains(word.toLower());
}

/// The curly form of the straight quote @p quote between @p before and @p after (null QChar at the
/// text's ends; @p after null also while typing, when nothing follows yet).
QChar curl(QChar quote, QChar before, QChar after) {
    const bool opening = before.isNull() || opensAfter(before);
    if (quote == u'"')
        return opening ? OpenDouble : CloseDouble;
    if (!opening)
        return CloseSingle; // don't, Smiths', 'quoted'
    if (after.isDigit())
        return CloseSingle; // '90s
    return OpenSingle;
}

/// The letters of the word starting at @p from.
QString wordAt(const QString &text, qsizetype from) {
    qsizetype end = from;
    while (end < text.size() && text.at(end).isLetter())
        ++end;
    return text.mid(from, end - from);
}

} // namespace

QString curled(const QString &text) {
    if (!text.contains(u'"') && !text.contains(u'\''))
        return text;
    QString out = text;
    for (qsizetype i = 0; i < out.size(); ++i) {
        const QChar c = out.at(i);
        if (c != u'"' && c != u'\'')
            continue;
        const QChar before = i > 0 ? out.at(i - 1) : QChar();
        const QChar after = i + 1 < out.size() ? out.at(i + 1) : QChar();
        QChar curly = curl(c, before, after);
        if (curly == OpenSingle) {
            // 'n' and 'em: an elision, not an opening quote.
            const QString word = wordAt(out, i + 1);
            const qsizetype end = i + 1 + word.size();
            const bool wordEnds = end >= out.size() || !out.at(end).isLetterOrNumber();
            if (wordEnds && isElision(word) && (word.toLower() != u"n" || (end < out.size() && out.at(end) == u'\'')))
                curly = CloseSingle;
        }
        out[i] = curly;
    }
    return out;
}

QList<QuoteFix> fixesAfterTyping(const QString &text, qsizetype typedAt) {
    QList<QuoteFix> fixes;
    if (typedAt < 0 || typedAt >= text.size())
        return fixes;
    const QChar typed = text.at(typedAt);
    const QChar before = typedAt > 0 ? text.at(typedAt - 1) : QChar();
    if (typed == u'"' || typed == u'\'') {
        fixes.append({typedAt, curl(typed, before, QChar())});
        return fixes;
    }
    // ‘9: an opening single quote right before a digit opens no quotation ('90s).
    const bool wordStart = typedAt < 2 || opensAfter(text.at(typedAt - 2));
    if (typed.isDigit() && before == OpenSingle && wordStart) {
        fixes.append({typedAt - 1, CloseSingle});
        return fixes;
    }
    if (typed.isLetterOrNumber())
        return fixes;
    // A word just ended: ‘n’, ‘em, ‘tis were elisions.
    qsizetype start = typedAt;
    while (start > 0 && (text.at(start - 1).isLetter() || text.at(start - 1) == CloseSingle))
        --start;
    if (start == 0 || text.at(start - 1) != OpenSingle)
        return fixes;
    const qsizetype quote = start - 1;
    if (quote > 0 && !opensAfter(text.at(quote - 1)))
        return fixes;
    QString word = text.mid(start, typedAt - start);
    const bool closedN = word.size() == 2 && word.at(1) == CloseSingle;
    if (closedN)
        word.chop(1);
    if (word.contains(CloseSingle) || !isElision(word) || (word.toLower() == u"n" && !closedN))
        return fixes;
    fixes.append({quote, CloseSingle});
    return fixes;
}

} // namespace galley::smartquotes
