// The story's publication and update times on the page: exact markup in a fixed zone, the
// sections' zones from the settings, and the exported page showing them.

#include "export/storyexporter.h"
#include "render/articlerenderer.h"
#include "render/storytimes.h"

#include <QFile>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace galley;

namespace {

Story timedStory(const QString &created, const QString &updated, const QString &section = {}) {
    Story story = Story::create();
    story.headline = u"Night ferry keeps its winter timetable"_qs;
    story.section = section;
    story.created = QDateTime::fromString(created, Qt::ISODate);
    story.updated = QDateTime::fromString(updated, Qt::ISODate);
    return story;
}

} // namespace

class TestStoryTimes final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        QStandardPaths::setTestModeEnabled(true);
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir.path());
        QCoreApplication::setOrganizationName(u"GalleyTest"_qs);
        QCoreApplication::setApplicationName(u"tst_storytimes"_qs);
    }

    void markup_data() {
        QTest::addColumn<QString>("created");
        QTest::addColumn<QString>("updated");
        QTest::addColumn<QByteArray>("zone");
        QTest::addColumn<QString>("expected");
        QTest::newRow("winter in Oslo, updated")
            << u"2026-01-15T08:05:00Z"_qs << u"2026-01-15T13:30:00Z"_qs << QByteArray("Europe/Oslo")
            << u"<p class=\"story-time\"><time datetime=\"2026-01-15T09:05:00+01:00\">15 January 2026, 09:05 CET</time>"
               u"<span class=\"updated\"> · Updated <time datetime=\"2026-01-15T14:30:00+01:00\">15 January 2026, "
               u"14:30 CET</time></span></p>\n"_qs;
        QTest::newRow("summer in Oslo, saved again within the minute")
            << u"2026-07-01T06:00:10Z"_qs << u"2026-07-01T06:00:50Z"_qs << QByteArray("Europe/Oslo")
            << u"<p class=\"story-time\"><time datetime=\"2026-07-01T08:00:10+02:00\">1 July 2026, 08:00 CEST</time></p>\n"_qs;
        QTest::newRow("New York, the evening before in UTC terms")
            << u"2026-03-02T03:15:00Z"_qs << u"2026-03-02T03:15:00Z"_qs << QByteArray("America/New_York")
            << u"<p class=\"story-time\"><time datetime=\"2026-03-01T22:15:00-05:00\">1 March 2026, 22:15 EST</time></p>\n"_qs;
        QTest::newRow("UTC")
            << u"2026-03-02T03:15:00Z"_qs << u"2026-03-03T00:00:00Z"_qs << QByteArray("UTC")
            << u"<p class=\"story-time\"><time datetime=\"2026-03-02T03:15:00Z\">2 March 2026, 03:15 UTC</time>"
               u"<span class=\"updated\"> · Updated <time datetime=\"2026-03-03T00:00:00Z\">3 March 2026, 00:00 UTC"
               u"</time></span></p>\n"_qs;
        QTest::newRow("never saved") << QString() << QString() << QByteArray("UTC") << QString();
    }

    void markup() {
        QFETCH(QString, created);
        QFETCH(QString, updated);
        QFETCH(QByteArray, zone);
        QFETCH(QString, expected);
        const QTimeZone timeZone = zone == "UTC" ? QTimeZone::utc() : QTimeZone(zone);
        QVERIFY(timeZone.isValid());
        QCOMPARE(renderStoryTimes(timedStory(created, updated), timeZone), expected);
    }

    // A published story is dated from when it was first published, not from its first draft; its
    // later corrections show as "Updated".
    void publishedStoryDatedFromPublication() {
        Story story = timedStory(u"2026-03-02T07:00:00Z"_qs, u"2026-03-02T11:45:00Z"_qs);
        story.published = QDateTime::fromString(u"2026-03-02T10:30:00Z"_qs, Qt::ISODate);
        QCOMPARE(publicationTime(story), story.published);
        QCOMPARE(renderStoryTimes(story, QTimeZone::utc()),
                 u"<p class=\"story-time\"><time datetime=\"2026-03-02T10:30:00Z\">2 March 2026, 10:30 UTC</time>"
                 u"<span class=\"updated\"> · Updated <time datetime=\"2026-03-02T11:45:00Z\">2 March 2026, 11:45 UTC"
                 u"</time></span></p>\n"_qs);
        // Never published: its first save stands in (a draft in the preview).
        story.published = QDateTime();
        QCOMPARE(publicationTime(story), story.created);
    }

    // The header carries the line, in the zone of the story's section.
    void headerUsesTheSectionZone() {
        RenderOptions options;
        options.timeZones.fallback = QTimeZone::utc();
        options.timeZones.bySection.insert(u"Harbour"_qs, QTimeZone("Europe/Oslo"));
        const Story story = timedStory(u"2026-01-15T08:05:00Z"_qs, u"2026-01-15T08:05:00Z"_qs, u" harbour "_qs);
        QVERIFY(ArticleRenderer().renderHeader(story, options)
                    .endsWith(u"<p class=\"story-time\"><time datetime=\"2026-01-15T09:05:00+01:00\">15 January 2026, "
                              u"09:05 CET</time></p>\n</header>\n"_qs));
        const Story other = timedStory(u"2026-01-15T08:05:00Z"_qs, u"2026-01-15T08:05:00Z"_qs, u"Sport"_qs);
        QVERIFY(ArticleRenderer().renderHeader(other, options).contains(u"15 January 2026, 08:05 UTC"_qs));
    }

    // The settings name a default zone and one per section; an unknown name is skipped.
    void zonesFromSettings() {
        QSettings settings;
        settings.clear();
        QCOMPARE(SectionTimeZones::fromSettings().fallback, QTimeZone::systemTimeZone());
        settings.setValue(u"timeZone/default"_qs, u"America/New_York"_qs);
        settings.setValue(u"timeZone/section/Harbour"_qs, u"Europe/Oslo"_qs);
        settings.setValue(u"timeZone/section/Arts/Books"_qs, u"Asia/Tokyo"_qs);
        settings.setValue(u"timeZone/section/Sport"_qs, u"Mars/Olympus_Mons"_qs);
        settings.sync();
        const SectionTimeZones zones = SectionTimeZones::fromSettings();
        QCOMPARE(zones.fallback, QTimeZone("America/New_York"));
        QCOMPARE(zones.zoneFor(u"Harbour"_qs), QTimeZone("Europe/Oslo"));
        QCOMPARE(zones.zoneFor(u"Arts/Books"_qs), QTimeZone("Asia/Tokyo"));
        QCOMPARE(zones.zoneFor(u"Sport"_qs), QTimeZone("America/New_York"));
        QCOMPARE(zones.bySection.size(), 2);
    }

    // The exported page shows the times in the section's zone from the settings.
    void exportedPageShowsTimes() {
        QSettings settings;
        settings.clear();
        settings.setValue(u"timeZone/section/Harbour"_qs, u"Europe/Oslo"_qs);
        settings.sync();
        const Story story = timedStory(u"2026-01-15T08:05:00Z"_qs, u"2026-01-16T07:00:00Z"_qs, u"Harbour"_qs);
        const QString folder = m_dir.filePath(u"page"_qs);
        QString error;
        QVERIFY2(exportStory(story, folder, &error), qPrintable(error));
        QFile page(folder + u"/index.html"_qs);
        QVERIFY(page.open(QIODevice::ReadOnly));
        QVERIFY(QString::fromUtf8(page.readAll())
                    .contains(u"<p class=\"story-time\"><time datetime=\"2026-01-15T09:05:00+01:00\">15 January 2026, "
                              u"09:05 CET</time><span class=\"updated\"> · Updated <time "
                              u"datetime=\"2026-01-16T08:00:00+01:00\">16 January 2026, 08:00 CET</time></span></p>"_qs));
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestStoryTimes)

#include "tst_storytimes.moc"
