// Live updates and reconnecting (issue 10): what other desks change in a library reaches the
// window, and a server library that lost its connection opens again by itself.

#include "librarywatcher.h"

#include "libraryerrors.h"
#include "logging.h"
#include "storylibrary_p.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDriver>
#include <QTimer>

#include <libpq-fe.h>

#include <algorithm>
#include <utility>

namespace galley {

namespace {

std::optional<LibraryChange::Kind> changeKind(const QString &what) {
    using Kind = LibraryChange::Kind;
    static const QList<std::pair<QString, Kind>> kinds = {
        {u"saved"_qs, Kind::Saved},       {u"status"_qs, Kind::Status},     {u"trashed"_qs, Kind::Trashed},
        {u"restored"_qs, Kind::Restored}, {u"deleted"_qs, Kind::Deleted},   {u"locked"_qs, Kind::Locked},
        {u"unlocked"_qs, Kind::Unlocked},
    };
    for (const auto &[name, kind] : kinds)
        if (name == what)
            return kind;
    return std::nullopt;
}

} // namespace

LibraryWatcher::LibraryWatcher(StoryLibrary &library, QObject *parent)
    : QObject(parent)
    , m_library(library)
    , m_pollTimer(new QTimer(this))
    , m_flushTimer(new QTimer(this))
    , m_reconnectTimer(new QTimer(this)) {
    m_pollTimer->setInterval(PollIntervalMs);
    connect(m_pollTimer, &QTimer::timeout, this, &LibraryWatcher::poll);
    // Notifications arriving in one go (a save announces its story row twice) reach the window as one call.
    m_flushTimer->setSingleShot(true);
    m_flushTimer->setInterval(0);
    connect(m_flushTimer, &QTimer::timeout, this, &LibraryWatcher::flush);
    m_reconnectTimer->setSingleShot(true);
    connect(m_reconnectTimer, &QTimer::timeout, this, &LibraryWatcher::tryReconnect);
}

LibraryWatcher::~LibraryWatcher() {
    stop();
}

bool LibraryWatcher::start(QString *error) {
    stop();
    if (!m_library.isOpen()) {
        if (error)
            *error = notOpenMessage();
        return false;
    }
    m_server = m_library.isOnServer();
    m_running = true;
    if (m_server)
        return subscribe(error);
    m_dataVersion = -1;
    poll();
    m_pollTimer->start();
    return true;
}

void LibraryWatcher::stop() {
    m_running = false;
    m_reconnecting = false;
    m_pollTimer->stop();
    m_flushTimer->stop();
    m_reconnectTimer->stop();
    m_pending.clear();
    if (m_server && m_library.isOpen()) {
        QSqlDriver *driver = m_library.d->db.driver();
        disconnect(driver, nullptr, this, nullptr);
        if (driver->subscribedToNotifications().contains(QLatin1String(Channel)))
            driver->unsubscribeFromNotification(QLatin1String(Channel));
    }
}

bool LibraryWatcher::subscribe(QString *error) {
    QSqlDatabase &db = m_library.d->db;
    QSqlQuery query(db);
    if (!query.exec(u"SELECT current_schema()"_qs) || !query.next()) {
        m_library.d->fail(query.lastError(), error);
        return false;
    }
    m_schema = query.value(0).toString();
    query.finish();
    QSqlDriver *driver = db.driver();
    if (!driver->subscribeToNotification(QLatin1String(Channel))) {
        m_library.d->fail(driver->lastError(), error);
        return false;
    }
    connect(driver, &QSqlDriver::notification, this, &LibraryWatcher::onNotification, Qt::UniqueConnection);
    // The driver reads the LISTEN socket as it becomes readable; when the server hangs up (a restart,
    // pg_terminate_backend()) libpq marks the connection bad there and Qt says nothing. poll() looks.
    m_pollTimer->start();
    qCDebug(lcStorage) << "Listening for changes to library" << m_library.path() << "schema" << m_schema;
    return true;
}

void LibraryWatcher::onNotification(const QString &name, QSqlDriver::NotificationSource source,
                                    const QVariant &payload) {
    if (name != QLatin1String(Channel) || source == QSqlDriver::SelfSource)
        return;
    const QJsonObject message = QJsonDocument::fromJson(payload.toString().toUtf8()).object();
    if (message.value(u"schema"_qs).toString() != m_schema)
        return; // another library in the same database
    const auto kind = changeKind(message.value(u"what"_qs).toString());
    const QString story = message.value(u"story"_qs).toString();
    if (!kind || story.isEmpty())
        return;
    const LibraryChange change{story, *kind};
    if (!m_pending.contains(change))
        m_pending.append(change);
    m_flushTimer->start();
}

bool LibraryWatcher::serverConnectionBad() const {
    // Only a look at libpq's own state: no round trip, so it may run often.
    const QVariant handle = m_library.d->db.driver()->handle();
    if (qstrcmp(handle.typeName(), "PGconn*") != 0)
        return false;
    PGconn *connection = *static_cast<PGconn *const *>(handle.constData());
    return connection && PQstatus(connection) == CONNECTION_BAD;
}

void LibraryWatcher::poll() {
    if (!m_running || m_reconnecting)
        return;
    if (m_server) {
        // Not isOpen(): QPSQL calls a connection libpq holds for bad closed.
        if (m_library.d->db.isValid() && (serverConnectionBad() || !m_library.isOpen())) {
            m_library.d->connectionLost = true;
            checkConnection();
        }
        return;
    }
    if (!m_library.isOpen())
        return;
    QSqlQuery query(m_library.d->db);
    if (!query.exec(u"PRAGMA data_version"_qs) || !query.next())
        return; // busy or gone for a moment: the next poll asks again
    const qint64 version = query.value(0).toLongLong();
    const bool changed = m_dataVersion >= 0 && version != m_dataVersion;
    m_dataVersion = version;
    if (changed)
        Q_EMIT libraryChanged();
}

void LibraryWatcher::flush() {
    if (m_pending.isEmpty())
        return;
    const QList<LibraryChange> changes = std::exchange(m_pending, {});
    Q_EMIT storiesChanged(changes);
}

bool LibraryWatcher::checkConnection() {
    if (!m_server || !m_running)
        return false;
    if (m_reconnecting)
        return true;
    if (!m_library.isConnectionLost() && m_library.isOpen())
        return false;
    beginReconnecting();
    return true;
}

void LibraryWatcher::beginReconnecting() {
    m_reconnecting = true;
    m_pending.clear();
    m_flushTimer->stop();
    const QString address = m_library.d->openedPath;
    // Closing now stops the driver's notifier, which would otherwise fire on the dead socket.
    m_library.close();
    m_reconnectDelayMs = FirstReconnectDelayMs;
    m_reconnectTimer->start(m_reconnectDelayMs);
    qCWarning(lcStorage) << "Lost the connection to library" << address << "- reconnecting";
    Q_EMIT connectionLost(u"Galley lost its connection to the server of the library “%1”; it is reconnecting by "
                        u"itself and keeps your text until it is saved."_qs.arg(address));
}

void LibraryWatcher::tryReconnect() {
    if (!m_reconnecting)
        return;
    QString error;
    if (!m_library.reconnect(&error) || !subscribe(&error)) {
        m_library.close();
        m_reconnectDelayMs = std::min(m_reconnectDelayMs * 2, int(LongestReconnectDelayMs));
        qCInfo(lcStorage) << "Not reconnected yet:" << error << "- next try in" << m_reconnectDelayMs << "ms";
        m_reconnectTimer->start(m_reconnectDelayMs);
        return;
    }
    m_reconnecting = false;
    qCInfo(lcStorage) << "Reconnected to library" << m_library.path();
    Q_EMIT reconnected();
    Q_EMIT libraryChanged();
}

} // namespace galley
