#pragma once

#include "story.h"

#include <QJsonArray>
#include <QJsonObject>

namespace galley {

/// JSON form of a story body, used by the library's body column and by sample stories:
/// an array of {"id", "kind" (blockKindKey), "lines": [LINE...], "items"?: [{"level", "numbered"}...],
/// "rows"?: [[LINE...]...], "headerRow"?} where a LINE is
/// [{"text", "bold"?, "italic"?, "href"?, "strike"?, "baseline"?: "superscript"|"subscript"}...].
QJsonArray bodyToJson(const QList<Block> &body);

/// Reads the form bodyToJson() writes. Blocks without an id get a fresh one; an unknown kind is
/// read as a paragraph so no text is lost. Sets @p error (if given) to a plain sentence and returns
/// the blocks read so far when an entry is not an object.
QList<Block> bodyFromJson(const QJsonArray &json, QString *error = nullptr);

/// Pull quotes as [{"id", "text", "attribution", "after"}], "after" empty for the top.
QJsonArray pullQuotesToJson(const QList<PullQuote> &quotes);
QList<PullQuote> pullQuotesFromJson(const QJsonArray &json);

/// Bylines as [{"name", "title"?}]; the reader also takes plain strings ("Name, Title").
QJsonArray bylinesToJson(const QList<Byline> &bylines);
QList<Byline> bylinesFromJson(const QJsonArray &json);

/// Metadata as {"sourceAgency"?, "originalId"?, "priority"?, "slugline"?, "keywords"?, "language"?,
/// "firstCreated"?, "versionCreated"?, "embargo"?}; empty members are left out, times ISO-8601 UTC.
/// The reader sets @p problem (if given and empty) to a sentence naming an unreadable time.
QJsonObject metadataToJson(const StoryMetadata &meta);
StoryMetadata metadataFromJson(const QJsonObject &json, QString *problem = nullptr);

/// Editor's notes as [{"id", "author", "time"?, "text", "replyTo"?}].
QJsonArray notesToJson(const QList<EditorNote> &notes);
QList<EditorNote> notesFromJson(const QJsonArray &json, QString *problem = nullptr);

} // namespace galley

namespace galley {

/// Whole story as JSON, the form of the sample stories (resources/samples/*.json):
/// {"id", "slug", "section", "headline", "deck", "bylines": [..], "dateline", "status" (statusKey),
///  "body" (bodyToJson), "pullQuotes" (pullQuotesToJson), "images": [{"id", "file", "mimeType",
///  "caption", "credit", "altText", "after", "sourceHref"?, "width"?, "height"?, "crop"?: [x, y, w, h],
///  "focus"?: [x, y] (fractions, StoryImage::crop / focus)}], "metadata" (metadataToJson), "notes" (notesToJson),
///  "created", "updated" (ISO-8601 UTC with milliseconds)}.
/// Picture bytes are not included: "file" names the picture's file (StoryImage::fileName) and the
/// reader of the JSON supplies the data.
QJsonObject storyToJson(const Story &story);

/// Reads the form storyToJson() writes. Missing members stay empty (no id is invented; times stay
/// invalid); blocks, pull quotes and pictures without an id get a fresh one. Everything readable is
/// kept: an unknown status is read as Draft and an unreadable time as invalid, and @p error (if
/// given) is set to a plain sentence naming the first such problem.
Story storyFromJson(const QJsonObject &json, QString *error = nullptr);

} // namespace galley
