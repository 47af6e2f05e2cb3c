#pragma once

#include "finding.h"

#include <QJsonArray>

namespace galley {

struct Story;

/// The findings the preview marks on the published page, as JSON for its script
/// (galleyPreview.markFindings() in resources/preview/preview.js):
/// [{"target": "headline" | "deck" | "byline" | "dateline" | "block" | "pull-quote" |
///   "attribution" | "caption" | "credit", "id": block, pull quote or picture id ("" for the
///   story's own fields), "text": the words found (Finding::matched), "occurrence": how many times
///   those words occur in the field's text before the finding (0 for the first), "severity":
///   severityKey(), "message": the finding's sentence}].
///
/// The page finds the words by text, not by offset, because its markup is not the editor's text
/// (a dateline before the lede, line breaks as <br>). Findings without a range (a missing field),
/// in fields the page does not show (section, alt text) or on a section break are left out. The
/// marks are laid over the preview only and never exported; every value is set as text by the
/// script, never as markup.
QJsonArray previewFindingMarks(const QList<Finding> &findings, const Story &story);

} // namespace galley
