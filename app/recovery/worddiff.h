#pragma once

#include <QList>
#include <QString>

namespace galley {

/// One word (or line break) of a word-level comparison, in reading order: in both texts, only in
/// the newer one, or only in the older one.
struct DiffToken {
    enum class Kind { Same, Added, Removed };
    Kind kind = Kind::Same;
    /// A word (letters and digits, with any apostrophes or hyphens inside it), one punctuation
    /// character, or "\n" for a line break.
    QString text;
    /// A space came before it in its text (how to put the words back together for reading).
    bool spaceBefore = false;

    friend bool operator==(const DiffToken &, const DiffToken &) = default;
};

/// Word-level comparison of two texts. Words and punctuation marks are compared apart ("day." and
/// "day" share the word), spaces only separate them, and line breaks are tokens of their own so
/// paragraphs stay apart.
struct WordDiff {
    QList<DiffToken> tokens;
    /// Added / removed words (punctuation does not count).
    int wordsAdded = 0;
    int wordsRemoved = 0;

    bool hasChanges() const;
};

/// Compares @p before with @p after word by word (dtl's shortest edit script; a common start and
/// end are matched first, so text appended to a long story costs little).
WordDiff diffWords(const QString &before, const QString &after);

/// @p text (plain, escaped here) as HTML for Qt's rich-text widgets: added words on green,
/// removed words on red and struck through, unchanged ones plain. The one look of a change in the
/// recovery dialog and the History panel.
QString diffTokenHtml(DiffToken::Kind kind, const QString &text);

/// Words in @p text as WordDiff counts them: runs of letters and digits (an apostrophe or hyphen
/// between two letters keeps a word together: "don't", "ferry-master").
int countWords(const QString &text);

} // namespace galley
