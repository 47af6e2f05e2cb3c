// The PostgreSQL half of opening a StoryLibrary: connecting to a server by its address, and making
// a library's database there (`galley admin init`).

#include "storylibrary.h"

#include "libraryerrors.h"
#include "logging.h"
#include "serveraddress.h"
#include "storylibrary_p.h"

#include <QSqlDriver>

#include <atomic>

namespace galley {

namespace {

// Seconds libpq waits for a server that does not answer before Galley says it cannot reach it.
constexpr int ConnectTimeoutSeconds = 10;

QString driverMissingMessage() {
    return u"This Galley cannot reach a PostgreSQL server: its Qt driver is not installed (the Debian package "
           u"libqt6sql6-psql)."_qs;
}

/// Sets @p db up to connect to @p address. No password: libpq takes it from ~/.pgpass or PGPASSWORD.
void applyAddress(QSqlDatabase &db, const ServerAddress &address) {
    db.setHostName(address.host);
    if (address.port > 0)
        db.setPort(address.port);
    db.setUserName(address.user);
    db.setDatabaseName(address.database);
    // A network that goes quiet (a pulled cable, a laptop asleep) sends no reset: TCP keepalives and
    // a user timeout notice it within about half a minute, so the window turns to "reconnecting"
    // and the desk's edit lock frees, instead of waiting for the kernel's two hours. A Unix socket
    // ignores them.
    QStringList options{u"connect_timeout=%1"_qs.arg(ConnectTimeoutSeconds), u"application_name=Galley"_qs,
                        u"keepalives=1"_qs,
                        u"keepalives_idle=15"_qs,
                        u"keepalives_interval=5"_qs,
                        u"keepalives_count=3"_qs,
                        u"tcp_user_timeout=30000"_qs};
    if (!address.connectOptions.isEmpty())
        options.append(address.connectOptions); // later keywords win in a libpq conninfo
    db.setConnectOptions(options.join(u';'));
}

} // namespace

QString quotedIdentifier(QString name) {
    return u'"' + name.replace(u'"', u"\"\""_qs) + u'"';
}

bool StoryLibrary::Private::connectToServer(const QString &location, bool readOnly, QString *error) {
    Q_UNUSED(readOnly) // read-only sessions are set up with the rest (SqlDialect::setUpConnection)
    const std::optional<ServerAddress> address = ServerAddress::parse(location, error);
    if (!address)
        return false;
    path = location;
    dialect = &SqlDialect::postgresql();
    db = QSqlDatabase::addDatabase(dialect->driverName(), connectionName);
    if (!db.isValid()) {
        if (error)
            *error = driverMissingMessage();
        return false;
    }
    applyAddress(db, *address);
    if (!db.open()) {
        qCWarning(lcStorage) << "Cannot connect to" << location << ':' << db.lastError().text();
        if (error)
            *error = describeServerError(db.lastError(), location);
        return false;
    }
    return true;
}

bool StoryLibrary::createServerDatabase(const QString &location, QString *error, bool *created) {
    if (created)
        *created = false;
    const std::optional<ServerAddress> address = ServerAddress::parse(location, error);
    if (!address)
        return false;
    static std::atomic<int> counter{0};
    const QString connection = u"galley-maintenance-%1"_qs.arg(++counter);
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(SqlDialect::postgresql().driverName(), connection);
        ok = [&] {
            if (!db.isValid()) {
                if (error)
                    *error = driverMissingMessage();
                return false;
            }
            const auto fail = [&](const QSqlError &sqlError) {
                qCWarning(lcStorage) << "Cannot make the database of" << location << ':' << sqlError.text();
                if (error)
                    *error = describeServerError(sqlError, location);
                return false;
            };
            applyAddress(db, address->maintenance());
            if (!db.open())
                return fail(db.lastError());
            QSqlQuery query(db);
            query.prepare(u"SELECT 1 FROM pg_database WHERE datname = ?"_qs);
            query.addBindValue(address->database);
            if (!query.exec())
                return fail(query.lastError());
            if (query.next())
                return true;
            // CREATE DATABASE takes no bound values: the name goes in as a quoted identifier.
            if (!query.exec(u"CREATE DATABASE "_qs + quotedIdentifier(address->database) +
                            u" ENCODING 'UTF8' TEMPLATE template0"_qs))
                return fail(query.lastError());
            qCInfo(lcStorage) << "Made the database of" << location;
            if (created)
                *created = true;
            return true;
        }();
    }
    QSqlDatabase::removeDatabase(connection);
    return ok;
}

} // namespace galley
