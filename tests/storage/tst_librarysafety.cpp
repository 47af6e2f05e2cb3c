// Saves when things go wrong: interrupted and crashed saves, a second Galley holding the write
// lock, a full disk and a read-only library all leave the previous version exactly. The test binary
// re-runs itself with --crash-mid-save to die inside a save's transaction.

#include "storage/libraryerrors.h"
#include "storage/sqldialect.h"
#include "storage/storylibrary.h"
#include "storytestdata.h"
#include "testbackend.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace galley;

namespace {

const char crashArgument[] = "--crash-mid-save";
constexpr int crashExitCode = 42;

StoryLibrary::SaveStep stepFromName(const QString &name) {
    if (name == u"row"_qs)
        return StoryLibrary::SaveStep::StoryRow;
    if (name == u"images"_qs)
        return StoryLibrary::SaveStep::Images;
    if (name == u"revision"_qs)
        return StoryLibrary::SaveStep::Revision;
    return StoryLibrary::SaveStep::SearchIndex;
}

StoryLibrary::SaveStep abortAt = StoryLibrary::SaveStep::StoryRow;

bool abortAtStep(StoryLibrary::SaveStep step) {
    return step != abortAt;
}

bool crashAtStep(StoryLibrary::SaveStep step) {
    if (step == abortAt)
        _exit(crashExitCode); // no unwinding, no rollback, no close: as if the power went
    return true;
}

/// Every field of @p story changed, pictures replaced, so a half-landed save would show.
void editEverything(Story &story) {
    story.headline = u"Zeppelin lands on village green"_qs;
    story.deck = u"Quite unexpected"_qs;
    story.section = u"Oddities"_qs;
    story.slug = u"zeppelin-lands"_qs;
    story.bylines = {Byline{u"Someone Else"_qs}};
    story.status = StoryStatus::Published;
    story.replaceBody({Block::make(BlockKind::Paragraph, u"A zeppelin came down by the duck pond."_qs)});
    story.pullQuotes.clear();
    story.images.removeFirst();
    story.images.append(StoryImage{newId(), testdata::pictureBytes('z'), u"image/png"_qs, u"z.png"_qs,
                                   u"Zeppelin"_qs, u"Photo"_qs, u"An airship"_qs, Placement::lead()});
}

/// Child mode: open the library, load story @p id, edit it and die at step @p stepName of the save.
int crashMidSave(const QString &path, const QString &id, const QString &stepName) {
    StoryLibrary library;
    QString error;
    if (!library.open(path, &error))
        return 2;
    std::optional<Story> story = library.load(id, &error);
    if (!story)
        return 3;
    editEverything(*story);
    abortAt = stepFromName(stepName);
    StoryLibrary::setSaveHookForTesting(crashAtStep);
    library.save(*story, &error);
    return 4; // only reached if the hook did not fire
}

QStringList foundHeadlines(const StoryLibrary &library, const QString &text) {
    QStringList out;
    for (const auto &row : library.list({text, std::nullopt, {}}))
        out.append(row.headline);
    return out;
}

} // namespace

class TestLibrarySafety final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void interruptedSaveKeepsPreviousVersion_data();
    void interruptedSaveKeepsPreviousVersion();
    void crashMidSaveKeepsPreviousVersion_data();
    void crashMidSaveKeepsPreviousVersion();
    void lockedLibraryFailsWithInUseMessage();
    void savesOfOtherStoriesGoOnBesideOne();
    void newSlugsTakeTurns();
    void fullDiskKeepsPreviousVersion();
    void readOnlyLibraryRefusesWrites();

private:
    QString libraryPath() const { return m_location; }
    Story savedOriginal(StoryLibrary &library);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_location; ///< a file path, or a server address (testbackend.h)
};

void TestLibrarySafety::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
}

void TestLibrarySafety::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_location = testbackend::newLibrary(*m_dir);
}

void TestLibrarySafety::cleanup() {
    StoryLibrary::setSaveHookForTesting(nullptr);
    m_dir.reset();
}

Story TestLibrarySafety::savedOriginal(StoryLibrary &library) {
    QString error;
    if (!library.open(libraryPath(), &error))
        qFatal("cannot open the test library: %s", qPrintable(error));
    Story story = testdata::fullStory(u"Island ferry returns"_qs);
    if (!library.save(story, &error))
        qFatal("cannot save the original: %s", qPrintable(error));
    return story;
}

void TestLibrarySafety::interruptedSaveKeepsPreviousVersion_data() {
    QTest::addColumn<int>("step");
    QTest::newRow("after the story row") << int(StoryLibrary::SaveStep::StoryRow);
    QTest::newRow("after the pictures") << int(StoryLibrary::SaveStep::Images);
    QTest::newRow("after the search index") << int(StoryLibrary::SaveStep::SearchIndex);
    QTest::newRow("after the revision") << int(StoryLibrary::SaveStep::Revision);
}

void TestLibrarySafety::interruptedSaveKeepsPreviousVersion() {
    QFETCH(int, step);
    StoryLibrary library;
    const Story original = savedOriginal(library);

    Story edited = original;
    editEverything(edited);
    const Story typed = edited;
    abortAt = StoryLibrary::SaveStep(step);
    StoryLibrary::setSaveHookForTesting(abortAtStep);
    QString error;
    QVERIFY(!library.save(edited, &error));
    QCOMPARE(
        error,
        u"The save was interrupted, so nothing was changed; the previous version of the story is kept."_qs);
    QVERIFY(edited == typed); // the edit is still in hand to save again
    StoryLibrary::setSaveHookForTesting(nullptr);

    const std::optional<Story> loaded = library.load(original.id, &error);
    QVERIFY2(loaded, qPrintable(error));
    QVERIFY(*loaded == original);
    QCOMPARE(library.count(), 1);
    QCOMPARE(foundHeadlines(library, u"zeppelin"_qs), QStringList{});
    QCOMPARE(foundHeadlines(library, u"ferry"_qs), QStringList{original.headline});
    QVERIFY(!library.isSlugTaken(u"zeppelin-lands"_qs));
    // No half revision either: the history still holds the original alone.
    QCOMPARE(library.revisions(original.id, &error).size(), 1);
    QCOMPARE(library.statusChanges(original.id, &error).size(), 1);

    // The library still works: the same edit saves once the interruption is gone.
    QVERIFY2(library.save(edited, &error), qPrintable(error));
    QCOMPARE(foundHeadlines(library, u"zeppelin"_qs), QStringList{edited.headline});
    QCOMPARE(library.revisions(original.id, &error).size(), 2);
}

void TestLibrarySafety::crashMidSaveKeepsPreviousVersion_data() {
    QTest::addColumn<QString>("step");
    QTest::newRow("after the story row") << u"row"_qs;
    QTest::newRow("after the pictures") << u"images"_qs;
    QTest::newRow("after the search index") << u"index"_qs;
    QTest::newRow("after the revision") << u"revision"_qs;
}

void TestLibrarySafety::crashMidSaveKeepsPreviousVersion() {
    QFETCH(QString, step);
    StoryLibrary library;
    const Story original = savedOriginal(library);

    QProcess child;
    child.setProcessChannelMode(QProcess::ForwardedChannels);
    child.start(QCoreApplication::applicationFilePath(),
                {QString::fromLatin1(crashArgument), libraryPath(), original.id, step});
    QVERIFY(child.waitForFinished(30000));
    QCOMPARE(child.exitStatus(), QProcess::NormalExit);
    QCOMPARE(child.exitCode(), crashExitCode);

    QString error;
    std::optional<Story> loaded = library.load(original.id, &error);
    QVERIFY2(loaded, qPrintable(error));
    QVERIFY(*loaded == original);
    library.close();
    QVERIFY2(library.open(libraryPath(), &error), qPrintable(error));
    loaded = library.load(original.id, &error);
    QVERIFY2(loaded, qPrintable(error));
    QVERIFY(*loaded == original);
    QCOMPARE(library.count(), 1);
    QCOMPARE(foundHeadlines(library, u"zeppelin"_qs), QStringList{});
    QCOMPARE(foundHeadlines(library, u"ferry"_qs), QStringList{original.headline});
    const QList<RevisionInfo> history = library.revisions(original.id, &error);
    QCOMPARE(history.size(), 1);
    const std::optional<Story> first = library.loadRevision(original.id, 1, &error, true);
    QVERIFY2(first, qPrintable(error));
    QVERIFY(*first == original);
}

void TestLibrarySafety::lockedLibraryFailsWithInUseMessage() {
    StoryLibrary library;
    Story story = savedOriginal(library);
    {
        // Another Galley in the middle of a write, holding the library's write lock.
        StoryLibrary holder;
        QString holderError;
        QVERIFY2(holder.open(libraryPath(), &holderError), qPrintable(holderError));
        QSqlDatabase other = QSqlDatabase::database(holder.connectionNameForTesting());
        QSqlQuery hold(other);
        for (const QString &begin : SqlDialect::of(other).beginWrite())
            QVERIFY2(hold.exec(begin), qPrintable(hold.lastError().text()));
        QVERIFY(hold.exec(u"UPDATE stories SET deck = 'held'"_qs));

        story.deck = u"Changed while another window writes"_qs;
        QString error;
        QElapsedTimer timer;
        timer.start();
        QVERIFY(!library.save(story, &error));
        const qint64 waited = timer.elapsed();
        QCOMPARE(error,
                 testbackend::onServer()
                     ? u"The library “%1” is busy with another desk's save; try again."_qs.arg(libraryPath())
                     : u"The library “%1” is in use by another Galley window; close it and try again."_qs.arg(
                           QDir::toNativeSeparators(libraryPath())));
        QVERIFY2(waited >= 2000 && waited < 6000, qPrintable(QString::number(waited)));
        // Reading still works while the other window writes (WAL).
        QCOMPARE(library.load(story.id, &error)->deck,
                 u"Ferry timetable changes from Monday after the pier repairs"_qs);
        // A third window can still open the library and read it.
        StoryLibrary reader;
        QVERIFY2(reader.open(libraryPath(), &error), qPrintable(error));
        QCOMPARE(reader.count(), 1);
        QVERIFY(hold.exec(u"ROLLBACK"_qs));
        QVERIFY2(library.save(story, &error), qPrintable(error));
    }
}

namespace {

/// Opens on @p db the write transaction of a save of story @p storyId (as another desk in the middle
/// of saving it would hold it); false when a statement fails.
bool holdStoryWrite(QSqlDatabase &db, const QString &storyId) {
    for (const QString &statement : SqlDialect::of(db).beginStoryWrite()) {
        QSqlQuery query(db);
        bool done = false;
        if (statement.contains(u'?')) { // BEGIN cannot be prepared on a server
            query.prepare(statement);
            query.addBindValue(storyId);
            done = query.exec();
        } else {
            done = query.exec(statement);
        }
        if (!done) {
            qWarning() << query.lastError().text();
            return false;
        }
    }
    return true;
}

} // namespace

void TestLibrarySafety::savesOfOtherStoriesGoOnBesideOne() {
    StoryLibrary library;
    Story held = savedOriginal(library);
    Story other = testdata::fullStory(u"Bridge repainting starts"_qs);
    QString error;
    QVERIFY2(library.save(other, &error), qPrintable(error));

    StoryLibrary holder; // another desk, in the middle of saving the first story
    QVERIFY2(holder.open(libraryPath(), &error), qPrintable(error));
    QSqlDatabase db = QSqlDatabase::database(holder.connectionNameForTesting());
    QVERIFY(holdStoryWrite(db, held.id));

    other.deck = u"Saved while another desk saves another story"_qs;
    held.deck = u"Saved while another desk saves this very story"_qs;
    QElapsedTimer timer;
    timer.start();
    const bool otherSaved = library.save(other, &error);
    if (testbackend::onServer()) {
        // A newsroom's desks do not queue behind each other's saves...
        QVERIFY2(otherSaved, qPrintable(error));
        QVERIFY2(timer.elapsed() < 1500, qPrintable(QString::number(timer.elapsed())));
        // ...but two saves of one story still take turns.
        timer.restart();
        QVERIFY(!library.save(held, &error));
        QVERIFY2(timer.elapsed() >= 2000, qPrintable(QString::number(timer.elapsed())));
        QCOMPARE(error, u"The library “%1” is busy with another desk's save; try again."_qs.arg(libraryPath()));
    } else {
        // A SQLite file has one writer at a time, whatever it writes.
        QVERIFY(!otherSaved);
        QCOMPARE(error, u"The library “%1” is in use by another Galley window; close it and try again."_qs.arg(
                            QDir::toNativeSeparators(libraryPath())));
    }
    QVERIFY(QSqlQuery(db).exec(u"ROLLBACK"_qs));
    QVERIFY2(library.save(held, &error), qPrintable(error));
    QCOMPARE(holder.load(held.id, &error)->deck, u"Saved while another desk saves this very story"_qs);
    if (!otherSaved)
        QVERIFY2(library.save(other, &error), qPrintable(error));
    QCOMPARE(holder.load(other.id, &error)->deck, u"Saved while another desk saves another story"_qs);
}

void TestLibrarySafety::newSlugsTakeTurns() {
    if (!testbackend::onServer())
        QSKIP("on a SQLite file every save takes the one write lock");
    StoryLibrary library;
    Story kept = savedOriginal(library);
    QString error;

    StoryLibrary holder; // another desk saving a new story, about to take a slug
    QVERIFY2(holder.open(libraryPath(), &error), qPrintable(error));
    QSqlDatabase db = QSqlDatabase::database(holder.connectionNameForTesting());
    QVERIFY(holdStoryWrite(db, newId()));
    QVERIFY(QSqlQuery(db).exec(SqlDialect::of(db).lockSlugClaims()));

    // Keeping its own slug needs no turn...
    kept.deck = u"Saved with the slug it had"_qs;
    QVERIFY2(library.save(kept, &error), qPrintable(error));
    // ...taking a new one, or a first one, waits for the other desk's claim.
    Story renamed = kept;
    renamed.slug = u"island-ferry-renamed"_qs;
    QVERIFY(!library.save(renamed, &error));
    QCOMPARE(error, u"The library “%1” is busy with another desk's save; try again."_qs.arg(libraryPath()));
    Story fresh = testdata::fullStory(u"Harbour lights go out"_qs);
    QVERIFY(!library.save(fresh, &error));
    QVERIFY(QSqlQuery(db).exec(u"ROLLBACK"_qs));
    QVERIFY2(library.save(renamed, &error), qPrintable(error));
    QVERIFY2(library.save(fresh, &error), qPrintable(error));
    QCOMPARE(fresh.slug, u"harbour-lights-go-out"_qs);
}

void TestLibrarySafety::fullDiskKeepsPreviousVersion() {
    // SQLite only: a full disk is provoked with SQLite's max_page_count; a server's disk cannot be
    // filled from a test (its sentence for SQLSTATE 53100 is in tst_serverlibrary).
    if (testbackend::onServer())
        QSKIP("a full disk is provoked through a SQLite PRAGMA");
    StoryLibrary library;
    const Story original = savedOriginal(library);
    QSqlDatabase db = QSqlDatabase::database(library.connectionNameForTesting());
    QSqlQuery query(db);
    QVERIFY(query.exec(u"PRAGMA page_count"_qs) && query.next());
    const int pages = query.value(0).toInt();
    // The file may grow by two pages only: a 1 MB picture does not fit, as on a full disk.
    QVERIFY(query.exec(u"PRAGMA max_page_count = %1"_qs.arg(pages + 2)));
    query.finish();

    Story edited = original;
    edited.headline = u"Zeppelin lands"_qs;
    edited.images.append(StoryImage{newId(),
                                    QByteArray(1024 * 1024, 'x'),
                                    u"image/png"_qs,
                                    u"big.png"_qs,
                                    {},
                                    {},
                                    {},
                                    Placement::lead()});
    QString error;
    QVERIFY(!library.save(edited, &error));
    QCOMPARE(error,
             u"The disk holding the library “%1” is full, so nothing was saved; free some space and try "
             u"again."_qs.arg(QDir::toNativeSeparators(libraryPath())));
    const std::optional<Story> loaded = library.load(original.id, &error);
    QVERIFY2(loaded, qPrintable(error));
    QVERIFY(*loaded == original);
    QCOMPARE(foundHeadlines(library, u"zeppelin"_qs), QStringList{});

    QVERIFY(query.exec(u"PRAGMA max_page_count = 1073741823"_qs));
    query.finish();
    QVERIFY2(library.save(edited, &error), qPrintable(error));
    QCOMPARE(library.load(original.id, &error)->images.size(), 3);
}

void TestLibrarySafety::readOnlyLibraryRefusesWrites() {
    StoryLibrary library;
    const Story original = savedOriginal(library);
    QSqlQuery query(QSqlDatabase::database(library.connectionNameForTesting()));
    // What SQLite reports for a read-only file; on a server, a session that may only read.
    QVERIFY(query.exec(testbackend::onServer() ? u"SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY"_qs
                                               : u"PRAGMA query_only = ON"_qs));
    const QString readOnly = testbackend::onServer()
                                 ? u"The library “%1” was opened only to read, so Galley cannot save to it."_qs.arg(
                                       libraryPath())
                                 : readOnlyLibraryMessage(libraryPath());

    Story edited = original;
    edited.headline = u"Zeppelin lands"_qs;
    QString error;
    QVERIFY(!library.save(edited, &error));
    QCOMPARE(error, readOnly);
    QVERIFY(!library.remove(original.id, &error));
    QCOMPARE(error, readOnly);
    const std::optional<Story> loaded = library.load(original.id, &error);
    QVERIFY2(loaded, qPrintable(error));
    QVERIFY(*loaded == original);
}

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    if (argc == 5 && qstrcmp(argv[1], crashArgument) == 0)
        return crashMidSave(QString::fromLocal8Bit(argv[2]), QString::fromLocal8Bit(argv[3]),
                            QString::fromLocal8Bit(argv[4]));
    TestLibrarySafety test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_librarysafety.moc"
