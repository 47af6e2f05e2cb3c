#pragma once

#include "importreport.h"
#include "model/story.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <memory>
#include <optional>

namespace galley {

/// Largest input the importer reads, in bytes (16 MiB): a story is a few hundred kilobytes at most.
inline constexpr qint64 MaxImportBytes = 16 * 1024 * 1024;

/// What kind of input the bytes are. Auto looks at the content (detectImportFormat()), never at the
/// file name alone.
enum class ImportFormat {
    Auto,
    PlainText,
    Html,
    Nitf,     ///< NITF 3.x XML
    Ninjs,    ///< IPTC ninjs 1.x-3.x JSON
    NewsMLG2, ///< IPTC NewsML-G2 newsItem or newsMessage XML
    WireText, ///< agency wire text: IPTC 7901 or ANPA-1312 framing
};

struct ImportOptions {
    /// Shown in the report and used for the format guess: a file name, or "clipboard".
    QString sourceName;
    ImportFormat format = ImportFormat::Auto;
};

struct ImportDraft;

/// The outcome of one import: the cleanup report and the story it builds. The story is built on
/// demand from the input so that the editor can refuse any change in the report and get the
/// story exactly as if that change had not been made. Cheap to copy (shared, immutable).
class ImportResult final {
public:
    /// Made by importBytes() and importFile(); @p draft is the importer's internal analysis.
    explicit ImportResult(std::shared_ptr<const ImportDraft> draft);

    const ImportReport &report() const;

    /// The story with every change in the report applied.
    Story story() const;

    /// The story with only the changes whose @p accepted entry is true applied (indexes as in
    /// report().changes; missing entries count as accepted). A refused removal puts the line back
    /// as a body paragraph where it stood; a refused recognition leaves the line a body paragraph;
    /// refused split-words leave the token joined. The story's id, creation time, original bytes and
    /// format are the same on every call; block ids are stable per input line.
    Story story(const QList<bool> &accepted) const;

private:
    std::shared_ptr<const ImportDraft> d;
};

/// Imports @p bytes (plain text, HTML or NITF in any encoding decodeText() reads) into a story.
/// Cleanup steps, each listed in the report: what the reader kept in another shape or left out
/// (kept-as-text, removed-element: tables, preformatted text, notes, struck text, unsafe links);
/// site chrome removed (also wire priority, slug and end lines); teaser and repeated paragraphs
/// removed; run-together words split, only when the text shows lost line breaks (three candidate
/// joins with at least one run-on such as "vote.Several", or a joined word the same text also has
/// split) and never in the headline, deck or section; section, headline, deck, byline(s), a wire
/// dateline opening the first paragraph, subheads, captions with credits, and pull quotes with
/// their speaker recognised. Nothing is written anywhere. Refusing a kept-as-text or
/// removed-element change leaves the story as it is: the original bytes are kept in the story.
/// Errors (nullopt, @p error set to a plain sentence): empty, binary, too large (over
/// MaxImportBytes), undecodable, malformed or truncated NITF, or no story text found.
std::optional<ImportResult> importBytes(const QByteArray &bytes, const ImportOptions &options,
                                        QString *error);

/// Reads the file at @p path (refusing it before reading when it is larger than MaxImportBytes)
/// and imports it as importBytes() does, with its file name as the source name.
std::optional<ImportResult> importFile(const QString &path, QString *error);

/// Like importBytes(), but keeps every story the input holds, in input order: a NewsML-G2
/// newsMessage carries several text items, each one story. Other formats give exactly one.
std::optional<QList<ImportResult>> importAll(const QByteArray &bytes, const ImportOptions &options,
                                             QString *error);

/// Like importFile(), every story the file holds (see importAll()). Only regular files are read:
/// a folder, named pipe (FIFO), socket or device is refused with a sentence before it is opened
/// (opening a pipe would wait for a writer), and checked again once open.
std::optional<QList<ImportResult>> importAllFromFile(const QString &path, QString *error);

} // namespace galley
