// The journal file (format, checksum, pictures), its atomic write, the worker that writes it and
// the keeper that decides when.

#include "recovery/durablefile.h"
#include "recovery/journalformat.h"
#include "recovery/journalkeeper.h"
#include "recovery/journalwriter.h"
#include "recovery/recoverystore.h"
#include "recoverytestdata.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace galley;
using namespace galley::recoverytest;

namespace {

QByteArray readAll(const QString &path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

StoryImage picture(char seed) {
    return StoryImage{newId(),       QByteArray(500, seed), u"image/png"_qs, u"p.png"_qs,
                      u"Caption"_qs, u"Credit"_qs,          u"Alt"_qs,       Placement::lead()};
}

} // namespace

class TestJournal final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
    }

    void roundTrip() {
        const Story saved = savedStory();
        const Story typed = typedStory(saved);
        const RecoveryJournal journal = journalOf(typed, saved, u"/srv/desk/library.sqlite"_qs,
                                                  QDateTime(QDate(2026, 3, 4), QTime(5, 6, 7, 89), Qt::UTC));
        const QByteArray bytes = encodeJournal(journal, saved);
        QVERIFY(bytes.startsWith("GALLEY-RECOVERY 1\n"));
        const JournalReadResult read = decodeJournal(bytes);
        QCOMPARE(read.status, JournalReadResult::Status::Ok);
        QCOMPARE(read.problem, QString());
        QCOMPARE(read.journal.libraryPath, u"/srv/desk/library.sqlite"_qs);
        QCOMPARE(read.journal.storyId, typed.id);
        QCOMPARE(read.journal.session, journal.session);
        QCOMPARE(read.journal.written, journal.written);
        QCOMPARE(read.journal.savedAt, saved.updated);
        QCOMPARE(read.journal.story, typed);
    }

    void picturesOnlyWhenNotSaved() {
        Story saved = savedStory();
        saved.images = {picture('a')};
        Story typed = typedStory(saved);
        typed.images.append(picture('b'));
        const RecoveryJournal journal =
            journalOf(typed, saved, u"/lib.sqlite"_qs, QDateTime::currentDateTimeUtc());
        const QByteArray bytes = encodeJournal(journal, saved);
        // Base64 of 500 'b's is in the file, of 500 'a's is not.
        QVERIFY(bytes.contains(QByteArray(500, 'b').toBase64()));
        QVERIFY(!bytes.contains(QByteArray(500, 'a').toBase64()));
        const JournalReadResult read = decodeJournal(bytes);
        QCOMPARE(read.journal.story.images.at(0).data, QByteArray());
        QCOMPARE(read.journal.story.images.at(1).data, QByteArray(500, 'b'));
        // Back with the library's bytes; a picture the library lost stays a placeholder.
        QCOMPARE(resolvedStory(read.journal, &saved), typed);
        const Story orphan = resolvedStory(read.journal, nullptr);
        QVERIFY(orphan.images.at(0).isMissing());
        QCOMPARE(orphan.images.at(1).data, QByteArray(500, 'b'));
    }

    void importedOriginalOnlyWhenNotSaved() {
        Story saved = savedStory();
        saved.originalSource = "<nitf/>";
        saved.originalFormat = u"application/nitf+xml"_qs;
        const RecoveryJournal journal =
            journalOf(typedStory(saved), saved, u"/lib.sqlite"_qs, QDateTime::currentDateTimeUtc());
        const QByteArray bytes = encodeJournal(journal, saved);
        QVERIFY(!bytes.contains("originalSource"));
        const JournalReadResult read = decodeJournal(bytes);
        QCOMPARE(resolvedStory(read.journal, &saved).originalSource, QByteArray("<nitf/>"));
        QCOMPARE(decodeJournal(encodeJournal(journal, Story())).journal.story.originalSource,
                 QByteArray("<nitf/>"));
    }

    void refusals_data() {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("problem");
        const Story saved = savedStory();
        const QByteArray good = encodeJournal(
            journalOf(typedStory(saved), saved, u"/lib.sqlite"_qs, QDateTime::currentDateTimeUtc()), saved);
        const qsizetype payload = good.size() - good.indexOf('\n', good.indexOf('\n') + 1) - 1;
        using S = JournalReadResult::Status;
        QTest::newRow("empty") << QByteArray() << int(S::Truncated)
                               << u"The file is cut off before its first line ends."_qs;
        QTest::newRow("not a journal") << QByteArray("PK\x03\x04 zip file") << int(S::Damaged)
                                       << u"The file is not a Galley recovery file."_qs;
        QTest::newRow("cut in header")
            << good.left(30) << int(S::Truncated) << u"The file is cut off in its header."_qs;
        QTest::newRow("cut in payload")
            << good.left(good.size() - 100) << int(S::Truncated)
            << u"The file is cut off: it holds %1 of its %2 bytes."_qs.arg(payload - 100).arg(payload);
        QByteArray flipped = good;
        flipped[flipped.size() - 40] = flipped.at(flipped.size() - 40) == 'x' ? 'y' : 'x';
        QTest::newRow("one byte changed")
            << flipped << int(S::Damaged) << u"The file's contents do not match its checksum."_qs;
        QTest::newRow("bytes after the end")
            << good + "junk" << int(S::Damaged) << u"The file's contents do not match its checksum."_qs;
        QByteArray newer = good;
        newer.replace("GALLEY-RECOVERY 1\n", "GALLEY-RECOVERY 2\n");
        QTest::newRow("newer format") << newer << int(S::Damaged)
                                      << u"The file was written by a newer version of Galley (format 2)."_qs;
        const QByteArray json = "{\"storyId\":\"\"}";
        const QByteArray noStory = "GALLEY-RECOVERY 1\n" + QByteArray::number(json.size()) + ' ' +
                                   QCryptographicHash::hash(json, QCryptographicHash::Sha256).toHex() + '\n' +
                                   json;
        QTest::newRow("no story") << noStory << int(S::Damaged)
                                  << u"The file does not say which story it belongs to."_qs;
    }

    void refusals() {
        QFETCH(QByteArray, bytes);
        QFETCH(int, status);
        QFETCH(QString, problem);
        const JournalReadResult read = decodeJournal(bytes);
        QCOMPARE(int(read.status), status);
        QCOMPARE(read.problem, problem);
    }

    void durableWriteReplacesWhole() {
        const QString path = m_dir.filePath(u"durable.bin"_qs);
        QString error;
        QVERIFY2(writeFileDurably(path, "first version", &error), qPrintable(error));
        QVERIFY2(writeFileDurably(path, "second", &error), qPrintable(error));
        QCOMPARE(readAll(path), QByteArray("second"));
        // No temporary file is left beside it.
        QCOMPARE(QDir(m_dir.path()).entryList({u"durable*"_qs}, QDir::Files), QStringList{u"durable.bin"_qs});
        QVERIFY(!writeFileDurably(m_dir.filePath(u"no/such/folder/x"_qs), "x", &error));
        QVERIFY2(error.startsWith(u"Could not write "_qs), qPrintable(error));
        QVERIFY(syncFolder(m_dir.path()));
    }

    void storeNamesFiles() {
        const RecoveryStore store(m_dir.filePath(u"names"_qs));
        const QString a = store.journalPath(u"/lib/one.sqlite"_qs, u"story-1"_qs, u"12345678-aaaa"_qs);
        QCOMPARE(QFileInfo(a).fileName().size(), 16 + 1 + 8 + 8);
        QVERIFY(a.endsWith(u"-12345678.journal"_qs));
        QCOMPARE(a, store.journalPath(u"/lib/one.sqlite"_qs, u"story-1"_qs, u"12345678-bbbb"_qs));
        QVERIFY(a != store.journalPath(u"/lib/two.sqlite"_qs, u"story-1"_qs, u"12345678-aaaa"_qs));
        QVERIFY(a != store.journalPath(u"/lib/one.sqlite"_qs, u"story-2"_qs, u"12345678-aaaa"_qs));
        QCOMPARE(canonicalLibraryPath(m_dir.filePath(u"names/../names/./x.sqlite"_qs)),
                 QDir::cleanPath(m_dir.filePath(u"names/x.sqlite"_qs)));
        QCOMPARE(RecoveryStore().folder(),
                 QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) + u"/recovery"_qs);
    }

    void sessionsAliveUntilReleased() {
        const RecoveryStore store(m_dir.filePath(u"sessions"_qs));
        QString id;
        {
            RecoverySession session(store);
            id = session.id();
            QCOMPARE(id.size(), 36);
            QVERIFY(store.isSessionAlive(id));
            QVERIFY(QFile::exists(store.sessionLockPath(id)));
        }
        QVERIFY(!store.isSessionAlive(id));
        QVERIFY(!store.isSessionAlive(u"never-started"_qs));
        QVERIFY(!store.isSessionAlive(QString()));
    }

    void writerWritesInOrderAndCoalesces() {
        const QString path = m_dir.filePath(u"writer.journal"_qs);
        const Story saved = savedStory();
        int done = 0;
        {
            JournalWriter writer([&](const QString &, const QString &error) {
                QVERIFY(error.isEmpty());
                ++done;
            });
            Story story = saved;
            for (int i = 0; i < 200; ++i) {
                story.headline = u"Version %1"_qs.arg(i);
                writer.write(
                    path, journalOf(story, saved, u"/lib.sqlite"_qs, QDateTime::currentDateTimeUtc()), saved);
            }
            writer.waitUntilIdle();
            QCOMPARE(decodeJournal(readAll(path)).journal.story.headline, u"Version 199"_qs);
            QVERIFY2(done < 200, "waiting writes of one file were not folded into the newest");
            // A removal after a write: the file is gone, and stays gone.
            writer.write(path, journalOf(story, saved, u"/lib.sqlite"_qs, QDateTime::currentDateTimeUtc()),
                         saved);
            writer.remove(path);
            writer.waitUntilIdle();
            QVERIFY(!QFile::exists(path));
            // The destructor finishes what was asked.
            writer.write(path, journalOf(story, saved, u"/lib.sqlite"_qs, QDateTime::currentDateTimeUtc()),
                         saved);
        }
        QVERIFY(QFile::exists(path));
    }

    void writerReportsFailure() {
        QString reported;
        JournalWriter writer([&](const QString &, const QString &error) { reported = error; });
        const Story saved = savedStory();
        const QString path = m_dir.filePath(u"missing-folder/x.journal"_qs);
        writer.write(path, journalOf(saved, saved, u"/lib.sqlite"_qs, QDateTime::currentDateTimeUtc()),
                     saved);
        writer.waitUntilIdle();
        QVERIFY2(reported.startsWith(u"Could not write %1: "_qs.arg(path)), qPrintable(reported));
    }

    void keeperJournalsEditsAndForgetsSaves() {
        const RecoveryStore store(m_dir.filePath(u"keeper"_qs));
        Story onScreen = savedStory();
        JournalKeeper keeper(
            m_dir.filePath(u"library.sqlite"_qs), [&]() -> const Story & { return onScreen; }, store);
        QCOMPARE(keeper.journalPath(), QString());
        keeper.storyOpened(onScreen);
        const QString path = keeper.journalPath();
        QCOMPARE(path, store.journalPath(canonicalLibraryPath(m_dir.filePath(u"library.sqlite"_qs)),
                                         onScreen.id, keeper.sessionId()));
        // Nothing is written before an edit.
        keeper.writeNow();
        keeper.waitUntilWritten();
        QVERIFY(!QFile::exists(path));

        // An edit: the journal follows after the delay, holding the story on screen.
        const Story saved = onScreen;
        onScreen = typedStory(saved);
        QElapsedTimer clock;
        clock.start();
        keeper.edited();
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(path), 3000);
        QVERIFY(clock.elapsed() >= JournalKeeper::JournalDelayMs * 9 / 10);
        keeper.waitUntilWritten();
        JournalReadResult read = decodeJournal(readAll(path));
        QCOMPARE(read.status, JournalReadResult::Status::Ok);
        QCOMPARE(read.journal.story, onScreen);
        QCOMPARE(read.journal.savedAt, saved.updated);
        QCOMPARE(read.journal.session, keeper.sessionId());

        // Typing without a pause: later keys do not push the journal back.
        keeper.setDelayForTesting(300);
        for (int i = 0; i < 20; ++i) {
            onScreen.headline = u"Edit %1"_qs.arg(i);
            keeper.edited();
            QTest::qWait(50);
        }
        keeper.waitUntilWritten();
        read = decodeJournal(readAll(path));
        const int journaled = read.journal.story.headline.mid(5).toInt();
        QVERIFY2(journaled >= 10, qPrintable(read.journal.story.headline));

        // A save removes it; so does dropping the changes.
        keeper.storySaved(onScreen);
        keeper.waitUntilWritten();
        QVERIFY(!QFile::exists(path));
        keeper.edited();
        keeper.writeNow();
        keeper.waitUntilWritten();
        QVERIFY(QFile::exists(path));
        keeper.changesDropped();
        keeper.waitUntilWritten();
        QVERIFY(!QFile::exists(path));
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestJournal)
#include "tst_journal.moc"
