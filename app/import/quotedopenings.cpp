#include "quotedopenings.h"

#include <QStringList>

namespace galley {

namespace {

/// Words compared: the first MinWords to MaxWords of an opening.
constexpr int MinWords = 3;
constexpr int MaxWords = 6;
/// How far after an opening its words are looked for, so the scan stays linear.
constexpr qsizetype MaxOpeningChars = 160;

bool isOpeningMark(QChar c) {
    return c == u'"' || c == u'\u201C' || c == u'\u00AB' || c == u'\u2018';
}

bool isClosingMark(QChar c) {
    return c == u'"' || c == u'\u201D' || c == u'\u00BB' || c == u'\u2019';
}

/// Up to MaxWords words (letters and digits, lowercase) from @p from, stopping at a closing quote.
QStringList openingWords(const QString &text, qsizetype from) {
    QStringList words;
    QString word;
    const qsizetype end = std::min(text.size(), from + MaxOpeningChars);
    for (qsizetype i = from; i < end && words.size() < MaxWords; ++i) {
        const QChar c = text.at(i);
        if (c.isLetterOrNumber()) {
            word += c.toLower();
            continue;
        }
        if (c == u'\'' || (c == u'\u2019' && i + 1 < end && text.at(i + 1).isLetter()))
            continue; // an apostrophe inside a word ("harbour's")
        if (!word.isEmpty())
            words << std::exchange(word, {});
        if (isClosingMark(c) && c != u'"')
            break;
        if (c == u'"')
            break;
    }
    if (!word.isEmpty() && words.size() < MaxWords)
        words << word;
    return words;
}

QString keyOf(const QStringList &words, qsizetype n) {
    return words.mid(0, n).join(u' ');
}

} // namespace

void QuotedOpenings::add(const QString &paragraph, int index) {
    auto record = [&](qsizetype from) {
        const QStringList words = openingWords(paragraph, from);
        for (qsizetype n = MinWords; n <= words.size(); ++n) {
            const QString key = keyOf(words, n);
            const auto it = m_keys.constFind(key);
            if (it == m_keys.constEnd())
                m_keys.insert(key, index);
            else if (*it != index)
                m_keys[key] = -2;
        }
    };
    bool inQuote = false;
    for (qsizetype i = 0; i < paragraph.size(); ++i) {
        const QChar c = paragraph.at(i);
        const bool atWordStart = i == 0 || paragraph.at(i - 1).isSpace() || paragraph.at(i - 1) == u'(' ||
                                 paragraph.at(i - 1) == u'\u2014';
        if (!inQuote && isOpeningMark(c) && atWordStart) {
            inQuote = true;
            record(i + 1);
        } else if (inQuote && isClosingMark(c) &&
                   !(c == u'\u2019' && i + 1 < paragraph.size() && paragraph.at(i + 1).isLetter())) {
            inQuote = false;
        } else if (inQuote && (c == u'.' || c == u'!' || c == u'?') && i + 2 < paragraph.size() &&
                   paragraph.at(i + 1) == u' ' && paragraph.at(i + 2).isUpper()) {
            record(i + 2);
        }
    }
}

bool QuotedOpenings::repeats(const QString &quote, int index) const {
    const QStringList words = openingWords(quote, 0);
    if (words.size() < MinWords)
        return false;
    const auto it = m_keys.constFind(keyOf(words, words.size()));
    return it != m_keys.constEnd() && *it != index;
}

} // namespace galley
