#include "storysnapshot.h"

#include "model/storyjson.h"

#include <QJsonArray>

namespace galley::test {

namespace {

QString marked(const InlineText &line) {
    QString out;
    for (const auto &run : line.runs) {
        QString text = run.text;
        if (run.italic)
            text = u'*' % text % u'*';
        if (run.bold)
            text = u"**"_qs % text % u"**"_qs;
        if (run.strike)
            text = u"~~"_qs % text % u"~~"_qs;
        if (run.baseline == Baseline::Superscript)
            text = u"^{"_qs % text % u'}';
        else if (run.baseline == Baseline::Subscript)
            text = u"_{"_qs % text % u'}';
        if (!run.href.isEmpty())
            text = u'[' % text % u"]("_qs % run.href % u')';
        out += text;
    }
    return out;
}

QString placement(const Story &story, const Placement &where) {
    return where.isLead() ? u"lead"_qs : u"after "_qs % QString::number(story.blockIndex(where.afterBlockId));
}

QStringList bylineTexts(const QList<Byline> &bylines) {
    QStringList out;
    for (const Byline &byline : bylines)
        out << byline.text();
    return out;
}

QJsonArray strings(const QStringList &list) {
    return QJsonArray::fromStringList(list);
}

} // namespace

QJsonObject snapshot(const Story &story, const ImportReport &report) {
    QStringList body;
    for (const auto &block : story.body) {
        QStringList lines;
        for (qsizetype i = 0; i < block.lines.size(); ++i) {
            const ListItem item = block.item(i);
            lines << (block.items.isEmpty()
                          ? QString()
                          : QString::number(item.level) % (item.numbered ? u"# "_qs : u"- "_qs)) %
                         marked(block.lines.at(i));
        }
        for (qsizetype r = 0; r < block.rows.size(); ++r) {
            QStringList cells;
            for (const auto &cell : block.rows.at(r))
                cells << marked(cell);
            const QString row = cells.join(u" ¦ "_qs);
            lines << (r == 0 && block.headerRow ? u'[' % row % u']' : row);
        }
        body << blockKindKey(block.kind) % u": "_qs %
                    lines.join(block.kind == BlockKind::Table ? u" / "_qs : u" | "_qs);
    }
    QJsonArray pictures;
    for (const auto &image : story.images) {
        QJsonObject picture{{u"alt"_qs, image.altText},
                            {u"file"_qs, image.fileName},
                            {u"mimeType"_qs, image.mimeType},
                            {u"bytes"_qs, image.data.size()}};
        if (!image.sourceHref.isEmpty())
            picture.insert(u"href"_qs, image.sourceHref);
        if (image.width > 0 || image.height > 0)
            picture.insert(u"size"_qs, u"%1x%2"_qs.arg(image.width).arg(image.height));
        pictures.append(picture);
    }
    QJsonArray notes;
    for (const auto &note : story.notes)
        notes.append(
            QJsonObject{{u"author"_qs, note.author},
                        {u"time"_qs, note.time.isValid() ? note.time.toString(Qt::ISODate) : QString()},
                        {u"text"_qs, note.text}});
    QJsonArray images;
    for (const auto &image : story.images)
        images.append(QJsonObject{{u"caption"_qs, image.caption},
                                  {u"credit"_qs, image.credit},
                                  {u"placement"_qs, placement(story, image.placement)},
                                  {u"missing"_qs, image.isMissing()}});
    QJsonArray quotes;
    for (const auto &quote : story.pullQuotes)
        quotes.append(QJsonObject{{u"text"_qs, quote.text},
                                  {u"attribution"_qs, quote.attribution},
                                  {u"placement"_qs, placement(story, quote.placement)}});
    QStringList changes;
    for (const auto &change : report.changes)
        changes << importChangeKey(change.kind) % u'\t' % QString::number(change.line) % u'\t' %
                       change.original % u'\t' % change.result;
    return QJsonObject{{u"format"_qs, report.format},
                       {u"encoding"_qs, report.encoding},
                       {u"section"_qs, story.section},
                       {u"headline"_qs, story.headline},
                       {u"deck"_qs, story.deck},
                       {u"bylines"_qs, strings(bylineTexts(story.bylines))},
                       {u"dateline"_qs, story.dateline},
                       {u"body"_qs, strings(body)},
                       {u"images"_qs, images},
                       {u"pullQuotes"_qs, quotes},
                       {u"changes"_qs, strings(changes)},
                       {u"pictures"_qs, pictures},
                       {u"metadata"_qs, metadataToJson(story.metadata)},
                       {u"notes"_qs, notes},
                       {u"reportNotes"_qs, strings(report.notes)}};
}

} // namespace galley::test
