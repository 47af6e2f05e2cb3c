// The Trash: a deleted story leaves every list and load, keeps its slug, comes back whole, and goes
// for good when the Trash is emptied or TrashKeepDays have passed (on open too).

#include "storage/storylibrary.h"
#include "testbackend.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace galley;

class TestTrash final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init() {
        QVERIFY(m_dir.isValid());
        m_path = testbackend::newLibrary(m_dir, u"trash-%1"_qs.arg(++m_count));
        QString error;
        QVERIFY2(m_library.open(m_path, &error), qPrintable(error));
        QCOMPARE(m_library.schemaVersion(), StoryLibrary::currentSchemaVersion());
        m_kept = save(u"Quay lights stay on all night"_qs);
        m_doomed = save(u"Ferry fares rise in spring"_qs);
    }

    void cleanup() { m_library.close(); }

    void moveAndRestore() {
        QString error;
        QVERIFY2(m_library.moveToTrash(m_doomed.id, &error), qPrintable(error));
        QCOMPARE(m_library.count(), 1);
        const QList<StorySummary> listed = m_library.list({}, &error);
        QCOMPARE(listed.size(), 1);
        QCOMPARE(listed.constFirst().id, m_kept.id);
        StoryFilter search;
        search.text = u"fares"_qs;
        QVERIFY(m_library.list(search, &error).isEmpty());
        QVERIFY(!m_library.load(m_doomed.id, &error));
        QCOMPARE(error, u"That story is in the Trash; restore it from View › Trash to open it."_qs);
        QVERIFY(!m_library.loadBySlug(m_doomed.slug, &error));
        // Its slug stays its own, so it can come back under the same address.
        QVERIFY(m_library.isSlugTaken(m_doomed.slug, QString()));

        const QList<TrashedStory> trash = m_library.trashedStories(&error);
        QCOMPARE(trash.size(), 1);
        QCOMPARE(trash.constFirst().story.id, m_doomed.id);
        QCOMPARE(trash.constFirst().story.headline, u"Ferry fares rise in spring"_qs);
        QVERIFY(qAbs(trash.constFirst().trashed.secsTo(QDateTime::currentDateTimeUtc())) < 60);

        QVERIFY(!m_library.moveToTrash(m_doomed.id, &error));
        QCOMPARE(error, u"That story is no longer in the library; it may have been deleted in another window."_qs);

        QVERIFY2(m_library.restoreFromTrash(m_doomed.id, &error), qPrintable(error));
        QCOMPARE(m_library.count(), 2);
        const std::optional<Story> back = m_library.load(m_doomed.id, &error);
        QVERIFY2(back, qPrintable(error));
        QCOMPARE(back->headline, m_doomed.headline);
        QCOMPARE(back->body.constFirst().plainText(), u"Paragraph of Ferry fares rise in spring."_qs);
        QCOMPARE(m_library.list(search, &error).size(), 1);
        QVERIFY(m_library.trashedStories(&error).isEmpty());
        QVERIFY(!m_library.restoreFromTrash(m_doomed.id, &error));
        QCOMPARE(error, u"That story is no longer in the Trash; it may have been restored or deleted for good in "
                        u"another window."_qs);
    }

    void emptyTrash() {
        QString error;
        QVERIFY(m_library.moveToTrash(m_doomed.id, &error));
        QCOMPARE(m_library.emptyTrash(&error), 1);
        QVERIFY(m_library.trashedStories(&error).isEmpty());
        QVERIFY(!m_library.restoreFromTrash(m_doomed.id, &error));
        QVERIFY(!m_library.isSlugTaken(m_doomed.slug, QString()));
        QCOMPARE(m_library.count(), 1);
        QCOMPARE(m_library.emptyTrash(&error), 0);
    }

    void purgedAfterThirtyDays() {
        QString error;
        QVERIFY(m_library.moveToTrash(m_doomed.id, &error));
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QCOMPARE(m_library.purgeTrash(now.addDays(StoryLibrary::TrashKeepDays - 1), &error), 0);
        QCOMPARE(m_library.trashedStories(&error).size(), 1);
        QCOMPARE(m_library.purgeTrash(now.addDays(StoryLibrary::TrashKeepDays + 1), &error), 1);
        QVERIFY(m_library.trashedStories(&error).isEmpty());
        QCOMPARE(m_library.count(), 1);
    }

    // Opening a library purges what has been in its Trash too long, and only that.
    void purgedOnOpen() {
        QString error;
        QVERIFY(m_library.moveToTrash(m_doomed.id, &error));
        QVERIFY(m_library.moveToTrash(m_kept.id, &error));
        {
            QSqlQuery age(QSqlDatabase::database(m_library.connectionNameForTesting()));
            age.prepare(u"UPDATE stories SET trashed = ? WHERE id = ?"_qs);
            age.addBindValue(QDateTime::currentDateTimeUtc()
                                 .addDays(-StoryLibrary::TrashKeepDays - 1)
                                 .toString(Qt::ISODateWithMs));
            age.addBindValue(m_doomed.id);
            QVERIFY(age.exec());
        }
        m_library.close();
        QVERIFY2(m_library.open(m_path, &error), qPrintable(error));
        const QList<TrashedStory> trash = m_library.trashedStories(&error);
        QCOMPARE(trash.size(), 1);
        QCOMPARE(trash.constFirst().story.id, m_kept.id);
    }

private:
    Story save(const QString &headline) {
        Story story = Story::create();
        story.headline = headline;
        story.body.append(Block::make(BlockKind::Paragraph, u"Paragraph of "_qs + headline + u'.'));
        QString error;
        if (!m_library.save(story, &error))
            qFatal("save failed: %s", qPrintable(error));
        return *m_library.load(story.id, &error);
    }

    QTemporaryDir m_dir;
    QString m_path;
    StoryLibrary m_library;
    Story m_kept;
    Story m_doomed;
    int m_count = 0;
};

QTEST_GUILESS_MAIN(TestTrash)

#include "tst_trash.moc"
