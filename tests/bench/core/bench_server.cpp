// The shared library on PostgreSQL (issue 10), on a local server this program starts itself
// (tests/storage/pgserver.sh: initdb in a temporary folder, a Unix socket only; stopped at the end):
//
// - saving one story while 7 other desk processes (tests/drills galley-desk) save, lock and search
//   the same library (goal p95 <= 20 ms), beside the same save with no other desk, and the same
//   two on a SQLite file for comparison;
// - ranked search (top 20 by relevance) in the generated library of bench_library, copied into the
//   server with StoryLibrary::copyTo (goal p95 <= 50 ms);
// - opening a story of that library (goal p95 <= 20 ms), and listing all of it.
//
// The copied library is kept as a pg_dump archive under the bench data folder and restored on the
// next run (a copy of 100,000 stories takes minutes).

#include "benchoptions.h"
#include "benchreport.h"
#include "desk.h"
#include "librarybuilder.h"
#include "storage/storylibrary.h"
#include "storygenerator.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>
#include <QUuid>

#include <optional>

#include <memory>
#include <vector>

using namespace galley;
using namespace galley::bench;

namespace {

constexpr int BackgroundDesks = 7;
constexpr int SaveRuns = 200;
constexpr int SearchRepeats = 5;

double msSince(const QElapsedTimer &timer) {
    return double(timer.nsecsElapsed()) / 1e6;
}

QString pgBin(const QString &tool) {
    return qEnvironmentVariable("GALLEY_PG_BIN", u"/usr/lib/postgresql/15/bin"_qs) + u'/' + tool;
}

/// Runs @p program to its end; false with its output in @p error when it fails.
bool runProcess(const QString &program, const QStringList &arguments, QString *error,
                int timeoutMs = 3600000) {
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, arguments);
    if (process.waitForFinished(timeoutMs) && process.exitStatus() == QProcess::NormalExit &&
        process.exitCode() == 0)
        return true;
    *error = u"%1 %2 failed: %3"_qs.arg(program, arguments.join(u' '),
                                        QString::fromLocal8Bit(process.readAll()).trimmed());
    return false;
}

/// The throw-away server: started by pgserver.sh in a short /tmp folder (a socket path must fit in
/// 107 bytes), stopped and removed when this goes out of scope.
class Server final {
public:
    Server()
        : m_dir(u"/tmp/galley-bench-pg-%1"_qs.arg(QCoreApplication::applicationPid())) {}
    ~Server() {
        if (m_started) {
            QString ignored;
            runProcess(u"sh"_qs, {QStringLiteral(GALLEY_PGSERVER_SCRIPT), u"stop"_qs, m_dir}, &ignored);
        }
    }
    Q_DISABLE_COPY_MOVE(Server)

    bool start(QString *error) {
        m_started = runProcess(u"sh"_qs, {QStringLiteral(GALLEY_PGSERVER_SCRIPT), u"start"_qs, m_dir}, error);
        return m_started;
    }
    QString address(const QString &database) const {
        return u"postgresql://galley@/%1?host=%2"_qs.arg(database, m_dir);
    }
    QStringList clientArguments(const QString &database) const {
        return {u"-h"_qs, m_dir, u"-U"_qs, u"galley"_qs, u"-d"_qs, database};
    }

private:
    QString m_dir;
    bool m_started = false;
};

/// Background desks: galley-desk processes saving, locking and searching until stopped.
class Desks final {
public:
    ~Desks() { stop(); }
    /// @p thinkMs: at most this long between a desk's load and save (0: back to back). @p ownMachines:
    /// the desk processes run at the lowest CPU priority (nice 19), so their own work, which in a
    /// newsroom runs on each desk's computer, takes what the server and the measured desk leave;
    /// their server sessions keep the usual priority.
    void start(const QString &db, int count, int stories, const QString &logDir, int thinkMs = 0,
               bool ownMachines = false) {
        for (int n = 1; n <= count; ++n) {
            auto process = std::make_unique<QProcess>();
            process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
            process->setStandardOutputFile(QProcess::nullDevice());
            QStringList arguments = {u"--db"_qs, db, u"--desk"_qs, QString::number(n), u"--seconds"_qs, u"3600"_qs,
                                     u"--stories"_qs, QString::number(stories), u"--log"_qs,
                                     QDir(logDir).filePath(u"desk-%1.jsonl"_qs.arg(n)), u"--grace"_qs, u"0"_qs,
                                     u"--think"_qs, QString::number(thinkMs)};
            if (ownMachines) // nice execs the desk, so killing the process kills the desk
                process->start(u"nice"_qs, QStringList{u"-n"_qs, u"19"_qs, QStringLiteral(GALLEY_DESK_BINARY)} + arguments);
            else
                process->start(QStringLiteral(GALLEY_DESK_BINARY), arguments);
            m_processes.push_back(std::move(process));
        }
    }
    /// Save lines the desks logged so far (to show they were busy).
    static int savedLines(const QString &logDir) {
        int saved = 0;
        for (const QString &name : QDir(logDir).entryList({u"desk-*.jsonl"_qs}, QDir::Files)) {
            QFile file(QDir(logDir).filePath(name));
            if (file.open(QIODevice::ReadOnly))
                saved += int(file.readAll().count("\"outcome\":\"saved\""));
        }
        return saved;
    }
    void stop() {
        for (auto &process : m_processes) {
            process->kill();
            process->waitForFinished(5000);
        }
        m_processes.clear();
    }

private:
    std::vector<std::unique_ptr<QProcess>> m_processes;
};

/// Times SaveRuns saves of the desk's own story (the last drill story), each from the version the
/// one before left, as an editor's saves are.
bool timeSaves(const QString &db, QList<double> *samples, QString *error) {
    StoryLibrary library;
    if (!library.open(db, error))
        return false;
    // galley-desk --setup made stories 0..BackgroundDesks; the background desks use 0..BackgroundDesks-1.
    const QString id = drill::drillStoryId(BackgroundDesks);
    std::optional<Story> story = library.load(id, error);
    if (!story)
        return false;
    SaveOptions options;
    options.author = u"Measured desk"_qs;
    options.session = QUuid::createUuid().toString(QUuid::WithoutBraces);
    int failures = 0;
    for (int i = 0; i < SaveRuns; ++i) {
        story->body.first().lines = {
            InlineText::plain(u"The measured desk's paragraph, written for the %1th time."_qs.arg(i))};
        QElapsedTimer timer;
        timer.start();
        if (!library.save(*story, options, error)) {
            // A busy library (SQLite's write lock held past its timeout): counted, not timed.
            if (++failures > SaveRuns / 10)
                return false;
            continue;
        }
        samples->append(msSince(timer));
    }
    if (failures > 0)
        QTextStream(stdout) << "  " << failures << " saves failed: " << *error << '\n';
    return true;
}

/// Saves of the measured desk while BackgroundDesks desks work, each waiting at most @p thinkMs
/// between load and save; @p note says how many saves of theirs ran meanwhile.
bool timeBusySaves(const QString &db, int thinkMs, QList<double> *samples, QString *note, QString *error,
                   bool ownMachines = false) {
    QTemporaryDir logs;
    Desks desks;
    desks.start(db, BackgroundDesks, BackgroundDesks, logs.path(), thinkMs, ownMachines);
    QThread::msleep(1500); // let every desk open the library and start saving
    const int before = Desks::savedLines(logs.path());
    QElapsedTimer busyTime;
    busyTime.start();
    const bool ok = timeSaves(db, samples, error);
    const double seconds = double(busyTime.elapsed()) / 1000;
    const int during = Desks::savedLines(logs.path()) - before;
    desks.stop();
    *note = u"%1 saves of theirs meanwhile, %2 a second"_qs.arg(during).arg(
        seconds > 0 ? double(during) / seconds : 0, 0, 'f', 0);
    return ok;
}

/// Save p50/p95 on @p db with no other desk, with BackgroundDesks desks saving back to back, and
/// with them saving at about a person's pace (up to a second between load and save).
bool benchBusySaves(const BenchOptions &bench, const QString &engine, const QString &db, QString *error) {
    if (!runProcess(QStringLiteral(GALLEY_DESK_BINARY),
                    {u"--db"_qs, db, u"--setup"_qs, u"--stories"_qs, QString::number(BackgroundDesks + 1)},
                    error))
        return false;
    QList<double> idle;
    if (!timeSaves(db, &idle, error))
        return false;
    QList<double> busy;
    QList<double> paced;
    QString busyNote;
    QString pacedNote;
    if (!timeBusySaves(db, 0, &busy, &busyNote, error) || !timeBusySaves(db, 1000, &paced, &pacedNote, error))
        return false;
    // On one machine the other desks' own work competes with the server for its cores; in a
    // newsroom it runs on their computers. The same back-to-back load, with that work yielding.
    QList<double> remote;
    QString remoteNote;
    const bool server = engine == u"server"_qs;
    if (server && !timeBusySaves(db, 0, &remote, &remoteNote, error, true))
        return false;
    const QString where = engine == u"server"_qs ? u"on the local PostgreSQL 15 (pgserver.sh: fsync off)"_qs
                                                 : u"on a SQLite file (WAL)"_qs;
    const Goal goal{u"p95 <= 20 ms"_qs, Statistic::P95, 20};
    return recordMeasurement(
               bench.results,
               {engine + u".save.busy-8-desks"_qs, u"ms"_qs, busy, goal,
                u"StoryLibrary::save of one story %1 while %2 galley-desk processes saved back to "
                u"back, locked and searched 7 other stories (%3)"_qs.arg(where)
                    .arg(BackgroundDesks)
                    .arg(busyNote)},
               error) &&
           recordMeasurement(bench.results,
                             {engine + u".save.8-desks-paced"_qs, u"ms"_qs, paced, goal,
                              u"the same while the %1 desks wait up to 1 s between load and save, as people "
                              u"(%2)"_qs.arg(BackgroundDesks)
                                  .arg(pacedNote)},
                             error) &&
           (!server ||
            recordMeasurement(bench.results,
                              {engine + u".save.busy-8-desks-own-machines"_qs, u"ms"_qs, remote, goal,
                               u"the same back to back, the %1 desk processes at nice 19 (their server sessions "
                               u"not), as desks on computers of their own (%2)"_qs.arg(BackgroundDesks)
                                   .arg(remoteNote)},
                              error)) &&
           recordMeasurement(bench.results,
                             {engine + u".save.idle"_qs, u"ms"_qs, idle, std::nullopt,
                              u"the same save %1 with no other desk, for comparison"_qs.arg(where)},
                             error);
}

/// Fills database "big" on @p server with the generated library: from the cached dump when there is
/// one, else by StoryLibrary::copyTo from the cached SQLite library (then dumped for next time).
bool fillServer(const BenchOptions &bench, const Server &server, QString *error) {
    double buildSeconds = 0;
    const std::optional<QString> file = cachedLibrary(bench.data, bench.stories, &buildSeconds, error);
    if (!file)
        return false;
    const QString dump = QDir(bench.data).filePath(QFileInfo(*file).completeBaseName() + u".pgdump"_qs);
    QTextStream out(stdout);
    const QString address = server.address(u"big"_qs);
    if (!StoryLibrary::createServerDatabase(address, error))
        return false;
    QElapsedTimer timer;
    timer.start();
    if (QFileInfo::exists(dump)) {
        out << "Restoring the server library from " << dump << '\n';
        out.flush();
        if (!runProcess(pgBin(u"pg_restore"_qs),
                        server.clientArguments(u"big"_qs) << u"--no-owner"_qs << dump, error))
            return false;
        out << "  restored in " << QString::number(double(timer.elapsed()) / 1000, 'f', 1) << " s\n";
        return true;
    }
    out << "Copying " << *file << " into the server (once; dumped to " << dump << " for next time)\n";
    out.flush();
    {
        StoryLibrary source;
        StoryLibrary target;
        if (!source.open(*file, error, StoryLibrary::Access::ReadOnly) ||
            !target.open(address, error, StoryLibrary::Access::Initialize))
            return false;
        LibraryCopySummary summary;
        if (!source.copyTo(target, &summary, error))
            return false;
    }
    const double copySeconds = double(timer.elapsed()) / 1000;
    if (!recordMeasurement(
            bench.results,
            {u"server.copy-library"_qs,
             u"s"_qs,
             {copySeconds},
             std::nullopt,
             u"one-off: StoryLibrary::copyTo of the %1-story file into the server, verified"_qs.arg(
                 bench.stories)},
            error))
        return false;
    for (const QString &stale : QDir(bench.data).entryList({u"*.pgdump"_qs}, QDir::Files))
        QFile::remove(QDir(bench.data).filePath(stale));
    const QString partial = dump + u".partial"_qs;
    if (!runProcess(pgBin(u"pg_dump"_qs),
                    server.clientArguments(u"big"_qs) << u"-Fc"_qs << u"-f"_qs << partial, error) ||
        !QFile::rename(partial, dump))
        return false;
    return true;
}

bool benchBigLibrary(const BenchOptions &bench, const Server &server, QString *error) {
    // A restore or a copy leaves the planner without statistics until autovacuum comes round; a
    // server that has run for a while has them.
    if (!fillServer(bench, server, error) ||
        !runProcess(pgBin(u"psql"_qs), server.clientArguments(u"big"_qs) << u"-c"_qs << u"ANALYZE"_qs, error))
        return false;
    StoryLibrary library;
    if (!library.open(server.address(u"big"_qs), error))
        return false;
    QTextStream out(stdout);
    const QString size = QString::number(library.count());
    QList<StorySummary> all;
    const QList<double> lists = timeRuns([&] { all = library.list({}, error); }, 3, 3, 0);
    if (all.isEmpty())
        return false;
    QRandomGenerator random(77);
    QList<double> loads;
    for (int i = 0; i < 300; ++i) {
        const QString id = all.at(random.bounded(int(all.size()))).id;
        QElapsedTimer timer;
        timer.start();
        if (!library.load(id, error))
            return false;
        loads.append(msSince(timer));
    }
    QList<double> ranked;
    for (const QString &text : searchQueries()) {
        QList<double> mine;
        qsizetype rows = 0;
        for (int i = 0; i < SearchRepeats; ++i) {
            StoryFilter filter{text};
            filter.order = StoryOrder::Relevance;
            filter.limit = 20;
            QElapsedTimer timer;
            timer.start();
            rows = library.list(filter, error).size();
            mine.append(msSince(timer));
        }
        ranked += mine;
        out << "  search \"" << text << "\": top " << rows << ", median "
            << QString::number(summarize(mine).median, 'f', 1) << " ms\n";
    }
    return recordMeasurement(
               bench.results,
               {u"server.list-all"_qs, u"ms"_qs, lists, std::nullopt,
                u"StoryLibrary::list() without a filter on the server: %1 summaries"_qs.arg(size)},
               error) &&
           recordMeasurement(
               bench.results,
               {u"server.load"_qs, u"ms"_qs, loads, Goal{u"p95 <= 20 ms"_qs, Statistic::P95, 20},
                u"StoryLibrary::load of 300 random stories among %1 on the server"_qs.arg(size)},
               error) &&
           recordMeasurement(
               bench.results,
               {u"server.search.ranked-top20"_qs, u"ms"_qs, ranked,
                Goal{u"p95 <= 50 ms"_qs, Statistic::P95, 50},
                u"StoryLibrary::list({text, Relevance, limit 20}) in %1 stories on the server; %2 queries x %3"_qs
                    .arg(size)
                    .arg(searchQueries().size())
                    .arg(SearchRepeats)},
               error);
}

bool run(const BenchOptions &bench, QString *error) {
    Server server;
    if (!server.start(error))
        return false;
    // GALLEY_BENCH_SERVER_PARTS: "saves" or "library" runs that half alone (default: both).
    const QString parts = qEnvironmentVariable("GALLEY_BENCH_SERVER_PARTS");
    if (parts != u"library"_qs) {
        if (!benchBusySaves(bench, u"server"_qs, server.address(u"busy"_qs), error))
            return false;
        QTemporaryDir files;
        if (!benchBusySaves(bench, u"sqlite"_qs, files.filePath(u"busy.sqlite"_qs), error))
            return false;
    }
    return parts == u"saves"_qs || benchBigLibrary(bench, server, error);
}

} // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    const BenchOptions bench = parseBenchOptions();
    QString error;
    if (!run(bench, &error)) {
        QTextStream(stderr) << "bench_server: " << (error.isEmpty() ? u"failed"_qs : error) << '\n';
        return 1;
    }
    return 0;
}
