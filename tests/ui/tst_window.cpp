// Issue 14, the window and its output: shortcuts from every field, small screens, wrapping fields,
// printing, publication times and the Trash. Drives the real MainWindow on a temporary library.
// Set GALLEY_SCREENSHOT_DIR=/folder to also write pictures of the window at 800 × 600.

#include "bodyeditor.h"
#include "guitestsupport.h"
#include "mainwindow.h"
#include "preview/previewpane.h"
#include "storage/storylibrary.h"
#include "storyeditor.h"
#include "storylistpanel.h"
#include "wrappinglineedit.h"

#include <QAction>
#include <QApplication>
#include <QBuffer>
#include <QClipboard>
#include <QComboBox>
#include <QFileDialog>
#include <QImage>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QDockWidget>
#include <QPushButton>
#include <QMap>
#include <QPainter>
#include <QPdfDocument>
#include <QPlainTextEdit>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QTimeZone>
#include <QTimer>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QWebEngineView>

#include <memory>

using namespace galley;

namespace {

// Generous: the first page load starts Chromium.
constexpr int PreviewTimeoutMs = 30000;

QByteArray smallPng() {
    QImage image(40, 30, QImage::Format_RGB32);
    image.fill(QColor(u"#3a6ea5"_qs));
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

// Claims every key for the widget it watches, as a line edit does with Ctrl+E ("end of line") under
// X11's Emacs-style key bindings and Chromium's view does with the keys a page may want; offscreen
// the platform's bindings are the Windows ones, so the test brings the X11 behaviour itself.
class KeyClaimer final : public QObject {
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject *, QEvent *event) override {
        if (event->type() == QEvent::ShortcutOverride) {
            event->accept();
            return true;
        }
        return false;
    }
};

// An invented story with a paragraph, a pull quote and a picture: every kind of field to focus.
Story fieldStory() {
    Story story = Story::create();
    story.headline = u"Ferry timetable changes for the winter"_qs;
    story.deck = u"Fewer crossings after dark from November"_qs;
    story.body.append(Block::make(BlockKind::Paragraph, u"The first boat leaves at seven."_qs));
    PullQuote quote;
    quote.id = newId();
    quote.text = u"We keep the island connected"_qs;
    quote.attribution = u"A harbour master"_qs;
    quote.placement.afterBlockId = story.body.constFirst().id;
    story.pullQuotes.append(quote);
    StoryImage image;
    image.id = newId();
    image.data = smallPng();
    image.mimeType = u"image/png"_qs;
    image.fileName = u"ferry.png"_qs;
    image.caption = u"The evening ferry at the quay"_qs;
    image.credit = u"Staff"_qs;
    image.altText = u"A white ferry beside a stone quay"_qs;
    image.placement.afterBlockId = story.body.constFirst().id;
    story.images.append(image);
    return story;
}

} // namespace

class TestWindow final : public QObject {
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
        Story story = fieldStory();
        QVERIFY2(m_library->save(story, &error), qPrintable(error));
        m_storyId = story.id;
        openWindow();
    }

    void cleanup() {
        m_window.reset();
        m_library.reset();
    }

    // Ctrl+E (and the other window shortcuts) reach the window from every kind of field, the
    // preview's web view included, where line edits would take it as "end of line" and Chromium
    // would take every key.
    void exportShortcutFromEveryField() {
        QAction *exportAction = findChild<QAction>(u"exportAction"_qs);
        QAction *printAction = findChild<QAction>(u"printPdfAction"_qs);
        // The test watches the actions; the file dialogs behind them would wait for a person.
        exportAction->disconnect();
        printAction->disconnect();
        QSignalSpy exports(exportAction, &QAction::triggered);
        QSignalSpy prints(printAction, &QAction::triggered);
        auto *tabs = findChild<QTabWidget>(u"storyTabs"_qs);

        QTRY_VERIFY_WITH_TIMEOUT(m_window->previewPane()->view() && m_window->previewPane()->isUpToDate(),
                                 PreviewTimeoutMs);
        const QList<std::pair<int, QString>> fields = {
            {0, u"headlineEdit"_qs},        {0, u"deckEdit"_qs},          {0, u"bylineEdit"_qs},
            {0, u"slugEdit"_qs},            {0, u"bodyEditor"_qs},        {1, u"pullQuoteText0"_qs},
            {1, u"pullQuoteAttribution0"_qs}, {2, u"imageCaption0"_qs},   {2, u"imageAlt0"_qs},
            {-1, u"preview"_qs}};
        int expected = 0;
        for (const auto &[tab, name] : fields) {
            QWidget *field = nullptr;
            if (tab < 0) {
                field = m_window->previewPane()->view()->focusProxy();
            } else {
                tabs->setCurrentIndex(tab);
                field = findChild<QWidget>(name);
            }
            QVERIFY2(field, qPrintable(name));
            KeyClaimer claimer;
            field->installEventFilter(&claimer);
            field->setFocus(Qt::OtherFocusReason);
            QTRY_COMPARE(QApplication::focusWidget(), field);
            const QString before = fieldText(field);
            QTest::keyClick(field, Qt::Key_E, Qt::ControlModifier);
            ++expected;
            QVERIFY2(exports.count() == expected, qPrintable(u"Ctrl+E in "_qs + name));
            QTest::keyClick(field, Qt::Key_P, Qt::ControlModifier);
            QVERIFY2(prints.count() == expected, qPrintable(u"Ctrl+P in "_qs + name));
            QCOMPARE(fieldText(field), before);
        }
        // Undo stays the field's own: Ctrl+Z in the headline undoes the headline's typing.
        tabs->setCurrentIndex(0);
        auto *headline = findChild<WrappingLineEdit>(u"headlineEdit"_qs);
        testsupport::typeAtEnd(headline, u" now"_qs);
        QCOMPARE(headline->text(), u"Ferry timetable changes for the winter now"_qs);
        QTest::keyClick(headline, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(headline->text(), u"Ferry timetable changes for the winter"_qs);
        QCOMPARE(exports.count(), expected);
    }


    // No two actions of the window share a shortcut.
    void shortcutsDoNotClash() {
        QMap<QString, QStringList> owners;
        for (const QAction *action : m_window->findChildren<QAction *>())
            for (const QKeySequence &key : action->shortcuts())
                owners[key.toString()].append(QString(action->text()).remove(u'&'));
        for (auto it = owners.cbegin(); it != owners.cend(); ++it)
            QVERIFY2(it.value().size() == 1, qPrintable(it.key() + u" is "_qs + it.value().join(u" and "_qs)));
    }

    void smallScreen_data() {
        QTest::addColumn<QSize>("size");
        QTest::newRow("800x600") << QSize(800, 600);
        QTest::newRow("900x1000") << QSize(900, 1000);
    }

    // At 800 × 600 and 900 pixels wide every field of the form keeps at least its minimum height
    // and can be scrolled into view; the body keeps room to write in.
    void smallScreen() {
        QFETCH(QSize, size);
        m_window->resize(size);
        QTRY_COMPARE(m_window->size(), size);
        QVERIFY(m_window->storyList()->isVisible());
        QVERIFY(m_window->previewPane()->isVisible());
        auto *scroll = findChild<QScrollArea>(u"editorScroll"_qs);
        const QStringList fields = {u"headlineEdit"_qs, u"deckEdit"_qs,    u"bylineEdit"_qs, u"datelineEdit"_qs,
                                    u"sectionCombo"_qs, u"statusCombo"_qs, u"slugEdit"_qs,   u"bodyEditor"_qs};
        for (const QString &name : fields) {
            QWidget *field = findChild<QWidget>(name);
            // A height set by hand (the deck's two lines) is the field's minimum, as for a layout.
            const int least = field->minimumHeight() > 0 ? field->minimumHeight() : field->minimumSizeHint().height();
            QVERIFY2(field->height() >= least, qPrintable(name));
            QVERIFY2(field->width() >= 60, qPrintable(name));
            // The whole field, not only its text cursor (what ensureWidgetVisible() shows of an editor).
            const QPoint centre = field->mapTo(scroll->widget(), field->rect().center());
            scroll->ensureVisible(centre.x(), centre.y(), field->width() / 2, field->height() / 2);
            const QRect shown(field->mapTo(scroll->viewport(), QPoint(0, 0)), field->size());
            // (A pixel of slack: the tab frame under the body may end a pixel past the form.)
            QVERIFY2(scroll->viewport()->rect().adjusted(-1, -1, 1, 1).contains(shown), qPrintable(name));
        }
        // Scrolling sideways is never needed.
        QVERIFY(!scroll->horizontalScrollBar()->isVisible());
        // The story list's buttons are never cut off: labelled when the words fit, icons when not.
        for (const QString &name : {u"newStoryButton"_qs, u"duplicateStoryButton"_qs, u"deleteStoryButton"_qs}) {
            auto *button = findChild<QPushButton>(name);
            QVERIFY2(button->width() >= button->sizeHint().width(), qPrintable(name));
            QVERIFY2(!button->toolTip().isEmpty(), qPrintable(name));
            if (size.width() == 800)
                QCOMPARE(button->text(), QString());
        }
        // The checks keep to a quarter of the window's height (they were shown at its first show).
        QVERIFY(findChild<QDockWidget>(u"checksDock"_qs)->height() <= 240);
        QVERIFY(findChild<QWidget>(u"bodyEditor"_qs)->height() >= 160);
        const QString dir = qEnvironmentVariable("GALLEY_SCREENSHOT_DIR");
        if (!dir.isEmpty() && size == QSize(800, 600)) {
            scroll->ensureWidgetVisible(findChild<QWidget>(u"headlineEdit"_qs));
            QTRY_VERIFY_WITH_TIMEOUT(m_window->previewPane()->isUpToDate(), PreviewTimeoutMs);
            QTest::qWait(1000); // the page paints
            QVERIFY(m_window->grab().save(QDir(dir).filePath(u"small-screen.png"_qs)));
        }
    }

    // View › Story List and View › Preview hide and show the panes from the keyboard, and a new
    // window starts as the last one was left.
    void paneTogglesPersist() {
        QAction *list = findChild<QAction>(u"toggleStoryListAction"_qs);
        QAction *preview = findChild<QAction>(u"togglePreviewAction"_qs);
        QVERIFY(list->isCheckable() && list->isChecked());
        QVERIFY(preview->isCheckable() && preview->isChecked());
        auto *headline = findChild<WrappingLineEdit>(u"headlineEdit"_qs);
        headline->setFocus(Qt::OtherFocusReason);
        QTRY_COMPARE(QApplication::focusWidget(), headline);
        QTest::keyClick(headline, Qt::Key_L, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(!list->isChecked());
        QVERIFY(!m_window->storyList()->isVisible());
        QTest::keyClick(headline, Qt::Key_P, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(!preview->isChecked());
        QVERIFY(!m_window->previewPane()->isVisible());
        QCOMPARE(QSettings().value(u"view/storyList"_qs).toBool(), false);
        QCOMPARE(QSettings().value(u"view/preview"_qs).toBool(), false);

        m_window->close();
        m_window.reset();
        openWindow();
        QVERIFY(!findChild<QAction>(u"toggleStoryListAction"_qs)->isChecked());
        QVERIFY(!m_window->storyList()->isVisible());
        QVERIFY(!m_window->previewPane()->isVisible());
        findChild<QAction>(u"toggleStoryListAction"_qs)->trigger();
        findChild<QAction>(u"togglePreviewAction"_qs)->trigger();
        QVERIFY(m_window->storyList()->isVisible());
        QVERIFY(m_window->previewPane()->isVisible());
        m_window->close();
        m_window.reset();
        openWindow();
        QVERIFY(m_window->storyList()->isVisible());
        QVERIFY(m_window->previewPane()->isVisible());
    }

    // File › Print to PDF (Ctrl+P) from the headline: the PDF is titled with the headline, its page
    // is white to the edges (no grey of the on-screen sheet), one page for a short story, and the
    // preview goes back to the width it had.
    void printToPdf() {
        PreviewPane *preview = m_window->previewPane();
        QTRY_VERIFY_WITH_TIMEOUT(preview->view() && preview->isUpToDate(), PreviewTimeoutMs);
        preview->setPreviewWidth(PreviewPane::Width::Tablet);
        const QString path = m_dir.filePath(u"printed-%1.pdf"_qs.arg(m_count));
        QTimer answer;
        connect(&answer, &QTimer::timeout, this, [&path] {
            if (auto *dialog = qobject_cast<QFileDialog *>(QApplication::activeModalWidget())) {
                // Typed into the dialog's file name field, as a user would.
                if (auto *name = dialog->findChild<QLineEdit *>(u"fileNameEdit"_qs))
                    name->setText(path);
                QMetaObject::invokeMethod(dialog, &QDialog::accept);
            }
        });
        answer.start(50);
        QSignalSpy done(preview, &PreviewPane::pdfFinished);
        auto *headline = findChild<WrappingLineEdit>(u"headlineEdit"_qs);
        headline->setFocus(Qt::OtherFocusReason);
        QTRY_COMPARE(QApplication::focusWidget(), headline);
        QTest::keyClick(headline, Qt::Key_P, Qt::ControlModifier);
        QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, PreviewTimeoutMs);
        answer.stop();
        QCOMPARE(done.at(0).at(0).toString(), path);
        QCOMPARE(done.at(0).at(1).toBool(), true);
        QCOMPARE(preview->previewWidth(), PreviewPane::Width::Tablet);

        QPdfDocument pdf;
        QCOMPARE(pdf.load(path), QPdfDocument::Error::None);
        QCOMPARE(pdf.metaData(QPdfDocument::MetaDataField::Title).toString(),
                 u"Ferry timetable changes for the winter"_qs);
        QCOMPARE(pdf.pageCount(), 1);
        // A4 at two pixels a millimetre; the on-screen sheet's surround is #8a8d91.
        // (QtPdf leaves unpainted paper transparent: it goes on white, as on a printer.)
        QImage page(420, 594, QImage::Format_RGB32);
        page.fill(Qt::white);
        QPainter(&page).drawImage(0, 0, pdf.render(0, page.size()));
        int grey = 0;
        for (int y = 0; y < page.height(); ++y)
            for (int x = 0; x < page.width(); ++x) {
                const QColor c = page.pixelColor(x, y);
                grey += qAbs(c.red() - 0x8a) <= 3 && qAbs(c.green() - 0x8d) <= 3 && qAbs(c.blue() - 0x91) <= 3;
            }
        QCOMPARE(grey, 0);
        for (int x = 0; x < page.width(); ++x) {
            QCOMPARE(page.pixelColor(x, 2), QColor(Qt::white));
            QCOMPARE(page.pixelColor(x, page.height() - 3), QColor(Qt::white));
        }
    }

    void wrappingFields_data() {
        QTest::addColumn<int>("tab");
        QTest::addColumn<QString>("name");
        QTest::newRow("headline") << 0 << u"headlineEdit"_qs;
        QTest::newRow("deck") << 0 << u"deckEdit"_qs;
        QTest::newRow("caption") << 2 << u"imageCaption0"_qs;
        QTest::newRow("alt text") << 2 << u"imageAlt0"_qs;
    }

    // Headline, deck, caption and alt text show their whole text: they wrap and grow to four lines,
    // then scroll; Enter adds no line break, and pasted line breaks and tabs become spaces.
    void wrappingFields() {
        QFETCH(int, tab);
        QFETCH(QString, name);
        m_window->resize(800, 600);
        QTRY_COMPARE(m_window->size(), QSize(800, 600));
        findChild<QTabWidget>(u"storyTabs"_qs)->setCurrentIndex(tab);
        auto *field = findChild<WrappingLineEdit>(name);
        const auto storyText = [this, &name] {
            const Story &story = m_window->storyEditor()->story();
            if (name == u"headlineEdit")
                return story.headline;
            if (name == u"deckEdit")
                return story.deck;
            return name == u"imageCaption0" ? story.images.constFirst().caption : story.images.constFirst().altText;
        };
        field->setFocus(Qt::OtherFocusReason);
        QTRY_COMPARE(QApplication::focusWidget(), field);
        field->selectAll();
        QTest::keyClick(field, Qt::Key_Delete);
        QCOMPARE(field->visibleLines(), 1);
        const int oneLine = field->height();

        const QString words = u"Councillors agree to keep the late ferry running through the winter months"_qs;
        QTest::keyClicks(field, words);
        QTest::keyClick(field, Qt::Key_Return);
        QTest::keyClick(field, Qt::Key_Enter);
        QCOMPARE(field->text(), words);
        QCOMPARE(storyText(), words);
        QVERIFY2(field->visibleLines() >= 2, qPrintable(QString::number(field->visibleLines())));
        QVERIFY(field->height() > oneLine);
        // The whole text is on screen: nothing to scroll.
        QCOMPARE(field->verticalScrollBar()->maximum(), 0);

        QApplication::clipboard()->setText(u" after\na vote\r\nof\tsix\u2029to one"_qs);
        QTest::keyClick(field, Qt::Key_V, Qt::ControlModifier);
        const QString pasted = words + u" after a vote of six to one"_qs;
        QCOMPARE(field->text(), pasted);
        QCOMPARE(storyText(), pasted);

        // The form makes room: the field grown over two lines does not cover the field under it.
        const QMap<QString, QString> below = {{u"headlineEdit"_qs, u"headlineCount"_qs},
                                              {u"deckEdit"_qs, u"bylineEdit"_qs},
                                              {u"imageCaption0"_qs, u"imageCredit0"_qs},
                                              {u"imageAlt0"_qs, u"imagePlacement0"_qs}};
        QWidget *next = findChild<QWidget>(below.value(name));
        const auto bottomOf = [this](QWidget *w) { return w->mapTo(m_window.get(), QPoint(0, w->height())).y(); };
        const auto topOf = [this](QWidget *w) { return w->mapTo(m_window.get(), QPoint(0, 0)).y(); };
        QTRY_VERIFY2(bottomOf(field) <= topOf(next),
                     qPrintable(u"%1 ends at %2, %3 starts at %4"_qs.arg(name).arg(bottomOf(field)).arg(next->objectName()).arg(topOf(next))));
        const QString dir = qEnvironmentVariable("GALLEY_SCREENSHOT_DIR");
        if (!dir.isEmpty() && name == u"headlineEdit")
            QVERIFY(m_window->grab().save(QDir(dir).filePath(u"wrapping-headline.png"_qs)));

        // Past four lines it stops growing and scrolls.
        for (int i = 0; i < 6; ++i)
            QTest::keyClicks(field, u" and more words"_qs);
        QCOMPARE(field->visibleLines(), WrappingLineEdit::MaxLines);
        QVERIFY(field->verticalScrollBar()->maximum() > 0);
        QVERIFY(!field->text().contains(u'\n'));
    }

    // setText() is not an edit: textChanged() but no textEdited(), as QLineEdit.
    void wrappingFieldSignals() {
        WrappingLineEdit field;
        QSignalSpy changed(&field, &WrappingLineEdit::textChanged);
        QSignalSpy edited(&field, &WrappingLineEdit::textEdited);
        field.setText(u"Two\nlines"_qs);
        QCOMPARE(field.text(), u"Two lines"_qs);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(edited.count(), 0);
        field.setCursorPosition(3);
        field.insert(u",\tthen"_qs);
        QCOMPARE(field.text(), u"Two, then lines"_qs);
        QCOMPARE(edited.count(), 1);
        QCOMPARE(edited.at(0).at(0).toString(), u"Two, then lines"_qs);
    }

    // The preview shows the publication time in the section's zone from the settings, as the
    // export does (the exact markup is tested in tst_storytimes).
    void previewShowsPublicationTime() {
        QSettings().setValue(u"timeZone/default"_qs, u"Asia/Tokyo"_qs);
        const QDateTime created = m_window->storyEditor()->story().created;
        QVERIFY(created.isValid());
        const QString expected = created.toTimeZone(QTimeZone("Asia/Tokyo"))
                                     .toOffsetFromUtc(9 * 3600)
                                     .toString(Qt::ISODate);
        testsupport::typeAtEnd(findChild<WrappingLineEdit>(u"headlineEdit"_qs), u" again"_qs);
        QTRY_COMPARE_WITH_TIMEOUT(
            testsupport::runPageScript(m_window->previewPane()->view(),
                                       u"(function(){var t=document.querySelector('header p.story-time time');"
                                       u"return t?t.getAttribute('datetime'):'';})()"_qs)
                .toString(),
            expected, PreviewTimeoutMs);
        QSettings().remove(u"timeZone/default"_qs);
    }

    // Deleting moves the story to the Trash; View › Trash lists it and Restore brings it back,
    // open, and in the story list again.
    void deleteToTrashAndRestore() {
        auto *list = findChild<QListWidget>(u"storyList"_qs);
        QCOMPARE(list->count(), 1);
        QTimer::singleShot(0, this, [] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            QVERIFY(box);
            QCOMPARE(box->text(), u"Delete “Ferry timetable changes for the winter”? It goes to the Trash, where "
                                  u"View › Trash can restore it for 30 days."_qs);
            box->button(QMessageBox::Yes)->click();
        });
        QTest::mouseClick(findChild<QPushButton>(u"deleteStoryButton"_qs), Qt::LeftButton);
        QCOMPARE(m_library->count(), 0);
        QCOMPARE(list->count(), 1);
        QCOMPARE(list->item(0)->text(), u"No stories"_qs);
        QCOMPARE(m_window->currentStoryId(), QString());
        QString error;
        QCOMPARE(m_library->trashedStories(&error).size(), 1);

        QString listed;
        QTimer::singleShot(0, this, [&listed] {
            auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            auto *trash = dialog->findChild<QListWidget *>(u"trashList"_qs);
            QCOMPARE(trash->count(), 1);
            listed = trash->item(0)->text();
            const QString dir = qEnvironmentVariable("GALLEY_SCREENSHOT_DIR");
            if (!dir.isEmpty())
                QVERIFY(dialog->grab().save(QDir(dir).filePath(u"trash.png"_qs)));
            QTest::mouseClick(dialog->findChild<QPushButton *>(u"trashRestoreButton"_qs), Qt::LeftButton);
            QCOMPARE(trash->count(), 0);
            QVERIFY(!dialog->findChild<QPushButton *>(u"trashEmptyButton"_qs)->isEnabled());
            dialog->reject();
        });
        findChild<QAction>(u"trashAction"_qs)->trigger();
        QVERIFY2(listed.startsWith(u"Ferry timetable changes for the winter — ferry-timetable-changes-for-the-winter, "
                                   u"deleted "_qs),
                 qPrintable(listed));
        QCOMPARE(m_window->currentStoryId(), m_storyId);
        QVERIFY(m_window->storyEditor()->isEnabled());
        QCOMPARE(findChild<WrappingLineEdit>(u"headlineEdit"_qs)->text(), u"Ferry timetable changes for the winter"_qs);
        QCOMPARE(list->count(), 1);
        QCOMPARE(list->item(0)->text(), u"Ferry timetable changes for the winter"_qs);
        QCOMPARE(m_library->count(), 1);
        QVERIFY(m_library->trashedStories(&error).isEmpty());
    }

private:
    template <typename T> T *findChild(const QString &name) const {
        return testsupport::requireChild<T>(m_window.get(), name);
    }

    static QString fieldText(QWidget *field) {
        if (auto *line = qobject_cast<QLineEdit *>(field))
            return line->text();
        if (auto *plain = qobject_cast<QPlainTextEdit *>(field))
            return plain->toPlainText();
        if (auto *rich = qobject_cast<QTextEdit *>(field))
            return rich->toPlainText();
        return {};
    }

    void openWindow() {
        m_window = std::make_unique<MainWindow>(*m_library);
        m_window->openInitialStory();
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    QTemporaryDir m_dir;
    std::unique_ptr<StoryLibrary> m_library;
    std::unique_ptr<MainWindow> m_window;
    QString m_storyId;
    int m_count = 0;
};

int main(int argc, char **argv) {
    QTEST_SET_MAIN_SOURCE_PATH
    return galley::testsupport::runGuiTest<TestWindow>(argc, argv, u"tst_window"_qs);
}

#include "tst_window.moc"
