#pragma once

#include "model/story.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <memory>

class QLockFile;

namespace galley {

/// The canonical form of a library file's path (absolute, symbolic links resolved), so that
/// `galley --db lib.sqlite` and `galley --db ./lib.sqlite` name one library. A path that does not
/// exist (yet) is made absolute and cleaned.
QString canonicalLibraryPath(const QString &path);

/// The recovery folder and what lives in it:
///
///     <folder>/<hash>-<session>.journal   one per open story with unsaved changes
///     <folder>/sessions/<session>.lock    held by each running Galley (QLockFile)
///     <folder>/discarded/                 journals set aside (Discard, unreadable, out of date),
///                                         kept DiscardedKeepDays, then purge() removes them
///     <folder>/replaced/                  the saved version a Restore replaced, in journal form,
///                                         kept ReplacedKeepDays
///
/// <hash> is the first 16 hex digits of SHA-1 over the canonical library path, a newline and the
/// story id; <session> is the first 8 characters of the session id, so two Galleys editing the
/// same story never write over each other's journal.
class RecoveryStore final {
public:
    static constexpr int DiscardedKeepDays = 7;
    static constexpr int ReplacedKeepDays = 30;

    /// The store in @p folder (created when needed, readable by its owner only).
    explicit RecoveryStore(const QString &folder = defaultFolder());

    /// <AppLocalDataLocation>/recovery.
    static QString defaultFolder();
    QString folder() const { return m_folder; }
    QString discardedFolder() const;
    QString replacedFolder() const;

    /// Where the session @p session keeps its journal of story @p storyId of the library at
    /// @p libraryPath (canonical).
    QString journalPath(const QString &libraryPath, const QString &storyId, const QString &session) const;
    /// Every journal file in the folder, sorted by name (absolute paths).
    QStringList journalFiles() const;

    /// Moves @p journalPath into discarded/ and stamps it with the current time, so purge() keeps it
    /// for DiscardedKeepDays from now. False with a plain sentence in @p error.
    bool discard(const QString &journalPath, QString *error) const;
    /// Writes @p story (pictures included) into replaced/ as a journal file named after its slug and
    /// @p now; returns its path, or empty with @p error set.
    QString keepReplaced(const Story &story, const QString &libraryPath, const QDateTime &now,
                         QString *error) const;
    /// Removes files in discarded/ older than DiscardedKeepDays and in replaced/ older than
    /// ReplacedKeepDays at @p now (by modification time). Returns how many went.
    int purge(const QDateTime &now) const;

    /// The lock file of session @p session.
    QString sessionLockPath(const QString &session) const;
    /// True when the Galley that holds session @p session is still running (its lock is held by a
    /// live process). A dead session's lock file is removed on the way.
    bool isSessionAlive(const QString &session) const;

private:
    QString m_folder;
};

/// One running Galley's claim on its journals: a fresh id and a held lock file, so another Galley
/// starting meanwhile leaves those journals alone (they are not a crash's leftovers). The lock is
/// released when the session is destroyed, or by the system when the process dies, however it dies.
class RecoverySession final {
public:
    /// Starts a session in @p store; id() is empty when the lock could not be taken (the folder is
    /// not writable), and journals are then not written.
    explicit RecoverySession(const RecoveryStore &store);
    ~RecoverySession();
    Q_DISABLE_COPY_MOVE(RecoverySession)

    QString id() const { return m_id; }

private:
    std::unique_ptr<QLockFile> m_lock;
    QString m_id;
};

} // namespace galley
