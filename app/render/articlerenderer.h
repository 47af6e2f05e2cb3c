#pragma once

#include "model/linkpolicy.h"
#include "model/story.h"
#include "render/storytimes.h"

#include <QIODevice>
#include <QString>

#include <functional>

namespace galley {

/// How a rendered page refers to a picture: the preview serves them through its own URL scheme,
/// the export writes files beside index.html. Returns a URL (already safe to place in an
/// attribute once escaped).
using ImageUrlResolver = std::function<QString(const Story &story, const StoryImage &image)>;

/// One file a picture is offered as: its URL (relative to the page, unescaped) and pixel width.
struct PictureCandidate {
    QString url;
    int width = 0;

    friend bool operator==(const PictureCandidate &, const PictureCandidate &) = default;
};

/// Everything the page says about one picture's files. With no candidates the figure holds a plain
/// <img src>; with candidates it holds <picture>: a <source type="image/webp"> when @c webp is not
/// empty, and the <img> with srcset and sizes. Candidates are listed narrowest first.
struct PictureSources {
    QString src;                        ///< the full-size file, the <img src> and og:image
    int width = 0;                      ///< pixel size of @c src; 0 when unknown (no attributes)
    int height = 0;
    QList<PictureCandidate> candidates; ///< the same format as @c src, @c src included (widest)
    QList<PictureCandidate> webp;       ///< WebP files, when they are smaller; else empty
    QString sizes;                      ///< the sizes attribute; required with candidates

    friend bool operator==(const PictureSources &, const PictureSources &) = default;
};

/// How a page gets a picture's files when it has renditions (the export); see PictureSources.
using PictureSourcesResolver = std::function<PictureSources(const Story &story, const StoryImage &image)>;

/// Page-level choices for one render.
struct RenderOptions {
    ImageUrlResolver imageUrl;               ///< required
    /// Optional: the picture's renditions (srcset); when unset the page uses imageUrl alone.
    PictureSourcesResolver pictureSources;
    /// BCP 47 tag for <html lang> when the story names no language (StoryMetadata::language).
    QString language = QStringLiteral("en");
    /// Where the site publishes stories ("https://news.example.org/stories", no trailing slash;
    /// see normalizeSiteBaseUrl()). The page's canonical URL is <base>/<slug>/ and its social
    /// pictures are absolute below it; empty leaves out what needs an absolute address.
    QString siteBaseUrl;
    /// The zone of the story's times by section; UTC unless the caller says (the preview and the
    /// export pass SectionTimeZones::fromSettings()).
    SectionTimeZones timeZones;
};

/// Escapes @p text for HTML element content and double-quoted attribute values (& < > " ').
/// C0 control characters other than tab, line feed and carriage return, which HTML forbids, become
/// U+FFFD so the reader still sees that something was there. This is the only HTML escaper in
/// Galley: the page template's {{variables}} go through it too.
QString escapeHtml(const QString &text);

/// The files of @p image as @p options give them: options.pictureSources when set, else
/// options.imageUrl as the only file (size unknown).
PictureSources resolvePictureSources(const Story &story, const StoryImage &image, const RenderOptions &options);


/// One top-level element of the article as renderArticle() writes it: a body block, a picture or a
/// pull quote, by its index in Story::body, Story::images or Story::pullQuotes.
struct ArticleItem {
    enum class Kind { Block, Image, PullQuote };
    Kind kind = Kind::Block;
    qsizetype index = 0;

    friend bool operator==(const ArticleItem &, const ArticleItem &) = default;
};

/// Where renderArticle() puts everything: @c top between the header and <div class="story-body">
/// (the lead picture, if any), @c body inside it, both in page order. Items it leaves out (a pull
/// quote with no text) are in neither, so a preview that arranges elements by this list shows what
/// the export ships.
struct ArticleLayout {
    QList<ArticleItem> top;
    QList<ArticleItem> body;
};

/// The one renderer of Galley: turns a Story into the article markup that both the live preview and
/// the export show, so what a copy editor sees is what a producer ships.
///
/// Markup (each element on its own line):
/// @code
/// <article class="story" data-story="ID">
/// <header class="story-header">            p.section-label, h1.headline, p.deck, p.byline
///                                           p.story-time (renderStoryTimes(), in the section's zone)
/// </header>                                 (byline: "By " + span.author joined ", " / " and ")
/// <figure class="story-image lead-image" data-image="ID">   the lead picture (first at the top)
/// <div class="story-body">
///   <figure class="story-image" data-image="ID">             other pictures placed at the top
///   <aside class="pull-quote" data-pull-quote="ID">          pull quotes placed at the top
///   <p|h2|ul|ol|blockquote data-block="ID">                  one element per body block
///   <figure class="story-image" data-image="ID">             that block's pictures, then
///   <aside class="pull-quote" data-pull-quote="ID">          its pull quotes, each in story order
///   ...                                                      anything whose anchor block is gone
/// </div>                                                     comes last, so nothing is dropped
/// </article>
/// @endcode
/// The dateline is a <span class="dateline"> followed by " — " at the start of the first paragraph
/// block. A figure holds <img src alt> (or, for a missing picture, <div class="picture-missing">)
/// and <figcaption> with the caption text and <span class="credit">. A pull quote holds
/// <blockquote><p>…</p></blockquote> and <cite>; a pull quote with no text is left out. All user
/// text is escaped here and nowhere else.
class ArticleRenderer final {
public:
    /// The <article> element for @p story (UTF-16 HTML fragment).
    QString renderArticle(const Story &story, const RenderOptions &options) const;

    /// A complete HTML5 document (UTF-8 when written): <html lang> (the story's language, else
    /// options.language), <title> from the headline, meta description from the deck, the canonical
    /// link, Open Graph and Twitter card tags (pageHeadTags()), the house stylesheet inline, a
    /// Content-Security-Policy that forbids any network fetch and allows only images beside the page
    /// ("img-src 'self'"; the preview's own scheme belongs to the preview's shell, not to a
    /// published page), schema.org NewsArticle JSON-LD (newsArticleJsonLd()), and the article inside
    /// <main>. Built from the template ":/galley/templates/page.mustache". The preview shows the
    /// article alone (renderArticle()), which is this page's <main>.
    QString renderPage(const Story &story, const RenderOptions &options) const;

    /// Writes renderPage() to @p device as UTF-8. Returns false with a plain sentence in @p error
    /// (if given) when the device refuses the bytes.
    bool writePage(const Story &story, const RenderOptions &options, QIODevice *device, QString *error) const;

    /// The <header class="story-header"> element alone, as renderArticle() writes it, so a preview
    /// can patch it when the section, headline, deck or bylines change.
    QString renderHeader(const Story &story, const RenderOptions &options = {}) const;

    /// The top-level element of body block @p blockId exactly as renderArticle() writes it (with
    /// the dateline when it is the first paragraph); empty when the story has no such block.
    /// A preview replaces the element with the same data-block with this.
    QString renderBlock(const Story &story, const QString &blockId) const;

    /// Id of the body block that carries the dateline (the first paragraph block), or empty when
    /// the dateline is blank or there is no paragraph. A preview re-renders this block when the
    /// dateline changes, and both the old and new one when the first paragraph changes.
    static QString datelineBlockId(const Story &story);

    /// The <aside class="pull-quote"> of pull quote @p quoteId; empty when there is none or its text
    /// is blank (renderArticle() leaves such a quote out).
    QString renderPullQuote(const Story &story, const QString &quoteId) const;

    /// The <figure class="story-image"> of picture @p imageId, with "lead-image" only for the story's
    /// lead picture (Story::leadImage()); empty when there is none.
    QString renderImage(const Story &story, const QString &imageId, const RenderOptions &options) const;

    /// The order of the article's elements for @p story, as renderArticle() writes them (it is
    /// built from this). Linear in the size of the story.
    static ArticleLayout layout(const Story &story);

    /// House stylesheet from resources (":/galley/css/article.css").
    static QString houseStyleSheet();
};

} // namespace galley
