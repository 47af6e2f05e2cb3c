#include "lineshapes.h"

#include <QSet>
#include <QStringList>

namespace galley::lineshape {

namespace {

bool isClosingMark(QChar c) {
    return c == u'"' || c == u'\'' || c == u'\u201D' || c == u'\u2019' || c == u')';
}

bool endsWithAny(const QString &line, QStringView chars) {
    return !line.isEmpty() && chars.contains(line.back());
}

bool isNameWord(const QString &word) {
    static const QSet<QString> particles = {u"of"_qs,  u"de"_qs,  u"del"_qs, u"van"_qs, u"von"_qs,
                                            u"der"_qs, u"da"_qs,  u"di"_qs,  u"la"_qs,  u"le"_qs,
                                            u"the"_qs, u"and"_qs, u"for"_qs, u"bin"_qs, u"al"_qs};
    if (particles.contains(word))
        return true;
    if (word.isEmpty() || !word.front().isUpper())
        return false;
    for (const QChar c : word)
        if (!(c.isLetter() || c == u'-' || c == u'\'' || c == u'\u2019' || c == u'.'))
            return false;
    return true;
}

QString stripOuterQuotes(QString text) {
    static const QString open = u"\"\u201C\u2018'"_qs;
    static const QString close = u"\"\u201D\u2019'"_qs;
    text = text.trimmed();
    if (!text.isEmpty() && open.contains(text.front()))
        text.remove(0, 1);
    if (!text.isEmpty() && close.contains(text.back()))
        text.chop(1);
    // "....," said the speaker would leave a comma where the quote ended.
    if (text.endsWith(u','))
        text.back() = u'.';
    return text.trimmed();
}

} // namespace

int wordCount(const QString &line) {
    return int(line.split(u' ', Qt::SkipEmptyParts).size());
}

bool endsSentence(const QString &line) {
    qsizetype end = line.size();
    while (end > 0 && isClosingMark(line.at(end - 1)) && line.at(end - 1) != u')')
        --end;
    return end > 0 && QStringView(u".!?\u2026").contains(line.at(end - 1));
}

bool isSectionLabel(const QString &line) {
    const int words = wordCount(line);
    if (words < 1 || words > 3 || line.size() > 30 || !line.front().isUpper())
        return false;
    for (const QChar c : line)
        if (c.isDigit())
            return false;
    return !endsWithAny(line, u".,;:!?\"\u201D");
}

bool isHeadline(const QString &line) {
    const int words = wordCount(line);
    return words >= 3 && words <= 25 && !endsWithAny(line, u".,;:") && !parseCaption(line);
}

bool isDeck(const QString &line) {
    const int words = wordCount(line);
    return words >= 4 && words <= 45;
}

bool isSubhead(const QString &line) {
    const int words = wordCount(line);
    return words >= 1 && words <= 10 && line.front().isUpper() && !endsWithAny(line, u".,;:!\"\u201D)");
}

bool isByline(const QString &line) {
    return line.startsWith(u"By "_qs) && wordCount(line) <= 10 && line.size() > 3 && line.at(3).isUpper() &&
           !endsSentence(line);
}

QString bylineName(const QString &line) {
    return isByline(line) ? line.mid(3).trimmed() : line;
}

std::optional<Caption> parseCaption(const QString &line) {
    if (!line.endsWith(u')'))
        return std::nullopt;
    const qsizetype open = line.lastIndexOf(u'(');
    if (open <= 0)
        return std::nullopt;
    const QString credit = line.mid(open + 1, line.size() - open - 2).trimmed();
    const QString caption = line.left(open).trimmed();
    const int creditWords = wordCount(credit);
    if (credit.isEmpty() || creditWords > 8 || !credit.front().isUpper() || endsWithAny(credit, u".,;:!?") ||
        wordCount(caption) < 3 || !endsSentence(caption))
        return std::nullopt;
    return Caption{caption, credit};
}

std::optional<Quote> parsePullQuote(const QString &line) {
    // The speaker follows the last sentence end: find ". Name" from the right.
    for (qsizetype i = line.size() - 2; i > 0; --i) {
        if (line.at(i) != u' ')
            continue;
        const QString head = line.left(i).trimmed();
        if (!endsSentence(head))
            continue;
        const QString tail = line.mid(i + 1).trimmed();
        if (endsWithAny(tail, u".,;:!?\"\u201D)"))
            return std::nullopt;
        const qsizetype comma = tail.indexOf(u',');
        const QString name = comma < 0 ? tail : tail.left(comma);
        const QString title = comma < 0 ? QString() : tail.mid(comma + 1).trimmed();
        const QStringList nameWords = name.split(u' ', Qt::SkipEmptyParts);
        if (nameWords.size() < 2 || nameWords.size() > 6 || wordCount(title) > 8 ||
            (comma >= 0 && title.isEmpty()))
            return std::nullopt;
        for (const QString &word : nameWords)
            if (!isNameWord(word))
                return std::nullopt;
        if (!nameWords.front().front().isUpper())
            return std::nullopt;
        const QString text = stripOuterQuotes(head);
        const int words = wordCount(text);
        if (words < 3 || words > 40)
            return std::nullopt;
        return Quote{text, tail};
    }
    return std::nullopt;
}

} // namespace galley::lineshape
