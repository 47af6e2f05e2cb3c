// The benchmark helpers must be right for the figures to mean anything: the statistics, the goal
// verdicts, the results file, the generator's promises and the Markdown escaping. No timing here.

#include "benchreport.h"
#include "storygenerator.h"
#include "storymarkdown.h"

#include <QFile>
#include <QJsonDocument>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace galley;
using namespace galley::bench;

class TestBenchCore final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void summary_data();
    void summary();
    void goalVerdict_data();
    void goalVerdict();
    void recordReplacesByName();
    void generatorIsDeterministic();
    void longStoryKeepsItsPromises();
    void libraryStoriesVary();
    void markdownEscapesText();
};

void TestBenchCore::summary_data() {
    QTest::addColumn<QList<double>>("samples");
    QTest::addColumn<double>("median");
    QTest::addColumn<double>("p95");
    QTest::addColumn<double>("max");

    QTest::newRow("none") << QList<double>{} << 0.0 << 0.0 << 0.0;
    QTest::newRow("one") << QList<double>{7} << 7.0 << 7.0 << 7.0;
    QTest::newRow("odd, unsorted") << QList<double>{5, 1, 3} << 3.0 << 5.0 << 5.0;
    QTest::newRow("even: mean of the middle two") << QList<double>{4, 1, 3, 2} << 2.5 << 4.0 << 4.0;
    QList<double> hundred;
    for (int i = 100; i >= 1; --i)
        hundred.append(i);
    QTest::newRow("1..100: nearest-rank p95 is the 95th") << hundred << 50.5 << 95.0 << 100.0;
    QList<double> twenty;
    for (int i = 1; i <= 20; ++i)
        twenty.append(i);
    QTest::newRow("1..20: p95 is the 19th") << twenty << 10.5 << 19.0 << 20.0;
}

void TestBenchCore::summary() {
    QFETCH(QList<double>, samples);
    QFETCH(double, median);
    QFETCH(double, p95);
    QFETCH(double, max);
    const Summary s = summarize(samples);
    QCOMPARE(s.n, samples.size());
    QCOMPARE(s.median, median);
    QCOMPARE(s.p95, p95);
    QCOMPARE(s.max, max);
}

void TestBenchCore::goalVerdict_data() {
    QTest::addColumn<QList<double>>("samples");
    QTest::addColumn<int>("statistic");
    QTest::addColumn<double>("limit");
    QTest::addColumn<bool>("strict");
    QTest::addColumn<QString>("result");

    const QList<double> samples = {10, 20, 30};
    QTest::newRow("median under") << samples << int(Statistic::Median) << 25.0 << false << u"pass"_qs;
    QTest::newRow("median equal, <=") << samples << int(Statistic::Median) << 20.0 << false << u"pass"_qs;
    QTest::newRow("median equal, <") << samples << int(Statistic::Median) << 20.0 << true << u"miss"_qs;
    QTest::newRow("p95 over") << samples << int(Statistic::P95) << 25.0 << false << u"miss"_qs;
    QTest::newRow("max under") << samples << int(Statistic::Max) << 31.0 << false << u"pass"_qs;
    QTest::newRow("no samples never pass")
        << QList<double>{} << int(Statistic::Max) << 1.0 << false << u"miss"_qs;
}

void TestBenchCore::goalVerdict() {
    QFETCH(QList<double>, samples);
    QFETCH(int, statistic);
    QFETCH(double, limit);
    QFETCH(bool, strict);
    QFETCH(QString, result);
    const Measurement m{
        u"x"_qs, u"ms"_qs, samples, Goal{u"goal"_qs, Statistic(statistic), limit, strict}, {}};
    const QJsonObject json = toJson(m);
    QCOMPARE(json.value(u"goal"_qs).toObject().value(u"result"_qs).toString(), result);
    QCOMPARE(json.value(u"n"_qs).toInt(), samples.size());
}

void TestBenchCore::recordReplacesByName() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"results.json"_qs);
    QString error;
    QVERIFY2(recordMeasurement(path, {u"a"_qs, u"ms"_qs, {1, 2, 3}, std::nullopt, {}}, &error),
             qPrintable(error));
    QVERIFY2(recordMeasurement(path, {u"b"_qs, u"MB"_qs, {9}, std::nullopt, {}}, &error), qPrintable(error));
    QVERIFY2(recordMeasurement(path, {u"a"_qs, u"ms"_qs, {5}, std::nullopt, {}}, &error), qPrintable(error));

    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonArray results = QJsonDocument::fromJson(file.readAll()).array();
    QCOMPARE(results.size(), 2);
    QCOMPARE(results.at(0).toObject().value(u"name"_qs).toString(), u"a"_qs);
    QCOMPARE(results.at(0).toObject().value(u"median"_qs).toDouble(), 5.0);
    QCOMPARE(results.at(0).toObject().value(u"goal"_qs), QJsonValue(QJsonValue::Null));
    QCOMPARE(results.at(1).toObject().value(u"unit"_qs).toString(), u"MB"_qs);

    const QStringList table = formatTable(results).split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(table.size(), 4); // header, rule, two rows
    QVERIFY(table.at(2).startsWith(u"a "_qs));
    QVERIFY(table.at(3).contains(u"9.00 MB"_qs));

    QFile broken(dir.filePath(u"broken.json"_qs));
    QVERIFY(broken.open(QIODevice::WriteOnly));
    broken.write("{\"not\": \"an array\"}");
    broken.close();
    QVERIFY(!recordMeasurement(broken.fileName(), {u"a"_qs, u"ms"_qs, {1}, std::nullopt, {}}, &error));
    QVERIFY(error.contains(u"not a JSON array"_qs));
}

void TestBenchCore::generatorIsDeterministic() {
    StoryGenerator first(42);
    StoryGenerator second(42);
    QCOMPARE(first.longStory(2000, 2, 2), second.longStory(2000, 2, 2));
    QCOMPARE(first.libraryStory(), second.libraryStory());
    StoryGenerator other(43);
    QVERIFY(other.libraryStory().headline != StoryGenerator(42).libraryStory().headline);
}

void TestBenchCore::longStoryKeepsItsPromises() {
    StoryGenerator generator(7);
    const Story story = generator.longStory(10000);
    QVERIFY(story.wordCount() >= 10000);
    QVERIFY(story.wordCount() < 10200);
    QCOMPARE(story.images.size(), 10);
    QCOMPARE(story.pullQuotes.size(), 6);
    QVERIFY(story.images.first().placement.isLead());
    for (const StoryImage &image : story.images) {
        QVERIFY(!image.isMissing());
        QVERIFY(image.placement.isLead() || story.blockIndex(image.placement.afterBlockId) >= 0);
    }
    for (const PullQuote &quote : story.pullQuotes)
        QVERIFY(story.blockIndex(quote.placement.afterBlockId) >= 0);

    int subheads = 0;
    int paragraphs = 0;
    bool bold = false;
    bool italic = false;
    bool link = false;
    for (const Block &block : story.body) {
        subheads += block.kind == BlockKind::Subhead;
        paragraphs += block.kind == BlockKind::Paragraph;
        for (const InlineText &line : block.lines)
            for (const InlineRun &run : line.runs) {
                bold |= run.bold;
                italic |= run.italic;
                link |= run.href.startsWith(u"https://"_qs);
            }
    }
    QVERIFY(bold && italic && link);
    // A subhead every 6 to 10 blocks.
    QVERIFY2(paragraphs / subheads >= 5 && paragraphs / subheads <= 9,
             qPrintable(QString::number(paragraphs / subheads)));
    const int meanWords = story.wordCount() / paragraphs;
    QVERIFY2(meanWords >= 25 && meanWords <= 70, qPrintable(QString::number(meanWords)));
}

void TestBenchCore::libraryStoriesVary() {
    StoryGenerator generator(11);
    QSet<QString> headlines;
    int withPicture = 0;
    for (int i = 0; i < 200; ++i) {
        const Story story = generator.libraryStory();
        QVERIFY(story.slug.isEmpty());
        QVERIFY(story.wordCount() >= 120);
        QVERIFY(story.wordCount() <= 1600);
        headlines.insert(story.headline);
        withPicture += !story.images.isEmpty();
    }
    QCOMPARE(headlines.size(), 200);
    QVERIFY2(withPicture > 25 && withPicture < 75, qPrintable(QString::number(withPicture)));
}

void TestBenchCore::markdownEscapesText() {
    Story story;
    story.headline = u"A \"quoted\" headline"_qs;
    Block block{u"b1"_qs, BlockKind::Paragraph, {}};
    block.lines.append(InlineText{{InlineRun{u"Use *stars* and [brackets] "_qs},
                                   InlineRun{u"bold words "_qs, true, false, {}},
                                   InlineRun{u"here"_qs, false, false, u"https://example.invalid/x"_qs}}});
    story.body.append(block);
    story.body.append(Block{u"b2"_qs, BlockKind::Subhead, {InlineText::plain(u"# Not a level one"_qs)}});
    const QString md = storyToMarkdown(story, [](const StoryImage &) { return QString(); });
    QVERIFY2(md.contains(u"title: \"A \\\"quoted\\\" headline\""_qs), qPrintable(md));
    QVERIFY2(md.contains(
                 u"Use \\*stars\\* and \\[brackets\\] **bold words** [here](<https://example.invalid/x>)"_qs),
             qPrintable(md));
    QVERIFY2(md.contains(u"\n## \\# Not a level one\n"_qs), qPrintable(md));
}

QTEST_GUILESS_MAIN(TestBenchCore)
#include "tst_benchcore.moc"
