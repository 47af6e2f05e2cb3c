#pragma once

#include "model/story.h"
#include "render/articlerenderer.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <utility>

namespace galley {

/// What the preview page must change to turn the article it shows into the article of another
/// version of the story, in the terms of preview.js (galleyPreview.apply()).
///
/// Elements are named by key: "header" (header.story-header), "body" (div.story-body),
/// "b:<block id>", "i:<image id>" and "q:<pull quote id>" (their data-block, data-image and
/// data-pull-quote). A patch either replaces the whole article (@c full) or carries the HTML of the
/// elements that are new or changed, plus the new order of the article's and the story body's
/// children when that order changed. Applying it yields the DOM of a fresh renderArticle().
struct ArticlePatch {
    bool full = false;
    QString article;                             ///< whole <article> when @c full
    QList<std::pair<QString, QString>> elements; ///< key, HTML of a new or changed element
    QStringList articleOrder;                    ///< keys of article's children, when changed
    QStringList bodyOrder;                       ///< keys of div.story-body's children, when changed
    bool orderChanged = false;

    bool isEmpty() const { return !full && elements.isEmpty() && !orderChanged; }
    /// The patch as a JSON object (UTF-8 text) with @p sequence and, when not empty, the block id
    /// @p reveal to bring into view: {"seq", "reveal", "full"?, "article"?, "elements": [[key, html]],
    /// "articleOrder"?, "bodyOrder"?}.
    QByteArray toJson(quint64 sequence, const QString &reveal) const;
};

/// The keys of the article's children in document order, as renderArticle() writes them.
QStringList articleKeys(const Story &story);
/// The keys of div.story-body's children in document order, as renderArticle() writes them.
QStringList bodyKeys(const Story &story);

/// The patch from the article of @p before to the article of @p after. Renders only the blocks
/// that differ (or gain or lose the dateline), and the header, pictures and pull quotes whose
/// markup differs. A different story id gives a full patch. Pure: safe on any thread.
ArticlePatch diffArticle(const Story &before, const Story &after, const RenderOptions &options);

/// A patch that replaces the whole article with the one of @p story.
ArticlePatch fullArticle(const Story &story, const RenderOptions &options);

} // namespace galley
