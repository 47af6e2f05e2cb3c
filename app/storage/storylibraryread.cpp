// The reading half of StoryLibrary: lists, counts and whole stories.

#include "storylibrary.h"

#include "model/storyjson.h"
#include "schema.h"
#include "searchquery.h"
#include "storylibrary_p.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QScopeGuard>
#include <QSqlRecord>

namespace galley {

namespace {

QJsonArray arrayFromText(const QString &text) {
    return QJsonDocument::fromJson(text.toUtf8()).array();
}

QJsonObject objectFromText(const QString &text) {
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

QString noSuchStory() {
    return u"That story is no longer in the library; it may have been deleted in another window."_qs;
}

} // namespace

QList<StorySummary> StoryLibrary::list(const StoryFilter &filter, QString *error) const {
    QList<StorySummary> out;
    if (!isOpen()) {
        if (error)
            *error = notOpenMessage();
        return out;
    }
    const QString match = d->dialect->searchMatch(filter.text);
    const bool ranked = filter.order == StoryOrder::Relevance && !match.isEmpty();
    QString sql;
    QString rankOrder;
    if (ranked) {
        // The search row is rewritten on every save, so a higher rowid is a later save: the window
        // is the most recently saved matches, and only those are scored.
        sql = u"SELECT s.id, s.slug, s.headline, s.section, s.status, s.updated FROM ("_qs %
              d->dialect->rankedMatches(StoryFilter::RelevanceWindow, &rankOrder) %
              u") AS m JOIN stories AS s ON s.id = m.story_id WHERE s.trashed IS NULL"_qs;
    } else {
        sql = u"SELECT s.id, s.slug, s.headline, s.section, s.status, s.updated FROM stories AS s WHERE s.trashed IS NULL"_qs;
        if (!match.isEmpty())
            sql += u" AND "_qs + d->dialect->searchCondition();
    }
    if (filter.status)
        sql += u" AND s.status = :status";
    if (!filter.section.isEmpty())
        sql += u" AND s.section = :section";
    sql += ranked ? QString(u" ORDER BY "_qs % rankOrder % u", s.updated DESC"_qs) : u" ORDER BY s.updated DESC, s.rowid DESC"_qs;
    if (filter.limit > 0)
        sql += u" LIMIT "_qs + QString::number(filter.limit);

    // The planner settings of a ranked search hold for its own transaction only.
    const QString settings = ranked ? d->dialect->rankedSearchSettings() : QString();
    if (!settings.isEmpty() && (!d->beginRead(error) || !d->exec(settings, error))) {
        d->rollback();
        return out;
    }
    const auto finished = qScopeGuard([&] {
        if (!settings.isEmpty())
            d->rollback(); // read only: nothing to keep
    });
    QSqlQuery query(d->db);
    query.setForwardOnly(true);
    query.prepare(sql);
    if (filter.status)
        query.bindValue(u":status"_qs, statusKey(*filter.status));
    if (!filter.section.isEmpty())
        query.bindValue(u":section"_qs, filter.section);
    if (!match.isEmpty())
        query.bindValue(u":match"_qs, match);
    if (!d->exec(query, error))
        return out;
    while (query.next()) {
        StorySummary row;
        row.id = query.value(0).toString();
        row.slug = query.value(1).toString();
        row.headline = query.value(2).toString();
        row.section = query.value(3).toString();
        row.status = statusFromString(query.value(4).toString()).value_or(StoryStatus::Draft);
        row.updated = timeFromStored(query.value(5).toString());
        out.append(row);
    }
    query.finish();
    return out;
}

int StoryLibrary::count() const {
    if (!isOpen())
        return 0;
    QSqlQuery query(d->db);
    if (!query.exec(u"SELECT COUNT(*) FROM stories WHERE trashed IS NULL"_qs) || !query.next())
        return 0;
    return query.value(0).toInt();
}

QStringList StoryLibrary::sections() const {
    QStringList out;
    if (!isOpen())
        return out;
    QSqlQuery query(d->db);
    if (!query.exec(u"SELECT DISTINCT section FROM stories WHERE section <> '' AND trashed IS NULL ORDER BY section"_qs))
        return out;
    while (query.next())
        out.append(query.value(0).toString());
    return out;
}

std::optional<Story> StoryLibrary::loadBySlug(const QString &slug, QString *error) const {
    if (!isOpen()) {
        if (error)
            *error = notOpenMessage();
        return std::nullopt;
    }
    QSqlQuery query(d->db);
    query.prepare(u"SELECT id FROM stories WHERE slug = ? AND trashed IS NULL"_qs);
    query.addBindValue(slug);
    if (!d->exec(query, error))
        return std::nullopt;
    if (!query.next()) {
        if (error)
            *error = u"No story in the library has the slug “%1”."_qs.arg(slug);
        return std::nullopt;
    }
    return load(query.value(0).toString(), error);
}

QString StoryLibrary::idForOriginalId(const QString &originalId) const {
    if (!isOpen() || originalId.isEmpty())
        return {};
    QSqlQuery query(d->db);
    query.prepare(u"SELECT id FROM stories WHERE original_id = ? AND trashed IS NULL ORDER BY updated DESC LIMIT 1"_qs);
    query.addBindValue(originalId);
    if (!query.exec() || !query.next())
        return {};
    return query.value(0).toString();
}

QString StoryLibrary::idForWireSlug(const QString &sourceAgency, const QString &slugline) const {
    if (!isOpen() || sourceAgency.trimmed().isEmpty() || slugline.trimmed().isEmpty())
        return {};
    // The slug index narrows to a handful of rows; the agency is compared on those.
    QSqlQuery query(d->db);
    query.setForwardOnly(true);
    query.prepare(u"SELECT id, metadata FROM stories WHERE "_qs % d->dialect->wireSlugExpression() %
                  u" = ? AND trashed IS NULL ORDER BY updated DESC"_qs);
    query.addBindValue(slugline);
    if (!query.exec())
        return {};
    while (query.next()) {
        const StoryMetadata meta = metadataFromJson(objectFromText(query.value(1).toString()));
        if (meta.sourceAgency.compare(sourceAgency, Qt::CaseInsensitive) == 0)
            return query.value(0).toString();
    }
    return {};
}

std::optional<Story> StoryLibrary::load(const QString &id, QString *error) const {
    if (!isOpen()) {
        if (error)
            *error = notOpenMessage();
        return std::nullopt;
    }
    // One read transaction, so the row and its pictures come from the same committed save.
    if (!d->beginRead(error))
        return std::nullopt;
    // A story in the Trash is not there to open until it is restored.
    bool inTrash = false;
    {
        const PreparedQuery trashed = d->prepared(u"SELECT 1 FROM stories WHERE id = ? AND trashed IS NOT NULL"_qs);
        trashed->addBindValue(id);
        inTrash = d->exec(*trashed, error) && trashed->next();
    }
    if (inTrash) {
        d->exec(u"COMMIT"_qs, nullptr);
        if (error)
            *error = u"That story is in the Trash; restore it from View › Trash to open it."_qs;
        return std::nullopt;
    }
    std::optional<Story> story = d->loadStory(id, error);
    d->exec(u"COMMIT"_qs, nullptr);
    return story;
}

std::optional<Story> StoryLibrary::Private::loadStory(const QString &id, QString *error) const {
    const Private *d = this;
    if (!d->hasPublishedColumn)
        d->hasPublishedColumn = d->db.record(u"stories"_qs).contains(u"published"_qs);
    const PreparedQuery row = d->prepared(
        u"SELECT slug, section, headline, deck, bylines, dateline, status, body, pull_quotes, created, "
        u"updated, original_source, original_format, metadata, notes"_qs %
        QString(*d->hasPublishedColumn ? u", published"_qs : QString()) % u" FROM stories WHERE id = ?"_qs);
    QSqlQuery &query = *row;
    query.setForwardOnly(true);
    query.addBindValue(id);
    if (!d->exec(query, error))
        return std::nullopt;
    if (!query.next()) {
        if (error)
            *error = noSuchStory();
        return std::nullopt;
    }
    Story story;
    story.id = id;
    story.slug = query.value(0).toString();
    story.section = query.value(1).toString();
    story.headline = query.value(2).toString();
    story.deck = query.value(3).toString();
    story.bylines = bylinesFromJson(arrayFromText(query.value(4).toString()));
    story.dateline = query.value(5).toString();
    story.status = statusFromString(query.value(6).toString()).value_or(StoryStatus::Draft);
    story.body = bodyFromJson(arrayFromText(query.value(7).toString()));
    story.pullQuotes = pullQuotesFromJson(arrayFromText(query.value(8).toString()));
    story.created = timeFromStored(query.value(9).toString());
    story.updated = timeFromStored(query.value(10).toString());
    story.originalSource = query.value(11).toByteArray();
    story.originalFormat = query.value(12).toString();
    story.metadata = metadataFromJson(QJsonDocument::fromJson(query.value(13).toString().toUtf8()).object());
    story.notes = notesFromJson(arrayFromText(query.value(14).toString()));
    if (*d->hasPublishedColumn && !query.value(15).isNull())
        story.published = timeFromStored(query.value(15).toString());
    query.finish();

    // A schema step that reads stories (the search index's) runs before the crop columns exist.
    if (!d->hasCropColumns)
        d->hasCropColumns = d->db.record(u"images"_qs).contains(u"crop_x"_qs);
    const bool hasCrop = *d->hasCropColumns;
    const PreparedQuery pictures = d->prepared(
        u"SELECT id, data, mime_type, file_name, caption, credit, alt_text, placement, source_href, width, "
        u"height"_qs %
        QString(hasCrop ? u", crop_x, crop_y, crop_width, crop_height, focus_x, focus_y"_qs : QString()) %
        u" FROM images WHERE story_id = ? ORDER BY position"_qs);
    QSqlQuery &images = *pictures;
    images.setForwardOnly(true);
    images.addBindValue(id);
    if (!d->exec(images, error))
        return std::nullopt;
    while (images.next()) {
        StoryImage image;
        image.id = images.value(0).toString();
        image.data = images.value(1).toByteArray();
        image.mimeType = images.value(2).toString();
        image.fileName = images.value(3).toString();
        image.caption = images.value(4).toString();
        image.credit = images.value(5).toString();
        image.altText = images.value(6).toString();
        image.placement.afterBlockId = images.value(7).toString();
        image.sourceHref = images.value(8).toString();
        image.width = images.value(9).toInt();
        image.height = images.value(10).toInt();
        if (hasCrop && !images.isNull(11))
            image.crop = QRectF(images.value(11).toDouble(), images.value(12).toDouble(),
                                images.value(13).toDouble(), images.value(14).toDouble());
        if (hasCrop)
            image.focus = QPointF(images.value(15).toDouble(), images.value(16).toDouble());
        story.images.append(image);
    }
    return story;
}

bool StoryLibrary::isSlugTaken(const QString &slug, const QString &exceptId) const {
    if (!isOpen())
        return false;
    const PreparedQuery query = d->prepared(u"SELECT 1 FROM stories WHERE slug = ? AND id IS DISTINCT FROM ?"_qs);
    query->addBindValue(slug);
    query->addBindValue(exceptId);
    return query->exec() && query->next();
}

} // namespace galley
