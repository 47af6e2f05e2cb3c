// Revisions (issue 9) at newsroom scale: the word-level diff of two revisions of a 10,000-word
// story, opening the history of a story with 500 revisions (the list, the newest two revisions
// and their diff, what the History panel shows first), a save with its revision against the same
// save without the revision step, and the size of a library of 1,000 stories with 50 revisions
// each. Generated inputs live in a temporary folder; nothing is cached.

#include "benchoptions.h"
#include "benchreport.h"
#include "history/revisiondiff.h"
#include "storage/storylibrary.h"
#include "storygenerator.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>

using namespace galley;
using namespace galley::bench;

namespace {

constexpr int LongStoryWords = 10000;
constexpr int HistoryRevisions = 500;
constexpr int SizeStories = 1000;
constexpr int SizeRevisions = 50;

double msSince(const QElapsedTimer &timer) {
    return double(timer.nsecsElapsed()) / 1e6;
}

/// A copy editor's pass over @p story: a word changed in @p edits paragraphs picked by @p random,
/// the headline now and then.
void copyEdit(Story &story, QRandomGenerator &random, int edits) {
    for (int e = 0; e < edits && !story.body.isEmpty(); ++e) {
        Block &block = story.body[random.bounded(int(story.body.size()))];
        if (block.lines.isEmpty() || block.lines.first().runs.isEmpty())
            continue;
        InlineRun &run = block.lines.first().runs.first();
        const qsizetype space =
            run.text.indexOf(u' ', random.bounded(int(std::max<qsizetype>(run.text.size(), 1))));
        run.text.insert(space < 0 ? run.text.size() : space, u" newly"_qs);
    }
    if (random.bounded(10) == 0)
        story.headline += u" again"_qs;
}

/// The newer revision of the diff benchmark: 20 paragraphs with a word changed, one split, one
/// moved, one removed and two added, a caption rewritten.
Story revised(const Story &older) {
    Story newer = older;
    QRandomGenerator random(7);
    copyEdit(newer, random, 20);
    const qsizetype split = newer.body.size() / 3;
    Block &first = newer.body[split];
    if (!first.lines.isEmpty() && !first.lines.first().runs.isEmpty()) {
        QString &text = first.lines.first().runs.first().text;
        const qsizetype cut = text.indexOf(u". "_qs);
        if (cut > 0) {
            Block second = Block::make(BlockKind::Paragraph, text.mid(cut + 2));
            text.truncate(cut + 1);
            newer.body.insert(split + 1, second);
        }
    }
    newer.body.move(newer.body.size() / 2, newer.body.size() / 5);
    newer.body.removeAt(newer.body.size() * 2 / 3);
    newer.body.append(Block::make(BlockKind::Paragraph, u"An added paragraph at the end of the story."_qs));
    newer.body.insert(10, Block::make(BlockKind::Paragraph, u"Another added paragraph near the top."_qs));
    if (!newer.images.isEmpty())
        newer.images[0].caption += u" Taken on Monday."_qs;
    return newer;
}

bool fastWrites(StoryLibrary &library) {
    return QSqlQuery(QSqlDatabase::database(library.connectionNameForTesting()))
        .exec(u"PRAGMA synchronous = OFF"_qs);
}

bool benchDiff(const BenchOptions &bench, QString *error) {
    StoryGenerator generator(2026);
    const Story older = generator.longStory(LongStoryWords, 4, 6);
    const Story newer = revised(older);
    int fields = 0;
    const QList<double> runs =
        timeRuns([&] { fields = int(diffStories(older, newer).fields.size()); }, 5, 50, 3000);
    return recordMeasurement(
        bench.results,
        {u"history.diff-10000-words"_qs, u"ms"_qs, runs,
         Goal{u"median < 30 ms"_qs, Statistic::Median, 30, true},
         u"diffStories() of a %1-word story against a copy edit of it (20 words changed, a "
         u"paragraph split, one moved, one removed, two added, a caption): %2 fields"_qs
             .arg(older.wordCount())
             .arg(fields)},
        error);
}

bool benchHistory(const BenchOptions &bench, const QString &folder, QString *error) {
    StoryLibrary library;
    if (!library.open(folder + u"/history.sqlite"_qs, error) || !fastWrites(library))
        return false;
    StoryGenerator generator(99);
    Story story = generator.longStory(LongStoryWords, 4, 6);
    QRandomGenerator random(5);
    SaveOptions options;
    options.author = u"Bench Writer"_qs;
    QList<double> saves;
    QList<double> revisionSteps;
    for (int i = 0; i < HistoryRevisions; ++i) {
        copyEdit(story, random, 2);
        if (!library.save(story, options, error))
            return false;
    }

    // Save with and without the revision step, timed inside one save through the save hook.
    static QElapsedTimer stepTimer;
    static double indexDoneMs = 0;
    static double revisionDoneMs = 0;
    StoryLibrary::setSaveHookForTesting([](StoryLibrary::SaveStep step) {
        if (step == StoryLibrary::SaveStep::SearchIndex)
            indexDoneMs = msSince(stepTimer);
        else if (step == StoryLibrary::SaveStep::Revision)
            revisionDoneMs = msSince(stepTimer);
        return true;
    });
    QList<double> ratios;
    QSqlQuery(QSqlDatabase::database(library.connectionNameForTesting()))
        .exec(u"PRAGMA synchronous = NORMAL"_qs);
    for (int i = 0; i < 40; ++i) {
        copyEdit(story, random, 1);
        stepTimer.start();
        if (!library.save(story, options, error))
            return false;
        const double total = msSince(stepTimer);
        const double revision = revisionDoneMs - indexDoneMs;
        saves.append(total);
        revisionSteps.append(revision);
        ratios.append(total / (total - revision));
    }
    StoryLibrary::setSaveHookForTesting(nullptr);

    QList<double> opens;
    const QString id = story.id;
    for (int i = 0; i < 20; ++i) {
        QElapsedTimer timer;
        timer.start();
        const QList<RevisionInfo> revisions = library.revisions(id, error);
        if (revisions.size() < 2)
            return false;
        const auto newest = library.loadRevision(id, revisions.at(0).number, error);
        const auto before = library.loadRevision(id, revisions.at(1).number, error);
        if (!newest || !before)
            return false;
        const RevisionDiff diff = diffStories(*before, *newest);
        opens.append(msSince(timer));
        if (diff.isEmpty())
            return false;
    }
    return recordMeasurement(
               bench.results,
               {u"history.open-500-revisions"_qs, u"ms"_qs, opens,
                Goal{u"median < 100 ms"_qs, Statistic::Median, 100, true},
                u"revisions() of a %1-word story with %2 revisions, then its newest two revisions "
                u"read and compared"_qs.arg(story.wordCount())
                    .arg(HistoryRevisions + 41)},
               error) &&
           recordMeasurement(bench.results,
                             {u"history.save-10000-words"_qs, u"ms"_qs, saves, std::nullopt,
                              u"StoryLibrary::save() of the same story, one word changed, revision included "
                              u"(synchronous=NORMAL, WAL)"_qs},
                             error) &&
           recordMeasurement(bench.results,
                             {u"history.save-revision-step"_qs, u"ms"_qs, revisionSteps, std::nullopt,
                              u"the part of those saves that writes the revision"_qs},
                             error) &&
           recordMeasurement(bench.results,
                             {u"history.save-ratio"_qs, u"x"_qs, ratios,
                              Goal{u"median <= 2x"_qs, Statistic::Median, 2},
                              u"save with its revision / the same save without the revision step"_qs},
                             error);
}

bool benchSize(const BenchOptions &bench, const QString &folder, QString *error) {
    // --stories below 1,000 makes a smaller library (a quick run); the default is the full size.
    const int stories = std::min(bench.stories, SizeStories);
    const QString path = folder + u"/size.sqlite"_qs;
    QElapsedTimer timer;
    timer.start();
    qint64 piecesBytes = 0;
    qint64 storyBytes = 0;
    qint64 rootBytes = 0;
    qint64 pictureBytes = 0;
    {
        StoryLibrary library;
        if (!library.open(path, error) || !fastWrites(library))
            return false;
        StoryGenerator generator(1000);
        QRandomGenerator random(11);
        SaveOptions options;
        options.author = u"Bench Writer"_qs;
        for (int s = 0; s < stories; ++s) {
            Story story = generator.libraryStory();
            for (int r = 0; r < SizeRevisions; ++r) {
                if (r > 0)
                    copyEdit(story, random, 1 + random.bounded(2));
                if (!library.save(story, options, error))
                    return false;
            }
        }
        QSqlQuery query(QSqlDatabase::database(library.connectionNameForTesting()));
        if (query.exec(u"SELECT SUM(length(data)) FROM revision_pieces"_qs) && query.next())
            piecesBytes = query.value(0).toLongLong();
        if (query.exec(u"SELECT SUM(length(p.data)) FROM revision_pieces p JOIN revisions r "
                       u"ON r.story_id = p.story_id AND r.root = p.key"_qs) &&
            query.next())
            rootBytes = query.value(0).toLongLong();
        if (query.exec(u"SELECT SUM(length(data)) FROM images"_qs) && query.next())
            pictureBytes = query.value(0).toLongLong();
        if (query.exec(
                u"SELECT SUM(length(body) + length(headline) + length(deck) + length(metadata)) FROM stories"_qs) &&
            query.next())
            storyBytes = query.value(0).toLongLong();
        QSqlQuery(QSqlDatabase::database(library.connectionNameForTesting()))
            .exec(u"PRAGMA wal_checkpoint(TRUNCATE)"_qs);
        QSqlQuery(QSqlDatabase::database(library.connectionNameForTesting())).exec(u"VACUUM"_qs);
    }
    const double fileMb = double(QFileInfo(path).size()) / 1e6;
    const double seconds = msSince(timer) / 1000;
    return recordMeasurement(
        bench.results,
        {u"history.library-size"_qs,
         u"MB"_qs,
         {fileMb},
         std::nullopt,
         u"library file of %1 stories x %2 revisions (one or two words changed a save), "
         u"vacuumed; revision pieces %3 MB (of which roots %6 MB, pictures %7 MB), the current "
         u"stories' text %4 MB; built in %5 s"_qs.arg(stories)
             .arg(SizeRevisions)
             .arg(double(piecesBytes) / 1e6, 0, 'f', 1)
             .arg(double(storyBytes) / 1e6, 0, 'f', 1)
             .arg(seconds, 0, 'f', 0)
             .arg(double(rootBytes) / 1e6, 0, 'f', 1)
             .arg(double(pictureBytes) / 1e6, 0, 'f', 1)},
        error);
}

} // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    const BenchOptions bench = parseBenchOptions();
    QTemporaryDir folder;
    QString error;
    if (!folder.isValid() || !benchDiff(bench, &error) || !benchHistory(bench, folder.path(), &error) ||
        !benchSize(bench, folder.path(), &error)) {
        QTextStream(stderr) << "bench_history: " << (error.isEmpty() ? u"failed"_qs : error) << '\n';
        return 1;
    }
    return 0;
}
