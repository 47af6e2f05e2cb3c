#include "mainwindow.h"

#include "bodyeditor.h"
#include "checks/checkscontroller.h"
#include "editing/pastesanitizer.h"
#include "editing/startfolder.h"
#include "imagepanel.h"
#include "import/importsource.h"
#include "model/slug.h"
#include "preview/previewpane.h"
#include "storage/storylibrary.h"
#include "storage/storyversions.h"
#include "storyeditor.h"
#include "settings.h"
#include "storylistpanel.h"

#include <QApplication>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QMimeData>
#include <QStandardPaths>
#include <QTimer>

namespace galley {

namespace {

// The picture formats the picture panel takes (editing/imageimport.h), by file name: a drag
// only carries names, and the panel itself checks the content when the files arrive.
bool isPictureFile(const QString &path) {
    static const QStringList suffixes{u"jpg"_qs, u"jpeg"_qs, u"png"_qs, u"webp"_qs, u"gif"_qs};
    return suffixes.contains(QFileInfo(path).suffix().toLower());
}

struct DroppedFiles {
    QStringList stories;
    QStringList pictures;
};

DroppedFiles droppedFiles(const QMimeData *mime) {
    DroppedFiles files;
    if (!mime || !mime->hasUrls())
        return files;
    for (const QUrl &url : mime->urls()) {
        if (!url.isLocalFile())
            continue;
        const QString path = url.toLocalFile();
        (isPictureFile(path) ? files.pictures : files.stories).append(path);
    }
    return files;
}

// The body and the picture panel take pictures themselves.
bool takesPictures(QWidget *widget) {
    for (QWidget *w = widget; w; w = w->parentWidget())
        if (qobject_cast<BodyEditor *>(w) || qobject_cast<ImagePanel *>(w))
            return true;
    return false;
}

/// The review's question "update the story already here?": the library's earlier version of an
/// imported story, saved first when it is the story on screen so the update starts from the desk's
/// latest text.
EarlierVersionFinder earlierVersions(MainWindow *window, StoryLibrary &library) {
    return [window, &library](const Story &incoming) -> std::optional<Story> {
        const QString id = earlierVersionId(library, incoming.metadata);
        if (id.isEmpty())
            return std::nullopt;
        if (id == window->currentStoryId() && window->hasUnsavedChanges() && !window->saveStory())
            return std::nullopt;
        return library.load(id, nullptr);
    };
}

} // namespace

// File > Import: the import room reads and cleans the files and lets the editor review each
// result; the window only saves what was accepted.
void MainWindow::importFiles() {
    const QStringList paths = QFileDialog::getOpenFileNames(this, tr("Import stories"),
                                                            startFolder(QStandardPaths::DocumentsLocation),
                                                            importFileFilters().join(u";;"_qs));
    if (paths.isEmpty())
        return;
    addImportedStories(reviewImportAttempts(importPaths(paths), this, earlierVersions(this, m_library)));
}

int MainWindow::addImportedStories(const QList<Story> &stories) {
    QString lastId;
    int saved = 0;
    bool replacedOnScreen = false;
    for (Story story : stories) {
        // An import may bring a slug the library already has: the copy gets "-2", "-3", ...
        if (!story.slug.isEmpty())
            story.slug = uniqueSlug(story.slug, [this, &story](const QString &slug) {
                return m_library.isSlugTaken(slug, story.id);
            });
        QString error;
        SaveOptions options;
        options.author = m_settings->value(Settings::Key::UserName).toString();
        options.kind = RevisionKind::Import;
        if (!m_library.save(story, options, &error)) {
            QMessageBox::warning(this, tr("Story not imported"), error);
            continue;
        }
        lastId = story.id;
        replacedOnScreen = replacedOnScreen || (m_hasStory && story.id == currentStoryId());
        ++saved;
    }
    if (!lastId.isEmpty()) {
        m_list->reload();
        if (replacedOnScreen) {
            // A later wire version replaced the story on screen (saved just before the review):
            // show the library's version, not the older one still in the form.
            m_dirty = false;
            m_hasStory = false;
        }
        openStory(lastId);
    }
    return saved;
}

void MainWindow::reviewFiles(const QStringList &paths) {
    // The preview starts first: starting WebEngine gives this window a new native window, which
    // would cover a review already on screen where no window manager keeps dialogs above.
    m_preview->start();
    // Read once the window is up, so it shows before a large file is read.
    QTimer::singleShot(0, this, [this, paths] {
        addImportedStories(reviewImportAttempts(importPaths(paths), this, earlierVersions(this, m_library)));
    });
}

void MainWindow::reviewLater(const QList<ImportAttempt> &attempts) {
    // A modal dialog inside a drop or paste handler would run while the drag or the clipboard
    // still waits for an answer; the attempts already hold everything that was read.
    QTimer::singleShot(0, this, [this, attempts] {
        addImportedStories(reviewImportAttempts(attempts, this, earlierVersions(this, m_library)));
    });
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event) {
    const QEvent::Type type = event->type();
    if (type != QEvent::DragEnter && type != QEvent::DragMove && type != QEvent::Drop)
        return QMainWindow::eventFilter(watched, event);
    auto *widget = qobject_cast<QWidget *>(watched);
    if (!widget || widget->window() != this)
        return QMainWindow::eventFilter(watched, event);
    // QDragEnterEvent and QDragMoveEvent are QDropEvents.
    auto *drop = static_cast<QDropEvent *>(event);
    const DroppedFiles files = droppedFiles(drop->mimeData());
    if (files.stories.isEmpty()) {
        if (files.pictures.isEmpty() || takesPictures(widget))
            return QMainWindow::eventFilter(watched, event);
        // Pictures anywhere else would land as file paths in a text field.
        drop->ignore();
        return true;
    }
    drop->acceptProposedAction();
    if (type == QEvent::Drop)
        reviewLater(importPaths(files.stories));
    return true;
}

bool MainWindow::pasteWholeStory(const QMimeData *mime) {
    if (!m_hasStory || !mime)
        return false;
    const Story &current = m_editor->story();
    if (!current.headline.trimmed().isEmpty() || !current.deck.trimmed().isEmpty() ||
        !current.bodyPlainText().trimmed().isEmpty())
        return false;
    if (!isWholeStoryPaste(mime->hasHtml() ? mime->html() : QString(), mime->text()))
        return false;
    const QList<ImportAttempt> attempts = importMimeData(mime);
    QTimer::singleShot(0, this, [this, attempts, id = current.id] {
        fillCurrentStory(id, reviewImportAttempts(attempts, this));
    });
    return true;
}

void MainWindow::fillCurrentStory(const QString &id, const QList<Story> &stories) {
    if (stories.isEmpty() || !m_hasStory || currentStoryId() != id)
        return;
    const Story &current = m_editor->story();
    Story story = stories.first();
    story.id = current.id;
    story.created = current.created;
    story.updated = current.updated;
    if (!story.slug.isEmpty())
        story.slug = uniqueSlug(story.slug, [this, &story](const QString &slug) {
            return m_library.isSlugTaken(slug, story.id);
        });
    m_editor->setStory(story);
    m_checks->storyShown();
    onEdited();
}

} // namespace galley
