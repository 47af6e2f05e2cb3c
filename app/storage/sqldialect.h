#pragma once

#include <QSqlError>
#include <QString>
#include <QStringList>

class QSqlDatabase;

namespace galley {

/// What differs between the two engines a story library lives in: a SQLite file (Qt's QSQLITE
/// driver) and a PostgreSQL 15 database (QPSQL). Everything else in app/storage is SQL both accept;
/// each line that only one of them understands comes from here (and the schema's per-engine DDL in
/// schema.cpp), so the storage code never asks which engine it is talking to.
///
/// Placeholders in the fragments are Qt's ("?" or ":match"); the statements are prepared by the
/// caller. Not thread-safe state: the two dialects are stateless singletons.
class SqlDialect {
public:
    enum class Kind { SQLite, PostgreSQL };

    virtual ~SqlDialect() = default;

    static const SqlDialect &sqlite();
    static const SqlDialect &postgresql();
    /// The dialect of @p db's driver: PostgreSQL for QPSQL, SQLite otherwise.
    static const SqlDialect &of(const QSqlDatabase &db);

    virtual Kind kind() const = 0;
    /// The Qt Sql driver name: "QSQLITE" or "QPSQL".
    virtual QString driverName() const = 0;

    /// Settings every connection needs once open (SQLite: foreign keys on, WAL journal for a
    /// library opened to write; PostgreSQL: a lock timeout so a busy library fails with the in-use
    /// sentence rather than hanging, and read-only transactions for @p readOnly). False with
    /// @p error from the failing statement.
    virtual bool setUpConnection(QSqlDatabase &db, bool readOnly, QSqlError *error) const = 0;

    /// Statements that open a write transaction in which the library's writers take turns
    /// (SQLite: BEGIN IMMEDIATE takes the file's write lock; PostgreSQL: BEGIN and a
    /// transaction-scoped advisory lock, so the read-check-write steps of a save see no other save
    /// in between, exactly as on SQLite). Ended by COMMIT or ROLLBACK.
    virtual QStringList beginWrite() const = 0;
    /// Statements that open the write transaction of one story's save, the story's id bound to each
    /// "?" (SQLite: beginWrite(), the file has one writer; PostgreSQL: BEGIN, beginWrite()'s lock
    /// taken shared with other such saves, and an exclusive lock on the story). Saves of different
    /// stories then go on side by side, while a save and any other write still take turns, as do two
    /// saves of one story. Ended by COMMIT or ROLLBACK.
    virtual QStringList beginStoryWrite() const = 0;
    /// Statement a story's save runs, after beginStoryWrite(), before it takes a slug it did not
    /// have: waits for any other save doing so, so two stories cannot both take the one that is free
    /// (SQLite: empty, beginStoryWrite() already excludes every other writer).
    virtual QString lockSlugClaims() const = 0;
    /// Statement that opens a read transaction whose reads all see one committed state.
    virtual QString beginRead() const = 0;

    /// The library's schema version (SQLite: PRAGMA user_version; PostgreSQL: the one row of the
    /// table galley_schema, 0 when it does not exist); -1 with @p error when it cannot be read.
    virtual int readVersion(const QSqlDatabase &db, QSqlError *error) const = 0;
    /// Statements that record @p version as the schema version, run inside the migration's
    /// transaction.
    virtual QStringList writeVersion(int version) const = 0;
    /// A query counting the tables of the database (of its current schema on PostgreSQL): a library
    /// of version 0 with tables belongs to another program.
    virtual QString countTables() const = 0;

    /// SQL expression giving the row id of the search row just inserted on this connection.
    virtual QString lastInsertedSearchRow() const = 0;

    /// The value bound as :match for @p userText: every word must occur as a prefix of a word of the
    /// story (SQLite: an FTS5 expression, see ftsMatchExpression(); PostgreSQL: a to_tsquery()
    /// text of quoted prefix terms joined by &). Empty when the text holds no words.
    virtual QString searchMatch(const QString &userText) const = 0;
    /// A condition on stories AS s that keeps the stories matching :match.
    virtual QString searchCondition() const = 0;
    /// A subquery (story_id, score, ...) over the @p window most recently saved search rows matching
    /// :match, and the ORDER BY terms on it (as m) that put its best matches first (@p rankOrder). The weights
    /// follow StoryFilter: headline ten times the body, deck and bylines four times, slug twice.
    virtual QString rankedMatches(int window, QString *rankOrder) const = 0;
    /// A statement run in a ranked search's own read transaction, before rankedMatches(), setting
    /// the planner for it (PostgreSQL: see postgresqldialect.cpp); empty when none is needed (SQLite).
    virtual QString rankedSearchSettings() const = 0;
    /// INSERT of a search row with eight values in this order: story id, headline, deck, body,
    /// bylines, slug, pictures, pull quotes (each passed through searchText()).
    virtual QString insertSearchRow() const = 0;
    /// One statement doing what deleting a story's search row, insertSearchRow() and remembering the
    /// new rowid in stories.search_rowid do, with ten values: the story id twice, the seven fields,
    /// the story id (PostgreSQL: data-modifying CTEs, one round trip instead of three). Empty when
    /// the engine needs the three statements (SQLite, where a statement costs no round trip).
    virtual QString replaceSearchRow() const = 0;
    /// @p text as the search index should read it (PostgreSQL: diacritics folded here, since its
    /// 'simple' configuration keeps them; SQLite: unchanged, its tokenizer folds them).
    virtual QString searchText(const QString &text) const = 0;

    /// Expression appending the value of one placeholder to the JSON array text in @p column.
    virtual QString appendToJsonArray(const QString &column) const = 0;
    /// Expression over stories giving the wire slugline of its metadata, NULL for a damaged cell;
    /// indexed, so queries must use it exactly.
    virtual QString wireSlugExpression() const = 0;

    /// An id of this connection, kept with an edit lock so that a lock whose connection died can be
    /// told (PostgreSQL: the server process serving it, pg_backend_pid(); SQLite: this process's id).
    virtual QString connectionId(const QSqlDatabase &db) const = 0;
    /// Whether the connection @p id, recorded on @p machine, is still alive (PostgreSQL: listed in
    /// pg_stat_activity; SQLite: its process still runs on this machine; one of another machine is
    /// taken to be alive, since it cannot be asked).
    virtual bool isConnectionAlive(const QSqlDatabase &db, const QString &id, const QString &machine) const = 0;

    /// A sentence a reporter can read for @p error on the library shown as @p shownName (a file
    /// path or a server address without password).
    virtual QString describeError(const QSqlError &error, const QString &shownName) const = 0;

protected:
    /// Runs the one statement @p sql on @p db; false with the driver's error in @p error (may be null).
    static bool run(QSqlDatabase &db, const QString &sql, QSqlError *error);
};

} // namespace galley
