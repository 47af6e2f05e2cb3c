// The story library at newsroom scale: a generated library of 100,000 stories (cached under the
// build folder), timed for opening the file, listing every story, opening one story and searching.
//
// Search is timed through the API the editor uses: StoryLibrary::list() with a text filter in
// relevance order, top 20; beside it the unranked, unlimited filter for comparison. Saving one story
// into the full library is timed too, since autosave runs it on the GUI thread.

#include "benchoptions.h"
#include "benchreport.h"
#include "librarybuilder.h"
#include "storage/searchquery.h"
#include "storage/storylibrary.h"
#include "storygenerator.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTextStream>

using namespace galley;
using namespace galley::bench;

namespace {

constexpr int SearchRepeats = 5;

double msSince(const QElapsedTimer &timer) {
    return double(timer.nsecsElapsed()) / 1e6;
}

bool run(const BenchOptions &bench, QString *error) {
    QTextStream out(stdout);
    double buildSeconds = 0;
    const std::optional<QString> path = cachedLibrary(bench.data, bench.stories, &buildSeconds, error);
    if (!path)
        return false;
    const QString size = QString::number(bench.stories);
    if (buildSeconds > 0 &&
        !recordMeasurement(
            bench.results,
            {u"library.generate"_qs,
             u"s"_qs,
             {buildSeconds},
             std::nullopt,
             u"one-off: %1 stories through StoryLibrary::save(), synchronous=OFF"_qs.arg(size)},
            error))
        return false;

    QList<double> opens;
    for (int i = 0; i < 5; ++i) {
        StoryLibrary library;
        QElapsedTimer timer;
        timer.start();
        if (!library.open(*path, error))
            return false;
        opens.append(msSince(timer));
    }
    if (!recordMeasurement(bench.results,
                           {u"library.open-file"_qs, u"ms"_qs, opens, std::nullopt,
                            u"StoryLibrary::open of the %1-story file (OS cache warm)"_qs.arg(size)},
                           error))
        return false;

    StoryLibrary library;
    if (!library.open(*path, error))
        return false;
    QList<StorySummary> all;
    const QList<double> lists = timeRuns([&] { all = library.list({}, error); }, 5, 5, 0);
    if (!recordMeasurement(bench.results,
                           {u"library.list-all"_qs, u"ms"_qs, lists, std::nullopt,
                            u"StoryLibrary::list() without a filter: %1 summaries"_qs.arg(all.size())},
                           error))
        return false;
    if (all.isEmpty())
        return false;

    QRandomGenerator random(77);
    QList<double> loads;
    qint64 loadedWords = 0;
    for (int i = 0; i < 300; ++i) {
        const QString id = all.at(random.bounded(int(all.size()))).id;
        QElapsedTimer timer;
        timer.start();
        const std::optional<Story> story = library.load(id, error);
        loads.append(msSince(timer));
        if (!story)
            return false;
        loadedWords += story->wordCount();
    }
    const Goal openGoal{u"p95 <= 20 ms"_qs, Statistic::P95, 20};
    if (!recordMeasurement(
            bench.results,
            {u"library.load"_qs, u"ms"_qs, loads, openGoal,
             u"StoryLibrary::load of 300 random stories among %1 (mean %2 words)"_qs.arg(size).arg(
                 loadedWords / 300)},
            error))
        return false;

    QList<double> listed;
    QList<double> ranked;
    qint64 listedRows = 0;
    for (const QString &text : searchQueries()) {
        qsizetype rows = 0;
        QList<double> mine;
        QList<double> top;
        for (int i = 0; i < SearchRepeats; ++i) {
            QElapsedTimer timer;
            timer.start();
            rows = library.list(StoryFilter{text, std::nullopt, {}}, error).size();
            mine.append(msSince(timer));
            StoryFilter filter{text};
            filter.order = StoryOrder::Relevance;
            filter.limit = 20;
            timer.start();
            library.list(filter, error);
            top.append(msSince(timer));
        }
        listed += mine;
        ranked += top;
        listedRows += rows;
        out << "  search \"" << text << "\": " << rows << " stories; medians: unranked list() "
            << QString::number(summarize(mine).median, 'f', 1) << " ms, ranked top 20 "
            << QString::number(summarize(top).median, 'f', 1) << " ms\n";
    }
    const Goal searchGoal{u"p95 <= 50 ms"_qs, Statistic::P95, 50};
    const auto queries = searchQueries().size();
    if (!recordMeasurement(bench.results,
                           {u"library.search.ranked-top20"_qs, u"ms"_qs, ranked, searchGoal,
                            u"StoryLibrary::list({text, Relevance, limit 20}); %1 queries x %2"_qs.arg(queries).arg(
                                SearchRepeats)},
                           error)
        || !recordMeasurement(
            bench.results,
            {u"library.search.unranked-all"_qs, u"ms"_qs, listed, std::nullopt,
             u"StoryLibrary::list({text}) newest first, every match (mean %1 rows), for comparison"_qs.arg(
                 listedRows / queries)},
            error))
        return false;

    // Autosave in a big library: the same story saved again with one word more each time.
    std::optional<Story> story = library.load(all.constFirst().id, error);
    if (!story)
        return false;
    QList<double> saves;
    for (int i = 0; i < 30; ++i) {
        if (!story->body.isEmpty() && !story->body.first().lines.isEmpty())
            story->body.first().lines.first().runs.append(InlineRun{u" again"_qs});
        QElapsedTimer timer;
        timer.start();
        if (!library.save(*story, error))
            return false;
        saves.append(msSince(timer));
    }
    if (!recordMeasurement(bench.results,
                           {u"library.save"_qs, u"ms"_qs, saves, std::nullopt,
                            u"StoryLibrary::save of one edited story in the %1-story library"_qs.arg(size)},
                           error))
        return false;

    // Issue 10: the lock holder's window pushes its working copy before each save, autosaves too.
    if (!library.takeEditLock(story->id, u"Bench Desk"_qs, u"bench-session"_qs, nullptr, error))
        return false;
    QList<double> pushes;
    for (int i = 0; i < 30; ++i) {
        QElapsedTimer timer;
        timer.start();
        if (!library.keepWorkingCopy(*story, u"bench-session"_qs, error))
            return false;
        pushes.append(msSince(timer));
    }
    library.releaseEditLock(story->id, u"bench-session"_qs, error);
    if (!recordMeasurement(bench.results,
                           {u"library.keep-working-copy"_qs, u"ms"_qs, pushes, std::nullopt,
                            u"StoryLibrary::keepWorkingCopy of the same story (%1 words), before each save"_qs.arg(
                                story->wordCount())},
                           error))
        return false;
    return true;
}

} // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    const BenchOptions bench = parseBenchOptions();
    QString error;
    if (!run(bench, &error)) {
        QTextStream(stderr) << "bench_library: " << (error.isEmpty() ? u"failed"_qs : error) << '\n';
        return 1;
    }
    return 0;
}
