#pragma once

#include "model/story.h"

#include <QList>
#include <QTextBlockFormat>
#include <QTextFormat>

#include <optional>

class QTextDocument;
class QTextCursor;
class QTextBlock;

namespace galley {

/// QTextBlockFormat property (and QTextListFormat property, for lists) holding a body block's
/// stable id as a QString. The id travels with the text block through edits; when Enter splits a
/// block, Qt copies the format, and documentToBlocks() gives the duplicate a fresh id.
inline constexpr int BlockIdProperty = QTextFormat::UserProperty + 1;

/// Heading level the editor uses for a subhead (any level > 0 is read back as a subhead).
inline constexpr int SubheadLevel = 2;

/// Block format of a plain body paragraph as the editor lays it out (a little space below, so
/// paragraphs read apart); carries no id.
QTextBlockFormat bodyParagraphFormat();

/// Fills @p document (cleared first) with @p blocks: one text block per paragraph, subhead and
/// quoted paragraph, one QTextList per list. Subheads carry heading level 2 with a bold, larger
/// character format; block quotes carry QTextFormat::BlockQuoteLevel 1 and an indent. Does not
/// touch the undo stack's existing history beyond the edit itself (callers usually clear it).
void blocksToDocument(const QList<Block> &blocks, QTextDocument *document);

/// Reads the story body back from @p document.
///
/// Paragraphs and subheads map one text block to one Block; consecutive quote blocks sharing an
/// id (or all without one) form one block quote; a QTextList is one list Block with a line per
/// item. Empty paragraphs, list items and quote lines are dropped. Bold (weight >= DemiBold),
/// italic and anchors become InlineRun styles; bold is ignored in subheads, which are bold by
/// style. Line separators (Shift+Enter) become spaces.
///
/// Ids: a block keeps the id stored in its format. When two blocks claim one id, the first one
/// holding text keeps it and the other gets a fresh id; missing ids are made fresh. New ids are
/// written back into @p document (joined to the previous undo step) so they stay stable across
/// calls. Converting blocks -> document -> blocks returns the same blocks when the input has no
/// empty lines and unbolded subheads.
QList<Block> documentToBlocks(QTextDocument *document);

/// Same as documentToBlocks() but never writes to @p document: duplicate or missing ids get fresh
/// ids that are not remembered. Used for scratch documents (pasting).
QList<Block> readBlocks(const QTextDocument *document);

/// The block that text block @p block makes on its own when it is a paragraph or subhead outside
/// any list or quote, read exactly as documentToBlocks() reads it, with the id stored in its format
/// (possibly empty). nullopt for list items, quoted lines and blocks without text. Lets an editor
/// re-read only the paragraph being typed in instead of the whole document.
std::optional<Block> readSingleBlock(const QTextBlock &block);

/// Applies or removes the subhead style on the blocks touched by @p cursor (heading level 2, bold,
/// one size step larger; removing resets weight and size).
void setSubhead(QTextCursor &cursor, bool on);

/// Applies or removes the block-quote mark and indent on the blocks touched by @p cursor.
void setBlockQuote(QTextCursor &cursor, bool on);

/// True when the block at @p cursor is a subhead / a quoted paragraph.
bool isSubhead(const QTextCursor &cursor);
bool isBlockQuote(const QTextCursor &cursor);

} // namespace galley
