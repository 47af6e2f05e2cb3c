#include "storylibrary.h"

#include "libraryerrors.h"
#include "logging.h"
#include "schema.h"
#include "storylibrary_p.h"

#include <QDir>
#include <QFileInfo>
#include <QUrl>
#include <QStandardPaths>

#include <atomic>

namespace galley {

namespace {

// Long enough to ride out another window's save, short enough that the user is not left waiting.
constexpr int BusyTimeoutMs = 2500;

QString nextConnectionName()
{
    static std::atomic<int> counter{0};
    return u"galley-library-%1"_qs.arg(++counter);
}

} // namespace

QString notOpenMessage()
{
    return u"No story library is open."_qs;
}

QString storedTime(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

QDateTime timeFromStored(const QString &text)
{
    QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    return time.toUTC();
}

bool StoryLibrary::Private::exec(QSqlQuery &query, QString *error) const
{
    if (query.exec())
        return true;
    fail(query.lastError(), error);
    return false;
}

bool StoryLibrary::Private::exec(const QString &sql, QString *error) const
{
    QSqlQuery query(db);
    if (query.exec(sql))
        return true;
    fail(query.lastError(), error);
    return false;
}

void StoryLibrary::Private::fail(const QSqlError &sqlError, QString *error) const
{
    qCWarning(lcStorage) << "Library" << path << "error:" << sqlError.nativeErrorCode() << sqlError.text();
    if (error)
        *error = describeLibraryError(sqlError, path);
}

void StoryLibrary::Private::rollback() const
{
    QSqlQuery(db).exec(u"ROLLBACK"_qs);
}

StoryLibrary::StoryLibrary()
    : d(new Private)
{
    d->connectionName = nextConnectionName();
}

StoryLibrary::~StoryLibrary()
{
    close();
    delete d;
}

QString StoryLibrary::defaultPath()
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation);
    QDir().mkpath(folder);
    return QDir(folder).filePath(u"library.sqlite"_qs);
}

bool StoryLibrary::open(const QString &path, QString *error, Access access)
{
    close();
    auto refuse = [&](const QString &message) {
        if (error)
            *error = message;
        qCWarning(lcStorage) << "Not opening library" << path << ':' << message;
        close();
        return false;
    };
    if (path.isEmpty())
        return refuse(u"No library file was given."_qs);
    const QFileInfo info(path);
    if (info.isDir())
        return refuse(u"“%1” is a folder, not a Galley library."_qs.arg(QDir::toNativeSeparators(path)));
    const bool readOnly = access == Access::ReadOnly;
    if (!readOnly && info.exists() && !info.isWritable())
        return refuse(readOnlyLibraryMessage(path));
    // SQLite takes an empty file for an empty database; a library must not appear in a file the
    // user made for something else (or a mistyped --db), so only a new path becomes one. An empty
    // file with a journal beside it is a library another Galley is creating right now.
    const bool beingCreated = QFileInfo::exists(path + u"-journal"_qs) || QFileInfo::exists(path + u"-wal"_qs);
    if (info.exists() && info.size() == 0 && !beingCreated)
        return refuse(emptyFileMessage(path));
    if (readOnly && !info.exists())
        return refuse(u"There is no story library at %1."_qs.arg(QDir::toNativeSeparators(path)));

    d->path = path;
    const auto connect = [&](bool immutable) {
        if (d->db.isOpen())
            d->db.close();
        d->db.setDatabaseName(immutable ? QUrl::fromLocalFile(QFileInfo(path).absoluteFilePath())
                                                  .toString(QUrl::FullyEncoded) +
                                              u"?immutable=1"_qs
                                        : path);
        QString options = u"QSQLITE_BUSY_TIMEOUT=%1"_qs.arg(BusyTimeoutMs);
        if (readOnly)
            options += u";QSQLITE_OPEN_READONLY"_qs;
        if (immutable)
            options += u";QSQLITE_OPEN_URI"_qs;
        d->db.setConnectOptions(options);
        return d->db.open();
    };
    d->db = QSqlDatabase::addDatabase(u"QSQLITE"_qs, d->connectionName);
    if (!connect(false))
        return refuse(describeLibraryError(d->db.lastError(), path));

    QString message;
    // Reads only: a file we must refuse (not a database, newer format) is left exactly as it was.
    QSqlError sqlError;
    int version = schema::readVersion(d->db, &sqlError);
    if (version < 0 && readOnly && sqliteCode(sqlError) == int(SqliteCode::CantOpen)) {
        // A WAL library in a folder nobody may write to (an archive) has no shared-memory file and
        // cannot get one: read it as a file that does not change.
        if (!connect(true))
            return refuse(describeLibraryError(d->db.lastError(), path));
        version = schema::readVersion(d->db, &sqlError);
    }
    if (version < 0)
        return refuse(describeLibraryError(sqlError, path));
    if (version > schema::currentVersion())
        return refuse(newerLibraryMessage(path, version, schema::currentVersion()));
    if (version == 0 && schema::hasForeignTables(d->db, &sqlError))
        return refuse(u"The file “%1” is a database of another program, not a Galley library; Galley has not "
                      u"changed it."_qs.arg(QDir::toNativeSeparators(path)));

    if (readOnly) {
        if (version < schema::currentVersion())
            return refuse(olderReadOnlyLibraryMessage(path));
        d->version = version;
        qCDebug(lcStorage) << "Opened library" << path << "for reading, schema version" << version;
        return true;
    }
    if (!d->exec(u"PRAGMA foreign_keys = ON"_qs, &message) ||
        !d->exec(u"PRAGMA journal_mode = WAL"_qs, &message))
        return refuse(message);
    if (!schema::migrate(d->db, &sqlError))
        return refuse(describeLibraryError(sqlError, path));
    d->version = schema::readVersion(d->db, &sqlError);
    if (d->version != schema::currentVersion())
        return refuse(describeLibraryError(sqlError, path));
    qCDebug(lcStorage) << "Opened library" << path << "schema version" << d->version;
    // Stories deleted more than TrashKeepDays ago go for good. A library another window holds
    // busy is purged next time: opening must not fail over it.
    QString purgeError;
    const int purged = purgeTrash(QDateTime::currentDateTimeUtc(), &purgeError);
    if (purged < 0)
        qCWarning(lcStorage) << "The Trash was not purged:" << purgeError;
    else if (purged > 0)
        qCInfo(lcStorage) << "Purged" << purged << "stories from the Trash of" << path;
    return true;
}

void StoryLibrary::close()
{
    if (d->db.isValid()) {
        d->db.close();
        d->db = QSqlDatabase();
        QSqlDatabase::removeDatabase(d->connectionName);
    }
    d->path.clear();
    d->version = 0;
}

bool StoryLibrary::isOpen() const
{
    return d->db.isOpen() && d->version > 0;
}

QString StoryLibrary::path() const
{
    return d->path;
}

QString StoryLibrary::connectionNameForTesting() const
{
    return isOpen() ? d->connectionName : QString();
}

int StoryLibrary::currentSchemaVersion()
{
    return schema::currentVersion();
}

int StoryLibrary::schemaVersion() const
{
    return isOpen() ? d->version : 0;
}

} // namespace galley
