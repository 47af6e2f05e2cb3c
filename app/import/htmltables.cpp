// Tables and preformatted text in a page. A data table becomes a Table segment of styled cells; a
// table a page only uses for layout is read as the blocks it holds.
#include "htmlnodes.h"
#include "htmlwalker.h"
#include "importlimits.h"
#include "readers.h"

#include <QLocale>

namespace galley {

using namespace htmlnodes;

namespace {

/// Elements scanned to judge a table's shape; a bigger table is a data table by its size alone.
constexpr int MaxTableScan = 20'000;

struct TableShape {
    int rows = 0;
    int columns = 0;
    bool headerMarkup = false; ///< th, thead, caption or Word's header row
    bool nested = false;       ///< a table inside a cell
    bool heavyCells = false;   ///< a cell holding several blocks or a long text
};

TableShape shapeOf(xmlNode *table) {
    TableShape shape;
    int seen = 0;
    int cells = 0;
    int cellBlocks = 0;
    int cellText = 0;
    traverse(
        table,
        [&](xmlNode *node) {
            if (node->type == XML_TEXT_NODE) {
                cellText += int(nodeText(node).simplified().size());
                return false;
            }
            if (node->type != XML_ELEMENT_NODE || ++seen > MaxTableScan)
                return false;
            if (node != table && isElement(node, "table")) {
                shape.nested = true;
                return false;
            }
            const QString name = nameOf(node);
            if (name == u"tr") {
                ++shape.rows;
                cells = 0;
                if (htmlstyles::isWordHeaderRow(htmlstyles::Declarations(attribute(node, "style"))))
                    shape.headerMarkup = true;
            } else if (name == u"td" || name == u"th") {
                shape.columns = std::max(shape.columns, ++cells);
                cellBlocks = 0;
                cellText = 0;
                shape.headerMarkup = shape.headerMarkup || name == u"th";
            } else if (name == u"thead" || name == u"caption") {
                shape.headerMarkup = true;
            } else if (name == u"p" || name == u"div" || name == u"ul" || name == u"ol" ||
                       name == u"blockquote" ||
                       (name.size() == 2 && name.front() == u'h' && name.back().isDigit())) {
                ++cellBlocks;
            }
            return true;
        },
        [&](xmlNode *node) {
            if (isElement(node, "td") || isElement(node, "th"))
                shape.heavyCells = shape.heavyCells || cellBlocks > 3 || cellText > 600;
        });
    return shape;
}

} // namespace

bool HtmlWalker::isDataTable(xmlNode *node) const {
    const QString role = attribute(node, "role").toLower();
    if (role == u"presentation" || role == u"none" || attribute(node, "datatable") == u"0")
        return false;
    const TableShape shape = shapeOf(node);
    if (shape.nested || shape.rows == 0 || (shape.rows == 1 && shape.columns == 1))
        return false;
    // A document's tables are the writer's own; a page's need to look like data (Readability's
    // _markDataTables): header markup, or a grid of short cells.
    if (m_options.document)
        return !shape.heavyCells || shape.headerMarkup;
    if (shape.heavyCells)
        return false;
    return shape.headerMarkup || (shape.rows >= 2 && shape.columns >= 2);
}

void HtmlWalker::startTable(xmlNode *node) {
    TableBuilder table;
    table.node = node;
    table.line = lineOf(node);
    m_tables.append(table);
}

bool HtmlWalker::tableElement(xmlNode *node, const QString &name) {
    TableBuilder &table = m_tables.last();
    Frame frame{node, m_state, FrameKind::Part, -1};
    if (name == u"caption") {
        tableCaption(node);
        return false;
    }
    if (name == u"colgroup" || name == u"col")
        return false;
    if (name == u"tr") {
        if (!table.row.isEmpty())
            endRow();
        table.row = {};
        table.rowHeader = true;
        table.rowMarkedHeader =
            isElement(node->parent, "thead") ||
            htmlstyles::isWordHeaderRow(htmlstyles::Declarations(attribute(node, "style")));
        frame.kind = FrameKind::Row;
    } else if (name == u"td" || name == u"th") {
        table.cell = {};
        table.rowHeader = table.rowHeader && name == u"th";
        m_state.inCell = true;
        frame.kind = FrameKind::Cell;
    }
    m_stack.append(frame);
    return true;
}

void HtmlWalker::endCell() {
    TableBuilder &table = m_tables.last();
    InlineText cell = collapseWhitespace(std::exchange(table.cell, {}));
    if (table.row.size() >= MaxTableColumns) {
        if (!table.widthNoted && !cell.isEmpty())
            addNote(ImportChangeKind::RemovedElement, cell.plainText().left(200), {},
                    u"Cells past the table's %1th column are left out."_qs.arg(MaxTableColumns), table.line);
        table.widthNoted = table.widthNoted || !cell.isEmpty();
        return;
    }
    if (++m_tableCells > MaxTableCells && m_refusal.isEmpty())
        m_refusal = u"The page's tables hold more than %1 cells: that is not one story, and Galley does not "
                    "import it."_qs.arg(QLocale(QLocale::English).toString(MaxTableCells));
    table.row.append(cell);
}

void HtmlWalker::endRow() {
    TableBuilder &table = m_tables.last();
    TableRow row = std::exchange(table.row, {});
    while (!row.isEmpty() && row.last().isEmpty())
        row.removeLast();
    if (row.isEmpty())
        return;
    table.rows.append(row);
    table.headerCells.append(table.rowHeader || table.rowMarkedHeader);
}

namespace {

/// A first row of wholly bold cells (as word processors write a header row) is the header row when
/// more rows follow; its cells lose the bold, which the header row's own style gives.
bool boldHeader(QList<TableRow> &rows) {
    if (rows.size() < 2)
        return false;
    bool text = false;
    for (const InlineText &cell : std::as_const(rows.first()))
        for (const InlineRun &run : cell.runs) {
            if (run.text.trimmed().isEmpty())
                continue;
            if (!run.bold)
                return false;
            text = true;
        }
    if (!text)
        return false;
    for (InlineText &cell : rows.first()) {
        for (InlineRun &run : cell.runs)
            run.bold = false;
        cell = cell.normalized();
    }
    return true;
}

} // namespace

void HtmlWalker::finishTable() {
    TableBuilder table = m_tables.takeLast();
    if (!table.row.isEmpty()) {
        m_tables.append(table);
        endRow();
        table = m_tables.takeLast();
    }
    if (table.rows.isEmpty())
        return;
    Segment segment;
    segment.blockKind = BlockKind::Table;
    segment.line = table.line;
    segment.rows = table.rows;
    segment.headerRow = table.headerCells.constFirst() || boldHeader(segment.rows);
    segment.markupChrome = chromeHere();
    emit(segment);
}

void HtmlWalker::tableCaption(xmlNode *node) {
    const QString caption = textOf(node);
    if (!caption.isEmpty())
        verbatim(caption, lineOf(node), caption,
                 u"The table's caption is kept as a paragraph above the table: a story's table has no "
                 "caption."_qs);
}

void HtmlWalker::verbatim(const QString &text, int line, const QString &original, const QString &why) {
    Segment segment;
    segment.text = InlineText::plain(text);
    segment.line = line;
    segment.markupRole = SegmentRole::Paragraph;
    segment.markupChrome = chromeHere();
    segment.verbatim = true;
    segment.notes.append(ReaderNote{ImportChangeKind::KeptAsText, original, text, why, line});
    emit(segment);
}

void HtmlWalker::preformatted(xmlNode *node) {
    QString text;
    traverse(
        node,
        [&text](xmlNode *n) {
            if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE)
                text += nodeText(n);
            else if (isElement(n, "br"))
                text += u'\n';
            return n->type == XML_ELEMENT_NODE;
        },
        [](xmlNode *) {});
    const int first = lineOf(node);
    const qsizetype firstIndex = m_out.size();
    int offset = 0;
    bool reported = false;
    for (const QString &raw : text.split(u'\n')) {
        const QString line = raw.simplified();
        if (!line.isEmpty()) {
            verbatim(line, first + offset, text.trimmed(),
                     u"Preformatted text is kept as one paragraph per line."_qs);
            if (reported)
                m_out.last().notes.clear();
            reported = true;
        }
        ++offset;
    }
    if (reported && !m_out.at(firstIndex).notes.isEmpty())
        m_out[firstIndex].notes.last().result = preLines(text);
}

} // namespace galley
