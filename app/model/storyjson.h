#pragma once

#include "story.h"

#include <QJsonArray>
#include <QJsonObject>

namespace galley {

/// JSON form of a story body, used by the library's body column and by sample stories:
/// an array of {"id", "kind" (blockKindKey), "lines": [[{"text", "bold"?, "italic"?, "href"?}...]...]}.
QJsonArray bodyToJson(const QList<Block> &body);

/// Reads the form bodyToJson() writes. Blocks without an id get a fresh one; an unknown kind is
/// read as a paragraph so no text is lost. Sets @p error (if given) to a plain sentence and returns
/// the blocks read so far when an entry is not an object.
QList<Block> bodyFromJson(const QJsonArray &json, QString *error = nullptr);

/// Pull quotes as [{"id", "text", "attribution", "after"}], "after" empty for the top.
QJsonArray pullQuotesToJson(const QList<PullQuote> &quotes);
QList<PullQuote> pullQuotesFromJson(const QJsonArray &json);

} // namespace galley
