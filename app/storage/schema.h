#pragma once

#include <QSqlError>
#include <QString>

class QSqlDatabase;

namespace galley::schema {

/// The SQL expression (over the stories table) that the wire-slug index holds: the metadata's
/// slugline, NULL for a damaged cell. Queries must use it exactly for SQLite to use the index.
QString wireSlugExpression();

/// Schema version this build writes (the PRAGMA user_version of a migrated file).
int currentVersion();

/// PRAGMA user_version of @p db; -1 with @p error set when it cannot be read (a file that is not a
/// database fails here, before anything is written).
int readVersion(const QSqlDatabase &db, QSqlError *error);

/// True when @p db holds tables although its version is 0: a database from another program.
bool hasForeignTables(const QSqlDatabase &db, QSqlError *error);

/// Applies every migration above the file's version in order, each in its own BEGIN IMMEDIATE
/// transaction that also sets user_version, so a crash leaves the file at the last whole version.
/// The version is read again inside each transaction, so two Galleys opening a fresh file at once
/// do not both migrate it. Returns false with @p error from the failing statement.
bool migrate(QSqlDatabase &db, QSqlError *error);

} // namespace galley::schema
