#include "storyversions.h"

#include "storylibrary.h"

namespace galley {

QString earlierVersionId(const StoryLibrary &library, const StoryMetadata &metadata) {
    if (!metadata.originalId.trimmed().isEmpty())
        return library.idForOriginalId(metadata.originalId);
    return library.idForWireSlug(metadata.sourceAgency, metadata.slugline);
}

} // namespace galley
