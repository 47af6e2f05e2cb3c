#include "wordscan.h"

#include <QRegularExpression>

namespace galley {

namespace {

bool isWordChar(QChar c) {
    return c.isLetterOrNumber() || c.isMark();
}

bool isJoiner(QChar c) {
    return c == u'\'' || c == u'’' || c == u'-' || c == u'‐'; // U+2010 hyphen
}

/// Ranges of URLs and e-mail addresses, in text order.
QList<std::pair<int, int>> skippedRanges(const QString &text) {
    QList<std::pair<int, int>> out;
    // Cheap test first: most paragraphs hold neither.
    if (!text.contains(u'@') && !text.contains(u"://"_qs) && !text.contains(u"www."_qs, Qt::CaseInsensitive))
        return out;
    static const QRegularExpression pattern(
        u"(?:\\b(?:https?|ftp)://|\\bwww\\.)[^\\s<>\"“”]*[^\\s<>\"“”.,;:!?)\\]’']"
        u"|[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+"_qs,
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption);
    auto it = pattern.globalMatch(text);
    while (it.hasNext()) {
        const auto m = it.next();
        out.append({int(m.capturedStart()), int(m.capturedEnd())});
    }
    return out;
}

bool isOpening(QChar c) {
    return c == u'"' || c == u'“' || c == u'‘' || c == u'\'' || c == u'(' || c == u'[' || c == u'—' ||
           c == u'–' || c == u'-' || c == u'*';
}

} // namespace

bool isSentenceStart(const QString &text, int at) {
    int i = at - 1;
    while (i >= 0 && (text.at(i) == u' ' || text.at(i) == u'\t' || text.at(i) == QChar::Nbsp ||
                      isOpening(text.at(i))))
        --i;
    if (i < 0)
        return true;
    const QChar c = text.at(i);
    if (c == u'\n' || c == QChar::LineSeparator || c == QChar::ParagraphSeparator)
        return true;
    // ". Next", ".” Next", "?) Next"
    int j = i;
    while (j >= 0 && (text.at(j) == u'"' || text.at(j) == u'”' || text.at(j) == u'’' || text.at(j) == u')' ||
                      text.at(j) == u']' || text.at(j) == u'\''))
        --j;
    if (j < 0)
        return false;
    const QChar end = text.at(j);
    return (end == u'.' || end == u'!' || end == u'?') && i + 1 < at;
}

QList<ScannedWord> scanWords(const QString &text) {
    QList<ScannedWord> out;
    const QList<std::pair<int, int>> skipped = skippedRanges(text);
    qsizetype nextSkip = 0;
    const int n = int(text.size());
    int i = 0;
    while (i < n) {
        if (nextSkip < skipped.size() && i >= skipped.at(nextSkip).first) {
            i = std::max(i, skipped.at(nextSkip).second);
            ++nextSkip;
            continue;
        }
        const QChar c = text.at(i);
        if (!isWordChar(c)) {
            ++i;
            continue;
        }
        // A word that began inside a skipped range was handled above; one running into it stops.
        const int limit = nextSkip < skipped.size() ? skipped.at(nextSkip).first : n;
        ScannedWord word;
        word.start = i;
        int j = i;
        while (j < limit) {
            const QChar d = text.at(j);
            if (isWordChar(d)) {
                word.hasDigit = word.hasDigit || d.isDigit();
                ++j;
            } else if (isJoiner(d) && j + 1 < limit && isWordChar(text.at(j + 1))) {
                ++j;
            } else if ((d == u'.' || d == u',' || d == u':') && j + 1 < limit && text.at(j + 1).isDigit() &&
                       j > i && text.at(j - 1).isDigit()) {
                ++j; // 4.2m, 10,000, 9:30 stay one token
            } else {
                break;
            }
        }
        word.length = j - i;
        word.sentenceStart = isSentenceStart(text, i);
        out.append(word);
        i = j;
    }
    return out;
}

QList<SentenceRange> scanSentences(const QString &text) {
    QList<SentenceRange> out;
    const int n = int(text.size());
    auto push = [&](int from, int to) {
        while (from < to && text.at(from).isSpace())
            ++from;
        while (to > from && text.at(to - 1).isSpace())
            --to;
        if (to > from)
            out.append({from, to - from});
    };
    int begin = 0;
    for (int i = 0; i < n; ++i) {
        const QChar c = text.at(i);
        if (c == u'\n' || c == QChar::LineSeparator || c == QChar::ParagraphSeparator) {
            push(begin, i);
            begin = i + 1;
        } else if (c == u'.' || c == u'!' || c == u'?') {
            int j = i + 1;
            while (j < n && (text.at(j) == u'.' || text.at(j) == u'!' || text.at(j) == u'?' || text.at(j) == u'"' ||
                             text.at(j) == u'”' || text.at(j) == u'’' || text.at(j) == u')' || text.at(j) == u'\''))
                ++j;
            if (j >= n || text.at(j).isSpace()) {
                push(begin, j);
                begin = j;
                i = j - 1;
            }
        }
    }
    push(begin, n);
    return out;
}

QString straightApostrophes(QString word) {
    for (QChar &c : word)
        if (c == u'’' || c == u'‘')
            c = u'\'';
    return word;
}

} // namespace galley
