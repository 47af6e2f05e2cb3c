// Edit locks (issue 10): who is editing a story, on which machine, since when. A lock ends when its
// holder releases it or its connection dies (SqlDialect::isConnectionAlive()), so a crashed desk
// never leaves a story locked for good.

#include "storylibrary.h"

#include "logging.h"
#include "storylibrary_p.h"

#include <QSysInfo>

namespace galley {

namespace {

QString notInLibrary() {
    return u"The story is not in the library (save it first, or it was deleted in another window), so it cannot "
           u"be locked for editing."_qs;
}

} // namespace

std::optional<EditLock> StoryLibrary::Private::liveLock(const QString &storyId, QString *error, bool *failed) const {
    *failed = false;
    EditLock lock;
    QString connection;
    {
        const PreparedQuery query =
            prepared(u"SELECT holder, machine, session, connection, since FROM edit_locks WHERE story_id = ?"_qs);
        query->addBindValue(storyId);
        if (!exec(*query, error)) {
            *failed = true;
            return std::nullopt;
        }
        if (!query->next())
            return std::nullopt;
        lock.storyId = storyId;
        lock.holder = query->value(0).toString();
        lock.machine = query->value(1).toString();
        lock.session = query->value(2).toString();
        connection = query->value(3).toString();
        lock.since = timeFromStored(query->value(4).toString());
    }
    if (!dialect->isConnectionAlive(db, connection, lock.machine))
        return std::nullopt; // its holder is gone: the lock is free
    return lock;
}

bool StoryLibrary::takeEditLock(const QString &storyId, const QString &holder, const QString &session,
                                std::optional<EditLock> *heldBy, QString *error) {
    if (heldBy)
        heldBy->reset();
    if (!isOpen()) {
        if (error)
            *error = notOpenMessage();
        return false;
    }
    // Only this story's lock row is written: saves of other stories go on meanwhile.
    if (!d->beginStoryWrite(storyId, error))
        return false;
    const auto abandon = [&] {
        d->rollback();
        return false;
    };
    {
        const PreparedQuery exists = d->prepared(u"SELECT 1 FROM stories WHERE id = ? AND trashed IS NULL"_qs);
        exists->addBindValue(storyId);
        if (!d->exec(*exists, error))
            return abandon();
        if (!exists->next()) {
            if (error)
                *error = notInLibrary();
            return abandon();
        }
    }
    bool failed = false;
    const std::optional<EditLock> current = d->liveLock(storyId, error, &failed);
    if (failed)
        return abandon();
    if (current && current->session != session) {
        if (heldBy)
            *heldBy = current;
        if (error)
            *error = u"%1 is editing this story on %2 since %3."_qs.arg(
                current->holder.isEmpty() ? u"Another desk"_qs : current->holder, current->machine,
                current->since.toLocalTime().toString(u"HH:mm"_qs));
        return abandon();
    }
    const PreparedQuery take = d->prepared(u"INSERT INTO edit_locks (story_id, holder, machine, session, connection, since) VALUES (?, ?, ?, ?, ?, ?) "
                 u"ON CONFLICT(story_id) DO UPDATE SET holder = excluded.holder, machine = excluded.machine, "
                 u"session = excluded.session, connection = excluded.connection, since = excluded.since, "
                 u"working_copy = CASE WHEN edit_locks.session = excluded.session THEN edit_locks.working_copy END"_qs);
    take->addBindValue(storyId);
    take->addBindValue(holder.isNull() ? u""_qs : holder);
    take->addBindValue(QSysInfo::machineHostName());
    take->addBindValue(session);
    take->addBindValue(d->dialect->connectionId(d->db));
    // A session taking its own lock again keeps the time it first took it.
    take->addBindValue(storedTime(current ? current->since : QDateTime::currentDateTimeUtc()));
    if (!d->exec(*take, error))
        return abandon();
    if (!d->exec(u"COMMIT"_qs, error))
        return abandon();
    return true;
}

bool StoryLibrary::releaseEditLock(const QString &storyId, const QString &session, QString *error) {
    if (!isOpen()) {
        if (error)
            *error = notOpenMessage();
        return false;
    }
    const PreparedQuery query = d->prepared(u"DELETE FROM edit_locks WHERE story_id = ? AND session = ?"_qs);
    query->addBindValue(storyId);
    query->addBindValue(session);
    return d->exec(*query, error);
}

std::optional<EditLock> StoryLibrary::editLock(const QString &storyId, QString *error) const {
    if (!isOpen()) {
        if (error)
            *error = notOpenMessage();
        return std::nullopt;
    }
    bool failed = false;
    return d->liveLock(storyId, error, &failed);
}

} // namespace galley
