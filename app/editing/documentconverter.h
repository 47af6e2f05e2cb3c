#pragma once

#include "model/story.h"

#include <QList>
#include <QTextBlockFormat>
#include <QTextFormat>
#include <QTextListFormat>

#include <optional>

class QTextDocument;
class QTextCursor;
class QTextBlock;

namespace galley {

/// Format property holding a body block's stable id as a QString: on the QTextBlockFormat of a
/// paragraph, subhead, quoted paragraph or section break, on the QTextListFormat of every QTextList
/// of a list, on the QTextTableFormat of a table. The id travels with the text through edits; when
/// Enter splits a block, Qt copies the format, and documentToBlocks() gives the duplicate a fresh id.
inline constexpr int BlockIdProperty = QTextFormat::UserProperty + 1;

/// QTextListFormat property (an int, a BlockKind) naming the kind of a whole list block when its
/// items do not say it: the kind is otherwise the numbering of the first item at the shallowest
/// level. Written only for such lists; re-styling a top-level list removes it.
inline constexpr int ListKindProperty = QTextFormat::UserProperty + 2;

/// QTextTableCellFormat property (a bool) of a cell the table has only to stay rectangular: the
/// story's row is shorter. Read back as no cell while it stays empty, so ragged rows survive.
inline constexpr int PaddingCellProperty = QTextFormat::UserProperty + 3;

/// Heading level the editor uses for a subhead (any level > 0 is read back as a subhead).
inline constexpr int SubheadLevel = 2;

/// Block format of a plain body paragraph as the editor lays it out (a little space below, so
/// paragraphs read apart); carries no id.
QTextBlockFormat bodyParagraphFormat();

/// Block format of a section break: an empty block drawn as a horizontal rule (<hr>), with @p id.
QTextBlockFormat sectionBreakFormat(const QString &id);

/// List marker of a list item at nesting @p level (0 is the top): bullets go disc, circle, square
/// and numbers decimal, lower-alpha, lower-roman, round again below that, as browsers draw them.
QTextListFormat::Style listStyle(int level, bool numbered);

/// True for the list styles that number their items (decimal, letters, roman), false for bullets.
bool isNumberedListStyle(QTextListFormat::Style style);

/// Fills @p document (cleared first) with @p blocks: one text block per paragraph, subhead, quoted
/// paragraph and section break; one QTextList per run of list items at one level (indent = level
/// + 1, styled by listStyle()), all carrying the list block's id; one QTextTable per table (header
/// row counted in QTextTableFormat::headerRowCount() and set bold on a tinted background; cells a
/// short row lacks marked with PaddingCellProperty). Subheads carry heading level 2 with a bold,
/// larger character format; block quotes carry QTextFormat::BlockQuoteLevel 1 and an indent;
/// section breaks are empty blocks with QTextFormat::BlockTrailingHorizontalRulerWidth. Runs keep
/// bold, italic, links, strike-out and super/subscript (QTextCharFormat::verticalAlignment()).
/// Every text block, the empty ones Qt keeps around tables included, gets an id, so reading the
/// document back writes nothing to it. Tables without cells are left out.
void blocksToDocument(const QList<Block> &blocks, QTextDocument *document);

/// Reads the story body back from @p document.
///
/// Paragraphs and subheads map one text block to one Block; consecutive quote blocks sharing an
/// id (or all without one) form one block quote; an empty block with a horizontal rule is a section
/// break (one holding text reads as a paragraph); a QTextTable is one table Block, a cell's
/// paragraphs joined by spaces. List items in a row form one list Block: a QTextList continues the
/// list above when it is part of it already, carries its id, or (without an id) is nested (indent
/// above 1); its level is indent - 1 and an item is numbered when its list's style is. Items equal
/// to the list's own kind at the top level leave Block::items empty.
///
/// Empty paragraphs, list items and quote lines are dropped, and so are tables without text; empty
/// cells are kept. Bold (weight >= DemiBold), italic, anchors, strike-out and super/subscript
/// become InlineRun styles; bold is ignored in subheads and header cells, which are bold by style.
/// Line separators (Shift+Enter) become spaces.
///
/// Ids: a block keeps the id stored in its format. When two blocks claim one id, the first one
/// holding text keeps it and the other gets a fresh id; missing ids are made fresh. New ids are
/// written back into @p document (joined to the previous undo step) so they stay stable across
/// calls. Converting blocks -> document -> blocks returns the same blocks when the input has no
/// empty lines, unbolded subheads and header cells, and tables with text.
QList<Block> documentToBlocks(QTextDocument *document);

/// Same as documentToBlocks() but never writes to @p document: duplicate or missing ids get fresh
/// ids that are not remembered. Used for scratch documents (pasting).
QList<Block> readBlocks(const QTextDocument *document);

/// The block that text block @p block makes on its own when it is a paragraph or subhead outside
/// any list, quote or table, read exactly as documentToBlocks() reads it, with the id stored in its
/// format (possibly empty). nullopt for list items, quoted lines, table cells, section breaks and
/// blocks without text. Lets an editor re-read only the paragraph being typed in instead of the
/// whole document.
std::optional<Block> readSingleBlock(const QTextBlock &block);

/// The table Block that holds text block @p block (in one of its cells), read exactly as
/// documentToBlocks() reads it, with the id stored in the table's format (possibly empty); nullopt
/// when @p block is not in a table, or the table has no text. Lets an editor re-read only the table
/// being typed in.
std::optional<Block> readTableAt(const QTextBlock &block);

/// Id of the body block text block @p block belongs to, as stored in the document: its list's, its
/// table's or its own. Empty when none is stored yet.
QString blockIdAt(const QTextBlock &block);

/// True when @p block is a section break (an empty block drawn as a rule; see sectionBreakFormat()).
bool isSectionBreak(const QTextBlock &block);

/// Applies or removes the subhead style on the blocks touched by @p cursor (heading level 2, bold,
/// one size step larger; removing resets weight and size).
void setSubhead(QTextCursor &cursor, bool on);

/// Applies or removes the block-quote mark and indent on the blocks touched by @p cursor.
void setBlockQuote(QTextCursor &cursor, bool on);

/// True when the block at @p cursor is a subhead / a quoted paragraph.
bool isSubhead(const QTextCursor &cursor);
bool isBlockQuote(const QTextCursor &cursor);

/// Nesting level of list item @p block (0 is the top), or -1 when it is no list item.
int listLevel(const QTextBlock &block);

/// Moves each list item the selection of @p cursor touches one level deeper (@p deeper) or one
/// shallower, as Tab and Shift+Tab do in word processors: an item joins the list of its new level
/// just above or below it (so numbering runs on) or starts a sub-list styled for that level; the
/// items after an item that moved up become its sub-items, in a list of their own. An item at the
/// top level moving up leaves the list; none goes deeper than MaxListLevel. False when the cursor
/// is in no list item.
bool changeListLevel(QTextCursor &cursor, bool deeper);

/// Inserts an empty table of @p rows x @p columns (both at least 1) with a fresh id after the body
/// block the cursor is in (at the cursor when that is an empty paragraph), formatted as
/// blocksToDocument() formats tables, with the first row a header row when @p headerRow; leaves
/// @p cursor in the first cell. Inside a table it goes after that table. One undo step.
void insertTable(QTextCursor &cursor, int rows, int columns, bool headerRow);

/// What editTable() does to the table the cursor is in.
enum class TableEdit { AddRowBelow, AddColumnRight, DeleteRow, DeleteColumn, DeleteTable };

/// Changes the table @p cursor is in: a row below or a column right of the cursor's cell (new
/// cells look like their row's: tinted and bold in a header row), or deletes the cursor's row,
/// column or the whole table (deleting the last row or column deletes the table). The paragraphs
/// around a deleted table keep their text, formats and ids; @p cursor ends where the table was.
/// One undo step; false when the cursor is in no table.
bool editTable(QTextCursor &cursor, TableEdit edit);

/// Inserts a section break with a fresh id before the block the cursor is in when the cursor is at
/// the start of a paragraph holding text, else after its body block, and leaves @p cursor in the
/// paragraph after the break (a new empty one unless one is there). One undo step.
void insertSectionBreak(QTextCursor &cursor);

/// Removes section break @p breakBlock: the paragraph after it keeps its text, formats and id (a
/// break right before a table, or last, becomes an empty paragraph instead). Leaves @p cursor
/// where the break was. One undo step.
void removeSectionBreak(QTextCursor &cursor, const QTextBlock &breakBlock);

/// Puts @p cursor in the paragraph after section break @p breakBlock, starting an empty one there
/// unless the block after already is one: a break holds no text.
void moveOffSectionBreak(QTextCursor &cursor, const QTextBlock &breakBlock);

} // namespace galley
