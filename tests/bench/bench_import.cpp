// Times the import of a generated 5,000-word web-page dump (chrome, section, headline, teaser, deck,
// captions, pull quotes, subheads, a repeated lede and words run together), as `galley import`
// does it: decode, read, clean up, build the story. Prints the figures and writes them as JSON
// (to the path given as the first argument, else bench_import.json in the working folder).
// The budget is 200 ms per import; this program reports, it does not fail on time. Then the same
// for a 1 MB NewsML-G2 news message of 50 items (newsmlbench.cpp), with its peak memory.
#include "import/importer.h"
#include "import/speller.h"
#include "newsmlbench.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTextStream>

#include <algorithm>

using namespace galley;

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

QString sentence(QRandomGenerator &random, int words) {
    QString out;
    for (int i = 0; i < words; ++i) {
        QString word = random.bounded(12) == 0 ? names.at(random.bounded(names.size()))
                                               : vocabulary.at(random.bounded(vocabulary.size()));
        if (i == 0)
            word[0] = word.at(0).toUpper();
        // About one word in forty runs into the next, as when line breaks are lost.
        const bool join = i + 1 < words && random.bounded(40) == 0;
        out += word % (join ? QString() : u" "_qs);
    }
    return out.trimmed() % u'.';
}

QByteArray makeDump(int targetWords) {
    QRandomGenerator random(20260301);
    QStringList lines = {u"Home | News | Sport | Register or Login"_qs, u"Sign Up"_qs,
                         u"Already have an account? Login here."_qs, u"Local"_qs,
                         u"Council approves a new transit plan after a long vote"_qs};
    const QString lede = sentence(random, 30);
    lines << lede << u"Supporters call the plan overdue while critics question its cost"_qs
          << u"Councillor Ada Quillfeather speaks after the vote on Tuesday. (Ines Marlo/Example Ledger)"_qs
          << lede;
    int words = 60;
    int paragraph = 0;
    while (words < targetWords) {
        const int length = 25 + int(random.bounded(30));
        lines << sentence(random, length / 2) % u' ' % sentence(random, length - length / 2);
        words += length;
        ++paragraph;
        if (paragraph % 9 == 0)
            lines << u"What the plan means for riders"_qs;
        if (paragraph % 13 == 0)
            lines << u"We have waited long enough for this. Councillor Ada Quillfeather"_qs;
        if (paragraph % 17 == 0)
            lines << u"Workers survey the route near the river on Monday. (City of Ambervale)"_qs;
    }
    lines << lede << u"Share this article"_qs << u"Advertisement"_qs;
    return lines.join(u"\n\n"_qs).toUtf8();
}

int countWords(const QByteArray &bytes) {
    return int(QString::fromUtf8(bytes).split(QChar(u' '), Qt::SkipEmptyParts).size());
}

} // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    const QByteArray dump = makeDump(5000);
    const int words = countWords(dump);
    QTextStream out(stdout);

    QElapsedTimer timer;
    timer.start();
    const bool dictionary = Speller::shared().isAvailable();
    const double dictionaryMs = double(timer.nsecsElapsed()) / 1e6;

    QList<double> runs;
    int changes = 0;
    int paragraphs = 0;
    for (int i = 0; i < 25; ++i) {
        timer.restart();
        QString error;
        const auto result = importBytes(dump, ImportOptions{u"bench.txt"_qs, ImportFormat::Auto}, &error);
        if (!result) {
            out << "import failed: " << error << '\n';
            return 1;
        }
        const Story story = result->story();
        runs.append(double(timer.nsecsElapsed()) / 1e6);
        changes = int(result->report().changes.size());
        paragraphs = int(story.body.size());
    }
    std::sort(runs.begin(), runs.end());
    const double median = runs.at(runs.size() / 2);
    QJsonObject figures{
        {u"benchmark"_qs, u"import of a generated web-page dump"_qs},
        {u"words"_qs, words},
        {u"bytes"_qs, int(dump.size())},
        {u"runs"_qs, int(runs.size())},
        {u"median_ms"_qs, median},
        {u"min_ms"_qs, runs.first()},
        {u"max_ms"_qs, runs.last()},
        {u"dictionary_load_ms"_qs, dictionaryMs},
        {u"dictionary_available"_qs, dictionary},
        {u"report_changes"_qs, changes},
        {u"body_blocks"_qs, paragraphs},
        {u"budget_ms"_qs, 200},
    };
    out << "import of a " << words << "-word web-page dump: median " << QString::number(median, 'f', 1)
        << " ms, min " << QString::number(runs.first(), 'f', 1) << " ms, max "
        << QString::number(runs.last(), 'f', 1) << " ms over " << runs.size()
        << " runs (dictionary load once: " << QString::number(dictionaryMs, 'f', 1) << " ms); " << changes
        << " report changes, " << paragraphs << " body blocks\n";
    figures.insert(u"newsml_message"_qs, bench::benchNewsMessage(out));
    const QString path = argc > 1 ? QString::fromLocal8Bit(argv[1]) : u"bench_import.json"_qs;
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        out << "could not write " << path << ": " << file.errorString() << '\n';
        return 1;
    }
    file.write(QJsonDocument(figures).toJson());
    out << "figures written to " << path << '\n';
    return 0;
}
