#pragma once

#include "wordscan.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <memory>

namespace galley {

class SpellDictionary;

/// The hunspell dictionary name ("en_US") for a story's BCP 47 language ("en-GB", "en_ca", "de"),
/// among those installed in /usr/share/hunspell (Debian's hunspell-* packages). An empty language
/// and plain "en" mean the house default, en_US. Empty when no dictionary serves the language.
QString dictionaryNameFor(const QString &language);

/// Names of the installed dictionaries ("en_CA", "en_GB", "en_US"), sorted.
QStringList installedDictionaries();

/// What the speller knows beyond the dictionary for one story: the library's house dictionary,
/// the words the desk ignored in this story, and the names the story itself uses.
struct SpellContext {
    /// House dictionary words as added: a lowercase entry accepts any case ("galley" accepts
    /// "Galley", "GALLEY"), an entry with capitals ("Wi-Fi", "McTavish") only its own spelling and
    /// its ALL-CAPS form.
    QStringList houseWords;
    /// Words ignored in this story (exactly as written).
    QStringList ignoredWords;
    /// Names the story uses: see storyNames().
    QSet<QString> names;
};

/// The names a story uses: words that start with a capital letter (not ALL CAPS) where no sentence
/// starts, more than once in @p texts; a possessive 's is not part of the name ("Holt's" counts as
/// "Holt"). A misspelled common word is rarely capitalised mid-sentence twice; a name usually is.
QSet<QString> storyNames(const QStringList &texts);

/// A misspelled word: its range (UTF-16 code units) in the text that was checked.
struct Misspelling {
    int start = 0;
    int length = 0;
    QString word;

    friend bool operator==(const Misspelling &, const Misspelling &) = default;
};

/// A spelling checker for one language: Nuspell over a Debian hunspell dictionary, with the rules
/// that keep a newsroom's copy free of false alarms (numbers, ordinals, times and money; URLs and
/// e-mail addresses; curly apostrophes; hyphenated compounds whose parts are words; ALL-CAPS
/// acronyms of up to five letters, with a plural s ("NGOs"); names the story uses; the house
/// dictionary; ignored words).
///
/// Dictionaries are loaded once per process and shared (about 0.1 s each, on first use). A SpellChecker
/// remembers the words it has looked up, so it is cheap to keep and not thread-safe: one per
/// thread.
class SpellChecker final {
public:
    /// A speller for @p language (a story's BCP 47 tag; empty is en-US). isAvailable() is false when
    /// no dictionary serves it; errorString() then says why in a plain sentence.
    explicit SpellChecker(const QString &language = {});
    ~SpellChecker();
    Q_DISABLE_COPY_MOVE(SpellChecker)

    bool isAvailable() const;
    QString errorString() const;
    /// The hunspell dictionary in use ("en_GB"); empty when none.
    QString dictionaryName() const;

    /// Sets what this speller knows beyond the dictionary; the lookups remembered are kept.
    void setContext(const SpellContext &context);
    const SpellContext &context() const;

    /// The misspelled words of @p text (one field or block), in order.
    QList<Misspelling> check(const QString &text) const;
    /// True when @p word (one word as written, straight or curly apostrophes) needs no correction.
    bool isCorrect(const QString &word) const;
    /// Up to @p max corrections for @p word, best first (Nuspell's suggestions; can take tens of
    /// milliseconds, so ask only when a menu is opened).
    QStringList suggestions(const QString &word, int max = 6) const;

private:
    bool known(const QString &word) const;
    bool acceptable(const QString &word) const;

    std::shared_ptr<const SpellDictionary> m_dictionary;
    QString m_name;
    QString m_error;
    SpellContext m_context;
    QSet<QString> m_houseExact;
    QSet<QString> m_houseAnyCase;
    QSet<QString> m_ignored;
    mutable QHash<QString, bool> m_known;
};

} // namespace galley
