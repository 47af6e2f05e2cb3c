#include "mainwindow.h"

#include "bodyeditor.h"
#include "checks/checkscontroller.h"
#include "checks/checkspanel.h"
#include "checks/findingmarks.h"
#include "find/findbar.h"
#include "icons.h"
#include "imagepanel.h"
#include "locks/lockbar.h"
#include "import/importsource.h"
#include "logging.h"
#include "notes/notespanel.h"
#include "preview/previewpane.h"
#include "quotetyping.h"
#include "recovery/journalkeeper.h"
#include "settings.h"
#include "storage/librarywatcher.h"
#include "storage/storylibrary.h"
#include "storyeditor.h"
#include "storyform.h"
#include "storylistpanel.h"
#include "trash/trashdialog.h"
#include "window/panetoggles.h"
#include "window/windowshortcuts.h"

#include <algorithm>

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QJsonArray>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QStatusBar>
#include <QTextEdit>
#include <QTimer>
#include <QVBoxLayout>

namespace galley {

MainWindow::MainWindow(StoryLibrary &library, QWidget *parent)
    : QMainWindow(parent)
    , m_library(library)
    , m_settings(new Settings)
    , m_list(new StoryListPanel(library, this))
    , m_editor(new StoryEditor(this))
    , m_preview(new PreviewPane(this))
    , m_splitter(new QSplitter(Qt::Horizontal, this))
    , m_autosave(new QTimer(this))
    , m_autosaveDeadline(new QTimer(this))
    , m_journal(new JournalKeeper(
          library.path(), [this]() -> const Story & { return m_editor->story(); },
          RecoveryStore(m_settings->value(Settings::Key::RecoveryFolder).toString()), this))
    , m_wordCount(new QLabel(this))
    , m_textStats(new QLabel(this))
    , m_checksPanel(new ChecksPanel(this))
    , m_checks(new ChecksController(library, m_editor, m_checksPanel, m_textStats, this))
    , m_notSaved(new QLabel(tr("Not saved"), this))
    , m_lockBar(new LockBar(this))
    , m_lockPoll(new QTimer(this)) {
    setObjectName(u"mainWindow"_qs);
    setWindowIcon(QIcon(u":/galley/icons/galley.svg"_qs));
    m_splitter->setObjectName(u"mainSplitter"_qs);
    m_splitter->addWidget(m_list);
    // On a small screen the form scrolls instead of squashing its fields.
    auto *editorScroll = new QScrollArea(this);
    editorScroll->setObjectName(u"editorScroll"_qs);
    editorScroll->setWidgetResizable(true);
    editorScroll->setFrameShape(QFrame::NoFrame);
    editorScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    editorScroll->setWidget(m_editor);
    m_splitter->addWidget(editorScroll);
    m_splitter->addWidget(m_preview);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 3);
    m_splitter->setStretchFactor(2, 3);
    m_splitter->setSizes({270, 700, 530});
    // 800 pixels wide hold all three (issue 14): the list, the form at its narrowest, a phone page.
    m_list->setMinimumWidth(160);
    editorScroll->setMinimumWidth(390);
    // The lock bar spans the window above the three panes: it is about the whole story.
    auto *central = new QWidget(this);
    auto *centralLayout = new QVBoxLayout(central);
    centralLayout->setContentsMargins(0, 0, 0, 0);
    centralLayout->setSpacing(0);
    centralLayout->addWidget(m_lockBar);
    centralLayout->addWidget(m_splitter, 1);
    setCentralWidget(central);
    m_lockPoll->setInterval(LockPollMs);
    connect(m_lockPoll, &QTimer::timeout, this, &MainWindow::checkEditLock);
    connect(m_lockBar, &LockBar::takeOverRequested, this, &MainWindow::takeOverStory);
    connect(m_lockBar, &LockBar::editRequested, this, &MainWindow::editStoryNow);
    m_wordCount->setObjectName(u"wordCount"_qs);
    // A label of fixed size asks for no new layout when a new word changes the count (Qt skips
    // updateGeometry() for a widget fixed in both directions), so typing never lays out the main
    // window again (issue 8's keystroke budget).
    m_wordCount->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_wordCount->setText(tr("%1 words").arg(999999));
    m_wordCount->setFixedSize(m_wordCount->sizeHint());
    m_wordCount->clear();
    // Stays until a save succeeds: the status bar's messages come and go, this must not.
    m_notSaved->setObjectName(u"notSavedLabel"_qs);
    m_notSaved->setStyleSheet(u"color: #8c1d18; font-weight: bold;"_qs);
    m_notSaved->setVisible(false);
    statusBar()->addPermanentWidget(m_notSaved);
    statusBar()->addPermanentWidget(m_textStats);
    statusBar()->addPermanentWidget(m_wordCount);
    m_textStats->setObjectName(u"textStats"_qs);
    // The copy desk's findings sit under the editor and the preview, where they leave both wide.
    auto *checksDock = new QDockWidget(tr("Checks"), this);
    checksDock->setObjectName(u"checksDock"_qs);
    checksDock->setWidget(m_checksPanel);
    checksDock->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable);
    addDockWidget(Qt::BottomDockWidgetArea, checksDock);
    // The desk's notes beside the checks: both are about the story, neither is published.
    auto *notesDock = new QDockWidget(tr("Notes"), this);
    notesDock->setObjectName(u"notesDock"_qs);
    notesDock->setWidget(m_editor->notesPanel());
    notesDock->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable);
    addDockWidget(Qt::BottomDockWidgetArea, notesDock);
    tabifyDockWidget(checksDock, notesDock);
    checksDock->raise();
    connect(m_editor, &StoryEditor::notesTitleChanged, notesDock, &QDockWidget::setWindowTitle);

    m_editor->setSlugChecker(
        [this](const QString &slug) { return m_library.isSlugTaken(slug, m_editor->story().id); });
    m_editor->setSections(m_library.sections());

    m_autosave->setSingleShot(true);
    m_autosave->setInterval(AutosaveDelayMs);
    connect(m_autosave, &QTimer::timeout, this, [this] { saveStory(true); });
    // A reporter on deadline never pauses: save during continuous typing too.
    m_autosaveDeadline->setSingleShot(true);
    m_autosaveDeadline->setInterval(AutosaveLongestMs);
    connect(m_autosaveDeadline, &QTimer::timeout, this, [this] { saveStory(true); });
    connect(m_journal, &JournalKeeper::writeFailed, this, [this](const QString &error) {
        statusBar()->showMessage(tr("Galley could not keep a recovery copy of your typing. %1").arg(error));
    });
    connect(m_editor, &StoryEditor::edited, this, &MainWindow::onEdited);
    // Scroll sync: the block being edited comes into view in the preview; a click on a block
    // there puts the cursor in it.
    connect(m_editor->bodyEditor(), &QTextEdit::cursorPositionChanged, this,
            [this] { m_preview->revealBlock(m_editor->currentBlockId()); });
    connect(m_preview, &PreviewPane::blockClicked, m_editor, &StoryEditor::revealBlock);
    connect(m_preview, &PreviewPane::pdfFinished, this, [this](const QString &path, bool ok) {
        statusBar()->showMessage(ok ? tr("Printed to %1.").arg(QDir::toNativeSeparators(path))
                                    : tr("Could not write %1.").arg(QDir::toNativeSeparators(path)),
                                 5000);
    });
    if (qEnvironmentVariableIsSet("GALLEY_TIMING"))
        reportStartupTimes();
    connect(m_list, &StoryListPanel::storySelected, this, [this](const QString &id) {
        if (!openStory(id))
            m_list->selectStory(currentStoryId());
    });
    connect(m_list, &StoryListPanel::newRequested, this, &MainWindow::newStory);
    connect(m_list, &StoryListPanel::duplicateRequested, this, &MainWindow::duplicateStory);
    connect(m_list, &StoryListPanel::deleteRequested, this, &MainWindow::deleteStory);
    connect(m_list, &StoryListPanel::importDropped, this,
            [this](const QMimeData *mime) { reviewLater(importMimeData(mime)); });
    m_editor->bodyEditor()->setStoryPasteHandler(
        [this](const QMimeData *mime) { return pasteWholeStory(mime); });
    connect(m_editor->bodyEditor(), &BodyEditor::pasteReported, this,
            [this](const QString &sentence) { statusBar()->showMessage(sentence, 10000); });
    connect(m_editor->imagePanel(), &ImagePanel::metadataFilled, this,
            [this](const QString &sentence) { statusBar()->showMessage(sentence, 10000); });
    // "Mark in preview": the findings of each check laid over the preview's page.
    const auto markFindings = [this] {
        m_preview->setFindingMarks(m_checksPanel->marksInPreview()
                                       ? previewFindingMarks(m_checksPanel->findings(), m_editor->story())
                                       : QJsonArray());
    };
    m_checksPanel->setMarksInPreview(m_settings->value(Settings::Key::MarkFindingsInPreview).toBool());
    connect(m_checksPanel, &ChecksPanel::previewMarksToggled, this, [this, markFindings](bool on) {
        m_settings->setValue(Settings::Key::MarkFindingsInPreview, on);
        markFindings();
    });
    connect(m_checks, &ChecksController::checked, this, markFindings);
    // Story files dropped anywhere on the window go to the import review (see eventFilter()).
    setAcceptDrops(true);
    qApp->installEventFilter(this);

    createHistoryPanel();
    createLiveUpdates();
    createMenus();
    resize(1440, 900);
    restoreGeometry(m_settings->value(Settings::Key::WindowGeometry).toByteArray());
    m_splitter->restoreState(m_settings->value(Settings::Key::SplitterState).toByteArray());
    m_paneToggles->apply();
    m_list->reload();
    updateTitle();
}

MainWindow::~MainWindow() {
    releaseStoryLock();
    delete m_settings;
}

void MainWindow::createMenus() {
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *newAction = file->addAction(themedIcon(u"document-new"_qs, u"+"_qs), tr("&New story"), this,
                                         &MainWindow::newStory);
    newAction->setShortcut(QKeySequence::New);
    file->addAction(themedIcon(u"edit-copy"_qs, u"⧉"_qs), tr("&Duplicate story"), this,
                    &MainWindow::duplicateStory);
    m_shareAction = file->addAction(themedIcon(u"emblem-shared"_qs, u"⇆"_qs), tr("S&hare draft with the desk"));
    m_shareAction->setObjectName(u"shareWithDeskAction"_qs);
    m_shareAction->setCheckable(true);
    m_shareAction->setVisible(false);
    connect(m_shareAction, &QAction::triggered, this, &MainWindow::shareWithDesk);
    file->addSeparator();
    file->addAction(themedIcon(u"network-server"_qs, u"⇄"_qs), tr("&Connect to newsroom…"), this,
                    &MainWindow::connectToNewsroom)
        ->setObjectName(u"connectAction"_qs);
    file->addAction(themedIcon(u"document-open"_qs, u"📂"_qs), tr("&Open local library…"), this,
                    &MainWindow::openLocalLibrary)
        ->setObjectName(u"openLocalLibraryAction"_qs);
    file->addSeparator();
    QAction *save = file->addAction(themedIcon(u"document-save"_qs, u"S"_qs), tr("&Save"), this, [this] {
        if (saveStory())
            statusBar()->showMessage(tr("Saved."), 3000);
    });
    save->setObjectName(u"saveAction"_qs);
    save->setShortcut(QKeySequence::Save);
    QAction *exportAction = file->addAction(themedIcon(u"document-export"_qs, u"⇪"_qs),
                                            tr("&Export as web page…"), this,
                                            [this] { exportCurrent(ExportFormat::Html); });
    exportAction->setObjectName(u"exportAction"_qs);
    exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    // The syndication formats partners and aggregators take (the same code as galley export --format).
    QMenu *exportAs = file->addMenu(tr("Export for &partners"));
    exportAs->setObjectName(u"exportAsMenu"_qs);
    exportAs->addAction(tr("&NITF 3.6…"), this, [this] { exportCurrent(ExportFormat::Nitf); })
        ->setObjectName(u"exportNitfAction"_qs);
    exportAs->addAction(tr("nin&js 2.2…"), this, [this] { exportCurrent(ExportFormat::Ninjs); })
        ->setObjectName(u"exportNinjsAction"_qs);
    exportAs->addAction(tr("News&ML-G2 2.35…"), this, [this] { exportCurrent(ExportFormat::NewsMl); })
        ->setObjectName(u"exportNewsMlAction"_qs);
    file->addAction(tr("Site &address for web pages…"), this, &MainWindow::chooseSiteBaseUrl)
        ->setObjectName(u"siteBaseUrlAction"_qs);
    QAction *importAction = file->addAction(themedIcon(u"document-import"_qs, u"⇩"_qs), tr("&Import…"), this,
                                            &MainWindow::importFiles);
    importAction->setObjectName(u"importAction"_qs);
    importAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I));
    QAction *pdf = file->addAction(themedIcon(u"document-print"_qs, u"⎙"_qs), tr("&Print to PDF…"), this,
                                   &MainWindow::printToPdf);
    pdf->setObjectName(u"printPdfAction"_qs);
    pdf->setShortcut(QKeySequence::Print);
    file->addSeparator();
    m_deleteAction = file->addAction(themedIcon(u"edit-delete"_qs, u"✕"_qs), tr("De&lete story…"), this,
                                     &MainWindow::deleteStory);
    m_deleteAction->setObjectName(u"deleteStoryAction"_qs);
    file->addSeparator();
    QAction *quit =
        file->addAction(themedIcon(u"application-exit"_qs, u"⏻"_qs), tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    BodyEditor *body = m_editor->bodyEditor();
    QAction *undo =
        edit->addAction(themedIcon(u"edit-undo"_qs, u"↶"_qs), tr("&Undo"), body, &QTextEdit::undo);
    undo->setShortcut(QKeySequence::Undo);
    undo->setShortcutContext(Qt::WidgetShortcut);
    QAction *redo =
        edit->addAction(themedIcon(u"edit-redo"_qs, u"↷"_qs), tr("&Redo"), body, &QTextEdit::redo);
    redo->setShortcut(QKeySequence::Redo);
    redo->setShortcutContext(Qt::WidgetShortcut);
    edit->addSeparator();
    edit->addActions(m_editor->findBar()->actions());
    QAction *find = edit->addAction(themedIcon(u"edit-find"_qs, u"⌕"_qs), tr("Find &story in list"), this, [this] {
        if (auto *search = m_list->findChild<QWidget *>(u"searchEdit"_qs))
            search->setFocus(Qt::ShortcutFocusReason);
    });
    find->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    edit->addSeparator();
    edit->addAction(QuoteTyping::createToggleAction(this));

    QMenu *format = menuBar()->addMenu(tr("F&ormat"));
    format->addActions(body->formatActions());

    QMenu *view = menuBar()->addMenu(tr("&View"));
    QAction *history = view->addAction(themedIcon(u"document-open-recent"_qs, u"⟲"_qs), tr("&History"), this,
                                       &MainWindow::showHistory);
    history->setObjectName(u"historyAction"_qs);
    history->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_H));
    history->setToolTip(tr("Every saved version of the story, and what changed between them"));
    if (auto *checksDock = findChild<QDockWidget *>(u"checksDock"_qs)) {
        QAction *toggle = checksDock->toggleViewAction();
        toggle->setText(tr("&Checks Panel"));
        toggle->setShortcut(QKeySequence(Qt::Key_F7));
        view->addAction(toggle);
    }
    if (auto *notesDock = findChild<QDockWidget *>(u"notesDock"_qs)) {
        QAction *toggle = notesDock->toggleViewAction();
        toggle->setText(tr("&Notes Panel"));
        toggle->setShortcut(QKeySequence(Qt::Key_F8));
        // Shown and brought to the front: a tabbed panel that is open but behind the checks
        // would otherwise only be unticked.
        connect(toggle, &QAction::triggered, notesDock, [notesDock](bool on) {
            if (on)
                notesDock->raise();
        });
        view->addAction(toggle);
    }

    QAction *trash = view->addAction(themedIcon(u"user-trash"_qs, u"🗑"_qs), tr("&Trash…"), this, &MainWindow::showTrash);
    trash->setObjectName(u"trashAction"_qs);
    trash->setToolTip(tr("Deleted stories, kept %1 days: restore one or empty the Trash").arg(StoryLibrary::TrashKeepDays));
    view->addSeparator();
    m_paneToggles = new PaneToggles(view, m_list, m_preview, this);
    // After every action exists: the window's shortcuts win over the focused field's own keys.
    new WindowShortcuts(this);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Galley"), this, &MainWindow::showAbout);
}

void MainWindow::openInitialStory() {
    const QString last = m_settings->value(Settings::Key::LastStoryId).toString();
    QString error;
    if (!last.isEmpty() && m_library.load(last, &error)) {
        openStory(last);
        return;
    }
    const QString newest = m_list->firstStoryId();
    if (!newest.isEmpty())
        openStory(newest);
}

bool MainWindow::openStory(const QString &id) {
    if (m_hasStory && id == currentStoryId())
        return true;
    return openStoryAs(id, newId());
}

bool MainWindow::openStoryAs(const QString &id, const QString &session) {
    if (!saveBeforeLeaving(tr("Discard the changes since the last save and open the other story?")))
        return false;
    QString error;
    const std::optional<Story> story = m_library.load(id, &error);
    if (!story) {
        QMessageBox::warning(this, tr("Story not opened"), error);
        return false;
    }
    releaseStoryLock();
    m_autosave->stop();
    m_autosaveDeadline->stop();
    m_editor->setSections(m_library.sections());
    m_editor->setStory(*story);
    m_base = *story;
    // On a newsroom server, offer only what the signed-in role may do; the server refuses the rest
    // anyway, with a sentence (docs/storage.md, "Roles").
    const LibraryPermissions allowed = m_library.permissions();
    const std::optional<StoryOwnership> ownership = m_library.ownership(id);
    QList<StoryStatus> statuses;
    for (const StoryStatus status : allStatuses())
        if (status == story->status ||
            (allowed.mayMove(story->status, status) &&
             allowed.mayChange(ownership ? ownership->owner : QString(),
                               ownership && ownership->sharedWithDesk, story->status)))
            statuses.append(status);
    m_editor->form()->setAllowedStatuses(statuses);
    m_deleteAction->setEnabled(allowed.mayDelete());
    m_list->setDeleteAllowed(allowed.mayDelete());
    m_checks->storyShown();
    m_journal->storyOpened(*story);
    m_hasStory = true;
    m_dirty = false;
    m_saveFailed = false;
    m_session = session;
    takeStoryLock();
    m_list->selectStory(story->id);
    m_preview->showStory(m_editor->story());
    m_settings->setValue(Settings::Key::LastStoryId, story->id);
    updateShareAction();
    liveStoryShown();
    updateTitle();
    syncHistory();
    return true;
}

bool MainWindow::saveStory(bool quiet) {
    QString error;
    if (writeStory(&error, quiet))
        return true;
    if (quiet || m_conflictPending) { // a conflict's own dialog follows
        statusBar()->showMessage(
            tr("Not saved: %1 Your text is still here; Galley will try again.").arg(error));
    } else {
        QMessageBox::warning(this, tr("Story not saved"),
                             tr("%1\n\nEverything you typed is still in the editor.").arg(error));
    }
    return false;
}

bool MainWindow::writeStory(QString *error, bool autosave) {
    m_autosave->stop();
    m_autosaveDeadline->stop();
    if (!m_hasStory || !m_dirty)
        return true;
    if (!keepStoryLock(error))
        return false;
    Story story = m_editor->story();
    SaveOptions options;
    options.author = m_settings->value(Settings::Key::UserName).toString();
    options.session = m_session;
    options.kind = autosave ? RevisionKind::Autosave : RevisionKind::Save;
    if (!m_library.save(story, options, error)) {
        qCWarning(lcUi) << "Save failed:" << *error;
        if (noticeConflict()) {
            m_saveFailed = true;
            updateTitle();
            return false;
        }
        m_saveFailed = true;
        if (m_watcher->checkConnection()) {
            // Saved as soon as the server is back (onReconnected()); the journal keeps the text till then.
            *error = tr("Galley is reconnecting to the newsroom; your text is kept and will be saved as soon as "
                        "the connection is back.");
            m_notSaved->setToolTip(*error);
            updateTitle();
            return false;
        }
        // The library may be free again in a moment (another window finishing its save).
        m_notSaved->setToolTip(*error);
        m_autosave->start(AutosaveRetryMs);
        updateTitle();
        return false;
    }
    m_editor->markSaved(story);
    m_base = story;
    m_journal->storySaved(story);
    m_dirty = false;
    m_saveFailed = false;
    liveStoryShown();
    m_list->selectStory(story.id);
    m_editor->setSections(m_library.sections());
    statusBar()->showMessage(tr("Saved at %1.").arg(QTime::currentTime().toString(u"HH:mm"_qs)), 5000);
    updateTitle();
    syncHistory();
    return true;
}

bool MainWindow::saveBeforeLeaving(const QString &consequence) {
    QString error;
    if (writeStory(&error))
        return true;
    QMessageBox box(QMessageBox::Warning, tr("Story not saved"), error + u"\n\n"_qs + consequence,
                    QMessageBox::NoButton, this);
    QPushButton *keep = box.addButton(tr("Keep editing"), QMessageBox::RejectRole);
    QPushButton *discard = box.addButton(tr("Discard changes"), QMessageBox::DestructiveRole);
    box.setDefaultButton(keep);
    box.exec();
    if (box.clickedButton() != discard)
        return false;
    m_journal->changesDropped();
    return true;
}

void MainWindow::setAutosaveDelaysForTesting(int idleMs, int longestMs) {
    m_autosaveIdleMs = idleMs;
    m_autosaveDeadline->setInterval(longestMs);
}

QString MainWindow::currentStoryId() const {
    return m_hasStory ? m_editor->story().id : QString();
}

void MainWindow::onEdited() {
    if (m_readOnly)
        return;
    m_dirty = true;
    m_journal->edited();
    // While saves fail the retry keeps its own pace; typing must not push it back forever.
    if (!m_saveFailed || !m_autosave->isActive())
        m_autosave->start(m_saveFailed ? AutosaveRetryMs : m_autosaveIdleMs);
    if (!m_saveFailed && !m_autosaveDeadline->isActive())
        m_autosaveDeadline->start();
    m_preview->showStory(m_editor->story());
    updateTitle();
}

void MainWindow::newStory() {
    if (!saveBeforeLeaving(tr("Discard the changes since the last save and start a new story?")))
        return;
    Story story = Story::create();
    story.status = StoryStatus::Draft;
    QString error;
    if (!m_library.save(story, &error)) {
        QMessageBox::warning(this, tr("New story not created"), error);
        return;
    }
    m_dirty = false;
    openStory(story.id);
    if (auto *headline = m_editor->findChild<QWidget *>(u"headlineEdit"_qs))
        headline->setFocus(Qt::OtherFocusReason);
}

void MainWindow::duplicateStory() {
    if (!m_hasStory || !saveStory())
        return;
    QString error;
    const std::optional<Story> copy = m_library.duplicate(currentStoryId(), &error);
    if (!copy) {
        QMessageBox::warning(this, tr("Story not duplicated"), error);
        return;
    }
    openStory(copy->id);
}

void MainWindow::deleteStory() {
    if (!m_hasStory)
        return;
    const Story &story = m_editor->story();
    const QString name =
        story.headline.isEmpty() ? tr("this untitled story") : u"“"_qs + story.headline + u"”"_qs;
    const auto answer = QMessageBox::question(
        this, tr("Delete story"),
        tr("Delete %1? It goes to the Trash, where View › Trash can restore it for %2 days.")
            .arg(name)
            .arg(StoryLibrary::TrashKeepDays),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer != QMessageBox::Yes)
        return;
    QString error;
    if (!m_library.moveToTrash(story.id, &error)) {
        QMessageBox::warning(this, tr("Story not deleted"), error);
        return;
    }
    m_autosave->stop();
    m_autosaveDeadline->stop();
    m_journal->changesDropped();
    releaseStoryLock();
    m_lockPoll->stop();
    m_dirty = false;
    m_hasStory = false;
    m_list->selectStory({});
    const QString next = m_list->firstStoryId();
    if (!next.isEmpty()) {
        openStory(next);
    } else {
        m_editor->setStory(Story());
        m_editor->setEnabled(false);
        updateShareAction();
        updateTitle();
    }
}

void MainWindow::showTrash() {
    TrashDialog dialog(m_library, this);
    connect(&dialog, &TrashDialog::restored, this, [this](const QString &id) {
        m_list->reload();
        m_editor->setEnabled(true); // off while the library had no story left
        openStory(id);
    });
    dialog.exec();
    m_list->reload();
}

void MainWindow::updateTitle() {
    QString headline = m_hasStory ? m_editor->story().headline.trimmed() : QString();
    if (m_hasStory && headline.isEmpty())
        headline = tr("Untitled story");
    setWindowTitle(headline.isEmpty() ? u"Galley[*]"_qs : headline + u"[*] — Galley"_qs);
    setWindowModified(m_dirty);
    m_notSaved->setVisible(m_dirty && m_saveFailed);
    updateLiveState();
    const int words = m_hasStory ? m_editor->wordCount() : 0;
    m_wordCount->setText(m_hasStory ? (words == 1 ? tr("1 word") : tr("%1 words").arg(words)) : QString());
}

void MainWindow::showEvent(QShowEvent *event) {
    QMainWindow::showEvent(event);
    if (!m_previewStarted) {
        m_previewStarted = true;
        if (auto *checksDock = findChild<QDockWidget *>(u"checksDock"_qs))
            resizeDocks({checksDock}, {std::clamp(height() / 4, 120, 230)}, Qt::Vertical);
        startPreviewAfterFirstPaint();
    }
}

// The checks and notes take a quarter of the window's height when it opens, never more than 230
// pixels, and never more than a third as the window shrinks: on an 800 × 600 screen the story form
// keeps most of it. (A desk can still drag them taller up to that third.)
void MainWindow::resizeEvent(QResizeEvent *event) {
    QMainWindow::resizeEvent(event);
    auto *checksDock = findChild<QDockWidget *>(u"checksDock"_qs);
    if (checksDock && !checksDock->isFloating() && checksDock->isVisible() && checksDock->height() > height() / 3)
        resizeDocks({checksDock}, {std::clamp(height() / 4, 120, 230)}, Qt::Vertical);
}

void MainWindow::closeEvent(QCloseEvent *event) {
    if (!saveBeforeLeaving(tr("Discard the changes since the last save and quit?"))) {
        event->ignore();
        return;
    }
    releaseStoryLock();
    m_lockPoll->stop();
    m_settings->setValue(Settings::Key::WindowGeometry, saveGeometry());
    m_settings->setValue(Settings::Key::SplitterState, m_splitter->saveState());
    if (m_hasStory)
        m_settings->setValue(Settings::Key::LastStoryId, currentStoryId());
    event->accept();
}

void MainWindow::printToPdf() {
    const QString name =
        m_hasStory && !m_editor->story().slug.isEmpty() ? m_editor->story().slug : u"story"_qs;
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Print to PDF"), QDir::home().filePath(name + u".pdf"_qs), tr("PDF (*.pdf)"));
    if (path.isEmpty())
        return;
    if (!m_preview->printToPdf(path))
        statusBar()->showMessage(tr("The preview is still starting; try again in a moment."), 5000);
}

void MainWindow::showAbout() {
    QMessageBox::about(this, tr("About Galley"),
                       tr("<p><b>Galley %1</b></p><p>A newsroom story editor with a live preview "
                          "of the published page.</p>")
                           .arg(QStringLiteral(GALLEY_VERSION)));
}

} // namespace galley
