#include "wireagate.h"

#include "lineshapes.h"

#include <QRegularExpression>

namespace galley::wire {

namespace {

/// A gap of two spaces after a sentence ("would close.  The ferry") is typewriter spacing, not a
/// column.
bool endsProse(const QString &cell) {
    if (!lineshape::endsSentence(cell))
        return false;
    const QStringList words = cell.split(u' ', Qt::SkipEmptyParts);
    return words.size() >= 4 ||
           (words.size() >= 1 && words.last().size() > 2 && words.last().front().isLower());
}

bool isNumeric(const QString &cell) {
    static const QRegularExpression number(uR"(^(?:[-+]?[\d.,:%/]*\d[\d.,:%/]*|_|\x{2014}|-)$)"_qs);
    return number.match(cell).hasMatch();
}

/// The rows of a run of columnar lines when they line up as one table; empty when they do not.
QList<QStringList> tableRows(const QList<Line> &lines, const QList<Cells> &cells, bool *headerRow) {
    qsizetype columns = 0;
    for (const Cells &row : cells)
        columns = std::max(columns, row.texts.size());
    QList<QStringList> rows;
    for (qsizetype r = 0; r < cells.size(); ++r) {
        QStringList row = cells.at(r).texts;
        // A header over a stub column starts further right and has one cell fewer.
        if (r == 0 && row.size() == columns - 1 && cells.size() > 2 && cells.at(1).texts.size() == columns &&
            cells.at(0).starts.first() > cells.at(1).starts.first())
            row.prepend(QString());
        if (row.size() != columns)
            return {};
        rows << row;
    }
    *headerRow = false;
    bool numbersBelow = false;
    for (qsizetype r = 1; r < rows.size(); ++r)
        for (const QString &cell : std::as_const(rows.at(r)))
            numbersBelow = numbersBelow || isNumeric(cell);
    bool numbersInFirst = false;
    for (const QString &cell : std::as_const(rows.first()))
        numbersInFirst = numbersInFirst || isNumeric(cell);
    *headerRow = numbersBelow && !numbersInFirst;
    const qsizetype first = *headerRow ? 1 : 0;
    if (rows.size() - first < 2)
        return {};
    // Fixed-width columns line up: each column's cells start (text) or end (figures) together.
    bool delimited = false;
    for (const Cells &row : cells)
        delimited = delimited || row.delimited;
    if (!delimited) {
        for (qsizetype c = 1; c < columns; ++c) {
            qsizetype minStart = lines.first().text.size(), maxStart = 0, minEnd = minStart, maxEnd = 0;
            for (qsizetype r = first; r < cells.size(); ++r) {
                minStart = std::min(minStart, cells.at(r).starts.at(c));
                maxStart = std::max(maxStart, cells.at(r).starts.at(c));
                minEnd = std::min(minEnd, cells.at(r).ends.at(c));
                maxEnd = std::max(maxEnd, cells.at(r).ends.at(c));
            }
            if (maxStart - minStart > 1 && maxEnd - minEnd > 1)
                return {};
        }
    }
    return rows;
}

QString joinRows(const QList<QStringList> &rows) {
    QStringList out;
    for (const QStringList &row : rows)
        out << row.join(u" | "_qs);
    return out.join(u" / "_qs);
}

} // namespace

/// The cells of a line of agate: text between runs of two or more spaces or a tab (ANPA tabular
/// lines after a tab line indicator may also use ";"). nullopt when the line is not columnar.
std::optional<Cells> columnsOf(const Line &line) {
    const QString &t = line.text;
    if (t.size() > 140)
        return std::nullopt;
    qsizetype i = 0;
    while (i < t.size() && (t.at(i) == u' ' || t.at(i) == u'\t'))
        ++i;
    if (i >= t.size())
        return std::nullopt;
    Cells out;
    auto push = [&out, &t](qsizetype from, qsizetype to) {
        while (to > from && t.at(to - 1).isSpace())
            --to;
        out.texts << t.mid(from, to - from).trimmed();
        out.starts << from;
        out.ends << to;
    };
    if (line.tli && t.indexOf(u';', i) >= 0) {
        out.delimited = true;
        qsizetype from = i;
        for (qsizetype j = i; j <= t.size(); ++j) {
            if (j == t.size() || t.at(j) == u';') {
                push(from, j);
                from = j + 1;
            }
        }
    } else {
        qsizetype start = i;
        while (i < t.size()) {
            const bool gap = t.at(i) == u'\t' || (t.at(i) == u' ' && i + 1 < t.size() && t.at(i + 1) == u' ');
            if (!gap) {
                ++i;
                continue;
            }
            qsizetype end = i;
            bool tab = false;
            while (end < t.size() && (t.at(end) == u' ' || t.at(end) == u'\t')) {
                tab = tab || t.at(end) == u'\t';
                ++end;
            }
            if (end >= t.size())
                break;
            if (tab || !endsProse(t.mid(start, i - start))) {
                push(start, i);
                out.delimited = out.delimited || tab;
                start = end;
            }
            i = end;
        }
        push(start, t.size());
    }
    if (out.texts.size() < 2)
        return std::nullopt;
    for (const QString &cell : std::as_const(out.texts))
        if (cell.size() > 40)
            return std::nullopt;
    return out;
}

/// A run of columnar lines: a Table segment when it lines up, else one verbatim paragraph per line.
QList<Segment> agateSegments(const QList<Line> &lines, const QList<Cells> &cells, int &words) {
    QList<Segment> out;
    QStringList original;
    for (const Line &line : lines)
        original << line.text.simplified();
    bool header = false;
    const QList<QStringList> rows = tableRows(lines, cells, &header);
    if (!rows.isEmpty()) {
        Segment table;
        table.line = lines.first().number;
        table.blockKind = BlockKind::Table;
        table.headerRow = header;
        for (const QStringList &row : rows) {
            TableRow cellsOut;
            for (const QString &cell : row)
                cellsOut << InlineText::plain(cell);
            table.rows << cellsOut;
            words += int(row.size());
        }
        table.notes << ReaderNote{
            ImportChangeKind::KeptAsText, original.join(u" / "_qs), joinRows(rows),
            u"The wire's fixed-width agate (%1 rows, %2 columns) became a table."_qs.arg(rows.size())
                .arg(rows.first().size()),
            0};
        out << table;
        return out;
    }
    for (qsizetype i = 0; i < lines.size(); ++i) {
        Segment line;
        line.line = lines.at(i).number;
        line.text = InlineText::plain(original.at(i));
        line.markupRole = SegmentRole::Paragraph;
        line.verbatim = true;
        if (i == 0)
            line.notes << ReaderNote{ImportChangeKind::KeptAsText, original.join(u" / "_qs), QString(),
                                     u"Lines set in columns that do not line up as a table were kept as they "
                                     "stand, one paragraph per line."_qs,
                                     0};
        out << line;
        words += lineshape::wordCount(original.at(i));
    }
    return out;
}

} // namespace galley::wire
