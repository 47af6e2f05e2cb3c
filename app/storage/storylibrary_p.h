#pragma once

// Shared by the StoryLibrary source files only; not part of the module's interface.

#include "revisions.h"
#include "sqldialect.h"
#include "storylibrary.h"

#include <optional>

#include <QJsonArray>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <functional>

namespace galley {

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

    /// Connects to the PostgreSQL library at @p address (a postgresql:// URI, see ServerAddress) with
    /// the QPSQL driver; false with a plain sentence (bad address, driver missing, server not
    /// running, no such database, login refused). The schema is not looked at yet.
    bool connectToServer(const QString &address, bool readOnly, QString *error);

    /// Opens the write transaction (SqlDialect::beginWrite()); on failure as exec(), nothing open.
    bool beginWrite(QString *error) const;
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
    /// False with a plain sentence when story @p storyId is in the library with another update time
    /// than @p loaded (the one it had when it was read): someone saved it meanwhile, and saving
    /// would silently throw their work away. The caller holds the write transaction.
    bool checkUnchangedSince(const QString &storyId, const QDateTime &loaded, QString *error) const;
    /// Deletes story @p storyId's search row by the rowid the story remembers (a new story has none);
    /// the caller holds the write transaction.
    bool deleteSearchRow(QSqlQuery &query, const QString &storyId, QString *error) const;
    /// Deletes for good the stories in the Trash matching @p where (SQL on stories, with @p bound
    /// values), with their search rows, in one transaction; returns how many, or -1 with @p error.
    int deleteTrashed(const QString &where, const QVariantList &bound, QString *error) const;
    /// Writes @p story's search row (headline, deck, body, bylines, slug, pictures' captions,
    /// credits and alt text, pull quotes with their speakers) and remembers its rowid in the story's
    /// row; the caller deleted the old one and holds the write transaction.
    bool writeSearchRow(const Story &story, QString *error) const;
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
    /// @p bodyJson: bodyToJson(story.body) when the caller has it, else empty.
    bool writeRevision(const Story &story, const SaveOptions &options, std::optional<StoryStatus> previousStatus,
                       QString *error, const QJsonArray &bodyJson = {}) const;
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
