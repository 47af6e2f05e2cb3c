// Tables in the body editor's document: inserting one where the cursor is, adding and deleting
// rows and columns, deleting a table without disturbing the paragraphs around it.

#include "documentconverter.h"
#include "documentformat_p.h"

#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextTable>

#include <algorithm>

namespace galley {

using namespace detail;

namespace {

// Qt merges the blocks before and after a removed table into one; when both held text, the one
// after is split off again with its own formats (and id).
void removeTable(QTextCursor &cursor, QTextTable *table) {
    QTextDocument *document = cursor.document();
    const QTextBlock before = document->findBlock(table->firstPosition() - 1);
    const QTextBlock after = table->lastCursorPosition().block().next();
    const bool split = before.length() > 1 && after.isValid() && after.length() > 1;
    const QTextBlockFormat afterFormat = after.blockFormat();
    const QTextCharFormat afterCharFormat = after.charFormat();
    cursor.setPosition(table->firstPosition() - 1);
    cursor.setPosition(table->lastPosition() + 1, QTextCursor::KeepAnchor);
    cursor.removeSelectedText();
    if (split) {
        cursor.insertBlock(afterFormat, afterCharFormat);
        cursor.movePosition(QTextCursor::PreviousBlock);
        cursor.movePosition(QTextCursor::EndOfBlock);
    }
}

void restyleRow(QTextTable *table, int row) {
    const bool header = row == 0 && table->format().headerRowCount() > 0;
    for (int c = 0; c < table->columns(); ++c)
        formatCell(table, row, c, header, false);
}

} // namespace

void insertTable(QTextCursor &cursor, int rows, int columns, bool headerRow) {
    rows = std::max(1, rows);
    columns = std::max(1, columns);
    cursor.beginEditBlock();
    cursor.clearSelection();
    QTextBlock at = cursor.block();
    if (!isFreeParagraph(at))
        at = unitEnd(at);
    if (isFreeParagraph(at) && at.previous().isValid() && !tableAt(at.previous())) {
        // The empty line goes: the table takes its place after the block above.
        cursor.setPosition(at.position());
        cursor.deletePreviousChar();
    } else if (isFreeParagraph(at)) {
        cursor.setPosition(at.position());
    } else {
        cursor.setPosition(at.position() + at.length() - 1);
    }
    QTextTable *table = cursor.insertTable(rows, columns, tableFormat(columns, headerRow, newId()));
    for (int r = 0; r < rows; ++r)
        for (int c = 0; c < columns; ++c)
            formatCell(table, r, c, headerRow && r == 0, false);
    // The block Qt adds after the table is unformatted: make it a body paragraph to type on in.
    QTextCursor after(table->lastCursorPosition().block().next());
    after.setBlockFormat(bodyParagraphFormat());
    cursor = table->cellAt(0, 0).firstCursorPosition();
    cursor.endEditBlock();
}

bool editTable(QTextCursor &cursor, TableEdit edit) {
    QTextTable *table = cursor.currentTable();
    if (!table)
        return false;
    const QTextTableCell cell = table->cellAt(cursor);
    cursor.beginEditBlock();
    switch (edit) {
    case TableEdit::AddRowBelow:
        table->insertRows(cell.row() + cell.rowSpan(), 1);
        restyleRow(table, cell.row() + cell.rowSpan());
        cursor = table->cellAt(cell.row() + cell.rowSpan(), cell.column()).firstCursorPosition();
        break;
    case TableEdit::AddColumnRight: {
        const int column = cell.column() + cell.columnSpan();
        table->insertColumns(column, 1);
        for (int r = 0; r < table->rows(); ++r)
            formatCell(table, r, column, r == 0 && table->format().headerRowCount() > 0, false);
        cursor = table->cellAt(cell.row(), column).firstCursorPosition();
        break;
    }
    case TableEdit::DeleteRow:
        if (table->rows() > 1) {
            const int row = cell.row();
            table->removeRows(row, 1);
            cursor = table->cellAt(std::min(row, table->rows() - 1), 0).firstCursorPosition();
            // The row below a deleted header row becomes the header: it takes the look.
            if (row == 0)
                restyleRow(table, 0);
            break;
        }
        removeTable(cursor, table);
        break;
    case TableEdit::DeleteColumn:
        if (table->columns() > 1) {
            const int row = cell.row();
            const int column = cell.column();
            table->removeColumns(column, 1);
            cursor = table->cellAt(row, std::min(column, table->columns() - 1)).firstCursorPosition();
            break;
        }
        removeTable(cursor, table);
        break;
    case TableEdit::DeleteTable:
        removeTable(cursor, table);
        break;
    }
    cursor.endEditBlock();
    return true;
}

} // namespace galley
