#pragma once

#include <QList>
#include <QString>

namespace galley {

/// How find and replace match.
struct FindOptions {
    bool matchCase = false;  ///< else letters match in any case (Unicode simple case folding, QString)
    bool wholeWords = false; ///< else a match may start or end inside a word
};

/// One match in a text: UTF-16 offset and length.
struct TextMatch {
    qsizetype start = 0;
    qsizetype length = 0;
    bool operator==(const TextMatch &) const = default;
};

/// Every match of @p needle in @p text, left to right, never overlapping. With wholeWords a match
/// must not have a letter, digit or underscore right before or after it (a needle that itself
/// starts or ends with such a character needs that boundary; "sea" is not found in "seawall" or
/// "Chelsea", but is in "sea-wall"). An empty @p needle matches nothing.
QList<TextMatch> findInText(const QString &text, const QString &needle, const FindOptions &options);

/// @p text with every match of @p needle (findInText()) replaced by @p replacement, taken literally
/// (no patterns); @p count, when given, is set to the number of replacements.
QString replacedInText(const QString &text, const QString &needle, const QString &replacement,
                       const FindOptions &options, int *count = nullptr);

} // namespace galley
