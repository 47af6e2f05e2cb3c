// Sharing a draft with the desk (issue 10): on a newsroom library a reporter edits only their own
// drafts, unless they share one with the desk; then every reporter may. The server keeps the rule
// (docs/storage.md, "Roles"); the window offers the switch to those it lets use it.

#include "mainwindow.h"
#include "storage/storylibrary.h"

#include <QAction>
#include <QMessageBox>
#include <QStatusBar>

namespace galley {

void MainWindow::updateShareAction() {
    const bool onServer = m_library.isOnServer();
    m_shareAction->setVisible(onServer);
    if (!onServer || !m_hasStory) {
        m_shareAction->setEnabled(false);
        m_shareAction->setChecked(false);
        return;
    }
    const std::optional<StoryOwnership> ownership = m_library.ownership(currentStoryId());
    const LibraryPermissions allowed = m_library.permissions();
    // A story from before roles (no owner) is every reporter's already.
    const bool own = ownership && !ownership->owner.isEmpty() && ownership->owner == allowed.user;
    const bool may = ownership && !ownership->owner.isEmpty() &&
                     (own || allowed.everything || allowed.editor || allowed.producer);
    m_shareAction->setChecked(ownership && ownership->sharedWithDesk);
    m_shareAction->setEnabled(may);
    if (!ownership || ownership->owner.isEmpty())
        m_shareAction->setToolTip(tr("Every reporter of the desk may edit this story already."));
    else if (may)
        m_shareAction->setToolTip(tr("Let the other reporters of the desk edit this draft too."));
    else
        m_shareAction->setToolTip(tr("Only %1, an editor or a producer can share this draft.").arg(ownership->owner));
}

void MainWindow::shareWithDesk(bool shared) {
    if (!m_hasStory)
        return;
    QString error;
    if (!m_library.setSharedWithDesk(currentStoryId(), shared, &error)) {
        QMessageBox::warning(this, shared ? tr("Draft not shared") : tr("Draft still shared"), error);
        updateShareAction();
        return;
    }
    statusBar()->showMessage(shared ? tr("Shared with the desk: every reporter may edit this draft now.")
                                    : tr("No longer shared: only you, editors and producers may edit this draft."),
                             6000);
}

} // namespace galley
