#pragma once

#include "model/story.h"

#include <QString>

#include <optional>

namespace galley::test {

/// Reads a test story from @p folder/story.json: the Story fields by name ("bylines" an array,
/// "created"/"updated" ISO 8601, "status" a status key), "body" and "pullQuotes" in the storyjson.h
/// forms, and "images" as [{"id", "file" (beside story.json; absent for a missing picture),
/// "mimeType", "fileName", "caption", "credit", "altText", "after"}]. Fails the caller's QVERIFY
/// through nullopt with @p error set.
std::optional<Story> loadStoryFixture(const QString &folder, QString *error);

/// A URL for @p image that the renderer tests use: "img/<image id>.<ext>".
QString testImageUrl(const Story &story, const StoryImage &image);

} // namespace galley::test
