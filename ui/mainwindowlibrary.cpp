// Changing the window's library (issue 10): File › Connect to newsroom… opens a library on a
// PostgreSQL server by its address, File › Open local library… a library file; both as --db does.

#include "mainwindow.h"

#include "checks/checkscontroller.h"
#include "connect/connectdialog.h"
#include "locks/lockbar.h"
#include "logging.h"
#include "recovery/journalkeeper.h"
#include "storage/serveraddress.h"
#include "storage/storylibrary.h"
#include "storyeditor.h"
#include "storylistpanel.h"

#include <QDir>
#include <QFileDialog>
#include <QMessageBox>
#include <QStatusBar>

namespace galley {

bool MainWindow::openLibrary(const QString &location, QString *error) {
    if (!saveBeforeLeaving(tr("Discard the changes since the last save and open the other library?"))) {
        *error = tr("The story on screen is not saved, so the other library was not opened.");
        return false;
    }
    // Tried on its own first: the library on screen stays open until the other one is known to open.
    {
        StoryLibrary trial;
        if (!trial.open(location, error))
            return false;
    }
    const QString previous = m_library.path();
    releaseStoryLock();
    m_lockPoll->stop();
    m_library.close();
    if (!m_library.open(location, error)) {
        QString again;
        if (!m_library.open(previous, &again))
            qCWarning(lcUi) << "Could not reopen" << previous << again;
        m_hasStory = false;
        if (m_library.isOpen())
            openInitialStory();
        return false;
    }
    qCInfo(lcUi) << "Opened library" << location;
    m_journal->setLibraryPath(m_library.path());
    m_checks->libraryOpened();
    m_hasStory = false;
    m_dirty = false;
    m_readOnly = false;
    m_editor->setReadOnly(false);
    m_lockBar->hide();
    m_list->reload();
    m_editor->setSections(m_library.sections());
    const QString first = m_list->firstStoryId();
    if (first.isEmpty() || !openStory(first)) {
        m_editor->setStory(Story());
        m_editor->setEnabled(false);
        updateShareAction();
        updateTitle();
        syncHistory();
    }
    statusBar()->showMessage(tr("Opened the library %1.").arg(isServerLocation(location) ? location
                                                                                         : QDir::toNativeSeparators(location)),
                             8000);
    return true;
}

void MainWindow::connectToNewsroom() {
    ConnectDialog dialog([this](const QString &address, QString *error) { return openLibrary(address, error); },
                         this);
    dialog.exec();
}

void MainWindow::openLocalLibrary() {
    const QString start = isServerLocation(m_library.path()) ? QFileInfo(StoryLibrary::defaultPath()).path()
                                                             : QFileInfo(m_library.path()).path();
    const QString path = QFileDialog::getOpenFileName(this, tr("Open local library"), start,
                                                      tr("Galley libraries (*.sqlite);;All files (*)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!openLibrary(path, &error))
        QMessageBox::warning(this, tr("Library not opened"), error);
}

} // namespace galley
