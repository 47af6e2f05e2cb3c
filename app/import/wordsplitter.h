#pragma once

#include <QHash>
#include <QList>
#include <QSet>
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

/// What a story says about its own words: how often each word occurs (a run of letters with inner
/// apostrophes, case kept) and which two capitalised words stand side by side ("Ines Varga"). At
/// most MaxStoryWords distinct words are remembered; later new words count as unseen.
class StoryWords final {
public:
    /// Adds the words of @p text.
    void add(QStringView text);
    /// How often @p word occurs on its own.
    int count(QStringView word) const { return m_counts.value(qHash(word)); }
    /// True when "@p first @p second" occurs in the story, apart (one space between them).
    bool hasPair(QStringView first, QStringView second) const;

private:
    // Keyed by the words' 64-bit hashes: no copy of the text is kept, and a collision at worst
    // takes an unknown word for a name.
    QHash<size_t, int> m_counts;
    QSet<size_t> m_pairs;
};

/// Finds words run together where line breaks were lost in English text, in these shapes:
/// a sentence run into the next ("vote.Several"), a number run into a word ("14,000daily"),
/// a word run into a capitalised one ("ofNorthgate", "HollisterSaid"), two names that the story
/// also has apart ("InesVarga" beside "Ines Varga"), a capitalised adjective, month or weekday run
/// into a lowercase word ("Canadianofficials", "Marchafter"), a pronoun run into an auxiliary
/// ("shewould") and two or three lowercase words run together ("councilvoted", "Streetand").
///
/// A part counts as a word when the English dictionary knows it or the story uses it on its own
/// elsewhere (its names). Names and words the dictionary does not know are left whole, and so is any
/// token the story uses twice. To avoid cutting unknown words into accidental pieces ("riders|hip"),
/// every part is either a short function word ("the", "and", "said", ...) or four letters or more,
/// and a capitalised token is only split before a function word ("Streetand", "Hollistersaid").
/// Never split: tokens with digits (except a number run into a dictionary word: "1,200residents"),
/// links, e-mail addresses, @handles, #tags, domain and file names, tokens with letters outside
/// ASCII (another language's compounds: "kommunestyremøtet") and runs of more than
/// MaxSplitTokenLetters letters.
///
/// Work is bounded: at most @p lookupBudget dictionary look-ups (cached answers are free); once
/// spent, find() returns nothing more and exhausted() is true. Not thread-safe (it caches
/// dictionary answers); use one per import.
class WordSplitter final {
public:
    WordSplitter(const Speller &speller, const StoryWords &storyWords, qsizetype lookupBudget);
    Q_DISABLE_COPY_MOVE(WordSplitter)

    /// Every repair in @p text, in text order.
    QList<WordSplit> find(const QString &text) const;

    /// How much of @p text reads as English: of its lowercase words of four letters or more
    /// (@c measured), how many the dictionary knows (@c known). Names, short function words (which
    /// many languages share with English: "for", "men", "til") and run-together tokens aside, English
    /// copy scores above 0.9 and Norwegian or German below 0.3. Adds to @p share; stops measuring
    /// once @p share has @p maxMeasured words.
    struct Share {
        int measured = 0;
        int known = 0;
    };
    void measureEnglish(QStringView text, Share &share, int maxMeasured) const;

    /// True once the look-up budget is spent.
    bool exhausted() const { return m_exhausted; }

private:
    bool isWord(QStringView part) const;
    bool dictionaryKnows(QStringView word) const;
    QList<qsizetype> cutsOf(QStringView token) const;
    QList<qsizetype> repairToken(const QString &token) const;
    QList<qsizetype> numberCut(const QString &token) const;
    QList<qsizetype> repairWord(const QString &word) const;
    QList<qsizetype> splitJoined(const QString &piece) const;
    qsizetype commonShape(const QString &piece) const;
    bool isProperAdjective(const QString &word) const;

    const Speller &m_speller;
    const StoryWords &m_storyWords;
    const qsizetype m_budget;
    mutable qsizetype m_lookups = 0;
    mutable bool m_exhausted = false;
    /// Dictionary answers and each token's cuts, by the 64-bit hash of the word or token: a story
    /// repeats most of its words, and each is looked into once.
    mutable QHash<size_t, bool> m_known;
    mutable QHash<size_t, QList<qsizetype>> m_tokens;
};

} // namespace galley
