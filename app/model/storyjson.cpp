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
        line.runs.append(InlineRun{
            o.value(QStringLiteral("text")).toString(), o.value(QStringLiteral("bold")).toBool(),
            o.value(QStringLiteral("italic")).toBool(), o.value(QStringLiteral("href")).toString()});
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
        block.kind =
            blockKindFromKey(o.value(QStringLiteral("kind")).toString()).value_or(BlockKind::Paragraph);
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

namespace galley {

namespace {

QString timeText(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QDateTime timeFromText(const QString &text, const QString &member, QString *error)
{
    if (text.isEmpty())
        return {};
    const QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!time.isValid() && error && error->isEmpty())
        *error =
            QStringLiteral("The story's “%1” time “%2” is not an ISO-8601 date and time.").arg(member, text);
    return time.toUTC();
}

} // namespace

QJsonObject storyToJson(const Story &story)
{
    QJsonArray images;
    for (const auto &image : story.images)
        images.append(QJsonObject{{QStringLiteral("id"), image.id},
                                  {QStringLiteral("file"), image.fileName},
                                  {QStringLiteral("mimeType"), image.mimeType},
                                  {QStringLiteral("caption"), image.caption},
                                  {QStringLiteral("credit"), image.credit},
                                  {QStringLiteral("altText"), image.altText},
                                  {QStringLiteral("after"), image.placement.afterBlockId}});
    return QJsonObject{{QStringLiteral("id"), story.id},
                       {QStringLiteral("slug"), story.slug},
                       {QStringLiteral("section"), story.section},
                       {QStringLiteral("headline"), story.headline},
                       {QStringLiteral("deck"), story.deck},
                       {QStringLiteral("bylines"), QJsonArray::fromStringList(story.bylines)},
                       {QStringLiteral("dateline"), story.dateline},
                       {QStringLiteral("status"), statusKey(story.status)},
                       {QStringLiteral("body"), bodyToJson(story.body)},
                       {QStringLiteral("pullQuotes"), pullQuotesToJson(story.pullQuotes)},
                       {QStringLiteral("images"), images},
                       {QStringLiteral("created"), timeText(story.created)},
                       {QStringLiteral("updated"), timeText(story.updated)}};
}

Story storyFromJson(const QJsonObject &json, QString *error)
{
    QString problem;
    auto text = [&](const char16_t *member) { return json.value(QString::fromUtf16(member)).toString(); };
    Story story;
    story.id = text(u"id");
    story.slug = text(u"slug");
    story.section = text(u"section");
    story.headline = text(u"headline");
    story.deck = text(u"deck");
    for (const auto &byline : json.value(QStringLiteral("bylines")).toArray())
        story.bylines.append(byline.toString());
    story.dateline = text(u"dateline");
    const QString status = text(u"status");
    if (!status.isEmpty()) {
        const auto parsed = statusFromString(status);
        if (!parsed)
            problem =
                QStringLiteral("“%1” is not a story status; the story was read as a draft.").arg(status);
        story.status = parsed.value_or(StoryStatus::Draft);
    }
    QString bodyProblem;
    story.body = bodyFromJson(json.value(QStringLiteral("body")).toArray(), &bodyProblem);
    if (problem.isEmpty())
        problem = bodyProblem;
    story.pullQuotes = pullQuotesFromJson(json.value(QStringLiteral("pullQuotes")).toArray());
    for (const auto &value : json.value(QStringLiteral("images")).toArray()) {
        const QJsonObject o = value.toObject();
        StoryImage image;
        image.id = o.value(QStringLiteral("id")).toString();
        if (image.id.isEmpty())
            image.id = newId();
        image.fileName = o.value(QStringLiteral("file")).toString();
        image.mimeType = o.value(QStringLiteral("mimeType")).toString();
        image.caption = o.value(QStringLiteral("caption")).toString();
        image.credit = o.value(QStringLiteral("credit")).toString();
        image.altText = o.value(QStringLiteral("altText")).toString();
        image.placement.afterBlockId = o.value(QStringLiteral("after")).toString();
        story.images.append(image);
    }
    story.created = timeFromText(text(u"created"), QStringLiteral("created"), &problem);
    story.updated = timeFromText(text(u"updated"), QStringLiteral("updated"), &problem);
    if (error)
        *error = problem;
    return story;
}

} // namespace galley
