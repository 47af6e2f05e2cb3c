#pragma once

#include <QString>

#include <optional>

namespace galley {

/// True when @p location names a library on a PostgreSQL server (it starts with "postgresql://" or
/// "postgres://") rather than a SQLite file.
bool isServerLocation(const QString &location);

/// A PostgreSQL library's address, parsed from a libpq-style connection URI
/// (https://www.postgresql.org/docs/15/libpq-connect.html#LIBPQ-CONNSTRING):
///
///     postgresql://[user@][host][:port]/dbname[?host=/socket/dir&port=N&sslmode=M&connect_timeout=S&options=O]
///
/// (options=-csearch_path%3Dname keeps a library in a schema of its own).
///
/// Parts are percent-decoded. Empty members are left to libpq's defaults (user: the login name;
/// host: its default socket folder; port 5432). A password is refused: it must come from libpq's
/// ~/.pgpass or the PGPASSWORD environment variable, never from Galley's command line or settings.
struct ServerAddress {
    QString user;
    QString host;     ///< host name, address, or (starting with '/') the folder of the Unix socket
    int port = -1;    ///< -1: libpq's default
    QString database; ///< never empty
    QString connectOptions; ///< libpq keywords passed on as they are ("sslmode=require;connect_timeout=5")

    /// The address as shown to people: the URI as given, which holds no password.
    QString shown;

    /// Parses @p uri; nullopt with a plain sentence in @p error for a password, no database name,
    /// a bad port or an unknown parameter.
    static std::optional<ServerAddress> parse(const QString &uri, QString *error);

    /// The same server's maintenance database "postgres" (where CREATE DATABASE is run).
    ServerAddress maintenance() const;
};

} // namespace galley
