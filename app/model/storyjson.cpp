#include "storyjson.h"

namespace galley {

namespace {

QJsonArray lineToJson(const InlineText &line)
{
    QJsonArray runs;
    for (const auto &run : line.runs) {
        QJsonObject r{{QStringLiteral("text"), run.text}};
        if (run.bold)
            r.insert(QStringLiteral("bold"), true);
        if (run.italic)
            r.insert(QStringLiteral("italic"), true);
        if (!run.href.isEmpty())
            r.insert(QStringLiteral("href"), run.href);
        runs.append(r);
    }
    return runs;
}

InlineText lineFromJson(const QJsonValue &value)
{
    InlineText line;
    if (value.isString()) // hand-written samples may give a line as a plain string
        return InlineText::plain(value.toString());
    for (const auto &r : value.toArray()) {
        const QJsonObject o = r.toObject();
        line.runs.append(InlineRun{o.value(QStringLiteral("text")).toString(),
                                   o.value(QStringLiteral("bold")).toBool(),
                                   o.value(QStringLiteral("italic")).toBool(),
                                   o.value(QStringLiteral("href")).toString()});
    }
    return line;
}

} // namespace

QJsonArray bodyToJson(const QList<Block> &body)
{
    QJsonArray out;
    for (const auto &block : body) {
        QJsonArray lines;
        for (const auto &line : block.lines)
            lines.append(lineToJson(line));
        out.append(QJsonObject{{QStringLiteral("id"), block.id},
                               {QStringLiteral("kind"), blockKindKey(block.kind)},
                               {QStringLiteral("lines"), lines}});
    }
    return out;
}

QList<Block> bodyFromJson(const QJsonArray &json, QString *error)
{
    QList<Block> body;
    for (const auto &value : json) {
        if (!value.isObject()) {
            if (error)
                *error = QStringLiteral("Body block %1 is not a JSON object.").arg(body.size() + 1);
            return body;
        }
        const QJsonObject o = value.toObject();
        Block block;
        block.id = o.value(QStringLiteral("id")).toString();
        if (block.id.isEmpty())
            block.id = newId();
        block.kind = blockKindFromKey(o.value(QStringLiteral("kind")).toString()).value_or(BlockKind::Paragraph);
        for (const auto &line : o.value(QStringLiteral("lines")).toArray())
            block.lines.append(lineFromJson(line));
        if (block.lines.isEmpty() && o.contains(QStringLiteral("text")))
            block.lines.append(InlineText::plain(o.value(QStringLiteral("text")).toString()));
        body.append(block);
    }
    return body;
}

QJsonArray pullQuotesToJson(const QList<PullQuote> &quotes)
{
    QJsonArray out;
    for (const auto &q : quotes)
        out.append(QJsonObject{{QStringLiteral("id"), q.id},
                               {QStringLiteral("text"), q.text},
                               {QStringLiteral("attribution"), q.attribution},
                               {QStringLiteral("after"), q.placement.afterBlockId}});
    return out;
}

QList<PullQuote> pullQuotesFromJson(const QJsonArray &json)
{
    QList<PullQuote> out;
    for (const auto &value : json) {
        const QJsonObject o = value.toObject();
        PullQuote q;
        q.id = o.value(QStringLiteral("id")).toString();
        if (q.id.isEmpty())
            q.id = newId();
        q.text = o.value(QStringLiteral("text")).toString();
        q.attribution = o.value(QStringLiteral("attribution")).toString();
        q.placement.afterBlockId = o.value(QStringLiteral("after")).toString();
        out.append(q);
    }
    return out;
}

} // namespace galley
