#include "storyjson.h"

#include <algorithm>

namespace galley {

namespace {

QJsonArray lineToJson(const InlineText &line) {
    QJsonArray runs;
    for (const auto &run : line.runs) {
        QJsonObject r{{QStringLiteral("text"), run.text}};
        if (run.bold)
            r.insert(QStringLiteral("bold"), true);
        if (run.italic)
            r.insert(QStringLiteral("italic"), true);
        if (!run.href.isEmpty())
            r.insert(QStringLiteral("href"), run.href);
        if (run.strike)
            r.insert(QStringLiteral("strike"), true);
        if (run.baseline != Baseline::Normal)
            r.insert(QStringLiteral("baseline"), run.baseline == Baseline::Superscript
                                                     ? QStringLiteral("superscript")
                                                     : QStringLiteral("subscript"));
        runs.append(r);
    }
    return runs;
}

InlineText lineFromJson(const QJsonValue &value) {
    InlineText line;
    if (value.isString()) // hand-written samples may give a line as a plain string
        return InlineText::plain(value.toString());
    for (const auto &r : value.toArray()) {
        const QJsonObject o = r.toObject();
        InlineRun run{o.value(QStringLiteral("text")).toString(), o.value(QStringLiteral("bold")).toBool(),
                      o.value(QStringLiteral("italic")).toBool(), o.value(QStringLiteral("href")).toString()};
        run.strike = o.value(QStringLiteral("strike")).toBool();
        const QString baseline = o.value(QStringLiteral("baseline")).toString();
        if (baseline == u"superscript")
            run.baseline = Baseline::Superscript;
        else if (baseline == u"subscript")
            run.baseline = Baseline::Subscript;
        line.runs.append(run);
    }
    return line;
}

QJsonArray linesToJson(const QList<InlineText> &lines) {
    QJsonArray out;
    for (const auto &line : lines)
        out.append(lineToJson(line));
    return out;
}

QList<InlineText> linesFromJson(const QJsonValue &value) {
    QList<InlineText> out;
    for (const auto &line : value.toArray())
        out.append(lineFromJson(line));
    return out;
}

} // namespace

QJsonArray bodyToJson(const QList<Block> &body) {
    QJsonArray out;
    for (const auto &block : body) {
        QJsonObject o{{QStringLiteral("id"), block.id},
                      {QStringLiteral("kind"), blockKindKey(block.kind)},
                      {QStringLiteral("lines"), linesToJson(block.lines)}};
        if (!block.items.isEmpty()) {
            QJsonArray items;
            for (const auto &item : block.items)
                items.append(QJsonObject{{QStringLiteral("level"), item.level},
                                         {QStringLiteral("numbered"), item.numbered}});
            o.insert(QStringLiteral("items"), items);
        }
        if (block.kind == BlockKind::Table) {
            QJsonArray rows;
            for (const auto &row : block.rows)
                rows.append(linesToJson(row));
            o.insert(QStringLiteral("rows"), rows);
            o.insert(QStringLiteral("headerRow"), block.headerRow);
        }
        out.append(o);
    }
    return out;
}

QList<Block> bodyFromJson(const QJsonArray &json, QString *error) {
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
        block.lines = linesFromJson(o.value(QStringLiteral("lines")));
        if (block.lines.isEmpty() && o.contains(QStringLiteral("text")))
            block.lines.append(InlineText::plain(o.value(QStringLiteral("text")).toString()));
        for (const auto &item : o.value(QStringLiteral("items")).toArray()) {
            const QJsonObject i = item.toObject();
            block.items.append(ListItem{std::clamp(i.value(QStringLiteral("level")).toInt(), 0, MaxListLevel),
                                        i.value(QStringLiteral("numbered")).toBool()});
        }
        // Items must match lines one to one; a mismatch (a hand-edited file) falls back to top level.
        if (block.items.size() != block.lines.size())
            block.items.clear();
        for (const auto &row : o.value(QStringLiteral("rows")).toArray())
            block.rows.append(linesFromJson(row));
        block.headerRow = o.value(QStringLiteral("headerRow")).toBool();
        body.append(block);
    }
    return body;
}

QJsonArray pullQuotesToJson(const QList<PullQuote> &quotes) {
    QJsonArray out;
    for (const auto &q : quotes)
        out.append(QJsonObject{{QStringLiteral("id"), q.id},
                               {QStringLiteral("text"), q.text},
                               {QStringLiteral("attribution"), q.attribution},
                               {QStringLiteral("after"), q.placement.afterBlockId}});
    return out;
}

QList<PullQuote> pullQuotesFromJson(const QJsonArray &json) {
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

QString timeText(const QDateTime &time) {
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QDateTime timeFromText(const QString &text, const QString &member, QString *error) {
    if (text.isEmpty())
        return {};
    const QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!time.isValid() && error && error->isEmpty())
        *error =
            QStringLiteral("The story's “%1” time “%2” is not an ISO-8601 date and time.").arg(member, text);
    return time.toUTC();
}

} // namespace

QJsonArray bylinesToJson(const QList<Byline> &bylines) {
    QJsonArray out;
    for (const auto &byline : bylines) {
        QJsonObject o{{QStringLiteral("name"), byline.name}};
        if (!byline.title.isEmpty())
            o.insert(QStringLiteral("title"), byline.title);
        out.append(o);
    }
    return out;
}

QList<Byline> bylinesFromJson(const QJsonArray &json) {
    QList<Byline> out;
    for (const auto &value : json) {
        if (value.isString()) { // libraries and samples from before titles were kept apart
            out.append(Byline::fromText(value.toString()));
            continue;
        }
        const QJsonObject o = value.toObject();
        out.append(
            Byline{o.value(QStringLiteral("name")).toString(), o.value(QStringLiteral("title")).toString()});
    }
    return out;
}

QJsonObject metadataToJson(const StoryMetadata &meta) {
    QJsonObject o;
    auto put = [&o](const char16_t *key, const QString &value) {
        if (!value.isEmpty())
            o.insert(QString::fromUtf16(key), value);
    };
    put(u"sourceAgency", meta.sourceAgency);
    put(u"originalId", meta.originalId);
    if (meta.priority > 0)
        o.insert(QStringLiteral("priority"), meta.priority);
    put(u"slugline", meta.slugline);
    if (!meta.keywords.isEmpty())
        o.insert(QStringLiteral("keywords"), QJsonArray::fromStringList(meta.keywords));
    put(u"language", meta.language);
    put(u"firstCreated", timeText(meta.firstCreated));
    put(u"versionCreated", timeText(meta.versionCreated));
    put(u"embargo", timeText(meta.embargo));
    return o;
}

StoryMetadata metadataFromJson(const QJsonObject &o, QString *problem) {
    auto text = [&o](const char16_t *key) { return o.value(QString::fromUtf16(key)).toString(); };
    StoryMetadata meta;
    meta.sourceAgency = text(u"sourceAgency");
    meta.originalId = text(u"originalId");
    meta.priority = std::clamp(o.value(QStringLiteral("priority")).toInt(), 0, 9);
    meta.slugline = text(u"slugline");
    for (const auto &keyword : o.value(QStringLiteral("keywords")).toArray())
        meta.keywords.append(keyword.toString());
    meta.language = text(u"language");
    meta.firstCreated = timeFromText(text(u"firstCreated"), QStringLiteral("firstCreated"), problem);
    meta.versionCreated = timeFromText(text(u"versionCreated"), QStringLiteral("versionCreated"), problem);
    meta.embargo = timeFromText(text(u"embargo"), QStringLiteral("embargo"), problem);
    return meta;
}

QJsonArray notesToJson(const QList<EditorNote> &notes) {
    QJsonArray out;
    for (const auto &note : notes) {
        QJsonObject o{{QStringLiteral("id"), note.id},
                      {QStringLiteral("author"), note.author},
                      {QStringLiteral("text"), note.text}};
        if (note.time.isValid())
            o.insert(QStringLiteral("time"), timeText(note.time));
        if (!note.replyTo.isEmpty())
            o.insert(QStringLiteral("replyTo"), note.replyTo);
        out.append(o);
    }
    return out;
}

QList<EditorNote> notesFromJson(const QJsonArray &json, QString *problem) {
    QList<EditorNote> out;
    for (const auto &value : json) {
        const QJsonObject o = value.toObject();
        EditorNote note;
        note.id = o.value(QStringLiteral("id")).toString();
        if (note.id.isEmpty())
            note.id = newId();
        note.author = o.value(QStringLiteral("author")).toString();
        note.time = timeFromText(o.value(QStringLiteral("time")).toString(), QStringLiteral("note"), problem);
        note.text = o.value(QStringLiteral("text")).toString();
        note.replyTo = o.value(QStringLiteral("replyTo")).toString();
        out.append(note);
    }
    return out;
}

QJsonObject storyToJson(const Story &story) {
    QJsonArray images;
    for (const auto &image : story.images) {
        QJsonObject o{{QStringLiteral("id"), image.id},
                      {QStringLiteral("file"), image.fileName},
                      {QStringLiteral("mimeType"), image.mimeType},
                      {QStringLiteral("caption"), image.caption},
                      {QStringLiteral("credit"), image.credit},
                      {QStringLiteral("altText"), image.altText},
                      {QStringLiteral("after"), image.placement.afterBlockId}};
        // Only pictures the agency offers elsewhere have these; sample stories stay as they are.
        if (!image.sourceHref.isEmpty())
            o.insert(QStringLiteral("sourceHref"), image.sourceHref);
        if (image.width > 0)
            o.insert(QStringLiteral("width"), image.width);
        if (image.height > 0)
            o.insert(QStringLiteral("height"), image.height);
        if (!image.crop.isNull())
            o.insert(QStringLiteral("crop"), QJsonArray{image.crop.x(), image.crop.y(), image.crop.width(),
                                                        image.crop.height()});
        if (image.hasFocus())
            o.insert(QStringLiteral("focus"), QJsonArray{image.focus.x(), image.focus.y()});
        images.append(o);
    }
    return QJsonObject{{QStringLiteral("id"), story.id},
                       {QStringLiteral("slug"), story.slug},
                       {QStringLiteral("section"), story.section},
                       {QStringLiteral("headline"), story.headline},
                       {QStringLiteral("deck"), story.deck},
                       {QStringLiteral("bylines"), bylinesToJson(story.bylines)},
                       {QStringLiteral("dateline"), story.dateline},
                       {QStringLiteral("status"), statusKey(story.status)},
                       {QStringLiteral("body"), bodyToJson(story.body)},
                       {QStringLiteral("pullQuotes"), pullQuotesToJson(story.pullQuotes)},
                       {QStringLiteral("images"), images},
                       {QStringLiteral("metadata"), metadataToJson(story.metadata)},
                       {QStringLiteral("notes"), notesToJson(story.notes)},
                       {QStringLiteral("created"), timeText(story.created)},
                       {QStringLiteral("updated"), timeText(story.updated)},
                       {QStringLiteral("published"), timeText(story.published)}};
}

Story storyFromJson(const QJsonObject &json, QString *error) {
    QString problem;
    auto text = [&](const char16_t *member) { return json.value(QString::fromUtf16(member)).toString(); };
    Story story;
    story.id = text(u"id");
    story.slug = text(u"slug");
    story.section = text(u"section");
    story.headline = text(u"headline");
    story.deck = text(u"deck");
    story.bylines = bylinesFromJson(json.value(QStringLiteral("bylines")).toArray());
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
        image.sourceHref = o.value(QStringLiteral("sourceHref")).toString();
        image.width = std::max(o.value(QStringLiteral("width")).toInt(), 0);
        image.height = std::max(o.value(QStringLiteral("height")).toInt(), 0);
        // Fractions of the picture; anything out of range is the whole picture / the centre.
        if (const QJsonArray crop = o.value(QStringLiteral("crop")).toArray(); crop.size() == 4) {
            const QRectF rect(crop.at(0).toDouble(), crop.at(1).toDouble(), crop.at(2).toDouble(),
                              crop.at(3).toDouble());
            if (rect.isValid() && QRectF(0, 0, 1, 1).contains(rect))
                image.crop = rect;
        }
        if (const QJsonArray focus = o.value(QStringLiteral("focus")).toArray(); focus.size() == 2) {
            const QPointF point(focus.at(0).toDouble(), focus.at(1).toDouble());
            if (QRectF(0, 0, 1, 1).contains(point))
                image.focus = point;
        }
        story.images.append(image);
    }
    story.created = timeFromText(text(u"created"), QStringLiteral("created"), &problem);
    story.updated = timeFromText(text(u"updated"), QStringLiteral("updated"), &problem);
    story.published = timeFromText(text(u"published"), QStringLiteral("published"), &problem);
    story.metadata = metadataFromJson(json.value(QStringLiteral("metadata")).toObject(), &problem);
    story.notes = notesFromJson(json.value(QStringLiteral("notes")).toArray(), &problem);
    if (error)
        *error = problem;
    return story;
}

} // namespace galley
