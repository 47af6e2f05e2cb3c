#pragma once

#include "model/story.h"

#include <QList>
#include <QString>

#include <optional>

namespace galley {

/// The body blocks of pasted HTML and what was changed in its links.
struct PastedHtml {
    /// Paragraphs, subheads (every heading), lists, block quotes, tables and section breaks, each
    /// with a fresh id; never empty blocks.
    QList<Block> blocks;
    int unwrappedLinks = 0; ///< links taken out of a redirect wrapper (redirectTarget())
    int droppedLinks = 0;   ///< links whose address may not be live; their words stay
};

/// Reads clipboard HTML (@p html as QMimeData::html() gives it: from a browser, Word, LibreOffice
/// or Google Docs, with or without a CF_HTML header, StartFragment comments and Word's conditional
/// comments) with the importer's HTML reader (readHtml(): libxml2, the same rules for Word's
/// mso-list paragraphs and their bullet and number markers, Google Docs' lists, links, tables and
/// inline styles as an imported document), read whole as a document, so that a paste and an import
/// of the same text give the same blocks. Headline, deck and caption roles the reader gives
/// (a document's title, an h1) become subheads or paragraphs: a paste only adds to the body.
/// Pictures are dropped, never fetched. Errors (nullopt, @p error a plain sentence): the reader's
/// refusals (too many elements, nesting too deep, a parser that stopped part-way).
std::optional<PastedHtml> readPastedHtml(const QString &html, QString *error = nullptr);

} // namespace galley
