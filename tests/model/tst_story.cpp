#include "model/slug.h"
#include "model/story.h"
#include "model/storyjson.h"
#include "model/storyversion.h"

#include <QTest>

using namespace galley;

class TestStory final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void slugify_data();
    void slugify();
    void validSlug_data();
    void validSlug();
    void uniqueSlugCountsUp();
    void statusNamesRoundTrip();
    void placementFollowsItsParagraph();
    void placementOfDeletedParagraphMovesUp();
    void bodyJsonRoundTrip();
    void wordCount();
    void laterVersionKeepsTheDesksWork();
};

void TestStory::slugify_data()
{
    QTest::addColumn<QString>("headline");
    QTest::addColumn<QString>("slug");
    QTest::newRow("plain") << u"Council approves budget"_qs << u"council-approves-budget"_qs;
    QTest::newRow("punctuation") << u"Tom & Jerry's \"Big\" <Day>"_qs << u"tom-and-jerrys-big-day"_qs;
    QTest::newRow("accents") << u"Café owner’s crème brûlée wins"_qs << u"cafe-owners-creme-brulee-wins"_qs;
    QTest::newRow("digits") << u"$48-million rail plan, 9-4 vote"_qs << u"48-million-rail-plan-9-4-vote"_qs;
    QTest::newRow("empty") << QString() << u"story"_qs;
    QTest::newRow("only symbols") << u"!!! ???"_qs << u"story"_qs;
    QTest::newRow("non-latin") << u"Пожар в порту"_qs << u"story"_qs;
    QTest::newRow("long") << u"A very long headline that goes on and on about the council meeting and its many votes"_qs
                          << u"a-very-long-headline-that-goes-on-and-on-about-the-council"_qs;
}

void TestStory::slugify()
{
    QFETCH(QString, headline);
    QFETCH(QString, slug);
    const QString made = galley::slugify(headline);
    QCOMPARE(made, slug);
    QVERIFY(isValidSlug(made));
    QVERIFY(made.size() <= MaxSlugLength);
}

void TestStory::validSlug_data()
{
    QTest::addColumn<QString>("slug");
    QTest::addColumn<bool>("valid");
    QTest::newRow("ok") << u"rail-vote-2026"_qs << true;
    QTest::newRow("upper") << u"Rail-vote"_qs << false;
    QTest::newRow("double hyphen") << u"rail--vote"_qs << false;
    QTest::newRow("leading hyphen") << u"-rail"_qs << false;
    QTest::newRow("trailing hyphen") << u"rail-"_qs << false;
    QTest::newRow("space") << u"rail vote"_qs << false;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("accent") << u"café"_qs << false;
}

void TestStory::validSlug()
{
    QFETCH(QString, slug);
    QFETCH(bool, valid);
    QCOMPARE(isValidSlug(slug), valid);
}

void TestStory::uniqueSlugCountsUp()
{
    const QStringList taken{u"rail-vote"_qs, u"rail-vote-2"_qs};
    auto isTaken = [&](const QString &s) { return taken.contains(s); };
    QCOMPARE(uniqueSlug(u"rail-vote"_qs, isTaken), u"rail-vote-3"_qs);
    QCOMPARE(uniqueSlug(u"bus-fares"_qs, isTaken), u"bus-fares"_qs);
}

void TestStory::statusNamesRoundTrip()
{
    QCOMPARE(statusName(StoryStatus::CopyEdit), u"Copy edit"_qs);
    QCOMPARE(statusKey(StoryStatus::CopyEdit), u"copy-edit"_qs);
    for (const auto status : allStatuses()) {
        QCOMPARE(statusFromString(statusKey(status)), status);
        QCOMPARE(statusFromString(statusName(status)), status);
    }
    QCOMPARE(statusFromString(u"spiked"_qs), std::nullopt);
}

void TestStory::placementFollowsItsParagraph()
{
    Story story = Story::create();
    story.body = {Block::make(BlockKind::Paragraph, u"One"_qs), Block::make(BlockKind::Paragraph, u"Two"_qs),
                  Block::make(BlockKind::Paragraph, u"Three"_qs)};
    const QString anchor = story.body.at(1).id;
    story.pullQuotes.append(PullQuote{newId(), u"Quote"_qs, u"Speaker"_qs, Placement::after(anchor)});
    story.images.append(StoryImage{newId(), "x", u"image/png"_qs, {}, {}, {}, {}, Placement::after(anchor)});

    // Insert two paragraphs above and delete the first one: the anchor keeps its id.
    QList<Block> edited = story.body;
    edited.insert(0, Block::make(BlockKind::Paragraph, u"New lede"_qs));
    edited.insert(1, Block::make(BlockKind::Subhead, u"New subhead"_qs));
    edited.removeAt(2); // "One"
    story.replaceBody(edited);

    QCOMPARE(story.blockIndex(anchor), 2);
    QCOMPARE(story.pullQuotes.at(0).placement.afterBlockId, anchor);
    QCOMPARE(story.images.at(0).placement.afterBlockId, anchor);
    QCOMPARE(story.body.at(story.blockIndex(anchor)).plainText(), u"Two"_qs);
}

void TestStory::placementOfDeletedParagraphMovesUp()
{
    Story story = Story::create();
    story.body = {Block::make(BlockKind::Paragraph, u"One"_qs), Block::make(BlockKind::Paragraph, u"Two"_qs),
                  Block::make(BlockKind::Paragraph, u"Three"_qs)};
    const QString first = story.body.at(0).id;
    story.pullQuotes.append(PullQuote{newId(), u"Q"_qs, u"S"_qs, Placement::after(story.body.at(2).id)});
    story.images.append(StoryImage{newId(), "x", u"image/png"_qs, {}, {}, {}, {}, Placement::after(first)});

    QList<Block> edited = story.body;
    edited.removeAt(2);
    edited.removeAt(1);
    story.replaceBody(edited);
    QCOMPARE(story.pullQuotes.at(0).placement.afterBlockId, first);

    // The image's paragraph was the first: with nothing above, it follows the new first paragraph.
    const QList<Block> newStart{Block::make(BlockKind::Paragraph, u"New lede"_qs)};
    story.replaceBody(newStart);
    QCOMPARE(story.images.at(0).placement.afterBlockId, newStart.at(0).id);
    QCOMPARE(story.pullQuotes.at(0).placement.afterBlockId, newStart.at(0).id);

    story.replaceBody({});
    QVERIFY(story.pullQuotes.at(0).placement.isLead());
    QVERIFY(story.images.at(0).placement.isLead());
    QCOMPARE(story.pullQuotes.size(), 1);
    QCOMPARE(story.images.size(), 1);
}

void TestStory::bodyJsonRoundTrip()
{
    Block para{newId(), BlockKind::Paragraph,
               {InlineText{{InlineRun{u"Read "_qs}, InlineRun{u"this"_qs, true, true, u"https://example.org/a?b=1&c=2"_qs},
                            InlineRun{u" now."_qs}}}}};
    Block list{newId(), BlockKind::NumberedList, {InlineText::plain(u"first"_qs), InlineText::plain(u"second"_qs)}};
    const QList<Block> body{para, list, Block::make(BlockKind::BlockQuote, u"Quoted"_qs)};
    QString error;
    QCOMPARE(bodyFromJson(bodyToJson(body), &error), body);
    QVERIFY(error.isEmpty());

    QList<PullQuote> quotes{PullQuote{newId(), u"Q"_qs, u"A"_qs, Placement::after(para.id)}};
    QCOMPARE(pullQuotesFromJson(pullQuotesToJson(quotes)), quotes);
}

void TestStory::wordCount()
{
    Story story = Story::create();
    story.body = {Block::make(BlockKind::Paragraph, u"The council's 9-4 vote, at 2 a.m., ended it."_qs),
                  Block::make(BlockKind::Subhead, u"What next"_qs)};
    QCOMPARE(story.wordCount(), 12);
}

void TestStory::laterVersionKeepsTheDesksWork()
{
    Story existing = Story::create();
    existing.slug = u"ferry-crews-walk-out"_qs;
    existing.section = u"Local"_qs;
    existing.status = StoryStatus::CopyEdit;
    existing.headline = u"Ferry crews walk out"_qs;
    const EditorNote wire{newId(), u"Example Wire"_qs, {}, u"First take."_qs, {}};
    const EditorNote desk{newId(), u"Night desk"_qs, {}, u"Check the fares."_qs, {}};
    existing.notes = {wire, desk};
    StoryImage picture;
    picture.sourceHref = u"https://media.example.org/quay.jpg"_qs;
    picture.data = QByteArray("\xFF\xD8 picture the desk fetched");
    picture.mimeType = u"image/jpeg"_qs;
    picture.fileName = u"quay.jpg"_qs;
    existing.images = {picture};

    Story incoming = Story::create();
    incoming.headline = u"Ferry crews walk out as talks collapse"_qs;
    incoming.body = {Block::make(BlockKind::Paragraph, u"New text."_qs)};
    incoming.metadata.originalId = u"urn:ferry"_qs;
    incoming.notes = {EditorNote{newId(), u"Example Wire"_qs, {}, u"First take."_qs, {}},
                      EditorNote{newId(), u"Example Wire"_qs, {}, u"Adds quote."_qs, {}}};
    StoryImage offered;
    offered.sourceHref = picture.sourceHref;
    offered.caption = u"Crews on the quay."_qs;
    incoming.images = {offered};

    // The desk's work stays; the text, metadata and pictures are the new version's.
    const Story updated = laterVersion(existing, incoming);
    QCOMPARE(updated.id, existing.id);
    QCOMPARE(updated.slug, existing.slug);
    QCOMPARE(updated.status, StoryStatus::CopyEdit);
    QCOMPARE(updated.section, u"Local"_qs);
    QCOMPARE(updated.created, existing.created);
    QCOMPARE(updated.updated, existing.updated);
    QCOMPARE(updated.headline, incoming.headline);
    QCOMPARE(updated.body, incoming.body);
    QCOMPARE(updated.metadata, incoming.metadata);
    QCOMPARE(updated.notes.size(), 3);
    QCOMPARE(updated.notes.at(1), desk);
    QCOMPARE(updated.notes.at(2).text, u"Adds quote."_qs);
    QCOMPARE(updated.images.first().caption, u"Crews on the quay."_qs);
    QCOMPARE(updated.images.first().data, picture.data);
}

QTEST_GUILESS_MAIN(TestStory)
#include "tst_story.moc"
