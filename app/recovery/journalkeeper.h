#pragma once

#include "model/story.h"
#include "recoverystore.h"

#include <QObject>
#include <QString>

#include <functional>
#include <memory>

class QTimer;

namespace galley {

class JournalWriter;

/// Keeps the recovery journal of the one story a window shows: told when a story is opened,
/// edited, saved or its changes dropped, it snapshots the story on screen JournalDelayMs after the
/// first edit that no journal holds yet and hands the snapshot to a JournalWriter; a save removes
/// the journal. Typing without a pause therefore writes a journal every JournalDelayMs (plus the
/// write itself, a few ms), and a kill loses at most that much typing.
///
/// Costs the GUI thread one Story copy (shared containers) per snapshot, never per keystroke.
class JournalKeeper final : public QObject {
    Q_OBJECT

public:
    /// Delay from the first edit not in a journal to the snapshot, in milliseconds.
    static constexpr int JournalDelayMs = 1000;

    /// Journals of stories in the library at @p libraryPath (any form; made canonical), taken from
    /// @p onScreen, which returns the story as it stands on screen, kept in @p store.
    JournalKeeper(const QString &libraryPath, std::function<const Story &()> onScreen,
                  const RecoveryStore &store = RecoveryStore(), QObject *parent = nullptr);
    /// Finishes the writes and removals asked for, so a journal of a saved story never outlives it.
    ~JournalKeeper() override;

    /// @p saved, as the library has it, is now on screen with no unsaved changes.
    void storyOpened(const Story &saved);
    /// The story on screen changed.
    void edited();
    /// The story on screen was saved as @p saved: its journal goes.
    void storySaved(const Story &saved);
    /// The user chose to drop the unsaved changes (or deleted the story): its journal goes.
    void changesDropped();

    /// Takes a snapshot now if one is due (benchmarks and tests; quitting does not need it).
    void writeNow();
    /// Blocks until every write and removal asked for is on disk (tests).
    void waitUntilWritten();
    /// Changes JournalDelayMs (tests).
    void setDelayForTesting(int ms);

    /// The journal file of the story on screen (it may not exist); empty before storyOpened().
    QString journalPath() const { return m_path; }
    QString sessionId() const;
    QString libraryPath() const { return m_libraryPath; }
    /// The window opened another library (File › Connect to newsroom, Open local library): later
    /// journals belong to @p libraryPath. Call before storyOpened() of its first story.
    void setLibraryPath(const QString &libraryPath);
    const RecoveryStore &store() const { return m_store; }

Q_SIGNALS:
    /// A journal could not be written or removed; @p error is a plain sentence. Emitted on the
    /// GUI thread, once until a write succeeds again.
    void writeFailed(const QString &error);

private:
    void snapshot();
    void onDone(const QString &path, const QString &error);

    QString m_libraryPath;
    std::function<const Story &()> m_onScreen;
    RecoveryStore m_store;
    std::unique_ptr<RecoverySession> m_session;
    std::unique_ptr<JournalWriter> m_writer;
    QTimer *m_timer;
    Story m_saved; ///< the library's version of the story on screen, as last opened or saved
    QString m_path;
    bool m_failing = false;
};

} // namespace galley
