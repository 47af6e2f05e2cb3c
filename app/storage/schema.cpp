#include "schema.h"

#include "logging.h"
#include "storylibrary.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStringList>

namespace galley::schema {

namespace {

/// One step of the schema: the statements that bring version - 1 to version.
struct Migration {
    int version;
    QStringList statements;
    /// Work SQL alone cannot do, run after the statements in the same transaction.
    bool (*run)(QSqlDatabase &db, QSqlError *error) = nullptr;
};

} // namespace

QString wireSlugExpression() {
    // json_valid() keeps a damaged metadata cell from failing every write to the table.
    return u"CASE WHEN json_valid(metadata) THEN json_extract(metadata, '$.slugline') END"_qs;
}

namespace {

// Append new versions at the end; never edit a published one, files in the field already have it.
const QList<Migration> &migrations() {
    static const QList<Migration> list = {
        {1,
         {
             u"CREATE TABLE stories ("
             u" id TEXT PRIMARY KEY NOT NULL,"
             u" slug TEXT NOT NULL UNIQUE,"
             u" section TEXT NOT NULL DEFAULT '',"
             u" headline TEXT NOT NULL DEFAULT '',"
             u" deck TEXT NOT NULL DEFAULT '',"
             u" bylines TEXT NOT NULL DEFAULT '[]'," // JSON array of strings
             u" dateline TEXT NOT NULL DEFAULT '',"
             u" status TEXT NOT NULL DEFAULT 'draft',"   // statusKey()
             u" body TEXT NOT NULL DEFAULT '[]',"        // bodyToJson()
             u" pull_quotes TEXT NOT NULL DEFAULT '[]'," // pullQuotesToJson()
             u" created TEXT NOT NULL,"                  // ISO-8601 UTC with milliseconds
             u" updated TEXT NOT NULL)"_qs,
             u"CREATE INDEX stories_by_update ON stories(updated DESC)"_qs,
             u"CREATE INDEX stories_by_section ON stories(section)"_qs,
             u"CREATE TABLE images ("
             u" id TEXT PRIMARY KEY NOT NULL,"
             u" story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,"
             u" position INTEGER NOT NULL,"
             u" data BLOB,"
             u" mime_type TEXT NOT NULL DEFAULT '',"
             u" file_name TEXT NOT NULL DEFAULT '',"
             u" caption TEXT NOT NULL DEFAULT '',"
             u" credit TEXT NOT NULL DEFAULT '',"
             u" alt_text TEXT NOT NULL DEFAULT '',"
             u" placement TEXT NOT NULL DEFAULT '')" // block id the picture follows; '' = lead
             ""_qs,
             u"CREATE INDEX images_by_story ON images(story_id, position)"_qs,
             // Plain text of the searchable fields, written by save() beside the row; diacritics
             // folded so "cafe" finds "café".
             u"CREATE VIRTUAL TABLE story_search USING fts5("
             u" story_id UNINDEXED, headline, deck, body,"
             u" tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')"_qs,
         }},
        // The input an imported story came from, kept so an import never loses anything.
        {2,
         {
             u"ALTER TABLE stories ADD COLUMN original_source BLOB"_qs,
             u"ALTER TABLE stories ADD COLUMN original_format TEXT NOT NULL DEFAULT ''"_qs,
         }},
        // Each story remembers its search row, so a save replaces it by rowid instead of scanning
        // the whole index for the story id (200 ms a save in a library of 100,000 stories).
        {3,
         {
             u"ALTER TABLE stories ADD COLUMN search_rowid INTEGER"_qs,
             u"UPDATE stories SET search_rowid = m.rowid"
             u" FROM (SELECT rowid, story_id FROM story_search) AS m WHERE m.story_id = stories.id"_qs,
         }},
        // What the wire says about a story (agency, original id, priority, times, embargo) and the
        // desk's notes; the original id is a column of its own so a later version of a wire story
        // finds the one already in the library.
        {4,
         {
             u"ALTER TABLE stories ADD COLUMN metadata TEXT NOT NULL DEFAULT '{}'"_qs, // metadataToJson()
             u"ALTER TABLE stories ADD COLUMN notes TEXT NOT NULL DEFAULT '[]'"_qs,    // notesToJson()
             u"ALTER TABLE stories ADD COLUMN original_id TEXT NOT NULL DEFAULT ''"_qs,
             u"CREATE INDEX stories_by_original_id ON stories(original_id) WHERE original_id <> ''"_qs,
         }},
        // Where the agency offers a picture that was not in the imported file, and its stated size;
        // and the wire slug, so a write-thru without an id finds the story it updates.
        {5,
         {
             u"ALTER TABLE images ADD COLUMN source_href TEXT NOT NULL DEFAULT ''"_qs,
             u"ALTER TABLE images ADD COLUMN width INTEGER NOT NULL DEFAULT 0"_qs,
             u"ALTER TABLE images ADD COLUMN height INTEGER NOT NULL DEFAULT 0"_qs,
             u"CREATE INDEX stories_by_wire_slug ON stories("_qs % wireSlugExpression() % u')',
         }},
        // Revisions (issue 9): every save keeps the story as it was saved. A revision's content is
        // a tree of content-addressed pieces (revisionsnapshot.h) stored once per story; a piece
        // remembers the revision that first stored it, so a folded autosave can drop what only it
        // used (found through the primary key's story_id, so no index of its own). Status changes are a log of their own. Every story already here becomes revision 1.
        {6,
         {
             u"CREATE TABLE revision_pieces ("
             u" story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,"
             u" key BLOB NOT NULL,"          // first 16 bytes of the SHA-256 of the uncompressed piece
             u" revision INTEGER NOT NULL," // number of the revision that stored it first
             u" data BLOB NOT NULL,"        // qCompress()ed text, or picture bytes as they are
             u" PRIMARY KEY (story_id, key))"_qs,
             u"CREATE TABLE revisions ("
             u" story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,"
             u" number INTEGER NOT NULL,"
             u" created TEXT NOT NULL," // ISO-8601 UTC with milliseconds
             u" saved TEXT NOT NULL,"   // the last write folded into it
             u" author TEXT NOT NULL DEFAULT '',"
             u" status TEXT NOT NULL," // statusKey()
             u" kind TEXT NOT NULL,"   // revisionKindKey()
             u" summary TEXT NOT NULL DEFAULT '',"
             u" session TEXT NOT NULL DEFAULT '',"
             u" open INTEGER NOT NULL DEFAULT 0,"
             u" autosaves TEXT NOT NULL DEFAULT '[]'," // JSON array of the folded autosaves' times
             u" root BLOB NOT NULL,"
             u" PRIMARY KEY (story_id, number)) WITHOUT ROWID"_qs,
             u"CREATE TABLE status_changes ("
             u" story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,"
             u" time TEXT NOT NULL,"
             u" author TEXT NOT NULL DEFAULT '',"
             u" from_status TEXT," // NULL for the story's first status
             u" to_status TEXT NOT NULL)"_qs,
             u"CREATE INDEX status_changes_by_story ON status_changes(story_id, time)"_qs,
         },
         keepStoriesAsFirstRevisions},
        // The copy desk's checks: the findings the desk ignored in each story (a Finding's
        // ignoreKey()), and the house dictionary, which serves every story and desk of the library.
        {7,
         {
             u"CREATE TABLE story_ignores ("
             u" story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,"
             u" key TEXT NOT NULL,"
             u" PRIMARY KEY (story_id, key))"_qs,
             u"CREATE TABLE house_dictionary ("
             u" word TEXT PRIMARY KEY NOT NULL,"
             u" added TEXT NOT NULL)"_qs, // ISO-8601 UTC, as stories.created
         }},
        // The Trash (issue 14): a deleted story stays, hidden, with the time it was deleted (ISO-8601
        // UTC) until it is restored, the Trash is emptied, or it is purged after 30 days.
        {8,
         {
             u"ALTER TABLE stories ADD COLUMN trashed TEXT"_qs, // NULL while the story is not in the Trash
             u"CREATE INDEX stories_in_trash ON stories(trashed) WHERE trashed IS NOT NULL"_qs,
         }},
        // Search also finds bylines, slugs, pictures' captions, credits and alt text, and pull
        // quotes with their speakers (issue 14): the index gets their columns and is filled again.
        {9,
         {
             u"DROP TABLE story_search"_qs,
             u"CREATE VIRTUAL TABLE story_search USING fts5("
             u" story_id UNINDEXED, headline, deck, body, bylines, slug, pictures, pull_quotes,"
             u" tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')"_qs,
             u"UPDATE stories SET search_rowid = NULL"_qs,
         },
         rebuildSearchIndex},
    };
    return list;
}

bool exec(QSqlQuery &query, const QString &sql, QSqlError *error) {
    if (query.exec(sql))
        return true;
    if (error)
        *error = query.lastError();
    return false;
}

} // namespace

int currentVersion() {
    return migrations().constLast().version;
}

int readVersion(const QSqlDatabase &db, QSqlError *error) {
    QSqlQuery query(db);
    if (!exec(query, u"PRAGMA user_version"_qs, error))
        return -1;
    if (!query.next()) {
        if (error)
            *error = query.lastError();
        return -1;
    }
    return query.value(0).toInt();
}

bool hasForeignTables(const QSqlDatabase &db, QSqlError *error) {
    QSqlQuery query(db);
    if (!exec(query, u"SELECT COUNT(*) FROM sqlite_master"_qs, error) || !query.next())
        return false;
    return query.value(0).toInt() > 0;
}

bool migrate(QSqlDatabase &db, QSqlError *error) {
    const int startVersion = readVersion(db, error);
    if (startVersion < 0)
        return false;
    for (const Migration &migration : migrations()) {
        // An up-to-date file is opened without taking the write lock another window may hold.
        if (startVersion >= migration.version)
            continue;
        QSqlQuery query(db);
        if (!exec(query, u"BEGIN IMMEDIATE"_qs, error))
            return false;
        const int version = readVersion(db, error);
        bool ok = version >= 0;
        if (ok && version < migration.version) {
            qCInfo(lcStorage) << "Migrating library" << db.databaseName() << "to schema version"
                              << migration.version;
            for (const QString &statement : migration.statements) {
                ok = exec(query, statement, error);
                if (!ok)
                    break;
            }
            ok = ok && (!migration.run || migration.run(db, error));
            // PRAGMA takes no bound values; the version is our own integer.
            ok = ok && exec(query, u"PRAGMA user_version = %1"_qs.arg(migration.version), error);
        }
        query.finish();
        if (ok && exec(query, u"COMMIT"_qs, error))
            continue;
        QSqlQuery(db).exec(u"ROLLBACK"_qs);
        return false;
    }
    return true;
}

} // namespace galley::schema
