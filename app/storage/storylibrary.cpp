#include "storylibrary.h"

#include "libraryerrors.h"
#include "logging.h"
#include "schema.h"
#include "serveraddress.h"
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
    if (dialect->kind() == SqlDialect::Kind::PostgreSQL && isServerConnectionLost(sqlError))
        connectionLost = true;
    if (error)
        *error = dialect->describeError(sqlError, path);
}

PreparedQuery StoryLibrary::Private::prepared(const QString &sql) const
{
    // Dynamic SQL (a list of n placeholders) could otherwise keep one statement per n.
    constexpr std::size_t MostKept = 100;
    const auto found = statements.find(sql);
    if (found != statements.end() && !found->second.busy)
        return PreparedQuery(&found->second.query, &found->second.busy);
    if (found == statements.end() && statements.size() < MostKept) {
        QSqlQuery query(db);
        if (query.prepare(sql)) {
            KeptStatement &kept = statements.emplace(sql, KeptStatement{std::move(query)}).first->second;
            return PreparedQuery(&kept.query, &kept.busy);
        }
    }
    auto own = std::make_unique<QSqlQuery>(db);
    own->prepare(sql);
    return PreparedQuery(std::move(own));
}

void StoryLibrary::Private::forgetStatements() const
{
    statements.clear();
}

bool StoryLibrary::Private::beginStoryWrite(const QString &storyId, QString *error) const
{
    for (const QString &statement : dialect->beginStoryWrite()) {
        // BEGIN cannot be prepared on a server; a statement without the id needs no preparing.
        bool done = false;
        if (statement.contains(u'?')) {
            const PreparedQuery query = prepared(statement);
            query->addBindValue(storyId);
            done = exec(*query, error);
        } else {
            done = exec(statement, error);
        }
        if (!done) {
            rollback();
            return false;
        }
    }
    return true;
}

bool StoryLibrary::Private::lockSlugClaims(QString *error) const
{
    const QString statement = dialect->lockSlugClaims();
    return statement.isEmpty() || exec(statement, error);
}

bool StoryLibrary::Private::beginWrite(QString *error) const
{
    for (const QString &statement : dialect->beginWrite()) {
        if (!exec(statement, error)) {
            rollback();
            return false;
        }
    }
    return true;
}

bool StoryLibrary::Private::beginRead(QString *error) const
{
    return exec(dialect->beginRead(), error);
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
    if (path != d->openedPath)
        d->uncertainSaves.clear();
    d->openedPath = path;
    d->openedAccess = access;
    auto refuse = [&](const QString &message) {
        if (error)
            *error = message;
        qCWarning(lcStorage) << "Not opening library" << path << ':' << message;
        close();
        return false;
    };
    if (isServerLocation(path)) {
        QString message;
        if (!d->connectToServer(path, access == Access::ReadOnly, &message))
            return refuse(message);
        return settleOpened(access, error);
    }
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
    d->dialect = &SqlDialect::sqlite();
    const auto connect = [&](bool immutable) {
        if (d->db.isOpen()) {
            d->forgetStatements();
            d->db.close();
        }
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
    return settleOpened(access, error);
}

bool StoryLibrary::settleOpened(Access access, QString *error)
{
    const QString path = d->path;
    const bool server = d->dialect->kind() == SqlDialect::Kind::PostgreSQL;
    const bool readOnly = access == Access::ReadOnly;
    auto refuse = [&](const QString &message) {
        if (error)
            *error = message;
        qCWarning(lcStorage) << "Not opening library" << path << ':' << message;
        close();
        return false;
    };
    QSqlError sqlError;
    const int version = schema::readVersion(d->db, &sqlError);
    if (version < 0)
        return refuse(d->dialect->describeError(sqlError, path));
    if (version > schema::currentVersion())
        return refuse(newerLibraryMessage(path, version, schema::currentVersion()));
    if (version == 0 && schema::hasForeignTables(d->db, &sqlError))
        return refuse(server ? u"The database “%1” holds tables of another program, not a Galley library; Galley "
                               u"has not changed it."_qs.arg(path)
                             : u"The file “%1” is a database of another program, not a Galley library; Galley has "
                               u"not changed it."_qs.arg(QDir::toNativeSeparators(path)));
    // A server database becomes a library only through `galley admin init`: a mistyped address
    // must not turn somebody's empty database into one.
    if (server && version == 0 && access != Access::Initialize)
        return refuse(uninitializedServerMessage(path));

    if (readOnly) {
        if (version < schema::currentVersion())
            return refuse(olderReadOnlyLibraryMessage(path));
        if (!d->dialect->setUpConnection(d->db, true, &sqlError))
            return refuse(d->dialect->describeError(sqlError, path));
        d->version = version;
        qCDebug(lcStorage) << "Opened library" << path << "for reading, schema version" << version;
        return true;
    }
    if (!d->dialect->setUpConnection(d->db, false, &sqlError))
        return refuse(d->dialect->describeError(sqlError, path));
    if (!schema::migrate(d->db, &sqlError))
        return refuse(d->dialect->describeError(sqlError, path));
    d->version = schema::readVersion(d->db, &sqlError);
    if (d->version != schema::currentVersion())
        return refuse(d->dialect->describeError(sqlError, path));
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
        d->forgetStatements();
        d->db.close();
        d->db = QSqlDatabase();
        d->hasPublishedColumn.reset();
        d->hasCropColumns.reset();
        QSqlDatabase::removeDatabase(d->connectionName);
    }
    d->path.clear();
    d->version = 0;
    d->connectionLost = false;
    d->dialect = &SqlDialect::sqlite();
}

bool StoryLibrary::isOpen() const
{
    return d->db.isOpen() && d->version > 0;
}

QString StoryLibrary::path() const
{
    return d->path;
}

bool StoryLibrary::isOnServer() const
{
    return isOpen() && d->dialect->kind() == SqlDialect::Kind::PostgreSQL;
}

bool StoryLibrary::isConnectionLost() const
{
    return d->connectionLost;
}

bool StoryLibrary::reconnect(QString *error)
{
    const QString path = d->openedPath;
    const Access access = d->openedAccess;
    if (path.isEmpty()) {
        if (error)
            *error = notOpenMessage();
        return false;
    }
    qCInfo(lcStorage) << "Reconnecting to library" << path;
    return open(path, error, access);
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
