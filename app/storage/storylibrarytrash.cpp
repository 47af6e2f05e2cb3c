// The Trash: deleted stories kept hidden for StoryLibrary::TrashKeepDays (stories.trashed).

#include "storylibrary.h"
#include "storylibrary_p.h"

#include <QSqlQuery>

namespace galley {

namespace {

const QString NotInLibrary =
    u"That story is no longer in the library; it may have been deleted in another window."_qs;

} // namespace

bool StoryLibrary::moveToTrash(const QString &id, QString *error) {
    if (!isOpen()) {
        if (error)
            *error = notOpenMessage();
        return false;
    }
    QSqlQuery query(d->db);
    query.prepare(u"UPDATE stories SET trashed = ? WHERE id = ? AND trashed IS NULL"_qs);
    query.addBindValue(storedTime(QDateTime::currentDateTimeUtc()));
    query.addBindValue(id);
    if (!d->exec(query, error))
        return false;
    if (query.numRowsAffected() == 1)
        return true;
    if (error)
        *error = NotInLibrary;
    return false;
}

bool StoryLibrary::restoreFromTrash(const QString &id, QString *error) {
    if (!isOpen()) {
        if (error)
            *error = notOpenMessage();
        return false;
    }
    QSqlQuery query(d->db);
    query.prepare(u"UPDATE stories SET trashed = NULL WHERE id = ? AND trashed IS NOT NULL"_qs);
    query.addBindValue(id);
    if (!d->exec(query, error))
        return false;
    if (query.numRowsAffected() == 1)
        return true;
    if (error)
        *error = u"That story is no longer in the Trash; it may have been restored or deleted for good in "
                 u"another window."_qs;
    return false;
}

QList<TrashedStory> StoryLibrary::trashedStories(QString *error) const {
    QList<TrashedStory> out;
    if (!isOpen()) {
        if (error)
            *error = notOpenMessage();
        return out;
    }
    QSqlQuery query(d->db);
    query.setForwardOnly(true);
    query.prepare(u"SELECT id, slug, headline, section, status, updated, trashed FROM stories"
                  u" WHERE trashed IS NOT NULL ORDER BY trashed DESC, rowid DESC"_qs);
    if (!d->exec(query, error))
        return out;
    while (query.next()) {
        TrashedStory row;
        row.story.id = query.value(0).toString();
        row.story.slug = query.value(1).toString();
        row.story.headline = query.value(2).toString();
        row.story.section = query.value(3).toString();
        row.story.status = statusFromString(query.value(4).toString()).value_or(StoryStatus::Draft);
        row.story.updated = timeFromStored(query.value(5).toString());
        row.trashed = timeFromStored(query.value(6).toString());
        out.append(row);
    }
    return out;
}

// Search rows first; pictures, revisions and the rest follow by ON DELETE CASCADE.
int StoryLibrary::Private::deleteTrashed(const QString &where, const QVariantList &bound, QString *error) const {
    if (!beginWrite(error))
        return -1;
    QSqlQuery query(db);
    query.prepare(u"DELETE FROM story_search WHERE rowid IN (SELECT search_rowid FROM stories WHERE "_qs + where +
                  u')');
    for (const QVariant &value : bound)
        query.addBindValue(value);
    bool ok = exec(query, error);
    int count = 0;
    if (ok) {
        query.prepare(u"DELETE FROM stories WHERE "_qs + where);
        for (const QVariant &value : bound)
            query.addBindValue(value);
        ok = exec(query, error);
        count = query.numRowsAffected();
    }
    query.finish();
    if (ok && exec(u"COMMIT"_qs, error))
        return count;
    rollback();
    return -1;
}

int StoryLibrary::emptyTrash(QString *error) {
    if (!isOpen()) {
        if (error)
            *error = notOpenMessage();
        return -1;
    }
    return d->deleteTrashed(u"trashed IS NOT NULL"_qs, {}, error);
}

int StoryLibrary::purgeTrash(const QDateTime &now, QString *error) {
    if (!isOpen()) {
        if (error)
            *error = notOpenMessage();
        return -1;
    }
    // Stored times are ISO-8601 UTC of one width, so text order is time order.
    const QString cutoff = storedTime(now.toUTC().addDays(-TrashKeepDays));
    // Read first: with nothing to purge, opening a library takes no write lock.
    QSqlQuery due(d->db);
    due.prepare(u"SELECT COUNT(*) FROM stories WHERE trashed IS NOT NULL AND trashed < ?"_qs);
    due.addBindValue(cutoff);
    if (!d->exec(due, error) || !due.next())
        return -1;
    if (due.value(0).toInt() == 0)
        return 0;
    due.finish();
    return d->deleteTrashed(u"trashed IS NOT NULL AND trashed < ?"_qs, {cutoff}, error);
}

} // namespace galley
