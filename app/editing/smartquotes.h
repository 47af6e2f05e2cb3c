#pragma once

#include <QList>
#include <QString>

namespace galley {

/// Typographic (“curly”) quotes and apostrophes for text as it is typed or pasted, following the
/// usual English rules (Chicago Manual of Style 6.115; what word processors' "smart quotes" do):
/// a quote after the start of the text, white space, an opening bracket, a dash or another opening
/// quote opens (“ ‘), any other closes (” ’); a single quote after a letter or digit is an
/// apostrophe (don’t, Smiths’); a single quote opening a word that is an elision is an apostrophe
/// too: before a digit ('90s -> ’90s) and in 'n' ('n', 'em, 'tis, 'twas, 'til, 'cause). Only the
/// ASCII characters " (U+0022) and ' (U+0027) are changed; code-like text is not special.
namespace smartquotes {

/// Every straight quote of @p text made curly by its context (the characters on both sides), for
/// pasted text. Text without straight quotes comes back unchanged.
QString curled(const QString &text);

/// One character to change: the one at @p position becomes @p to.
struct QuoteFix {
    qsizetype position = 0;
    QChar to;
    bool operator==(const QuoteFix &) const = default;
};

/// What typing the character at @p typedAt of @p text (the text just after it was typed) changes,
/// in the order to apply them: the typed character itself when it is a straight quote (judged by
/// what comes before it), and an opening ‘ earlier in the word that the typing shows to be an
/// apostrophe (a digit typed right after it: ‘9 -> ’9; the end of an elision typed: ‘n’ or ‘em
/// followed by a space or punctuation -> ’n’, ’em). Empty when nothing changes.
QList<QuoteFix> fixesAfterTyping(const QString &text, qsizetype typedAt);

} // namespace smartquotes

} // namespace galley
