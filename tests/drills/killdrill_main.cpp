// The kill drill, run by hand (see README.md): kills a typing galley with SIGKILL at random moments,
// recovers each time and prints the loss of every run, then the worst and the median.

#include "killdrill.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QRandomGenerator>
#include <QStandardPaths>

#include <cstdio>

using namespace galley::drill;

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Kills a typing galley with SIGKILL at random moments and measures what "
        u"recovery brings back."_qs);
    parser.addHelpOption();
    const QCommandLineOption runsOption(u"runs"_qs, u"Number of runs (default 50)."_qs, u"N"_qs, u"50"_qs);
    const QCommandLineOption galleyOption(u"galley"_qs, u"The galley binary."_qs, u"PATH"_qs,
                                          QStringLiteral(GALLEY_BINARY));
    const QCommandLineOption intervalOption(
        u"interval"_qs, u"Milliseconds between keystrokes (default 60)."_qs, u"MS"_qs, u"60"_qs);
    const QCommandLineOption earliestOption(
        u"earliest"_qs, u"Earliest kill after the first key, ms (default 300)."_qs, u"MS"_qs, u"300"_qs);
    const QCommandLineOption latestOption(
        u"latest"_qs, u"Latest kill after the first key, ms (default 40000)."_qs, u"MS"_qs, u"40000"_qs);
    const QCommandLineOption seedOption(u"seed"_qs, u"Random seed (default: from the clock)."_qs, u"N"_qs);
    const QCommandLineOption keepOption(u"keep"_qs, u"Keep each run's folder (library, logs)."_qs);
    parser.addOptions(
        {runsOption, galleyOption, intervalOption, earliestOption, latestOption, seedOption, keepOption});
    parser.process(app);

    DrillOptions options;
    options.galley = parser.value(galleyOption);
    options.typingIntervalMs = parser.value(intervalOption).toInt();
    options.keepFolder = parser.isSet(keepOption);
    const int runs = parser.value(runsOption).toInt();
    const int earliest = parser.value(earliestOption).toInt();
    const int latest = std::max(earliest + 1, parser.value(latestOption).toInt());
    const quint32 seed = parser.isSet(seedOption) ? parser.value(seedOption).toUInt()
                                                  : quint32(QDateTime::currentMSecsSinceEpoch());
    QRandomGenerator random(seed);
    std::printf("kill drill: %d runs, a key every %d ms, kill %d-%d ms after the first key, seed %u\n", runs,
                options.typingIntervalMs, earliest, latest, seed);

    QList<double> seconds;
    QList<double> words;
    int failures = 0;
    int over = 0;
    for (int i = 1; i <= runs; ++i) {
        const int killAfter = random.bounded(earliest, latest);
        DrillRun run;
        QString error;
        if (!runOnce(options, killAfter, &run, &error)) {
            ++failures;
            std::printf("run %2d/%d: FAILED: %s\n", i, runs, qPrintable(error));
            std::fflush(stdout);
            continue;
        }
        seconds.append(run.lostSeconds);
        words.append(run.lostWords);
        over += run.lostSeconds > 2.0 ? 1 : 0;
        std::printf("run %2d/%d: killed %6.2f s after the first key; typed %4d characters, recovered %4d "
                    "(%s); lost %.2f s, %d words%s%s\n",
                    i, runs, run.killAfterMs / 1000.0, run.typedChars, run.keptChars, qPrintable(run.source),
                    run.lostSeconds, run.lostWords, run.lostSeconds > 2.0 ? "  OVER 2 s" : "",
                    run.folder.isEmpty() ? "" : qPrintable(u"  ("_qs + run.folder + u')'));
        std::fflush(stdout);
    }
    std::printf(
        "\n%lld runs measured, %d failed. Typing lost after recovery: worst %.2f s (%g words), median "
        "%.2f s (%g words); %d runs lost more than 2 s.\n",
        seconds.size(), failures, maximum(seconds), maximum(words), median(seconds), median(words), over);
    return failures == 0 && over == 0 ? 0 : 1;
}
