// Recovery at start (issue 13): the journals a crash or a kill left behind, offered back to the
// reporter. The journal itself is kept by MainWindow's JournalKeeper (see mainwindow.cpp).

#include "mainwindow.h"

#include "recovery/journalkeeper.h"
#include "recovery/recoveryscan.h"
#include "recoverydialog.h"
#include "storage/storylibrary.h"
#include "storylistpanel.h"

#include <QDir>
#include <QMessageBox>
#include <QStatusBar>

namespace galley {

void MainWindow::offerRecovery() {
    const RecoveryStore &store = m_journal->store();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    store.purge(now);
    QStringList notices;
    QString restoredId;
    const QList<RecoveryCase> cases = findRecoveries(store, m_library, m_journal->sessionId());
    for (const RecoveryCase &recovery : cases) {
        QString error;
        if (!recovery.needsAnswer()) {
            settleQuietly(recovery, store, &error);
            const QString notice = recoveryNotice(recovery, store);
            if (!notice.isEmpty())
                notices.append(notice);
            if (!error.isEmpty())
                notices.append(error);
            continue;
        }
        RecoveryDialog dialog(recovery, now, this);
        dialog.exec();
        switch (dialog.choice()) {
        case RecoveryDialog::Choice::Restore: {
            QString replaced;
            const std::optional<Story> restored =
                restoreRecovery(recovery, m_library, store, &error, &replaced);
            if (!restored) {
                QMessageBox::warning(this, tr("Text not restored"),
                                     tr("%1\n\nThe unsaved text is kept; Galley will offer it again at the "
                                        "next start.")
                                         .arg(error));
                break;
            }
            restoredId = restored->id;
            statusBar()->showMessage(
                replaced.isEmpty()
                    ? tr("Restored %1 as a new story.").arg(quotedHeadline(restored->headline))
                    : tr("Restored %1. The version saved before is kept in %2.")
                          .arg(quotedHeadline(restored->headline), QDir::toNativeSeparators(replaced)),
                15000);
            break;
        }
        case RecoveryDialog::Choice::Discard:
            if (!discardRecovery(recovery, store, &error))
                notices.append(error);
            break;
        case RecoveryDialog::Choice::Later:
            break;
        }
    }
    if (!restoredId.isEmpty())
        reloadStory(restoredId);
    if (notices.isEmpty())
        return;
    // Told, not asked: the window stays usable while the message is up.
    auto *box = new QMessageBox(QMessageBox::Information, tr("Recovery files"), notices.join(u"\n\n"_qs),
                                QMessageBox::Ok, this);
    box->setObjectName(u"recoveryNotice"_qs);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setModal(false);
    box->show();
}

void MainWindow::reloadStory(const QString &id) {
    m_list->reload();
    // openStory() keeps a story that is already on screen; this one changed in the library.
    if (id == currentStoryId() && !m_dirty)
        m_hasStory = false;
    openStory(id);
}

} // namespace galley
