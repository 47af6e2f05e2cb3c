// Story blocks -> QTextDocument: blocksToDocument(), the formats the editor gives each kind of
// block, and inserting a table or a section break where the cursor is.

#include "documentconverter.h"
#include "documentformat_p.h"

#include <QColor>
#include <QFont>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextList>
#include <QTextTable>

#include <algorithm>

namespace galley {

namespace detail {

QTextCharFormat runFormat(const InlineRun &run, const QTextCharFormat &base) {
    QTextCharFormat format = base;
    if (run.bold)
        format.setFontWeight(QFont::Bold);
    if (run.italic)
        format.setFontItalic(true);
    if (run.strike)
        format.setFontStrikeOut(true);
    if (run.baseline == Baseline::Superscript)
        format.setVerticalAlignment(QTextCharFormat::AlignSuperScript);
    else if (run.baseline == Baseline::Subscript)
        format.setVerticalAlignment(QTextCharFormat::AlignSubScript);
    if (!run.href.isEmpty()) {
        format.setAnchor(true);
        format.setAnchorHref(run.href);
        format.setFontUnderline(true);
    }
    return format;
}

QTextBlockFormat quoteBlockFormat() {
    QTextBlockFormat format;
    format.setProperty(QTextFormat::BlockQuoteLevel, 1);
    format.setLeftMargin(QuoteIndent);
    format.setRightMargin(QuoteIndent);
    format.setBottomMargin(ParagraphGap / 2);
    return format;
}

QTextCharFormat subheadCharFormat() {
    QTextCharFormat format;
    format.setFontWeight(QFont::Bold);
    format.setProperty(QTextFormat::FontSizeAdjustment, 1);
    return format;
}

QTextTableFormat tableFormat(int columns, bool headerRow, const QString &id) {
    QTextTableFormat format;
    format.setBorder(1);
    format.setBorderStyle(QTextFrameFormat::BorderStyle_Solid);
    // Half-transparent grey reads on light and dark palettes alike.
    format.setBorderBrush(QColor(128, 128, 128, 160));
    format.setBorderCollapse(true);
    format.setCellPadding(4);
    format.setCellSpacing(0);
    format.setBottomMargin(ParagraphGap);
    format.setWidth(QTextLength(QTextLength::PercentageLength, 100));
    format.setColumnWidthConstraints(QList<QTextLength>(
        columns, QTextLength(QTextLength::PercentageLength, 100.0 / std::max(1, columns))));
    format.setHeaderRowCount(headerRow ? 1 : 0);
    if (!id.isEmpty())
        format.setProperty(BlockIdProperty, id);
    return format;
}

void formatCell(QTextTable *table, int row, int column, bool header, bool padding) {
    QTextTableCell cell = table->cellAt(row, column);
    // A fresh format (Qt keeps the cell's spans): a cell copied from a header keeps no tint. The
    // cell's format is also the character format of its first line when empty, so a header cell
    // types bold.
    QTextTableCellFormat format;
    if (header) {
        format.setBackground(QColor(128, 128, 128, 48));
        format.setFontWeight(QFont::Bold);
    }
    if (padding)
        format.setProperty(PaddingCellProperty, true);
    cell.setFormat(format);
}

} // namespace detail

using namespace detail;

namespace {

void insertLine(QTextCursor &cursor, const InlineText &line, const QTextCharFormat &base) {
    for (const InlineRun &run : line.runs)
        cursor.insertText(run.text, runFormat(run, base));
}

QTextBlockFormat withId(QTextBlockFormat format, const QString &id) {
    format.setProperty(BlockIdProperty, id);
    return format;
}

QTextCharFormat headerCharFormat() {
    QTextCharFormat format;
    format.setFontWeight(QFont::Bold);
    return format;
}

/// Fills @p table (already rows x columns) with @p block's cells.
void fillTable(QTextTable *table, const Block &block, int columns) {
    for (int r = 0; r < table->rows(); ++r) {
        const TableRow &row = block.rows.at(r);
        const bool header = block.headerRow && r == 0;
        for (int c = 0; c < columns; ++c) {
            formatCell(table, r, c, header, c >= row.size());
            if (c < row.size()) {
                QTextCursor cell = table->cellAt(r, c).firstCursorPosition();
                insertLine(cell, row.at(c), header ? headerCharFormat() : QTextCharFormat());
            }
        }
    }
}

} // namespace

QTextBlock detail::unitEnd(const QTextBlock &block) {
    if (QTextTable *table = tableAt(block))
        return table->lastCursorPosition().block().next();
    QTextBlock end = block;
    if (block.textList()) {
        while (end.next().isValid() && end.next().textList() && !tableAt(end.next()))
            end = end.next();
    } else if (block.blockFormat().intProperty(QTextFormat::BlockQuoteLevel) > 0) {
        const QVariant id = block.blockFormat().property(BlockIdProperty);
        while (end.next().isValid() &&
               end.next().blockFormat().intProperty(QTextFormat::BlockQuoteLevel) > 0 &&
               end.next().blockFormat().property(BlockIdProperty) == id && !end.next().textList())
            end = end.next();
    }
    return end;
}

bool detail::isFreeParagraph(const QTextBlock &block) {
    const QTextBlockFormat format = block.blockFormat();
    return block.isValid() && block.length() <= 1 && !block.textList() && !tableAt(block) &&
           format.headingLevel() == 0 && format.intProperty(QTextFormat::BlockQuoteLevel) == 0 &&
           !format.hasProperty(QTextFormat::BlockTrailingHorizontalRulerWidth);
}

QTextBlockFormat bodyParagraphFormat() {
    QTextBlockFormat format;
    format.setBottomMargin(ParagraphGap);
    return format;
}

QTextBlockFormat sectionBreakFormat(const QString &id) {
    QTextBlockFormat format;
    format.setProperty(QTextFormat::BlockTrailingHorizontalRulerWidth,
                       QTextLength(QTextLength::PercentageLength, 100));
    format.setTopMargin(ParagraphGap);
    format.setBottomMargin(ParagraphGap * 2);
    if (!id.isEmpty())
        format.setProperty(BlockIdProperty, id);
    return format;
}

QTextListFormat::Style listStyle(int level, bool numbered) {
    static constexpr QTextListFormat::Style bullets[] = {
        QTextListFormat::ListDisc, QTextListFormat::ListCircle, QTextListFormat::ListSquare};
    static constexpr QTextListFormat::Style numbers[] = {
        QTextListFormat::ListDecimal, QTextListFormat::ListLowerAlpha, QTextListFormat::ListLowerRoman};
    const int index = std::max(0, level) % 3;
    return numbered ? numbers[index] : bullets[index];
}

bool isNumberedListStyle(QTextListFormat::Style style) {
    return isNumberedStyle(style);
}

void blocksToDocument(const QList<Block> &blocks, QTextDocument *document) {
    document->clear();
    QTextCursor cursor(document);
    cursor.beginEditBlock();
    // True while the cursor's block is empty and unused: the next block takes it over.
    bool first = true;
    auto startBlock = [&](const QTextBlockFormat &blockFormat, const QTextCharFormat &charFormat) {
        if (first) {
            cursor.setBlockFormat(blockFormat);
            cursor.setBlockCharFormat(charFormat);
            first = false;
        } else {
            cursor.insertBlock(blockFormat, charFormat);
        }
    };
    for (const Block &block : blocks) {
        switch (block.kind) {
        case BlockKind::Paragraph:
        case BlockKind::Subhead: {
            const bool subhead = block.kind == BlockKind::Subhead;
            QTextBlockFormat format = withId(bodyParagraphFormat(), block.id);
            if (subhead) {
                format.setHeadingLevel(SubheadLevel);
                format.setTopMargin(SubheadGapAbove);
            }
            const QTextCharFormat charFormat = subhead ? subheadCharFormat() : QTextCharFormat();
            startBlock(format, charFormat);
            for (const InlineText &line : block.lines)
                insertLine(cursor, line, charFormat);
            break;
        }
        case BlockKind::BlockQuote:
            for (const InlineText &line : block.lines) {
                startBlock(withId(quoteBlockFormat(), block.id), {});
                insertLine(cursor, line, {});
            }
            break;
        case BlockKind::BulletList:
        case BlockKind::NumberedList: {
            // open[level]: the list items at that level go into now; a shallower item closes the
            // deeper ones, so the next sub-list under another item numbers from one again.
            QList<QTextList *> open;
            const bool numberedKind = block.kind == BlockKind::NumberedList;
            for (qsizetype i = 0; i < block.lines.size(); ++i) {
                const ListItem item = block.item(i);
                const int level = std::clamp(item.level, 0, MaxListLevel);
                QTextBlockFormat itemFormat;
                itemFormat.setBottomMargin(i + 1 == block.lines.size() ? ParagraphGap : ParagraphGap / 4);
                startBlock(itemFormat, {});
                insertLine(cursor, block.lines.at(i), {});
                open.resize(std::min<qsizetype>(open.size(), level + 1));
                QTextList *list = open.size() == level + 1 ? open.at(level) : nullptr;
                if (list && isNumberedStyle(list->format().style()) == item.numbered) {
                    list->add(cursor.block());
                    continue;
                }
                QTextListFormat format;
                format.setStyle(listStyle(level, item.numbered));
                format.setIndent(level + 1);
                format.setProperty(BlockIdProperty, block.id);
                // The kind is read from the first item at the shallowest level; say it when that
                // item does not.
                if (i == 0) {
                    int shallowest = MaxListLevel;
                    for (qsizetype j = 0; j < block.lines.size(); ++j)
                        shallowest = std::min(shallowest, std::clamp(block.item(j).level, 0, MaxListLevel));
                    for (qsizetype j = 0; j < block.lines.size(); ++j) {
                        if (std::clamp(block.item(j).level, 0, MaxListLevel) != shallowest)
                            continue;
                        if (block.item(j).numbered != numberedKind)
                            format.setProperty(ListKindProperty, int(block.kind));
                        break;
                    }
                }
                open.resize(level + 1);
                open[level] = cursor.createList(format);
            }
            break;
        }
        case BlockKind::Table: {
            qsizetype columns = 0;
            for (const TableRow &row : block.rows)
                columns = std::max(columns, row.size());
            if (block.rows.isEmpty() || columns == 0)
                break;
            // Qt keeps a text block before and after a table: an unused one is that block before,
            // else the table goes at the end of the last block.
            if (first) {
                cursor.setBlockFormat(withId(bodyParagraphFormat(), newId()));
                cursor.setBlockCharFormat({});
            }
            QTextTable *table = cursor.insertTable(int(block.rows.size()), int(columns),
                                                   tableFormat(int(columns), block.headerRow, block.id));
            fillTable(table, block, int(columns));
            cursor.movePosition(QTextCursor::End);
            cursor.setBlockFormat(withId(bodyParagraphFormat(), newId()));
            cursor.setBlockCharFormat({});
            first = true;
            break;
        }
        case BlockKind::SectionBreak:
            startBlock(sectionBreakFormat(block.id), {});
            break;
        }
    }
    cursor.endEditBlock();
}

void insertSectionBreak(QTextCursor &cursor) {
    cursor.beginEditBlock();
    cursor.clearSelection();
    const QTextBlock block = cursor.block();
    const QTextBlockFormat format = block.blockFormat();
    const bool plainText = !block.textList() && !tableAt(block) &&
                           format.intProperty(QTextFormat::BlockQuoteLevel) == 0 &&
                           !format.hasProperty(QTextFormat::BlockTrailingHorizontalRulerWidth);
    if (plainText && block.length() > 1 && cursor.atBlockStart()) {
        // Before this paragraph: split off an empty copy in front of it and make that the break,
        // so the paragraph keeps its own id.
        cursor.insertBlock(format, block.charFormat());
        QTextCursor breakCursor(cursor.block().previous());
        breakCursor.setBlockFormat(sectionBreakFormat(newId()));
        breakCursor.setBlockCharFormat({});
        cursor.endEditBlock();
        return;
    }
    QTextBlock at = isFreeParagraph(block) ? block : unitEnd(block);
    if (isFreeParagraph(at)) {
        cursor.setPosition(at.position());
        cursor.setBlockFormat(sectionBreakFormat(newId()));
        cursor.setBlockCharFormat({});
    } else {
        cursor.setPosition(at.position() + at.length() - 1);
        cursor.insertBlock(sectionBreakFormat(newId()), QTextCharFormat());
    }
    const QTextBlock next = cursor.block().next();
    if (isFreeParagraph(next)) {
        cursor.setPosition(next.position());
    } else {
        cursor.movePosition(QTextCursor::EndOfBlock);
        cursor.insertBlock(bodyParagraphFormat(), QTextCharFormat());
    }
    cursor.endEditBlock();
}

void removeSectionBreak(QTextCursor &cursor, const QTextBlock &breakBlock) {
    const QTextBlock next = breakBlock.next();
    cursor.beginEditBlock();
    cursor.setPosition(breakBlock.position());
    if (next.isValid() && tableAt(next) == tableAt(breakBlock)) {
        // Removing from the start of one block to the start of the next keeps the next one's format.
        cursor.setPosition(next.position(), QTextCursor::KeepAnchor);
        cursor.removeSelectedText();
    } else {
        cursor.setBlockFormat(bodyParagraphFormat());
    }
    cursor.endEditBlock();
}

void moveOffSectionBreak(QTextCursor &cursor, const QTextBlock &breakBlock) {
    const QTextBlock next = breakBlock.next();
    if (isFreeParagraph(next)) {
        cursor.setPosition(next.position());
        return;
    }
    cursor.setPosition(breakBlock.position() + breakBlock.length() - 1);
    cursor.insertBlock(bodyParagraphFormat(), QTextCharFormat());
}

} // namespace galley
