#pragma once

#include "revisiondiff.h"

#include <QJsonArray>

namespace galley {

/// @p tokens as HTML for the preview's tracked changes: inserted words in
/// <ins class="galley-change">, deleted ones in <del class="galley-change">, a line break as <br>,
/// every word escaped by escapeHtml(). The article itself still comes from ArticleRenderer (the
/// one renderer of preview and export); these marks are laid over it in the preview only and
/// never exported.
QString changeMarksHtml(const QList<DiffToken> &tokens);

/// The marks of @p diff the preview lays over its page, as JSON for the page's script:
/// [{"target": "block" | "removed-block" | "headline" | "deck" | "caption" | "pull-quote",
///   "id": block, picture or pull quote id (removed-block: the id of the block it followed, "" for
///   the top), "html": changeMarksHtml(), "tokens"?: [{"op": "=", "+" or "-", "text", "space"?}]}].
/// A body block changed or moved in one piece also has its tokens, so that the page marks its
/// words in place and keeps their formatting; the others are replaced by "html". Fields the page
/// does not show (slug, alt text, metadata) have no mark.
QJsonArray previewChangeMarks(const RevisionDiff &diff);

} // namespace galley
