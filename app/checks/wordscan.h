#pragma once

#include <QList>
#include <QString>

namespace galley {

/// One word of a text as the checks see it: letters, marks and digits, joined across an
/// apostrophe (' or ’) or a hyphen that has a word character on both sides ("don’t", "well-known",
/// "21st"). Positions are UTF-16 code units.
struct ScannedWord {
    int start = 0;
    int length = 0;
    bool hasDigit = false;      ///< numbers, ordinals, times, money ("21st", "9", "4.2m" parts)
    bool sentenceStart = false; ///< first word of the text or after . ! ? or a line break

    QString in(const QString &text) const { return text.mid(start, length); }
};

/// The words of @p text in order, leaving out everything inside a URL (http://, https://, www.) or
/// an e-mail address, which are not words to check.
QList<ScannedWord> scanWords(const QString &text);

/// A sentence of a text: [start, start + length) in UTF-16 code units, trimmed of spaces.
struct SentenceRange {
    int start = 0;
    int length = 0;
};

/// The sentences of @p text: split after . ! ? (with any closing quotes or brackets) followed by a
/// space, and at line breaks. Good enough for length limits; "Mr. Smith" splits, which only ever
/// makes a sentence shorter.
QList<SentenceRange> scanSentences(const QString &text);

/// True when a word at @p at in @p text starts a sentence: nothing but spaces and opening quotes or
/// brackets before it, or a line break, or . ! ? (and closing quotes) and a space.
bool isSentenceStart(const QString &text, int at);

/// The text with curly apostrophes (’ ‘) made straight, as the dictionaries spell them.
QString straightApostrophes(QString word);

} // namespace galley
