#include "documentconverter.h"

#include <QFont>
#include <QHash>
#include <QSet>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextList>

namespace galley {

namespace {

// Indent of a quoted paragraph in the editor, in pixels; the published look comes from the CSS.
constexpr qreal QuoteIndent = 24;
// Space under a paragraph and around a subhead in the editor, in pixels.
constexpr qreal ParagraphGap = 8;
constexpr qreal SubheadGapAbove = 12;

// One body block as found in the document, before ids are settled.
struct Unit {
    BlockKind kind = BlockKind::Paragraph;
    QString rawId;
    QList<InlineText> lines;
    QList<QTextBlock> textBlocks; // paragraph, subhead and quote lines
    QTextList *list = nullptr;
    QString id; // settled id
};

bool isNumberedStyle(QTextListFormat::Style style) {
    switch (style) {
    case QTextListFormat::ListDisc:
    case QTextListFormat::ListCircle:
    case QTextListFormat::ListSquare:
        return false;
    default:
        return true;
    }
}

QString cleanText(QString text) {
    text.replace(QChar::LineSeparator, u' ');
    text.replace(QChar::ParagraphSeparator, u' ');
    text.remove(QChar::ObjectReplacementCharacter);
    return text;
}

InlineText readLine(const QTextBlock &block, bool ignoreBold) {
    InlineText line;
    for (auto it = block.begin(); !it.atEnd(); ++it) {
        const QTextFragment fragment = it.fragment();
        if (!fragment.isValid())
            continue;
        const QTextCharFormat format = fragment.charFormat();
        InlineRun run;
        run.text = cleanText(fragment.text());
        run.bold = !ignoreBold && format.fontWeight() >= QFont::DemiBold;
        run.italic = format.fontItalic();
        if (format.isAnchor())
            run.href = format.anchorHref();
        line.runs.append(run);
    }
    return line.normalized();
}

bool hasText(const InlineText &line) {
    return !line.plainText().trimmed().isEmpty();
}

bool isQuoteFormat(const QTextBlockFormat &format) {
    return format.intProperty(QTextFormat::BlockQuoteLevel) > 0;
}

// Walks the document and groups text blocks into units; units without text are returned too
// (with empty lines) so their ids can be settled.
QList<Unit> collectUnits(const QTextDocument *document) {
    QList<Unit> units;
    QSet<QTextList *> seenLists;
    bool quoteOpen = false;
    for (QTextBlock block = document->begin(); block.isValid(); block = block.next()) {
        if (QTextList *list = block.textList()) {
            quoteOpen = false;
            if (seenLists.contains(list))
                continue;
            seenLists.insert(list);
            Unit unit;
            unit.kind =
                isNumberedStyle(list->format().style()) ? BlockKind::NumberedList : BlockKind::BulletList;
            unit.rawId = list->format().property(BlockIdProperty).toString();
            if (unit.rawId.isEmpty() && list->count() > 0)
                unit.rawId = list->item(0).blockFormat().property(BlockIdProperty).toString();
            for (int i = 0; i < list->count(); ++i) {
                const InlineText line = readLine(list->item(i), false);
                if (hasText(line))
                    unit.lines.append(line);
            }
            unit.list = list;
            units.append(unit);
            continue;
        }
        const QTextBlockFormat format = block.blockFormat();
        const QString id = format.property(BlockIdProperty).toString();
        if (isQuoteFormat(format)) {
            if (!quoteOpen || units.last().rawId != id) {
                Unit unit;
                unit.kind = BlockKind::BlockQuote;
                unit.rawId = id;
                units.append(unit);
            }
            quoteOpen = true;
            Unit &unit = units.last();
            unit.textBlocks.append(block);
            const InlineText line = readLine(block, false);
            if (hasText(line))
                unit.lines.append(line);
            continue;
        }
        quoteOpen = false;
        Unit unit;
        unit.kind = format.headingLevel() > 0 ? BlockKind::Subhead : BlockKind::Paragraph;
        unit.rawId = id;
        unit.textBlocks.append(block);
        const InlineText line = readLine(block, unit.kind == BlockKind::Subhead);
        if (hasText(line))
            unit.lines.append(line);
        units.append(unit);
    }
    return units;
}

// Gives every unit its id: units with text claim their stored id in document order, so when Enter
// copies an id the block that holds the text keeps it; every other unit gets a fresh one.
void settleIds(QList<Unit> &units) {
    QSet<QString> claimed;
    for (Unit &unit : units) {
        if (unit.lines.isEmpty())
            continue;
        if (!unit.rawId.isEmpty() && !claimed.contains(unit.rawId))
            unit.id = unit.rawId;
        else
            unit.id = newId();
        claimed.insert(unit.id);
    }
    for (Unit &unit : units) {
        if (!unit.lines.isEmpty())
            continue;
        if (!unit.rawId.isEmpty() && !claimed.contains(unit.rawId))
            unit.id = unit.rawId;
        else
            unit.id = newId();
        claimed.insert(unit.id);
    }
}

QList<Block> toBlocks(const QList<Unit> &units) {
    QList<Block> blocks;
    for (const Unit &unit : units) {
        if (!unit.lines.isEmpty())
            blocks.append(Block{unit.id, unit.kind, unit.lines});
    }
    return blocks;
}

void writeBackIds(QTextDocument *document, const QList<Unit> &units) {
    bool editing = false;
    QTextCursor cursor(document);
    auto begin = [&] {
        if (!editing) {
            cursor.joinPreviousEditBlock();
            editing = true;
        }
    };
    for (const Unit &unit : units) {
        if (unit.id == unit.rawId && (!unit.list || unit.list->format().hasProperty(BlockIdProperty)))
            continue;
        begin();
        if (unit.list) {
            QTextListFormat format = unit.list->format();
            format.setProperty(BlockIdProperty, unit.id);
            unit.list->setFormat(format);
            continue;
        }
        for (const QTextBlock &block : unit.textBlocks) {
            QTextBlockFormat format = block.blockFormat();
            format.setProperty(BlockIdProperty, unit.id);
            cursor.setPosition(block.position());
            cursor.setBlockFormat(format);
        }
    }
    if (editing)
        cursor.endEditBlock();
}

QTextCharFormat subheadCharFormat() {
    QTextCharFormat format;
    format.setFontWeight(QFont::Bold);
    format.setProperty(QTextFormat::FontSizeAdjustment, 1);
    return format;
}

void insertLine(QTextCursor &cursor, const InlineText &line, const QTextCharFormat &base) {
    for (const InlineRun &run : line.runs) {
        QTextCharFormat format = base;
        if (run.bold)
            format.setFontWeight(QFont::Bold);
        if (run.italic)
            format.setFontItalic(true);
        if (!run.href.isEmpty()) {
            format.setAnchor(true);
            format.setAnchorHref(run.href);
            format.setFontUnderline(true);
        }
        cursor.insertText(run.text, format);
    }
}

QTextBlockFormat quoteBlockFormat() {
    QTextBlockFormat format;
    format.setProperty(QTextFormat::BlockQuoteLevel, 1);
    format.setLeftMargin(QuoteIndent);
    format.setRightMargin(QuoteIndent);
    format.setBottomMargin(ParagraphGap / 2);
    return format;
}

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

} // namespace

QTextBlockFormat bodyParagraphFormat() {
    QTextBlockFormat format;
    format.setBottomMargin(ParagraphGap);
    return format;
}

void blocksToDocument(const QList<Block> &blocks, QTextDocument *document) {
    document->clear();
    QTextCursor cursor(document);
    cursor.beginEditBlock();
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
            QTextBlockFormat format = bodyParagraphFormat();
            format.setProperty(BlockIdProperty, block.id);
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
                QTextBlockFormat format = quoteBlockFormat();
                format.setProperty(BlockIdProperty, block.id);
                startBlock(format, {});
                insertLine(cursor, line, {});
            }
            break;
        case BlockKind::BulletList:
        case BlockKind::NumberedList: {
            QTextList *list = nullptr;
            for (qsizetype i = 0; i < block.lines.size(); ++i) {
                const InlineText &line = block.lines[i];
                QTextBlockFormat itemFormat;
                itemFormat.setBottomMargin(i + 1 == block.lines.size() ? ParagraphGap : ParagraphGap / 4);
                startBlock(itemFormat, {});
                insertLine(cursor, line, {});
                if (!list) {
                    QTextListFormat format;
                    format.setStyle(block.kind == BlockKind::BulletList ? QTextListFormat::ListDisc
                                                                        : QTextListFormat::ListDecimal);
                    format.setIndent(1);
                    format.setProperty(BlockIdProperty, block.id);
                    list = cursor.createList(format);
                } else {
                    list->add(cursor.block());
                }
            }
            break;
        }
        case BlockKind::Table:
        case BlockKind::SectionBreak:
            break; // INTERIM: the editor does not show these yet (body-blocks work in progress)
        }
    }
    cursor.endEditBlock();
}

QList<Block> documentToBlocks(QTextDocument *document) {
    QList<Unit> units = collectUnits(document);
    settleIds(units);
    writeBackIds(document, units);
    return toBlocks(units);
}

QList<Block> readBlocks(const QTextDocument *document) {
    QList<Unit> units = collectUnits(document);
    settleIds(units);
    return toBlocks(units);
}

std::optional<Block> readSingleBlock(const QTextBlock &block) {
    if (!block.isValid() || block.textList())
        return std::nullopt;
    const QTextBlockFormat format = block.blockFormat();
    if (isQuoteFormat(format))
        return std::nullopt;
    const BlockKind kind = format.headingLevel() > 0 ? BlockKind::Subhead : BlockKind::Paragraph;
    const InlineText line = readLine(block, kind == BlockKind::Subhead);
    if (!hasText(line))
        return std::nullopt;
    return Block{format.property(BlockIdProperty).toString(), kind, {line}};
}

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

} // namespace galley
