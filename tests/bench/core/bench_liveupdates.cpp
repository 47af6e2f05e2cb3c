// Live updates (issue 10): how long after another desk's save commits the story list shows it.
// One desk saves a new story through its own StoryLibrary; the other has a StoryListPanel fed by a
// LibraryWatcher exactly as the window wires them (storiesChanged / libraryChanged -> refresh()).
// Timed from save() returning (the commit) to the list holding the new headline, on a PostgreSQL
// server (LISTEN/NOTIFY) and on a SQLite file (PRAGMA data_version polled every 500 ms).
//
// The server: GALLEY_BENCH_POSTGRESQL names a database address on a running server where the
// benchmark may make a library (it must be empty: `galley admin init` is run on it); without it
// the benchmark starts a throw-away one with tests/storage/pgserver.sh and stops it at the end.

#include "benchoptions.h"
#include "benchreport.h"
#include "storage/librarywatcher.h"
#include "storage/storylibrary.h"
#include "storylistdelegate.h"
#include "storylistpanel.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QListWidget>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>

using namespace galley;
using namespace galley::bench;

namespace {

constexpr int Saves = 60;
// Longer than any expected delivery: a save that never shows is a failure, not a figure.
constexpr int GiveUpMs = 10000;

bool listed(const StoryListPanel &panel, const QString &id) {
    const auto *list = panel.findChild<QListWidget *>(u"storyList"_qs);
    for (int row = 0; row < list->count(); ++row)
        if (list->item(row)->data(StoryIdRole).toString() == id)
            return true;
    return false;
}

/// Times Saves saves of a new story on @p location by another desk until the list shows each;
/// empty with a message on standard error when something fails.
QList<double> measure(const QString &location) {
    StoryLibrary desk;
    StoryLibrary otherDesk;
    QString error;
    if (!desk.open(location, &error) || !otherDesk.open(location, &error)) {
        QTextStream(stderr) << "bench_liveupdates: " << error << '\n';
        return {};
    }
    StoryListPanel panel(desk);
    LibraryWatcher watcher(desk);
    QObject::connect(&watcher, &LibraryWatcher::storiesChanged, &panel, &StoryListPanel::refresh);
    QObject::connect(&watcher, &LibraryWatcher::libraryChanged, &panel, &StoryListPanel::refresh);
    if (!watcher.start(&error)) {
        QTextStream(stderr) << "bench_liveupdates: " << error << '\n';
        return {};
    }
    panel.reload();
    QList<double> samples;
    QRandomGenerator random(10);
    for (int i = 0; i < Saves + 1; ++i) {
        // A pause of 0-600 ms, so saves land anywhere in the file's polling interval.
        const int pauseMs = random.bounded(600);
        QElapsedTimer pause;
        pause.start();
        while (pause.elapsed() < pauseMs)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
        Story story = Story::create();
        story.headline = u"Desk two story %1"_qs.arg(i);
        if (!otherDesk.save(story, &error)) {
            QTextStream(stderr) << "bench_liveupdates: " << error << '\n';
            return {};
        }
        QElapsedTimer timer;
        timer.start();
        while (!listed(panel, story.id)) {
            if (timer.elapsed() > GiveUpMs) {
                QTextStream(stderr) << "bench_liveupdates: a save did not show within " << GiveUpMs << " ms\n";
                return {};
            }
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
        }
        if (i > 0) // the first one warms up
            samples.append(double(timer.nsecsElapsed()) / 1e6);
    }
    return samples;
}

} // namespace

int main(int argc, char **argv) {
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const BenchOptions options = parseBenchOptions();
    QTemporaryDir dir;
    int failures = 0;

    const QList<double> file = measure(dir.filePath(u"live.sqlite"_qs));
    if (file.isEmpty())
        ++failures;
    else {
        QString error;
        if (!recordMeasurement(options.results,
                               {u"library.live.sqlite"_qs, u"ms"_qs, file,
                                Goal{u"p95 <= 1000 ms"_qs, Statistic::P95, 1000, false},
                                u"another window's save, from its commit to this window's story list showing it; "
                                u"SQLite file, PRAGMA data_version polled every 500 ms"_qs},
                               &error)) {
            QTextStream(stderr) << error << '\n';
            ++failures;
        }
    }

    QString address = qEnvironmentVariable("GALLEY_BENCH_POSTGRESQL");
    const QString serverDir = u"/tmp/galley-bench-pg-%1"_qs.arg(QCoreApplication::applicationPid());
    const QString script = QStringLiteral(GALLEY_PGSERVER_SCRIPT);
    if (address.isEmpty()) {
        if (QProcess::execute(u"sh"_qs, {script, u"start"_qs, serverDir}) != 0) {
            QTextStream(stderr) << "bench_liveupdates: could not start a PostgreSQL test server\n";
            return 1;
        }
        address = u"postgresql://galley@/bench?host="_qs + serverDir;
    }
    QString error;
    {
        StoryLibrary init;
        if (!StoryLibrary::createServerDatabase(address, &error) ||
            !init.open(address, &error, StoryLibrary::Access::Initialize)) {
            QTextStream(stderr) << "bench_liveupdates: " << error << '\n';
            ++failures;
            address.clear();
        }
    }
    if (!address.isEmpty()) {
        const QList<double> server = measure(address);
        if (server.isEmpty())
            ++failures;
        else if (!recordMeasurement(options.results,
                                    {u"library.live.postgresql"_qs, u"ms"_qs, server,
                                     Goal{u"p95 <= 1000 ms"_qs, Statistic::P95, 1000, false},
                                     u"another desk's save, from its commit to this desk's story list showing it; "
                                     u"local PostgreSQL 15 on a Unix socket, LISTEN/NOTIFY"_qs},
                                    &error)) {
            QTextStream(stderr) << error << '\n';
            ++failures;
        }
    }
    if (qEnvironmentVariableIsEmpty("GALLEY_BENCH_POSTGRESQL"))
        QProcess::execute(u"sh"_qs, {script, u"stop"_qs, serverDir});
    return failures == 0 ? 0 : 1;
}
