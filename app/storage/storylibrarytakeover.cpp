// Taking an edit lock over (issue 10): the holder's window keeps its working copy with the lock at
// each autosave pause; another desk that takes the story over keeps that text as a revision, records
// who took over from whom in the story's history, and moves the lock, all in one write transaction.
// Anchored on Superdesk's force unlock, which keeps the holder's autosave as a version.

#include "storylibrary.h"

#include "logging.h"
#include "model/storyjson.h"
#include "revisionsummary.h"
#include "storylibrary_p.h"

#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSysInfo>

namespace galley {

namespace {

QString personName(const QString &holder) {
    return holder.isEmpty() ? u"another desk"_qs : holder;
}

/// The story as @p stored with what the holder typed in @p workingCopy: the text, status, metadata,
/// notes and pictures' words; the identity, times and imported original stay the stored ones, and
/// pictures take their bytes from the stored story (one added since the last save has none here
/// and stays in the holder's recovery journal).
Story withWorkingCopy(const Story &stored, const QJsonObject &workingCopy) {
    Story typed = storyFromJson(workingCopy);
    typed.id = stored.id;
    typed.created = stored.created;
    typed.updated = stored.updated;
    typed.published = stored.published;
    typed.originalSource = stored.originalSource;
    typed.originalFormat = stored.originalFormat;
    QHash<QString, const StoryImage *> storedImages;
    for (const StoryImage &image : stored.images)
        storedImages.insert(image.id, &image);
    QList<StoryImage> images;
    for (StoryImage image : std::as_const(typed.images)) {
        const StoryImage *known = storedImages.value(image.id);
        if (!known)
            continue;
        image.data = known->data;
        images.append(image);
    }
    typed.images = images;
    return typed;
}

} // namespace

bool StoryLibrary::keepWorkingCopy(const Story &workingCopy, const QString &session, QString *error) {
    if (error)
        error->clear();
    if (!isOpen()) {
        if (error)
            *error = notOpenMessage();
        return false;
    }
    const PreparedQuery query =
        d->prepared(u"UPDATE edit_locks SET working_copy = ? WHERE story_id = ? AND session = ?"_qs);
    query->addBindValue(QString::fromUtf8(QJsonDocument(storyToJson(workingCopy)).toJson(QJsonDocument::Compact)));
    query->addBindValue(workingCopy.id);
    query->addBindValue(session);
    if (!d->exec(*query, error))
        return false;
    return query->numRowsAffected() == 1;
}

bool StoryLibrary::takeOverEditLock(const QString &storyId, const QString &holder, const QString &session,
                                    std::optional<EditLock> *previous, int *revision, QString *error) {
    if (previous)
        previous->reset();
    if (revision)
        *revision = 0;
    if (!isOpen()) {
        if (error)
            *error = notOpenMessage();
        return false;
    }
    if (!d->beginWrite(error))
        return false;
    const auto abandon = [&] {
        d->rollback();
        return false;
    };
    bool failed = false;
    const std::optional<EditLock> current = d->liveLock(storyId, error, &failed);
    if (failed)
        return abandon();
    if (!current || current->session == session) {
        // Nothing to take over: the plain take, in its own transaction.
        d->rollback();
        return takeEditLock(storyId, holder, session, nullptr, error);
    }
    std::optional<Story> stored = d->loadStory(storyId, error);
    if (!stored)
        return abandon();
    QSqlQuery copy(d->db);
    copy.prepare(u"SELECT working_copy FROM edit_locks WHERE story_id = ?"_qs);
    copy.addBindValue(storyId);
    if (!d->exec(copy, error))
        return abandon();
    const QString workingJson = copy.next() ? copy.value(0).toString() : QString();
    copy.finish();

    const QString newName = holder.isEmpty() ? u"Another desk"_qs : holder;
    Story next = *stored;
    SaveOptions options;
    options.kind = RevisionKind::TakeOver;
    options.author = holder;
    options.summary = u"%1 took over from %2"_qs.arg(newName, personName(current->holder));
    if (!workingJson.isEmpty()) {
        const QJsonObject json = QJsonDocument::fromJson(workingJson.toUtf8()).object();
        if (!json.isEmpty()) {
            const Story typed = withWorkingCopy(*stored, json);
            const QString changes = summarizeChanges(&*stored, typed);
            if (changes != u"no changes"_qs) {
                next = typed;
                options.author = current->holder;
                options.summary += u"; kept %1’s unsaved text: %2"_qs.arg(personName(current->holder), changes);
            }
        }
    }
    next.updated = QDateTime::currentDateTimeUtc();
    if (!writeStoryInTransaction(next, options, nullptr, error))
        return abandon();

    QSqlQuery move(d->db);
    move.prepare(u"UPDATE edit_locks SET holder = ?, machine = ?, session = ?, connection = ?, since = ?, "
                 u"working_copy = NULL WHERE story_id = ?"_qs);
    move.addBindValue(holder.isNull() ? u""_qs : holder);
    move.addBindValue(QSysInfo::machineHostName());
    move.addBindValue(session);
    move.addBindValue(d->dialect->connectionId(d->db));
    move.addBindValue(storedTime(next.updated));
    move.addBindValue(storyId);
    if (!d->exec(move, error))
        return abandon();
    move.finish();
    QSqlQuery number(d->db);
    number.prepare(u"SELECT MAX(number) FROM revisions WHERE story_id = ?"_qs);
    number.addBindValue(storyId);
    if (!d->exec(number, error) || !number.next())
        return abandon();
    const int written = number.value(0).toInt();
    number.finish();
    if (!d->exec(u"COMMIT"_qs, error))
        return abandon();
    qCInfo(lcStorage) << "Edit lock of" << storyId << "taken over from" << current->holder << "by" << holder;
    if (previous)
        *previous = current;
    if (revision)
        *revision = written;
    return true;
}

} // namespace galley
