#pragma once

// Which engine the storage tests run on. CTest runs each storage test twice: as NAME_sqlite, on
// library files in a temporary folder, and as NAME_postgresql, with GALLEY_TEST_BACKEND=postgresql
// and GALLEY_TEST_POSTGRESQL naming the maintenance database of the throw-away server that
// pgserver.sh starts for the run (postgresql://galley@/postgres?host=/tmp/galley-pg-...). There each
// library is a schema of its own in one database per test process, made and initialized by
// newLibrary(), so tests stay apart and fast.

#include "storage/storylibrary.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

namespace galley::testbackend {

/// True when this run's libraries live on the PostgreSQL test server.
inline bool onServer() {
    return qEnvironmentVariable("GALLEY_TEST_BACKEND") == u"postgresql"_qs;
}

/// The test server's address of database @p database (schema @p schema, if given, first in the
/// search path).
inline QString serverAddress(const QString &database, const QString &schema = {}) {
    QString address = qEnvironmentVariable("GALLEY_TEST_POSTGRESQL");
    if (address.isEmpty())
        qFatal("GALLEY_TEST_POSTGRESQL is not set: run the PostgreSQL storage tests through CTest");
    address.replace(u"/postgres?"_qs, u'/' + database + u'?');
    if (!schema.isEmpty())
        address += u"&options=-csearch_path%3D"_qs + schema;
    return address;
}

/// This test process's database on the test server, made on first use.
inline QString processDatabase() {
    static const QString name = [] {
        const QString database = u"test_%1"_qs.arg(QCoreApplication::applicationPid());
        QString error;
        if (!StoryLibrary::createServerDatabase(serverAddress(database), &error))
            qFatal("cannot make the test database: %s", qPrintable(error));
        return database;
    }();
    return name;
}

/// A place for a new library: on SQLite a path in @p dir (the file is not made yet, so open() makes
/// it); on the server a fresh, empty schema, already initialized as `galley admin init` would, since
/// a server library is never made by a plain open().
inline QString newLibrary(const QTemporaryDir &dir, const QString &name = u"library"_qs) {
    if (!onServer())
        return dir.filePath(name + u".sqlite"_qs);
    static int count = 0;
    const QString schema = u"lib_%1"_qs.arg(++count);
    const QString database = processDatabase();
    {
        const QString connection = u"test-schema"_qs;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QPSQL"_qs, connection);
            const QString address = serverAddress(database);
            QString host = address.mid(address.indexOf(u"host="_qs) + 5);
            host.truncate(host.indexOf(u'&') < 0 ? host.size() : host.indexOf(u'&'));
            db.setHostName(host);
            db.setUserName(u"galley"_qs);
            db.setDatabaseName(database);
            if (!db.open() || !QSqlQuery(db).exec(u"CREATE SCHEMA "_qs + schema))
                qFatal("cannot make the test schema: %s", qPrintable(db.lastError().text()));
        }
        QSqlDatabase::removeDatabase(connection);
    }
    const QString location = serverAddress(database, schema);
    StoryLibrary library;
    QString error;
    if (!library.open(location, &error, StoryLibrary::Access::Initialize))
        qFatal("cannot initialize the test library: %s", qPrintable(error));
    return location;
}

/// The Qt Sql driver of libraries in this run.
inline QString driver() {
    return onServer() ? u"QPSQL"_qs : u"QSQLITE"_qs;
}

/// Scalar answer of @p sql on a connection of our own to the library at @p location, beside the
/// library's own; invalid when it fails.
inline QVariant rawValue(const QString &location, const QString &sql) {
    QVariant value;
    if (onServer()) {
        // The library's own connection settings, schema included, through a read-only open.
        StoryLibrary reader;
        QString error;
        if (!reader.open(location, &error, StoryLibrary::Access::ReadOnly))
            return value;
        QSqlQuery query(QSqlDatabase::database(reader.connectionNameForTesting()));
        if (query.exec(sql) && query.next())
            value = query.value(0);
        return value;
    }
    const QString connection = u"raw"_qs;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_qs, connection);
        db.setDatabaseName(location);
        if (db.open()) {
            QSqlQuery query(db);
            if (query.exec(sql) && query.next())
                value = query.value(0);
        }
    }
    QSqlDatabase::removeDatabase(connection);
    return value;
}

} // namespace galley::testbackend
