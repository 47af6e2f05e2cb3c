#pragma once

#include "model/story.h"

#include <QList>
#include <QString>

#include <optional>

namespace galley {

class StoryLibrary;

/// The built-in sample stories, read from the resources (":/galley/samples/*.json", whole-story
/// JSON as storyFromJson() reads it, in file-name order) with their pictures from
/// ":/galley/samples/images/<file>". Every story, block, pull quote and picture gets a fresh id
/// (placements follow their blocks), so the samples can be added to any library more than once.
/// Times are now (UTC) when the JSON gives none. nullopt with @p error set when a sample or one of
/// its pictures cannot be read — a packaging fault, so the sentence names the file.
std::optional<QList<Story>> sampleStories(QString *error);

/// Saves every sample story into @p library (open), the first sample last so it tops the list.
/// A slug already taken gets "-2", "-2"... Returns false with @p error set when a sample cannot be
/// read or saved; samples saved before the failure stay. main() calls this when the library is empty.
bool fillWithSamples(StoryLibrary &library, QString *error);

} // namespace galley
