// The story library's everyday behaviour: round trips, schema on open, search, filters, order,
// slugs, remove and duplicate. Failure handling is in tst_librarysafety.cpp.

#include "storage/libraryerrors.h"
#include "storage/searchquery.h"
#include "storage/storylibrary.h"
#include "storytestdata.h"
#include "testbackend.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace galley;

namespace {

QStringList headlines(const QList<StorySummary> &rows, bool sorted = true) {
    QStringList out;
    for (const auto &row : rows)
        out.append(row.headline);
    if (sorted)
        out.sort();
    return out;
}

using testbackend::rawValue;

} // namespace

class TestStoryLibrary final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void saveCloseReopenGivesEqualStory();
    void wireMetadataTablesAndNestedListsRoundTrip();
    void offeredPicturesAndWireSlugs();
    void openMigrates_data();
    void openMigrates();
    void migratesVersionOneKeepingStories();
    void relevanceRanksHeadlineFirst();
    void loadMissingStory();
    void matchExpression_data();
    void matchExpression();
    void search_data();
    void search();
    void filters_data();
    void filters();
    void listNewestFirst();
    void sectionsAndCount();
    void emptySlugFilledUniquely();
    void badSlugsRefused_data();
    void badSlugsRefused();
    void removeDeletesPicturesAndIndex();
    void removeMissingStory();
    void duplicateMakesDraftCopy();
    void saveRefusesToOverwriteAnotherWindowsSave();
    void pictureIdsStayUnique();
    void publicationTimeSetOnceWhenPublished();
    void defaultPathIsInAppData();

private:
    QString libraryPath() const { return m_location; }
    void openLibrary();

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_location; ///< a file path, or a server address (testbackend.h)
    std::unique_ptr<StoryLibrary> m_library;
};

void TestStoryLibrary::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
}

void TestStoryLibrary::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_location = testbackend::newLibrary(*m_dir);
    m_library = std::make_unique<StoryLibrary>();
}

void TestStoryLibrary::cleanup() {
    m_library.reset();
    m_dir.reset();
}

// The first save as Published records the publication time; a correction saved later keeps it, and
// a duplicate starts unpublished.
void TestStoryLibrary::publicationTimeSetOnceWhenPublished() {
    openLibrary();
    Story story = testdata::fullStory(u"Harbour bridge opens to cyclists"_qs);
    QString error;
    QVERIFY2(m_library->save(story, &error), qPrintable(error));
    QVERIFY(!story.published.isValid());
    story.status = StoryStatus::Published;
    QVERIFY2(m_library->save(story, &error), qPrintable(error));
    const QDateTime published = story.published;
    QCOMPARE(published, story.updated);
    story.deck = u"A corrected deck"_qs;
    QVERIFY2(m_library->save(story, &error), qPrintable(error));
    QCOMPARE(story.published, published);
    QVERIFY(story.updated >= published);
    const std::optional<Story> loaded = m_library->load(story.id, &error);
    QVERIFY2(loaded, qPrintable(error));
    QCOMPARE(loaded->published, published);
    const std::optional<Story> copy = m_library->duplicate(story.id, &error);
    QVERIFY2(copy, qPrintable(error));
    QVERIFY(!copy->published.isValid());
}

void TestStoryLibrary::openLibrary() {
    QString error;
    QVERIFY2(m_library->open(libraryPath(), &error), qPrintable(error));
    QCOMPARE(error, QString());
}

void TestStoryLibrary::saveCloseReopenGivesEqualStory() {
    openLibrary();
    Story story = testdata::fullStory(u"Island ferry returns to two sailings a day"_qs);
    const QDateTime before = QDateTime::currentDateTimeUtc();
    QString error;
    QVERIFY2(m_library->save(story, &error), qPrintable(error));
    QCOMPARE(story.slug, u"island-ferry-returns-to-two-sailings-a-day"_qs);
    QVERIFY(story.updated >= before);
    QCOMPARE(story.updated.timeSpec(), Qt::UTC);

    m_library->close();
    QVERIFY(!m_library->isOpen());
    openLibrary();
    const std::optional<Story> loaded = m_library->load(story.id, &error);
    QVERIFY2(loaded, qPrintable(error));
    QCOMPARE(loaded->images.size(), 2);
    QCOMPARE(loaded->images.at(0).data, testdata::pictureBytes('a'));
    QCOMPARE(loaded->images.at(1).data, testdata::pictureBytes('b'));
    QCOMPARE(loaded->body, story.body);
    QCOMPARE(loaded->created, story.created);
    QCOMPARE(loaded->updated, story.updated);
    QVERIFY(*loaded == story);

    const std::optional<Story> bySlug = m_library->loadBySlug(story.slug, &error);
    QVERIFY2(bySlug, qPrintable(error));
    QVERIFY(*bySlug == story);
    QVERIFY(!m_library->loadBySlug(u"no-such-slug"_qs, &error));
    QCOMPARE(error, u"No story in the library has the slug “no-such-slug”."_qs);
}

void TestStoryLibrary::wireMetadataTablesAndNestedListsRoundTrip() {
    openLibrary();
    Story story = testdata::shortStory(u"Ferry fares rise"_qs, u"Deck"_qs, u"First."_qs);
    story.metadata.sourceAgency = u"Example Wire"_qs;
    story.metadata.originalId = u"urn:newsml:example.invalid:20261202:ferry-fares"_qs;
    story.metadata.priority = 3;
    story.metadata.slugline = u"BC-Ferry-Fares"_qs;
    story.metadata.keywords = {u"ferries"_qs, u"fares"_qs};
    story.metadata.language = u"en-GB"_qs;
    story.metadata.firstCreated = QDateTime(QDate(2026, 12, 1), QTime(9, 30), Qt::UTC);
    story.metadata.versionCreated = QDateTime(QDate(2026, 12, 1), QTime(10, 5), Qt::UTC);
    story.metadata.embargo = QDateTime(QDate(2026, 12, 2), QTime(6, 0), Qt::UTC);
    story.notes = {EditorNote{newId(),
                              u"Example Wire"_qs,
                              story.metadata.versionCreated,
                              u"Eds: corrects fare in 3rd paragraph."_qs,
                              {}}};
    story.bylines = {Byline{u"Ana Ruiz"_qs, u"Transport Writer"_qs}};
    Block table{newId(), BlockKind::Table};
    table.rows = {{InlineText::plain(u"Route"_qs), InlineText::plain(u"Fare"_qs)},
                  {InlineText::plain(u"Wenlow–Isle"_qs), InlineText{{InlineRun{u"£4.20"_qs, true}}}}};
    table.headerRow = true;
    Block list = Block::make(BlockKind::NumberedList, u"Buy a ticket"_qs);
    list.lines.append(InlineText::plain(u"at the pier"_qs));
    list.items = {ListItem{0, true}, ListItem{1, false}};
    InlineRun superscript{u"2"_qs};
    superscript.baseline = Baseline::Superscript;
    InlineRun struck{u"old fare"_qs};
    struck.strike = true;
    Block styled{newId(), BlockKind::Paragraph, {InlineText{{InlineRun{u"m"_qs}, superscript, struck}}}};
    story.body += {table, Block{newId(), BlockKind::SectionBreak}, list, styled};
    QString error;
    QVERIFY2(m_library->save(story, &error), qPrintable(error));
    m_library->close();
    openLibrary();
    const std::optional<Story> loaded = m_library->load(story.id, &error);
    QVERIFY2(loaded, qPrintable(error));
    QCOMPARE(loaded->metadata, story.metadata);
    QCOMPARE(loaded->notes, story.notes);
    QCOMPARE(loaded->bylines, story.bylines);
    QCOMPARE(loaded->body, story.body);
    QCOMPARE(m_library->idForOriginalId(story.metadata.originalId), story.id);
    QCOMPARE(m_library->idForOriginalId(u"urn:other"_qs), QString());
    QCOMPARE(m_library->idForOriginalId(QString()), QString());
}

void TestStoryLibrary::offeredPicturesAndWireSlugs() {
    openLibrary();
    Story story = testdata::shortStory(u"Ferry crews walk out"_qs, u"Deck"_qs, u"First."_qs);
    story.metadata.sourceAgency = u"Example Wire"_qs;
    story.metadata.slugline = u"Harbour-Ferry-Strike"_qs;
    StoryImage offered;
    offered.caption = u"Crews on the quay."_qs;
    offered.sourceHref = u"https://media.example.org/ferry/quay.jpg"_qs;
    offered.width = 4000;
    offered.height = 2667;
    offered.crop = QRectF(0.125, 0.25, 0.5, 0.625); // kept with the picture (issue 11)
    offered.focus = QPointF(0.375, 0.75);
    StoryImage whole; // no crop, centred: NULL crop columns
    whole.caption = u"The whole quay."_qs;
    story.images = {offered, whole};
    QString error;
    QVERIFY2(m_library->save(story, &error), qPrintable(error));
    Story other = testdata::shortStory(u"Ferry fares rise"_qs, u"Deck"_qs, u"First."_qs);
    other.metadata.sourceAgency = u"Other Wire"_qs;
    other.metadata.slugline = u"Harbour-Ferry-Strike"_qs;
    QVERIFY2(m_library->save(other, &error), qPrintable(error));
    m_library->close();
    openLibrary();
    const std::optional<Story> loaded = m_library->load(story.id, &error);
    QVERIFY2(loaded, qPrintable(error));
    QCOMPARE(loaded->images.size(), 2);
    QCOMPARE(loaded->images.first().crop, QRectF(0.125, 0.25, 0.5, 0.625));
    QCOMPARE(loaded->images.first().focus, QPointF(0.375, 0.75));
    QVERIFY(loaded->images.at(1).crop.isNull());
    QCOMPARE(loaded->images.at(1).focus, QPointF(0.5, 0.5));
    QCOMPARE(loaded->images.first().sourceHref, offered.sourceHref);
    QCOMPARE(loaded->images.first().width, 4000);
    QCOMPARE(loaded->images.first().height, 2667);
    QVERIFY(loaded->images.first().isMissing());
    // The agency is compared without regard to case; the slug exactly.
    QCOMPARE(m_library->idForWireSlug(u"EXAMPLE WIRE"_qs, u"Harbour-Ferry-Strike"_qs), story.id);
    QCOMPARE(m_library->idForWireSlug(u"Other Wire"_qs, u"Harbour-Ferry-Strike"_qs), other.id);
    QCOMPARE(m_library->idForWireSlug(u"Example Wire"_qs, u"harbour-ferry-strike"_qs), QString());
    QCOMPARE(m_library->idForWireSlug(QString(), u"Harbour-Ferry-Strike"_qs), QString());
}

void TestStoryLibrary::openMigrates_data() {
    QTest::addColumn<bool>("emptyFileFirst");
    QTest::newRow("fresh path") << false;
    // An existing empty file is refused (tst_libraryopen); one another Galley is creating is not.
    QTest::newRow("0-byte file being created") << true;
}

void TestStoryLibrary::openMigrates() {
    // SQLite only: a file made by opening it, its PRAGMAs and journal. A server library is made by
    // `galley admin init` (tst_serverlibrary).
    if (testbackend::onServer())
        QSKIP("about a SQLite library file");
    QFETCH(bool, emptyFileFirst);
    if (emptyFileFirst) {
        QFile file(libraryPath());
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        QCOMPARE(QFileInfo(libraryPath()).size(), 0);
        QFile journal(libraryPath() + u"-journal"_qs);
        QVERIFY(journal.open(QIODevice::WriteOnly));
        journal.close();
    }
    openLibrary();
    QCOMPARE(m_library->schemaVersion(), StoryLibrary::currentSchemaVersion());
    QCOMPARE(m_library->count(), 0);
    QCOMPARE(m_library->path(), libraryPath());
    m_library->close();
    QCOMPARE(m_library->schemaVersion(), 0);
    QCOMPARE(rawValue(libraryPath(), u"PRAGMA user_version"_qs).toInt(), StoryLibrary::currentSchemaVersion());
    QCOMPARE(rawValue(libraryPath(), u"PRAGMA journal_mode"_qs).toString(), u"wal"_qs);
    QCOMPARE(
        rawValue(libraryPath(), u"SELECT COUNT(*) FROM sqlite_master WHERE name = 'story_search'"_qs).toInt(),
        1);
    // Opening again leaves the version alone.
    openLibrary();
    QCOMPARE(m_library->schemaVersion(), StoryLibrary::currentSchemaVersion());
}

void TestStoryLibrary::migratesVersionOneKeepingStories() {
    // SQLite only: libraries of schema 1 exist only as files; every server library starts at the
    // current schema.
    if (testbackend::onServer())
        QSKIP("libraries from before the server exist only as SQLite files");
    // A library as the first Galley wrote it: schema 1, no column for an import's original input.
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_qs, u"v1"_qs);
        db.setDatabaseName(libraryPath());
        QVERIFY(db.open());
        QSqlQuery query(db);
        for (
            const QString &sql : {
                u"CREATE TABLE stories (id TEXT PRIMARY KEY NOT NULL, slug TEXT NOT NULL UNIQUE, "
                u"section TEXT NOT NULL DEFAULT '', headline TEXT NOT NULL DEFAULT '', deck TEXT NOT NULL "
                u"DEFAULT '', bylines TEXT NOT NULL DEFAULT '[]', dateline TEXT NOT NULL DEFAULT '', status "
                u"TEXT NOT NULL DEFAULT 'draft', body TEXT NOT NULL DEFAULT '[]', pull_quotes TEXT NOT NULL "
                u"DEFAULT '[]', created TEXT NOT NULL, updated TEXT NOT NULL)"_qs,
                u"CREATE TABLE images (id TEXT PRIMARY KEY NOT NULL, story_id TEXT NOT NULL REFERENCES "
                u"stories(id) ON DELETE CASCADE, position INTEGER NOT NULL, data BLOB, mime_type TEXT NOT "
                u"NULL "
                u"DEFAULT '', file_name TEXT NOT NULL DEFAULT '', caption TEXT NOT NULL DEFAULT '', credit "
                u"TEXT "
                u"NOT NULL DEFAULT '', alt_text TEXT NOT NULL DEFAULT '', placement TEXT NOT NULL DEFAULT '')"_qs,
                u"CREATE VIRTUAL TABLE story_search USING fts5(story_id UNINDEXED, headline, deck, body, "
                u"tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')"_qs,
                u"INSERT INTO stories (id, slug, headline, bylines, created, updated) VALUES "
                u"('0b7c3c52-5d8e-4f43-9d1c-"
                u"2f1e8a0c9b11', 'harbour-crane-arrives', 'Harbour crane arrives', '[\"Ada Quarry\"]', "
                u"'2026-01-02T03:04:05.006Z', '2026-01-02T03:04:05.006Z')"_qs,
                u"INSERT INTO story_search (story_id, headline, deck, body) VALUES ('0b7c3c52-5d8e-4f43-"
                u"9d1c-2f1e8a0c9b11', 'Harbour crane arrives', '', '')"_qs,
                u"PRAGMA user_version = 1"_qs,
            })
            QVERIFY2(query.exec(sql), qPrintable(query.lastError().text()));
    }
    QSqlDatabase::removeDatabase(u"v1"_qs);

    openLibrary();
    QCOMPARE(m_library->schemaVersion(), StoryLibrary::currentSchemaVersion());
    QString error;
    std::optional<Story> story = m_library->loadBySlug(u"harbour-crane-arrives"_qs, &error);
    QVERIFY2(story, qPrintable(error));
    QCOMPARE(story->headline, u"Harbour crane arrives"_qs);
    QCOMPARE(story->created, QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5, 6), Qt::UTC));
    QVERIFY(story->originalSource.isEmpty());
    // The search index was rebuilt with the columns added since: the byline is found.
    StoryFilter byByline;
    byByline.text = u"quarry"_qs;
    QCOMPARE(headlines(m_library->list(byByline, &error)), QStringList{u"Harbour crane arrives"_qs});
    // The story as the old library held it is its first revision, dated when it was last saved.
    const QList<RevisionInfo> kept = m_library->revisions(story->id, &error);
    QCOMPARE(kept.size(), 1);
    QCOMPARE(kept.at(0).number, 1);
    QCOMPARE(kept.at(0).kind, RevisionKind::Migrated);
    QCOMPARE(kept.at(0).summary, u"kept from before revisions"_qs);
    QCOMPARE(kept.at(0).author, QString());
    QCOMPARE(kept.at(0).created, story->updated);
    const std::optional<Story> first = m_library->loadRevision(story->id, 1, &error, true);
    QVERIFY2(first, qPrintable(error));
    QVERIFY(*first == *story);

    // The new columns keep an import's original input, byte for byte.
    story->originalSource = QByteArray("Harbour crane \x93"
                                       "arrives\x94"
                                       "\r\n");
    story->originalFormat = u"text/plain; charset=windows-1252"_qs;
    QVERIFY2(m_library->save(*story, &error), qPrintable(error));
    m_library->close();
    openLibrary();
    const std::optional<Story> reloaded = m_library->load(story->id, &error);
    QVERIFY2(reloaded, qPrintable(error));
    QCOMPARE(reloaded->originalSource, story->originalSource);
    QCOMPARE(reloaded->originalFormat, story->originalFormat);
    QVERIFY(*reloaded == *story);
    // The search row written by the old version was replaced, not doubled.
    QCOMPARE(rawValue(libraryPath(), u"SELECT COUNT(*) FROM story_search"_qs).toInt(), 1);
    QCOMPARE(headlines(m_library->list({u"crane"_qs})), QStringList{u"Harbour crane arrives"_qs});
}

void TestStoryLibrary::relevanceRanksHeadlineFirst() {
    openLibrary();
    QString error;
    // Saved in this order, so by time alone the headline match would come last.
    Story headline = testdata::shortStory(u"Lighthouse keeper retires"_qs, u"Forty winters on the point"_qs,
                                          u"She kept the lamp lit through every storm."_qs);
    Story deck = testdata::shortStory(u"Harbour dues rise"_qs, u"Lighthouse fund needs repairs"_qs,
                                      u"The board voted on Tuesday."_qs);
    Story body = testdata::shortStory(u"Ferry timetable changes"_qs, u"Two sailings a day"_qs,
                                      u"The first boat leaves before the lighthouse switches off."_qs);
    Story none =
        testdata::shortStory(u"Rowers win title"_qs, u"A third of a length"_qs, u"No lamps here."_qs);
    for (Story *story : {&headline, &deck, &body, &none})
        QVERIFY2(m_library->save(*story, &error), qPrintable(error));

    StoryFilter filter{u"lighthouse"_qs};
    filter.order = StoryOrder::Relevance;
    QCOMPARE(headlines(m_library->list(filter), false),
             (QStringList{u"Lighthouse keeper retires"_qs, u"Harbour dues rise"_qs,
                          u"Ferry timetable changes"_qs}));
    filter.limit = 2;
    QCOMPARE(headlines(m_library->list(filter), false),
             (QStringList{u"Lighthouse keeper retires"_qs, u"Harbour dues rise"_qs}));
    // Newest first is still the default order, and the limit applies to it too.
    filter.order = StoryOrder::Newest;
    QCOMPARE(headlines(m_library->list(filter), false),
             (QStringList{u"Ferry timetable changes"_qs, u"Harbour dues rise"_qs}));
    // Without search text there is nothing to rank: newest first.
    StoryFilter all;
    all.order = StoryOrder::Relevance;
    all.limit = 1;
    QCOMPARE(headlines(m_library->list(all), false), QStringList{u"Rowers win title"_qs});
}

void TestStoryLibrary::loadMissingStory() {
    openLibrary();
    QString error;
    QVERIFY(!m_library->load(newId(), &error));
    QCOMPARE(error,
             u"That story is no longer in the library; it may have been deleted in another window."_qs);
    m_library->close();
    QVERIFY(!m_library->load(newId(), &error));
    QCOMPARE(error, u"No story library is open."_qs);
}

void TestStoryLibrary::matchExpression_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expression");
    QTest::newRow("words") << u"harbour  Wall"_qs << u"\"harbour\"* \"Wall\"*"_qs;
    QTest::newRow("quote") << u"\""_qs << QString();
    QTest::newRow("near") << u"NEAR(a b, 2)"_qs << u"\"NEAR\"* \"a\"* \"b\"* \"2\"*"_qs;
    QTest::newRow("minus and star") << u"-flood* col:x"_qs << u"\"flood\"* \"col\"* \"x\"*"_qs;
    QTest::newRow("accents kept") << u"crème brûlée"_qs << u"\"crème\"* \"brûlée\"*"_qs;
    QTest::newRow("empty") << QString() << QString();
}

void TestStoryLibrary::matchExpression() {
    QFETCH(QString, text);
    QFETCH(QString, expression);
    QCOMPARE(ftsMatchExpression(text), expression);
}

void TestStoryLibrary::search_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("found");
    const QString harbour = u"Harbour wall vote passes"_qs;
    const QString rowers = u"Rowers win title"_qs;
    const QString library = u"Library opens late"_qs;
    QTest::newRow("headline word") << u"harbour"_qs << QStringList{harbour};
    QTest::newRow("deck word") << u"backs"_qs << QStringList{harbour};
    QTest::newRow("body word") << u"slipway"_qs << QStringList{harbour};
    QTest::newRow("prefix") << u"harb"_qs << QStringList{harbour};
    QTest::newRow("case") << u"ROWERS"_qs << QStringList{rowers};
    QTest::newRow("words across fields") << u"council fisherman"_qs << QStringList{harbour};
    QTest::newRow("all words must occur") << u"harbour rowers"_qs << QStringList{};
    QTest::newRow("accent folded") << u"cafe"_qs << QStringList{library};
    QTest::newRow("accent typed") << u"Café"_qs << QStringList{library};
    QTest::newRow("no match") << u"zeppelin"_qs << QStringList{};
    QTest::newRow("lone quote") << u"\""_qs << QStringList{harbour, library, rowers};
    QTest::newRow("open quote") << u"\"harbour"_qs << QStringList{harbour};
    QTest::newRow("NEAR( is a word") << u"NEAR("_qs << QStringList{harbour, rowers};
    QTest::newRow("NEAR( with word") << u"NEAR(harbour"_qs << QStringList{harbour};
    QTest::newRow("minus is not NOT") << u"-rowers"_qs << QStringList{rowers};
    QTest::newRow("OR is a word") << u"harbour OR rowers"_qs << QStringList{};
    QTest::newRow("star") << u"tit*"_qs << QStringList{rowers};
    QTest::newRow("column filter is words") << u"headline:library"_qs << QStringList{};
    QTest::newRow("empty text") << QString() << QStringList{harbour, library, rowers};
    QTest::newRow("byline surname") << u"holt"_qs << QStringList{harbour};
    QTest::newRow("byline title") << u"staff"_qs << QStringList{harbour};
    QTest::newRow("caption word") << u"breakwater"_qs << QStringList{harbour};
    QTest::newRow("picture credit") << u"tarrant"_qs << QStringList{harbour};
    QTest::newRow("alt text") << u"gulls"_qs << QStringList{harbour};
    QTest::newRow("pull quote") << u"demons"_qs << QStringList{rowers};
    QTest::newRow("pull quote speaker") << u"petra"_qs << QStringList{rowers};
    QTest::newRow("slug word") << u"extended"_qs << QStringList{library};
}

void TestStoryLibrary::search() {
    QFETCH(QString, text);
    QFETCH(QStringList, found);
    openLibrary();
    QString error;
    Story a = testdata::shortStory(u"Harbour wall vote passes"_qs, u"Council backs flood plan"_qs,
                                   u"The fisherman spoke near the slipway."_qs);
    Story b = testdata::shortStory(u"Rowers win title"_qs, u"A third of a length"_qs,
                                   u"The crew nearly capsized at the start."_qs, u"Sport"_qs);
    Story c = testdata::shortStory(u"Library opens late"_qs, u"Reading room until midnight"_qs,
                                   u"Volunteers run the café and keep the lamps on."_qs, u"Arts"_qs);
    a.bylines = {Byline{u"Maren Holt"_qs, u"Staff Writer"_qs}};
    StoryImage picture;
    picture.id = newId();
    picture.caption = u"The breakwater at dawn"_qs;
    picture.credit = u"Ines Tarrant"_qs;
    picture.altText = u"Gulls over the sea wall"_qs;
    a.images = {picture};
    b.pullQuotes = {PullQuote{newId(), u"We rowed like demons"_qs, u"Coach Petra Lund"_qs, {}}};
    c.slug = u"reading-hours-extended"_qs;
    for (Story *story : {&a, &b, &c})
        QVERIFY2(m_library->save(*story, &error), qPrintable(error));
    // Saving again must replace the index entry, not add a second one.
    a.body = {
        Block::make(BlockKind::Paragraph, u"The fisherman spoke near the slipway, by the council steps."_qs)};
    QVERIFY2(m_library->save(a, &error), qPrintable(error));

    StoryFilter filter;
    filter.text = text;
    error.clear();
    const QList<StorySummary> rows = m_library->list(filter, &error);
    QCOMPARE(error, QString());
    QCOMPARE(headlines(rows), found);
}

void TestStoryLibrary::filters_data() {
    QTest::addColumn<int>("status"); // -1: any
    QTest::addColumn<QString>("section");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("found");
    const int draft = int(StoryStatus::Draft);
    const int ready = int(StoryStatus::Ready);
    QTest::newRow("status") << draft << QString() << QString()
                            << QStringList{u"Dredging delayed"_qs, u"Rowers win title"_qs};
    QTest::newRow("section") << -1 << u"Local"_qs << QString()
                             << QStringList{u"Dredging delayed"_qs, u"Harbour wall vote passes"_qs};
    QTest::newRow("status and section")
        << draft << u"Local"_qs << QString() << QStringList{u"Dredging delayed"_qs};
    QTest::newRow("status and text") << ready << QString() << u"harbour"_qs
                                     << QStringList{u"Harbour wall vote passes"_qs};
    QTest::newRow("section and text") << -1 << u"Local"_qs << u"harbour"_qs
                                      << QStringList{u"Dredging delayed"_qs, u"Harbour wall vote passes"_qs};
    QTest::newRow("all three") << draft << u"Local"_qs << u"harbour"_qs
                               << QStringList{u"Dredging delayed"_qs};
    QTest::newRow("none match") << int(StoryStatus::Published) << u"Sport"_qs << QString() << QStringList{};
    QTest::newRow("section is exact") << -1 << u"local"_qs << QString() << QStringList{};
}

void TestStoryLibrary::filters() {
    QFETCH(int, status);
    QFETCH(QString, section);
    QFETCH(QString, text);
    QFETCH(QStringList, found);
    openLibrary();
    QString error;
    Story a = testdata::shortStory(u"Harbour wall vote passes"_qs, u"Council backs plan"_qs, u"Vote."_qs,
                                   u"Local"_qs, StoryStatus::Ready);
    Story b =
        testdata::shortStory(u"Rowers win title"_qs, QString(), u"Race on the harbour."_qs, u"Sport"_qs);
    Story c = testdata::shortStory(u"Dredging delayed"_qs, QString(), u"The harbour stays shallow."_qs);
    Story d = testdata::shortStory(u"Library opens late"_qs, QString(), u"Lamps."_qs, u"Arts"_qs,
                                   StoryStatus::Published);
    for (Story *story : {&a, &b, &c, &d})
        QVERIFY2(m_library->save(*story, &error), qPrintable(error));

    StoryFilter filter;
    if (status >= 0)
        filter.status = StoryStatus(status);
    filter.section = section;
    filter.text = text;
    QCOMPARE(headlines(m_library->list(filter, &error)), found);
}

void TestStoryLibrary::listNewestFirst() {
    openLibrary();
    QString error;
    Story a = testdata::shortStory(u"First"_qs, {}, u"One."_qs);
    Story b = testdata::shortStory(u"Second"_qs, {}, u"Two."_qs);
    Story c = testdata::shortStory(u"Third"_qs, {}, u"Three."_qs);
    for (Story *story : {&a, &b, &c}) {
        QVERIFY2(m_library->save(*story, &error), qPrintable(error));
        QTest::qSleep(3); // distinct millisecond timestamps
    }
    QCOMPARE(headlines(m_library->list(), false), (QStringList{u"Third"_qs, u"Second"_qs, u"First"_qs}));
    a.deck = u"Edited"_qs;
    QVERIFY2(m_library->save(a, &error), qPrintable(error));
    const QList<StorySummary> rows = m_library->list();
    QCOMPARE(headlines(rows, false), (QStringList{u"First"_qs, u"Third"_qs, u"Second"_qs}));
    QCOMPARE(rows.first().updated, a.updated);
    QCOMPARE(rows.first().slug, u"first"_qs);
    QCOMPARE(rows.first().section, u"Local"_qs);
    QCOMPARE(rows.first().status, StoryStatus::Draft);
    QCOMPARE(rows.first().id, a.id);
}

void TestStoryLibrary::sectionsAndCount() {
    openLibrary();
    QString error;
    Story a = testdata::shortStory(u"A"_qs, {}, u"a"_qs, u"Sport"_qs);
    Story b = testdata::shortStory(u"B"_qs, {}, u"b"_qs, u"Arts"_qs);
    Story c = testdata::shortStory(u"C"_qs, {}, u"c"_qs, u"Sport"_qs);
    Story d = testdata::shortStory(u"D"_qs, {}, u"d"_qs, QString());
    for (Story *story : {&a, &b, &c, &d})
        QVERIFY2(m_library->save(*story, &error), qPrintable(error));
    QCOMPARE(m_library->count(), 4);
    QCOMPARE(m_library->sections(), (QStringList{u"Arts"_qs, u"Sport"_qs}));
}

void TestStoryLibrary::emptySlugFilledUniquely() {
    openLibrary();
    QString error;
    Story first = testdata::shortStory(u"Café owner’s crème brûlée wins"_qs, {}, u"Dessert."_qs);
    Story second = testdata::shortStory(u"Cafe owners creme brulee wins!"_qs, {}, u"Again."_qs);
    Story third = testdata::shortStory(u"Café owner’s crème brûlée wins"_qs, {}, u"Thrice."_qs);
    QVERIFY2(m_library->save(first, &error), qPrintable(error));
    QVERIFY2(m_library->save(second, &error), qPrintable(error));
    QVERIFY2(m_library->save(third, &error), qPrintable(error));
    QCOMPARE(first.slug, u"cafe-owners-creme-brulee-wins"_qs);
    QCOMPARE(second.slug, u"cafe-owners-creme-brulee-wins-2"_qs);
    QCOMPARE(third.slug, u"cafe-owners-creme-brulee-wins-3"_qs);
    // Saving a story again keeps its own slug.
    QVERIFY2(m_library->save(first, &error), qPrintable(error));
    QCOMPARE(first.slug, u"cafe-owners-creme-brulee-wins"_qs);
    QVERIFY(m_library->isSlugTaken(u"cafe-owners-creme-brulee-wins"_qs));
    QVERIFY(!m_library->isSlugTaken(u"cafe-owners-creme-brulee-wins"_qs, first.id));
}

void TestStoryLibrary::badSlugsRefused_data() {
    QTest::addColumn<QString>("slug");
    QTest::addColumn<QString>("message");
    QTest::newRow("capitals and space") << u"Harbour Wall"_qs
                                        << u"“Harbour Wall” cannot be used as a slug: use lowercase letters "
                                           u"a–z, digits and single hyphens, such as "
                                           u"“harbour-wall-vote”."_qs;
    QTest::newRow("double hyphen") << u"harbour--wall"_qs
                                   << u"“harbour--wall” cannot be used as a slug: use lowercase letters a–z, "
                                      u"digits and single hyphens, such as "
                                      u"“harbour-wall-vote”."_qs;
    QTest::newRow("markup") << u"<b>wall</b>"_qs
                            << u"“<b>wall</b>” cannot be used as a slug: use lowercase letters a–z, digits "
                               u"and single hyphens, such as "
                               u"“harbour-wall-vote”."_qs;
    QTest::newRow("taken") << u"harbour-wall"_qs
                           << u"The slug “harbour-wall” is already used by another story; choose another."_qs;
}

void TestStoryLibrary::badSlugsRefused() {
    QFETCH(QString, slug);
    QFETCH(QString, message);
    openLibrary();
    QString error;
    Story owner = testdata::shortStory(u"Harbour wall"_qs, {}, u"First."_qs);
    QVERIFY2(m_library->save(owner, &error), qPrintable(error));
    QCOMPARE(owner.slug, u"harbour-wall"_qs);

    Story story = testdata::shortStory(u"Another wall story"_qs, {}, u"Second."_qs);
    story.slug = slug;
    const Story typed = story;
    QVERIFY(!m_library->save(story, &error));
    QCOMPARE(error, message);
    QVERIFY(story == typed); // what the user typed is kept for them to correct
    QCOMPARE(m_library->count(), 1);
    QVERIFY(!m_library->load(story.id, &error));
}

void TestStoryLibrary::removeDeletesPicturesAndIndex() {
    openLibrary();
    QString error;
    Story story = testdata::fullStory(u"Island ferry returns"_qs);
    Story other = testdata::shortStory(u"Ferry fares frozen"_qs, {}, u"Same price."_qs);
    QVERIFY2(m_library->save(story, &error), qPrintable(error));
    QVERIFY2(m_library->save(other, &error), qPrintable(error));
    QVERIFY2(m_library->remove(story.id, &error), qPrintable(error));
    QCOMPARE(m_library->count(), 1);
    QVERIFY(!m_library->load(story.id, &error));
    QCOMPARE(headlines(m_library->list({u"ferry"_qs, std::nullopt, {}})),
             QStringList{u"Ferry fares frozen"_qs});
    m_library->close();
    QCOMPARE(rawValue(libraryPath(), u"SELECT COUNT(*) FROM images"_qs).toInt(), 0);
    QCOMPARE(rawValue(libraryPath(), u"SELECT COUNT(*) FROM story_search"_qs).toInt(), 1);
}

void TestStoryLibrary::removeMissingStory() {
    openLibrary();
    QString error;
    QVERIFY(!m_library->remove(newId(), &error));
    QCOMPARE(error,
             u"That story is no longer in the library; it may have been deleted in another window."_qs);
}

void TestStoryLibrary::saveRefusesToOverwriteAnotherWindowsSave() {
    openLibrary();
    QString error;
    Story story = testdata::shortStory(u"Harbour wall vote passes"_qs, u"Council backs flood plan"_qs,
                                       u"The fisherman spoke near the slipway."_qs);
    QVERIFY2(m_library->save(story, &error), qPrintable(error));

    // Two windows open the same story; each keeps saving its own copy.
    StoryLibrary other;
    QVERIFY2(other.open(libraryPath(), &error), qPrintable(error));
    Story inA = *m_library->load(story.id, &error);
    Story inB = *other.load(story.id, &error);
    inB.body.append(Block::make(BlockKind::Paragraph, u"Added in window B."_qs));
    QVERIFY2(other.save(inB, &error), qPrintable(error));
    QVERIFY2(other.save(inB, &error), qPrintable(error)); // B's own saves go on working

    inA.headline = u"Harbour wall vote passes 7–2"_qs;
    const Story typedInA = inA;
    QVERIFY(!m_library->save(inA, &error));
    QVERIFY2(error.startsWith(testbackend::onServer() ? u"This story was saved from another desk at "_qs
                                                      : u"This story was saved from another Galley window at "_qs),
             qPrintable(error));
    QVERIFY(
        error.endsWith(u", after you opened it, so your version was not saved over it. Your text is still "
                       u"in the editor: copy what you changed, reopen the story and add it again."_qs));
    QVERIFY(inA == typedInA);
    const Story stored = *m_library->load(story.id, &error);
    QVERIFY(stored == inB);

    // Reopened, window A saves again.
    Story reopened = stored;
    reopened.headline = inA.headline;
    QVERIFY2(m_library->save(reopened, &error), qPrintable(error));
    QCOMPARE(m_library->load(story.id, &error)->headline, u"Harbour wall vote passes 7–2"_qs);
    QCOMPARE(m_library->load(story.id, &error)->body.size(), 2);
}

void TestStoryLibrary::duplicateMakesDraftCopy() {
    openLibrary();
    QString error;
    Story story = testdata::fullStory(u"Island ferry returns"_qs);
    story.status = StoryStatus::Published;
    QVERIFY2(m_library->save(story, &error), qPrintable(error));

    const std::optional<Story> copy = m_library->duplicate(story.id, &error);
    QVERIFY2(copy, qPrintable(error));
    QVERIFY(copy->id != story.id);
    QCOMPARE(copy->headline, u"Copy of Island ferry returns"_qs);
    QCOMPARE(copy->slug, u"island-ferry-returns-2"_qs);
    QCOMPARE(copy->status, StoryStatus::Draft);
    QCOMPARE(copy->body, story.body);
    QCOMPARE(copy->pullQuotes, story.pullQuotes);
    QCOMPARE(copy->images.size(), 2);
    for (qsizetype i = 0; i < 2; ++i) {
        QVERIFY(copy->images.at(i).id != story.images.at(i).id);
        QCOMPARE(copy->images.at(i).data, story.images.at(i).data);
        QCOMPARE(copy->images.at(i).placement, story.images.at(i).placement);
    }
    QCOMPARE(m_library->count(), 2);
    const std::optional<Story> loaded = m_library->load(copy->id, &error);
    QVERIFY2(loaded, qPrintable(error));
    QVERIFY(*loaded == *copy);
    // The original is untouched, and removing it leaves the copy's pictures.
    const std::optional<Story> original = m_library->load(story.id, &error);
    QVERIFY(original && *original == story);
    QVERIFY2(m_library->remove(story.id, &error), qPrintable(error));
    QCOMPARE(m_library->load(copy->id, &error)->images.size(), 2);

    QVERIFY(!m_library->duplicate(story.id, &error));
    QCOMPARE(error,
             u"That story is no longer in the library; it may have been deleted in another window."_qs);
}

void TestStoryLibrary::pictureIdsStayUnique() {
    openLibrary();
    QString error;
    Story first = testdata::fullStory(u"Island ferry returns"_qs);
    QVERIFY2(m_library->save(first, &error), qPrintable(error));
    // A picture copied into another story, twice, with its id: both copies get fresh ids.
    Story second = testdata::shortStory(u"Ferry fares frozen"_qs, {}, u"Same price."_qs);
    second.images = {first.images.at(0), first.images.at(0)};
    QVERIFY2(m_library->save(second, &error), qPrintable(error));
    QVERIFY(second.images.at(0).id != first.images.at(0).id);
    QVERIFY(second.images.at(1).id != first.images.at(0).id);
    QVERIFY(second.images.at(0).id != second.images.at(1).id);
    QCOMPARE(second.images.at(1).data, first.images.at(0).data);
    // Saving again keeps the ids it now owns, and the first story is untouched.
    const Story saved = second;
    QVERIFY2(m_library->save(second, &error), qPrintable(error));
    QCOMPARE(second.images.at(0).id, saved.images.at(0).id);
    QCOMPARE(second.images.at(1).id, saved.images.at(1).id);
    QVERIFY(*m_library->load(first.id, &error) == first);
    QVERIFY(*m_library->load(second.id, &error) == second);
}

void TestStoryLibrary::defaultPathIsInAppData() {
    const QString path = StoryLibrary::defaultPath();
    const QFileInfo info(path);
    QCOMPARE(info.fileName(), u"library.sqlite"_qs);
    QCOMPARE(info.absolutePath(), QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation));
    QVERIFY(info.dir().exists());
}

QTEST_GUILESS_MAIN(TestStoryLibrary)
#include "tst_storylibrary.moc"
