// The body editor's keys beyond QTextEdit's: Enter after subheads, in lists and in tables; Tab
// and Shift+Tab in lists and tables; what a section break does with keys typed on or next to it.

#include "bodyeditor.h"

#include <QKeyEvent>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextList>
#include <QTextTable>

namespace galley {

namespace {

bool isEnter(const QKeyEvent *event) {
    return (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) &&
           !(event->modifiers() & (Qt::ShiftModifier | Qt::ControlModifier));
}

} // namespace

bool BodyEditor::event(QEvent *event) {
    // Tab reaches QWidget's focus chain before keyPressEvent(); in lists and tables it is ours.
    if (event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        const bool plain = !(key->modifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier));
        if (plain && (key->key() == Qt::Key_Tab || key->key() == Qt::Key_Backtab)) {
            const bool forward = key->key() == Qt::Key_Tab && !(key->modifiers() & Qt::ShiftModifier);
            if (handleTab(forward)) {
                key->accept();
                return true;
            }
        }
    }
    return QTextEdit::event(event);
}

void BodyEditor::keyPressEvent(QKeyEvent *event) {
    if (handleSectionBreakKey(event) || (isEnter(event) && handleEnter())) {
        event->accept();
        return;
    }
    QTextEdit::keyPressEvent(event);
}

bool BodyEditor::handleTab(bool forward) {
    QTextCursor cursor = textCursor();
    if (cursor.currentList())
        return changeLevel(forward);
    QTextTable *table = cursor.currentTable();
    if (!table)
        return false;
    // Word processors' way: Tab to the next cell, and from the last cell into a new row.
    const QTextTableCell cell = table->cellAt(cursor);
    int index = cell.row() * table->columns() + cell.column() + (forward ? cell.columnSpan() : -1);
    if (index < 0)
        return true;
    if (index >= table->rows() * table->columns()) {
        editTable(TableEdit::AddRowBelow);
        index = (table->rows() - 1) * table->columns();
    }
    const QTextTableCell next = table->cellAt(index / table->columns(), index % table->columns());
    setTextCursor(next.lastCursorPosition());
    return true;
}

// Enter behaves the way word processors taught reporters: after a subhead comes a plain
// paragraph; Enter on an empty list item moves it up a level, or out of the list at the top, and
// on an empty quote line leaves the quote; in a table it goes to the cell below (a cell holds one
// line), out of the table from the last row.
bool BodyEditor::handleEnter() {
    QTextCursor cursor = textCursor();
    if (cursor.hasSelection())
        return false;
    if (QTextTable *table = cursor.currentTable()) {
        const QTextTableCell cell = table->cellAt(cursor);
        const int below = cell.row() + cell.rowSpan();
        if (below < table->rows()) {
            setTextCursor(table->cellAt(below, cell.column()).lastCursorPosition());
        } else {
            QTextCursor after(table->lastCursorPosition().block().next());
            setTextCursor(after);
        }
        return true;
    }
    const bool emptyBlock = cursor.block().text().isEmpty();
    if (emptyBlock && cursor.currentList()) {
        if (listLevel(cursor.block()) > 0)
            changeLevel(false);
        else
            toggleList(isNumberedListStyle(cursor.currentList()->format().style()));
        return true;
    }
    if (emptyBlock && isBlockQuote(cursor)) {
        setBlockQuote(cursor, false);
        updateActionStates();
        return true;
    }
    if (isSubhead(cursor) && cursor.atBlockEnd()) {
        QTextCharFormat plain;
        plain.setFontWeight(QFont::Normal);
        plain.setProperty(QTextFormat::FontSizeAdjustment, 0);
        cursor.insertBlock(bodyParagraphFormat(), plain);
        setTextCursor(cursor);
        setCurrentCharFormat(plain);
        return true;
    }
    return false;
}

bool BodyEditor::handleSectionBreakKey(QKeyEvent *event) {
    QTextCursor cursor = textCursor();
    if (cursor.hasSelection())
        return false;
    const QTextBlock block = cursor.block();
    const int key = event->key();
    if (isSectionBreak(block)) {
        if (key == Qt::Key_Backspace || key == Qt::Key_Delete) {
            removeSectionBreak(cursor, block);
            setTextCursor(cursor);
            return true;
        }
        const bool typing = !event->text().isEmpty() && event->text().at(0).isPrint() &&
                            !(event->modifiers() & (Qt::ControlModifier | Qt::AltModifier));
        if (isEnter(event) || typing) {
            moveOffSectionBreak(cursor, block);
            setTextCursor(cursor);
            // Typed text goes on through QTextEdit, into the paragraph the cursor is in now.
            return !typing;
        }
        return false;
    }
    if (key == Qt::Key_Backspace && cursor.atBlockStart() && !block.textList() &&
        isSectionBreak(block.previous())) {
        removeSectionBreak(cursor, block.previous());
        setTextCursor(cursor);
        return true;
    }
    if (key == Qt::Key_Delete && cursor.atBlockEnd() && isSectionBreak(block.next())) {
        const int position = cursor.position();
        removeSectionBreak(cursor, block.next());
        cursor.setPosition(position);
        setTextCursor(cursor);
        return true;
    }
    return false;
}

} // namespace galley
