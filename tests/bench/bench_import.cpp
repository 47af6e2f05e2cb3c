// Import benchmarks (issue 7), as `galley import` does it: decode, read, clean up, build the story.
//   import.webpage-dump   a generated 5,000-word web-page dump as text (chrome, section, headline,
//                         teaser, deck, captions, pull quotes, subheads, a repeated lede and words
//                         run together): goal median <= 50 ms
//   import.webpage-html   the same story as a saved HTML page (nav, article, figures, footer): goal
//                         median <= 50 ms
//   import.text-10mb      a generated 10 MB text file that lost its line breaks, from disk: goal
//                         median <= 2,000 ms
//   import.peak-memory    the process's peak resident memory after the 10 MB imports (getrusage
//                         ru_maxrss, so it includes Qt, the dictionary and the inputs): goal <= 500 MB
//   import.dictionary-load  loading the English dictionary once, no goal
//   import.newsml-message a generated 1 MB NewsML-G2 news message of 50 items (newsmlbench.cpp):
//                         goal median <= 300 ms; with its CPU time and peak memory
// The 10 MB import also records its CPU time (import.text-10mb-cpu), which a busy machine does not
// inflate as it does wall time.
// Figures go to the shared results file (--results, see tests/bench/core/README.md). Another
// measurement is one more recordTimes() call in main().
#include "benchoptions.h"
#include "benchreport.h"

#include "import/importer.h"
#include "import/speller.h"
#include "newsmlbench.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTextStream>

#include <sys/resource.h>

#include <ctime>

using namespace galley;
using namespace galley::bench;

namespace {

const QStringList vocabulary = {
    u"the"_qs,       u"council"_qs,  u"said"_qs,    u"residents"_qs,  u"plan"_qs,    u"would"_qs,
    u"new"_qs,       u"station"_qs,  u"budget"_qs,  u"year"_qs,       u"after"_qs,   u"vote"_qs,
    u"members"_qs,   u"public"_qs,   u"transit"_qs, u"service"_qs,    u"route"_qs,   u"city"_qs,
    u"report"_qs,    u"staff"_qs,    u"funding"_qs, u"provincial"_qs, u"program"_qs, u"cost"_qs,
    u"million"_qs,   u"expected"_qs, u"begin"_qs,   u"spring"_qs,     u"winter"_qs,  u"meeting"_qs,
    u"questions"_qs, u"support"_qs,  u"opposed"_qs, u"line"_qs,       u"north"_qs,   u"south"_qs,
    u"and"_qs,       u"of"_qs,       u"to"_qs,      u"in"_qs,         u"on"_qs,      u"for"_qs,
};
const QStringList names = {u"Ambervale"_qs, u"Quillfeather"_qs, u"Osei-Brandt"_qs, u"Tamsworth"_qs};

/// A sentence of @p words; about one word in @p joinEvery runs into the next (lost line breaks).
QString sentence(QRandomGenerator &random, int words, int joinEvery = 40) {
    QString out;
    for (int i = 0; i < words; ++i) {
        QString word = random.bounded(12) == 0 ? names.at(random.bounded(names.size()))
                                               : vocabulary.at(random.bounded(vocabulary.size()));
        if (i == 0)
            word[0] = word.at(0).toUpper();
        const bool join = i + 1 < words && random.bounded(joinEvery) == 0;
        out += word % (join ? QString() : u" "_qs);
    }
    return out.trimmed() % u'.';
}

/// The story's blocks in order: kind ("p", "h2", "caption", "quote", "chrome") and text.
QList<std::pair<QString, QString>> makeStory(int targetWords) {
    QRandomGenerator random(20260301);
    QList<std::pair<QString, QString>> blocks = {
        {u"chrome"_qs, u"Home | News | Sport | Register or Login"_qs},
        {u"chrome"_qs, u"Sign Up"_qs},
        {u"chrome"_qs, u"Already have an account? Login here."_qs},
        {u"section"_qs, u"Local"_qs},
        {u"h1"_qs, u"Council approves a new transit plan after a long vote"_qs}};
    const QString lede = sentence(random, 30);
    blocks
        << std::pair{u"p"_qs, lede}
        << std::pair{u"deck"_qs, u"Supporters call the plan overdue while critics question its cost"_qs}
        << std::
               pair{u"caption"_qs,
                    u"Councillor Ada Quillfeather speaks after the vote on Tuesday. (Ines Marlo/Example Ledger)"_qs}
        << std::pair{u"p"_qs, lede};
    int words = 60;
    int paragraph = 0;
    while (words < targetWords) {
        const int length = 25 + int(random.bounded(30));
        blocks << std::pair{u"p"_qs,
                            sentence(random, length / 2) % u' ' % sentence(random, length - length / 2)};
        words += length;
        ++paragraph;
        if (paragraph % 9 == 0)
            blocks << std::pair{u"h2"_qs, u"What the plan means for riders"_qs};
        if (paragraph % 13 == 0)
            blocks << std::pair{u"quote"_qs,
                                u"We have waited long enough for this. Councillor Ada Quillfeather"_qs};
        if (paragraph % 17 == 0)
            blocks << std::pair{u"caption"_qs,
                                u"Workers survey the route near the river on Monday. (City of Ambervale)"_qs};
    }
    blocks << std::pair{u"p"_qs, lede} << std::pair{u"chrome"_qs, u"Share this article"_qs}
           << std::pair{u"chrome"_qs, u"Advertisement"_qs};
    return blocks;
}

QByteArray asDump(const QList<std::pair<QString, QString>> &blocks) {
    QStringList lines;
    for (const auto &[kind, text] : blocks)
        lines << text;
    return lines.join(u"\n\n"_qs).toUtf8();
}

QByteArray asHtml(const QList<std::pair<QString, QString>> &blocks) {
    QString html =
        u"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Council approves a "
        "new transit plan - Example Ledger</title></head><body><nav><a href=\"https://example.org/\">Home"
        "</a> | <a href=\"https://example.org/news\">News</a></nav><article>"_qs;
    for (const auto &[kind, text] : blocks) {
        const QString escaped = text.toHtmlEscaped();
        if (kind == u"chrome")
            html += u"<div class=\"share\">"_qs % escaped % u"</div>"_qs;
        else if (kind == u"section")
            html += u"<p class=\"section\">"_qs % escaped % u"</p>"_qs;
        else if (kind == u"h1" || kind == u"h2")
            html += u'<' % kind % u'>' % escaped % u"</"_qs % kind % u'>';
        else if (kind == u"deck")
            html += u"<p class=\"standfirst\">"_qs % escaped % u"</p>"_qs;
        else if (kind == u"caption")
            html += u"<figure><img src=\"https://example.org/pictures/a.jpg\" alt=\"\"><figcaption>"_qs %
                    escaped % u"</figcaption></figure>"_qs;
        else if (kind == u"quote")
            html += u"<blockquote><p>"_qs % escaped % u"</p></blockquote>"_qs;
        else
            html += u"<p>"_qs % escaped % u"</p>"_qs;
    }
    html += u"</article><footer>All rights reserved.</footer></body></html>"_qs;
    return html.toUtf8();
}

/// About @p bytes of text that lost its line breaks (one word in twelve joined), in paragraphs.
/// About @p bytes of English that lost its line breaks: each paragraph one long line of 8 to 24
/// sentences, one word in twelve glued to the next. Paragraphs stay far below the 20,000 a plain
/// text may hold (a file of more is refused, in a sentence, before it is read).
QByteArray bigText(qsizetype bytes) {
    QRandomGenerator random(20260302);
    QByteArray out = "Council approves a new transit plan after a long vote\n\n";
    while (out.size() < bytes) {
        QString paragraph;
        const int sentences = 8 + int(random.bounded(17));
        for (int i = 0; i < sentences; ++i)
            paragraph += sentence(random, 20 + int(random.bounded(40)), 12) % u' ';
        out += (paragraph.trimmed() % u"\n\n"_qs).toUtf8();
    }
    return out;
}

int wordsIn(const QByteArray &bytes) {
    return int(QString::fromUtf8(bytes).split(QChar(u' '), Qt::SkipEmptyParts).size());
}

double threadCpuMs() {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return double(t.tv_sec) * 1000.0 + double(t.tv_nsec) / 1e6;
}

double peakMegabytes() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_maxrss) / 1024.0;
}

bool recordTimes(const BenchOptions &options, const QString &name, const QList<double> &samples,
                 double goalMs, const QString &note) {
    QString error;
    if (!recordMeasurement(options.results,
                           {name, u"ms"_qs, samples,
                            Goal{u"median <= %1 ms"_qs.arg(goalMs), Statistic::Median, goalMs}, note},
                           &error)) {
        QTextStream(stderr) << error << '\n';
        return false;
    }
    return true;
}

} // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    const BenchOptions options = parseBenchOptions();
    QTextStream err(stderr);
    bool ok = true;

    QElapsedTimer timer;
    timer.start();
    const bool dictionary = Speller::shared().isAvailable();
    QString error;
    ok = recordMeasurement(options.results,
                           {u"import.dictionary-load"_qs,
                            u"ms"_qs,
                            {double(timer.nsecsElapsed()) / 1e6},
                            {},
                            dictionary ? u"en_US loaded once per process"_qs : u"no dictionary"_qs},
                           &error) &&
         ok;

    const auto story = makeStory(5000);
    const QByteArray dump = asDump(story);
    const QByteArray html = asHtml(story);
    auto importOnce = [&](const QByteArray &bytes, ImportFormat format) {
        QString why;
        const auto result = importBytes(bytes, ImportOptions{u"bench"_qs, format}, &why);
        if (!result)
            qFatal("import failed: %s", qPrintable(why));
        (void)result->story();
    };
    ok = recordTimes(
             options, u"import.webpage-dump"_qs,
             timeRuns([&] { importOnce(dump, ImportFormat::Auto); }, 20, 200, 3000), 50,
             u"%1-word web-page dump as text, %2 KB: decode, read, clean up, build"_qs.arg(wordsIn(dump))
                 .arg(dump.size() / 1024)) &&
         ok;
    ok = recordTimes(options, u"import.webpage-html"_qs,
                     timeRuns([&] { importOnce(html, ImportFormat::Auto); }, 20, 200, 3000), 50,
                     u"the same story as a saved HTML page, %1 KB"_qs.arg(html.size() / 1024)) &&
         ok;

    QTemporaryDir dir;
    const QString path = dir.filePath(u"big.txt"_qs);
    {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(bigText(10 * 1024 * 1024)) < 0) {
            err << "could not write " << path << '\n';
            return 1;
        }
    }
    QList<double> bigCpu;
    const QList<double> big = timeRuns(
        [&] {
            const double cpuStart = threadCpuMs();
            QString why;
            const auto results = importAllFromFile(path, &why);
            if (!results)
                qFatal("import failed: %s", qPrintable(why));
            (void)results->first().story();
            bigCpu.append(threadCpuMs() - cpuStart);
        },
        3, 5, 10000);
    bigCpu.removeFirst(); // the warm-up run timeRuns() does not count
    ok = recordTimes(options, u"import.text-10mb"_qs, big, 2000,
                     u"10 MB text file that lost its line breaks, read from disk and imported"_qs) &&
         ok;
    ok = recordTimes(options, u"import.text-10mb-cpu"_qs, bigCpu, 2000,
                     u"the same imports' CPU time (one thread), which other processes do not inflate"_qs) &&
         ok;
    ok = recordMeasurement(options.results,
                           {u"import.peak-memory"_qs,
                            u"MB"_qs,
                            {peakMegabytes()},
                            Goal{u"<= 500 MB"_qs, Statistic::Max, 500},
                            u"peak resident memory of the process after the 10 MB imports (ru_maxrss)"_qs},
                           &error) &&
         ok;
    // The NewsML-G2 benchmark keeps its own loop; its summary figures go to the same file.
    QTextStream out(stdout);
    const QJsonObject newsml = benchNewsMessage(out);
    if (newsml.contains(u"error"_qs)) {
        err << "NewsML-G2 benchmark failed: " << newsml.value(u"error"_qs).toString() << '\n';
        ok = false;
    } else {
        const QList<double> summary = {newsml.value(u"min_ms"_qs).toDouble(), newsml.value(u"median_ms"_qs).toDouble(),
                                       newsml.value(u"max_ms"_qs).toDouble()};
        ok = recordTimes(options, u"import.newsml-message"_qs, summary, 300,
                         u"1 MB NewsML-G2 news message, %1 stories: min, median and max of %2 runs (CPU median %3 "
                         "ms, reader alone %4 ms, peak %5 MB)"_qs.arg(newsml.value(u"stories"_qs).toInt())
                             .arg(newsml.value(u"runs"_qs).toInt())
                             .arg(newsml.value(u"cpu_median_ms"_qs).toDouble(), 0, 'f', 1)
                             .arg(newsml.value(u"read_cpu_median_ms"_qs).toDouble(), 0, 'f', 1)
                             .arg(newsml.value(u"peak_memory_mb"_qs).toDouble(), 0, 'f', 1)) &&
             ok;
    }
    if (!error.isEmpty())
        err << error << '\n';
    return ok ? 0 : 1;
}
