// The kill drill's short version (tests/drills/ has the 50-run one): a galley typing through its
// real widgets is killed with SIGKILL at random moments; after recovery at most the last 2 seconds
// of typing may be missing.

#include "killdrill.h"

#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTest>

using namespace galley::drill;

class TestKillRecovery final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void killedMidTypingLosesAtMostTwoSeconds() {
        const quint32 seed = quint32(QDateTime::currentMSecsSinceEpoch());
        QRandomGenerator random(seed);
        DrillOptions options;
        options.galley = QStringLiteral(GALLEY_BINARY);
        QList<double> seconds;
        // Early (before or around the first journal), and a few seconds into continuous typing.
        for (const auto &[earliest, latest] :
             {std::pair{300, 1500}, std::pair{1500, 3000}, std::pair{3000, 4500}}) {
            const int killAfter = random.bounded(earliest, latest);
            DrillRun run;
            QString error;
            QVERIFY2(runOnce(options, killAfter, &run, &error), qPrintable(error));
            qInfo("seed %u: killed %.2f s after the first key; typed %d, recovered %d (%s); lost %.2f s, %d "
                  "words",
                  seed, killAfter / 1000.0, run.typedChars, run.keptChars, qPrintable(run.source),
                  run.lostSeconds, run.lostWords);
            QVERIFY(run.typedChars > 0);
            QVERIFY2(run.lostSeconds <= 2.0, qPrintable(QString::number(run.lostSeconds)));
            seconds.append(run.lostSeconds);
        }
        qInfo("worst loss %.2f s, median %.2f s", maximum(seconds), median(seconds));
    }
};

QTEST_GUILESS_MAIN(TestKillRecovery)
#include "tst_killrecovery.moc"
