// The story library at newsroom scale: a generated library of 100,000 stories (cached under the
// build folder), timed for opening the file, listing every story, opening one story and searching.
//
// StoryLibrary::list() has no ranking and no limit: a search returns every matching story, newest
// first. The search figure therefore times list() with a text filter, and beside it a prototype of
// the queries a "top 20" API could run (FTS5 MATCH with bm25 or newest-first order and LIMIT 20),
// issued directly on the library's connection: measurements of a proposal, not code the editor uses.

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

/// What newsroom users type: topic words from common to rare, names, two-word searches and the
/// first letters of a word as the list filters while typing.
QStringList searchQueries() {
    const QStringList &words = StoryGenerator::newsWords();
    return {
        u"council"_qs,
        u"harbour"_qs,
        u"levy"_qs,
        u"tannery"_qs,
        words.at(words.size() / 2),
        StoryGenerator::firstName(0),
        StoryGenerator::surname(123),
        StoryGenerator::surname(1501),
        StoryGenerator::place(45),
        u"harbour levy"_qs,
        u"council "_qs % StoryGenerator::surname(777),
        u"flood gates"_qs,
        u"harb"_qs,
        u"coun"_qs,
        StoryGenerator::surname(900).left(4),
    };
}

/// A query the proposed "top 20" storage API could run, written against schema version 1. Each
/// "?" is bound to the same FTS5 MATCH expression.
struct Prototype {
    QString name;
    QString note;
    QString sql;
};

const QString SummaryColumns = u"SELECT s.id, s.slug, s.headline, s.section, s.status, s.updated "
                               u"FROM story_search JOIN stories s ON s.id = story_search.story_id "
                               u"WHERE story_search MATCH ? "_qs;
// bm25 column weights: story_id (unindexed) 0, headline 10, deck 4, body 1.
const QString Bm25 = u"bm25(story_search, 0.0, 10.0, 4.0, 1.0)"_qs;

QList<Prototype> prototypes() {
    return {
        {u"library.search.ranked-top20-prototype"_qs,
         u"proposal as raw SQL: MATCH, ORDER BY bm25 LIMIT 20 (bm25 scores every match)"_qs,
         SummaryColumns % u"ORDER BY "_qs % Bm25 % u" LIMIT 20"_qs},
        // save() rewrites the search row, so a larger FTS rowid is a later save: newest first
        // without scoring or sorting every match.
        {u"library.search.newest-top20-prototype"_qs,
         u"proposal as raw SQL: MATCH, ORDER BY story_search.rowid DESC LIMIT 20 (newest saves first)"_qs,
         SummaryColumns % u"ORDER BY story_search.rowid DESC LIMIT 20"_qs},
        {u"library.search.ranked-in-newest-2000-prototype"_qs,
         u"proposal as raw SQL: bm25 top 20 among the newest 2,000 matches (rowid floor from a subquery)"_qs,
         SummaryColumns %
             u"AND story_search.rowid >= COALESCE((SELECT rowid FROM story_search WHERE story_search MATCH ? "
             u"ORDER BY rowid DESC LIMIT 1 OFFSET 1999), 0) ORDER BY "_qs %
             Bm25 % u" LIMIT 20"_qs},
    };
}

/// Runs @p sql with every "?" bound to the MATCH expression for @p text; the number of rows, or -1
/// with @p error set.
qsizetype runPrototype(const QSqlDatabase &db, const QString &sql, const QString &text, QString *error) {
    QSqlQuery query(db);
    query.setForwardOnly(true);
    query.prepare(sql);
    const QString match = ftsMatchExpression(text);
    for (qsizetype i = sql.count(u'?'); i > 0; --i)
        query.addBindValue(match);
    if (!query.exec()) {
        *error = u"%1: %2"_qs.arg(sql, query.lastError().text());
        return -1;
    }
    qsizetype rows = 0;
    while (query.next())
        ++rows;
    return rows;
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

    const QSqlDatabase db = QSqlDatabase::database(library.connectionNameForTesting());
    const QList<Prototype> protos = prototypes();
    QList<double> listed;
    QList<QList<double>> proposed(protos.size());
    qint64 listedRows = 0;
    for (const QString &text : searchQueries()) {
        QList<double> mine;
        qsizetype rows = 0;
        for (int i = 0; i < SearchRepeats; ++i) {
            QElapsedTimer timer;
            timer.start();
            rows = library.list(StoryFilter{text, std::nullopt, {}}, error).size();
            mine.append(msSince(timer));
        }
        listed += mine;
        listedRows += rows;
        out << "  search \"" << text << "\": " << rows << " stories; medians: list() "
            << QString::number(summarize(mine).median, 'f', 1) << " ms";
        for (qsizetype p = 0; p < protos.size(); ++p) {
            QList<double> times;
            for (int i = 0; i < SearchRepeats; ++i) {
                QElapsedTimer timer;
                timer.start();
                if (runPrototype(db, protos.at(p).sql, text, error) < 0)
                    return false;
                times.append(msSince(timer));
            }
            proposed[p] += times;
            out << ", " << protos.at(p).name.section(u'.', 2).remove(u"-prototype"_qs) << ' '
                << QString::number(summarize(times).median, 'f', 1) << " ms";
        }
        out << '\n';
    }
    const Goal searchGoal{u"p95 <= 50 ms"_qs, Statistic::P95, 50};
    const auto queries = searchQueries().size();
    if (!recordMeasurement(
            bench.results,
            {u"library.search.list-filter"_qs, u"ms"_qs, listed, searchGoal,
             u"StoryLibrary::list({text}) — unranked, unlimited (mean %1 rows); %2 queries x %3"_qs
                 .arg(listedRows / queries)
                 .arg(queries)
                 .arg(SearchRepeats)},
            error))
        return false;
    for (qsizetype p = 0; p < protos.size(); ++p)
        if (!recordMeasurement(bench.results,
                               {protos.at(p).name, u"ms"_qs, proposed.at(p), searchGoal, protos.at(p).note},
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
