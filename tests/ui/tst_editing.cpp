// Drives the story editor the way the QA pass did: links from the link dialog, bylines, the slug
// of a saved story, damaged pictures, pasting into lists and into an empty story, drops anywhere
// on the window, and a save that keeps failing.

#include "bodyeditor.h"
#include "guitestsupport.h"
#include "icons.h"
#include "imagepanel.h"
#include "linkdialog.h"
#include "mainwindow.h"
#include "panelrow.h"
#include "pictures/picturemetadatawriter.h"
#include "preview/previewscheme.h"
#include "pullquotepanel.h"
#include "storage/storylibrary.h"
#include "storyeditor.h"
#include "wrappinglineedit.h"

#include <QAbstractScrollArea>
#include <QApplication>
#include <QBuffer>
#include <QClipboard>
#include <QComboBox>
#include <QDialog>
#include <QDropEvent>
#include <QImage>
#include <QImageWriter>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QMimeData>
#include <QSettings>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>

#include <memory>

using namespace galley;

namespace {

// "kind:line|line" per block, the same compact form as the sanitiser test.
QString describe(const QList<Block> &blocks) {
    QStringList out;
    for (const Block &block : blocks) {
        QStringList lines;
        for (const InlineText &line : block.lines)
            lines.append(line.plainText());
        out.append(blockKindKey(block.kind) + u':' + lines.join(u'|'));
    }
    return out.join(u'\n');
}

// About 20 KB of JPEG: noise compresses badly, so a tenth of it is a believable cut-off download.
QByteArray noisyJpeg() {
    QImage image(200, 150, QImage::Format_RGB32);
    quint32 seed = 7;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            seed = seed * 1103515245u + 12345u;
            image.setPixel(x, y, qRgb(int(seed >> 24), int((seed >> 16) & 0xff), (x + y) & 0xff));
        }
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, "jpeg");
    if (!writer.write(image))
        qFatal("cannot encode test picture");
    return buffer.data();
}

} // namespace

class TestEditing final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        testsupport::useTestSettings(m_dir);
    }

    void init() {
        m_editor = std::make_unique<StoryEditor>();
        Story story = Story::create();
        story.headline = u"Harbour wall repairs begin"_qs;
        m_editor->setStory(story);
        m_editor->resize(800, 600);
        m_editor->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_editor.get()));
    }

    void cleanup() {
        m_window.reset();
        m_library.reset();
        m_editor.reset();
    }

    // 1. The link dialog takes only http, https and mailto; a bare address gets https://.
    void linkDialogRefusesScriptAddresses() {
        typeBody(u"Read the report"_qs);
        BodyEditor *body = m_editor->bodyEditor();
        QTest::keyClick(body, Qt::Key_A, Qt::ControlModifier);
        QString noteAfterRefusal;
        bool stayedOpen = false;
        QString noteWhileTyping;
        QTimer::singleShot(0, this, [&] {
            auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            auto *url = dialog->findChild<QLineEdit *>(u"linkUrlEdit"_qs);
            QTest::keyClicks(url, u"javascript"_qs);
            noteWhileTyping = dialog->findChild<QLabel *>(u"linkNote"_qs)->text();
            QTest::keyClicks(url, u":alert(1)"_qs);
            QTest::keyClick(url, Qt::Key_Return);
            stayedOpen = dialog->isVisible() && dialog->result() != QDialog::Accepted;
            noteAfterRefusal = dialog->findChild<QLabel *>(u"linkNote"_qs)->text();
            url->clear();
            QTest::keyClicks(url, u"example.org/page"_qs);
            QTest::keyClick(url, Qt::Key_Return);
        });
        QTest::keyClick(body, Qt::Key_K, Qt::ControlModifier);
        QVERIFY(stayedOpen);
        QCOMPARE(noteWhileTyping, QString());
        QCOMPARE(noteAfterRefusal, u"Only web and mail addresses can be links: use one starting with "
                                   u"http://, https:// or mailto:."_qs);
        const QList<Block> blocks = m_editor->story().body;
        QCOMPARE(blocks.size(), 1);
        QCOMPARE(blocks[0].lines[0].runs,
                 (QList<InlineRun>{{u"Read the report"_qs, false, false, u"https://example.org/page"_qs}}));
    }

    void linkDialogCancelAfterRefusalAddsNoLink() {
        typeBody(u"Council"_qs);
        BodyEditor *body = m_editor->bodyEditor();
        QTest::keyClick(body, Qt::Key_A, Qt::ControlModifier);
        QTimer::singleShot(0, this, [] {
            auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            auto *url = dialog->findChild<QLineEdit *>(u"linkUrlEdit"_qs);
            QTest::keyClicks(url, u"JaVaScRiPt:alert(1)"_qs);
            QTest::keyClick(url, Qt::Key_Return);
            QTest::keyClick(url, Qt::Key_Escape);
        });
        QTest::keyClick(body, Qt::Key_K, Qt::ControlModifier);
        QCOMPARE(m_editor->story().body[0].lines[0].runs, (QList<InlineRun>{{u"Council"_qs}}));
        QVERIFY(!body->toHtml().contains(u"avaScript"_qs, Qt::CaseInsensitive));
    }

    void linkAddresses_data() {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("stored");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("https") << u"https://example.org/a"_qs << u"https://example.org/a"_qs << true;
        QTest::newRow("http") << u" http://example.org "_qs << u"http://example.org"_qs << true;
        QTest::newRow("mailto") << u"mailto:desk@example.org"_qs << u"mailto:desk@example.org"_qs << true;
        QTest::newRow("bare host and path")
            << u"example.org/page"_qs << u"https://example.org/page"_qs << true;
        QTest::newRow("www") << u"www.example.org"_qs << u"https://www.example.org"_qs << true;
        QTest::newRow("host with port")
            << u"news.example.org:8080/x?y=1"_qs << u"https://news.example.org:8080/x?y=1"_qs << true;
        QTest::newRow("empty removes") << u"  "_qs << QString() << true;
        QTest::newRow("javascript") << u"javascript:alert(1)"_qs << u"javascript:alert(1)"_qs << false;
        QTest::newRow("data") << u"data:text/html,<b>x</b>"_qs << u"data:text/html,<b>x</b>"_qs << false;
        QTest::newRow("file") << u"file:///etc/passwd"_qs << u"file:///etc/passwd"_qs << false;
        QTest::newRow("relative") << u"/news/today"_qs << u"/news/today"_qs << false;
        QTest::newRow("one word") << u"intranet"_qs << u"intranet"_qs << false;
    }

    void linkAddresses() {
        QFETCH(QString, typed);
        QFETCH(QString, stored);
        QFETCH(bool, accepted);
        LinkDialog dialog(u"text"_qs, QString());
        dialog.findChild<QLineEdit *>(u"linkUrlEdit"_qs)->setText(typed);
        QCOMPARE(dialog.url(), stored);
        dialog.accept();
        QCOMPARE(dialog.result() == QDialog::Accepted, accepted);
        QCOMPARE(dialog.findChild<QLabel *>(u"linkNote"_qs)->text() == LinkDialog::refusal(), !accepted);
    }

    // 2. Semicolons separate bylines; commas stay inside one.
    void bylinesSplitAtSemicolons() {
        auto *byline = child<QLineEdit>(u"bylineEdit"_qs);
        QCOMPARE(byline->placeholderText(), u"Names, separated by semicolons: Maren Holt; Tobias Quayle"_qs);
        byline->setFocus();
        QTest::keyClicks(byline, u"Jane Example, Staff Writer;  Tobias Quayle ;"_qs);
        QCOMPARE(m_editor->story().bylines,
                 (QList<Byline>{{u"Jane Example"_qs, u"Staff Writer"_qs}, {u"Tobias Quayle"_qs}}));

        Story story = Story::create();
        story.bylines = {{u"Maren Holt"_qs, u"Harbour Reporter"_qs}, {u"Tobias Quayle"_qs}};
        m_editor->setStory(story);
        QCOMPARE(byline->text(), u"Maren Holt, Harbour Reporter; Tobias Quayle"_qs);
        QCOMPARE(m_editor->story().bylines, story.bylines);
    }

    // 3. The slug follows the headline while the story is a draft; past draft, or chosen by hand, it
    // stays put, because the desk and the web address may already use it.
    void slugStaysPastDraft() {
        Story story = Story::create();
        story.headline = u"Ferry fares rise"_qs;
        story.slug = u"ferry-fares-rise"_qs;
        story.status = StoryStatus::CopyEdit;
        m_editor->setStory(story);
        typeHeadline(u" in spring"_qs);
        QCOMPARE(m_editor->story().headline, u"Ferry fares rise in spring"_qs);
        QCOMPARE(child<QLineEdit>(u"slugEdit"_qs)->text(), u"ferry-fares-rise"_qs);
        QCOMPARE(m_editor->story().slug, u"ferry-fares-rise"_qs);
    }

    void slugChosenByHandStays() {
        Story story = Story::create();
        story.headline = u"Ferry fares rise"_qs;
        story.slug = u"ferry-fares"_qs;
        m_editor->setStory(story);
        typeHeadline(u" in spring"_qs);
        QCOMPARE(m_editor->story().slug, u"ferry-fares"_qs);
    }

    void draftSlugFollowsHeadline_data() {
        QTest::addColumn<QString>("storedSlug");
        QTest::newRow("never saved") << QString();
        QTest::newRow("saved untitled") << u"story-2"_qs; // the library's placeholder
    }

    void draftSlugFollowsHeadline() {
        QFETCH(QString, storedSlug);
        Story story = Story::create();
        story.slug = storedSlug;
        m_editor->setStory(story);
        auto *slug = child<QLineEdit>(u"slugEdit"_qs);
        typeHeadline(u"Pier"_qs);
        QCOMPARE(slug->text(), u"pier"_qs);
        typeHeadline(u" reopens"_qs);
        QCOMPARE(slug->text(), u"pier-reopens"_qs);
        // An autosave halfway through the headline does not freeze a half-made slug.
        Story saved = m_editor->story();
        m_editor->markSaved(saved);
        typeHeadline(u" to walkers"_qs);
        QCOMPARE(slug->text(), u"pier-reopens-to-walkers"_qs);
        // Sent to the copy desk, the slug stays.
        auto *status = child<QComboBox>(u"statusCombo"_qs);
        status->setCurrentIndex(status->findText(u"Copy edit"_qs));
        typeHeadline(u" daily"_qs);
        QCOMPARE(slug->text(), u"pier-reopens-to-walkers"_qs);
        QCOMPARE(m_editor->story().slug, u"pier-reopens-to-walkers"_qs);
        // By hand it still changes; clearing it asks for the headline's slug again.
        slug->selectAll();
        QTest::keyClicks(slug, u"pier-walkers"_qs);
        QCOMPARE(m_editor->story().slug, u"pier-walkers"_qs);
        slug->selectAll();
        QTest::keyClick(slug, Qt::Key_Backspace);
        QCOMPARE(slug->text(), u"pier-reopens-to-walkers-daily"_qs);
        QCOMPARE(m_editor->story().slug, u"pier-reopens-to-walkers-daily"_qs);
    }

    // 4. A cut-off JPEG is refused like any other damaged file.
    void truncatedJpegIsRefused() {
        const QByteArray jpeg = noisyJpeg();
        QVERIFY(jpeg.size() > 10000);
        const QString cut = m_dir.filePath(u"cut.jpg"_qs);
        const QString whole = m_dir.filePath(u"whole.jpg"_qs);
        for (const auto &[path, bytes] : {std::pair{cut, jpeg.left(2048)}, std::pair{whole, jpeg}}) {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(bytes);
        }
        auto *panel = m_editor->findChild<ImagePanel *>();
        QCOMPARE(panel->addFiles({cut, whole}), 1);
        QCOMPARE(panel->lastError(), u"Not added: “cut.jpg” cannot be read: the file may be damaged."_qs);
        QCOMPARE(m_editor->story().images.size(), 1);
        QCOMPARE(m_editor->story().images[0].fileName, u"whole.jpg"_qs);
    }

    // A picture's own caption, credit and alt text (IPTC/XMP) fill its empty fields, and the panel
    // says which it filled.
    void pictureMetadataFillsFields() {
        const QString path = m_dir.filePath(u"desk.jpg"_qs);
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(noisyJpeg());
        }
        StoryImage own;
        own.caption = u"Ferry & pier at dawn"_qs;
        own.credit = u"Ann Lens / Example Wire"_qs;
        own.altText = u"A white ferry at a wooden pier"_qs;
        QString error;
        QVERIFY2(writePictureMetadata(path, own, &error), qPrintable(error));
        auto *panel = m_editor->findChild<ImagePanel *>();
        QSignalSpy filled(panel, &ImagePanel::metadataFilled);
        QCOMPARE(panel->addFiles({path}), 1);
        QCOMPARE(filled.size(), 1);
        QCOMPARE(filled.at(0).at(0).toString(),
                 u"Filled the caption, credit and alt text from the metadata in “desk.jpg”."_qs);
        const StoryImage &added = m_editor->story().images.last();
        QCOMPARE(added.caption, own.caption);
        QCOMPARE(added.credit, own.credit);
        QCOMPARE(added.altText, own.altText);
        const int row = int(m_editor->story().images.size()) - 1;
        QCOMPARE(panel->findChild<QLineEdit *>(u"imageCredit%1"_qs.arg(row))->text(), own.credit);
    }

    // 9. Blocks pasted into a list go after it; <br> starts a new paragraph.
    void pasteBlocksIntoList_data() {
        QTest::addColumn<bool>("emptyItem");
        QTest::addColumn<QString>("expected");
        QTest::newRow("empty item") << true << u"bullet-list:Nets|Ropes\nsubhead:Big\nparagraph:Body"_qs;
        QTest::newRow("in an item") << false << u"bullet-list:Nets|Ropes\nsubhead:Big\nparagraph:Body"_qs;
    }

    void pasteBlocksIntoList() {
        QFETCH(bool, emptyItem);
        QFETCH(QString, expected);
        BodyEditor *body = m_editor->bodyEditor();
        typeBody(u"Nets"_qs);
        QTest::keyClick(body, Qt::Key_8, Qt::ControlModifier | Qt::ShiftModifier);
        QTest::keyClick(body, Qt::Key_Return);
        QTest::keyClicks(body, u"Ropes"_qs);
        if (emptyItem) {
            QTest::keyClick(body, Qt::Key_Return);
        } else {
            QTextCursor cursor = body->textCursor();
            cursor.setPosition(2); // inside "Nets"
            body->setTextCursor(cursor);
        }
        paste(u"<h1>Big</h1><p>Body</p>"_qs);
        QCOMPARE(describe(m_editor->story().body), expected);
    }

    void pasteSubheadOnEmptyLineKeepsIt() {
        typeBody(u"Intro"_qs);
        QTest::keyClick(m_editor->bodyEditor(), Qt::Key_Return);
        paste(u"<h2>Sub</h2><p>Text</p>"_qs);
        QCOMPARE(describe(m_editor->story().body), u"paragraph:Intro\nsubhead:Sub\nparagraph:Text"_qs);
    }

    void pasteInlineIntoListStaysInItem() {
        BodyEditor *body = m_editor->bodyEditor();
        typeBody(u"Nets "_qs);
        QTest::keyClick(body, Qt::Key_8, Qt::ControlModifier | Qt::ShiftModifier);
        paste(u"<span style=\"color:red\">and ropes</span>"_qs);
        QCOMPARE(describe(m_editor->story().body), u"bullet-list:Nets and ropes"_qs);
    }

    void pasteLineBreakMakesParagraphs() {
        typeBody(u"Closures: "_qs);
        paste(u"<p>Harbour Road<br>Quay Street</p>"_qs);
        QCOMPARE(describe(m_editor->story().body),
                 u"paragraph:Closures: Harbour Road\nparagraph:Quay Street"_qs);
    }

    // 5. A whole story pasted into an empty one goes through the import review and fills it.
    void pasteWholeStoryIntoEmptyStory() {
        openWindow();
        const QString id = m_window->currentStoryId();
        int reviews = 0;
        QTimer acceptor;
        acceptDialogs(acceptor, reviews);
        paste(u"<h1>Quay market moves indoors</h1><p>The Saturday market will move into the old net "
              u"shed.</p><p>Stallholders voted for the move.</p>"_qs);
        QTRY_COMPARE(m_window->storyEditor()->story().headline, u"Quay market moves indoors"_qs);
        QCOMPARE(reviews, 1);
        QCOMPARE(m_window->currentStoryId(), id);
        QCOMPARE(m_library->count(), 1);
        QCOMPARE(describe(m_window->storyEditor()->story().body),
                 u"paragraph:The Saturday market will move into the old net shed.\n"
                 u"paragraph:Stallholders voted for the move."_qs);
        QVERIFY(m_window->hasUnsavedChanges());
        QVERIFY(m_window->saveStory(true));
        QString error;
        const std::optional<Story> saved = m_library->load(id, &error);
        QVERIFY2(saved, qPrintable(error));
        QCOMPARE(saved->headline, u"Quay market moves indoors"_qs);
        QCOMPARE(saved->slug, u"quay-market-moves-indoors"_qs);
    }

    void pasteIntoStoryWithHeadlineIsPlain() {
        openWindow();
        auto *headline = m_window->findChild<WrappingLineEdit *>(u"headlineEdit"_qs);
        headline->setFocus();
        QTest::keyClicks(headline, u"Market"_qs);
        int reviews = 0;
        QTimer acceptor;
        acceptDialogs(acceptor, reviews);
        paste(QString(), u"First paragraph.\n\nSecond paragraph."_qs);
        QTest::qWait(100);
        QCOMPARE(reviews, 0);
        QCOMPARE(describe(m_window->storyEditor()->story().body),
                 u"paragraph:First paragraph.\nparagraph:Second paragraph."_qs);
        QCOMPARE(m_window->storyEditor()->story().headline, u"Market"_qs);
    }

    // 6. Story files dropped on any part of the window go to the import review.
    void storyFileDroppedAnywhere_data() {
        QTest::addColumn<QString>("target");
        QTest::newRow("headline") << u"headlineEdit"_qs;
        QTest::newRow("deck") << u"deckEdit"_qs;
        QTest::newRow("body") << u"bodyEditor"_qs;
        QTest::newRow("picture panel") << u"imagePanel"_qs;
        QTest::newRow("word count") << u"wordCount"_qs;
    }

    void storyFileDroppedAnywhere() {
        QFETCH(QString, target);
        openWindow();
        const QString path = m_dir.filePath(u"net-shed.txt"_qs);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("Quay market moves indoors\n\nThe Saturday market will move into the old net shed.\n\n"
                   "Stallholders voted for the move.\n");
        file.close();
        const QString before = m_window->currentStoryId();
        int reviews = 0;
        QTimer acceptor;
        acceptDialogs(acceptor, reviews);
        QWidget *widget = m_window->findChild<QWidget *>(target);
        QVERIFY(widget);
        if (auto *area = qobject_cast<QAbstractScrollArea *>(widget))
            widget = area->viewport();
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(path)});
        QDragEnterEvent enter(QPoint(5, 5), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(widget, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(5, 5), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(widget, &drop);
        QTRY_COMPARE(m_library->count(), 2);
        QCOMPARE(reviews, 1);
        QVERIFY(m_window->currentStoryId() != before);
        QCOMPARE(m_window->storyEditor()->story().headline, u"Quay market moves indoors"_qs);
        QVERIFY(m_window->storyEditor()->story().images.isEmpty());
    }

    void pictureDroppedOnBodyGoesToPictures() {
        openWindow();
        const QString path = m_dir.filePath(u"gull.png"_qs);
        QImage picture(16, 12, QImage::Format_RGB32);
        picture.fill(Qt::darkCyan);
        QVERIFY(picture.save(path));
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(path)});

        // On the headline: refused, and no path typed into it.
        auto *headline = m_window->findChild<WrappingLineEdit *>(u"headlineEdit"_qs);
        QDragEnterEvent refused(QPoint(5, 5), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(headline, &refused);
        QVERIFY(!refused.isAccepted());
        QCOMPARE(headline->text(), QString());

        BodyEditor *body = m_window->storyEditor()->bodyEditor();
        QDragEnterEvent enter(QPoint(5, 5), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(body->viewport(), &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(5, 5), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(body->viewport(), &drop);
        QCOMPARE(m_window->storyEditor()->story().images.size(), 1);
        QCOMPARE(m_window->storyEditor()->story().images[0].fileName, u"gull.png"_qs);
        QCOMPARE(body->toPlainText(), QString());
        QCOMPARE(m_library->count(), 1);
    }

    // 7. A save that fails shows "Not saved" until a retry succeeds.
    void failedSaveIsShownAndRetried() {
        openWindow();
        auto *headline = m_window->findChild<WrappingLineEdit *>(u"headlineEdit"_qs);
        headline->setFocus();
        QTest::keyClicks(headline, u"Lifeboat day"_qs);
        auto *notSaved = m_window->findChild<QLabel *>(u"notSavedLabel"_qs);
        QVERIFY(notSaved);
        QVERIFY(!notSaved->isVisible());
        {
            // Another program holds the library's write lock.
            QSqlDatabase blocker = QSqlDatabase::addDatabase(u"QSQLITE"_qs, u"blocker"_qs);
            blocker.setDatabaseName(m_libraryPath);
            QVERIFY(blocker.open());
            QSqlQuery lock(blocker);
            QVERIFY2(lock.exec(u"BEGIN EXCLUSIVE"_qs), qPrintable(lock.lastError().text()));
            QVERIFY(!m_window->saveStory(true));
            QVERIFY(notSaved->isVisible());
            QCOMPARE(notSaved->text(), u"Not saved"_qs);
            QVERIFY(m_window->isWindowModified());
            QVERIFY(m_window->hasUnsavedChanges());
            QVERIFY(m_window->statusBar()->currentMessage().startsWith(u"Not saved: The library “"_qs));
            QVERIFY(lock.exec(u"ROLLBACK"_qs));
            lock.finish();
            blocker.close();
        }
        QSqlDatabase::removeDatabase(u"blocker"_qs);
        // Nothing typed since: the retry alone saves it.
        QTRY_VERIFY_WITH_TIMEOUT(!m_window->hasUnsavedChanges(), MainWindow::AutosaveRetryMs + 3000);
        QVERIFY(!notSaved->isVisible());
        QVERIFY(!m_window->isWindowModified());
        QString error;
        QCOMPARE(m_library->load(m_window->currentStoryId(), &error)->headline, u"Lifeboat day"_qs);
    }

    // Up / Down / Remove on the list panels: order changes, the ends are disabled, pictures ask first.
    void panelRowsMoveAndRemove() {
        PullQuotePanel quotes;
        quotes.setQuotes({{u"q1"_qs, u"One"_qs, QString(), Placement::lead()},
                          {u"q2"_qs, u"Two"_qs, QString(), Placement::lead()},
                          {u"q3"_qs, u"Three"_qs, QString(), Placement::lead()}},
                         {});
        int quoteChanges = 0;
        connect(&quotes, &PullQuotePanel::quotesChanged, this, [&quoteChanges] { ++quoteChanges; });
        auto button = [](QWidget *panel, int row, const QString &name) {
            return testsupport::requireChild<PanelRow>(panel, u"panelRow%1"_qs.arg(row))
                ->findChild<QToolButton *>(name);
        };
        auto quoteIds = [&quotes] {
            QStringList ids;
            for (const PullQuote &quote : quotes.quotes())
                ids.append(quote.id);
            return ids.join(u',');
        };
        QVERIFY(!button(&quotes, 0, u"moveUpButton"_qs)->isEnabled());
        QVERIFY(!button(&quotes, 2, u"moveDownButton"_qs)->isEnabled());
        button(&quotes, 0, u"moveDownButton"_qs)->click();
        QCOMPARE(quoteIds(), u"q2,q1,q3"_qs);
        button(&quotes, 2, u"moveUpButton"_qs)->click();
        QCOMPARE(quoteIds(), u"q2,q3,q1"_qs);
        button(&quotes, 1, u"removeButton"_qs)->click();
        QCOMPARE(quoteIds(), u"q2,q1"_qs);
        QCOMPARE(quoteChanges, 3);

        ImagePanel images;
        QList<StoryImage> list(2);
        list[0].id = u"i1"_qs;
        list[0].fileName = u"quay.jpg"_qs;
        list[1].id = u"i2"_qs;
        images.setImages(list, {});
        int imageChanges = 0;
        connect(&images, &ImagePanel::imagesChanged, this, [&imageChanges] { ++imageChanges; });
        QString asked;
        auto answer = [this, &asked](QMessageBox::StandardButton choice) {
            QTimer::singleShot(0, this, [&asked, choice] {
                auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
                QVERIFY(box);
                asked = box->text();
                box->button(choice)->click();
            });
        };
        answer(QMessageBox::No);
        button(&images, 0, u"removeButton"_qs)->click();
        QCOMPARE(asked, u"Remove “quay.jpg” from the story?"_qs);
        QCOMPARE(images.images().size(), 2);
        button(&images, 0, u"moveDownButton"_qs)->click();
        QCOMPARE(images.images()[0].id, u"i2"_qs);
        answer(QMessageBox::Yes);
        button(&images, 0, u"removeButton"_qs)->click();
        QCOMPARE(asked, u"Remove this picture from the story?"_qs);
        QCOMPARE(images.images().size(), 1);
        QCOMPARE(images.images()[0].id, u"i1"_qs);
        QCOMPARE(imageChanges, 2);
    }

private:
    void openWindow() {
        m_editor.reset();
        m_library = std::make_unique<StoryLibrary>();
        m_libraryPath = m_dir.filePath(u"library-%1.sqlite"_qs.arg(++m_count));
        QString error;
        QVERIFY2(m_library->open(m_libraryPath, &error), qPrintable(error));
        Story story = Story::create();
        QVERIFY2(m_library->save(story, &error), qPrintable(error));
        m_window = std::make_unique<MainWindow>(*m_library);
        m_window->openInitialStory();
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QCOMPARE(m_window->currentStoryId(), story.id);
    }

    // The review dialogs are modal: accept each as it shows up, counting them in @p seen.
    void acceptDialogs(QTimer &timer, int &seen) { testsupport::acceptModalDialogs(timer, this, &seen); }

    template <typename T> T *child(const QString &name) const {
        return testsupport::requireChild<T>(m_editor.get(), name);
    }

    void typeHeadline(const QString &text) {
        testsupport::typeAtEnd(child<WrappingLineEdit>(u"headlineEdit"_qs), text);
    }

    void typeBody(const QString &text) { testsupport::typeInto(m_editor->bodyEditor(), text); }

    void paste(const QString &html, const QString &text = QString()) {
        auto *mime = new QMimeData;
        if (!html.isEmpty())
            mime->setHtml(html);
        mime->setText(text.isEmpty() ? html : text);
        QApplication::clipboard()->setMimeData(mime);
        BodyEditor *body = m_editor ? m_editor->bodyEditor() : m_window->storyEditor()->bodyEditor();
        body->setFocus();
        QTest::keyClick(body, Qt::Key_V, Qt::ControlModifier);
    }

    QTemporaryDir m_dir;
    std::unique_ptr<StoryEditor> m_editor;
    std::unique_ptr<StoryLibrary> m_library;
    std::unique_ptr<MainWindow> m_window;
    QString m_libraryPath;
    int m_count = 0;
};

int main(int argc, char **argv) {
    QTEST_SET_MAIN_SOURCE_PATH
    return galley::testsupport::runGuiTest<TestEditing>(argc, argv, u"tst_editing"_qs);
}

#include "tst_editing.moc"
