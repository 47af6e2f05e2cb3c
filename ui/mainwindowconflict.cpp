// No silent overwrite, in the window (issue 10): a save refused because the story was saved
// elsewhere since it was loaded shows the other desk's changes (ConflictDialog) and lets the user
// merge them into their text or keep theirs as a new revision over them. Nothing typed is lost
// whatever the answer: "Decide later" leaves the text in the editor, unsaved.

#include "mainwindow.h"

#include "conflict/conflictdialog.h"
#include "history/storymerge.h"
#include "preview/previewpane.h"
#include "storage/storylibrary.h"
#include "storyeditor.h"

#include <QStatusBar>
#include <QTimer>

namespace galley {

bool MainWindow::noticeConflict() {
    if (!m_hasStory || m_readOnly)
        return false;
    QString error;
    const std::optional<Story> stored = m_library.load(currentStoryId(), &error);
    if (!stored || stored->updated == m_editor->story().updated)
        return false;
    m_autosave->stop(); // retrying cannot help: the user decides
    m_autosaveDeadline->stop();
    if (!m_conflictPending) {
        m_conflictPending = true;
        QTimer::singleShot(0, this, &MainWindow::resolveConflict); // after the save that failed returns
    }
    return true;
}

void MainWindow::resolveConflict() {
    m_conflictPending = false;
    if (!m_hasStory || m_readOnly || !m_dirty)
        return;
    QString error;
    const std::optional<Story> theirs = m_library.load(currentStoryId(), &error);
    if (!theirs || theirs->updated == m_editor->story().updated)
        return;
    ConflictDialog dialog(m_base, *theirs, this);
    dialog.exec();
    if (dialog.choice() == ConflictDialog::Choice::Later) {
        statusBar()->showMessage(tr("Not saved: another desk saved this story meanwhile. Save again to choose."));
        return;
    }
    QString told;
    if (dialog.choice() == ConflictDialog::Choice::Merge) {
        const StoryMerge merge = mergeStories(m_base, m_editor->story(), *theirs);
        m_editor->setStory(merge.story);
        m_preview->showStory(m_editor->story());
        told = merge.keptMine.isEmpty()
                   ? tr("Their changes are merged into yours.")
                   : tr("Their changes are merged into yours; you both changed %1, where yours was kept.")
                         .arg(merge.keptMine.join(u", "_qs));
    } else {
        Story over = m_editor->story();
        over.updated = theirs->updated; // saves over their version, which stays in the history
        m_editor->markSaved(over);
        told = tr("Your text is saved over theirs; theirs is in the History.");
    }
    m_base = *theirs;
    m_dirty = true;
    if (saveStory())
        statusBar()->showMessage(told, 10000);
}

} // namespace galley
