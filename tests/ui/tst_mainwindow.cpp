// Drives the real editor window on a temporary library: typing, the live preview's DOM, saving,
// pasting and links. Set GALLEY_SCREENSHOT=/path.png to also write a picture of the window.

#include "bodyeditor.h"
#include "icons.h"
#include "imagepanel.h"
#include "export/exportwarnings.h"
#include "mainwindow.h"
#include "preview/previewpane.h"
#include "preview/previewscheme.h"
#include "preview/requestinterceptor.h"
#include "settings.h"
#include "storage/samplelibrary.h"
#include "storage/storylibrary.h"
#include "storyeditor.h"
#include "guitestsupport.h"
#include "storylistpanel.h"
#include "wrappinglineedit.h"

#include <QAbstractButton>
#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDesktopServices>
#include <QDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMap>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPainter>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextCursor>
#include <QTimer>
#include <QWebEngineView>

#include <memory>

using namespace galley;

namespace {

// Generous: the first page load starts Chromium.
constexpr int PreviewTimeoutMs = 30000;

// Stands in for the system browser: QDesktopServices hands it the URLs the preview opens.
/// Counts the layout requests posted to the widgets it filters.
class LayoutRequestCounter final : public QObject {
public:
    int count = 0;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override {
        if (event->type() == QEvent::LayoutRequest)
            ++count;
        return QObject::eventFilter(watched, event);
    }
};

class LinkCatcher final : public QObject {
    Q_OBJECT

public:
    QList<QUrl> opened;

public Q_SLOTS:
    void open(const QUrl &url) { opened.append(url); }
};

} // namespace

class TestMainWindow final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        testsupport::useTestSettings(m_dir);
    }

    void init() {
        m_library = std::make_unique<StoryLibrary>();
        QString error;
        QVERIFY2(m_library->open(m_dir.filePath(u"library-%1.sqlite"_qs.arg(++m_count)), &error),
                 qPrintable(error));
        Story story = Story::create();
        QVERIFY2(m_library->save(story, &error), qPrintable(error));
        m_storyId = story.id;
        m_window = std::make_unique<MainWindow>(*m_library);
        m_window->openInitialStory();
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QCOMPARE(m_window->currentStoryId(), m_storyId);
    }

    void cleanup() {
        m_window.reset();
        m_library.reset();
    }

    // Issue 14: every Alt+letter of the window does one thing (menus, the form's labels, visible
    // buttons and check boxes), and Tab walks the form in its visual order.
    void mnemonicsUniqueAndTabOrderVisual() {
        QMap<QChar, QStringList> owners;
        const auto note = [&owners](const QString &text) {
            const qsizetype amp = text.indexOf(u'&');
            if (amp >= 0 && amp + 1 < text.size() && text.at(amp + 1) != u'&')
                owners[text.at(amp + 1).toLower()].append(QString(text).remove(u'&'));
        };
        for (QAction *menu : m_window->menuBar()->actions())
            note(menu->text());
        for (QLabel *label : m_window->findChildren<QLabel *>())
            if (label->isVisible() && label->buddy())
                note(label->text());
        for (QAbstractButton *button : m_window->findChildren<QAbstractButton *>())
            if (button->isVisible())
                note(button->text());
        for (auto it = owners.cbegin(); it != owners.cend(); ++it)
            QVERIFY2(it.value().size() == 1,
                     qPrintable(u"Alt+%1 is %2"_qs.arg(it.key(), it.value().join(u" and "_qs))));

        QStringList order;
        QWidget *widget = m_window->findChild<QWidget *>(u"headlineEdit"_qs);
        QVERIFY(widget);
        for (int step = 0; widget && step < 40 && order.size() < 7; ++step, widget = widget->nextInFocusChain()) {
            // An editable combo box's line edit stands for the combo box.
            QWidget *field = qobject_cast<QComboBox *>(widget->parentWidget()) ? widget->parentWidget() : widget;
            if (field->focusPolicy() == Qt::NoFocus || field->objectName().isEmpty() ||
                (!order.isEmpty() && order.constLast() == field->objectName()))
                continue;
            order.append(field->objectName());
        }
        QCOMPARE(order, (QStringList{u"headlineEdit"_qs, u"deckEdit"_qs, u"bylineEdit"_qs, u"datelineEdit"_qs,
                                     u"sectionCombo"_qs, u"statusCombo"_qs, u"slugEdit"_qs}));
    }

    void typingShowsInPreview() {
        typeHeadline(u"Harbour bridge reopens after repairs"_qs);
        typeBody(u"Traffic returned to the harbour bridge on Monday."_qs);
        QTRY_COMPARE_WITH_TIMEOUT(js(u"document.querySelector('article.story h1').textContent"_qs).toString(),
                                  u"Harbour bridge reopens after repairs"_qs, PreviewTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(
            js(u"document.querySelector('article.story p[data-block]').textContent"_qs).toString(),
            u"Traffic returned to the harbour bridge on Monday."_qs, PreviewTimeoutMs);
        const QString blockId = m_window->storyEditor()->story().body.value(0).id;
        QCOMPARE(js(u"document.querySelector('article.story p[data-block]').dataset.block"_qs).toString(),
                 blockId);
        QCOMPARE(findChild<QLineEdit>(u"slugEdit"_qs)->text(), u"harbour-bridge-reopens-after-repairs"_qs);
        QVERIFY(m_window->isWindowModified());
    }

    // Issue 8's keystroke budget: a new word changes the status bar's count, and that must not lay
    // out the main window (its splitter, docks and form) again.
    void newWordsDoNotLayOutTheWindow() {
        typeBody(u"Tide"_qs);
        LayoutRequestCounter counter;
        m_window->installEventFilter(&counter);
        m_window->centralWidget()->installEventFilter(&counter);
        // The window settles first (its docks lay out in a cascade after showing).
        for (int settled = 0, round = 0; settled < 3 && round < 100; ++round) {
            const int before = counter.count;
            QTest::qWait(20);
            settled = counter.count == before ? settled + 1 : 0;
        }
        counter.count = 0;
        for (const QString &word : {u" tables"_qs, u" turn"_qs, u" twice"_qs, u" daily"_qs}) {
            typeBody(word);
            QCoreApplication::processEvents();
        }
        QCOMPARE(findChild<QLabel>(u"wordCount"_qs)->text(), u"5 words"_qs);
        QCOMPARE(counter.count, 0);
    }

    void ctrlSSaves() {
        typeHeadline(u"Ferry timetable changes"_qs);
        typeBody(u"Two sailings move later in the day."_qs);
        QVERIFY(m_window->hasUnsavedChanges());
        QTest::keyClick(m_window.get(), Qt::Key_S, Qt::ControlModifier);
        QVERIFY(!m_window->hasUnsavedChanges());
        QVERIFY(!m_window->isWindowModified());
        QString error;
        const std::optional<Story> saved = m_library->load(m_storyId, &error);
        QVERIFY2(saved, qPrintable(error));
        const Story &onScreen = m_window->storyEditor()->story();
        QCOMPARE(saved->headline, u"Ferry timetable changes"_qs);
        QCOMPARE(saved->slug, u"ferry-timetable-changes"_qs);
        QCOMPARE(saved->body, onScreen.body);
        QCOMPARE(saved->body.size(), 1);
        QCOMPARE(saved->body[0].plainText(), u"Two sailings move later in the day."_qs);
    }

    void pasteKeepsOnlyStructure() {
        // With a headline the story is not empty, so the paste is not offered as an import.
        typeHeadline(u"Paste test"_qs);
        auto *mime = new QMimeData;
        mime->setHtml(u"<p><span style=\"color:#ff0000;font-size:40px\">Red</span> <font face=\"Comic Sans "
                      u"MS\" color=\"blue\">"
                      "blue</font> <b>bold</b><script>document.title='pwned'</script></p>"
                      "<h3 style=\"font-family:Papyrus\">Sub</h3><ul><li><i>item</i></li></ul>"_qs);
        mime->setText(u"Red blue bold Sub item"_qs);
        QApplication::clipboard()->setMimeData(mime);
        BodyEditor *body = m_window->storyEditor()->bodyEditor();
        body->setFocus();
        QTest::keyClick(body, Qt::Key_V, Qt::ControlModifier);
        const QList<Block> blocks = m_window->storyEditor()->story().body;
        QCOMPARE(blocks.size(), 3);
        QCOMPARE(blocks[0].kind, BlockKind::Paragraph);
        QCOMPARE(blocks[0].lines[0].runs, (QList<InlineRun>{{u"Red blue "_qs}, {u"bold"_qs, true}}));
        QCOMPARE(blocks[1], (Block{blocks[1].id, BlockKind::Subhead, {InlineText::plain(u"Sub"_qs)}}));
        QCOMPARE(blocks[2].kind, BlockKind::BulletList);
        QCOMPARE(blocks[2].lines, (QList<InlineText>{InlineText{{{u"item"_qs, false, true}}}}));
        const QString html = body->toHtml();
        QVERIFY(!html.contains(u"Comic"_qs));
        QVERIFY(!html.contains(u"#ff0000"_qs));
        QVERIFY(!html.contains(u"Papyrus"_qs));
        QVERIFY(!html.contains(u"pwned"_qs));

        QTRY_COMPARE_WITH_TIMEOUT(
            js(u"document.querySelectorAll('article.story [data-block]').length"_qs).toInt(), 3,
            PreviewTimeoutMs);
        QCOMPARE(
            js(u"document.querySelectorAll('article.story script, article.story [style], article.story font').length"_qs)
                .toInt(),
            0);
        QCOMPARE(
            js(u"document.querySelector('article.story [data-block] b, article.story [data-block] strong').textContent"_qs)
                .toString(),
            u"bold"_qs);
        QVERIFY(js(u"document.title"_qs).toString() != u"pwned"_qs);
    }

    void javascriptLinkIsNotLive() {
        typeBody(u"Read the report"_qs);
        BodyEditor *body = m_window->storyEditor()->bodyEditor();
        QTest::keyClick(body, Qt::Key_A, Qt::ControlModifier);
        bool answered = false;
        QTimer::singleShot(0, this, [&answered] {
            QWidget *dialog = QApplication::activeModalWidget();
            QVERIFY(dialog);
            QCOMPARE(dialog->objectName(), u"linkDialog"_qs);
            auto *url = dialog->findChild<QLineEdit *>(u"linkUrlEdit"_qs);
            QTest::keyClicks(url, u"javascript:alert(document.cookie)"_qs);
            QVERIFY(!dialog->findChild<QLabel *>(u"linkNote"_qs)->text().isEmpty());
            // Refused: the dialog stays open until the address is fixed or the dialog cancelled.
            QTest::keyClick(url, Qt::Key_Return);
            QVERIFY(dialog->isVisible());
            QTest::keyClick(url, Qt::Key_Escape);
            answered = true;
        });
        QTest::keyClick(body, Qt::Key_K, Qt::ControlModifier);
        QVERIFY(answered);
        const QList<Block> blocks = m_window->storyEditor()->story().body;
        QCOMPARE(blocks.size(), 1);
        QCOMPARE(blocks[0].lines[0].runs, (QList<InlineRun>{{u"Read the report"_qs}}));
        QTRY_COMPARE_WITH_TIMEOUT(
            js(u"document.querySelector('article.story p[data-block]').textContent"_qs).toString(),
            u"Read the report"_qs, PreviewTimeoutMs);
        QCOMPARE(js(u"document.querySelectorAll('article.story a').length"_qs).toInt(), 0);
        QCOMPARE(js(u"document.querySelectorAll('[href^=\"javascript\" i]').length"_qs).toInt(), 0);
    }

    void refusesNonPictures() {
        const QString path = m_dir.filePath(u"notes.jpg"_qs);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("not a picture at all");
        file.close();
        auto *panel = m_window->findChild<ImagePanel *>();
        QCOMPARE(panel->addFiles({path}), 0);
        QCOMPARE(panel->lastError(), u"Not added: “notes.jpg” is not a JPEG, PNG, WebP or GIF picture."_qs);
        QVERIFY(m_window->storyEditor()->story().images.isEmpty());
        QVERIFY(!m_window->hasUnsavedChanges());
    }

    void autosaveAfterIdle() {
        typeHeadline(u"Night market returns"_qs);
        QVERIFY(m_window->hasUnsavedChanges());
        QCOMPARE(m_window->windowTitle(), u"Night market returns[*] — Galley"_qs);
        QTRY_VERIFY_WITH_TIMEOUT(!m_window->hasUnsavedChanges(), MainWindow::AutosaveDelayMs + 3000);
        QString error;
        QCOMPARE(m_library->load(m_storyId, &error)->headline, u"Night market returns"_qs);
    }

    void switchingStoriesSavesFirst() {
        Story other = Story::create();
        other.headline = u"Other story"_qs;
        QString error;
        QVERIFY(m_library->save(other, &error));
        typeHeadline(u"Unsaved headline"_qs);
        QVERIFY(m_window->openStory(other.id));
        QCOMPARE(m_window->currentStoryId(), other.id);
        QCOMPARE(findChild<WrappingLineEdit>(u"headlineEdit"_qs)->text(), u"Other story"_qs);
        QCOMPARE(m_library->load(m_storyId, &error)->headline, u"Unsaved headline"_qs);
    }

    void failedSaveKeepsText() {
        typeHeadline(u"Budget row deepens"_qs);
        typeBody(u"Words that must not be lost."_qs);
        auto *slug = findChild<QLineEdit>(u"slugEdit"_qs);
        slug->selectAll();
        QTest::keyClicks(slug, u"Not A Slug!"_qs);
        QCOMPARE(m_window->findChild<QLabel *>(u"slugMessage"_qs)->text(),
                 u"Use lowercase letters, digits and single hyphens, like “council-votes-on-budget”."_qs);
        QString shown;
        QTimer::singleShot(0, this, [&shown] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            QVERIFY(box);
            shown = box->text();
            box->accept();
        });
        QTest::keyClick(m_window.get(), Qt::Key_S, Qt::ControlModifier);
        QVERIFY(shown.endsWith(u"Everything you typed is still in the editor."_qs));
        QVERIFY(m_window->hasUnsavedChanges());
        QCOMPARE(findChild<WrappingLineEdit>(u"headlineEdit"_qs)->text(), u"Budget row deepens"_qs);
        QCOMPARE(m_window->storyEditor()->bodyEditor()->toPlainText(), u"Words that must not be lost."_qs);
        QString error;
        QCOMPARE(m_library->load(m_storyId, &error)->headline, QString());

        // Opening another story asks; "Keep editing" stays, with the text, on this story.
        Story other = Story::create();
        QVERIFY(m_library->save(other, &error));
        auto answer = [this](const QString &buttonText) {
            QTimer::singleShot(0, this, [buttonText] {
                auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
                QVERIFY(box);
                QVERIFY(box->text().contains(u"open the other story?"_qs));
                for (QAbstractButton *button : box->buttons())
                    if (button->text() == buttonText)
                        button->click();
            });
        };
        answer(u"Keep editing"_qs);
        QVERIFY(!m_window->openStory(other.id));
        QCOMPARE(m_window->currentStoryId(), m_storyId);
        QCOMPARE(findChild<WrappingLineEdit>(u"headlineEdit"_qs)->text(), u"Budget row deepens"_qs);
        answer(u"Discard changes"_qs);
        QVERIFY(m_window->openStory(other.id));
        QCOMPARE(m_window->currentStoryId(), other.id);
    }

    void slugFollowsHeadlineUntilEdited() {
        typeHeadline(u"Cafe opens"_qs);
        auto *slug = findChild<QLineEdit>(u"slugEdit"_qs);
        QCOMPARE(slug->text(), u"cafe-opens"_qs);
        slug->selectAll();
        QTest::keyClicks(slug, u"corner-cafe"_qs);
        typeHeadline(u" early"_qs);
        QCOMPARE(slug->text(), u"corner-cafe"_qs);
        slug->selectAll();
        QTest::keyClick(slug, Qt::Key_Backspace);
        QCOMPARE(slug->text(), u"cafe-opens-early"_qs);
    }

    void pullQuoteShowsInPreview() {
        typeBody(u"First paragraph."_qs);
        QTest::mouseClick(findChild<QPushButton>(u"addPullQuoteButton"_qs), Qt::LeftButton);
        auto *text = findChild<QPlainTextEdit>(u"pullQuoteText0"_qs);
        QTest::keyClicks(text, u"We <will> rebuild"_qs);
        QTest::keyClicks(findChild<QLineEdit>(u"pullQuoteAttribution0"_qs), u"A. Mayor"_qs);
        const Story &story = m_window->storyEditor()->story();
        QCOMPARE(story.pullQuotes.size(), 1);
        QCOMPARE(story.pullQuotes[0].placement, Placement::after(story.body[0].id));
        QCOMPARE(findChild<QComboBox>(u"pullQuotePlacement0"_qs)->currentText(),
                 u"After: First paragraph."_qs);
        QTRY_COMPARE_WITH_TIMEOUT(js(u"document.querySelectorAll('aside.pull-quote').length"_qs).toInt(), 1,
                                  PreviewTimeoutMs);
        QVERIFY(js(u"document.querySelector('aside.pull-quote').textContent"_qs)
                    .toString()
                    .contains(u"We <will> rebuild"_qs));
    }

    void previewNeverNavigates() {
        typeHeadline(u"Stay here"_qs);
        QTRY_COMPARE_WITH_TIMEOUT(js(u"document.querySelector('article.story h1').textContent"_qs).toString(),
                                  u"Stay here"_qs, PreviewTimeoutMs);
        js(u"window.location.href = 'https://example.org/'; 1"_qs);
        js(u"window.location.href = 'galley://preview/index.html?again'; 1"_qs);
        QTest::qWait(300);
        QCOMPARE(m_window->previewPane()->view()->url(), previewShellUrl());
        QCOMPARE(js(u"document.querySelector('article.story h1').textContent"_qs).toString(),
                 u"Stay here"_qs);
    }

    void interceptorAllows_data() {
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("allowed");
        QTest::newRow("shell") << u"galley://preview/index.html"_qs << true;
        QTest::newRow("picture") << u"galley://image/0f8c"_qs << true;
        QTest::newRow("data") << u"data:image/png;base64,AAAA"_qs << true;
        QTest::newRow("about") << u"about:blank"_qs << true;
        QTest::newRow("https") << u"https://example.org/tracker.gif"_qs << false;
        QTest::newRow("http") << u"http://example.org/"_qs << false;
        QTest::newRow("file") << u"file:///etc/passwd"_qs << false;
        QTest::newRow("ftp") << u"ftp://example.org/x"_qs << false;
    }

    void interceptorAllows() {
        QFETCH(QString, url);
        QFETCH(bool, allowed);
        QCOMPARE(RequestInterceptor::isAllowed(QUrl(url)), allowed);
    }

    void exportWritesPage() {
        typeHeadline(u"Pier lights go up"_qs);
        typeBody(u"The lights went up on Friday."_qs);
        QTemporaryDir out;
        QString error;
        const QString folder = m_window->exportToFolder(out.path(), &error);
        QVERIFY2(!folder.isEmpty(), qPrintable(error));
        QCOMPARE(folder, out.filePath(u"pier-lights-go-up"_qs));
        QFile page(folder + u"/index.html"_qs);
        QVERIFY(page.open(QIODevice::ReadOnly));
        const QString html = QString::fromUtf8(page.readAll());
        QVERIFY(html.contains(u">Pier lights go up</h1>"_qs));
        QVERIFY(html.contains(u"The lights went up on Friday."_qs));
    }

    // File › Site address for web pages… refuses an address that is not one, saying why, and the
    // exported page then carries its canonical link.
    void siteAddressGivesCanonicalLink() {
        typeHeadline(u"Pier lights go up"_qs);
        QString secondPrompt;
        QTimer::singleShot(0, this, [&] {
            auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            auto *edit = dialog->findChild<QLineEdit *>();
            edit->clear();
            QTest::keyClicks(edit, u"news.example.org"_qs);
            QTimer::singleShot(0, this, [&] {
                auto *again = qobject_cast<QDialog *>(QApplication::activeModalWidget());
                QVERIFY(again);
                secondPrompt = again->findChild<QLabel *>()->text();
                auto *line = again->findChild<QLineEdit *>();
                line->clear();
                QTest::keyClicks(line, u"https://news.example.org/stories/"_qs);
                QTest::keyClick(line, Qt::Key_Return);
            });
            QTest::keyClick(edit, Qt::Key_Return);
        });
        findChild<QAction>(u"siteBaseUrlAction"_qs)->trigger();
        QVERIFY2(secondPrompt.startsWith(u"“news.example.org” is not a web address"_qs), qPrintable(secondPrompt));
        QCOMPARE(Settings().value(Settings::Key::SiteBaseUrl).toString(), u"https://news.example.org/stories"_qs);
        QTemporaryDir out;
        QString error;
        const QString folder = m_window->exportToFolder(out.path(), &error);
        QVERIFY2(!folder.isEmpty(), qPrintable(error));
        QFile page(folder + u"/index.html"_qs);
        QVERIFY(page.open(QIODevice::ReadOnly));
        const QByteArray html = page.readAll();
        Settings().setValue(Settings::Key::SiteBaseUrl, QString());
        QVERIFY(html.contains("<link rel=\"canonical\" href=\"https://news.example.org/stories/pier-lights-go-up/\">"));
    }

    void exportForPartners() {
        typeHeadline(u"Pier lights go up"_qs);
        typeBody(u"The lights went up on Friday."_qs);
        auto *menu = findChild<QMenu>(u"exportAsMenu"_qs);
        QCOMPARE(menu->actions().size(), 3);
        QCOMPARE(findChild<QAction>(u"exportNitfAction"_qs)->text(), u"&NITF 3.6…"_qs);
        QCOMPARE(findChild<QAction>(u"exportNewsMlAction"_qs)->text(), u"News&ML-G2 2.35…"_qs);
        QTemporaryDir out;
        QString error;
        const QString folder = m_window->exportToFolder(out.path(), &error, ExportFormat::Nitf);
        QVERIFY2(!folder.isEmpty(), qPrintable(error));
        QFile nitf(folder + u"/pier-lights-go-up.xml"_qs);
        QVERIFY(nitf.open(QIODevice::ReadOnly));
        QVERIFY(nitf.readAll().contains("<p>The lights went up on Friday.</p>"));
        QVERIFY(!m_window->exportToFolder(out.path(), &error, ExportFormat::Ninjs).isEmpty());
        QVERIFY(QFile::exists(folder + u"/pier-lights-go-up.json"_qs));
        QVERIFY(!m_window->exportToFolder(out.path(), &error, ExportFormat::NewsMl).isEmpty());
        QFile newsml(folder + u"/pier-lights-go-up.newsml.xml"_qs);
        QVERIFY(newsml.open(QIODevice::ReadOnly));
        const QByteArray item = newsml.readAll();
        QVERIFY(item.contains("<headline>Pier lights go up</headline>"));
        QVERIFY(item.contains("<p>The lights went up on Friday.</p>"));
        // GALLEY_EXPORT_MENU_SCREENSHOT=<file.png>: the window with File › Export for partners open,
        // for docs/export-menu.png (menus are windows of their own, so they are painted on).
        if (const QString shot = qEnvironmentVariable("GALLEY_EXPORT_MENU_SCREENSHOT"); !shot.isEmpty()) {
            auto *file = qobject_cast<QMenu *>(menu->parentWidget());
            QVERIFY(file);
            QImage canvas = m_window->grab().toImage();
            const QPoint fileAt(m_window->menuBar()->actionGeometry(file->menuAction()).bottomLeft());
            file->popup(m_window->mapToGlobal(fileAt));
            file->setActiveAction(menu->menuAction());
            QTest::qWait(100);
            const QPoint subAt = fileAt + file->actionGeometry(menu->menuAction()).topRight();
            menu->popup(m_window->mapToGlobal(subAt));
            menu->setActiveAction(findChild<QAction>(u"exportNewsMlAction"_qs));
            QTest::qWait(100);
            QPainter painter(&canvas);
            painter.drawPixmap(fileAt, file->grab());
            painter.drawPixmap(subAt, menu->grab());
            painter.end();
            menu->hide();
            file->hide();
            QVERIFY(canvas.save(shot));
        }
    }

        void exportSaysWhatIsUnfinished() {
        typeBody(u"The lights went up on Friday."_qs);
        QTemporaryDir out;
        QString shown;
        QTimer::singleShot(0, this, [&] {
            QTRY_VERIFY(QApplication::activeModalWidget());
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            QVERIFY(box);
            shown = box->text();
            box->button(QMessageBox::Ok)->click();
        });
        m_window->exportCurrentTo(out.path());
        QCOMPARE(shown, u"The page is in %1.\n\nBefore it is published:\n"
                        u"• The headline is empty: the page is titled “Untitled story”."_qs.arg(
                            QDir::toNativeSeparators(out.filePath(u"story"_qs))));
        QVERIFY(QFile::exists(out.filePath(u"story/index.html"_qs)));
    }

    void searchAndDelete() {
        useSampleLibrary();
        QString error;
        auto *list = findChild<QListWidget>(u"storyList"_qs);
        QCOMPARE(list->count(), 3);
        // The stories listed; a note (not selectable) says when the open story is filtered out.
        const auto listed = [list] {
            QStringList out;
            for (int row = 0; row < list->count(); ++row)
                if (list->item(row)->flags() & Qt::ItemIsSelectable)
                    out.append(list->item(row)->text());
            return out;
        };
        QTest::keyClicks(findChild<QLineEdit>(u"searchEdit"_qs), u"rowers"_qs);
        QTRY_COMPARE(listed().size(), 1);
        QVERIFY(listed().constFirst().contains(u"rowers"_qs));
        findChild<QLineEdit>(u"searchEdit"_qs)->clear();
        QTRY_COMPARE(list->count(), 3);
        auto *status = findChild<QComboBox>(u"statusFilter"_qs);
        status->setCurrentIndex(status->findText(u"Published"_qs));
        QCOMPARE(listed().size(), 1);
        status->setCurrentIndex(0);

        const QString doomed = m_window->currentStoryId();
        auto answerDelete = [this](QMessageBox::StandardButton button) {
            QTimer::singleShot(0, this, [button] {
                auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
                QVERIFY(box);
                QVERIFY(box->text().startsWith(u"Delete “"_qs));
                box->button(button)->click();
            });
        };
        answerDelete(QMessageBox::Cancel);
        QTest::mouseClick(findChild<QPushButton>(u"deleteStoryButton"_qs), Qt::LeftButton);
        QCOMPARE(m_library->count(), 3);
        answerDelete(QMessageBox::Yes);
        QTest::mouseClick(findChild<QPushButton>(u"deleteStoryButton"_qs), Qt::LeftButton);
        QCOMPARE(m_library->count(), 2);
        QVERIFY(!m_library->load(doomed, &error));
        QCOMPARE(list->count(), 2);
        QVERIFY(m_window->currentStoryId() != doomed);
        QVERIFY(!m_window->currentStoryId().isEmpty());
    }

    void previewShowsPicturesAndOpensLinksOutside() {
        useSampleLibrary();
        QTRY_VERIFY_WITH_TIMEOUT(
            js(u"(function(){var i=document.querySelector('figure.story-image img');return i&&i.complete?i.naturalWidth:0;})()"_qs)
                    .toInt() > 0,
            PreviewTimeoutMs);
        QVERIFY(js(u"document.querySelector('figure.story-image img').getAttribute('src')"_qs)
                    .toString()
                    .startsWith(u"galley://image/"_qs));

        // Typing patches the changed paragraph only: the picture element is the same one.
        js(u"document.querySelector('figure.story-image img').galleyKept = 'kept'; 1"_qs);
        const int updatesBefore = m_updates;
        typeHeadline(u" tonight"_qs);
        QTRY_VERIFY_WITH_TIMEOUT(m_updates > updatesBefore &&
                                     js(u"document.querySelector('article.story h1').textContent"_qs)
                                         .toString()
                                         .endsWith(u" tonight"_qs),
                                 PreviewTimeoutMs);
        QCOMPARE(js(u"document.querySelector('figure.story-image img').galleyKept"_qs).toString(),
                 u"kept"_qs);

        LinkCatcher catcher;
        QDesktopServices::setUrlHandler(u"https"_qs, &catcher, "open");
        BodyEditor *body = m_window->storyEditor()->bodyEditor();
        body->setFocus();
        body->moveCursor(QTextCursor::End);
        QTest::keyClicks(body, u" See"_qs);
        QTimer::singleShot(0, this, [] {
            QWidget *dialog = QApplication::activeModalWidget();
            QVERIFY(dialog);
            dialog->findChild<QLineEdit *>(u"linkTextEdit"_qs)->setText(u"the plan"_qs);
            auto *url = dialog->findChild<QLineEdit *>(u"linkUrlEdit"_qs);
            url->setText(u"https://example.org/plan"_qs);
            QTest::keyClick(url, Qt::Key_Return);
        });
        QTest::keyClick(body, Qt::Key_K, Qt::ControlModifier);
        const QString link =
            u"document.querySelector('article.story a[href=\"https://example.org/plan\"]')"_qs;
        QTRY_VERIFY_WITH_TIMEOUT(js(link + u" !== null"_qs).toBool(), PreviewTimeoutMs);
        js(link + u".click(); 1"_qs);
        QTRY_COMPARE(catcher.opened, (QList<QUrl>{QUrl(u"https://example.org/plan"_qs)}));
        QDesktopServices::unsetUrlHandler(u"https"_qs);
        QCOMPARE(m_window->previewPane()->view()->url(), previewShellUrl());
    }

    void closingSavesAndRemembersStory() {
        Story other = Story::create();
        other.headline = u"Older story"_qs;
        QString error;
        QVERIFY(m_library->save(other, &error));
        QVERIFY(m_window->openStory(other.id));
        typeHeadline(u", updated"_qs);
        QVERIFY(m_window->close());
        QCOMPARE(m_library->load(other.id, &error)->headline, u"Older story, updated"_qs);
        QCOMPARE(Settings().value(Settings::Key::LastStoryId).toString(), other.id);
        QVERIFY(!Settings().value(Settings::Key::WindowGeometry).toByteArray().isEmpty());

        m_window = std::make_unique<MainWindow>(*m_library);
        m_window->openInitialStory();
        QCOMPARE(m_window->currentStoryId(), other.id);
    }

    void importedStoriesAreSavedAndOpened() {
        Story first = Story::create();
        first.headline = u"Ferry plan"_qs;
        first.slug = u"ferry-plan"_qs;
        first.body = {Block::make(BlockKind::Paragraph, u"Imported text."_qs)};
        Story second = first;
        second.id = newId();
        QCOMPARE(m_window->addImportedStories({first, second}), 2);
        QString error;
        QCOMPARE(m_library->load(first.id, &error)->slug, u"ferry-plan"_qs);
        QCOMPARE(m_library->load(second.id, &error)->slug, u"ferry-plan-2"_qs);
        QCOMPARE(m_window->currentStoryId(), second.id);
        QCOMPARE(m_window->storyEditor()->story().body, first.body);
    }

    void droppedFileIsImported() {
        const QString path = m_dir.filePath(u"dropped-story.txt"_qs);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("Quay market moves indoors for winter\n\nThe Saturday market will move into the old "
                   "net shed from November.\n\nStallholders voted for the move last week.\n");
        file.close();
        const int before = m_library->count();

        // The review dialog is modal: accept it whenever it shows up.
        QTimer acceptor;
        testsupport::acceptModalDialogs(acceptor, this);
        // QTest cannot drive a real drag; the panel's drop handler only forwards the data.
        auto *panel = m_window->findChild<StoryListPanel *>();
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(path)});
        Q_EMIT panel->importDropped(&mime);
        QTRY_COMPARE(m_library->count(), before + 1);
        acceptor.stop();
        QVERIFY(m_window->currentStoryId() != m_storyId);
        QVERIFY(m_window->storyEditor()->story().bodyPlainText().contains(u"net shed from November."_qs));
    }

    void filesNamedAtStartAreReviewed() {
        // `galley FILE...` (a wire file opened from a file manager) calls reviewFiles().
        const QString path = m_dir.filePath(u"opened-story.txt"_qs);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("Ferry timetable changes at Easter\n\nThe first crossing will leave at six from "
                   "April.\n\nThe harbour board agreed the change on Monday.\n");
        file.close();
        const int before = m_library->count();

        QTimer acceptor;
        int reviews = 0;
        testsupport::acceptModalDialogs(acceptor, this, &reviews);
        m_window->reviewFiles({path});
        QTRY_COMPARE(m_library->count(), before + 1);
        acceptor.stop();
        QCOMPARE(reviews, 1);
        QVERIFY(m_window->storyEditor()->story().bodyPlainText().contains(u"leave at six from April."_qs));
    }

    void settingsDefaults() {
        QSettings().clear();
        Settings settings;
        QCOMPARE(settings.value(Settings::Key::LastStoryId), QVariant(QString()));
        QCOMPARE(settings.value(Settings::Key::SplitterState), QVariant(QByteArray()));
        QCOMPARE(Settings::keyName(Settings::Key::WindowGeometry), u"window/geometry"_qs);
        settings.setValue(Settings::Key::LastExportFolder, u"/tmp/pages"_qs);
        QCOMPARE(Settings().value(Settings::Key::LastExportFolder).toString(), u"/tmp/pages"_qs);
        // Notes are signed with the account's name until the user sets one.
        QCOMPARE(Settings::keyName(Settings::Key::UserName), u"user/name"_qs);
        QVERIFY(!settings.value(Settings::Key::UserName).toString().isEmpty());
    }

    void screenshot() {
        const QString path = qEnvironmentVariable("GALLEY_SCREENSHOT");
        if (path.isEmpty())
            QSKIP("Set GALLEY_SCREENSHOT=/path.png to write a picture of the window.");
        useSampleLibrary();
        QTRY_VERIFY_WITH_TIMEOUT(js(u"document.querySelectorAll('article.story').length"_qs).toInt() == 1,
                                 PreviewTimeoutMs);
        // The body from "What the money buys": a nested list and a table, and the preview beside it.
        const Story &story = m_window->storyEditor()->story();
        for (const Block &block : story.body) {
            if (block.kind != BlockKind::Subhead || block.plainText() != u"What the money buys"_qs)
                continue;
            QVERIFY(m_window->storyEditor()->revealBlock(block.id));
            QTextEdit *body = m_window->storyEditor()->bodyEditor();
            const QTextBlock text = body->textCursor().block();
            body->verticalScrollBar()->setValue(
                int(body->document()->documentLayout()->blockBoundingRect(text).top()) - 8);
        }
        QTest::qWait(1500); // pictures decode, the page paints and scrolls
        QVERIFY(m_window->grab().save(path));
        // The other tabs, for a look at the panels built in code.
        auto *tabs = findChild<QTabWidget>(u"storyTabs"_qs);
        for (int tab = 1; tab < tabs->count(); ++tab) {
            tabs->setCurrentIndex(tab);
            QTest::qWait(200);
            QVERIFY(m_window->grab().save(QString(path).replace(u".png"_qs, u"-tab%1.png"_qs.arg(tab))));
        }
        tabs->setCurrentIndex(0);
    }

private:
    template <typename T> T *findChild(const QString &name) const {
        return testsupport::requireChild<T>(m_window.get(), name);
    }

    void typeHeadline(const QString &text) {
        testsupport::typeAtEnd(findChild<WrappingLineEdit>(u"headlineEdit"_qs), text);
    }

    void typeBody(const QString &text) { testsupport::typeInto(m_window->storyEditor()->bodyEditor(), text); }

    void useSampleLibrary() {
        cleanup();
        m_library = std::make_unique<StoryLibrary>();
        QString error;
        QVERIFY(m_library->open(m_dir.filePath(u"samples-%1.sqlite"_qs.arg(++m_count)), &error));
        QVERIFY2(fillWithSamples(*m_library, &error), qPrintable(error));
        m_window = std::make_unique<MainWindow>(*m_library);
        connect(m_window->previewPane(), &PreviewPane::articleUpdated, this, [this] { ++m_updates; });
        m_window->resize(1500, 940);
        m_window->openInitialStory();
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    // Runs @p script in the preview page and waits for its result; invalid while the page is not up.
    QVariant js(const QString &script) {
        return testsupport::runPageScript(m_window->previewPane()->view(), script);
    }

    QTemporaryDir m_dir;
    std::unique_ptr<StoryLibrary> m_library;
    std::unique_ptr<MainWindow> m_window;
    QString m_storyId;
    int m_count = 0;
    int m_updates = 0;
};

int main(int argc, char **argv) {
    QTEST_SET_MAIN_SOURCE_PATH
    return galley::testsupport::runGuiTest<TestMainWindow>(argc, argv, u"tst_mainwindow"_qs);
}

#include "tst_mainwindow.moc"
