#pragma once

#include "articlefinder.h"
#include "pageindex.h"

namespace galley {

/// Marks what a web page holds around its story inside the story's own elements (@p keep, or the
/// whole page when empty; @p content the part Readability chose as the body) as noise with the report's
/// sentence for each: advertisement slots
/// ("Advertisement", "Continue reading the main story"), share bars, video blocks and their "Media
/// caption", gallery counters ("3 of 12"), notices about the reader's browser, divider and spacer
/// pictures, related-story lists and their headings, comments, hidden text, date lines, and blocks
/// that are mostly links (lists of links only outside the body); the
/// byline element becomes the byline (or noise when @p hints has the authors) and @p headline the
/// headline. Nothing holding the headline or half the story's text is ever marked. Internal to the
/// importer.
void markPageNoise(const pageindex::PageIndex &index, ArticleMap &map, int headline, const QList<int> &keep,
                   const QList<int> &content, const PageHints &hints);

} // namespace galley
