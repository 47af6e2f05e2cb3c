// The window's side of edit locks (issue 10): a story opened for editing takes its lock; one that
// another desk holds opens read-only under the lock bar, with Take over; the lock is watched every
// LockPollMs (freed: Edit now; taken from this window: read-only, the text kept) and given back when
// the story leaves the screen.

#include "mainwindow.h"

#include "locks/lockbar.h"
#include "logging.h"
#include "recovery/journalkeeper.h"
#include "settings.h"
#include "storage/storylibrary.h"
#include "storyeditor.h"

#include <QMessageBox>
#include <QStatusBar>
#include <QTimer>

namespace galley {

QString MainWindow::lockHolderName() const {
    const QString name = m_settings->value(Settings::Key::UserName).toString().trimmed();
    const QString desk = m_settings->value(Settings::Key::DeskName).toString().trimmed();
    return desk.isEmpty() ? name : tr("%1 (%2)").arg(name, desk);
}

void MainWindow::setLockPollForTesting(int ms) {
    m_lockPoll->setInterval(ms);
}

void MainWindow::takeStoryLock() {
    m_readOnly = false;
    m_lockFreed = false;
    m_lockHolder.clear();
    m_editor->setReadOnly(false);
    m_lockBar->hide();
    if (!m_hasStory)
        return;
    QString error;
    std::optional<EditLock> heldBy;
    if (m_library.takeEditLock(currentStoryId(), lockHolderName(), m_session, &heldBy, &error)) {
        m_lockedStory = currentStoryId();
    } else if (heldBy) {
        becomeReadOnly(*heldBy, false);
    } else {
        // Editing goes on; the next save or lock check tries again.
        qCWarning(lcUi) << "Edit lock not taken:" << error;
        statusBar()->showMessage(tr("Other desks cannot see that you are editing this story: %1").arg(error), 10000);
    }
    m_lockPoll->start();
}

void MainWindow::releaseStoryLock() {
    if (m_lockedStory.isEmpty())
        return;
    const QString story = m_lockedStory;
    m_lockedStory.clear();
    QString error;
    if (!m_library.releaseEditLock(story, m_session, &error))
        qCWarning(lcUi) << "Edit lock not released:" << error; // it ends with this connection anyway
}

bool MainWindow::keepStoryLock(QString *error) {
    if (m_readOnly) {
        *error = tr("This story is open read-only. %1").arg(m_lockBar->text());
        return false;
    }
    QString problem;
    if (m_lockedStory == currentStoryId() && m_library.keepWorkingCopy(m_editor->story(), m_session, &problem))
        return true;
    if (!problem.isEmpty())
        return true; // not written (the library busy): the save says so if it fails too
    // The lock is not this session's (any more): whose is it?
    std::optional<EditLock> heldBy;
    if (m_library.takeEditLock(currentStoryId(), lockHolderName(), m_session, &heldBy, &problem)) {
        m_lockedStory = currentStoryId();
        m_library.keepWorkingCopy(m_editor->story(), m_session, &problem);
        return true;
    }
    if (!heldBy)
        return true;
    becomeReadOnly(*heldBy, true);
    *error = m_lockBar->text();
    return false;
}

void MainWindow::becomeReadOnly(const EditLock &lock, bool takenOver) {
    m_readOnly = true;
    m_lockedStory.clear();
    m_lockFreed = false;
    m_lockHolder = lock.holder;
    m_autosave->stop();
    m_autosaveDeadline->stop();
    if (takenOver) {
        m_lockBar->showTakenOver(lock.holder, lock.since);
        // What was typed since the last push stays in the recovery journal, offered at the next
        // start; the window no longer asks to save it.
        if (m_dirty)
            m_journal->writeNow();
        m_dirty = false;
        m_saveFailed = false;
    } else {
        m_lockBar->showHeldBy(lock.holder, lock.since);
    }
    m_editor->setReadOnly(true);
    updateTitle();
}

void MainWindow::checkEditLock() {
    if (!m_hasStory)
        return;
    QString error;
    const std::optional<EditLock> lock = m_library.editLock(currentStoryId(), &error);
    if (!error.isEmpty())
        return; // unreadable just now (a busy library, a dropped connection): the next tick tries again
    if (m_readOnly) {
        if (!lock) {
            if (!m_lockFreed)
                m_lockBar->showFreed(m_lockHolder);
            m_lockFreed = true;
        } else if (m_lockFreed || lock->holder != m_lockHolder) {
            becomeReadOnly(*lock, false);
        }
        return;
    }
    if (lock && lock->session != m_session)
        becomeReadOnly(*lock, true);
    else if (!lock || m_lockedStory != currentStoryId())
        takeStoryLock(); // lost with a dropped connection, or never taken: take it again
}

void MainWindow::takeOverStory() {
    if (!m_hasStory)
        return;
    const QString id = currentStoryId();
    const QString session = newId();
    QString error;
    std::optional<EditLock> previous;
    int revision = 0;
    if (!m_library.takeOverEditLock(id, lockHolderName(), session, &previous, &revision, &error)) {
        QMessageBox::warning(this, tr("Story not taken over"), error);
        return;
    }
    m_readOnly = false; // nothing of this window's to save: it was read-only
    m_dirty = false;
    m_hasStory = false; // openStory() keeps a story already on screen; this one changed in the library
    if (!openStoryAs(id, session))
        return;
    if (previous)
        statusBar()->showMessage(
            revision > 0 ? tr("You took over from %1 (revision %2 in the history).").arg(previous->holder).arg(revision)
                         : tr("You took over from %1.").arg(previous->holder),
            10000);
}

void MainWindow::editStoryNow() {
    if (!m_hasStory)
        return;
    const QString id = currentStoryId();
    m_readOnly = false;
    m_dirty = false;
    m_hasStory = false;
    openStoryAs(id, newId());
}

} // namespace galley
