// The writing half of StoryLibrary: every change is one write transaction (SqlDialect::beginWrite()), so it lands
// whole or not at all, and a second Galley on the same file waits its busy timeout instead of
// deadlocking halfway through.

#include "storylibrary.h"

#include "logging.h"
#include "model/slug.h"
#include "model/storyjson.h"
#include "storylibrary_p.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

namespace galley {

namespace {

StoryLibrary::SaveHook saveHook = nullptr;

QString jsonText(const QJsonArray &array) {
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

/// Qt Sql binds a null QString as SQL NULL; the text columns are NOT NULL, so empty means ''.
QString text(const QString &value) {
    return value.isNull() ? QStringLiteral("") : value;
}

QString interruptedMessage() {
    return u"The save was interrupted, so nothing was changed; the previous version of the story is kept."_qs;
}

bool reachedStep(StoryLibrary::SaveStep step, QString *error) {
    if (!saveHook || saveHook(step))
        return true;
    if (error)
        *error = interruptedMessage();
    return false;
}

/// Fills an empty slug or checks a given one. The caller holds the story's write transaction and the
/// slug-claim lock, so the answer cannot change before the row is written.
bool settleSlug(const StoryLibrary &library, Story &story, QString *error) {
    if (story.slug.isEmpty()) {
        const QString id = story.id;
        story.slug = uniqueSlug(slugify(story.headline),
                                [&](const QString &slug) { return library.isSlugTaken(slug, id); });
        return true;
    }
    if (!isValidSlug(story.slug)) {
        if (error)
            *error = u"“%1” cannot be used as a slug: use lowercase letters a–z, digits and single hyphens, "
                     u"such as “harbour-wall-vote”."_qs.arg(story.slug);
        return false;
    }
    if (library.isSlugTaken(story.slug, story.id)) {
        if (error)
            *error = u"The slug “%1” is already used by another story; choose another."_qs.arg(story.slug);
        return false;
    }
    return true;
}

/// The sentence for a save made from a version of the story older than the one saved at @p saved:
/// it is refused, so nobody's work is silently thrown away. @p onServer: the other save came from
/// another desk of the newsroom, not another window on this computer.
QString staleSaveMessage(const QDateTime &saved, bool onServer) {
    return u"This story was saved from %1 at %2, after you opened it, so your version was not saved over it. "
           u"Your text is still in the editor: copy what you changed, reopen the story and add it again."_qs.arg(
               onServer ? u"another desk"_qs : u"another Galley window"_qs,
               saved.toLocalTime().toString(u"HH:mm:ss"_qs));
}

} // namespace

void StoryLibrary::setSaveHookForTesting(SaveHook hook) {
    saveHook = hook;
}

bool StoryLibrary::save(Story &story, QString *error) {
    return save(story, SaveOptions(), error);
}

bool StoryLibrary::save(Story &story, const SaveOptions &options, QString *error) {
    if (!isOpen()) {
        if (error)
            *error = notOpenMessage();
        return false;
    }
    Story next = story;
    if (next.id.isEmpty())
        next.id = newId();
    next.updated = QDateTime::currentDateTimeUtc();
    if (!next.created.isValid())
        next.created = next.updated;

    if (!d->beginStoryWrite(next.id, error))
        return false;
    auto abandon = [&] {
        d->rollback();
        return false;
    };
    if (!writeStoryInTransaction(next, options, &story.updated, error))
        return abandon();
    if (!d->exec(u"COMMIT"_qs, error)) {
        if (d->connectionLost) {
            // The server may have committed before the connection went: remember what this save
            // would have left, so saving again after reconnecting is not taken for a stale save.
            d->uncertainSaves.insert(next.id, storedTime(next.updated));
            if (error)
                *error = u"Galley lost its connection to the server of the library “%1” while saving, so it cannot "
                         u"tell whether this save landed. Your text is kept; save again once the connection is "
                         u"back."_qs.arg(d->path);
        }
        return abandon();
    }
    d->uncertainSaves.remove(next.id);
    qCDebug(lcStorage) << "Saved story" << next.id << next.slug;
    story = next;
    return true;
}

bool StoryLibrary::writeStoryInTransaction(Story &next, const SaveOptions &options, const QDateTime *loaded,
                                           QString *error) {
    const auto abandon = [] { return false; };
    std::optional<StoryStatus> previousStatus;
    QString storedSlug;
    std::optional<NewestRevision> newest; // read with the row: one round trip fewer on a server
    bool hadPictures = false;
    {
        const PreparedQuery stored = d->prepared(
            u"SELECT s.status, s.slug, s.updated, r.number, r.session, r.author, r.open, r.kind, r.root,"
            u" EXISTS (SELECT 1 FROM images WHERE story_id = s.id) FROM stories AS s"
            u" LEFT JOIN revisions AS r ON r.story_id = s.id AND r.number = (SELECT MAX(number) FROM revisions"
            u" WHERE story_id = s.id) WHERE s.id = ?"_qs);
        stored->addBindValue(next.id);
        if (!d->exec(*stored, error))
            return abandon();
        if (stored->next()) {
            const QString updated = stored->value(2).toString();
            // A save whose commit was not confirmed (the connection went) and did land is this
            // window's own text, not another desk's.
            const bool ownUncertainSave = d->uncertainSaves.value(next.id) == updated;
            if (loaded && updated != storedTime(*loaded) && !ownUncertainSave) {
                if (error)
                    *error = staleSaveMessage(timeFromStored(updated), d->dialect->kind() == SqlDialect::Kind::PostgreSQL);
                return abandon();
            }
            previousStatus = statusFromString(stored->value(0).toString()).value_or(StoryStatus::Draft);
            storedSlug = stored->value(1).toString();
            newest = stored->isNull(3) ? NewestRevision() : NewestRevision::fromRow(*stored, 3);
            hadPictures = stored->value(9).toBool();
        }
    }
    // The slug the story already holds is its own (slugs are UNIQUE); only taking another one
    // must wait for other stories' saves doing the same.
    if (next.slug.isEmpty() || next.slug != storedSlug) {
        if (!d->lockSlugClaims(error) || !settleSlug(*this, next, error))
            return abandon();
    }

    if (next.status == StoryStatus::Published && !next.published.isValid())
        next.published = next.updated;

    const PreparedQuery row = d->prepared(
        u"INSERT INTO stories (id, slug, section, headline, deck, bylines, dateline, status, body, "
        u"pull_quotes, created, updated, original_source, original_format, metadata, notes, original_id, "
        u"published) "
        u"VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        u"ON CONFLICT(id) DO UPDATE SET slug = excluded.slug, section = excluded.section, "
        u"headline = excluded.headline, deck = excluded.deck, bylines = excluded.bylines, "
        u"dateline = excluded.dateline, status = excluded.status, body = excluded.body, "
        u"pull_quotes = excluded.pull_quotes, created = excluded.created, updated = excluded.updated, "
        u"original_source = excluded.original_source, original_format = excluded.original_format, "
        u"metadata = excluded.metadata, notes = excluded.notes, original_id = excluded.original_id, "
        u"published = excluded.published"_qs);
    row->addBindValue(next.id);
    row->addBindValue(text(next.slug));
    row->addBindValue(text(next.section));
    row->addBindValue(text(next.headline));
    row->addBindValue(text(next.deck));
    row->addBindValue(jsonText(bylinesToJson(next.bylines)));
    row->addBindValue(text(next.dateline));
    row->addBindValue(statusKey(next.status));
    const QJsonArray bodyJson = bodyToJson(next.body); // the revision's blocks too
    row->addBindValue(jsonText(bodyJson));
    row->addBindValue(jsonText(pullQuotesToJson(next.pullQuotes)));
    row->addBindValue(storedTime(next.created));
    row->addBindValue(storedTime(next.updated));
    row->addBindValue(next.originalSource);
    row->addBindValue(text(next.originalFormat));
    row->addBindValue(
        QString::fromUtf8(QJsonDocument(metadataToJson(next.metadata)).toJson(QJsonDocument::Compact)));
    row->addBindValue(jsonText(notesToJson(next.notes)));
    row->addBindValue(text(next.metadata.originalId));
    row->addBindValue(next.published.isValid() ? QVariant(storedTime(next.published)) : QVariant(QMetaType::fromType<QString>()));
    if (!d->exec(*row, error) || !reachedStep(SaveStep::StoryRow, error))
        return abandon();

    // Pictures are few per story; writing them all again keeps the order and deletions simple.
    if (hadPictures) { // read under the story's lock: none can have come since
        const PreparedQuery gone = d->prepared(u"DELETE FROM images WHERE story_id = ?"_qs);
        gone->addBindValue(next.id);
        if (!d->exec(*gone, error))
            return abandon();
    }
    // This story's rows are gone, so a row already holding the id belongs to another story: a
    // picture copied from it keeps its bytes, not its identity. The insert finds that out itself
    // (nothing inserted), without asking first, so it holds even against a save of the other story
    // going on at the same moment.
    const PreparedQuery images = d->prepared(
        u"INSERT INTO images (id, story_id, position, data, mime_type, file_name, caption, credit, "
        u"alt_text, placement, source_href, width, height, crop_x, crop_y, crop_width, crop_height, focus_x, "
        u"focus_y) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING"_qs);
    QSet<QString> usedIds;
    for (qsizetype i = 0; i < next.images.size(); ++i) {
        StoryImage &image = next.images[i];
        if (image.id.isEmpty() || usedIds.contains(image.id))
            image.id = newId();
        for (int attempt = 0;; ++attempt) {
            images->addBindValue(image.id);
            images->addBindValue(next.id);
            images->addBindValue(int(i));
            images->addBindValue(image.data);
            images->addBindValue(text(image.mimeType));
            images->addBindValue(text(image.fileName));
            images->addBindValue(text(image.caption));
            images->addBindValue(text(image.credit));
            images->addBindValue(text(image.altText));
            images->addBindValue(text(image.placement.afterBlockId));
            images->addBindValue(text(image.sourceHref));
            images->addBindValue(std::max(image.width, 0));
            images->addBindValue(std::max(image.height, 0));
            const bool cropped = !image.crop.isNull();
            const QVariant none(QMetaType::fromType<double>()); // SQL NULL: the whole picture
            images->addBindValue(cropped ? QVariant(image.crop.x()) : none);
            images->addBindValue(cropped ? QVariant(image.crop.y()) : none);
            images->addBindValue(cropped ? QVariant(image.crop.width()) : none);
            images->addBindValue(cropped ? QVariant(image.crop.height()) : none);
            images->addBindValue(image.focus.x());
            images->addBindValue(image.focus.y());
            if (!d->exec(*images, error))
                return abandon();
            if (images->numRowsAffected() == 1)
                break;
            if (attempt == 1) { // a fresh id taken as well: never so, but a picture must not vanish
                if (error)
                    *error = u"A picture of this story could not be saved; nothing was saved. Try saving again."_qs;
                return abandon();
            }
            image.id = newId(); // another story's picture: this one becomes a picture of its own
        }
        usedIds.insert(image.id);
    }
    if (!reachedStep(SaveStep::Images, error))
        return abandon();

    // A fresh search row on every save: its higher rowid is what makes it "recently saved" for
    // the relevance window of list().
    if (!d->replaceSearchRow(next, error) || !reachedStep(SaveStep::SearchIndex, error))
        return abandon();
    if (!d->writeRevision(next, options, previousStatus, error, bodyJson, newest ? &*newest : nullptr) ||
        !reachedStep(SaveStep::Revision, error))
        return abandon();
    return true;
}

namespace {

/// What a story's search row holds, in SqlDialect::insertSearchRow()'s order after the story id:
/// headline, deck, body, bylines, slug, pictures' captions, credits and alt text, pull quotes with
/// their speakers.
QStringList searchFields(const Story &story) {
    QStringList bylines;
    for (const Byline &byline : story.bylines)
        bylines.append(byline.text());
    QStringList pictures;
    for (const StoryImage &image : story.images)
        pictures << image.caption << image.credit << image.altText;
    QStringList quotes;
    for (const PullQuote &quote : story.pullQuotes)
        quotes << quote.text << quote.attribution;
    return {story.headline,   story.deck, story.bodyPlainText(), bylines.join(u'\n'), story.slug,
            pictures.join(u'\n'), quotes.join(u'\n')};
}

} // namespace

bool StoryLibrary::Private::replaceSearchRow(const Story &story, QString *error) const {
    const QString statement = dialect->replaceSearchRow();
    if (statement.isEmpty())
        return deleteSearchRow(story.id, error) && writeSearchRow(story, error);
    const PreparedQuery replace = prepared(statement);
    replace->addBindValue(story.id);
    replace->addBindValue(story.id);
    for (const QString &field : searchFields(story))
        replace->addBindValue(text(dialect->searchText(field)));
    replace->addBindValue(story.id);
    return exec(*replace, error);
}

bool StoryLibrary::Private::writeSearchRow(const Story &story, QString *error) const {
    {
        const PreparedQuery search = prepared(dialect->insertSearchRow());
        search->addBindValue(story.id);
        for (const QString &field : searchFields(story))
            search->addBindValue(text(dialect->searchText(field)));
        if (!exec(*search, error))
            return false;
    }
    const PreparedQuery remember =
        prepared(u"UPDATE stories SET search_rowid = "_qs % dialect->lastInsertedSearchRow() % u" WHERE id = ?"_qs);
    remember->addBindValue(story.id);
    return exec(*remember, error);
}

int StoryLibrary::Private::forEachStory(
    QSqlDatabase &db, const QString &orderBy,
    const std::function<bool(const Private &library, const Story &story, QString *error)> &step, QSqlError *error) {
    Private library;
    library.db = db;
    library.dialect = &SqlDialect::of(db);
    library.path = db.databaseName();
    QSqlQuery ids(db);
    ids.setForwardOnly(true);
    if (!ids.exec(u"SELECT id FROM stories ORDER BY "_qs + orderBy)) {
        if (error)
            *error = ids.lastError();
        return -1;
    }
    QStringList all;
    while (ids.next())
        all.append(ids.value(0).toString());
    ids.finish(); // the steps write to the stories table
    for (const QString &id : all) {
        QString problem;
        const std::optional<Story> story = library.loadStory(id, &problem);
        if (!story || !step(library, *story, &problem)) {
            if (error)
                *error = QSqlError(problem, problem, QSqlError::StatementError);
            return -1;
        }
    }
    return int(all.size());
}

namespace schema {

bool rebuildSearchIndex(QSqlDatabase &db, QSqlError *error) {
    // Oldest save first, so rowids keep saying which story was saved last (list()'s relevance window).
    return StoryLibrary::Private::forEachStory(
               db, u"updated, rowid"_qs,
               [](const StoryLibrary::Private &library, const Story &story, QString *problem) {
                   return library.writeSearchRow(story, problem);
               },
               error) >= 0;
}

} // namespace schema

bool StoryLibrary::Private::deleteSearchRow(const QString &storyId, QString *error) const {
    const PreparedQuery query =
        prepared(u"DELETE FROM story_search WHERE rowid = (SELECT search_rowid FROM stories WHERE id = ?)"_qs);
    query->addBindValue(storyId);
    return exec(*query, error);
}

bool StoryLibrary::remove(const QString &id, QString *error) {
    if (!isOpen()) {
        if (error)
            *error = notOpenMessage();
        return false;
    }
    if (!d->beginWrite(error))
        return false;
    QSqlQuery query(d->db);
    bool ok = d->deleteSearchRow(id, error);
    if (ok) {
        query.prepare(u"DELETE FROM stories WHERE id = ?"_qs); // pictures follow by ON DELETE CASCADE
        query.addBindValue(id);
        ok = d->exec(query, error);
        if (ok && query.numRowsAffected() != 1) {
            ok = false;
            if (error)
                *error =
                    u"That story is no longer in the library; it may have been deleted in another window."_qs;
        }
    }
    query.finish();
    if (ok && d->exec(u"COMMIT"_qs, error))
        return true;
    d->rollback();
    return false;
}

std::optional<Story> StoryLibrary::duplicate(const QString &id, QString *error) {
    std::optional<Story> original = load(id, error);
    if (!original)
        return std::nullopt;
    Story copy = *original;
    copy.id = newId();
    copy.headline = u"Copy of "_qs + original->headline;
    copy.status = StoryStatus::Draft;
    copy.created = QDateTime::currentDateTimeUtc();
    copy.published = QDateTime();
    // Picture ids are unique across the library; pull quote and block ids only within a story.
    for (StoryImage &image : copy.images)
        image.id = newId();
    copy.slug = uniqueSlug(original->slug, [&](const QString &slug) { return isSlugTaken(slug, copy.id); });
    if (!isValidSlug(copy.slug))
        copy.slug.clear(); // a maximum-length slug has no room for "-2"; save() makes one from the headline
    if (!save(copy, error))
        return std::nullopt;
    return copy;
}

} // namespace galley
