// The window's History panel (issue 9): a dock beside the preview, View › History.

#include "mainwindow.h"

#include "history/historypanel.h"
#include "locks/lockbar.h"
#include "preview/previewpane.h"
#include "settings.h"

#include <QDockWidget>
#include <QMessageBox>

namespace galley {

void MainWindow::createHistoryPanel() {
    m_history = new HistoryPanel(m_library, this);
    m_historyDock = new QDockWidget(tr("History"), this);
    m_historyDock->setObjectName(u"historyDock"_qs);
    m_historyDock->setWidget(m_history);
    addDockWidget(Qt::RightDockWidgetArea, m_historyDock);
    m_historyDock->hide();

    // The panel writes revisions itself: what is on screen is saved first, shown again after.
    connect(m_history, &HistoryPanel::aboutToChange, this,
            [this](const QString &id, bool *ok) {
                if (id == currentStoryId() && m_readOnly) {
                    // Another desk holds the story: changing it from here would be refused anyway.
                    QMessageBox::information(this, tr("Story is read-only"), m_lockBar->text());
                    *ok = false;
                    return;
                }
                *ok = id != currentStoryId() || saveStory();
            });
    connect(m_history, &HistoryPanel::storyChanged, this, [this](const QString &id) { reloadStory(id); });
    connect(m_history, &HistoryPanel::previewMarksChanged, this, &MainWindow::updatePreviewMarks);
    connect(m_historyDock, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        if (visible)
            syncHistory();
        updatePreviewMarks();
    });
}

void MainWindow::showHistory() {
    saveStory();
    m_historyDock->show();
    m_historyDock->raise();
    syncHistory();
}

void MainWindow::syncHistory() {
    if (!m_historyDock || !m_historyDock->isVisible())
        return;
    m_history->setUserName(m_settings->value(Settings::Key::UserName).toString());
    const QString id = currentStoryId();
    if (id == m_history->storyId())
        m_history->refresh();
    else
        m_history->setStory(id);
}

void MainWindow::updatePreviewMarks() {
    if (!m_historyDock)
        return;
    const QJsonArray marks = m_historyDock->isVisible() ? m_history->previewMarks() : QJsonArray();
    // Setting no marks when none are shown would render the whole page again for nothing.
    if (!marks.isEmpty() || m_preview->showsChangeMarks())
        m_preview->setChangeMarks(marks);
}

} // namespace galley
