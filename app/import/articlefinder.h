#pragma once

#include "segment.h"

#include <QHash>
#include <QSet>
#include <QString>

#include <libxml/tree.h>

/// Finding a news story inside a saved web page, the way Mozilla's Readability does it. Internal
/// to the importer.
namespace galley {

/// What the finder decided about a page's elements. The walker reads each element against it.
struct ArticleMap {
    /// An article body was found: text outside @c keep is site chrome.
    bool found = false;
    /// Roots of the subtrees that make up the story: the body Readability picks with its siblings,
    /// and the head above it (headline, deck, byline, lead picture).
    QSet<const xmlNode *> keep;
    /// Ancestors of @c keep: walked, but their own text is chrome.
    QSet<const xmlNode *> keepAncestors;
    /// Subtrees left out of the story wherever they stand (ad slots, share bars, video blocks,
    /// related-story lists, gallery counters, browser notices, divider pictures, date lines), each
    /// with the sentence the report gives.
    QHash<const xmlNode *, QString> noise;
    /// Roles given by the page's markup: the headline (the h1 the story is under), byline elements.
    QHash<const xmlNode *, SegmentRole> roles;
    /// The heading taken as headline, if any.
    const xmlNode *headline = nullptr;
    /// The datetime of the page's date line left out (`<time datetime="…">`), when the metadata
    /// gives no time of its own.
    QString pageTime;
};

/// What the page's metadata already gives, so the finder knows which page elements it replaces.
struct PageHints {
    QString headline;       ///< the metadata headline, to pick the h1 the story is under
    bool authors = false;   ///< the metadata names the authors: the page's byline line goes
    bool published = false; ///< the metadata gives the time of publication
};

/// Finds the story in the page under @p root (the html element) as Mozilla Readability does
/// (Readability.js, grabArticle): elements whose class or id says comment, sidebar, related, share,
/// footer and the like are set aside; paragraph-like elements (p, td, pre, section, h2-h6, divs
/// holding no blocks) of 25 characters or more score 1 + their commas + one per 100 characters
/// (at most 3); each gives its score to five ancestors (halved for the grandparent, a third per
/// level above); an ancestor starts from its tag (div +5, lists and forms -3, headings -5) and its
/// class and id (+25 article, content, story-body...; -25 comment, promo, share, sidebar...); the
/// scores are scaled by 1 - link density; the best candidate is widened to an ancestor shared by
/// three near-equal candidates or a better-scoring parent; its siblings join when they score a
/// fifth of it, share its class, or are long paragraphs with few links. Under 500 characters, the
/// search runs again without setting elements aside; still nothing, and the page is read whole.
/// The head of the story above the body (headline, deck, byline, lead figure) is kept with it.
/// Inside what is kept, and on pages read whole, noise is marked for removal with its reason.
ArticleMap findArticle(xmlNode *root, const PageHints &hints);

} // namespace galley
