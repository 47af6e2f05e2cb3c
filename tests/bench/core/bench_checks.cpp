// The copy desk's checks (issue 8): a full spelling, house-style and built-in pass over a generated
// 10,000-word story, with a fresh checker (nothing looked up yet, as when a story is opened) and a
// warm one (as after each pause in typing), and the re-check of one edited paragraph (the spelling
// underline of one block, and every check of one block).

#include "benchoptions.h"
#include "benchreport.h"
#include "checks/rulesheet.h"
#include "checks/spelling.h"
#include "checks/storychecker.h"
#include "storygenerator.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTextStream>

using namespace galley;
using namespace galley::bench;

namespace {

bool measure(const BenchOptions &bench, QString *error) {
    StoryGenerator generator(20261203);
    const Story story = generator.longStory(10000);
    const RuleSheet sheet = readRuleSheet(builtInRuleSheetPath());

    // The dictionary loads once per process; that is start-up, not a check.
    QElapsedTimer load;
    load.start();
    (void)SpellChecker().isAvailable();
    const double loadMs = double(load.nsecsElapsed()) / 1e6;

    qsizetype findings = 0;
    const QList<double> cold = timeRuns(
        [&] {
            StoryChecker checker(sheet);
            findings = checker.check(story).size();
        },
        10, 60, 4000);
    const QString what = u"%1 words, %2 blocks, %3 findings (invented names and words included)"_qs
                             .arg(story.wordCount())
                             .arg(story.body.size())
                             .arg(findings);
    if (!recordMeasurement(bench.results,
                           {u"checks.full.10k-words.first"_qs, u"ms"_qs, cold, Goal{u"median < 100 ms"_qs, Statistic::Median, 100, true},
                            u"StoryChecker::check with a new checker (no word looked up yet): "_qs % what %
                                u"; dictionary load once per process: %1 ms"_qs.arg(loadMs, 0, 'f', 1)},
                           error))
        return false;

    StoryChecker checker(sheet);
    const QList<double> warm = timeRuns([&] { (void)checker.check(story); }, 20, 200, 4000);
    if (!recordMeasurement(bench.results,
                           {u"checks.full.10k-words"_qs, u"ms"_qs, warm, Goal{u"median < 100 ms"_qs, Statistic::Median, 100, true},
                            u"StoryChecker::check again (after a pause in typing): "_qs % what},
                           error))
        return false;

    // One paragraph from the middle, as after an edit in it.
    const Block &block = story.body.at(story.body.size() / 2);
    const CheckText text{u"body"_qs, block.id, block.plainText() % u" Teh"_qs};
    const QList<double> one = timeRuns([&] { (void)checker.checkText(text); }, 200, 5000, 500);
    if (!recordMeasurement(bench.results,
                           {u"checks.paragraph"_qs, u"ms"_qs, one, Goal{u"p95 < 2 ms"_qs, Statistic::P95, 2, true},
                            u"StoryChecker::checkText of one edited paragraph (%1 words): spelling, rules, built-ins"_qs.arg(
                                text.text.count(u' ') + 1)},
                           error))
        return false;
    const QList<double> underline = timeRuns([&] { (void)checker.speller().check(text.text); }, 200, 5000, 500);
    return recordMeasurement(bench.results,
                             {u"checks.paragraph.spelling"_qs, u"ms"_qs, underline, Goal{u"p95 < 2 ms"_qs, Statistic::P95, 2, true},
                              u"SpellChecker::check of the same paragraph: what the underline does after a pause"_qs},
                             error);
}

} // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    const BenchOptions bench = parseBenchOptions();
    QString error;
    if (!measure(bench, &error)) {
        QTextStream(stderr) << error << '\n';
        return 1;
    }
    return 0;
}
