// Cold start of the real galley binary with one generated story in its library, launched as a
// process with GALLEY_TIMING=1 (it then prints "galley-timing editable <epoch ms>" when the body
// editor has first painted the story and "galley-timing preview <epoch ms>" when the preview has
// first painted it): time from QProcess::start() to each. Then, with the story open and the
// preview settled, the memory of Galley and its QtWebEngineProcess children as PSS from
// /proc/<pid>/smaps_rollup. Offscreen, QTWEBENGINE_DISABLE_SANDBOX=1 (benchmark only). The files
// are in the page cache after the first launch, which is not counted: "cold" is the process.

#include "benchoptions.h"
#include "benchreport.h"
#include "procmemory.h"
#include "storage/storylibrary.h"
#include "storygenerator.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDeadlineTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>

using namespace galley;
using namespace galley::bench;

namespace {

constexpr int Launches = 6;

struct Launch {
    double editableMs = -1;
    double previewMs = -1;
    double pssMiB = -1;
    int processes = 0;
};

Launch launchOnce(const QString &galley, const QString &db, const QString &home, QString *error) {
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"GALLEY_TIMING"_qs, u"1"_qs);
    env.insert(u"QT_QPA_PLATFORM"_qs, u"offscreen"_qs);
    env.insert(u"QTWEBENGINE_DISABLE_SANDBOX"_qs, u"1"_qs);
    // Settings and caches of the launched Galley stay in the benchmark's temporary folder.
    env.insert(u"HOME"_qs, home);
    env.insert(u"XDG_CONFIG_HOME"_qs, home + u"/config"_qs);
    env.insert(u"XDG_DATA_HOME"_qs, home + u"/data"_qs);
    env.insert(u"XDG_CACHE_HOME"_qs, home + u"/cache"_qs);
    process.setProcessEnvironment(env);
    Launch launch;
    QByteArray stderrText;
    const qint64 start = QDateTime::currentMSecsSinceEpoch();
    process.setReadChannel(QProcess::StandardError);
    process.start(galley, {u"--db"_qs, db});
    QDeadlineTimer deadline(60000);
    while (launch.previewMs < 0 && !deadline.hasExpired() && process.state() != QProcess::NotRunning) {
        process.waitForReadyRead(100);
        stderrText += process.readAllStandardError();
        for (const QByteArray &line : stderrText.split('\n')) {
            const QList<QByteArray> fields = line.trimmed().split(' ');
            if (fields.size() != 3 || fields[0] != "galley-timing")
                continue;
            const double at = fields[2].toDouble() - double(start);
            if (fields[1] == "editable")
                launch.editableMs = at;
            else if (fields[1] == "preview")
                launch.previewMs = at;
        }
    }
    if (launch.previewMs >= 0) {
        QThread::msleep(2000); // let the page and the caches settle
        qint64 kib = 0;
        const QList<qint64> tree = processTree(process.processId());
        for (qint64 pid : tree) {
            const qint64 one = pssKib(pid);
            if (one > 0) {
                kib += one;
                ++launch.processes;
            }
        }
        launch.pssMiB = kib / 1024.0;
    } else {
        *error = u"galley did not report a painted preview within a minute: "_qs +
                 QString::fromLocal8Bit(stderrText.right(400));
    }
    process.terminate();
    if (!process.waitForFinished(5000)) {
        process.kill();
        process.waitForFinished(5000);
    }
    return launch;
}

bool measure(const BenchOptions &bench, int words, bool withMemory, QString *error) {
    QTemporaryDir dir;
    const QString db = dir.filePath(u"library.sqlite"_qs);
    {
        StoryLibrary library;
        if (!library.open(db, error))
            return false;
        StoryGenerator generator(20260402 + quint32(words));
        Story story = generator.longStory(words);
        if (!library.save(story, error))
            return false;
    }
    QList<double> editable, preview, memory;
    int processes = 0;
    for (int i = 0; i <= Launches; ++i) {
        const Launch launch = launchOnce(bench.galley, db, dir.path(), error);
        if (launch.previewMs < 0)
            return false;
        if (i == 0)
            continue; // warms the page cache
        editable.append(launch.editableMs);
        preview.append(launch.previewMs);
        memory.append(launch.pssMiB);
        processes = launch.processes;
    }
    const QString label = QString::number(words / 1000) % u'k';
    const QString how =
        u"galley --db with one %1-word story, launched %2 times as a process with GALLEY_TIMING=1 "
        u"(offscreen); median judged"_qs.arg(words)
            .arg(Launches);
    if (!recordMeasurement(bench.results,
                           {u"startup.editable.%1"_qs.arg(label), u"ms"_qs, editable,
                            Goal{u"median <= 500 ms"_qs, Statistic::Median, 500},
                            u"Process start to the body editor's first paint of the story; "_qs % how},
                           error))
        return false;
    if (!recordMeasurement(bench.results,
                           {u"startup.preview.%1"_qs.arg(label), u"ms"_qs, preview,
                            Goal{u"median <= 1000 ms"_qs, Statistic::Median, 1000},
                            u"Process start to the preview's first painted frame of the story; "_qs % how},
                           error))
        return false;
    if (!withMemory)
        return true;
    return recordMeasurement(bench.results,
                             {u"memory.pss.%1"_qs.arg(label), u"MiB"_qs, memory,
                              Goal{u"max <= 350 MB"_qs, Statistic::Max, 350},
                              u"PSS (smaps_rollup) of galley and its %1 QtWebEngineProcess descendants, 2 s "
                              u"after the preview painted; "_qs.arg(processes - 1) %
                                  how},
                             error);
}

} // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    const BenchOptions bench = parseBenchOptions();
    if (bench.galley.isEmpty()) {
        qWarning("bench_startup: --galley PATH is required");
        return 2;
    }
    QString error;
    for (int words : {10000, 100000}) {
        if (!measure(bench, words, true, &error)) {
            qWarning("bench_startup: %s", qPrintable(error));
            return 1;
        }
    }
    return 0;
}
