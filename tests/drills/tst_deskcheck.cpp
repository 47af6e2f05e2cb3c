// The drills' checker must catch what it is there to catch: a typed text with no saved line, a
// saved line with no revision behind it, and a save that claims a base other than the version
// before it. Real saves into a SQLite library, logs written by hand around them.

#include "desk.h"
#include "deskcheck.h"
#include "desklog.h"
#include "storage/storylibrary.h"

#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace galley;
using namespace galley::drill;

class TestDeskCheck final : public QObject {
    Q_OBJECT

private:
    /// Saves story 0 of @p library with @p marker as its first paragraph; the base and the new
    /// updated time, as the desk logs them.
    static std::pair<QString, QString> save(StoryLibrary &library, const QString &marker) {
        QString error;
        std::optional<Story> story = library.load(drillStoryId(0), &error);
        if (!story)
            qFatal("%s", qPrintable(error));
        const QString base = drillTime(story->updated);
        story->body.first().lines = {InlineText::plain(u"A paragraph the test desk wrote. "_qs + marker)};
        QTest::qWait(3); // a later millisecond than the version it replaces
        if (!library.save(*story, &error))
            qFatal("%s", qPrintable(error));
        return {base, drillTime(story->updated)};
    }

    static QJsonObject line(const QString &outcome, const QString &marker, const QString &base,
                            const QString &updated = {}) {
        QJsonObject entry{{u"kind"_qs, u"save"_qs},
                          {u"outcome"_qs, outcome},
                          {u"story"_qs, drillStoryId(0)},
                          {u"marker"_qs, marker},
                          {u"ms"_qs, 1.0}};
        if (!base.isEmpty())
            entry.insert(u"base"_qs, base);
        if (!updated.isEmpty())
            entry.insert(u"updated"_qs, updated);
        return entry;
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void honestLogsPass() {
        QTemporaryDir dir;
        DeskOptions options;
        options.db = dir.filePath(u"library.sqlite"_qs);
        options.stories = 1;
        QString error;
        QVERIFY2(setUpLibrary(options, &error), qPrintable(error));
        const QString log = dir.filePath(u"desk-1.jsonl"_qs);
        {
            StoryLibrary library;
            QVERIFY2(library.open(options.db, &error), qPrintable(error));
            const auto [base1, updated1] = save(library, u"[d1-1]"_qs);
            const auto [base2, updated2] = save(library, u"[d1-2]"_qs);
            DeskLog writer(log);
            writer.write(line(u"locked"_qs, u"[d1-0]"_qs, {}));
            writer.write(line(u"saved"_qs, u"[d1-1]"_qs, base1, updated1));
            writer.write(line(u"refused-stale"_qs, u"[d1-2]"_qs, base1));
            writer.write(line(u"saved"_qs, u"[d1-2]"_qs, base2, updated2));
        }
        CheckReport report;
        QVERIFY2(checkDrill(options.db, {log}, &report, &error), qPrintable(error));
        QCOMPARE(report.attempts, 3);
        QCOMPARE(report.saved, 2);
        QCOMPARE(report.refusedStale, 1);
        QCOMPARE(report.locked, 1);
        QCOMPARE(report.markersTyped, 2);
        QCOMPARE(report.lost, 0);
        QCOMPARE(report.overwrites, 0);
        QCOMPARE(report.revisions, 3);
        QVERIFY(report.problems.isEmpty());
    }

    void lostAndOverwrittenSavesAreCaught() {
        QTemporaryDir dir;
        DeskOptions options;
        options.db = dir.filePath(u"library.sqlite"_qs);
        options.stories = 1;
        QString error;
        QVERIFY2(setUpLibrary(options, &error), qPrintable(error));
        const QString log = dir.filePath(u"desk-1.jsonl"_qs);
        {
            StoryLibrary library;
            QVERIFY2(library.open(options.db, &error), qPrintable(error));
            const auto [base1, updated1] = save(library, u"[d1-1]"_qs);
            const auto [base2, updated2] = save(library, u"[d2-1]"_qs);
            DeskLog writer(log);
            writer.write(line(u"saved"_qs, u"[d1-1]"_qs, base1, updated1));
            // Saved on the set-up's version although [d1-1] came between: an overwrite.
            writer.write(line(u"saved"_qs, u"[d2-1]"_qs, base1, updated2));
            // Refused and never saved: lost.
            writer.write(line(u"refused-stale"_qs, u"[d1-2]"_qs, updated2));
            // Said to be saved, but no revision of that time: lost.
            writer.write(line(u"saved"_qs, u"[d1-3]"_qs, updated2, u"2000-01-01T00:00:00.000Z"_qs));
        }
        CheckReport report;
        QVERIFY2(checkDrill(options.db, {log}, &report, &error), qPrintable(error));
        QCOMPARE(report.saved, 3);
        QCOMPARE(report.markersTyped, 4);
        QCOMPARE(report.lost, 2);
        QCOMPARE(report.overwrites, 1);
        QCOMPARE(report.problems.size(), 3);
        QVERIFY(report.problems.join(u'\n').contains(u"[d1-2] was typed but has no saved line"_qs));
    }
};

QTEST_GUILESS_MAIN(TestDeskCheck)
#include "tst_deskcheck.moc"
