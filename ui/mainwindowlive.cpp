// Live updates and reconnecting (issue 10): another desk's save shows in the list and in the story
// on screen; a server library that lost its connection reconnects by itself while the text waits.

#include "mainwindow.h"

#include "checks/checkscontroller.h"
#include "preview/previewpane.h"
#include "recovery/journalkeeper.h"
#include "storage/librarywatcher.h"
#include "storage/storylibrary.h"
#include "bodyeditor.h"
#include "logging.h"
#include "storyeditor.h"
#include "storylistpanel.h"

#include <QLabel>
#include <QScrollArea>
#include <QScrollBar>
#include <QSplitter>
#include <QStatusBar>
#include <QTextCursor>
#include <QVBoxLayout>

#include <algorithm>

namespace galley {

void MainWindow::createLiveUpdates() {
    m_watcher = new LibraryWatcher(m_library, this);

    // The bar sits above the form, inside the splitter's middle pane, so it never covers text.
    auto *editorScroll = findChild<QScrollArea *>(u"editorScroll"_qs);
    const int index = m_splitter->indexOf(editorScroll);
    auto *pane = new QWidget(this);
    pane->setObjectName(u"editorPane"_qs);
    auto *layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    m_changedBar = new QLabel(pane);
    m_changedBar->setObjectName(u"changedElsewhereBar"_qs);
    m_changedBar->setWordWrap(true);
    m_changedBar->setTextFormat(Qt::PlainText);
    m_changedBar->setStyleSheet(
        u"QLabel { background: #fff4ce; color: #3b2f00; border-bottom: 1px solid #e0c96b; padding: 6px 10px; }"_qs);
    m_changedBar->hide();
    layout->addWidget(m_changedBar);
    m_splitter->replaceWidget(index, pane);
    layout->addWidget(editorScroll, 1);
    pane->setMinimumWidth(editorScroll->minimumWidth());

    m_reconnecting = new QLabel(tr("Reconnecting to the newsroom…"), this);
    m_reconnecting->setObjectName(u"reconnectingLabel"_qs);
    m_reconnecting->setStyleSheet(u"color: #8c1d18; font-weight: bold;"_qs);
    m_reconnecting->hide();
    statusBar()->insertPermanentWidget(0, m_reconnecting);

    connect(m_watcher, &LibraryWatcher::storiesChanged, this, &MainWindow::onStoriesChanged);
    connect(m_watcher, &LibraryWatcher::libraryChanged, this, &MainWindow::onLibraryChanged);
    connect(m_watcher, &LibraryWatcher::connectionLost, this, &MainWindow::onConnectionLost);
    connect(m_watcher, &LibraryWatcher::reconnected, this, &MainWindow::onReconnected);
    QString error;
    if (!m_watcher->start(&error))
        qCWarning(lcUi) << "Other desks' changes will not show by themselves:" << error;
}

void MainWindow::onStoriesChanged(const QList<LibraryChange> &changes) {
    // Locks change no row of the list (the window's lock view reads them itself).
    const bool listed = std::any_of(changes.cbegin(), changes.cend(), [](const LibraryChange &change) {
        return change.kind != LibraryChange::Kind::Locked && change.kind != LibraryChange::Kind::Unlocked;
    });
    if (listed)
        m_list->refresh();
    const QString open = currentStoryId();
    const bool openChanged = std::any_of(changes.cbegin(), changes.cend(), [&open](const LibraryChange &change) {
        return change.storyId == open && change.kind != LibraryChange::Kind::Locked &&
               change.kind != LibraryChange::Kind::Unlocked;
    });
    if (openChanged)
        refreshOpenStory();
}

void MainWindow::onLibraryChanged() {
    if (!m_library.isOpen())
        return;
    m_list->refresh();
    refreshOpenStory();
}

void MainWindow::refreshOpenStory() {
    if (!m_hasStory || !m_library.isOpen())
        return;
    const Story &shown = m_editor->story();
    QString error;
    const std::optional<Story> story = m_library.load(shown.id, &error);
    if (!story) {
        // Trashed or deleted on another desk: what is on screen stays, to be saved again or copied.
        if (!m_library.isConnectionLost()) {
            m_changedBar->setText(tr("This story was deleted on another desk; what you see is kept here until you "
                                     "open another story."));
            m_changedBar->show();
        }
        return;
    }
    if (story->updated == shown.updated)
        return; // our own save, or nothing new
    if (m_dirty) {
        m_changedBar->setText(tr("Saved on another desk at %1 — your changes are kept; saving will ask how to merge.")
                                  .arg(story->updated.toLocalTime().toString(u"HH:mm"_qs)));
        m_changedBar->show();
        return;
    }
    // In place: the cursor stays where it was (as near as the new text allows), the form where it was scrolled.
    auto *editorScroll = findChild<QScrollArea *>(u"editorScroll"_qs);
    const int scroll = editorScroll->verticalScrollBar()->value();
    BodyEditor *body = m_editor->bodyEditor();
    const int bodyScroll = body->verticalScrollBar()->value();
    const int anchor = body->textCursor().anchor();
    const int position = body->textCursor().position();
    m_editor->setStory(*story);
    const int end = std::max(0, body->document()->characterCount() - 1);
    QTextCursor cursor(body->document());
    cursor.setPosition(std::min(anchor, end));
    cursor.setPosition(std::min(position, end), QTextCursor::KeepAnchor);
    body->setTextCursor(cursor);
    body->verticalScrollBar()->setValue(bodyScroll);
    editorScroll->verticalScrollBar()->setValue(scroll);
    m_checks->storyShown();
    m_journal->storyOpened(*story);
    m_preview->showStory(m_editor->story());
    liveStoryShown();
    statusBar()->showMessage(tr("Updated with another desk's save of %1.")
                                 .arg(story->updated.toLocalTime().toString(u"HH:mm"_qs)),
                             5000);
    updateTitle();
    syncHistory();
}

void MainWindow::liveStoryShown() {
    if (m_changedBar)
        m_changedBar->hide();
}

void MainWindow::onConnectionLost(const QString &sentence) {
    m_autosave->stop();
    m_autosaveDeadline->stop();
    if (m_dirty)
        m_saveFailed = true;
    m_notSaved->setToolTip(sentence);
    statusBar()->showMessage(sentence, 10000);
    updateTitle();
}

void MainWindow::onReconnected() {
    statusBar()->showMessage(tr("Connected to the newsroom again."), 5000);
    // The lock belonged to the old connection, so other desks now see it free: take it again (or
    // turn read-only, keeping the text, when another desk took the story meanwhile).
    if (m_hasStory && !m_readOnly)
        takeStoryLock();
    updateTitle();
    // The queued save lands now; libraryChanged() follows and reads the list and the story again.
    if (m_dirty)
        saveStory(true);
}

void MainWindow::updateLiveState() {
    if (!m_watcher)
        return;
    const bool away = !m_watcher->isConnected();
    m_notSaved->setText(away ? tr("Not saved — reconnecting to the newsroom") : tr("Not saved"));
    // While away every unsaved edit waits for the connection, tried or not.
    if (away && m_dirty)
        m_notSaved->setVisible(true);
    m_reconnecting->setVisible(away && !m_dirty);
}

} // namespace galley
