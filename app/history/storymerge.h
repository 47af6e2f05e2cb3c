#pragma once

#include "model/story.h"

#include <QStringList>

namespace galley {

/// What mergeStories() made.
struct StoryMerge {
    Story story; ///< the user's story with the other desk's changes applied
    /// The fields both changed, differently, where the user's version was kept, as a desk names
    /// them: "Headline", "Paragraph 3" (its place in the user's story), "Pictures".
    QStringList keptMine;
};

/// Three-way merge of a story saved elsewhere (no silent overwrite, issue 10): @p base is the
/// version the user loaded, @p mine what they typed since, @p theirs what another desk saved
/// meanwhile. Field by field (headline, deck, bylines, dateline, section, slug, status, pull
/// quotes, pictures, metadata, notes) and body block by block (matched by id): a field only they
/// changed takes theirs, one only the user changed keeps the user's, one both changed the same way
/// is that; one both changed differently keeps the user's and is named in StoryMerge::keptMine.
/// Blocks they added come in after the block they follow in their story (at the top when none
/// survives); blocks they deleted go unless the user changed them (then kept, and named); blocks
/// the user deleted stay deleted (named when they changed them). The result has the id, created
/// time and imported original of @p mine and the @c updated time of @p theirs, so it saves over
/// their version.
StoryMerge mergeStories(const Story &base, const Story &mine, const Story &theirs);

} // namespace galley
