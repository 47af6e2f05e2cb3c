// An imported story opens in the real editor window with its live preview: the fields in the
// form, the pictures marked as missing and the pull quotes in the rendered page.
#include "import/importer.h"
#include "mainwindow.h"
#include "preview/previewpane.h"
#include "preview/previewscheme.h"
#include "storage/storylibrary.h"
#include "storyeditor.h"
#include "guitestsupport.h"

#include <QApplication>
#include <QDeadlineTimer>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QWebEngineView>

#include <memory>

using namespace galley;

namespace {

// Generous: the first page load starts Chromium.
constexpr int PreviewTimeoutMs = 30000;

} // namespace

class TestImportInEditor final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        testsupport::useTestSettings(m_dir);
    }

    void importedStoryOpensWithPreview() {
        QString error;
        const auto result =
            importFile(QStringLiteral(GALLEY_TEST_DATA "/import/webpage-dump-transit.txt"), &error);
        QVERIFY2(result, qPrintable(error));
        StoryLibrary library;
        QVERIFY2(library.open(m_dir.filePath(u"library.sqlite"_qs), &error), qPrintable(error));
        Story story = result->story();
        QVERIFY2(library.save(story, &error), qPrintable(error));

        MainWindow window(library);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.openStory(story.id));
        const Story onScreen = window.storyEditor()->story();
        QCOMPARE(onScreen.headline, story.headline);
        QCOMPARE(onScreen.section, u"Local"_qs);
        QCOMPARE(onScreen.body.size(), story.body.size());
        QCOMPARE(onScreen.images.size(), 3);

        m_window = &window;
        QTRY_COMPARE_WITH_TIMEOUT(js(u"document.querySelector('article.story h1').textContent"_qs).toString(),
                                  story.headline, PreviewTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(
            js(u"document.querySelectorAll('article.story .picture-missing').length"_qs).toInt(), 3,
            PreviewTimeoutMs);
        const QString text = js(u"document.querySelector('article.story').textContent"_qs).toString();
        QVERIFY(text.contains(u"We have waited twenty years for this line."_qs));
        QVERIFY(text.contains(u"Councillor Bram Hollister"_qs));
        QCOMPARE(text.count(u"ending a debate that stretched across three budget cycles."_qs), 1);
        m_window = nullptr;
    }

private:
    QVariant js(const QString &script) {
        return testsupport::runPageScript(m_window ? m_window->previewPane()->view() : nullptr, script);
    }

    QTemporaryDir m_dir;
    MainWindow *m_window = nullptr;
};

int main(int argc, char **argv) {
    QTEST_SET_MAIN_SOURCE_PATH
    return galley::testsupport::runGuiTest<TestImportInEditor>(argc, argv, u"tst_importineditor"_qs);
}

#include "tst_importineditor.moc"
