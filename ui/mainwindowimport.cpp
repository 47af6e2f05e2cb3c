#include "mainwindow.h"

#include "editing/startfolder.h"
#include "import/importsource.h"
#include "model/slug.h"
#include "storage/storylibrary.h"
#include "storylistpanel.h"

#include <QFileDialog>
#include <QMessageBox>
#include <QStandardPaths>

namespace galley {

// File > Import: the import room reads and cleans the files and lets the editor review each
// result; the window only saves what was accepted.
void MainWindow::importFiles() {
    const QStringList paths = QFileDialog::getOpenFileNames(
        this, tr("Import stories"), startFolder(QStandardPaths::DocumentsLocation),
        importFileFilters().join(u";;"_qs));
    if (paths.isEmpty())
        return;
    addImportedStories(reviewImportAttempts(importPaths(paths), this));
}

int MainWindow::addImportedStories(const QList<Story> &stories) {
    QString lastId;
    int saved = 0;
    for (Story story : stories) {
        // An import may bring a slug the library already has: the copy gets "-2", "-3", ...
        if (!story.slug.isEmpty())
            story.slug = uniqueSlug(story.slug, [this, &story](const QString &slug) {
                return m_library.isSlugTaken(slug, story.id);
            });
        QString error;
        if (!m_library.save(story, &error)) {
            QMessageBox::warning(this, tr("Story not imported"), error);
            continue;
        }
        lastId = story.id;
        ++saved;
    }
    if (!lastId.isEmpty()) {
        m_list->reload();
        openStory(lastId);
    }
    return saved;
}

} // namespace galley
