#include "importlimits.h"
#include "nitfparts.h"

#include <QLocale>
#include <QUrl>

// Tables and pictures in a NITF body.

namespace galley::nitf {

namespace {

QString fileNameOf(const QString &source) {
    const QString name =
        source.contains(u"://"_qs) ? QUrl(source).fileName() : source.section(u'/', -1).section(u'\\', -1);
    return name.isEmpty() ? source : name;
}

} // namespace

/// A picture (media-type image, photo or graphic): an image entry marked missing, since pictures are
/// never fetched; the largest media-reference names the file, and an http(s) source is kept as the
/// picture's address with its stated size. Video and audio are reported.
void readMedia(QXmlStreamReader &xml, State &state) {
    const int line = int(xml.lineNumber());
    const QString type = xml.attributes().value(u"media-type"_qs).toString().trimmed().toLower();
    Segment segment = make({}, line, SegmentRole::Caption);
    QList<ReaderNote> notes;
    QString source;
    QString sourceCredit;
    qint64 bestArea = -1;
    while (xml.readNextStartElement()) {
        const auto name = xml.name();
        if (name == u"media-reference") {
            const auto attrs = xml.attributes();
            const qint64 area =
                attrs.value(u"width"_qs).toLongLong() * attrs.value(u"height"_qs).toLongLong();
            if (area > bestArea && !attrs.value(u"source"_qs).trimmed().isEmpty()) {
                bestArea = area;
                segment.imageWidth = std::max(attrs.value(u"width"_qs).toInt(), 0);
                segment.imageHeight = std::max(attrs.value(u"height"_qs).toInt(), 0);
                source = attrs.value(u"source"_qs).toString().trimmed();
                segment.imageMimeType = attrs.value(u"mime-type"_qs).toString().trimmed();
                if (!attrs.value(u"alternate-text"_qs).trimmed().isEmpty())
                    segment.altText = attrs.value(u"alternate-text"_qs).toString().simplified();
                sourceCredit = attrs.value(u"source-credit"_qs).toString().simplified();
            }
            // A picture that has not arrived is written with no source (Galley's own export): its
            // alternative text is still the picture's.
            if (segment.altText.isEmpty() && !attrs.value(u"alternate-text"_qs).trimmed().isEmpty())
                segment.altText = attrs.value(u"alternate-text"_qs).toString().simplified();
            xml.skipCurrentElement();
        } else if (name == u"media-caption") {
            InlineBuilder builder(&notes);
            builder.element(xml, false);
            segment.text = builder.line();
        } else if (name == u"media-producer") {
            segment.credit = readInline(xml).plainText().trimmed();
        } else {
            xml.skipCurrentElement();
        }
    }
    if (segment.credit.isEmpty())
        segment.credit = sourceCredit;
    if (!type.isEmpty() && type != u"image" && type != u"photo" && type != u"graphic") {
        const QString what = segment.text.isEmpty() ? source : segment.text.plainText();
        if (!what.isEmpty())
            state.body.append(carrier(
                line,
                ReaderNote{
                    ImportChangeKind::RemovedElement,
                    what,
                    {},
                    u"The %1 is not something a story holds; it is left out with its caption."_qs.arg(type),
                    line}));
        return;
    }
    segment.imageFileName = fileNameOf(source);
    const QUrl url(source);
    if (url.scheme() == u"http" || url.scheme() == u"https") {
        // Kept as the agency gave it, so the desk can fetch the picture; Galley never does.
        segment.imageHref = source;
        segment.pictureRefused =
            u"The agency offers the picture at %1; Galley never fetches it."_qs.arg(url.host());
    }
    segment.notes = notes;
    if (!segment.text.isEmpty() || !segment.credit.isEmpty() || !segment.imageFileName.isEmpty())
        state.body.append(segment);
}

/// A table as a table block; the caption becomes a paragraph above it. Read without recursion: a
/// table nested inside a cell is read as that cell's text.
void readTable(QXmlStreamReader &xml, State &state) {
    const int line = int(xml.lineNumber());
    enum class Part { Head, Body, Foot };
    QList<TableRow> head, body, foot;
    QList<ReaderNote> notes;
    TableRow row;
    bool inRow = false;
    bool rowAllHeader = true;
    bool firstBodyRowHeader = false;
    Part part = Part::Body;
    InlineText caption;
    int captionLine = 0;
    int skippedCells = 0;
    auto finishRow = [&] {
        if (!inRow)
            return;
        inRow = false;
        while (!row.isEmpty() && row.last().plainText().trimmed().isEmpty())
            row.removeLast();
        if (row.isEmpty())
            return;
        QList<TableRow> &rows = part == Part::Head ? head : part == Part::Foot ? foot : body;
        if (&rows == &body && body.isEmpty())
            firstBodyRowHeader = rowAllHeader;
        rows.append(row);
    };
    int depth = 1;
    while (depth > 0 && !xml.atEnd()) {
        const auto token = xml.readNext();
        if (token == QXmlStreamReader::EndElement) {
            --depth;
            if (xml.name() == u"tr")
                finishRow();
            else if (xml.name() == u"thead" || xml.name() == u"tfoot")
                part = Part::Body;
            continue;
        }
        if (token != QXmlStreamReader::StartElement)
            continue;
        const auto name = xml.name();
        if (name == u"td" || name == u"th") {
            if (!inRow) {
                inRow = true;
                row.clear();
                rowAllHeader = true;
            }
            rowAllHeader = rowAllHeader && name == u"th";
            const int span = std::clamp(xml.attributes().value(u"colspan"_qs).toInt(), 1, 64);
            if (row.size() >= MaxTableColumns) {
                xml.skipCurrentElement(); // past any real table's width: reported once below
                ++skippedCells;
                continue;
            }
            row.append(readInline(xml, &notes));
            for (int i = 1; i < span && row.size() < MaxTableColumns; ++i)
                row.append(InlineText{});
            if ((state.tableCells += span) > MaxTableCells) {
                xml.raiseError(
                    u"The NITF file's tables hold more than %1 cells (line %2): that is not one story, "
                    "and Galley does not import it."_qs.arg(QLocale(QLocale::English).toString(MaxTableCells))
                        .arg(xml.lineNumber()));
                return;
            }
        } else if (name == u"tr") {
            finishRow();
            if (tooMany(xml, state, head.size() + body.size() + foot.size()))
                return;
            inRow = true;
            row.clear();
            rowAllHeader = true;
            ++depth;
        } else if (name == u"thead" || name == u"tfoot" || name == u"tbody" || name == u"table") {
            finishRow();
            part = name == u"thead" ? Part::Head : name == u"tfoot" ? Part::Foot : Part::Body;
            ++depth;
        } else if (name == u"caption") {
            captionLine = int(xml.lineNumber());
            caption = readInline(xml, &notes);
        } else if (name == u"col" || name == u"colgroup") {
            xml.skipCurrentElement();
        } else {
            unread(xml, state.body);
        }
    }
    finishRow();
    if (skippedCells > 0)
        notes.append(ReaderNote{ImportChangeKind::RemovedElement,
                                QString::number(skippedCells),
                                {},
                                u"Cells past the table's %1th column are left out."_qs.arg(MaxTableColumns),
                                line});
    if (!caption.isEmpty())
        state.body.append(verbatim(caption, captionLine, caption.plainText(),
                                   u"The table's caption is kept as a paragraph above the table."_qs));
    Segment table;
    table.line = line;
    table.blockKind = BlockKind::Table;
    table.notes = notes;
    table.headerRow = !head.isEmpty() || firstBodyRowHeader;
    table.rows = head + body + foot;
    if (!table.rows.isEmpty()) {
        state.body.append(table);
        state.bodyStarted = true;
    } else if (!notes.isEmpty()) {
        table.blockKind = BlockKind::Paragraph;
        state.body.append(table);
    }
}

} // namespace galley::nitf
