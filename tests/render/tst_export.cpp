#include "export/exportwarnings.h"
#include "export/storyexporter.h"
#include "pictures/picturemetadatawriter.h"
#include "storyfixture.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace galley;

namespace {

QByteArray readAll(const QString &path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

/// The picture an export wrote is the story's picture: the same pixels, with the story's caption,
/// credit and alt text written into its metadata (withPictureMetadata()); nothing else differs.
QByteArray exportedPicture(const StoryImage &image) {
    return withPictureMetadata(image.data, image);
}

/// Every name in @p folder, hidden ones too, sorted; sub-folders as "name/" followed by their
/// contents as "name/child".
QStringList tree(const QString &folder) {
    QStringList names;
    const QDir dir(folder);
    for (const QFileInfo &info : dir.entryInfoList(
             QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System, QDir::Name)) {
        if (info.isDir()) {
            names.append(info.fileName() + u'/');
            for (const QString &child : tree(info.filePath()))
                names.append(info.fileName() + u'/' + child);
        } else {
            names.append(info.fileName());
        }
    }
    return names;
}

/// Every value of a src or href attribute in @p html (still HTML-escaped).
QStringList urlAttributes(const QString &html, const char16_t *name) {
    const QRegularExpression attribute(u"\\s"_qs + QString::fromUtf16(name) + u"=\"([^\"]*)\""_qs);
    QStringList values;
    auto it = attribute.globalMatch(html);
    while (it.hasNext())
        values.append(it.next().captured(1));
    return values;
}

} // namespace

class TestExport final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void folderContentsExact();
    void imageSourcesRelativeAndPresent();
    void tidyFindsNoErrors_data();
    void tidyFindsNoErrors();
    void noRemoteUrlsButTheStorysLinks();
    void exportAgainOverwrites();
    void folderBlockedByFile();
    void writeFailure();
    void diskFull();
    void folderInReadOnlyParent();
    void warnings_data();
    void warnings();
    void warningsForPictures();

private:
    Story m_story;
};

void TestExport::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
}

void TestExport::init() {
    QString error;
    const auto story =
        test::loadStoryFixture(QStringLiteral(GALLEY_TEST_DATA) + u"/render/full-story"_qs, &error);
    QVERIFY2(story, qPrintable(error));
    m_story = *story;
}

void TestExport::folderContentsExact() {
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString out = tmp.filePath(u"page"_qs);
    QString error;
    QVERIFY2(exportStory(m_story, out, &error), qPrintable(error));

    QCOMPARE(QDir(out).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden, QDir::Name),
             (QStringList{u"images"_qs, u"index.html"_qs}));
    // The missing marsh picture writes no file. The others are there at full size (the imported
    // file itself) and at the rendition widths below their own (1200 and 640 pixels), in JPEG and
    // in the smaller WebP (tst_renditions checks the renditions themselves).
    QCOMPARE(QDir(out + u"/images"_qs)
                 .entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden, QDir::Name),
             (QStringList{u"1-harbour-cranes-480.jpg"_qs, u"1-harbour-cranes-480.webp"_qs,
                          u"1-harbour-cranes-960.jpg"_qs, u"1-harbour-cranes-960.webp"_qs,
                          u"1-harbour-cranes.jpg"_qs, u"1-harbour-cranes.webp"_qs, u"2-ferry-dock-480.jpg"_qs,
                          u"2-ferry-dock-480.webp"_qs, u"2-ferry-dock.jpg"_qs, u"2-ferry-dock.webp"_qs}));
    QCOMPARE(readAll(out + u"/images/1-harbour-cranes.jpg"_qs), exportedPicture(m_story.images.at(0)));
    QCOMPARE(readAll(out + u"/images/2-ferry-dock.jpg"_qs), exportedPicture(m_story.images.at(1)));

    const QByteArray index = readAll(out + u"/index.html"_qs);
    QVERIFY(index.startsWith("<!DOCTYPE html>\n"));
    QVERIFY(index.contains("<meta charset=\"utf-8\">"));
    // UTF-8 on disk: the curly apostrophe of "board’s" is three bytes.
    QVERIFY(index.contains("The plan, first published in the board\xe2\x80\x99s "));
    QVERIFY(index.contains("<div class=\"picture-missing\""));
    // Nothing left beside the page (the staging folder is gone), and the page is for everyone to read.
    QCOMPARE(QDir(tmp.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
             QStringList{u"page"_qs});
    QVERIFY(QFileInfo(out).permissions().testFlag(QFile::ReadOther));
    QVERIFY(QFileInfo(out).permissions().testFlag(QFile::ExeOther));
    QVERIFY(QFileInfo(out + u"/index.html"_qs).permissions().testFlag(QFile::ReadOwner));
}

void TestExport::imageSourcesRelativeAndPresent() {
    QTemporaryDir tmp;
    QString error;
    QVERIFY2(exportStory(m_story, tmp.path(), &error), qPrintable(error));
    const QString html = QString::fromUtf8(readAll(tmp.filePath(u"index.html"_qs)));
    const QStringList sources = urlAttributes(html, u"src");
    QCOMPARE(sources, (QStringList{u"images/1-harbour-cranes.jpg"_qs, u"images/2-ferry-dock.jpg"_qs}));
    for (const QString &src : sources)
        QVERIFY2(QFile::exists(tmp.filePath(src)), qPrintable(src));
}

void TestExport::tidyFindsNoErrors_data() {
    QTest::addColumn<QString>("name");
    QTest::newRow("full story") << u"full-story"_qs;
    QTest::newRow("minimal") << u"minimal"_qs;
    QTest::newRow("escaping") << u"escaping"_qs;
    QTest::newRow("empty") << u"empty"_qs;
}

void TestExport::tidyFindsNoErrors() {
    QFETCH(QString, name);
    const QString tidy = QStandardPaths::findExecutable(u"tidy"_qs);
    QVERIFY2(!tidy.isEmpty(), "HTML Tidy (Debian package tidy) is needed to check the exported page.");
    QString error;
    const auto story =
        test::loadStoryFixture(QStringLiteral(GALLEY_TEST_DATA) + u"/render/"_qs + name, &error);
    QVERIFY2(story, qPrintable(error));
    QTemporaryDir tmp;
    QVERIFY2(exportStory(*story, tmp.path(), &error), qPrintable(error));

    QProcess process;
    process.start(tidy, {u"-q"_qs, u"-errors"_qs, u"-utf8"_qs, tmp.filePath(u"index.html"_qs)});
    QVERIFY(process.waitForFinished(30000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    // tidy: 0 clean, 1 warnings only, 2 errors.
    QVERIFY2(process.exitCode() < 2, process.readAllStandardError().constData());
}

void TestExport::noRemoteUrlsButTheStorysLinks() {
    QTemporaryDir tmp;
    QString error;
    QVERIFY2(exportStory(m_story, tmp.path(), &error), qPrintable(error));
    const QString html = QString::fromUtf8(readAll(tmp.filePath(u"index.html"_qs)));

    QSet<QString> storyLinks;
    for (const Block &block : m_story.body)
        for (const InlineText &line : block.lines)
            for (const InlineRun &run : line.runs)
                if (!run.href.isEmpty())
                    storyLinks.insert(run.href);

    QStringList urls = urlAttributes(html, u"src") + urlAttributes(html, u"href");
    QStringList remote;
    for (const QString &url : urls)
        if (url.startsWith(u"http:"_qs, Qt::CaseInsensitive) ||
            url.startsWith(u"https:"_qs, Qt::CaseInsensitive) || url.startsWith(u"//"_qs))
            remote.append(url);
    QCOMPARE(remote, QStringList{u"https://example.org/riverton/capital-budget-2026"_qs});
    QVERIFY(storyLinks.contains(remote.constFirst()));
    QCOMPARE(urlAttributes(html, u"href"),
             (QStringList{u"https://example.org/riverton/capital-budget-2026"_qs,
                          u"mailto:ferry@example.org"_qs}));
    QVERIFY(!html.contains(u"javascript:"_qs, Qt::CaseInsensitive));
}

void TestExport::exportAgainOverwrites() {
    QTemporaryDir tmp;
    QString error;
    QVERIFY2(exportStory(m_story, tmp.path(), &error), qPrintable(error));
    // A file of the producer's own in the folder is left alone.
    QFile notes(tmp.filePath(u"notes.txt"_qs));
    QVERIFY(notes.open(QIODevice::WriteOnly));
    notes.write("keep me");
    notes.close();
    m_story.headline = u"A corrected headline"_qs;
    QVERIFY2(exportStory(m_story, tmp.path(), &error), qPrintable(error));
    QVERIFY(
        readAll(tmp.filePath(u"index.html"_qs)).contains("<h1 class=\"headline\">A corrected headline</h1>"));
    QCOMPARE(tree(tmp.path()),
             (QStringList{u"images/"_qs, u"images/1-harbour-cranes-480.jpg"_qs, u"images/1-harbour-cranes-480.webp"_qs,
                          u"images/1-harbour-cranes-960.jpg"_qs, u"images/1-harbour-cranes-960.webp"_qs,
                          u"images/1-harbour-cranes.jpg"_qs, u"images/1-harbour-cranes.webp"_qs,
                          u"images/2-ferry-dock-480.jpg"_qs, u"images/2-ferry-dock-480.webp"_qs,
                          u"images/2-ferry-dock.jpg"_qs, u"images/2-ferry-dock.webp"_qs, u"index.html"_qs,
                          u"notes.txt"_qs}));
    QCOMPARE(readAll(tmp.filePath(u"notes.txt"_qs)), QByteArray("keep me"));

    // A picture the story dropped leaves the page folder; the producer's own pictures stay.
    QFile logo(tmp.filePath(u"images/masthead-logo.png"_qs));
    QVERIFY(logo.open(QIODevice::WriteOnly));
    logo.write("mine");
    logo.close();
    m_story.images.removeFirst();
    QVERIFY2(exportStory(m_story, tmp.path(), &error), qPrintable(error));
    // (The renditions of the dropped picture go too.)
    QCOMPARE(tree(tmp.path()),
             (QStringList{u"images/"_qs, u"images/1-ferry-dock-480.jpg"_qs, u"images/1-ferry-dock-480.webp"_qs,
                          u"images/1-ferry-dock.jpg"_qs, u"images/1-ferry-dock.webp"_qs,
                          u"images/masthead-logo.png"_qs, u"index.html"_qs, u"notes.txt"_qs}));
    QCOMPARE(readAll(tmp.filePath(u"images/1-ferry-dock.jpg"_qs)), exportedPicture(m_story.images.at(0)));

    // And a story with no pictures left keeps none of them.
    m_story.images.clear();
    QVERIFY2(exportStory(m_story, tmp.path(), &error), qPrintable(error));
    QCOMPARE(tree(tmp.path()), (QStringList{u"images/"_qs, u"images/masthead-logo.png"_qs, u"index.html"_qs,
                                            u"notes.txt"_qs}));
}

void TestExport::folderBlockedByFile() {
    QTemporaryDir tmp;
    QFile blocker(tmp.filePath(u"page"_qs));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    QString error;
    QVERIFY(!exportStory(m_story, blocker.fileName(), &error));
    QCOMPARE(error, u"Cannot create the folder %1: a file with that name is in the way."_qs.arg(
                        QDir::toNativeSeparators(blocker.fileName())));

    QVERIFY(!exportStory(m_story, blocker.fileName() + u"/inside"_qs, &error));
    QCOMPARE(error,
             u"Cannot create the folder %1. Check that the place exists and you may write there."_qs.arg(
                 QDir::toNativeSeparators(blocker.fileName() + u"/inside"_qs)));
}

void TestExport::writeFailure() {
    QTemporaryDir tmp;
    // A folder where index.html should go: the file cannot be written over it.
    QVERIFY(QDir(tmp.path()).mkpath(u"index.html"_qs));
    QString error;
    QVERIFY(!exportStory(m_story, tmp.path(), &error));
    QCOMPARE(error,
             u"Could not write %1: a folder with that name is in the way; nothing was exported."_qs.arg(
                 QDir::toNativeSeparators(tmp.filePath(u"index.html"_qs))));
    QCOMPARE(tree(tmp.path()), QStringList{u"index.html/"_qs}); // nothing written, nothing removed
}

// A full disk must fail the export with a plain sentence and leave the folder as it was: no
// picture without its page, no staging folder, no parent folder made for nothing. Needs a 20 KiB
// tmpfs, which only a privileged user (CI container, root) may mount.
void TestExport::diskFull() {
    QTemporaryDir tmp;
    const QString mountPoint = tmp.filePath(u"small-disk"_qs);
    QVERIFY(QDir().mkpath(mountPoint));
    const QString mount = QStandardPaths::findExecutable(u"mount"_qs);
    if (mount.isEmpty() || QProcess::execute(mount, {u"-t"_qs, u"tmpfs"_qs, u"-o"_qs, u"size=20k"_qs,
                                                     u"tmpfs"_qs, mountPoint}) != 0)
        QSKIP("Cannot mount a small tmpfs here (needs root); the full-disk case is not exercised.");
    const auto unmount = qScopeGuard([&] { QProcess::execute(u"umount"_qs, {mountPoint}); });

    // A new folder: the first picture's narrower renditions fit, its full-size WebP does not.
    QString error;
    QVERIFY(!exportStory(m_story, mountPoint + u"/page"_qs, &error));
    QCOMPARE(error, u"The disk is full: could not write %1; nothing was exported."_qs.arg(
                        mountPoint + u"/page/images/1-harbour-cranes.webp"_qs));
    QCOMPARE(tree(mountPoint), QStringList());

    // Parent folders the export had to make are removed again.
    QVERIFY(!exportStory(m_story, mountPoint + u"/a/b/page"_qs, &error));
    QCOMPARE(error, u"The disk is full: could not write %1; nothing was exported."_qs.arg(
                        mountPoint + u"/a/b/page/images/1-harbour-cranes.webp"_qs));
    QCOMPARE(tree(mountPoint), QStringList());

    // An earlier export of the story without pictures stays exactly as it was.
    Story small = m_story;
    small.images.clear();
    QVERIFY2(exportStory(small, mountPoint + u"/page"_qs, &error), qPrintable(error));
    const QByteArray before = readAll(mountPoint + u"/page/index.html"_qs);
    QVERIFY(!before.isEmpty());
    QVERIFY(!exportStory(m_story, mountPoint + u"/page"_qs, &error));
    QVERIFY2(error.startsWith(u"The disk is full: could not write "_qs) &&
                 error.endsWith(u"; nothing was exported."_qs),
             qPrintable(error));
    QCOMPARE(tree(mountPoint), (QStringList{u"page/"_qs, u"page/index.html"_qs}));
    QCOMPARE(readAll(mountPoint + u"/page/index.html"_qs), before);
}

// A writable folder inside a read-only one (a shared drive's page folder): the page is staged
// inside the folder itself and still lands complete. Needs root for the mounts.
void TestExport::folderInReadOnlyParent() {
    QTemporaryDir tmp;
    const QString parent = tmp.filePath(u"read-only"_qs);
    const QString writable = tmp.filePath(u"writable"_qs);
    QVERIFY(QDir().mkpath(parent));
    QVERIFY(QDir().mkpath(writable));
    const QString mount = QStandardPaths::findExecutable(u"mount"_qs);
    if (mount.isEmpty() ||
        QProcess::execute(mount, {u"-t"_qs, u"tmpfs"_qs, u"-o"_qs, u"size=64k"_qs, u"tmpfs"_qs, parent}) != 0)
        QSKIP("Cannot mount a tmpfs here (needs root); the read-only parent case is not exercised.");
    const QString page = parent + u"/page"_qs;
    auto unmount = qScopeGuard([&] {
        QProcess::execute(u"umount"_qs, {page});
        QProcess::execute(u"umount"_qs, {parent});
    });
    QVERIFY(QDir().mkpath(page));
    QCOMPARE(QProcess::execute(mount, {u"-o"_qs, u"remount,ro"_qs, parent}), 0);
    QCOMPARE(QProcess::execute(mount, {u"--bind"_qs, writable, page}), 0);

    QString error;
    QVERIFY2(exportStory(m_story, page, &error), qPrintable(error));
    QCOMPARE(tree(writable).filter(u".jpg"_qs),
             (QStringList{u"images/1-harbour-cranes-480.jpg"_qs, u"images/1-harbour-cranes-960.jpg"_qs,
                          u"images/1-harbour-cranes.jpg"_qs, u"images/2-ferry-dock-480.jpg"_qs,
                          u"images/2-ferry-dock.jpg"_qs}));
    QCOMPARE(tree(writable).size(), 12); // images/, the JPEG and WebP files, index.html
    QCOMPARE(readAll(writable + u"/images/2-ferry-dock.jpg"_qs), exportedPicture(m_story.images.at(1)));
}

void TestExport::warnings_data() {
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<QStringList>("warnings");
    // The full story: the marsh picture has not arrived; every picture has alt text.
    QTest::newRow("full story") << u"full-story"_qs
                                << QStringList{u"Picture 3 (“marsh.jpg”) has not arrived: the page shows "
                                               u"“Picture missing” in its place."_qs};
    QTest::newRow("empty story") << u"empty"_qs
                                 << QStringList{
                                        u"The headline is empty: the page is titled “Untitled story”."_qs};
}

void TestExport::warnings() {
    QFETCH(QString, fixture);
    QFETCH(QStringList, warnings);
    QString error;
    const auto story =
        test::loadStoryFixture(QStringLiteral(GALLEY_TEST_DATA) + u"/render/"_qs + fixture, &error);
    QVERIFY2(story, qPrintable(error));
    QCOMPARE(exportWarnings(*story), warnings);
}

// One line per problem, pictures named by number and file name (else caption) in story order.
void TestExport::warningsForPictures() {
    Story story;
    story.headline = u"  "_qs;
    story.images = {
        StoryImage{u"a"_qs, "x", u"image/png"_qs, u"quay.png"_qs, {}, {}, u"  "_qs, {}},
        StoryImage{u"b"_qs, {}, u"image/jpeg"_qs, {}, u"The mayor"_qs, {}, u"Mayor at desk"_qs, {}},
        StoryImage{u"c"_qs, {}, u"image/jpeg"_qs, {}, {}, {}, {}, {}},
        StoryImage{u"d"_qs, "x", u"image/png"_qs, {}, {}, {}, u"Fine"_qs, {}}};
    QCOMPARE(
        exportWarnings(story),
        (QStringList{
            u"The headline is empty: the page is titled “Untitled story”."_qs,
            u"Picture 1 (“quay.png”) has no alt text for readers who cannot see it."_qs,
            u"Picture 2 (“The mayor”) has not arrived: the page shows “Picture missing” in its place."_qs,
            u"Picture 3 has not arrived: the page shows “Picture missing” in its place."_qs,
            u"Picture 3 has no alt text for readers who cannot see it."_qs,
        }));
}

QTEST_GUILESS_MAIN(TestExport)
#include "tst_export.moc"
