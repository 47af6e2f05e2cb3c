#pragma once

#include "model/story.h"

#include <QString>

#include <functional>

namespace galley::bench {

/// The story as Pandoc Markdown (https://pandoc.org/MANUAL.html#pandocs-markdown), so `pandoc -s`
/// can make the same page Galley exports: a YAML title block (headline, deck as subtitle, bylines
/// as authors, dateline), then the body in order — "## " subheads, "- " / "1. " lists, "> " block
/// quotes, **bold**, *italic*, [text](url) links — with each picture as an implicit figure
/// ![caption](path) and each pull quote as a block quote after the block it is placed after.
/// @p imagePath gives the relative file each picture is written to. Text is escaped so no word is
/// read as markup.
QString storyToMarkdown(const Story &story, const std::function<QString(const StoryImage &)> &imagePath);

} // namespace galley::bench
