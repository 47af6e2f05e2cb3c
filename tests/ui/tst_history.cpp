// The History panel in the real window (issue 9): edit and save, open View › History, compare, show
// the changes in the preview, take one change back and read the preview's page back; Restore.
// Set GALLEY_HISTORY_SCREENSHOT=/path.png to also write a picture of the window with the panel.

#include "bodyeditor.h"
#include "guitestsupport.h"
#include "history/historypanel.h"
#include "history/revisiondiff.h"
#include "mainwindow.h"
#include "preview/previewpane.h"
#include "storage/storylibrary.h"
#include "storyeditor.h"
#include "wrappinglineedit.h"

#include <QAction>
#include <QCheckBox>
#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTextCursor>
#include <QTextDocument>
#include <QWebEngineView>

#include <memory>

using namespace galley;

namespace {

// Generous: the first page load starts Chromium.
constexpr int PreviewTimeoutMs = 30000;

const QString insertedWords =
    u"Array.from(document.querySelectorAll('article.story ins.galley-change')).map(e => e.textContent).join('|')"_qs;
const QString deletedWords =
    u"Array.from(document.querySelectorAll('article.story del.galley-change')).map(e => e.textContent).join('|')"_qs;
const QString firstParagraph = u"document.querySelector('article.story p[data-block]').textContent"_qs;

} // namespace

class TestHistory final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        testsupport::useTestSettings(m_dir);
        QSettings().setValue(u"user/name"_qs, u"Rafe Okonjo"_qs);
    }

    void init() {
        m_library = std::make_unique<StoryLibrary>();
        QString error;
        QVERIFY2(m_library->open(m_dir.filePath(u"library-%1.sqlite"_qs.arg(++m_count)), &error),
                 qPrintable(error));
        Story story = Story::create();
        story.headline = u"Pier reopens"_qs;
        story.body = {Block::make(BlockKind::Paragraph, u"The pier reopens on Tuesday after repairs."_qs)};
        SaveOptions options;
        options.author = u"Ada Lindqvist"_qs;
        QVERIFY2(m_library->save(story, options, &error), qPrintable(error));
        m_storyId = story.id;
        m_window = std::make_unique<MainWindow>(*m_library);
        m_window->resize(1500, 900);
        m_window->openInitialStory();
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QTRY_COMPARE_WITH_TIMEOUT(js(firstParagraph).toString(),
                                  u"The pier reopens on Tuesday after repairs."_qs, PreviewTimeoutMs);
    }

    void cleanup() {
        m_window.reset();
        m_library.reset();
    }

    void revertOneChangeAndReadThePreview() {
        editAndOpenHistory();
        HistoryPanel *panel = m_window->historyPanel();
        QCOMPARE(panel->olderRevision(), 1);
        QCOMPARE(panel->newerRevision(), 2);
        // The slug follows the headline until it is set by hand.
        QCOMPARE(diffAsText(panel->diff()),
                 u"Headline: Pier reopens {+at last+}\n"
                 u"Slug: [-pier-reopens-]{+pier-reopens-at-last+}\n"
                 u"Paragraph 1: The pier reopens on [-Tuesday-]{+Wednesday+} after repairs.\n"_qs);
        QVERIFY(testsupport::requireChild<QTextBrowser>(panel, u"historyDiff"_qs)
                    ->toPlainText()
                    .contains(u"Headline"_qs));

        // The changes on the published layout.
        testsupport::requireChild<QCheckBox>(panel, u"historyInPreview"_qs)->click();
        QTRY_COMPARE_WITH_TIMEOUT(js(insertedWords).toString(), u"at last|Wednesday"_qs, PreviewTimeoutMs);
        QCOMPARE(js(deletedWords).toString(), u"Tuesday"_qs);
        screenshot();

        // Take back the paragraph's change only, through its link in the diff.
        Q_EMIT testsupport::requireChild<QTextBrowser>(panel, u"historyDiff"_qs)
            ->anchorClicked(QUrl(u"revert:2:0"_qs));
        QString error;
        const QList<RevisionInfo> revisions = m_library->revisions(m_storyId, &error);
        QCOMPARE(revisions.size(), 3);
        QCOMPARE(revisions.at(0).kind, RevisionKind::Revert);
        QCOMPARE(revisions.at(0).author, u"Rafe Okonjo"_qs);
        QCOMPARE(revisions.at(1).author, u"Rafe Okonjo"_qs);
        QCOMPARE(revisions.at(0).summary, u"reverted a change to paragraph 1 (from revision 1)"_qs);
        const Story &onScreen = m_window->storyEditor()->story();
        QCOMPARE(onScreen.headline, u"Pier reopens at last"_qs);
        QCOMPARE(onScreen.body.at(0).plainText(), u"The pier reopens on Tuesday after repairs."_qs);
        QVERIFY(!m_window->hasUnsavedChanges());
        // The comparison is from revision 1 to the new newest: the headline is all that is left.
        QCOMPARE(panel->newerRevision(), 3);
        QCOMPARE(diffAsText(panel->diff()),
                 u"Headline: Pier reopens {+at last+}\nSlug: [-pier-reopens-]{+pier-reopens-at-last+}\n"_qs);
        QTRY_COMPARE_WITH_TIMEOUT(js(insertedWords).toString(), u"at last"_qs, PreviewTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(js(firstParagraph).toString(),
                                  u"The pier reopens on Tuesday after repairs."_qs, PreviewTimeoutMs);
        QCOMPARE(js(deletedWords).toString(), QString());

        // Marks off: the page is the published page again.
        testsupport::requireChild<QCheckBox>(panel, u"historyInPreview"_qs)->click();
        QTRY_COMPARE_WITH_TIMEOUT(js(u"document.querySelectorAll('.galley-change').length"_qs).toInt(), 0,
                                  PreviewTimeoutMs);
        QCOMPARE(js(u"document.querySelector('article.story h1').textContent"_qs).toString(),
                 u"Pier reopens at last"_qs);
    }

    void marksKeepTheParagraphsFormatting() {
        // Bold and italic words in the paragraph stay so in the preview while its changes show.
        QTextEdit *body = m_window->storyEditor()->bodyEditor();
        body->setFocus();
        body->setTextCursor(body->document()->find(u"pier"_qs));
        QTest::keyClick(body, Qt::Key_B, Qt::ControlModifier);
        body->setTextCursor(body->document()->find(u"repairs"_qs));
        QTest::keyClick(body, Qt::Key_I, Qt::ControlModifier);
        editAndOpenHistory();
        HistoryPanel *panel = m_window->historyPanel();
        QCOMPARE(diffAsText(panel->diff()).section(u'\n', 2, 2),
                 u"Paragraph 1 (“pier” made bold; “repairs” made italic): The pier reopens on "
                 u"[-Tuesday-]{+Wednesday+} after repairs."_qs);
        testsupport::requireChild<QCheckBox>(panel, u"historyInPreview"_qs)->click();
        QTRY_COMPARE_WITH_TIMEOUT(js(deletedWords).toString(), u"Tuesday"_qs, PreviewTimeoutMs);
        QCOMPARE(js(u"document.querySelector('article.story p[data-block]').innerHTML"_qs).toString(),
                 u"The <strong>pier</strong> reopens on <del class=\"galley-change\">Tuesday</del> "
                 u"<ins class=\"galley-change\">Wednesday</ins> after <em>repairs</em>."_qs);
    }

    void restoreKeepsTheCurrentText() {
        editAndOpenHistory();
        HistoryPanel *panel = m_window->historyPanel();
        testsupport::requireChild<QPushButton>(panel, u"historyRestore"_qs)->click();
        QString error;
        const QList<RevisionInfo> revisions = m_library->revisions(m_storyId, &error);
        QCOMPARE(revisions.size(), 3);
        QCOMPARE(revisions.at(0).summary, u"restored revision 1"_qs);
        QCOMPARE(m_window->storyEditor()->story().headline, u"Pier reopens"_qs);
        // Revision 2 is still there to compare with.
        QVERIFY(panel->compare(2, 3));
        QCOMPARE(diffAsText(panel->diff()),
                 u"Headline: Pier reopens [-at last-]\n"
                 u"Slug: [-pier-reopens-at-last-]{+pier-reopens+}\n"
                 u"Paragraph 1: The pier reopens on [-Wednesday-]{+Tuesday+} after repairs.\n"_qs);
        auto *list = testsupport::requireChild<QListWidget>(panel, u"historyList"_qs);
        QCOMPARE(list->count(), 3);
        QVERIFY(list->item(0)->text().startsWith(u"3  ·  "_qs));
        QVERIFY(list->item(0)->text().endsWith(u"restored revision 1"_qs));
        QVERIFY(list->item(2)->text().contains(u"Ada Lindqvist"_qs));
        QCOMPARE(testsupport::requireChild<QLabel>(panel, u"historyTitle"_qs)->text(),
                 u"3 revisions, newest first"_qs);
    }

private:
    void editAndOpenHistory() {
        testsupport::typeAtEnd(testsupport::requireChild<WrappingLineEdit>(m_window.get(), u"headlineEdit"_qs),
                               u" at last"_qs);
        // Replace "Tuesday" in the body as a reporter would: select the word and type over it.
        QTextEdit *body = m_window->storyEditor()->bodyEditor();
        QTextCursor cursor = body->document()->find(u"Tuesday"_qs);
        QVERIFY(!cursor.isNull());
        body->setTextCursor(cursor);
        testsupport::typeInto(body, u"Wednesday"_qs);
        QVERIFY(m_window->hasUnsavedChanges());
        m_window->findChild<QAction *>(u"historyAction"_qs)->trigger();
        QVERIFY(!m_window->hasUnsavedChanges());
        QVERIFY(m_window->findChild<QDockWidget *>(u"historyDock"_qs)->isVisible());
    }

    void screenshot() {
        const QString path = qEnvironmentVariable("GALLEY_HISTORY_SCREENSHOT");
        if (path.isEmpty())
            return;
        QTest::qWait(500);
        QVERIFY(m_window->grab().save(path));
    }

    QVariant js(const QString &script) {
        return testsupport::runPageScript(m_window->previewPane()->view(), script);
    }

    QTemporaryDir m_dir;
    std::unique_ptr<StoryLibrary> m_library;
    std::unique_ptr<MainWindow> m_window;
    QString m_storyId;
    int m_count = 0;
};

int main(int argc, char **argv) {
    QTEST_SET_MAIN_SOURCE_PATH
    return galley::testsupport::runGuiTest<TestHistory>(argc, argv, u"tst_history"_qs);
}

#include "tst_history.moc"
