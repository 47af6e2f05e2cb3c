// Live updates, on both engines: a save on a second connection reaches the first one's
// LibraryWatcher (with the story and what happened on the server, as "something changed" on a
// file), its own saves do not; on the server, a terminated session is noticed, reopened by itself
// and subscribed again, and a save that failed meanwhile lands afterwards.

#include "storage/librarywatcher.h"
#include "storage/storylibrary.h"
#include "storytestdata.h"
#include "testbackend.h"

#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <functional>

using namespace galley;

namespace {

// Generous: the machine is shared and the notice may wait for a busy server; never a speed check.
constexpr int WaitMs = 15000;

using Kind = LibraryChange::Kind;

/// Every change the spy has seen so far, in order.
QList<LibraryChange> seenChanges(const QSignalSpy &spy) {
    QList<LibraryChange> all;
    for (const QList<QVariant> &call : spy)
        all += call.at(0).value<QList<LibraryChange>>();
    return all;
}

/// Ends the server session of @p library from another connection, as a server restart or a
/// dropped network looks to it, and waits until the server has let it go (the terminate is only
/// a signal to that session).
bool terminateSession(const StoryLibrary &library, const QString &location) {
    QSqlQuery query(QSqlDatabase::database(library.connectionNameForTesting()));
    if (!query.exec(u"SELECT pg_backend_pid()"_qs) || !query.next())
        return false;
    const int pid = query.value(0).toInt();
    query.finish();
    if (!testbackend::rawValue(location, u"SELECT pg_terminate_backend(%1, %2)"_qs.arg(pid).arg(WaitMs)).toBool())
        return false;
    return testbackend::rawValue(location, u"SELECT COUNT(*) FROM pg_stat_activity WHERE pid = %1"_qs.arg(pid))
               .toInt() == 0;
}

} // namespace

Q_DECLARE_METATYPE(galley::LibraryChange)

class TestLibraryWatcher final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        qRegisterMetaType<QList<LibraryChange>>();
    }

    void init() {
        QVERIFY(m_dir.isValid());
        m_location = testbackend::newLibrary(m_dir, u"watched-%1"_qs.arg(++m_count));
        QString error;
        QVERIFY2(m_desk.open(m_location, &error), qPrintable(error));
        QVERIFY2(m_otherDesk.open(m_location, &error), qPrintable(error));
    }

    void cleanup() {
        m_desk.close();
        m_otherDesk.close();
    }

    void anotherDesksSaveArrives() {
        LibraryWatcher watcher(m_desk);
        QString error;
        QVERIFY2(watcher.start(&error), qPrintable(error));
        QSignalSpy stories(&watcher, &LibraryWatcher::storiesChanged);
        QSignalSpy library(&watcher, &LibraryWatcher::libraryChanged);

        Story story = testdata::shortStory(u"Ferry timetable changes in May"_qs, {}, u"Sailings move."_qs);
        QVERIFY2(m_otherDesk.save(story, &error), qPrintable(error));
        if (testbackend::onServer()) {
            QTRY_VERIFY_WITH_TIMEOUT(seenChanges(stories).contains(LibraryChange{story.id, Kind::Saved}), WaitMs);
            QCOMPARE(library.count(), 0);
        } else {
            QTRY_VERIFY_WITH_TIMEOUT(library.count() >= 1, WaitMs);
            QCOMPARE(stories.count(), 0);
        }
    }

    void ownSavesAreIgnored() {
        LibraryWatcher watcher(m_desk);
        QString error;
        QVERIFY2(watcher.start(&error), qPrintable(error));
        QSignalSpy stories(&watcher, &LibraryWatcher::storiesChanged);
        QSignalSpy library(&watcher, &LibraryWatcher::libraryChanged);

        Story own = testdata::shortStory(u"Own desk story"_qs, {}, u"Typed here."_qs);
        QVERIFY2(m_desk.save(own, &error), qPrintable(error));
        if (!testbackend::onServer()) {
            // A file says nothing about who changed it: its own writes must not move data_version.
            QTest::qWait(3 * LibraryWatcher::PollIntervalMs);
            QCOMPARE(library.count(), 0);
            return;
        }
        // The other desk's save comes after ours on the same channel: once it is here, ours had its turn.
        Story other = testdata::shortStory(u"Other desk story"_qs, {}, u"Typed there."_qs);
        QVERIFY2(m_otherDesk.save(other, &error), qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(seenChanges(stories).contains(LibraryChange{other.id, Kind::Saved}), WaitMs);
        for (const LibraryChange &change : seenChanges(stories))
            QCOMPARE(change.storyId, other.id);
    }

    void whatHappenedIsTold() {
        if (!testbackend::onServer())
            QSKIP("a file tells only that something changed");
        Story story = testdata::shortStory(u"Council budget vote"_qs, {}, u"The vote is today."_qs);
        QString error;
        QVERIFY2(m_otherDesk.save(story, &error), qPrintable(error));
        LibraryWatcher watcher(m_desk);
        QVERIFY2(watcher.start(&error), qPrintable(error));
        QSignalSpy stories(&watcher, &LibraryWatcher::storiesChanged);

        QVERIFY2(m_otherDesk.takeEditLock(story.id, u"Ana Ruiz"_qs, u"session-b"_qs, nullptr, &error),
                 qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(seenChanges(stories).contains(LibraryChange{story.id, Kind::Locked}), WaitMs);
        story.status = StoryStatus::Ready;
        QVERIFY2(m_otherDesk.save(story, &error), qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(seenChanges(stories).contains(LibraryChange{story.id, Kind::Status}), WaitMs);
        QVERIFY2(m_otherDesk.releaseEditLock(story.id, u"session-b"_qs, &error), qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(seenChanges(stories).contains(LibraryChange{story.id, Kind::Unlocked}), WaitMs);
        QVERIFY2(m_otherDesk.moveToTrash(story.id, &error), qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(seenChanges(stories).contains(LibraryChange{story.id, Kind::Trashed}), WaitMs);
        QVERIFY2(m_otherDesk.restoreFromTrash(story.id, &error), qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(seenChanges(stories).contains(LibraryChange{story.id, Kind::Restored}), WaitMs);
        QVERIFY2(m_otherDesk.remove(story.id, &error), qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(seenChanges(stories).contains(LibraryChange{story.id, Kind::Deleted}), WaitMs);
    }

    void anotherLibraryInTheSameDatabaseIsNotHeard() {
        if (!testbackend::onServer())
            QSKIP("files are apart anyway");
        const QString elsewhere = testbackend::newLibrary(m_dir, u"elsewhere"_qs);
        StoryLibrary elsewhereDesk;
        QString error;
        QVERIFY2(elsewhereDesk.open(elsewhere, &error), qPrintable(error));
        LibraryWatcher watcher(m_desk);
        QVERIFY2(watcher.start(&error), qPrintable(error));
        QSignalSpy stories(&watcher, &LibraryWatcher::storiesChanged);

        Story there = testdata::shortStory(u"Story of another library"_qs, {}, u"Elsewhere."_qs);
        QVERIFY2(elsewhereDesk.save(there, &error), qPrintable(error));
        Story here = testdata::shortStory(u"Story of this library"_qs, {}, u"Here."_qs);
        QVERIFY2(m_otherDesk.save(here, &error), qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(seenChanges(stories).contains(LibraryChange{here.id, Kind::Saved}), WaitMs);
        for (const LibraryChange &change : seenChanges(stories))
            QCOMPARE(change.storyId, here.id);
    }

    void reconnectsAfterTheSessionEnds() {
        if (!testbackend::onServer())
            QSKIP("a file has no connection to lose");
        LibraryWatcher watcher(m_desk);
        QString error;
        QVERIFY2(watcher.start(&error), qPrintable(error));
        QSignalSpy lost(&watcher, &LibraryWatcher::connectionLost);
        QSignalSpy back(&watcher, &LibraryWatcher::reconnected);
        QSignalSpy stories(&watcher, &LibraryWatcher::storiesChanged);

        // While it is away (checked as it is told, however slow the machine): not connected, and a
        // save fails, keeping the story as typed; it lands once the library is back.
        Story queued = testdata::shortStory(u"Typed while the server was away"_qs, {}, u"Kept."_qs);
        bool connectedWhenLost = true;
        bool savedWhileAway = true;
        connect(&watcher, &LibraryWatcher::connectionLost, this, [&] {
            connectedWhenLost = watcher.isConnected();
            QString ignored;
            savedWhileAway = m_desk.save(queued, &ignored);
        });
        QVERIFY(terminateSession(m_desk, m_location));
        // Heard from the LISTEN connection's state, with no call failing first.
        QTRY_COMPARE_WITH_TIMEOUT(lost.count(), 1, WaitMs);
        QVERIFY(!connectedWhenLost);
        QVERIFY(!savedWhileAway);
        QVERIFY(lost.at(0).at(0).toString().contains(u"reconnecting"_qs));
        QTRY_COMPARE_WITH_TIMEOUT(back.count(), 1, WaitMs);
        QVERIFY(watcher.isConnected());
        QVERIFY(m_desk.isOpen());
        QVERIFY2(m_desk.save(queued, &error), qPrintable(error));
        QCOMPARE(m_otherDesk.load(queued.id, &error)->headline, u"Typed while the server was away"_qs);

        // Subscribed again: another desk's save still arrives.
        Story later = testdata::shortStory(u"Saved after the reconnect"_qs, {}, u"Heard."_qs);
        QVERIFY2(m_otherDesk.save(later, &error), qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(seenChanges(stories).contains(LibraryChange{later.id, Kind::Saved}), WaitMs);
    }

    void aFailedCallStartsReconnecting() {
        if (!testbackend::onServer())
            QSKIP("a file has no connection to lose");
        LibraryWatcher watcher(m_desk);
        QString error;
        QVERIFY2(watcher.start(&error), qPrintable(error));
        QSignalSpy back(&watcher, &LibraryWatcher::reconnected);
        QVERIFY(!watcher.checkConnection());

        QVERIFY(terminateSession(m_desk, m_location));
        // No event loop yet: the save is first to hit the closed session.
        Story story = testdata::shortStory(u"Saved into a dead session"_qs, {}, u"Lost?"_qs);
        QVERIFY(!m_desk.save(story, &error));
        QVERIFY2(error.contains(u"lost its connection"_qs), qPrintable(error));
        QVERIFY(m_desk.isConnectionLost());
        QVERIFY(watcher.checkConnection());
        QTRY_COMPARE_WITH_TIMEOUT(back.count(), 1, WaitMs);
        QVERIFY(!m_desk.isConnectionLost());
        QVERIFY2(m_desk.save(story, &error), qPrintable(error));
    }

    void aSaveWhoseCommitLandedUnheardIsNotStale() {
        if (!testbackend::onServer())
            QSKIP("a file has no connection to lose");
        QString error;
        Story story = testdata::shortStory(u"Ferry fares frozen"_qs, {}, u"First text."_qs);
        QVERIFY2(m_desk.save(story, &error), qPrintable(error));

        // The server commits and the connection goes before the answer arrives: the hook, last in
        // the save's transaction, commits it and ends the session, so save()'s own COMMIT fails.
        s_commitAndVanish = [this] {
            QSqlQuery(QSqlDatabase::database(m_desk.connectionNameForTesting())).exec(u"COMMIT"_qs);
            return terminateSession(m_desk, m_location);
        };
        StoryLibrary::setSaveHookForTesting([](StoryLibrary::SaveStep step) {
            return step != StoryLibrary::SaveStep::Revision || !s_commitAndVanish || s_commitAndVanish();
        });
        Story edited = story;
        edited.replaceBody({Block::make(BlockKind::Paragraph, u"Second text, committed unheard."_qs)});
        const bool saved = m_desk.save(edited, &error);
        StoryLibrary::setSaveHookForTesting(nullptr);
        s_commitAndVanish = nullptr;
        QVERIFY(!saved);
        QVERIFY2(error.contains(u"cannot tell whether this save landed"_qs), qPrintable(error));
        QCOMPARE(m_otherDesk.load(story.id, &error)->bodyPlainText(), u"Second text, committed unheard."_qs);

        // Saving again after reconnecting is this window's own text over its own save: not refused
        // as a stale save, and nothing of the other desks is in between.
        QVERIFY2(m_desk.reconnect(&error), qPrintable(error));
        edited.replaceBody({Block::make(BlockKind::Paragraph, u"Third text, after reconnecting."_qs)});
        QVERIFY2(m_desk.save(edited, &error), qPrintable(error));
        QCOMPARE(m_otherDesk.load(story.id, &error)->bodyPlainText(), u"Third text, after reconnecting."_qs);

        // Another desk's save in between is still stale-checked as ever.
        Story theirs = *m_otherDesk.load(story.id, &error);
        theirs.replaceBody({Block::make(BlockKind::Paragraph, u"Another desk's text."_qs)});
        QVERIFY2(m_otherDesk.save(theirs, &error), qPrintable(error));
        edited.replaceBody({Block::make(BlockKind::Paragraph, u"Fourth text."_qs)});
        QVERIFY(!m_desk.save(edited, &error));
        QVERIFY2(error.contains(u"after you opened it"_qs), qPrintable(error));
    }

private:
    static inline std::function<bool()> s_commitAndVanish;
    QTemporaryDir m_dir;
    QString m_location;
    StoryLibrary m_desk;
    StoryLibrary m_otherDesk;
    int m_count = 0;
};

QTEST_GUILESS_MAIN(TestLibraryWatcher)
#include "tst_librarywatcher.moc"
