#pragma once

#include "export/exportformat.h"
#include "import/importsource.h"
#include "model/story.h"

#include <QMainWindow>

class QAction;
class QDockWidget;
class QLabel;
class QMimeData;
class QSplitter;
class QTimer;

namespace galley {

class HistoryPanel;
class LibraryWatcher;
struct LibraryChange;
class LockBar;
class ChecksController;
class ChecksPanel;
class JournalKeeper;
class PaneToggles;
class PreviewPane;
class Settings;
class StoryEditor;
class StoryLibrary;
class StoryListPanel;
struct EditLock;

/// Galley's editor window: the story list, the story form and the live preview side by side.
///
/// Saving: Ctrl+S saves through StoryLibrary::save(); the story also saves itself a few seconds
/// after typing stops (AutosaveDelayMs), at the latest AutosaveLongestMs after the first unsaved
/// edit however long the typing goes on, before another story opens and before the window closes.
/// While the story has unsaved changes a JournalKeeper keeps a recovery journal of it (off the GUI
/// thread, about a second behind the typing), removed when the story saves; offerRecovery() deals
/// with the journals a crash or a kill left behind (mainwindowrecovery.cpp). A failed save
/// says why in plain words and leaves everything typed in the form, shows "Not saved" in the
/// status bar until a save succeeds and tries again every AutosaveRetryMs; the window will not
/// switch stories or close over unsaved text without asking.
///
/// Importing: story files (text, HTML, NITF) dropped anywhere on the window go to the import
/// review; pictures dropped on the body or the Pictures tab go to the story's pictures. A whole
/// story pasted into an empty story (no headline, deck or body) is reviewed like an import and
/// fills that story, keeping its id.
class MainWindow final : public QMainWindow {
    Q_OBJECT

public:
    /// Idle time after the last edit before the story saves itself, in milliseconds.
    static constexpr int AutosaveDelayMs = 3000;
    /// Longest time autosave lets unsaved edits wait while the typing goes on, in milliseconds.
    static constexpr int AutosaveLongestMs = 30000;
    /// While saving fails (library in use, disk full), how often autosave tries again, in ms.
    static constexpr int AutosaveRetryMs = 5000;
    /// How often the window looks at the story's edit lock (freed while read-only, taken over while
    /// editing), in milliseconds.
    static constexpr int LockPollMs = 3000;
    /// Longest wait for the editor's first paint before the preview starts anyway, in milliseconds.
    static constexpr int PreviewStartFallbackMs = 1000;

    /// @p library must be open and outlive the window.
    explicit MainWindow(StoryLibrary &library, QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Opens the story last worked on (from the settings) or else the newest one.
    void openInitialStory();
    /// Saves the story on screen first, then shows story @p id. False when the current story
    /// could not be saved (the user chose to stay) or @p id cannot be loaded.
    bool openStory(const QString &id);
    /// Saves the story on screen now if it has unsaved changes. On failure shows the reason
    /// (unless @p quiet, used by autosave, which puts it in the status bar) and returns false.
    bool saveStory(bool quiet = false);

    /// Writes the story on screen (saved or not) as a folder named after its slug inside
    /// @p parentFolder, in @p format (the page, or NITF / ninjs for partners, exportStory());
    /// returns that folder, or empty with @p error set.
    QString exportToFolder(const QString &parentFolder, QString *error,
                           ExportFormat format = ExportFormat::Html);
    /// Exports as exportToFolder() and tells the user in a message box: where the page is, and
    /// each exportWarnings() problem (an embargo still running, empty headline, missing picture,
    /// no alt text) to fix before it is published; or why nothing was exported.
    void exportCurrentTo(const QString &parentFolder, ExportFormat format = ExportFormat::Html);

    /// Saves each story in @p stories (slugs made unique by the library) and opens the last one.
    /// Returns how many were saved; a failure is shown in a message box.
    int addImportedStories(const QList<Story> &stories);
    /// Reads @p paths and shows the import review for each, as File > Import does, once the event
    /// loop runs (`galley FILE...`: a wire file opened from a file manager); then saves and opens
    /// what the user accepted. A file that cannot be imported is explained in a message box.
    void reviewFiles(const QStringList &paths);

    /// At start, once the window shows: reads the recovery journals a crash or a kill left behind
    /// (RecoveryStore, findRecoveries()), asks about each one holding unsaved text (RecoveryDialog:
    /// Restore, Show differences, Discard), sets aside or removes those that need no answer and
    /// tells about the damaged, out-of-date and other-library ones in one message that does not
    /// block the window. Purges set-aside files past their keeping time first.
    void offerRecovery();
    /// The window's journal keeper (tests and benchmarks).
    JournalKeeper *journalKeeper() const { return m_journal; }
    /// Changes AutosaveDelayMs and AutosaveLongestMs (tests).
    void setAutosaveDelaysForTesting(int idleMs, int longestMs);
    /// Changes LockPollMs (tests).
    void setLockPollForTesting(int ms);

    /// True while the story on screen is open read-only: another desk holds its edit lock, or took
    /// it over from this window (see lockBar()).
    bool isReadOnly() const { return m_readOnly; }
    /// The bar above the story saying who holds its edit lock, with Take over / Edit now.
    LockBar *lockBar() const { return m_lockBar; }
    /// The name this window's edit locks show: the user's name (Settings::Key::UserName), with the
    /// desk (Settings::Key::DeskName) in brackets when one is set: "Ana Ruiz (Sport desk)".
    QString lockHolderName() const;
    /// Looks at the story's edit lock now, as the LockPollMs timer does (tests).
    void checkEditLock();

    /// Opens the library at @p location (a file, or a postgresql:// address) in this window in place
    /// of the one on screen, as --db would: the story on screen is saved first, its lock given
    /// back, and the other library's newest story shown. The library on screen stays open when the
    /// other cannot be opened: false with @p error a plain sentence (mainwindowlibrary.cpp).
    bool openLibrary(const QString &location, QString *error);

    QString currentStoryId() const;
    bool hasUnsavedChanges() const { return m_dirty; }

    StoryEditor *storyEditor() const { return m_editor; }
    PreviewPane *previewPane() const { return m_preview; }
    StoryListPanel *storyList() const { return m_list; }
    HistoryPanel *historyPanel() const { return m_history; }
    /// Saves the story on screen and shows the History panel with its revisions (View › History).
    void showHistory();
    ChecksPanel *checksPanel() const { return m_checksPanel; }
    /// What tells the window about other desks' changes and keeps a server library connected
    /// (mainwindowlive.cpp).
    LibraryWatcher *libraryWatcher() const { return m_watcher; }
    ChecksController *checks() const { return m_checks; }

protected:
    void closeEvent(QCloseEvent *event) override;
    /// Sees drags and drops on every widget of this window first: story files are taken for the
    /// import review wherever they land; everything else goes on to the widget as usual.
    bool eventFilter(QObject *watched, QEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void createMenus();
    /// File › Connect to newsroom…: the ConnectDialog, opening through openLibrary().
    void connectToNewsroom();
    /// File › Open local library…: a library file chosen in a file dialog, through openLibrary().
    void openLocalLibrary();
    /// openStory() with the editing session @p session (one that may already hold the lock, after
    /// a take-over).
    bool openStoryAs(const QString &id, const QString &session);
    /// Edit locks (mainwindowlocks.cpp): takes the lock of the story just opened, or opens it
    /// read-only when another desk holds it.
    void takeStoryLock();
    /// Gives back the lock of the story on screen, if this window holds it.
    void releaseStoryLock();
    /// Before a save: keeps the working copy with the lock (for a take-over) and makes sure the
    /// lock is still this window's; false with @p error when another desk took it over (the story
    /// then turns read-only, its text kept on screen and in the recovery journal).
    bool keepStoryLock(QString *error);
    /// The story on screen turns read-only because another desk holds @p lock; @p takenOver when
    /// it was taken from this window.
    void becomeReadOnly(const EditLock &lock, bool takenOver);
    /// After a refused save: true when the story was saved elsewhere since it was loaded; the
    /// ConflictDialog then comes up once the failed save has returned (mainwindowconflict.cpp).
    bool noticeConflict();
    /// The ConflictDialog for the story on screen, and what the user chose.
    void resolveConflict();
    /// Lock bar › Take over.
    void takeOverStory();
    /// Lock bar › Edit now: the story again as the library has it, editable.
    void editStoryNow();
    /// File › Share draft with the desk (mainwindowshare.cpp): on a newsroom library, lets the other
    /// reporters edit the draft on screen too (@p shared), or stops that; the server decides who
    /// may, and a refusal is shown in its plain words with the check mark put back.
    void shareWithDesk(bool shared);
    /// Shows the share action on a newsroom library only, checked as the story on screen is shared,
    /// enabled for its reporter, editors and producers.
    void updateShareAction();

    void onEdited();
    void newStory();
    void duplicateStory();
    void deleteStory();
    /// File › Export as web page / Export as › NITF, ninjs: asks for the folder, then exportCurrentTo().
    void exportCurrent(ExportFormat format);
    /// File › Site address for web pages…: asks for the site base URL (Settings::Key::SiteBaseUrl)
    /// that exported pages build their canonical and social links from; a bad address is refused
    /// with the reason and asked again.
    void chooseSiteBaseUrl();
    void importFiles();
    /// Reviews @p attempts once the current event (a drop, a paste) has finished, then saves and
    /// opens what was accepted.
    void reviewLater(const QList<ImportAttempt> &attempts);
    /// The body's paste hook: true (and the review started) when @p mime holds a whole story and
    /// the story on screen is empty.
    bool pasteWholeStory(const QMimeData *mime);
    /// Puts the first of @p stories into the story on screen, keeping its id and creation time.
    void fillCurrentStory(const QString &id, const QList<Story> &stories);
    void showAbout();
    /// View › Trash: the deleted stories; one restored opens.
    void showTrash();
    void printToPdf();
    /// Starts the preview (WebEngine) once the editor has painted, so the form is there to type
    /// into while Chromium starts; after PreviewStartFallbackMs at the latest.
    void startPreviewAfterFirstPaint();
    /// With GALLEY_TIMING set (benchmarks): prints "galley-timing editable <ms>" when the body
    /// editor has first painted a story and "galley-timing preview <ms>" when the preview has first
    /// painted it, in milliseconds since the Unix epoch, to standard error.
    void reportStartupTimes();
    void updateTitle();
    /// Saves the story on screen if needed, as a revision signed with the user's name; @p autosave
    /// folds it into this session's open revision (see SaveOptions). False with @p error when the
    /// library refused.
    bool writeStory(QString *error, bool autosave = false);
    /// Saves before the story leaves the screen; when that fails, shows why and asks whether to
    /// discard the changes (@p consequence says what happens then). True when it is fine to go on.
    bool saveBeforeLeaving(const QString &consequence);
    /// Shows story @p id again as the library has it (after a Restore changed it there).
    void reloadStory(const QString &id);
    /// Live updates (mainwindowlive.cpp): starts the LibraryWatcher and puts the bar that says a
    /// story was saved on another desk above the form.
    void createLiveUpdates();
    /// Other desks changed @p changes: the list is read again (keeping selection and scroll), the
    /// story on screen too when it is among them.
    void onStoriesChanged(const QList<LibraryChange> &changes);
    /// Something changed, which stories is not known (a file, a reconnect): list and story again.
    void onLibraryChanged();
    /// Reads the story on screen again: replaced in place (cursor and scroll kept) when it has no
    /// unsaved edits here, else left alone with the bar saying another desk saved it.
    void refreshOpenStory();
    /// The story on screen is the library's again (opened, saved, refreshed): the bar goes.
    void liveStoryShown();
    void onConnectionLost(const QString &sentence);
    void onReconnected();
    /// The status bar's reconnecting note and "Not saved" wording, from the watcher's state.
    void updateLiveState();

    /// The History dock (mainwindowhistory.cpp), hidden until View › History.
    void createHistoryPanel();
    /// Shows the story on screen in the History panel when it is visible.
    void syncHistory();
    /// Gives the preview the History panel's change marks (none while the panel is hidden).
    void updatePreviewMarks();

    StoryLibrary &m_library;
    Settings *m_settings;
    StoryListPanel *m_list;
    StoryEditor *m_editor;
    PreviewPane *m_preview;
    QSplitter *m_splitter;
    QTimer *m_autosave;
    QTimer *m_autosaveDeadline; ///< AutosaveLongestMs after the first unsaved edit
    JournalKeeper *m_journal;
    int m_autosaveIdleMs = AutosaveDelayMs;
    QLabel *m_wordCount;
    QLabel *m_textStats; ///< characters and reading time of the body, or of the selection
    ChecksPanel *m_checksPanel;
    ChecksController *m_checks;
    QLabel *m_notSaved;
    Story m_base; ///< the story on screen as last loaded or saved: the base of a merge
    bool m_conflictPending = false;
    LockBar *m_lockBar;
    QTimer *m_lockPoll;
    bool m_readOnly = false;
    /// The story whose edit lock this window holds, for m_session; empty when none. Kept apart from
    /// the story on screen, which a reload forgets for a moment (m_hasStory false).
    QString m_lockedStory;
    bool m_lockFreed = false; ///< read-only, and the holder has let the lock go
    QString m_lockHolder;     ///< read-only: who holds the lock
    bool m_dirty = false;
    QString m_session; ///< a fresh id each time a story is opened: its autosaves fold together
    bool m_saveFailed = false; ///< the last save of the story on screen failed
    bool m_hasStory = false;
    QAction *m_deleteAction = nullptr;
    QAction *m_shareAction = nullptr;
    bool m_previewStarted = false;
    HistoryPanel *m_history = nullptr;
    QDockWidget *m_historyDock = nullptr;
    PaneToggles *m_paneToggles = nullptr;
    LibraryWatcher *m_watcher = nullptr;
    QLabel *m_changedBar = nullptr;   ///< "Saved on another desk at 10:42 — your changes are kept…"
    QLabel *m_reconnecting = nullptr; ///< status bar: "Reconnecting to the newsroom…"
};

} // namespace galley
