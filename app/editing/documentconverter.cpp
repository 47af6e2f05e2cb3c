// QTextDocument -> story blocks: documentToBlocks(), readBlocks() and the single-block readers the
// editor uses while typing. The other way is in documentwriter.cpp, style edits in documentstyles.cpp.

#include "documentconverter.h"
#include "documentformat_p.h"

#include <QFont>
#include <QHash>
#include <QSet>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextFrame>
#include <QTextList>
#include <QTextTable>

#include <algorithm>

namespace galley {

namespace detail {

namespace {

QString cleanText(QString text) {
    text.replace(QChar::LineSeparator, u' ');
    text.replace(QChar::ParagraphSeparator, u' ');
    text.remove(QChar::ObjectReplacementCharacter);
    return text;
}

} // namespace

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
        run.strike = format.fontStrikeOut();
        switch (format.verticalAlignment()) {
        case QTextCharFormat::AlignSuperScript:
            run.baseline = Baseline::Superscript;
            break;
        case QTextCharFormat::AlignSubScript:
            run.baseline = Baseline::Subscript;
            break;
        default:
            break;
        }
        if (format.isAnchor())
            run.href = format.anchorHref();
        line.runs.append(run);
    }
    return line.normalized();
}

bool hasText(const InlineText &line) {
    return !line.plainText().trimmed().isEmpty();
}

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

int levelOf(const QTextList *list) {
    return std::clamp(list->format().indent() - 1, 0, MaxListLevel);
}

QTextTable *tableAt(const QTextBlock &block) {
    if (!block.isValid())
        return nullptr;
    QTextTable *outer = nullptr;
    for (QTextFrame *frame = QTextCursor(block).currentFrame(); frame; frame = frame->parentFrame())
        if (auto *table = qobject_cast<QTextTable *>(frame))
            outer = table;
    return outer;
}

} // namespace detail

using namespace detail;

namespace {

// One body block as found in the document, before ids are settled.
struct Unit {
    BlockKind kind = BlockKind::Paragraph;
    QString rawId;
    QList<InlineText> lines;
    QList<ListItem> items;
    QList<TableRow> rows;
    bool headerRow = false;
    bool content = false;         // has text (a section break always counts)
    QList<QTextBlock> textBlocks; // paragraph, subhead, quote lines, section break
    QList<QTextList *> lists;     // every QTextList of a list block
    // List items whose QTextList an earlier block owns (a list interrupted by a paragraph goes on
    // after it): they must move to a list of this block's own before it can carry an id.
    QList<QTextBlock> movedItems;
    QSet<QTextList *> borrowed;
    QTextTable *table = nullptr;
    QString id; // settled id
};

bool isQuoteFormat(const QTextBlockFormat &format) {
    return format.intProperty(QTextFormat::BlockQuoteLevel) > 0;
}

bool isBreakFormat(const QTextBlockFormat &format) {
    return format.hasProperty(QTextFormat::BlockTrailingHorizontalRulerWidth);
}

QString listId(const QTextList *list) {
    return list->format().property(BlockIdProperty).toString();
}

// A cell's paragraphs (a pasted <br>, a nested table) joined by spaces: a cell holds one line.
InlineText readCell(const QTextTableCell &cell, bool ignoreBold) {
    InlineText text;
    const int last = cell.lastCursorPosition().position();
    for (QTextBlock block = cell.firstCursorPosition().block(); block.isValid() && block.position() <= last;
         block = block.next()) {
        const InlineText line = readLine(block, ignoreBold);
        if (!hasText(line))
            continue;
        if (!text.runs.isEmpty())
            text.runs.append(InlineRun{u" "_qs});
        text.runs.append(line.runs);
    }
    return text.normalized();
}

Unit readTable(QTextTable *table) {
    Unit unit;
    unit.kind = BlockKind::Table;
    unit.table = table;
    unit.rawId = table->format().property(BlockIdProperty).toString();
    unit.headerRow = table->format().headerRowCount() > 0;
    for (int r = 0; r < table->rows(); ++r) {
        TableRow row;
        qsizetype length = 0;
        for (int c = 0; c < table->columns(); ++c) {
            const QTextTableCell cell = table->cellAt(r, c);
            // A merged cell is read once, where it starts; the places it covers are empty cells.
            const bool origin = cell.row() == r && cell.column() == c;
            const InlineText text = origin ? readCell(cell, unit.headerRow && r == 0) : InlineText();
            unit.content = unit.content || hasText(text);
            row.append(text);
            if (!(origin && cell.format().boolProperty(PaddingCellProperty) && text.runs.isEmpty()))
                length = c + 1;
        }
        row.resize(length);
        unit.rows.append(row);
    }
    return unit;
}

// The kind of a list block: as its first list says, else the numbering of its first item at the
// shallowest level. Items that all match that kind at the top level are left implicit.
void settleListKind(Unit &unit) {
    const QVariant stated = unit.lists.first()->format().property(ListKindProperty);
    bool numbered = isNumberedStyle(unit.lists.first()->format().style());
    if (stated.isValid()) {
        numbered = BlockKind(stated.toInt()) == BlockKind::NumberedList;
    } else if (!unit.items.isEmpty()) {
        const auto shallowest =
            std::min_element(unit.items.cbegin(), unit.items.cend(),
                             [](const ListItem &a, const ListItem &b) { return a.level < b.level; });
        numbered = shallowest->numbered;
    }
    unit.kind = numbered ? BlockKind::NumberedList : BlockKind::BulletList;
    const ListItem plain{0, numbered};
    if (std::all_of(unit.items.cbegin(), unit.items.cend(),
                    [&](const ListItem &item) { return item == plain; }))
        unit.items.clear();
}

// Walks the document and groups text blocks into units; units without text are returned too
// (with empty lines) so their ids can be settled.
class Collector {
public:
    QList<Unit> units;

    void walk(QTextFrame *frame) {
        for (auto it = frame->begin(); !it.atEnd(); ++it) {
            if (QTextFrame *child = it.currentFrame()) {
                m_openList = -1;
                m_quoteOpen = false;
                if (auto *table = qobject_cast<QTextTable *>(child))
                    units.append(readTable(table));
                else
                    walk(child);
            } else {
                addBlock(it.currentBlock());
            }
        }
    }

    void finish() {
        for (Unit &unit : units)
            if (!unit.lists.isEmpty())
                settleListKind(unit);
    }

private:
    void addBlock(const QTextBlock &block) {
        if (QTextList *list = block.textList()) {
            m_quoteOpen = false;
            addListItem(block, list);
            return;
        }
        m_openList = -1;
        const QTextBlockFormat format = block.blockFormat();
        const QString id = format.property(BlockIdProperty).toString();
        if (isQuoteFormat(format)) {
            if (!m_quoteOpen || units.last().rawId != id) {
                Unit unit;
                unit.kind = BlockKind::BlockQuote;
                unit.rawId = id;
                units.append(unit);
            }
            m_quoteOpen = true;
            Unit &unit = units.last();
            unit.textBlocks.append(block);
            const InlineText line = readLine(block, false);
            if (hasText(line)) {
                unit.lines.append(line);
                unit.content = true;
            }
            return;
        }
        m_quoteOpen = false;
        Unit unit;
        unit.kind = format.headingLevel() > 0 ? BlockKind::Subhead : BlockKind::Paragraph;
        unit.rawId = id;
        unit.textBlocks.append(block);
        const InlineText line = readLine(block, unit.kind == BlockKind::Subhead);
        if (hasText(line)) {
            unit.lines.append(line);
            unit.content = true;
        } else if (isBreakFormat(format)) {
            // Text typed onto a rule is kept as a paragraph; an empty rule is the break.
            unit.kind = BlockKind::SectionBreak;
            unit.content = true;
        }
        units.append(unit);
    }

    // A list continues while its items follow each other and each QTextList is part of it, carries
    // its id, or (without an id, made by Tab in the editor) is nested.
    void addListItem(const QTextBlock &block, QTextList *list) {
        const int level = levelOf(list);
        const QString id = listId(list);
        bool joins = false;
        if (m_openList >= 0) {
            const Unit &open = units.at(m_openList);
            joins = open.lists.contains(list) || (id.isEmpty() ? level > 0 : id == open.rawId);
        }
        if (!joins) {
            Unit unit;
            unit.kind = BlockKind::BulletList;
            // A paragraph turned into a list keeps its id in its block format.
            unit.rawId = id.isEmpty() ? block.blockFormat().property(BlockIdProperty).toString() : id;
            units.append(unit);
            m_openList = units.size() - 1;
        }
        Unit &unit = units[m_openList];
        if (!unit.lists.contains(list))
            unit.lists.append(list);
        const qsizetype owner = m_listOwner.value(list, -1);
        if (owner >= 0 && owner != m_openList) {
            unit.borrowed.insert(list);
            unit.movedItems.append(block);
        } else {
            m_listOwner.insert(list, m_openList);
        }
        const InlineText line = readLine(block, false);
        if (hasText(line)) {
            unit.lines.append(line);
            unit.items.append(ListItem{level, isNumberedStyle(list->format().style())});
            unit.content = true;
        }
    }

    qsizetype m_openList = -1;
    bool m_quoteOpen = false;
    QHash<QTextList *, qsizetype> m_listOwner; // unit that met each list first
};

QList<Unit> collectUnits(const QTextDocument *document) {
    Collector collector;
    collector.walk(document->rootFrame());
    collector.finish();
    return collector.units;
}

// Gives every unit its id: units with content claim their stored id in document order, so when
// Enter copies an id the block that holds the text keeps it; every other unit gets a fresh one.
void settleIds(QList<Unit> &units) {
    QSet<QString> claimed;
    for (const bool withContent : {true, false}) {
        for (Unit &unit : units) {
            if (unit.content != withContent)
                continue;
            if (!unit.rawId.isEmpty() && !claimed.contains(unit.rawId))
                unit.id = unit.rawId;
            else
                unit.id = newId();
            claimed.insert(unit.id);
        }
    }
}

Block toBlock(const Unit &unit) {
    Block block{unit.id, unit.kind, unit.lines};
    block.items = unit.items;
    block.rows = unit.rows;
    block.headerRow = unit.headerRow;
    return block;
}

QList<Block> toBlocks(const QList<Unit> &units) {
    QList<Block> blocks;
    for (const Unit &unit : units) {
        if (unit.content)
            blocks.append(toBlock(unit));
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
        if (unit.table) {
            if (unit.table->format().property(BlockIdProperty).toString() == unit.id)
                continue;
            begin();
            QTextTableFormat format = unit.table->format();
            format.setProperty(BlockIdProperty, unit.id);
            unit.table->setFormat(format);
            continue;
        }
        if (!unit.lists.isEmpty()) {
            // Items of another block's list move to lists of their own, one per list they leave.
            QHash<QTextList *, QTextList *> replacement;
            for (const QTextBlock &item : unit.movedItems) {
                begin();
                QTextList *old = item.textList();
                if (QTextList *own = replacement.value(old)) {
                    own->add(item);
                    continue;
                }
                QTextListFormat format = old->format();
                format.setProperty(BlockIdProperty, unit.id);
                replacement.insert(old, QTextCursor(item).createList(format));
            }
            for (QTextList *list : unit.lists) {
                if (unit.borrowed.contains(list))
                    continue;
                if (listId(list) == unit.id && list->format().hasProperty(BlockIdProperty))
                    continue;
                begin();
                QTextListFormat format = list->format();
                format.setProperty(BlockIdProperty, unit.id);
                list->setFormat(format);
            }
            continue;
        }
        if (unit.id == unit.rawId)
            continue;
        begin();
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

bool inRootFrame(const QTextBlock &block) {
    return QTextCursor(block).currentFrame() == block.document()->rootFrame();
}

} // namespace

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
    if (isQuoteFormat(format) || isBreakFormat(format) || !inRootFrame(block))
        return std::nullopt;
    const BlockKind kind = format.headingLevel() > 0 ? BlockKind::Subhead : BlockKind::Paragraph;
    const InlineText line = readLine(block, kind == BlockKind::Subhead);
    if (!hasText(line))
        return std::nullopt;
    return Block{format.property(BlockIdProperty).toString(), kind, {line}};
}

std::optional<Block> readTableAt(const QTextBlock &block) {
    QTextTable *table = tableAt(block);
    if (!table)
        return std::nullopt;
    Unit unit = readTable(table);
    if (!unit.content)
        return std::nullopt;
    unit.id = unit.rawId;
    return toBlock(unit);
}

QString blockIdAt(const QTextBlock &block) {
    if (const QTextList *list = block.textList()) {
        const QString id = listId(list);
        return id.isEmpty() && list->count() > 0
                   ? list->item(0).blockFormat().property(BlockIdProperty).toString()
                   : id;
    }
    if (const QTextTable *table = tableAt(block))
        return table->format().property(BlockIdProperty).toString();
    return block.blockFormat().property(BlockIdProperty).toString();
}

bool isSectionBreak(const QTextBlock &block) {
    return block.isValid() && isBreakFormat(block.blockFormat()) && !block.textList() && block.length() <= 1;
}

} // namespace galley
