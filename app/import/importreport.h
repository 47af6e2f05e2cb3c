#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace galley {

/// What one import change did. Removals drop a line of the input; recognitions give a line a role
/// in the story (headline, caption, ...); split-words inserts spaces where line breaks were lost.
enum class ImportChangeKind {
    RemovedChrome,    ///< site navigation, sign-up and login prompts, share and ad lines, cookie notices
    RemovedDuplicate, ///< a paragraph that appears again (also with other spacing), or a teaser repeating the
                      ///< lede
    SplitWords,       ///< words run together ("councilvoted") split with the dictionary and the story's names
    RecognisedSection, ///< a section label above the headline
    RecognisedHeadline,
    RecognisedDeck,
    RecognisedByline,
    RecognisedDateline,
    RecognisedSubhead,
    RecognisedPullQuote, ///< a short sentence followed by the speaker's name and title
    RecognisedCaption,   ///< a caption whose picture is in the file
    PictureMissing,      ///< a caption whose picture is not in the file or not a picture Galley takes:
                         ///< an image entry without data
    KeptAsText,          ///< markup the story model cannot hold (a table row, preformatted text, an
                         ///< editor's note, a tagline, a quote's credit) kept as plain paragraphs
    RemovedElement,      ///< content dropped on purpose: struck-out text, a link with an unsafe address,
                         ///< an element the importer does not read
    UnwrappedLink,       ///< a link through a redirect page (Google Docs' google.com/url?q=…) made to
                         ///< point straight at its target
};

/// Stable key of @p kind as used by `galley import --report`: "removed-chrome", "removed-duplicate",
/// "split-words", "recognised-section", ..., "picture-missing".
QString importChangeKey(ImportChangeKind kind);
/// Parses a key written by importChangeKey(); nullopt when unknown.
std::optional<ImportChangeKind> importChangeKindFromKey(const QString &key);
/// A short label an editor reads in the review dialog ("Removed site chrome", "Split run-together words",
/// ...).
QString importChangeLabel(ImportChangeKind kind);

/// One change the importer made. Every change can be refused: the story is then built as if the
/// change had not been made (a removed line comes back as a body paragraph where it stood, a
/// recognised line stays a body paragraph, split words stay joined).
struct ImportChange {
    ImportChangeKind kind = ImportChangeKind::RemovedChrome;
    /// The input text the change is about, as decoded (for split-words: the joined token).
    QString original;
    /// What the story gets instead: empty for removals, the repaired token for split-words, the field
    /// value for recognitions ("text — attribution" for pull quotes, "caption (credit)" for images).
    QString result;
    /// 1-based line of the decoded input where @c original starts; 0 when unknown.
    int line = 0;
    /// 0-based character offset of @c original inside its paragraph (split-words only, else 0).
    int column = 0;
    /// Why, in a plain sentence, when the kind alone does not say it ("The teaser repeats the lede.").
    QString note;

    friend bool operator==(const ImportChange &, const ImportChange &) = default;
};

/// Everything an import did, in input order within each step, for the review dialog and --report.
struct ImportReport {
    QString sourceName; ///< file name or "clipboard"
    QString format;     ///< "text", "html" or "nitf"
    QString encoding;   ///< the encoding the bytes were read in ("UTF-8", "WINDOWS-1252", ...)
    QList<ImportChange> changes;
    /// Plain sentences about the import as a whole (e.g. the dictionary could not be loaded).
    QStringList notes;

    /// Indexes into @c changes of every change of @p kind.
    QList<int> indexesOf(ImportChangeKind kind) const;
};

/// The report as UTF-8-ready plain text for `galley import --report`: a header line
/// "# <source>: <format>, <encoding>, N changes" ("1 change" for one), then one line per change
/// "<key>\t<line>\t<original>\t<result>" with tabs and newlines in the texts shown as spaces.
QString formatImportReport(const ImportReport &report);

} // namespace galley
