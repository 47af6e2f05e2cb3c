#pragma once

#include <QString>

class QSqlError;

namespace galley {

/// SQLite primary result codes Galley tells apart (https://www.sqlite.org/rescode.html).
enum class SqliteCode : int {
    Ok = 0,
    Error = 1,
    Busy = 5,
    Locked = 6,
    ReadOnly = 8,
    IoError = 10,
    Corrupt = 11,
    Full = 13,
    CantOpen = 14,
    Constraint = 19,
    NotADatabase = 26,
};

/// The SQLite primary result code behind @p error (extended codes are reduced to their primary
/// code), or -1 when the error carries no SQLite code.
int sqliteCode(const QSqlError &error);

/// SQLITE_IOERR_SHMSIZE: the shared-memory file (library.sqlite-shm) could not be grown, which on a
/// full disk is what opening a library gives before any write does.
inline constexpr int SqliteIoErrShmSize = 4874;

/// A sentence a reporter can read for a failed library operation. @p code is an SQLite result code
/// (primary or extended), @p path the library file as shown to the user, @p detail the driver's own
/// text, used only when the code has no sentence of its own. Busy/locked says the library is in use
/// by another Galley window; full, read-only, not-a-database/corrupt, can't-open and disk errors
/// each get their own sentence. A disk error says the disk is full when it is: the shared-memory
/// error, or less than a mebibyte left where the library lives (@p bytesAvailable, -1 unknown).
QString describeLibraryError(int code, const QString &path, const QString &detail, qint64 bytesAvailable);

/// describeLibraryError() with the space left on the disk holding @p path (QStorageInfo).
QString describeLibraryError(int code, const QString &path, const QString &detail);

/// describeLibraryError() for a Qt Sql error.
QString describeLibraryError(const QSqlError &error, const QString &path);

/// A sentence a reporter can read for a failed operation on a library on a PostgreSQL server,
/// shown as @p address (its URI, which holds no password). @p error carries the SQLSTATE in
/// nativeErrorCode() (https://www.postgresql.org/docs/15/errcodes-appendix.html) or, for a failed
/// connection, only libpq's message, which is read for: a server that is not running or cannot be
/// reached, a database that does not exist, and a refused login (wrong password, unknown role, no
/// pg_hba.conf entry). A lock timeout or deadlock says the library is busy, a full disk, a read-only
/// session, a missing privilege and a lost connection each get their own sentence; a refusal by the
/// library's role checks gets roleRefusalMessage().
QString describeServerError(const QSqlError &error, const QString &address);

/// Whether @p error, from a library on a PostgreSQL server, says the connection to the server is
/// gone (SQLSTATE class 08 or 57P, e.g. the server shut down or the backend was terminated, or
/// libpq's own words for a dropped connection): Galley then reconnects (LibraryWatcher) instead of
/// reporting a refusal.
bool isServerConnectionLost(const QSqlError &error);
/// Newsroom role keys ("reporter", "editor", "producer") as said in a sentence: "reporter",
/// "reporter and editor", "reporter, editor and producer"; "no Galley role" when empty.
QString roleLabel(const QStringList &roleKeys);

/// The sentence for a refusal raised by the library's own checks on the server (schema step 15:
/// SQLSTATE 42501 with the message "galley-refused|WHAT|USER|ROLES|"): what the role may not do and
/// who is signed in, e.g. "Only editors can move a story to Ready; you are signed in to the newsroom
/// as ana (reporter)." @p what is the refusal's key (ready, unready, publish, unpublish, delete,
/// restore, not-draft, not-own, share, owner, take-over, no-role), @p roleKeys as roleLabel().
QString roleRefusalMessage(const QString &what, const QString &user, const QStringList &roleKeys);

/// Sentence for a server database that holds no Galley library yet (it must be made once with
/// `galley admin init`).
QString uninitializedServerMessage(const QString &address);

/// Sentence for a library written by a newer Galley (schema @p fileVersion, this build reads up to
/// @p ourVersion).
QString newerLibraryMessage(const QString &path, int fileVersion, int ourVersion);

/// Sentence for a library file the user may not write to.
QString readOnlyLibraryMessage(const QString &path);

/// Sentence for an existing empty file named as a library: only a new path becomes a library.
QString emptyFileMessage(const QString &path);

/// Sentence for a library that needs updating to this Galley's format but was opened for reading
/// only (a command that only reads, or a read-only copy).
QString olderReadOnlyLibraryMessage(const QString &path);

} // namespace galley
