#pragma once

#include "model/story.h"

#include <QIODevice>
#include <QString>

#include <functional>

namespace galley {

/// How a rendered page refers to a picture: the preview serves them through its own URL scheme,
/// the export writes files beside index.html. Returns a URL (already safe to place in an
/// attribute once escaped).
using ImageUrlResolver = std::function<QString(const Story &story, const StoryImage &image)>;

/// Page-level choices for one render.
struct RenderOptions {
    ImageUrlResolver imageUrl;       ///< required
    QString language = QStringLiteral("en"); ///< BCP 47 tag for <html lang>
};

/// Escapes @p text for HTML element content and double-quoted attribute values (& < > " ').
QString escapeHtml(const QString &text);

/// True when @p url may be a live link in published HTML: an absolute http, https or mailto URL.
/// Everything else (javascript:, data:, file:, relative paths) is rendered as plain text.
bool isSafeLinkUrl(const QString &url);

/// The one renderer of Galley: turns a Story into the article markup that both the live preview and
/// the export show, so what a copy editor sees is what a producer ships.
///
/// Markup: <article class="story"> with header (section, headline h1, deck, bylines, dateline),
/// the lead image figure, and the body; each body block carries data-block="<block id>", each pull
/// quote <aside class="pull-quote" data-pull-quote="<id>">, each image
/// <figure class="story-image" data-image="<id>">. All user text is escaped here and nowhere else.
class ArticleRenderer final {
public:
    /// The <article> element for @p story (UTF-16 HTML fragment).
    QString renderArticle(const Story &story, const RenderOptions &options) const;

    /// A complete HTML5 document (UTF-8 when written): <html lang>, <title> from the headline,
    /// meta description from the deck, the house stylesheet inline, a Content-Security-Policy that
    /// forbids any network fetch, and the article.
    QString renderPage(const Story &story, const RenderOptions &options) const;

    /// House stylesheet from resources (":/galley/css/article.css").
    static QString houseStyleSheet();
};

} // namespace galley
