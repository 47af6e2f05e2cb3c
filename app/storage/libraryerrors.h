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

/// A sentence a reporter can read for a failed library operation. @p code is an SQLite result code
/// (primary or extended), @p path the library file as shown to the user, @p detail the driver's own
/// text, used only when the code has no sentence of its own. Busy/locked says the library is in use
/// by another Galley window; full, read-only, not-a-database/corrupt, can't-open and disk errors
/// each get their own sentence.
QString describeLibraryError(int code, const QString &path, const QString &detail);

/// describeLibraryError() for a Qt Sql error.
QString describeLibraryError(const QSqlError &error, const QString &path);

/// Sentence for a library written by a newer Galley (schema @p fileVersion, this build reads up to
/// @p ourVersion).
QString newerLibraryMessage(const QString &path, int fileVersion, int ourVersion);

/// Sentence for a library file the user may not write to.
QString readOnlyLibraryMessage(const QString &path);

} // namespace galley
