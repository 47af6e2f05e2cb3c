// The built-in sample stories: complete, with real pictures, and safe to add twice.

#include "storage/samplelibrary.h"
#include "storage/storylibrary.h"
#include "testbackend.h"

#include <QImage>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace galley;

namespace {

int countKind(const Story &story, BlockKind kind) {
    int n = 0;
    for (const auto &block : story.body)
        n += block.kind == kind ? 1 : 0;
    return n;
}

bool hasRun(const Story &story, bool (*test)(const InlineRun &)) {
    for (const auto &block : story.body)
        for (const auto &line : block.lines)
            for (const auto &run : line.runs)
                if (test(run))
                    return true;
    return false;
}

} // namespace

class TestSampleLibrary final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void samplesFillEmptyLibrary();
    void completeStoryUsesEveryField();
    void picturesDecode();
    void shorterStoriesDiffer();
    void fillingTwiceKeepsSlugsUnique();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<StoryLibrary> m_library;
};

void TestSampleLibrary::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
}

void TestSampleLibrary::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_library = std::make_unique<StoryLibrary>();
    QString error;
    QVERIFY2(m_library->open(testbackend::newLibrary(*m_dir), &error), qPrintable(error));
    QVERIFY2(fillWithSamples(*m_library, &error), qPrintable(error));
}

void TestSampleLibrary::cleanup() {
    m_library.reset();
    m_dir.reset();
}

void TestSampleLibrary::samplesFillEmptyLibrary() {
    QCOMPARE(m_library->count(), 3);
    QStringList slugs;
    for (const auto &row : m_library->list())
        slugs.append(row.slug);
    // The first sample file is saved last, so it tops the list.
    QCOMPARE(slugs, (QStringList{u"kestrel-bay-sea-wall-vote"_qs, u"rowing-club-regional-title"_qs,
                                 u"library-night-reading-room"_qs}));
    QCOMPARE(m_library->sections(), (QStringList{u"Arts"_qs, u"Local"_qs, u"Sport"_qs}));
}

void TestSampleLibrary::completeStoryUsesEveryField() {
    QString error;
    const std::optional<Story> story = m_library->loadBySlug(u"kestrel-bay-sea-wall-vote"_qs, &error);
    QVERIFY2(story, qPrintable(error));
    QCOMPARE(story->section, u"Local"_qs);
    QCOMPARE(story->headline, u"Kestrel Bay votes to rebuild its sea wall after a winter of floods"_qs);
    QVERIFY(story->deck.size() > 40);
    QCOMPARE(story->bylines, (QList<Byline>{{u"Maren Holt"_qs}, {u"Tobias Quayle"_qs}}));
    QCOMPARE(story->dateline, u"KESTREL BAY"_qs);
    QCOMPARE(story->status, StoryStatus::Ready);
    QCOMPARE(countKind(*story, BlockKind::Paragraph), 11);
    QCOMPARE(countKind(*story, BlockKind::Subhead), 3);
    QCOMPARE(countKind(*story, BlockKind::BulletList), 1);
    QCOMPARE(countKind(*story, BlockKind::BlockQuote), 1);
    QVERIFY(hasRun(*story, [](const InlineRun &run) { return run.bold; }));
    QVERIFY(hasRun(*story, [](const InlineRun &run) { return run.italic; }));
    QVERIFY(hasRun(*story, [](const InlineRun &run) { return run.href.startsWith(u"https://"_qs); }));

    QCOMPARE(story->pullQuotes.size(), 2);
    QSet<QString> quoteAnchors;
    for (const auto &quote : story->pullQuotes) {
        QVERIFY(!quote.text.isEmpty());
        QVERIFY(!quote.attribution.isEmpty());
        QVERIFY(story->blockIndex(quote.placement.afterBlockId) >= 0);
        QCOMPARE(story->body.at(story->blockIndex(quote.placement.afterBlockId)).kind, BlockKind::Paragraph);
        quoteAnchors.insert(quote.placement.afterBlockId);
    }
    QCOMPARE(quoteAnchors.size(), 2);

    QCOMPARE(story->images.size(), 2);
    QVERIFY(story->images.at(0).placement.isLead());
    QVERIFY(story->blockIndex(story->images.at(1).placement.afterBlockId) > 0);
    for (const auto &image : story->images) {
        QVERIFY(!image.caption.isEmpty());
        QVERIFY(!image.credit.isEmpty());
        QVERIFY(!image.altText.isEmpty());
        QCOMPARE(image.mimeType, u"image/jpeg"_qs);
        QVERIFY(image.data.size() < 150 * 1024);
    }
}

void TestSampleLibrary::picturesDecode() {
    QString error;
    const std::optional<Story> story = m_library->loadBySlug(u"kestrel-bay-sea-wall-vote"_qs, &error);
    QVERIFY2(story, qPrintable(error));
    QCOMPARE(story->images.size(), 2);
    const QImage lead = QImage::fromData(story->images.at(0).data);
    const QImage mid = QImage::fromData(story->images.at(1).data);
    QCOMPARE(lead.size(), QSize(1200, 675));
    QCOMPARE(mid.size(), QSize(1000, 667));
}

void TestSampleLibrary::shorterStoriesDiffer() {
    QString error;
    const std::optional<Story> rowing = m_library->loadBySlug(u"rowing-club-regional-title"_qs, &error);
    const std::optional<Story> reading = m_library->loadBySlug(u"library-night-reading-room"_qs, &error);
    QVERIFY2(rowing && reading, qPrintable(error));
    QCOMPARE(rowing->section, u"Sport"_qs);
    QCOMPARE(rowing->status, StoryStatus::CopyEdit);
    QCOMPARE(rowing->images.size(), 1);
    QVERIFY(rowing->leadImage());
    QCOMPARE(QImage::fromData(rowing->images.at(0).data).size(), QSize(1000, 563));
    QCOMPARE(reading->section, u"Arts"_qs);
    QCOMPARE(reading->status, StoryStatus::Published);
    QCOMPARE(countKind(*reading, BlockKind::NumberedList), 1);
    QCOMPARE(reading->pullQuotes.size(), 1);
    QVERIFY(reading->blockIndex(reading->pullQuotes.at(0).placement.afterBlockId) >= 0);
}

void TestSampleLibrary::fillingTwiceKeepsSlugsUnique() {
    QString error;
    QVERIFY2(fillWithSamples(*m_library, &error), qPrintable(error));
    QCOMPARE(m_library->count(), 6);
    const std::optional<Story> second = m_library->loadBySlug(u"kestrel-bay-sea-wall-vote-2"_qs, &error);
    const std::optional<Story> first = m_library->loadBySlug(u"kestrel-bay-sea-wall-vote"_qs, &error);
    QVERIFY2(first && second, qPrintable(error));
    QVERIFY(first->id != second->id);
    QVERIFY(first->body.first().id != second->body.first().id);
    QCOMPARE(first->body.size(), second->body.size());
    // The pictures and quotes follow the renamed blocks.
    QCOMPARE(second->blockIndex(second->images.at(1).placement.afterBlockId),
             first->blockIndex(first->images.at(1).placement.afterBlockId));
    StoryFilter filter;
    filter.text = u"crab"_qs;
    QCOMPARE(m_library->list(filter).size(), 2);
}

QTEST_GUILESS_MAIN(TestSampleLibrary)
#include "tst_samplelibrary.moc"
