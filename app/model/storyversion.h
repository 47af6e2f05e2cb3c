#pragma once

#include "story.h"

namespace galley {

/// @p incoming, a later version of a wire story just imported, as an update of @p existing, the
/// version the library holds. Kept from @p existing: id, slug, status, created and updated times (so
/// the save is not taken for another window's), the section when @p incoming has none, and the
/// desk's notes, followed by the notes of @p incoming that are not there yet. Everything else comes
/// from @p incoming: headline, deck, bylines, dateline, body, pull quotes, pictures, metadata and
/// the original source. A picture the desk already had the bytes of (same StoryImage::sourceHref)
/// keeps them. Saved, it is a new revision: the older text stays in the story's history.
Story laterVersion(const Story &existing, const Story &incoming);

} // namespace galley
