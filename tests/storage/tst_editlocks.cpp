// Edit locks, on both engines: a story being edited by one desk is refused to another, which is told
// who holds it, where and since when; the holder takes it again freely; a release or the death of the
// holder's process (its connection) frees it. The test re-runs itself with --hold-lock to die
// holding one.

#include "storage/storylibrary.h"
#include "storytestdata.h"
#include "testbackend.h"

#include <QProcess>
#include <QStandardPaths>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace galley;

namespace {

const char holdArgument[] = "--hold-lock";
constexpr int heldExitCode = 43;

/// The child: takes the lock of story @p id as "Ana Ruiz" and dies holding it.
int holdLockAndDie(const QString &location, const QString &id) {
    StoryLibrary library;
    QString error;
    if (!library.open(location, &error) ||
        !library.takeEditLock(id, u"Ana Ruiz"_qs, u"child-session"_qs, nullptr, &error)) {
        qWarning("%s", qPrintable(error));
        return 1;
    }
    _exit(heldExitCode); // no release, no close: a crash or a pulled cable
}

} // namespace

class TestEditLocks final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init() {
        QVERIFY(m_dir.isValid());
        m_location = testbackend::newLibrary(m_dir, u"locks-%1"_qs.arg(++m_count));
        QString error;
        QVERIFY2(m_desk.open(m_location, &error), qPrintable(error));
        QVERIFY2(m_otherDesk.open(m_location, &error), qPrintable(error));
        m_story = testdata::shortStory(u"Harbour wall vote passes"_qs, {}, u"The council voted."_qs);
        QVERIFY2(m_desk.save(m_story, &error), qPrintable(error));
    }

    void cleanup() {
        m_desk.close();
        m_otherDesk.close();
    }

    void anotherDeskIsTold() {
        QString error;
        std::optional<EditLock> heldBy;
        const QDateTime before = QDateTime::currentDateTimeUtc().addMSecs(-1);
        QVERIFY2(m_desk.takeEditLock(m_story.id, u"Ana Ruiz"_qs, u"session-a"_qs, &heldBy, &error), qPrintable(error));
        QVERIFY(!heldBy);
        QVERIFY(!m_otherDesk.takeEditLock(m_story.id, u"Ben Ode"_qs, u"session-b"_qs, &heldBy, &error));
        QVERIFY(heldBy);
        QCOMPARE(heldBy->holder, u"Ana Ruiz"_qs);
        QCOMPARE(heldBy->session, u"session-a"_qs);
        QCOMPARE(heldBy->machine, QSysInfo::machineHostName());
        QVERIFY(heldBy->since >= before && heldBy->since <= QDateTime::currentDateTimeUtc());
        QCOMPARE(error, u"Ana Ruiz is editing this story on %1 since %2."_qs.arg(
                            QSysInfo::machineHostName(), heldBy->since.toLocalTime().toString(u"HH:mm"_qs)));
        const std::optional<EditLock> seen = m_otherDesk.editLock(m_story.id, &error);
        QVERIFY(seen);
        QCOMPARE(seen->holder, u"Ana Ruiz"_qs);

        // The holder takes it again (another save, a reopened window) and keeps its time.
        QVERIFY2(m_desk.takeEditLock(m_story.id, u"Ana Ruiz"_qs, u"session-a"_qs, &heldBy, &error), qPrintable(error));
        QCOMPARE(m_desk.editLock(m_story.id, &error)->since, seen->since);

        // Released, it is free for the other desk.
        QVERIFY2(m_desk.releaseEditLock(m_story.id, u"session-a"_qs, &error), qPrintable(error));
        QVERIFY(!m_otherDesk.editLock(m_story.id, &error));
        QVERIFY2(m_otherDesk.takeEditLock(m_story.id, u"Ben Ode"_qs, u"session-b"_qs, &heldBy, &error),
                 qPrintable(error));
        // Releasing another session's lock changes nothing.
        QVERIFY2(m_desk.releaseEditLock(m_story.id, u"session-a"_qs, &error), qPrintable(error));
        QCOMPARE(m_desk.editLock(m_story.id, &error)->holder, u"Ben Ode"_qs);
    }

    // The holder's last text (pushed at its autosave pause) becomes a revision signed by the holder,
    // the take-over is in the history, and the holder's next save is refused as out of date.
    void takeOverKeepsTheHoldersText() {
        QString error;
        QVERIFY2(m_desk.takeEditLock(m_story.id, u"Ana Ruiz"_qs, u"session-a"_qs, nullptr, &error), qPrintable(error));
        Story typed = m_story;
        typed.headline = u"Harbour wall vote passes narrowly"_qs;
        QVERIFY(m_desk.keepWorkingCopy(typed, u"session-a"_qs, &error));
        QCOMPARE(error, QString());

        std::optional<EditLock> previous;
        int revision = 0;
        QVERIFY2(m_otherDesk.takeOverEditLock(m_story.id, u"Ben Ode"_qs, u"session-b"_qs, &previous, &revision, &error),
                 qPrintable(error));
        QVERIFY(previous);
        QCOMPARE(previous->holder, u"Ana Ruiz"_qs);
        QCOMPARE(previous->session, u"session-a"_qs);
        QCOMPARE(revision, 2);
        const std::optional<EditLock> now = m_desk.editLock(m_story.id, &error);
        QVERIFY(now);
        QCOMPARE(now->holder, u"Ben Ode"_qs);
        QCOMPARE(now->session, u"session-b"_qs);

        const std::optional<Story> stored = m_otherDesk.load(m_story.id, &error);
        QVERIFY2(stored, qPrintable(error));
        QCOMPARE(stored->headline, u"Harbour wall vote passes narrowly"_qs);
        QCOMPARE(stored->body, m_story.body);
        QCOMPARE(now->since, stored->updated);
        const QList<RevisionInfo> revisions = m_otherDesk.revisions(m_story.id, &error);
        QCOMPARE(revisions.size(), 2);
        QCOMPARE(revisions.first().number, 2);
        QCOMPARE(revisions.first().author, u"Ana Ruiz"_qs);
        QCOMPARE(revisions.first().kind, RevisionKind::TakeOver);
        QCOMPARE(revisions.first().summary, u"Ben Ode took over from Ana Ruiz; kept Ana Ruiz’s unsaved text: headline"_qs);

        // The old holder no longer keeps working copies, and its save from the old version is refused.
        QVERIFY(!m_desk.keepWorkingCopy(typed, u"session-a"_qs, &error));
        QCOMPARE(error, QString());
        Story late = m_story;
        late.deck = u"A late deck"_qs;
        QVERIFY(!m_desk.save(late, &error));
        QVERIFY2(error.startsWith(testbackend::onServer() ? u"This story was saved from another desk at "_qs
                                                          : u"This story was saved from another Galley window at "_qs),
                 qPrintable(error));
    }

    void takeOverWithoutUnsavedText() {
        QString error;
        QVERIFY2(m_desk.takeEditLock(m_story.id, u"Ana Ruiz"_qs, u"session-a"_qs, nullptr, &error), qPrintable(error));
        // Pushed, but the same as stored: nothing of Ana's to keep.
        QVERIFY(m_desk.keepWorkingCopy(m_story, u"session-a"_qs, &error));
        int revision = 0;
        QVERIFY2(m_otherDesk.takeOverEditLock(m_story.id, u"Ben Ode"_qs, u"session-b"_qs, nullptr, &revision, &error),
                 qPrintable(error));
        QCOMPARE(revision, 2);
        const QList<RevisionInfo> revisions = m_otherDesk.revisions(m_story.id, &error);
        QCOMPARE(revisions.first().author, u"Ben Ode"_qs);
        QCOMPARE(revisions.first().kind, RevisionKind::TakeOver);
        QCOMPARE(revisions.first().summary, u"Ben Ode took over from Ana Ruiz"_qs);
        QCOMPARE(m_otherDesk.load(m_story.id, &error)->headline, m_story.headline);
    }

    void takeOverOfAFreeStoryJustTakesIt() {
        QString error;
        std::optional<EditLock> previous;
        int revision = -1;
        QVERIFY2(m_otherDesk.takeOverEditLock(m_story.id, u"Ben Ode"_qs, u"session-b"_qs, &previous, &revision, &error),
                 qPrintable(error));
        QVERIFY(!previous);
        QCOMPARE(revision, 0);
        QCOMPARE(m_desk.editLock(m_story.id, &error)->holder, u"Ben Ode"_qs);
        QCOMPARE(m_desk.revisions(m_story.id, &error).size(), 1);
    }

    void unsavedStoryCannotBeLocked() {
        QString error;
        QVERIFY(!m_desk.takeEditLock(newId(), u"Ana Ruiz"_qs, u"session-a"_qs, nullptr, &error));
        QCOMPARE(error, u"The story is not in the library (save it first, or it was deleted in another window), so "
                        u"it cannot be locked for editing."_qs);
    }

    void deletedStoryTakesItsLock() {
        QString error;
        QVERIFY2(m_desk.takeEditLock(m_story.id, u"Ana Ruiz"_qs, u"session-a"_qs, nullptr, &error), qPrintable(error));
        QVERIFY2(m_desk.remove(m_story.id, &error), qPrintable(error));
        QVERIFY(!m_otherDesk.editLock(m_story.id, &error));
        QCOMPARE(error, QString());
    }

    void deadHolderReleasesIt() {
        QProcess child;
        child.setProcessChannelMode(QProcess::ForwardedChannels);
        child.start(QCoreApplication::applicationFilePath(), {QString::fromLatin1(holdArgument), m_location, m_story.id});
        QVERIFY(child.waitForFinished(30000));
        QCOMPARE(child.exitCode(), heldExitCode);
        QString error;
        // The server notices the dead connection by itself, a moment after the process ends.
        QTRY_VERIFY_WITH_TIMEOUT(!m_otherDesk.editLock(m_story.id, &error), 10000);
        std::optional<EditLock> heldBy;
        QVERIFY2(m_otherDesk.takeEditLock(m_story.id, u"Ben Ode"_qs, u"session-b"_qs, &heldBy, &error),
                 qPrintable(error));
        QCOMPARE(m_desk.editLock(m_story.id, &error)->holder, u"Ben Ode"_qs);
    }

private:
    QTemporaryDir m_dir;
    QString m_location;
    int m_count = 0;
    StoryLibrary m_desk;
    StoryLibrary m_otherDesk;
    Story m_story;
};

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    if (argc == 4 && qstrcmp(argv[1], holdArgument) == 0)
        return holdLockAndDie(QString::fromLocal8Bit(argv[2]), QString::fromLocal8Bit(argv[3]));
    TestEditLocks test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_editlocks.moc"
