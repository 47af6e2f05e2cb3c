// Style edits on the body editor's document: subheads, block quotes and list levels.

#include "documentconverter.h"
#include "documentformat_p.h"

#include <QFont>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextList>

namespace galley {

using namespace detail;

namespace {

// Calls @p apply on each text block the cursor's selection touches, inside one edit block.
template <typename Apply> void forEachSelectedBlock(QTextCursor &cursor, Apply apply) {
    QTextDocument *document = cursor.document();
    const QTextBlock first = document->findBlock(cursor.selectionStart());
    const QTextBlock last = document->findBlock(cursor.selectionEnd());
    cursor.beginEditBlock();
    for (QTextBlock block = first; block.isValid(); block = block.next()) {
        apply(block);
        if (block == last)
            break;
    }
    cursor.endEditBlock();
}

void leaveList(const QTextBlock &block) {
    if (QTextList *list = block.textList()) {
        list->remove(block);
        QTextCursor cursor(block);
        QTextBlockFormat format = cursor.blockFormat();
        format.setIndent(0);
        cursor.setBlockFormat(format);
    }
}

void styleWholeBlock(const QTextBlock &block, const QTextCharFormat &format) {
    QTextCursor cursor(block);
    cursor.movePosition(QTextCursor::EndOfBlock, QTextCursor::KeepAnchor);
    cursor.mergeCharFormat(format);
    cursor.mergeBlockCharFormat(format);
}

bool isQuoteFormat(const QTextBlockFormat &format) {
    return format.intProperty(QTextFormat::BlockQuoteLevel) > 0;
}

QString listId(const QTextList *list) {
    return list->format().property(BlockIdProperty).toString();
}

// The list at @p level that @p block should join, looking up and then down through the list items
// around it of the same list block (same id): the nearest one at that level before a shallower
// item. nullptr when there is none.
QTextList *listAtLevel(const QTextBlock &block, int level) {
    const QString id = listId(block.textList());
    for (const bool up : {true, false}) {
        for (QTextBlock other = up ? block.previous() : block.next(); other.isValid();
             other = up ? other.previous() : other.next()) {
            QTextList *list = other.textList();
            if (!list || listId(list) != id || tableAt(other) != tableAt(block))
                break;
            const int otherLevel = levelOf(list);
            if (otherLevel == level)
                return list;
            if (otherLevel < level)
                break;
        }
    }
    return nullptr;
}

void moveItem(const QTextBlock &block, bool deeper) {
    QTextList *current = block.textList();
    const int level = levelOf(current);
    const int target = level + (deeper ? 1 : -1);
    if (target > MaxListLevel)
        return;
    if (target < 0) {
        leaveList(block);
        return;
    }
    // Items that were below this one at its old level become its sub-items: they leave the list
    // above it, so their numbering starts again under it as on the page.
    QList<QTextBlock> followers;
    if (!deeper) {
        for (QTextBlock next = block.next(); next.isValid() && next.textList(); next = next.next()) {
            if (levelOf(next.textList()) < level)
                break;
            if (next.textList() == current)
                followers.append(next);
        }
    }
    const bool numbered = isNumberedStyle(current->format().style());
    if (QTextList *into = listAtLevel(block, target)) {
        into->add(block);
    } else {
        QTextListFormat format = current->format();
        format.setIndent(target + 1);
        format.setStyle(listStyle(target, numbered));
        format.clearProperty(ListKindProperty);
        QTextCursor(block).createList(format);
    }
    if (!followers.isEmpty()) {
        QTextListFormat format = current->format();
        format.clearProperty(ListKindProperty);
        QTextList *rest = QTextCursor(followers.first()).createList(format);
        for (qsizetype i = 1; i < followers.size(); ++i)
            rest->add(followers.at(i));
    }
}

} // namespace

void setSubhead(QTextCursor &cursor, bool on) {
    QTextCharFormat charFormat;
    charFormat.setFontWeight(on ? QFont::Bold : QFont::Normal);
    charFormat.setProperty(QTextFormat::FontSizeAdjustment, on ? 1 : 0);
    forEachSelectedBlock(cursor, [&](const QTextBlock &block) {
        leaveList(block);
        QTextCursor blockCursor(block);
        QTextBlockFormat format = blockCursor.blockFormat();
        format.setHeadingLevel(on ? SubheadLevel : 0);
        if (on) {
            format.clearProperty(QTextFormat::BlockQuoteLevel);
            format.setLeftMargin(0);
            format.setRightMargin(0);
        }
        blockCursor.setBlockFormat(format);
        styleWholeBlock(block, charFormat);
    });
}

void setBlockQuote(QTextCursor &cursor, bool on) {
    // Paragraphs quoted together become one quote, so they share the first one's id.
    const QString sharedId = cursor.document()
                                 ->findBlock(cursor.selectionStart())
                                 .blockFormat()
                                 .property(BlockIdProperty)
                                 .toString();
    forEachSelectedBlock(cursor, [&](const QTextBlock &block) {
        leaveList(block);
        QTextCursor blockCursor(block);
        QTextBlockFormat format = blockCursor.blockFormat();
        if (on) {
            if (format.headingLevel() > 0) {
                format.setHeadingLevel(0);
                QTextCharFormat plain;
                plain.setFontWeight(QFont::Normal);
                plain.setProperty(QTextFormat::FontSizeAdjustment, 0);
                styleWholeBlock(block, plain);
            }
            format.setProperty(QTextFormat::BlockQuoteLevel, 1);
            format.setLeftMargin(QuoteIndent);
            format.setRightMargin(QuoteIndent);
            if (!sharedId.isEmpty())
                format.setProperty(BlockIdProperty, sharedId);
        } else {
            format.clearProperty(QTextFormat::BlockQuoteLevel);
            format.setLeftMargin(0);
            format.setRightMargin(0);
        }
        blockCursor.setBlockFormat(format);
    });
}

bool isSubhead(const QTextCursor &cursor) {
    return cursor.blockFormat().headingLevel() > 0 && !cursor.currentList();
}

bool isBlockQuote(const QTextCursor &cursor) {
    return isQuoteFormat(cursor.blockFormat()) && !cursor.currentList();
}

int listLevel(const QTextBlock &block) {
    const QTextList *list = block.textList();
    return list ? levelOf(list) : -1;
}

bool changeListLevel(QTextCursor &cursor, bool deeper) {
    QTextDocument *document = cursor.document();
    const QTextBlock first = document->findBlock(cursor.selectionStart());
    const QTextBlock last = document->findBlock(cursor.selectionEnd());
    bool any = false;
    for (QTextBlock block = first; block.isValid(); block = block.next()) {
        any = any || block.textList();
        if (block == last)
            break;
    }
    if (!any)
        return false;
    cursor.beginEditBlock();
    for (QTextBlock block = first; block.isValid(); block = block.next()) {
        if (block.textList())
            moveItem(block, deeper);
        if (block == last)
            break;
    }
    cursor.endEditBlock();
    return true;
}

} // namespace galley
