// Typing into the real editor window with a generated 10,000- and 100,000-word story open:
//  - main-thread time per keystroke: everything the GUI thread does for one key (the key event, the
//    editor's re-read, the preview's scheduling and patch hand-off, repaints), as the GUI thread's
//    CPU time (CLOCK_THREAD_CPUTIME_ID) from the key until the preview has painted it; and the
//    wall time of the key event alone (what blocks the next key);
//  - keystroke to preview painted: from just before the key event to the first animation frame
//    the page runs after applying the patch (timed inside the page, epoch clock);
//  - for comparison, a full reload: renderPage() + QWebEnginePage::setHtml() to first frame.
// Runs offscreen; QTWEBENGINE_DISABLE_SANDBOX=1 is set here (benchmark only).

#include "benchoptions.h"
#include "benchreport.h"
#include "bodyeditor.h"
#include "editing/documentconverter.h"
#include "journalbench.h"
#include "mainwindow.h"
#include "preview/previewpane.h"
#include "preview/previewscheme.h"
#include "recovery/journalkeeper.h"
#include "render/articlerenderer.h"
#include "storage/storylibrary.h"
#include "storyeditor.h"
#include "storygenerator.h"

#include <QApplication>
#include <QCheckBox>
#include <QDateTime>
#include <QElapsedTimer>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextEdit>
#include <QTimer>
#include <QWebEnginePage>
#include <QWebEngineView>

#include <chrono>
#include <ctime>
#include <memory>

using namespace galley;
using namespace galley::bench;

namespace {

double epochMs() {
    using namespace std::chrono;
    return duration<double, std::milli>(system_clock::now().time_since_epoch()).count();
}

// CPU time of the calling (GUI) thread: what it spent working, never its waits for events.
double threadCpuMs() {
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return now.tv_sec * 1e3 + now.tv_nsec / 1e6;
}

bool waitFor(const std::function<bool()> &condition, int timeoutMs) {
    QDeadlineTimer deadline(timeoutMs);
    // Wakes the blocking wait now and then so the deadline is seen.
    QTimer tick;
    tick.start(20);
    while (!condition()) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    }
    return true;
}

// The same key typed into a bare QTextEdit holding the same body: the floor set by Qt's editor.
QList<double> bareEditorKeys(const Story &story, int keys) {
    QTextEdit editor;
    editor.resize(700, 800);
    blocksToDocument(story.body, editor.document());
    editor.show();
    editor.setFocus();
    QTextCursor cursor(editor.document()->findBlockByNumber(editor.document()->blockCount() / 2));
    cursor.movePosition(QTextCursor::EndOfBlock);
    editor.setTextCursor(cursor);
    waitFor([] { return false; }, 300);
    QList<double> samples;
    for (int i = 0; i < keys; ++i) {
        const double cpuStart = threadCpuMs();
        QTest::keyClick(&editor, 'a');
        waitFor([] { return false; }, 20); // its repaint
        samples.append(threadCpuMs() - cpuStart);
    }
    return samples;
}

struct Figures {
    QList<double> busy;
    QList<double> sync;
    QList<double> pane;
    QList<double> toPaint;
    QList<double> reload;
    QList<double> bare;
    int lost = 0;
};

// @p journalDelayMs: the recovery journal's delay after an edit (JournalKeeper::JournalDelayMs by
// default; 0 journals after every key, the worst case). @p reload: also time full reloads.
// @p spelling: the spelling underline on (Galley's default) or switched off in the Checks panel.
bool typeInto(const Story &generated, int keys, Figures *out, QString *error,
              int journalDelayMs = JournalKeeper::JournalDelayMs, bool reload = true, bool spelling = true) {
    QTemporaryDir dir;
    StoryLibrary library;
    if (!library.open(dir.filePath(u"library.sqlite"_qs), error))
        return false;
    Story story = generated;
    if (!library.save(story, error))
        return false;
    MainWindow window(library);
    window.journalKeeper()->setDelayForTesting(journalDelayMs);
    window.resize(1500, 940);
    window.openInitialStory();
    if (auto *underline = window.findChild<QCheckBox *>(u"checksUnderlineToggle"_qs))
        underline->setChecked(spelling);
    window.show();
    PreviewPane *pane = window.previewPane();
    quint64 paintedSequence = 0;
    double paintedAt = 0;
    QObject::connect(pane, &PreviewPane::painted, pane, [&](quint64 sequence, double pageTimeMs) {
        paintedSequence = qMax(paintedSequence, sequence);
        paintedAt = pageTimeMs;
    });
    if (!waitFor(
            [&] {
                return pane->isUpToDate() && paintedSequence >= pane->generation() && pane->generation() > 0;
            },
            60000)) {
        *error = u"The preview did not show the story within a minute."_qs;
        return false;
    }

    // Type in a paragraph in the middle of the story.
    BodyEditor *body = window.storyEditor()->bodyEditor();
    body->setFocus();
    QTextCursor cursor(body->document()->findBlockByNumber(body->document()->blockCount() / 2));
    cursor.movePosition(QTextCursor::EndOfBlock);
    body->setTextCursor(cursor);
    waitFor([] { return false; }, 300);

    const QString text = u"the harbour council voted again "_qs;
    // The first keys warm the glyph and shaping caches; they are typed but not counted, so the
    // runs compare alike whichever comes first.
    constexpr int warmUpKeys = 40;
    for (int i = -warmUpKeys; i < keys; ++i) {
        const QChar letter = text.at((i + warmUpKeys) % text.size());
        const quint64 before = pane->generation();
        const double start = epochMs();
        const double cpuStart = threadCpuMs();
        const double paneStart = pane->updateWorkMs();
        QElapsedTimer keyTimer;
        keyTimer.start();
        QTest::keyClick(body, letter.toLatin1());
        const double keyEventMs = keyTimer.nsecsElapsed() / 1e6;
        const quint64 wanted = pane->generation();
        if (wanted == before) {
            *error = u"A keystroke did not reach the preview."_qs;
            return false;
        }
        if (!waitFor([&] { return paintedSequence >= wanted; }, 5000)) {
            out->lost += i >= 0 ? 1 : 0;
            continue;
        }
        // Let the repaints and callbacks queued behind the paint run, then count them too.
        waitFor([&] { return pane->isUpToDate(); }, 1000);
        QCoreApplication::processEvents();
        if (i < 0)
            continue;
        out->sync.append(keyEventMs);
        out->busy.append(threadCpuMs() - cpuStart);
        out->pane.append(pane->updateWorkMs() - paneStart);
        out->toPaint.append(paintedAt - start);
    }

    if (!reload) {
        window.close();
        return true;
    }
    // A full reload of the same story through setHtml, for comparison.
    QWebEngineView reloadView;
    reloadView.resize(pane->view()->size());
    reloadView.show();
    double titleTime = 0;
    QObject::connect(reloadView.page(), &QWebEnginePage::titleChanged, &reloadView,
                     [&](const QString &title) {
                         if (title.startsWith(u'p'))
                             titleTime = title.mid(1).toDouble();
                     });
    QObject::connect(reloadView.page(), &QWebEnginePage::loadFinished, &reloadView, [&](bool) {
        reloadView.page()->runJavaScript(
            u"requestAnimationFrame(function(){document.title='p'+(performance.timeOrigin+performance.now());})"_qs);
    });
    RenderOptions options;
    options.imageUrl = [](const Story &, const StoryImage &image) { return previewImageUrl(image); };
    const Story current = window.storyEditor()->story();
    for (int i = 0; i < 12; ++i) {
        titleTime = 0;
        const double start = epochMs();
        reloadView.setHtml(ArticleRenderer().renderPage(current, options), QUrl(u"about:blank"_qs));
        if (!waitFor([&] { return titleTime > 0; }, 20000))
            continue;
        if (i > 0) // the first load starts the page's renderer
            out->reload.append(titleTime - start);
    }
    window.close();
    return true;
}

bool measure(const BenchOptions &bench, int words, QString *error) {
    StoryGenerator generator(20260402 + quint32(words));
    const Story story = generator.longStory(words);
    Figures figures;
    if (!typeInto(story, words >= 100000 ? 120 : 200, &figures, error))
        return false;
    figures.bare = bareEditorKeys(story, 100);
    const QString label = QString::number(words / 1000) % u'k';
    const QString what = u"%1 words, %2 blocks"_qs.arg(story.wordCount()).arg(story.body.size());
    const QString lost =
        figures.lost ? u"; %1 keys never painted within 5 s"_qs.arg(figures.lost) : QString();
    if (!recordMeasurement(bench.results,
                           {u"preview.keystroke-key-event.%1"_qs.arg(label), u"ms"_qs, figures.sync,
                            std::nullopt,
                            u"The synchronous part of a key typed in the body: the key event and all it runs "
                            u"before returning to the event loop; "_qs %
                                what},
                           error))
        return false;
    if (!recordMeasurement(bench.results,
                           {u"preview.keystroke-main-thread.%1"_qs.arg(label), u"ms"_qs, figures.busy,
                            Goal{u"p95 <= 4 ms"_qs, Statistic::P95, 4},
                            u"GUI-thread CPU time per key typed in the body (key event, one-block re-read, "
                            u"preview hand-off, patch callback, repaints) until the preview painted it; "_qs %
                                what % lost},
                           error))
        return false;
    const double goal = words >= 100000 ? 50 : 33;
    if (!recordMeasurement(bench.results,
                           {u"preview.keystroke-to-paint.%1"_qs.arg(label), u"ms"_qs, figures.toPaint,
                            Goal{u"p95 <= %1 ms"_qs.arg(goal), Statistic::P95, goal},
                            u"From the key event to the page's first requestAnimationFrame after the patch, "
                            u"one key at a time; "_qs %
                                what % lost},
                           error))
        return false;
    if (!recordMeasurement(
            bench.results,
            {u"preview.gui-thread-work-per-key.%1"_qs.arg(label), u"ms"_qs, figures.pane, std::nullopt,
             u"Part of the main-thread CPU time spent in PreviewPane per key (showStory, starting the "
             u"worker, runJavaScript hand-off and its answer); diff and render run on a worker; "_qs %
                 what},
            error))
        return false;
    if (!recordMeasurement(
            bench.results,
            {u"preview.keystroke-bare-qtextedit.%1"_qs.arg(label), u"ms"_qs, figures.bare, std::nullopt,
             u"Baseline: GUI-thread CPU time per key in a plain QTextEdit holding the same body "
             u"(no Galley code), including its repaint; "_qs %
                 what},
            error))
        return false;
    if (!recordMeasurement(
            bench.results,
            {u"preview.full-reload.%1"_qs.arg(label), u"ms"_qs, figures.reload, std::nullopt,
             u"For comparison: renderPage() + setHtml() of the same story to first frame; "_qs % what},
            error))
        return false;
    if (words >= 100000)
        return true;
    // Checks (issue 8): the same keys with the spelling underline switched off, to show its share.
    Figures unchecked;
    if (!typeInto(story, 200, &unchecked, error, JournalKeeper::JournalDelayMs, false, false))
        return false;
    if (!recordMeasurement(bench.results,
                           {u"checks.keystroke-main-thread-underline-off.%1"_qs.arg(label), u"ms"_qs, unchecked.busy,
                            std::nullopt,
                            u"As preview.keystroke-main-thread (which runs with the spelling underline on, "
                            u"Galley's default) with the underline switched off in the Checks panel; "_qs %
                                what},
                           error))
        return false;
    if (!recordMeasurement(bench.results,
                           {u"checks.keystroke-key-event-underline-off.%1"_qs.arg(label), u"ms"_qs, unchecked.sync,
                            std::nullopt,
                            u"As preview.keystroke-key-event with the spelling underline switched off; "_qs % what},
                           error))
        return false;
    // Recovery (issue 13): the same keys with a journal snapshot after every one of them, the
    // worst case (typing journals once a second).
    Figures journaled;
    if (!typeInto(story, 200, &journaled, error, 0, false))
        return false;
    return recordMeasurement(
               bench.results,
               {u"recovery.keystroke-main-thread-journal-every-key.%1"_qs.arg(label), u"ms"_qs,
                journaled.busy, Goal{u"p95 <= 4 ms"_qs, Statistic::P95, 4},
                u"As preview.keystroke-main-thread, with the recovery journal snapshotted after every key "
                u"(JournalKeeper delay 0; Galley snapshots once a second while typing) and written on its "
                u"worker thread; "_qs %
                    what},
               error) &&
           measureJournaling(bench, story, label, error);
}

} // namespace

int main(int argc, char **argv) {
    qputenv("QTWEBENGINE_DISABLE_SANDBOX", "1");
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    registerPreviewScheme();
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    QTemporaryDir settingsDir;
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settingsDir.path());
    QCoreApplication::setOrganizationName(u"GalleyBench"_qs);
    QCoreApplication::setApplicationName(u"bench_preview"_qs);
    const BenchOptions bench = parseBenchOptions();
    QString error;
    // GALLEY_BENCH_SMALL=1 skips the 100,000-word story, for a quick look while working.
    const QList<int> sizes = qEnvironmentVariableIntValue("GALLEY_BENCH_SMALL") ? QList<int>{10000} : QList<int>{10000, 100000};
    for (int words : sizes) {
        if (!measure(bench, words, &error)) {
            qWarning("bench_preview: %s", qPrintable(error));
            return 1;
        }
    }
    return 0;
}
