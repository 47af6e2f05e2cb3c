#pragma once

#include <QSqlError>
#include <QString>

class QSqlDatabase;

namespace galley::schema {

/// Schema version this build writes (SqlDialect::readVersion() of a migrated library).
int currentVersion();

/// Schema version of @p db (SqlDialect::readVersion()); -1 with @p error set when it cannot be read (a file that is not a
/// database fails here, before anything is written).
int readVersion(const QSqlDatabase &db, QSqlError *error);

/// True when @p db holds tables although its version is 0: a database from another program.
bool hasForeignTables(const QSqlDatabase &db, QSqlError *error);

/// Applies every migration above the library's version in order, each in its own write transaction
/// (SqlDialect::beginWrite(); on PostgreSQL the DDL too is transactional) that also records the
/// version, so a crash leaves the library at the last whole version.
/// The version is read again inside each transaction, so two Galleys opening a fresh file at once
/// do not both migrate it. Returns false with @p error from the failing statement.
bool migrate(QSqlDatabase &db, QSqlError *error);

} // namespace galley::schema
