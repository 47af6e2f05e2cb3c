#pragma once

#include <QList>
#include <QObject>
#include <QSqlDriver>
#include <QString>

class QTimer;

namespace galley {

class StoryLibrary;

/// One change another desk (another connection) made to a library, as its PostgreSQL trigger
/// announced it (schema step 13).
struct LibraryChange {
    enum class Kind {
        Saved,    ///< inserted or saved (text, metadata, pictures)
        Status,   ///< saved with another status
        Trashed,  ///< moved to the Trash
        Restored, ///< back from the Trash
        Deleted,  ///< deleted for good
        Locked,   ///< an edit lock taken (or taken over)
        Unlocked, ///< an edit lock released, or ended with its story
    };
    QString storyId;
    Kind kind = Kind::Saved;

    bool operator==(const LibraryChange &other) const = default;
};

/// Watches a StoryLibrary for changes made by other connections (other desks, other Galley windows)
/// and keeps a server library connected.
///
/// On PostgreSQL it LISTENs on the channel galley_library through the library's own connection
/// (QSqlDriver::subscribeToNotification) and turns each notification of this library (its schema)
/// into storiesChanged(); notifications of its own connection are dropped, so the window does not
/// refresh after its own saves. On a SQLite file it polls `PRAGMA data_version` every PollIntervalMs
/// (a read of the file header: cheap) and emits libraryChanged(), since which stories changed is
/// not known there.
///
/// When the server connection goes (the server restarts, the network drops, the session is
/// terminated; noticed within PollIntervalMs from libpq's connection state, which the driver updates
/// as it reads the LISTEN socket, or by checkConnection() after a failed call), it emits
/// connectionLost() and reopens the library by itself (StoryLibrary::reconnect()) after 1, 2, 4, 8,
/// then every LongestReconnectDelayMs / 1000 seconds, subscribes again and emits reconnected() and
/// libraryChanged(). Lives on the library's thread; the library must outlive it.
class LibraryWatcher final : public QObject {
    Q_OBJECT

public:
    static constexpr int PollIntervalMs = 500;
    static constexpr int FirstReconnectDelayMs = 1000;
    static constexpr int LongestReconnectDelayMs = 10000;
    /// The NOTIFY channel of schema step 13.
    static constexpr const char *Channel = "galley_library";

    explicit LibraryWatcher(StoryLibrary &library, QObject *parent = nullptr);
    ~LibraryWatcher() override;

    /// Starts watching the open library: subscribes (server) or starts polling (file). False with a
    /// plain sentence when the subscription is refused; safe to call again after stop().
    bool start(QString *error = nullptr);
    /// Stops watching and any reconnecting.
    void stop();
    /// True while the library is connected (always for a file); false from connectionLost() to
    /// reconnected().
    bool isConnected() const { return !m_reconnecting; }

    /// Call after a library call failed: when it failed because the server connection is gone,
    /// starts reconnecting (unless already) and returns true; false when the connection is fine.
    bool checkConnection();

Q_SIGNALS:
    /// Other connections changed these stories (server libraries; in the order announced, repeats
    /// of one change merged). Several notifications arriving together come as one call.
    void storiesChanged(const QList<galley::LibraryChange> &changes);
    /// Something in the library changed, which stories is not known (a file changed by another
    /// window, or reconnected after a loss): list and open story should be read again.
    void libraryChanged();
    /// The connection to the server is gone; @p sentence says so in plain words. Reconnecting has started.
    void connectionLost(const QString &sentence);
    /// The library is open again (after connectionLost()); libraryChanged() follows.
    void reconnected();

private:
    bool subscribe(QString *error);
    void onNotification(const QString &name, QSqlDriver::NotificationSource source, const QVariant &payload);
    /// True when libpq holds the server connection for lost (server side hung up).
    bool serverConnectionBad() const;
    void poll();
    void flush();
    void beginReconnecting();
    void tryReconnect();

    StoryLibrary &m_library;
    QTimer *m_pollTimer;
    QTimer *m_flushTimer;
    QTimer *m_reconnectTimer;
    QList<LibraryChange> m_pending;
    QString m_schema;            ///< the library's schema on the server (the payload's "schema")
    qint64 m_dataVersion = -1;   ///< last PRAGMA data_version seen (file)
    bool m_server = false;
    bool m_running = false;
    bool m_reconnecting = false;
    int m_reconnectDelayMs = FirstReconnectDelayMs;
};

} // namespace galley
