#pragma once

#include <QHash>
#include <QString>

#include <optional>

namespace galley {

struct Story;

/// What `galley export --format` and File › Export as… write: the finished web page (index.html),
/// IPTC NITF 3.6 (<slug>.xml), IPTC ninjs 2.2 (<slug>.json) or an IPTC NewsML-G2 2.35 news item
/// (<slug>.newsml.xml), each with the pictures in images/.
enum class ExportFormat { Html, Nitf, Ninjs, NewsMl };

/// "html", "nitf", "ninjs", "newsml": the name the command line and settings use (ASCII, lowercase).
QString exportFormatName(ExportFormat format);
/// Parses a format name (case-insensitive, spaces trimmed); nullopt when it names no format.
std::optional<ExportFormat> exportFormatFromName(const QString &name);

/// Relative file name of each present picture of @p story by image id, "images/<n>-<slug>.<ext>",
/// n counting the present pictures from 1 in story order, slug from the imported file name (else
/// the story's slug or headline). Every format names its pictures the same way.
QHash<QString, QString> exportImagePaths(const Story &story);

/// The name of the main file of @p format: "index.html", "<slug>.xml", "<slug>.json",
/// "<slug>.newsml.xml" (NewsML-G2 is XML too; the extra word keeps it apart from NITF's) (slug made
/// from the story's slug, else its headline, else "story").
QString exportMainFileName(const Story &story, ExportFormat format);

} // namespace galley
