// galley-desk, the drills' desk process (README.md, "Shared library drills"):
//
//   galley-desk --db ADDRESS --setup --stories K              make the library and its K stories
//   galley-desk --db ADDRESS --desk N --seconds S --stories K --log FILE   one desk saving for S s
//   galley-desk --db ADDRESS --hold-lock --log FILE --seconds S     hold story 0's lock (to be killed)
//   galley-desk --db ADDRESS --take-lock --log FILE --seconds S     take story 0's lock when free
//   galley-desk --db ADDRESS --check LOG...                   check the logs against the library

#include "desk.h"
#include "deskcheck.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QLoggingCategory>
#include <QTextStream>

using namespace galley::drill;

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"galley-desk"_qs);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"One newsroom desk saving, locking and searching a shared Galley library, "
        u"for the drills in tests/drills."_qs);
    parser.addHelpOption();
    const QCommandLineOption db(u"db"_qs, u"The library: a file or a postgresql:// address."_qs,
                                u"ADDRESS"_qs);
    const QCommandLineOption desk(u"desk"_qs, u"This desk's number (default 1)."_qs, u"N"_qs, u"1"_qs);
    const QCommandLineOption seconds(u"seconds"_qs, u"How long to start new attempts (default 60)."_qs,
                                     u"S"_qs, u"60"_qs);
    const QCommandLineOption stories(u"stories"_qs, u"Shared stories (default 6)."_qs, u"K"_qs, u"6"_qs);
    const QCommandLineOption log(u"log"_qs, u"The JSON-lines log to append to."_qs, u"FILE"_qs);
    const QCommandLineOption unlocked(
        u"unlocked"_qs, u"Percent of attempts saved without taking the edit lock (default 0)."_qs,
        u"PERCENT"_qs, u"0"_qs);
    const QCommandLineOption think(u"think"_qs, u"At most this long between load and save (default 0)."_qs,
                                   u"MS"_qs, u"0"_qs);
    const QCommandLineOption searchEvery(
        u"search-every"_qs, u"Every Nth attempt is a ranked search (default 10)."_qs, u"N"_qs, u"10"_qs);
    const QCommandLineOption grace(
        u"grace"_qs, u"Seconds a typed text may still take to land after the run (default 120)."_qs, u"S"_qs,
        u"120"_qs);
    const QCommandLineOption seed(u"seed"_qs, u"Random seed (default: desk number and clock)."_qs, u"N"_qs,
                                  u"0"_qs);
    const QCommandLineOption setup(u"setup"_qs, u"Make the library and its shared stories, then exit."_qs);
    const QCommandLineOption hold(u"hold-lock"_qs, u"Take story 0's edit lock and hold it for --seconds."_qs);
    const QCommandLineOption take(u"take-lock"_qs, u"Take story 0's edit lock as soon as it is free."_qs);
    const QCommandLineOption check(u"check"_qs, u"Check the logs given as arguments against the library."_qs);
    parser.addOptions({db, desk, seconds, stories, log, unlocked, think, searchEvery, grace, seed, setup,
                       hold, take, check});
    parser.addPositionalArgument(u"logs"_qs, u"With --check: every desk's log."_qs, u"[LOG...]"_qs);
    parser.process(app);
    // "Migrating library...", "Cannot connect..." would only interleave the drills' own output: every
    // failure is in the desk's log, with the sentence a reporter would read.
    QLoggingCategory::setFilterRules(u"galley.*.info=false\ngalley.*.warning=false"_qs);

    QTextStream err(stderr);
    if (!parser.isSet(db)) {
        err << "galley-desk: give the library with --db\n";
        return 2;
    }
    DeskOptions options;
    options.db = parser.value(db);
    options.desk = parser.value(desk).toInt();
    options.seconds = parser.value(seconds).toDouble();
    options.stories = std::max(1, parser.value(stories).toInt());
    options.log = parser.value(log);
    options.unlockedPercent = parser.value(unlocked).toInt();
    options.thinkMs = parser.value(think).toInt();
    options.searchEvery = parser.value(searchEvery).toInt();
    options.graceSeconds = parser.value(grace).toDouble();
    options.seed = parser.value(seed).toUInt();

    QString error;
    if (parser.isSet(setup)) {
        if (!setUpLibrary(options, &error)) {
            err << "galley-desk: " << error << '\n';
            return 1;
        }
        return 0;
    }
    if (parser.isSet(check)) {
        CheckReport report;
        if (!checkDrill(options.db, parser.positionalArguments(), &report, &error)) {
            err << "galley-desk: " << error << '\n';
            return 1;
        }
        QTextStream(stdout) << formatReport(report);
        return report.lost == 0 && report.overwrites == 0 ? 0 : 1;
    }
    if (options.log.isEmpty()) {
        err << "galley-desk: give the log with --log\n";
        return 2;
    }
    if (parser.isSet(hold))
        return holdLock(options);
    if (parser.isSet(take))
        return takeLock(options);
    return runDesk(options);
}
