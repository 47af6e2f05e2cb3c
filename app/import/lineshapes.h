#pragma once

#include <QString>

#include <optional>

namespace galley {

/// Shapes of single lines of story text that tell their role when no markup does. Each takes the
/// line as plain text (trimmed) and looks only at it. Internal to the importer.
namespace lineshape {

/// Number of space-separated words in @p line.
int wordCount(const QString &line);
/// Ends with sentence punctuation (. ! ? or … possibly followed by a closing quote).
bool endsSentence(const QString &line);
/// A section label: one to three words, at most 30 characters, no digits, no end punctuation.
bool isSectionLabel(const QString &line);
/// A headline: 3 to 25 words, not ending with . , ; :
bool isHeadline(const QString &line);
/// A deck: 4 to 45 words.
bool isDeck(const QString &line);
/// A subhead: 1 to 10 words, capitalised, no end punctuation except "?".
bool isSubhead(const QString &line);
/// A byline: "By Name ..." in at most 10 words.
bool isByline(const QString &line);
/// "By Jane Doe" -> "Jane Doe".
QString bylineName(const QString &line);

struct Caption {
    QString caption;
    QString credit;
};
/// A caption with its credit in a closing parenthesis: "Text ends here. (Name/Agency)". The
/// caption must end a sentence and the credit be 1 to 8 words starting with a capital, without
/// end punctuation. nullopt when @p line has not that shape.
std::optional<Caption> parseCaption(const QString &line);

struct Quote {
    QString text;
    QString attribution;
};
/// A pull quote: one or two sentences (3 to 40 words, outer quotation marks dropped) followed by
/// the speaker: 2 to 6 capitalised words (particles like "of", "de", "van" allowed), optionally a
/// comma and a title of up to 8 words, without end punctuation.
/// "We waited twenty years. Councillor Jane Roe" -> {"We waited twenty years.", "Councillor Jane Roe"}.
std::optional<Quote> parsePullQuote(const QString &line);

} // namespace lineshape
} // namespace galley
