#pragma once

#include "model/story.h"

namespace galley {

class StoryLibrary;

/// The id of the story in @p library that a story with @p metadata is a later version of: the one
/// with the same original id (StoryMetadata::originalId, a ninjs uri / guid or NewsML-G2 guid), or,
/// when @p metadata has no original id, the one with the same source agency and wire slugline (an
/// IPTC 7901 or ANPA-1312 write-thru). Empty when there is none. Used by `galley import` and by the
/// window's import review alike.
QString earlierVersionId(const StoryLibrary &library, const StoryMetadata &metadata);

} // namespace galley
