// A library on a PostgreSQL server: addresses, the server's refusals in plain words, `galley admin
// init`, and copying a library between a file and a server (checked by per-story checksums), through
// the class and through the real `galley` binary. Address parsing and sentences run on both
// engines; the rest needs the test server (testbackend.h) and is skipped in the SQLite run.

#include "storage/libraryerrors.h"
#include "storage/serveraddress.h"
#include "storage/storylibrary.h"
#include "storytestdata.h"
#include "testbackend.h"

#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace galley;

namespace {

/// The test server's socket folder (from GALLEY_TEST_POSTGRESQL).
QString socketFolder() {
    const QString address = qEnvironmentVariable("GALLEY_TEST_POSTGRESQL");
    return address.mid(address.indexOf(u"host="_qs) + 5);
}

/// A database name no other test uses.
QString freshDatabaseName(const QString &stem) {
    static int count = 0;
    return u"%1_%2_%3"_qs.arg(stem).arg(QCoreApplication::applicationPid()).arg(++count);
}

/// Runs @p sql on database @p database of the test server, as its superuser.
bool runOnServer(const QString &database, const QString &sql) {
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QPSQL"_qs, u"admin"_qs);
        db.setHostName(socketFolder());
        db.setUserName(u"galley"_qs);
        db.setDatabaseName(database);
        ok = db.open() && QSqlQuery(db).exec(sql);
    }
    QSqlDatabase::removeDatabase(u"admin"_qs);
    return ok;
}

#define REQUIRE_SERVER()                                                                                               \
    if (!testbackend::onServer())                                                                                      \
    QSKIP("needs the PostgreSQL test server (the _postgresql run)")

} // namespace

class TestServerLibrary final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void addresses_data();
    void addresses();
    void refusedAddresses_data();
    void refusedAddresses();
    void serverSentences_data();
    void serverSentences();

    void serverNotRunning();
    void missingDatabase();
    void unknownRole();
    void plainOpenNeverMakesALibrary();
    void foreignTablesRefused();
    void newerLibraryRefused();
    void readOnlyAccessNeverWrites();
    void copyToServerAndBack();
    void copyIntoALibraryWithStoriesRefused();
    void commandLineInitAndCopy();

private:
    /// A library on the test server with stories of every kind: pictures, several revisions and a
    /// status change, one in the Trash, an ignored finding and a house word.
    void fill(StoryLibrary &library);
};

void TestServerLibrary::addresses_data() {
    QTest::addColumn<QString>("uri");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("database");
    QTest::addColumn<QString>("options");
    QTest::newRow("user, host, database") << u"postgresql://ana@db.example/newsroom"_qs << u"ana"_qs
                                          << u"db.example"_qs << -1 << u"newsroom"_qs << QString();
    QTest::newRow("port") << u"postgresql://ana@db.example:5433/newsroom"_qs << u"ana"_qs << u"db.example"_qs
                          << 5433 << u"newsroom"_qs << QString();
    QTest::newRow("socket folder") << u"postgresql://ana@/newsroom?host=/run/postgresql"_qs << u"ana"_qs
                                   << u"/run/postgresql"_qs << -1 << u"newsroom"_qs << QString();
    QTest::newRow("encoded socket folder") << u"postgres:///news%20desk?host=%2Ftmp%2Fpg"_qs << QString()
                                           << u"/tmp/pg"_qs << -1 << u"news desk"_qs << QString();
    QTest::newRow("IPv6 and sslmode") << u"postgresql://ana@[::1]:6000/newsroom?sslmode=require"_qs << u"ana"_qs
                                      << u"::1"_qs << 6000 << u"newsroom"_qs << u"sslmode=require"_qs;
}

void TestServerLibrary::addresses() {
    QFETCH(QString, uri);
    QString error;
    const std::optional<ServerAddress> address = ServerAddress::parse(uri, &error);
    QVERIFY2(address, qPrintable(error));
    QTEST(address->user, "user");
    QTEST(address->host, "host");
    QTEST(address->port, "port");
    QTEST(address->database, "database");
    QTEST(address->connectOptions, "options");
    QCOMPARE(address->shown, uri);
    QVERIFY(isServerLocation(uri));
}

void TestServerLibrary::refusedAddresses_data() {
    QTest::addColumn<QString>("uri");
    QTest::addColumn<QString>("sentence");
    const QString password = u"it holds a password. Give the address without it and put the password in ~/.pgpass "
                             u"(or the PGPASSWORD environment variable), so it is never stored in Galley's settings."_qs;
    QTest::newRow("password in the user part") << u"postgresql://ana:secret@db.example/newsroom"_qs << password;
    QTest::newRow("password parameter") << u"postgresql://ana@db.example/newsroom?password=secret"_qs << password;
    QTest::newRow("no database") << u"postgresql://ana@db.example"_qs
                                 << u"it names no database; add one after the host, as in "
                                    u"postgresql://ana@db.example/newsroom."_qs;
    QTest::newRow("bad port") << u"postgresql://ana@db.example:99999/newsroom"_qs
                              << u"“99999” is not a port number."_qs;
    QTest::newRow("unknown parameter") << u"postgresql://ana@db.example/newsroom?target_session_attrs=any"_qs
                                       << u"Galley does not know the parameter “target_session_attrs” (it knows host, "
                                          u"port, user, dbname, sslmode, connect_timeout, application_name and "
                                          u"options)."_qs;
    QTest::newRow("smuggled keyword") << u"postgresql://ana@db.example/newsroom?sslmode=disable%20password%3Dx"_qs
                                      << u"the value of “sslmode” must be one word."_qs;
}

void TestServerLibrary::refusedAddresses() {
    QFETCH(QString, uri);
    QFETCH(QString, sentence);
    QString error;
    QVERIFY(!ServerAddress::parse(uri, &error));
    QCOMPARE(error, u"“%1” is not a library address Galley can use: %2"_qs.arg(uri, sentence));
    StoryLibrary library;
    QVERIFY(!library.open(uri, &error));
    QCOMPARE(error, u"“%1” is not a library address Galley can use: %2"_qs.arg(uri, sentence));
    QVERIFY(!library.isOpen());
}

void TestServerLibrary::serverSentences_data() {
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("sentence");
    const QString at = u"postgresql://ana@db.example/newsroom"_qs;
    QTest::newRow("refused") << QString()
                             << u"connection to server at \"db.example\" (192.0.2.1), port 5432 failed: Connection "
                                u"refused\n\tIs the server running on that host and accepting TCP/IP connections?"_qs
                             << u"Galley could not reach the server of the library “%1”: it is not running, or the "
                                u"address is wrong; check the address and that the server is up."_qs.arg(at);
    QTest::newRow("no socket") << QString()
                               << u"connection to server on socket \"/tmp/x/.s.PGSQL.5432\" failed: No such file or "
                                  u"directory"_qs
                               << u"Galley could not reach the server of the library “%1”: it is not running, or the "
                                  u"address is wrong; check the address and that the server is up."_qs.arg(at);
    QTest::newRow("missing database")
        << QString() << u"connection to server on socket \"/tmp/x/.s.PGSQL.5432\" failed: FATAL:  database \"newsroom\" does not exist"_qs
        << u"The server has no database for the library “%1”; ask whoever runs the server to create it with “galley "
           u"admin init %1”."_qs.arg(at);
    const QString login = u"The server refused to let you into the library “%1”: check the user name in the address "
                          u"and your password in ~/.pgpass (or PGPASSWORD)."_qs.arg(at);
    QTest::newRow("wrong password") << QString()
                                    << u"FATAL:  password authentication failed for user \"ana\""_qs << login;
    QTest::newRow("no password") << QString() << u"fe_sendauth: no password supplied"_qs << login;
    QTest::newRow("unknown role") << QString() << u"FATAL:  role \"ana\" does not exist"_qs << login;
    QTest::newRow("lock timeout") << u"55P03"_qs << u"ERROR:  canceling statement due to lock timeout"_qs
                                  << u"The library “%1” is busy with another desk's save; try again."_qs.arg(at);
    QTest::newRow("disk full") << u"53100"_qs << u"ERROR:  could not extend file"_qs
                               << u"The disk of the server holding the library “%1” is full, so nothing was saved; "
                                  u"tell whoever runs the server."_qs.arg(at);
    QTest::newRow("read-only") << u"25006"_qs << u"ERROR:  cannot execute UPDATE in a read-only transaction"_qs
                               << u"The library “%1” was opened only to read, so Galley cannot save to it."_qs.arg(at);
    QTest::newRow("privilege") << u"42501"_qs << u"ERROR:  permission denied for table stories"_qs
                               << u"Your login on the server has no newsroom role in the library “%1”, or one that "
                                  u"may not do that; ask whoever runs the server to grant you one (galley admin "
                                  u"grant USER reporter)."_qs.arg(at);
    QTest::newRow("role refusal")
        << u"42501"_qs
        << u"ERROR:  galley-refused|ready|ana|reporter|\nCONTEXT:  PL/pgSQL function galley_refuse(text)"_qs
        << u"Only editors can move a story to Ready; you are signed in to the newsroom as ana (reporter)."_qs;
    QTest::newRow("role refusal, two roles")
        << u"42501"_qs << u"ERROR:  galley-refused|delete|ana|reporter,editor|"_qs
        << u"Only producers can delete a story; you are signed in to the newsroom as ana (reporter and editor)."_qs;
    QTest::newRow("connection lost") << u"57P01"_qs
                                     << u"FATAL:  terminating connection due to administrator command"_qs
                                     << u"Galley lost its connection to the server of the library “%1”, so nothing "
                                        u"was saved; check the network and try again."_qs.arg(at);
    QTest::newRow("other") << u"42P01"_qs << u"ERROR:  relation \"x\" does not exist\nLINE 1: SELECT"_qs
                           << u"The library “%1” could not be used: ERROR: relation \"x\" does not exist LINE 1: "
                              u"SELECT."_qs.arg(at);
}

void TestServerLibrary::serverSentences() {
    QFETCH(QString, code);
    QFETCH(QString, message);
    QFETCH(QString, sentence);
    const QSqlError error(u"Unable to connect"_qs, message, QSqlError::ConnectionError, code);
    QCOMPARE(describeServerError(error, u"postgresql://ana@db.example/newsroom"_qs), sentence);
}

void TestServerLibrary::serverNotRunning() {
    REQUIRE_SERVER();
    QTemporaryDir empty;
    const QString address = u"postgresql://galley@/postgres?host=%1"_qs.arg(empty.path());
    StoryLibrary library;
    QString error;
    QVERIFY(!library.open(address, &error));
    QCOMPARE(error, u"Galley could not reach the server of the library “%1”: it is not running, or the address is "
                    u"wrong; check the address and that the server is up."_qs.arg(address));
}

void TestServerLibrary::missingDatabase() {
    REQUIRE_SERVER();
    const QString address = testbackend::serverAddress(u"no_such_newsroom"_qs);
    StoryLibrary library;
    QString error;
    QVERIFY(!library.open(address, &error));
    QCOMPARE(error, u"The server has no database for the library “%1”; ask whoever runs the server to create it "
                    u"with “galley admin init %1”."_qs.arg(address));
}

void TestServerLibrary::unknownRole() {
    REQUIRE_SERVER();
    const QString address = u"postgresql://no_such_reporter@/postgres?host=%1"_qs.arg(socketFolder());
    StoryLibrary library;
    QString error;
    QVERIFY(!library.open(address, &error));
    QCOMPARE(error, u"The server refused to let you into the library “%1”: check the user name in the address and "
                    u"your password in ~/.pgpass (or PGPASSWORD)."_qs.arg(address));
}

void TestServerLibrary::plainOpenNeverMakesALibrary() {
    REQUIRE_SERVER();
    const QString address = testbackend::serverAddress(freshDatabaseName(u"plain"_qs));
    QString error;
    bool created = false;
    QVERIFY2(StoryLibrary::createServerDatabase(address, &error, &created), qPrintable(error));
    QVERIFY(created);
    QVERIFY2(StoryLibrary::createServerDatabase(address, &error, &created), qPrintable(error));
    QVERIFY(!created); // there already

    for (const StoryLibrary::Access access : {StoryLibrary::Access::ReadWrite, StoryLibrary::Access::ReadOnly}) {
        StoryLibrary library;
        QVERIFY(!library.open(address, &error, access));
        QCOMPARE(error, uninitializedServerMessage(address));
    }
    StoryLibrary library;
    QVERIFY2(library.open(address, &error, StoryLibrary::Access::Initialize), qPrintable(error));
    QCOMPARE(library.schemaVersion(), StoryLibrary::currentSchemaVersion());
    QCOMPARE(library.count(), 0);
    library.close();
    QVERIFY2(library.open(address, &error), qPrintable(error));
    QCOMPARE(library.schemaVersion(), StoryLibrary::currentSchemaVersion());
}

void TestServerLibrary::foreignTablesRefused() {
    REQUIRE_SERVER();
    const QString database = freshDatabaseName(u"foreign"_qs);
    const QString address = testbackend::serverAddress(database);
    QString error;
    QVERIFY2(StoryLibrary::createServerDatabase(address, &error), qPrintable(error));
    QVERIFY(runOnServer(database, u"CREATE TABLE recipes (name TEXT)"_qs));
    StoryLibrary library;
    QVERIFY(!library.open(address, &error, StoryLibrary::Access::Initialize));
    QCOMPARE(error, u"The database “%1” holds tables of another program, not a Galley library; Galley has not "
                    u"changed it."_qs.arg(address));
    QVERIFY(runOnServer(database, u"SELECT name FROM recipes"_qs));
    QVERIFY(!runOnServer(database, u"SELECT 1 FROM stories"_qs));
}

void TestServerLibrary::newerLibraryRefused() {
    REQUIRE_SERVER();
    const QString database = freshDatabaseName(u"newer"_qs);
    const QString address = testbackend::serverAddress(database);
    QString error;
    QVERIFY2(StoryLibrary::createServerDatabase(address, &error), qPrintable(error));
    {
        StoryLibrary library;
        QVERIFY2(library.open(address, &error, StoryLibrary::Access::Initialize), qPrintable(error));
    }
    const int newer = StoryLibrary::currentSchemaVersion() + 1;
    QVERIFY(runOnServer(database, u"UPDATE galley_schema SET version = %1"_qs.arg(newer)));
    StoryLibrary library;
    QVERIFY(!library.open(address, &error));
    QCOMPARE(error, newerLibraryMessage(address, newer, StoryLibrary::currentSchemaVersion()));
}

void TestServerLibrary::readOnlyAccessNeverWrites() {
    REQUIRE_SERVER();
    QTemporaryDir dir;
    const QString address = testbackend::newLibrary(dir);
    QString error;
    Story story = testdata::fullStory(u"Island ferry returns"_qs);
    {
        StoryLibrary writer;
        QVERIFY2(writer.open(address, &error), qPrintable(error));
        QVERIFY2(writer.save(story, &error), qPrintable(error));
    }
    StoryLibrary reader;
    QVERIFY2(reader.open(address, &error, StoryLibrary::Access::ReadOnly), qPrintable(error));
    QCOMPARE(reader.count(), 1);
    QCOMPARE(reader.list({u"ferry"_qs}).size(), 1);
    Story edited = story;
    edited.headline = u"Zeppelin lands"_qs;
    QVERIFY(!reader.save(edited, &error));
    QCOMPARE(error, u"The library “%1” was opened only to read, so Galley cannot save to it."_qs.arg(address));
    QVERIFY(*reader.load(story.id, &error) == story);
}

void TestServerLibrary::fill(StoryLibrary &library) {
    QString error;
    Story full = testdata::fullStory(u"Island ferry returns to two sailings a day"_qs);
    QVERIFY2(library.save(full, &error), qPrintable(error));
    full.status = StoryStatus::Ready;
    full.body.append(Block::make(BlockKind::Paragraph, u"A second paragraph, added at the copy desk."_qs));
    QVERIFY2(library.save(full, &error), qPrintable(error));
    SaveOptions autosave;
    autosave.kind = RevisionKind::Autosave;
    autosave.session = u"session-a"_qs;
    full.deck = u"Typed, then autosaved twice"_qs;
    QVERIFY2(library.save(full, autosave, &error), qPrintable(error));
    full.deck = u"Typed, then autosaved twice more"_qs;
    QVERIFY2(library.save(full, autosave, &error), qPrintable(error));
    QVERIFY2(library.setFindingIgnored(full.id, u"spelling:Wenlow"_qs, true, &error), qPrintable(error));

    Story gone = testdata::shortStory(u"Rowers win title"_qs, u"A third of a length"_qs, u"The crew held on."_qs);
    QVERIFY2(library.save(gone, &error), qPrintable(error));
    QVERIFY2(library.moveToTrash(gone.id, &error), qPrintable(error));
    Story cafe = testdata::shortStory(u"Library opens late"_qs, u"Reading room until midnight"_qs,
                                      u"Volunteers run the café."_qs, u"Arts"_qs);
    QVERIFY2(library.save(cafe, &error), qPrintable(error));
    QVERIFY2(library.addHouseWord(u"Wenlow"_qs, &error), qPrintable(error));
}

void TestServerLibrary::copyToServerAndBack() {
    REQUIRE_SERVER();
    QTemporaryDir dir;
    QString error;
    StoryLibrary file;
    QVERIFY2(file.open(dir.filePath(u"desk.sqlite"_qs), &error), qPrintable(error));
    fill(file);
    if (QTest::currentTestFailed())
        return;
    const QStringList ids = file.allStoryIds(&error);
    QCOMPARE(ids.size(), 3);

    const QString address = testbackend::serverAddress(freshDatabaseName(u"copy"_qs));
    QVERIFY2(StoryLibrary::createServerDatabase(address, &error), qPrintable(error));
    StoryLibrary server;
    QVERIFY2(server.open(address, &error, StoryLibrary::Access::Initialize), qPrintable(error));
    LibraryCopySummary summary;
    QVERIFY2(file.copyTo(server, &summary, &error), qPrintable(error));
    QCOMPARE(summary.stories, 3);
    QCOMPARE(summary.revisions, 5); // two saves and an autosave session folded into one, and one each for the others
    QCOMPARE(summary.pictures, 2);
    QCOMPARE(summary.houseWords, 1);

    QCOMPARE(server.allStoryIds(&error), ids);
    for (const QString &id : ids) {
        const QString sum = file.storyChecksum(id, &error);
        QCOMPARE(sum.size(), 64);
        QCOMPARE(server.storyChecksum(id, &error), sum);
    }
    // Everything the library does works on the copy: lists, search, Trash, history, dictionary.
    QCOMPARE(server.count(), 2);
    QCOMPARE(server.trashedStories(&error).size(), 1);
    QCOMPARE(server.list({u"cafe"_qs}).size(), 1);
    QCOMPARE(server.list({u"ferry sailings"_qs}).size(), 1);
    QCOMPARE(server.houseWords(&error), QStringList{u"Wenlow"_qs});
    QCOMPARE(server.ignoredFindings(ids.constFirst(), &error), QStringList{u"spelling:Wenlow"_qs});
    const std::optional<Story> onServer = server.load(ids.constFirst(), &error);
    QVERIFY2(onServer, qPrintable(error));
    QVERIFY(*onServer == *file.load(ids.constFirst(), &error));
    const QList<RevisionInfo> history = server.revisions(ids.constFirst(), &error);
    QCOMPARE(history.size(), 3);
    QCOMPARE(history.constFirst().autosaves.size(), 1); // the second autosave, folded into the first's revision
    QCOMPARE(server.statusChanges(ids.constFirst(), &error).size(), 2);
    const std::optional<Story> first = server.loadRevision(ids.constFirst(), 1, &error, true);
    QVERIFY2(first, qPrintable(error));
    QCOMPARE(first->images.at(0).data, testdata::pictureBytes('a'));

    // And back to a new file, equal again.
    StoryLibrary back;
    QVERIFY2(back.open(dir.filePath(u"back.sqlite"_qs), &error), qPrintable(error));
    QVERIFY2(server.copyTo(back, &summary, &error), qPrintable(error));
    QCOMPARE(summary.stories, 3);
    for (const QString &id : ids)
        QCOMPARE(back.storyChecksum(id, &error), file.storyChecksum(id, &error));
    QCOMPARE(back.list({u"cafe"_qs}).size(), 1);
}

void TestServerLibrary::copyIntoALibraryWithStoriesRefused() {
    REQUIRE_SERVER();
    QTemporaryDir dir;
    QString error;
    StoryLibrary file;
    QVERIFY2(file.open(dir.filePath(u"desk.sqlite"_qs), &error), qPrintable(error));
    Story story = testdata::shortStory(u"Harbour wall vote passes"_qs, {}, u"The council voted."_qs);
    QVERIFY2(file.save(story, &error), qPrintable(error));
    const QString address = testbackend::newLibrary(dir);
    StoryLibrary server;
    QVERIFY2(server.open(address, &error), qPrintable(error));
    Story there = testdata::shortStory(u"Rowers win title"_qs, {}, u"The crew held on."_qs);
    QVERIFY2(server.save(there, &error), qPrintable(error));
    QVERIFY(!file.copyTo(server, nullptr, &error));
    QCOMPARE(error, u"The library “%1” already holds stories or house words; copy into a new, empty library so "
                    u"nothing is mixed or overwritten."_qs.arg(address));
    QCOMPARE(server.allStoryIds(&error), QStringList{there.id});
    // Both libraries go on working after the refused copy.
    QVERIFY2(server.save(there, &error), qPrintable(error));
    QVERIFY2(file.save(story, &error), qPrintable(error));
}

void TestServerLibrary::commandLineInitAndCopy() {
    REQUIRE_SERVER();
    QTemporaryDir dir;
    const auto galley = [&](const QStringList &arguments, QString *out, QString *err) {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"HOME"_qs, dir.path());
        env.insert(u"XDG_DATA_HOME"_qs, dir.filePath(u"xdg-data"_qs));
        env.insert(u"XDG_CONFIG_HOME"_qs, dir.filePath(u"xdg-config"_qs));
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(GALLEY_BINARY), arguments);
        if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit)
            return -1;
        *out = QString::fromUtf8(process.readAllStandardOutput());
        *err = QString::fromUtf8(process.readAllStandardError());
        return process.exitCode();
    };
    const QString file = dir.filePath(u"desk.sqlite"_qs);
    QString error;
    QStringList ids;
    {
        StoryLibrary library;
        QVERIFY2(library.open(file, &error), qPrintable(error));
        fill(library);
        ids = library.allStoryIds(&error);
    }
    const QString address = testbackend::serverAddress(freshDatabaseName(u"cli"_qs));
    QString out;
    QString err;
    QCOMPARE(galley({u"admin"_qs, u"init"_qs, address}, &out, &err), 0);
    const QString roles = u", with the roles galley_reporter, galley_editor and galley_producer; give each person one "
                          u"with “galley admin grant USER ROLE ADDRESS”.\n"_qs;
    QCOMPARE(out, u"Made the database and the Galley library %1 (library format %2)"_qs.arg(address).arg(
                      StoryLibrary::currentSchemaVersion()) + roles);
    QCOMPARE(galley({u"admin"_qs, u"init"_qs, address}, &out, &err), 0);
    QCOMPARE(out, u"The Galley library %1 is ready (library format %2)"_qs.arg(address).arg(
                      StoryLibrary::currentSchemaVersion()) + roles);

    QCOMPARE(galley({u"copy-library"_qs, u"--from"_qs, file, u"--to"_qs, address}, &out, &err), 0);
    QCOMPARE(out, u"Copied 3 stories (5 revisions, 2 pictures, 1 house dictionary words) from %1 to %2; the story "
                  u"counts and every story's checksum match.\n"_qs.arg(file, address));
    QCOMPARE(galley({u"list"_qs, u"--db"_qs, address}, &out, &err), 0);
    QCOMPARE(out.count(u'\n'), 2);
    QVERIFY(out.contains(u"island-ferry-returns-to-two-sailings-a-day\tReady\tIsland ferry returns to two sailings a day"_qs));

    // A second copy into the same, now full, library is refused and changes nothing.
    QCOMPARE(galley({u"copy-library"_qs, u"--from"_qs, file, u"--to"_qs, address}, &out, &err), 1);
    QCOMPARE(err, u"galley: The library “%1” already holds stories or house words; copy into a new, empty library "
                  u"so nothing is mixed or overwritten.\n"_qs.arg(address));

    const QString back = dir.filePath(u"back.sqlite"_qs);
    QCOMPARE(galley({u"copy-library"_qs, u"--from"_qs, address, u"--to"_qs, back}, &out, &err), 0);
    StoryLibrary original;
    StoryLibrary copy;
    QVERIFY2(original.open(file, &error), qPrintable(error));
    QVERIFY2(copy.open(back, &error), qPrintable(error));
    for (const QString &id : ids)
        QCOMPARE(copy.storyChecksum(id, &error), original.storyChecksum(id, &error));
    // Back onto an existing file: refused before anything is opened.
    QCOMPARE(galley({u"copy-library"_qs, u"--from"_qs, address, u"--to"_qs, back}, &out, &err), 1);
    QCOMPARE(err, u"galley: %1 already exists; copy to a new file so nothing is overwritten.\n"_qs.arg(back));
}

QTEST_GUILESS_MAIN(TestServerLibrary)
#include "tst_serverlibrary.moc"
