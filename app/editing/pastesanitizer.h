#pragma once

#include "model/linkpolicy.h"
#include "model/story.h"

#include <QTextDocumentFragment>

namespace galley {

/// Reduces rich text from the clipboard (@p html, any HTML a browser or word processor puts there)
/// with the importer's HTML reader (readPastedHtml(): one rule for pasted and imported HTML, Word's
/// mso-list paragraphs and Google Docs' lists included) to the structure a story body allows: paragraphs, subheads (h1-h6 all become subheads), bold,
/// italic, struck (<s>, <strike>, <del>, line-through), superscript and subscript text,
/// http/https/mailto links, bulleted and numbered lists nested as deep as the source has them
/// (mixed freely), block quotes, tables (a <thead> or <th> first row as header row; a cell's
/// paragraphs joined) and section breaks (<hr>). Fonts, colours, sizes, spans, styles, classes,
/// scripts, images and cell sizes and spans are dropped; their text is kept (script and style
/// contents are not text and go). A <br> starts a new block of the same kind (a story body has no
/// soft line breaks); blocks left empty are dropped. Never fetches anything: images and style
/// sheets the HTML names are not loaded. Every returned block has a fresh id.
/// Links behind a redirect wrapper (redirectTarget()) are made to point straight at their target;
/// @p report, when given, counts what was changed so the editor can say so.
struct PasteReport;
QList<Block> sanitizedBlocksFromHtml(const QString &html, PasteReport *report = nullptr);

/// What sanitizedBlocksFromHtml() changed in links, for the sentence the editor shows after a paste.
struct PasteReport {
    int unwrappedLinks = 0; ///< redirect wrappers removed (Google, Facebook, Outlook, YouTube)
    int droppedLinks = 0;   ///< links whose address may not be live (javascript:, file:, relative)
    /// Why the HTML could not be read (too many elements, nested too deep): the editor then pastes
    /// the clipboard's plain text. Empty when it was read.
    QString refused;

    /// One plain sentence for the status bar, or an empty string when nothing changed.
    QString sentence() const;
};

/// The same clean blocks as a fragment ready for QTextCursor::insertFragment(), formatted the way
/// blocksToDocument() formats a story body.
QTextDocumentFragment sanitizedFragmentFromHtml(const QString &html);

/// True when pasting @p blocks adds blocks of its own rather than text inside the current one:
/// more than one block, or one that is not a plain paragraph (a subhead, list or quote).
bool isBlockLevel(const QList<Block> &blocks);

/// True when a paste looks like a whole story rather than a piece of one: @p html (when not empty)
/// that sanitizes to two or more blocks, else plain @p text with two or more paragraphs (separated
/// by blank lines) or three or more non-empty lines.
bool isWholeStoryPaste(const QString &html, const QString &text);

} // namespace galley
