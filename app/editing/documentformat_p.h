#pragma once
// What the document converter's reader, writer and style edits share: how a story's blocks and runs
// look in a QTextDocument. Private to app/editing.

#include "model/story.h"

#include <QTextCharFormat>
#include <QTextListFormat>
#include <QTextTableFormat>

class QTextBlock;
class QTextList;
class QTextTable;

namespace galley::detail {

// Indent of a quoted paragraph in the editor, in pixels; the published look comes from the CSS.
inline constexpr qreal QuoteIndent = 24;
// Space under a paragraph and around a subhead in the editor, in pixels.
inline constexpr qreal ParagraphGap = 8;
inline constexpr qreal SubheadGapAbove = 12;

/// @p base with the styles of @p run (weight, slant, link, strike-out, vertical alignment) set.
QTextCharFormat runFormat(const InlineRun &run, const QTextCharFormat &base);
/// The styled text of @p block; bold is not read when @p ignoreBold (text bold by style).
InlineText readLine(const QTextBlock &block, bool ignoreBold);
bool hasText(const InlineText &line);

bool isNumberedStyle(QTextListFormat::Style style);
/// Nesting level of the items of @p list: its indent - 1, within 0..MaxListLevel.
int levelOf(const QTextList *list);

/// The table whose cell holds @p block, the outermost one when tables nest; nullptr outside tables.
QTextTable *tableAt(const QTextBlock &block);

QTextBlockFormat quoteBlockFormat();
QTextCharFormat subheadCharFormat();
/// A table as the editor shows it: ruled cells, full width, equal columns.
QTextTableFormat tableFormat(int columns, bool headerRow, const QString &id);
/// Cell (@p row, @p column) of @p table formatted as a header cell (tinted, bold) or a body cell,
/// marked as padding when @p padding.
void formatCell(QTextTable *table, int row, int column, bool header, bool padding);

/// The last text block of the body block @p block belongs to: the last of a run of list items or
/// of one quote's lines; for a table cell, the text block Qt keeps after the table.
QTextBlock unitEnd(const QTextBlock &block);
/// True for an empty plain paragraph outside lists, quotes and tables: a place a new block can take.
bool isFreeParagraph(const QTextBlock &block);

} // namespace galley::detail
