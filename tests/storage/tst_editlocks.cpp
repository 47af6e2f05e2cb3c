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
