#pragma once

#include "import/importer.h"

#include <QJsonObject>

namespace galley::test {

/// A story and its import report as JSON, in the form the golden files under
/// tests/data/import/cases/<case>/expected.json hold: body blocks as "kind: text" with **bold**,
/// *italic* and [text](href) marks, images with "placement" "lead" or "after N" (N = body index),
/// pull quotes with "after", and report changes as "key<TAB>line<TAB>original<TAB>result".
/// Inline marks also: ~~struck~~, ^{superscript}, _{subscript}. A list whose items carry shapes
/// writes each item "LEVEL- text" (bulleted) or "LEVEL# text" (numbered); a table writes rows
/// joined by " / ", cells by " ¦ ", a header row in [brackets]. Also "pictures" (alt, file,
/// mimeType, bytes per image; "href" and "size" ("WxH") only for a picture the agency offers at an
/// address), "metadata" (metadataToJson), "notes" (author, time, text) and
/// "reportNotes". Golden files list only the members they check.
QJsonObject snapshot(const Story &story, const ImportReport &report);

} // namespace galley::test
