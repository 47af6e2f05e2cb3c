// The revision half of StoryLibrary: every save also writes a revision in the same transaction
// (see revisionsnapshot.h for how a revision is stored), the history reads them back, and restore
// brings an old one back as the newest.

#include "storylibrary.h"

#include "logging.h"
#include "revisionsnapshot.h"
#include "revisionsummary.h"
#include "schema.h"
#include "storylibrary_p.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

#include <algorithm>

namespace galley {

namespace {

// Keys a query asks for at once, well under SQLite's limit of bound values.
constexpr qsizetype PiecesPerQuery = 500;

QString noSuchRevision(int number) {
    return u"This story has no revision %1."_qs.arg(number);
}

} // namespace

PieceReader StoryLibrary::Private::pieceReader(const QString &storyId) const {
    return [this, storyId](const QList<QByteArray> &keys) {
        QHash<QByteArray, QByteArray> found;
        for (qsizetype start = 0; start < keys.size(); start += PiecesPerQuery) {
            const QList<QByteArray> chunk = keys.mid(start, PiecesPerQuery);
            QString marks = u"?"_qs;
            for (qsizetype i = 1; i < chunk.size(); ++i)
                marks += u",?"_qs;
            const PreparedQuery query = prepared(
                u"SELECT key, data FROM revision_pieces WHERE story_id = ? AND key IN ("_qs + marks + u')');
            query->setForwardOnly(true);
            query->addBindValue(storyId);
            for (const QByteArray &key : chunk)
                query->addBindValue(key);
            if (!query->exec())
                return found; // the caller reports the pieces as missing
            while (query->next())
                found.insert(query->value(0).toByteArray(), query->value(1).toByteArray());
        }
        return found;
    };
}

bool StoryLibrary::Private::writeRevision(const Story &story, const SaveOptions &options,
                                          std::optional<StoryStatus> previousStatus, QString *error,
                                          const QJsonArray &bodyJson, const NewestRevision *known) const {
    const QString author = options.author.isEmpty() && options.kind != RevisionKind::Migrated
                               ? defaultAuthorName()
                               : options.author;
    NewestRevision newest;
    if (known)
        newest = *known;
    else {
        const PreparedQuery query = prepared(u"SELECT number, session, author, open, kind, root FROM revisions "
                                             u"WHERE story_id = ? ORDER BY number DESC LIMIT 1"_qs);
        query->addBindValue(story.id);
        if (!exec(*query, error))
            return false;
        if (query->next())
            newest = NewestRevision::fromRow(*query, 0);
    }

    const bool folds = newest.open && !options.session.isEmpty() && newest.session == options.session &&
                       newest.author == author &&
                       (options.kind == RevisionKind::Autosave || options.kind == RevisionKind::Save);
    const int number = folds ? newest.number : newest.number + 1;
    const RevisionSnapshot snapshot = makeSnapshot(story, bodyJson);

    // The summary compares outlines (root pieces only) with the revision this one follows; the
    // pieces that one is made of are known to be stored.
    QByteArray baseRoot = newest.root;
    if (folds)
        baseRoot = number > 1 ? revisionRoot(story.id, number - 1, error) : QByteArray();
    std::optional<Story> before;
    QSet<QByteArray> stored;
    if (!baseRoot.isEmpty()) {
        before = readSnapshot(baseRoot, pieceReader(story.id), SnapshotDepth::Outline, error, &stored);
        if (!before)
            return false;
    }
    QString summary = options.summary;
    if (summary.isEmpty()) {
        const std::optional<Story> after =
            readSnapshot(snapshot.rootKey, snapshotReader(snapshot), SnapshotDepth::Outline, error);
        if (!after)
            return false;
        summary = summarizeChanges(before ? &*before : nullptr, *after);
    }

    QSqlQuery query(db);
    if (folds) {
        // Pieces first stored by this revision and no longer in it belong to no other revision
        // (it is the newest), so a folded autosave leaves nothing behind.
        QSet<QByteArray> keep;
        for (const auto &piece : snapshot.pieces)
            keep.insert(piece.key);
        query.prepare(u"SELECT key FROM revision_pieces WHERE story_id = ? AND revision = ?"_qs);
        query.addBindValue(story.id);
        query.addBindValue(number);
        if (!exec(query, error))
            return false;
        QList<QByteArray> stale;
        while (query.next()) {
            const QByteArray key = query.value(0).toByteArray();
            if (keep.contains(key))
                stored.insert(key);
            else
                stale.append(key);
        }
        query.finish();
        query.prepare(u"DELETE FROM revision_pieces WHERE story_id = ? AND key = ?"_qs);
        for (const QByteArray &key : stale) {
            query.addBindValue(story.id);
            query.addBindValue(key);
            if (!exec(query, error))
                return false;
        }
    }

    // Most pieces of a save are the revision before's. An older revision may hold one of the others
    // (a paragraph typed back), which then stays as it is, first stored by that revision.
    // Written together, a few at a time (one round trip for a typical save's two or three).
    QList<const RevisionSnapshot::Piece *> fresh;
    for (const auto &piece : snapshot.pieces)
        if (!stored.contains(piece.key))
            fresh.append(&piece);
    constexpr qsizetype PiecesPerInsert = 8;
    for (qsizetype start = 0; start < fresh.size(); start += PiecesPerInsert) {
        const qsizetype count = std::min(PiecesPerInsert, fresh.size() - start);
        QStringList rows;
        for (qsizetype i = 0; i < count; ++i)
            rows.append(u"(?, ?, ?, ?)"_qs);
        const PreparedQuery insert = prepared(u"INSERT INTO revision_pieces (story_id, key, revision, data) VALUES "_qs +
                                              rows.join(u", "_qs) + u" ON CONFLICT (story_id, key) DO NOTHING"_qs);
        for (qsizetype i = start; i < start + count; ++i) {
            insert->addBindValue(story.id);
            insert->addBindValue(fresh.at(i)->key);
            insert->addBindValue(number);
            insert->addBindValue(fresh.at(i)->stored());
        }
        if (!exec(*insert, error))
            return false;
    }

    const QString when = storedTime(story.updated);
    if (folds) {
        // An explicit save of the session closes the revision; the autosaves stay listed.
        // Flags are bound as 0/1: the open column is an integer on both engines, and PostgreSQL
        // does not take a boolean where an integer goes.
        const PreparedQuery update = prepared(
            u"UPDATE revisions SET saved = ?, status = ?, summary = ?, root = ?, open = ?, kind = ?, "
            u"autosaves = CASE WHEN ? = 1 THEN "_qs %
            dialect->appendToJsonArray(u"autosaves"_qs) %
            u" ELSE autosaves END "
            u"WHERE story_id = ? AND number = ?"_qs);
        QSqlQuery &query = *update;
        const bool autosave = options.kind == RevisionKind::Autosave;
        query.addBindValue(when);
        query.addBindValue(statusKey(story.status));
        query.addBindValue(summary);
        query.addBindValue(snapshot.rootKey);
        query.addBindValue(int(autosave));
        query.addBindValue(revisionKindKey(autosave ? newest.kind : RevisionKind::Save));
        query.addBindValue(int(autosave));
        query.addBindValue(when);
        query.addBindValue(story.id);
        query.addBindValue(number);
        if (!exec(query, error))
            return false;
    } else {
        if (newest.open) {
            const PreparedQuery close = prepared(u"UPDATE revisions SET open = 0 WHERE story_id = ? AND number = ?"_qs);
            close->addBindValue(story.id);
            close->addBindValue(newest.number);
            if (!exec(*close, error))
                return false;
        }
        const PreparedQuery insert = prepared(
            u"INSERT INTO revisions (story_id, number, created, saved, author, status, kind, summary, "
            u"session, open, root) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_qs);
        QSqlQuery &query = *insert;
        query.addBindValue(story.id);
        query.addBindValue(number);
        query.addBindValue(when);
        query.addBindValue(when);
        query.addBindValue(author.isNull() ? u""_qs : author);
        query.addBindValue(statusKey(story.status));
        query.addBindValue(revisionKindKey(options.kind));
        query.addBindValue(summary);
        query.addBindValue(options.session.isNull() ? u""_qs : options.session);
        query.addBindValue(int(options.kind == RevisionKind::Autosave && !options.session.isEmpty()));
        query.addBindValue(snapshot.rootKey);
        if (!exec(query, error))
            return false;
    }

    if (!previousStatus || *previousStatus != story.status) {
        const PreparedQuery change = prepared(u"INSERT INTO status_changes (story_id, time, author, from_status, "
                                              u"to_status) VALUES (?, ?, ?, ?, ?)"_qs);
        QSqlQuery &query = *change;
        query.addBindValue(story.id);
        query.addBindValue(when);
        query.addBindValue(author.isNull() ? u""_qs : author);
        query.addBindValue(previousStatus ? QVariant(statusKey(*previousStatus)) : QVariant());
        query.addBindValue(statusKey(story.status));
        if (!exec(query, error))
            return false;
    }
    return true;
}

QByteArray StoryLibrary::Private::revisionRoot(const QString &storyId, int number, QString *error) const {
    const PreparedQuery query = prepared(u"SELECT root FROM revisions WHERE story_id = ? AND number = ?"_qs);
    query->addBindValue(storyId);
    query->addBindValue(number);
    if (!exec(*query, error))
        return {};
    if (!query->next()) {
        if (error)
            *error = noSuchRevision(number);
        return {};
    }
    return query->value(0).toByteArray();
}

std::optional<Story> StoryLibrary::Private::readRevision(const QString &storyId, int number, int depth,
                                                         QString *error) const {
    const QByteArray root = revisionRoot(storyId, number, error);
    if (root.isEmpty())
        return std::nullopt;
    std::optional<Story> story = readSnapshot(root, pieceReader(storyId), SnapshotDepth(depth), error);
    if (story)
        story->id = storyId;
    return story;
}

QList<RevisionInfo> StoryLibrary::revisions(const QString &storyId, QString *error) const {
    QList<RevisionInfo> out;
    if (!isOpen()) {
        if (error)
            *error = notOpenMessage();
        return out;
    }
    QSqlQuery query(d->db);
    query.setForwardOnly(true);
    query.prepare(u"SELECT number, created, saved, author, status, kind, summary, autosaves, open "
                  u"FROM revisions WHERE story_id = ? ORDER BY number DESC"_qs);
    query.addBindValue(storyId);
    if (!d->exec(query, error))
        return out;
    while (query.next()) {
        RevisionInfo info;
        info.number = query.value(0).toInt();
        info.created = timeFromStored(query.value(1).toString());
        info.saved = timeFromStored(query.value(2).toString());
        info.author = query.value(3).toString();
        info.status = statusFromString(query.value(4).toString()).value_or(StoryStatus::Draft);
        info.kind = revisionKindFromKey(query.value(5).toString());
        info.summary = query.value(6).toString();
        for (const auto &time : QJsonDocument::fromJson(query.value(7).toString().toUtf8()).array())
            info.autosaves.append(timeFromStored(time.toString()));
        info.open = query.value(8).toBool();
        out.append(info);
    }
    return out;
}

std::optional<Story> StoryLibrary::loadRevision(const QString &storyId, int number, QString *error,
                                                bool withPictures) const {
    if (!isOpen()) {
        if (error)
            *error = notOpenMessage();
        return std::nullopt;
    }
    if (!d->beginRead(error))
        return std::nullopt;
    std::optional<Story> story = d->readRevision(
        storyId, number, int(withPictures ? SnapshotDepth::Whole : SnapshotDepth::Text), error);
    d->exec(u"COMMIT"_qs, nullptr);
    return story;
}

QList<StatusChange> StoryLibrary::statusChanges(const QString &storyId, QString *error) const {
    QList<StatusChange> out;
    if (!isOpen()) {
        if (error)
            *error = notOpenMessage();
        return out;
    }
    QSqlQuery query(d->db);
    query.setForwardOnly(true);
    query.prepare(u"SELECT time, author, from_status, to_status FROM status_changes WHERE story_id = ? "
                  u"ORDER BY time, rowid"_qs);
    query.addBindValue(storyId);
    if (!d->exec(query, error))
        return out;
    while (query.next()) {
        StatusChange change;
        change.time = timeFromStored(query.value(0).toString());
        change.author = query.value(1).toString();
        if (!query.value(2).isNull())
            change.from = statusFromString(query.value(2).toString());
        change.to = statusFromString(query.value(3).toString()).value_or(StoryStatus::Draft);
        out.append(change);
    }
    return out;
}

std::optional<Story> StoryLibrary::restoreRevision(const QString &storyId, int number, SaveOptions options,
                                                   QString *error) {
    std::optional<Story> current = load(storyId, error);
    if (!current)
        return std::nullopt;
    std::optional<Story> restored = loadRevision(storyId, number, error, true);
    if (!restored)
        return std::nullopt;
    // The text comes back; the workflow state, the desk's notes and the times stay current.
    restored->status = current->status;
    restored->notes = current->notes;
    restored->created = current->created;
    restored->updated = current->updated;
    if (isSlugTaken(restored->slug, storyId))
        restored->slug = current->slug;
    options.kind = RevisionKind::Restore;
    if (options.summary.isEmpty())
        options.summary = u"restored revision %1"_qs.arg(number);
    if (!save(*restored, options, error))
        return std::nullopt;
    return restored;
}

namespace schema {

bool keepStoriesAsFirstRevisions(QSqlDatabase &db, QSqlError *error) {
    SaveOptions options;
    options.kind = RevisionKind::Migrated;
    options.summary = u"kept from before revisions"_qs;
    const int kept = StoryLibrary::Private::forEachStory(
        db, u"rowid"_qs,
        [&options](const StoryLibrary::Private &library, const Story &story, QString *problem) {
            return library.writeRevision(story, options, std::nullopt, problem);
        },
        error);
    if (kept > 0)
        qCInfo(lcStorage) << "Kept" << kept << "stories as their first revisions";
    return kept >= 0;
}

} // namespace schema

} // namespace galley
