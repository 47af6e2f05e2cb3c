#pragma once

#include <QString>

namespace galley {

/// The spelling dictionary the importer splits run-together words with: Nuspell reading Debian's
/// hunspell-en-us (/usr/share/hunspell/en_US.aff and .dic, or the first en_US Nuspell finds).
/// Loaded once per process on first use (about 0.1 s); read-only afterwards, so it is safe to use
/// from several threads.
class Speller final {
public:
    /// The process-wide dictionary.
    static const Speller &shared();

    /// False when no en_US dictionary could be loaded; errorString() then says why.
    bool isAvailable() const;
    QString errorString() const;

    /// True when @p word (one word, any case as written) is spelled correctly. Capitalised forms of
    /// lowercase words are accepted ("Street"); lowercase forms of proper nouns are not ("hollister").
    bool isKnown(const QString &word) const;

    ~Speller();
    Q_DISABLE_COPY_MOVE(Speller)

private:
    Speller();
    struct Private;
    Private *d;
};

} // namespace galley
