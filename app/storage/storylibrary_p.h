#pragma once

// Shared by the StoryLibrary source files only; not part of the module's interface.

#include "revisions.h"
#include "revisionsnapshot.h"
#include "sqldialect.h"
#include "storylibrary.h"

#include <optional>

#include <QHash>
#include <QJsonArray>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <functional>
#include <map>
#include <memory>

namespace galley {

/// A statement of the library's connection, prepared once and kept for the next call with the same
/// SQL (StoryLibrary::Private::prepared()). On a server this is what makes a save quick: Qt's
/// PostgreSQL driver otherwise sends PREPARE, EXECUTE and DEALLOCATE for every query, three round
/// trips where one will do. The handle lets the statement's rows go (QSqlQuery::finish()) when it
/// goes out of scope, so a SQLite file is never left with a read in progress.
class PreparedQuery {
public:
    /// @p kept: the connection's kept statement, marked busy while this handle lives.
    PreparedQuery(QSqlQuery *kept, bool *busy) : m_query(kept), m_busy(busy) { *m_busy = true; }
    /// A statement of this handle's own (the kept one is busy, or there are too many).
    explicit PreparedQuery(std::unique_ptr<QSqlQuery> own) : m_own(std::move(own)), m_query(m_own.get()) {}
    PreparedQuery(const PreparedQuery &) = delete;
    PreparedQuery &operator=(const PreparedQuery &) = delete;
    ~PreparedQuery() {
        m_query->finish();
        if (m_busy)
            *m_busy = false;
    }
    QSqlQuery &operator*() const { return *m_query; }
    QSqlQuery *operator->() const { return m_query; }

private:
    std::unique_ptr<QSqlQuery> m_own;
    QSqlQuery *m_query;
    bool *m_busy = nullptr;
};

/// The newest revision of a story, as a save needs it to decide whether to fold into it.
struct NewestRevision {
    int number = 0; ///< 0: the story has none
    QString session;
    QString author;
    bool open = false;
    RevisionKind kind = RevisionKind::Save;
    QByteArray root;

    /// Read from the six columns number, session, author, open, kind, root of @p row, from @p first on.
    static NewestRevision fromRow(const QSqlQuery &row, int first) {
        NewestRevision newest;
        newest.number = row.value(first).toInt();
        newest.session = row.value(first + 1).toString();
        newest.author = row.value(first + 2).toString();
        newest.open = row.value(first + 3).toBool();
        newest.kind = revisionKindFromKey(row.value(first + 4).toString());
        newest.root = row.value(first + 5).toByteArray();
        return newest;
    }
};

struct StoryLibrary::Private {
    QString connectionName;
    QString path; ///< as given to open(): a file path or a server address (which holds no password)
    QSqlDatabase db;
    const SqlDialect *dialect = &SqlDialect::sqlite();
    /// Whether stories.published exists yet: schema steps that read stories (the search index's)
    /// run before step 11 adds it. Unknown until loadStory() first asks.
    mutable std::optional<bool> hasPublishedColumn;
    mutable std::optional<bool> hasCropColumns; ///< images.crop_* (schema step 12) exist
    int version = 0;
    /// What open() was last given, kept through close() so reconnect() can open it again.
    QString openedPath;
    StoryLibrary::Access openedAccess = StoryLibrary::Access::ReadWrite;
    /// A call failed because the connection to the server is gone (isServerConnectionLost()).
    mutable bool connectionLost = false;
    /// Saves whose COMMIT got no answer because the connection went: story id -> the update time
    /// (storedTime()) the save would have left. Kept through reconnect(); see save().
    QHash<QString, QString> uncertainSaves;

    /// Connects to the PostgreSQL library at @p address (a postgresql:// URI, see ServerAddress) with
    /// the QPSQL driver; false with a plain sentence (bad address, driver missing, server not
    /// running, no such database, login refused). The schema is not looked at yet.
    bool connectToServer(const QString &address, bool readOnly, QString *error);

    /// A statement kept prepared on this connection.
    struct KeptStatement {
        QSqlQuery query;
        bool busy = false; ///< a PreparedQuery handle is using it
    };
    /// The kept statements by their SQL; emptied before the connection closes.
    mutable std::map<QString, KeptStatement> statements;

    /// @p sql prepared on this connection: kept from an earlier call when there is one, else
    /// prepared now and kept. A statement that fails to prepare is not kept (its error shows when
    /// it is run, as for any QSqlQuery); one already in use by a live handle (a nested call) is
    /// prepared again for this handle alone, as is any beyond the first 100 kept.
    PreparedQuery prepared(const QString &sql) const;
    /// Lets every kept statement go; before the connection closes.
    void forgetStatements() const;

    /// Opens the write transaction (SqlDialect::beginWrite()); on failure as exec(), nothing open.
    bool beginWrite(QString *error) const;
    /// Opens a write transaction for saving story @p storyId (SqlDialect::beginStoryWrite()): on a
    /// server, saves of other stories go on beside it; on failure as exec(), nothing open.
    bool beginStoryWrite(const QString &storyId, QString *error) const;
    /// Inside a story's write: waits for any other save claiming a new slug, so that two stories
    /// cannot both take the one that is free (SqlDialect::lockSlugClaims()).
    bool lockSlugClaims(QString *error) const;
    /// Opens a read transaction (SqlDialect::beginRead()); on failure as exec().
    bool beginRead(QString *error) const;

    /// Runs a prepared @p query; on failure sets @p error to a plain sentence and logs the details.
    bool exec(QSqlQuery &query, QString *error) const;
    /// Runs @p sql (no bound values); on failure as exec().
    bool exec(const QString &sql, QString *error) const;
    /// Sets @p error (if given) to the sentence for @p sqlError and logs it.
    void fail(const QSqlError &sqlError, QString *error) const;
    /// Rolls back the open transaction, ignoring errors (the original error is the one to report).
    void rollback() const;
    /// Deletes story @p storyId's search row by the rowid the story remembers (a new story has none);
    /// the caller holds the write transaction.
    bool deleteSearchRow(const QString &storyId, QString *error) const;
    /// Deletes for good the stories in the Trash matching @p where (SQL on stories, with @p bound
    /// values), with their search rows, in one transaction; returns how many, or -1 with @p error.
    int deleteTrashed(const QString &where, const QVariantList &bound, QString *error) const;
    /// Writes @p story's search row (headline, deck, body, bylines, slug, pictures' captions,
    /// credits and alt text, pull quotes with their speakers) and remembers its rowid in the story's
    /// row; the caller deleted the old one and holds the write transaction.
    bool writeSearchRow(const Story &story, QString *error) const;
    /// Deletes @p story's search row and writes it again (a higher rowid: "recently saved"), in one
    /// statement where the engine can (SqlDialect::replaceSearchRow()); the caller holds the write
    /// transaction.
    bool replaceSearchRow(const Story &story, QString *error) const;
    /// SHA-256 (hex) of every row story @p storyId has in the library (StoryLibrary::storyChecksum());
    /// empty with @p error when there is none. The caller holds a transaction.
    QString checksum(const QString &storyId, QString *error) const;
    /// The edit lock of story @p storyId when its holder's connection is alive; nullopt when there
    /// is none or its holder is gone. @p failed says whether it could not be read (@p error set).
    std::optional<EditLock> liveLock(const QString &storyId, QString *error, bool *failed) const;
    /// Reads story @p id and its pictures; the caller holds a transaction around it.
    std::optional<Story> loadStory(const QString &id, QString *error) const;

    /// For a schema step that rewrites something of every story: loads each story of @p db in the
    /// order of SQL @p orderBy and runs @p step on it, stopping at the first failure (its sentence
    /// in @p error). Returns how many stories were done, or -1. The migration's transaction holds.
    static int forEachStory(QSqlDatabase &db, const QString &orderBy,
                            const std::function<bool(const Private &library, const Story &story, QString *error)> &step,
                            QSqlError *error);

    /// Writes @p story (already saved in the stories table) as a revision: a new one, or folded
    /// into the newest when @p options say so (see SaveOptions::session). @p previousStatus is the
    /// status the library held before this save (nullopt for a new story); a different one is
    /// recorded as a status change. The caller holds the write transaction.
    /// @p bodyJson: bodyToJson(story.body) when the caller has it, else empty. @p newest: the
    /// story's newest revision when the caller read it already (in the transaction), else it is read.
    bool writeRevision(const Story &story, const SaveOptions &options, std::optional<StoryStatus> previousStatus,
                       QString *error, const QJsonArray &bodyJson = {}, const NewestRevision *newest = nullptr) const;
    /// Reads story @p storyId's revision pieces from the library, 500 keys a query at most.
    PieceReader pieceReader(const QString &storyId) const;
    /// The root key of revision @p number of @p storyId; empty with @p error when there is none.
    QByteArray revisionRoot(const QString &storyId, int number, QString *error) const;
    /// Revision @p number of @p storyId to @p depth (a SnapshotDepth); the caller holds a transaction.
    std::optional<Story> readRevision(const QString &storyId, int number, int depth, QString *error) const;
};

/// @p name as a PostgreSQL quoted identifier ("ana", "o""neill"), for statements that take no
/// bound values (CREATE DATABASE, GRANT).
QString quotedIdentifier(QString name);

/// Sentence for calls made while no library is open.
QString notOpenMessage();

/// Timestamps as stored: ISO-8601 UTC with milliseconds ("2026-03-04T05:06:07.089Z").
QString storedTime(const QDateTime &time);
QDateTime timeFromStored(const QString &text);

} // namespace galley
