#pragma once

#include <QString>

namespace galley {

/// Counts the status bar shows for a text.
struct TextStats {
    int words = 0;      ///< as scanWords() counts them: "don’t", "well-known" and "4.2m" are one each
    int characters = 0; ///< user-perceived characters (grapheme clusters), line breaks excluded
    int readingSeconds = 0; ///< at 238 words a minute (Brysbaert 2019, silent reading of English prose)

    /// "1,234 words · 6,789 characters · 5 min read" (under a minute: "under 1 min read").
    QString summary() const;
    /// The same without the words: "6,789 characters · 5 min read" (beside a word count).
    QString charactersAndReading() const;
};

TextStats textStats(const QString &text);

} // namespace galley
