#pragma once

#include "model/story.h"

#include <QString>

namespace galley {

/// What changed from @p before to @p after, as the history lists it: the changed fields in form
/// order, counted where a story has many of them — "headline, 2 paragraphs, 1 caption". Body
/// blocks, pull quotes and pictures are matched by id: of each kind of block, those whose text or
/// formatting changed count, plus the larger of the added and the removed ones (so outlines,
/// whose block ids change with their content, count a changed block once); "paragraph order"
/// when blocks only moved. Pictures count as
/// "picture" (bytes or placement), "caption", "credit" and "alt text" apart. Status is named with
/// its new value ("status Ready"). "new story" when @p before is null, "no changes" when nothing
/// differs but the save time. English only: the summary is stored with the revision.
QString summarizeChanges(const Story *before, const Story &after);

} // namespace galley
