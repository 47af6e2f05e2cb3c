#pragma once

#include <QHash>
#include <QList>
#include <QString>

namespace galley {

class Speller;

/// One repair of words run together: @c original is a whitespace-free token of the text starting
/// at @c offset; @c result is the same token with spaces inserted ("councilvoted" -> "council voted").
struct WordSplit {
    qsizetype offset = 0;
    QString original;
    QString result;
    /// A join no clean copy has: a sentence, comma or number run into the next word, a lowercase
    /// word run into a capitalised one, or three words in one token. A plain two-word join
    /// ("livestream") may be a compound the writer meant.
    bool runOn = false;

    friend bool operator==(const WordSplit &, const WordSplit &) = default;
};

/// Finds words run together where line breaks were lost, in four shapes:
/// a sentence run into the next ("vote.Several"), a number run into a word ("14,000daily"),
/// a word run into a capitalised one ("ofNorthgate", "HollisterSaid") and two or three lowercase
/// words run together ("councilvoted", "Streetand").
///
/// A part counts as a word when the dictionary knows it or the story uses it on its own elsewhere
/// (its names). Names and words the dictionary does not know are left whole, and so is any token
/// the story uses twice. To avoid cutting unknown words into accidental pieces ("riders|hip"),
/// every part is either a short function word ("the", "and", "said", ...) or four letters or more,
/// and a capitalised token is only split before a function word ("Streetand", "Hollistersaid").
/// Not thread-safe (it caches dictionary answers); use one per import.
class WordSplitter final {
public:
    /// @p storyWords: how often each word occurs in the story, as countWords() counts them.
    WordSplitter(const Speller &speller, QHash<QString, int> storyWords);
    Q_DISABLE_COPY_MOVE(WordSplitter)

    /// Every repair in @p text, in text order.
    QList<WordSplit> find(const QString &text) const;

    /// Adds each word of @p text (a run of letters with inner apostrophes, case kept) to @p counts.
    static void countWords(const QString &text, QHash<QString, int> &counts);

private:
    bool isWord(const QString &part) const;
    bool dictionaryKnows(const QString &word) const;
    QList<qsizetype> repairToken(const QString &token) const;
    QList<qsizetype> repairWord(const QString &word) const;
    QList<qsizetype> splitJoined(const QString &piece) const;

    const Speller &m_speller;
    QHash<QString, int> m_storyWords;
    mutable QHash<QString, bool> m_known;
};

} // namespace galley
