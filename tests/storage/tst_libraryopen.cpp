// Opening the story library: files it must refuse untouched (newer, not a database, another
// program's, a folder, read-only, in a missing folder), a second Galley creating the file, calls
// without an open library, and the sentences it says for SQLite's errors.

#include "storage/libraryerrors.h"
#include "storage/storylibrary.h"
#include "storytestdata.h"

#include <QDir>
#include <QElapsedTimer>
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

QByteArray fileBytes(const QString &path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestLibraryOpen final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void openWhileAnotherWindowWritesFails();
    void readOnlyFileRefused();
    void missingFolderRefused();
    void newerLibraryRefusedUntouched();
    void notADatabaseRefusedUntouched();
    void foreignDatabaseRefusedUntouched();
    void folderRefused();
    void callsWithoutOpenLibrary();
    void emptyFileRefusedUntouched();
    void readOnlyAccessReadsAndNeverWrites();
    void readOnlyAccessNeedsALibrary();
    void sentences_data();
    void sentences();
    void diskErrorOnAFullDisk();
    void extendedCodesReduced();

private:
    QString libraryPath() const { return m_dir->filePath(u"library.sqlite"_qs); }

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestLibraryOpen::init() {
    QStandardPaths::setTestModeEnabled(true);
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestLibraryOpen::cleanup() {
    m_dir.reset();
}

void TestLibraryOpen::openWhileAnotherWindowWritesFails() {
    // Another Galley is creating the library (holds the write lock on a new file) as we open it.
    const QString lockName = u"creating-galley"_qs;
    {
        QSqlDatabase other = QSqlDatabase::addDatabase(u"QSQLITE"_qs, lockName);
        other.setDatabaseName(libraryPath());
        QVERIFY(other.open());
        QSqlQuery hold(other);
        QVERIFY(hold.exec(u"BEGIN IMMEDIATE"_qs));
        QVERIFY(hold.exec(u"CREATE TABLE half_made (x)"_qs));

        StoryLibrary library;
        QString error;
        QElapsedTimer timer;
        timer.start();
        QVERIFY(!library.open(libraryPath(), &error));
        QVERIFY(timer.elapsed() < 6000);
        QCOMPARE(error,
                 u"The library “%1” is in use by another Galley window; close it and try again."_qs.arg(
                     QDir::toNativeSeparators(libraryPath())));
        QVERIFY(!library.isOpen());
        QVERIFY(hold.exec(u"ROLLBACK"_qs));
        // The other one gave up: its empty file is not taken for a library, a new one is made.
        QVERIFY(!library.open(libraryPath(), &error));
        QCOMPARE(error, emptyFileMessage(libraryPath()));
        QVERIFY(QFile::remove(libraryPath()));
        QVERIFY2(library.open(libraryPath(), &error), qPrintable(error));
        QCOMPARE(library.schemaVersion(), StoryLibrary::currentSchemaVersion());
    }
    QSqlDatabase::removeDatabase(lockName);
}

void TestLibraryOpen::readOnlyFileRefused() {
    {
        StoryLibrary library;
        QString error;
        QVERIFY2(library.open(libraryPath(), &error), qPrintable(error));
    }
    QFile file(libraryPath());
    QVERIFY(file.setPermissions(QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther));
    if (QFileInfo(libraryPath()).isWritable())
        QSKIP("Running as root: the file stays writable whatever its permissions.");
    const QByteArray before = fileBytes(libraryPath());
    StoryLibrary library;
    QString error;
    QVERIFY(!library.open(libraryPath(), &error));
    QCOMPARE(error, readOnlyLibraryMessage(libraryPath()));
    QCOMPARE(fileBytes(libraryPath()), before);
}

void TestLibraryOpen::missingFolderRefused() {
    const QString path = m_dir->filePath(u"no-such-folder/library.sqlite"_qs);
    StoryLibrary library;
    QString error;
    QVERIFY(!library.open(path, &error));
    QCOMPARE(error,
             u"The library “%1” could not be opened; check that its folder exists and that you may write to "
             u"it."_qs.arg(QDir::toNativeSeparators(path)));
    QVERIFY(!QFile::exists(path));
}

void TestLibraryOpen::newerLibraryRefusedUntouched() {
    const QString connection = u"newer-galley"_qs;
    const int newer = StoryLibrary::currentSchemaVersion() + 2;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_qs, connection);
        db.setDatabaseName(libraryPath());
        QVERIFY(db.open());
        QSqlQuery query(db);
        QVERIFY(query.exec(u"CREATE TABLE stories_newer (id TEXT PRIMARY KEY)"_qs));
        QVERIFY(query.exec(u"PRAGMA user_version = %1"_qs.arg(newer)));
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);
    const QByteArray before = fileBytes(libraryPath());
    QVERIFY(!before.isEmpty());

    StoryLibrary library;
    QString error;
    QVERIFY(!library.open(libraryPath(), &error));
    QCOMPARE(error, newerLibraryMessage(libraryPath(), newer, StoryLibrary::currentSchemaVersion()));
    QCOMPARE(error,
             u"The library “%1” was written by a newer version of Galley (library format %2; this Galley "
             u"reads up to %3). Update Galley to open it; the file has not been changed."_qs.arg(
                 QDir::toNativeSeparators(libraryPath()))
                 .arg(newer)
                 .arg(StoryLibrary::currentSchemaVersion()));
    QVERIFY(!library.isOpen());
    QCOMPARE(library.schemaVersion(), 0);
    QCOMPARE(fileBytes(libraryPath()), before);
    QVERIFY(!QFile::exists(libraryPath() + u"-wal"_qs));
}

void TestLibraryOpen::notADatabaseRefusedUntouched() {
    QByteArray text;
    for (int i = 0; i < 100; ++i)
        text += "Shopping list: eggs, flour, sugar, a new sea wall.\n";
    QFile file(libraryPath());
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(text);
    file.close();

    StoryLibrary library;
    QString error;
    QVERIFY(!library.open(libraryPath(), &error));
    QCOMPARE(error,
             u"The file “%1” is not a Galley library, or it is damaged; Galley has not changed it."_qs.arg(
                 QDir::toNativeSeparators(libraryPath())));
    QVERIFY(!library.isOpen());
    QCOMPARE(fileBytes(libraryPath()), text);
}

void TestLibraryOpen::foreignDatabaseRefusedUntouched() {
    const QString connection = u"other-program"_qs;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_qs, connection);
        db.setDatabaseName(libraryPath());
        QVERIFY(db.open());
        QVERIFY(QSqlQuery(db).exec(u"CREATE TABLE recipes (name TEXT)"_qs));
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);
    const QByteArray before = fileBytes(libraryPath());

    StoryLibrary library;
    QString error;
    QVERIFY(!library.open(libraryPath(), &error));
    QCOMPARE(error, u"The file “%1” is a database of another program, not a Galley library; Galley has not "
                    u"changed it."_qs.arg(QDir::toNativeSeparators(libraryPath())));
    QCOMPARE(fileBytes(libraryPath()), before);
}

void TestLibraryOpen::folderRefused() {
    StoryLibrary library;
    QString error;
    QVERIFY(!library.open(m_dir->path(), &error));
    QCOMPARE(error,
             u"“%1” is a folder, not a Galley library."_qs.arg(QDir::toNativeSeparators(m_dir->path())));
    QVERIFY(!library.open(QString(), &error));
    QCOMPARE(error, u"No library file was given."_qs);
}

void TestLibraryOpen::callsWithoutOpenLibrary() {
    StoryLibrary library;
    QString error;
    Story story = testdata::shortStory(u"Orphan"_qs, {}, u"Nowhere to go."_qs);
    QVERIFY(!library.save(story, &error));
    QCOMPARE(error, u"No story library is open."_qs);
    error.clear();
    QVERIFY(!library.remove(story.id, &error));
    QCOMPARE(error, u"No story library is open."_qs);
    error.clear();
    QCOMPARE(library.list({}, &error).size(), 0);
    QCOMPARE(error, u"No story library is open."_qs);
    QCOMPARE(library.count(), 0);
}

void TestLibraryOpen::emptyFileRefusedUntouched() {
    // SQLite would take an empty file for an empty database: only a new path becomes a library.
    QFile file(libraryPath());
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    for (const auto access : {StoryLibrary::Access::ReadWrite, StoryLibrary::Access::ReadOnly}) {
        StoryLibrary library;
        QString error;
        QVERIFY(!library.open(libraryPath(), &error, access));
        QCOMPARE(error, u"The file “%1” is empty, not a Galley library; Galley has not changed it. Name a new "
                        u"file to start a library there."_qs.arg(QDir::toNativeSeparators(libraryPath())));
        QCOMPARE(QFileInfo(libraryPath()).size(), 0);
    }
}

void TestLibraryOpen::readOnlyAccessReadsAndNeverWrites() {
    Story story = Story::create();
    story.headline = u"Ferry fares frozen"_qs;
    {
        StoryLibrary library;
        QString error;
        QVERIFY2(library.open(libraryPath(), &error), qPrintable(error));
        QVERIFY2(library.save(story, &error), qPrintable(error));
    }
    const QByteArray before = fileBytes(libraryPath());
    StoryLibrary library;
    QString error;
    QVERIFY2(library.open(libraryPath(), &error, StoryLibrary::Access::ReadOnly), qPrintable(error));
    const QList<StorySummary> stories = library.list({}, &error);
    QCOMPARE(stories.size(), 1);
    QCOMPARE(stories.at(0).headline, u"Ferry fares frozen"_qs);
    story.headline = u"Ferry fares rise"_qs;
    QVERIFY(!library.save(story, &error));
    QCOMPARE(error, readOnlyLibraryMessage(libraryPath()));
    library.close();
    QCOMPARE(fileBytes(libraryPath()), before);
}

void TestLibraryOpen::readOnlyAccessNeedsALibrary() {
    StoryLibrary library;
    QString error;
    QVERIFY(!library.open(libraryPath(), &error, StoryLibrary::Access::ReadOnly));
    QCOMPARE(error, u"There is no story library at %1."_qs.arg(QDir::toNativeSeparators(libraryPath())));
    QVERIFY(!QFile::exists(libraryPath()));
}

void TestLibraryOpen::sentences_data() {
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("detail");
    QTest::addColumn<QString>("sentence");
    const QString path = u"/news/library.sqlite"_qs;
    QTest::newRow("busy")
        << 5 << QString()
        << u"The library “/news/library.sqlite” is in use by another Galley window; close it and "
           u"try again."_qs;
    QTest::newRow("locked")
        << 6 << QString()
        << u"The library “/news/library.sqlite” is in use by another Galley window; close it and "
           u"try again."_qs;
    QTest::newRow("full")
        << 13 << QString()
        << u"The disk holding the library “/news/library.sqlite” is full, so nothing was saved; "
           u"free some space and try again."_qs;
    QTest::newRow("read-only")
        << 8 << QString()
        << u"The library “/news/library.sqlite” is read-only, so Galley cannot save to it; "
           u"check the file's permissions or copy it to a folder you can write to."_qs;
    QTest::newRow("not a database")
        << 26 << QString()
        << u"The file “/news/library.sqlite” is not a Galley library, or it is damaged; "
           u"Galley has not changed it."_qs;
    QTest::newRow("corrupt") << 11 << QString()
                             << u"The file “/news/library.sqlite” is not a Galley library, or it is damaged; "
                                u"Galley has not changed it."_qs;
    QTest::newRow("cannot open")
        << 14 << QString()
        << u"The library “/news/library.sqlite” could not be opened; check that its folder "
           u"exists and that you may write to it."_qs;
    QTest::newRow("disk error")
        << 10 << QString()
        << u"Galley could not read or write the library “/news/library.sqlite” because of a "
           u"disk error; nothing was saved."_qs;
    // On a full disk, opening a library whose shared-memory file does not exist yet fails with
    // SQLITE_IOERR_SHMSIZE, and a plain disk error where nothing is left is a full disk too.
    QTest::newRow("shared memory on a full disk")
        << 4874 << QString()
        << u"The disk holding the library “/news/library.sqlite” is full, so nothing was saved; "
           u"free some space and try again."_qs;
    QTest::newRow("other with detail")
        << 1 << u"no such table: x "_qs
        << u"The library “/news/library.sqlite” could not be used: no such table: x."_qs;
    QTest::newRow("other without detail")
        << -1 << QString() << u"The library “/news/library.sqlite” could not be used."_qs;
}

void TestLibraryOpen::sentences() {
    QFETCH(int, code);
    QFETCH(QString, detail);
    QFETCH(QString, sentence);
    QCOMPARE(describeLibraryError(code, u"/news/library.sqlite"_qs, detail), sentence);
}

void TestLibraryOpen::diskErrorOnAFullDisk() {
    const QString full = u"The disk holding the library “x” is full, so nothing was saved; free some space and "
                         u"try again."_qs;
    QCOMPARE(describeLibraryError(10, u"x"_qs, QString(), 4096), full);
    QCOMPARE(describeLibraryError(778, u"x"_qs, QString(), 0), full); // SQLITE_IOERR_WRITE
    QCOMPARE(describeLibraryError(10, u"x"_qs, QString(), qint64(20) << 30),
             u"Galley could not read or write the library “x” because of a disk error; nothing was saved."_qs);
    QCOMPARE(describeLibraryError(10, u"x"_qs, QString(), -1),
             u"Galley could not read or write the library “x” because of a disk error; nothing was saved."_qs);
    QCOMPARE(describeLibraryError(QSqlError(u"d"_qs, u"disk I/O error"_qs, QSqlError::ConnectionError, u"4874"_qs),
                                  u"x"_qs),
             full);
}

void TestLibraryOpen::extendedCodesReduced() {
    // SQLITE_BUSY_SNAPSHOT (517) and SQLITE_READONLY_DBMOVED (1032) are busy and read-only.
    QCOMPARE(sqliteCode(QSqlError(u"driver"_qs, u"database"_qs, QSqlError::StatementError, u"517"_qs)), 5);
    QCOMPARE(sqliteCode(QSqlError(u"driver"_qs, u"database"_qs, QSqlError::StatementError, u"1032"_qs)), 8);
    QCOMPARE(sqliteCode(QSqlError(u"driver"_qs, u"database"_qs, QSqlError::StatementError, QString())), -1);
    QCOMPARE(
        describeLibraryError(QSqlError(u"d"_qs, u"full"_qs, QSqlError::StatementError, u"13"_qs), u"x"_qs),
        describeLibraryError(13, u"x"_qs, QString()));
}

QTEST_GUILESS_MAIN(TestLibraryOpen)
#include "tst_libraryopen.moc"
