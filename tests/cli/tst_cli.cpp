#include "cli/commandline.h"
#include "storage/storylibrary.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QScopeGuard>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace galley;

namespace {

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

} // namespace

/// Drives the real `galley` binary (GALLEY_BINARY) with a library in a temporary folder. The
/// process gets its own HOME and XDG folders so it can never see or create a user's library.
class TestCli final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void isCommandLineVerb_data();
    void isCommandLineVerb();
    void listOutputExact();
    void listInProcessMatchesBinary();
    void listEmptyLibrary();
    void listTrash();
    void optionsBeforeVerb();
    void version_data();
    void version();
    void exportWritesPage();
    void exportWarnsOfUnfinishedStory();
    void exportSyndicationFormats();
    void exportOnFullDisk();
    void exitCodes_data();
    void exitCodes();
    void help();
    void historyDiffAndRestore();
    void historyErrors();

private:
    Run galley(const QStringList &arguments) const;
    void fillLibrary();

    std::unique_ptr<QTemporaryDir> m_tmp;
    QString m_db;
};

void TestCli::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY2(QFileInfo(QStringLiteral(GALLEY_BINARY)).isExecutable(), GALLEY_BINARY);
}

void TestCli::init() {
    m_tmp = std::make_unique<QTemporaryDir>();
    QVERIFY(m_tmp->isValid());
    m_db = m_tmp->filePath(u"library.sqlite"_qs);
}

Run TestCli::galley(const QStringList &arguments) const {
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"HOME"_qs, m_tmp->path());
    env.insert(u"XDG_DATA_HOME"_qs, m_tmp->filePath(u"xdg-data"_qs));
    env.insert(u"XDG_CONFIG_HOME"_qs, m_tmp->filePath(u"xdg-config"_qs));
    env.insert(u"QT_QPA_PLATFORM"_qs, u"offscreen"_qs);
    process.setProcessEnvironment(env);
    process.setWorkingDirectory(m_tmp->path());
    process.start(QStringLiteral(GALLEY_BINARY), arguments);
    Run run;
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit)
        return run;
    run.exitCode = process.exitCode();
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

/// Three stories saved oldest first; `list` must show them newest first.
void TestCli::fillLibrary() {
    StoryLibrary library;
    QString error;
    QVERIFY2(library.open(m_db, &error), qPrintable(error));
    const struct {
        const char16_t *slug;
        const char16_t *headline;
        StoryStatus status;
    } rows[] = {
        {u"harbour-vote", u"Harbour board approves ferry dock", StoryStatus::Published},
        {u"library-hours", u"Library opens\ton Sundays", StoryStatus::CopyEdit},
        {u"zoe-cafe", u"Zoë’s café & bakery wins \"best loaf\"", StoryStatus::Draft},
    };
    for (const auto &row : rows) {
        Story story = Story::create();
        story.slug = QString::fromUtf16(row.slug);
        story.headline = QString::fromUtf16(row.headline);
        story.status = row.status;
        story.body = {Block::make(BlockKind::Paragraph, u"Body of "_qs + story.headline)};
        QVERIFY2(library.save(story, &error), qPrintable(error));
        QThread::msleep(15); // distinct update times, so the order is the order of saving
    }
}

void TestCli::isCommandLineVerb_data() {
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<bool>("verb");
    QTest::newRow("no arguments") << QStringList{u"galley"_qs} << false;
    QTest::newRow("list") << QStringList{u"galley"_qs, u"list"_qs} << true;
    QTest::newRow("export") << QStringList{u"galley"_qs, u"export"_qs, u"x"_qs} << true;
    QTest::newRow("help") << QStringList{u"galley"_qs, u"help"_qs} << true;
    QTest::newRow("--help") << QStringList{u"galley"_qs, u"--help"_qs} << true;
    QTest::newRow("unknown word") << QStringList{u"galley"_qs, u"no-such-story.txt"_qs} << true;
    // `galley FILE...` (a file manager's "Open with"): the editor opens with the import review.
    QTest::newRow("existing file") << QStringList{u"galley"_qs, u"@FILE"_qs} << false;
    QTest::newRow("files after --db")
        << QStringList{u"galley"_qs, u"--db"_qs, u"x.sqlite"_qs, u"@FILE"_qs, u"@FILE"_qs} << false;
    QTest::newRow("verb wins over a file") << QStringList{u"galley"_qs, u"@VERBFILE"_qs} << true;
    QTest::newRow("editor with a library") << QStringList{u"galley"_qs, u"--db"_qs, u"x.sqlite"_qs} << false;
    QTest::newRow("qt option") << QStringList{u"galley"_qs, u"-platform"_qs, u"offscreen"_qs} << false;
    QTest::newRow("mistyped verb") << QStringList{u"galley"_qs, u"LIST"_qs} << true;
    QTest::newRow("--db before list")
        << QStringList{u"galley"_qs, u"--db"_qs, u"x.sqlite"_qs, u"list"_qs} << true;
    QTest::newRow("--db= before list") << QStringList{u"galley"_qs, u"--db=x.sqlite"_qs, u"list"_qs} << true;
    QTest::newRow("--db before --help")
        << QStringList{u"galley"_qs, u"--db"_qs, u"x.sqlite"_qs, u"--help"_qs} << true;
    QTest::newRow("--version") << QStringList{u"galley"_qs, u"--version"_qs} << true;
    QTest::newRow("-v") << QStringList{u"galley"_qs, u"-v"_qs} << true;
    QTest::newRow("--db without value") << QStringList{u"galley"_qs, u"--db"_qs} << false;
    QTest::newRow("other option") << QStringList{u"galley"_qs, u"--bogus"_qs} << false;
    QTest::newRow("--db then other option")
        << QStringList{u"galley"_qs, u"--db"_qs, u"x.sqlite"_qs, u"-platform"_qs, u"offscreen"_qs} << false;
}

void TestCli::isCommandLineVerb() {
    QFETCH(QStringList, arguments);
    QFETCH(bool, verb);
    QFile story(m_tmp->filePath(u"story.nitf"_qs));
    QVERIFY(story.open(QIODevice::WriteOnly));
    story.close();
    // A file called "list" in the working directory (the test's own): "galley list" still lists.
    QFile verbFile(m_tmp->filePath(u"list"_qs));
    QVERIFY(verbFile.open(QIODevice::WriteOnly));
    verbFile.close();
    for (QString &argument : arguments)
        argument.replace(u"@FILE"_qs, story.fileName()).replace(u"@VERBFILE"_qs, u"list"_qs);
    const QString workingDir = QDir::currentPath();
    QVERIFY(QDir::setCurrent(m_tmp->path()));
    const bool isVerb = galley::isCommandLineVerb(arguments);
    QDir::setCurrent(workingDir);
    QCOMPARE(isVerb, verb);
}

void TestCli::listOutputExact() {
    fillLibrary();
    const Run run = galley({u"list"_qs, u"--db"_qs, m_db});
    QCOMPARE(run.err, QString());
    QCOMPARE(run.out, u"zoe-cafe\tDraft\tZoë’s café & bakery wins \"best loaf\"\n"
                      u"library-hours\tCopy edit\tLibrary opens on Sundays\n"
                      u"harbour-vote\tPublished\tHarbour board approves ferry dock\n"_qs);
    QCOMPARE(run.exitCode, 0);
}

void TestCli::listInProcessMatchesBinary() {
    fillLibrary();
    QBuffer out;
    QBuffer err;
    QVERIFY(out.open(QIODevice::WriteOnly));
    QVERIFY(err.open(QIODevice::WriteOnly));
    QCOMPARE(runCommandLine({u"galley"_qs, u"list"_qs, u"--db"_qs, m_db}, &out, &err), 0);
    QCOMPARE(err.data(), QByteArray());
    QCOMPARE(QString::fromUtf8(out.data()), galley({u"list"_qs, u"--db"_qs, m_db}).out);
}

// `list --trash`: the deleted stories only, with the time each was deleted; `list` leaves them out.
void TestCli::listTrash() {
    fillLibrary();
    QDateTime trashedAt;
    {
        StoryLibrary library;
        QString error;
        QVERIFY2(library.open(m_db, &error), qPrintable(error));
        const std::optional<Story> story = library.loadBySlug(u"library-hours"_qs, &error);
        QVERIFY2(story, qPrintable(error));
        QVERIFY2(library.moveToTrash(story->id, &error), qPrintable(error));
        trashedAt = library.trashedStories(&error).constFirst().trashed;
    }
    Run run = galley({u"list"_qs, u"--trash"_qs, u"--db"_qs, m_db});
    QCOMPARE(run.err, QString());
    QCOMPARE(run.out, u"library-hours\tCopy edit\tLibrary opens on Sundays\t%1\n"_qs.arg(
                          trashedAt.toUTC().toString(Qt::ISODate)));
    QCOMPARE(run.exitCode, 0);
    run = galley({u"list"_qs, u"--db"_qs, m_db});
    QCOMPARE(run.out, u"zoe-cafe\tDraft\tZoë’s café & bakery wins \"best loaf\"\n"
                      u"harbour-vote\tPublished\tHarbour board approves ferry dock\n"_qs);
    run = galley({u"export"_qs, u"library-hours"_qs, u"--out"_qs, m_tmp->filePath(u"out"_qs), u"--db"_qs, m_db});
    QCOMPARE(run.exitCode, 1);
}

void TestCli::listEmptyLibrary() {
    {
        StoryLibrary library;
        QString error;
        QVERIFY2(library.open(m_db, &error), qPrintable(error));
    }
    const Run run = galley({u"list"_qs, u"--db"_qs, m_db});
    QCOMPARE(run.out, QString());
    QCOMPARE(run.err, QString());
    QCOMPARE(run.exitCode, 0);
}

void TestCli::optionsBeforeVerb() {
    fillLibrary();
    const Run after = galley({u"list"_qs, u"--db"_qs, m_db});
    QCOMPARE(after.exitCode, 0);
    QVERIFY(!after.out.isEmpty());
    const Run before = galley({u"--db"_qs, m_db, u"list"_qs});
    QCOMPARE(before.err, QString());
    QCOMPARE(before.out, after.out);
    QCOMPARE(before.exitCode, 0);
    const Run equals = galley({u"--db="_qs + m_db, u"list"_qs});
    QCOMPARE(equals.out, after.out);
    QCOMPARE(equals.exitCode, 0);
}

void TestCli::version_data() {
    QTest::addColumn<QString>("flag");
    QTest::newRow("--version") << u"--version"_qs;
    QTest::newRow("-v") << u"-v"_qs;
}

// The version is printed by the command line, never by a window (the test runs offscreen).
void TestCli::version() {
    QFETCH(QString, flag);
    const Run run = galley({flag});
    QCOMPARE(run.err, QString());
    QCOMPARE(run.out, u"galley "_qs + QStringLiteral(GALLEY_VERSION) + u'\n');
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(galley({u"--db"_qs, m_db, flag}).out, run.out);
}

void TestCli::exportWritesPage() {
    fillLibrary();
    const QString out = m_tmp->filePath(u"out/page"_qs);
    const Run run = galley({u"export"_qs, u"zoe-cafe"_qs, u"--db"_qs, m_db, u"--out"_qs, out});
    QCOMPARE(run.err, QString());
    QCOMPARE(run.out, QDir::toNativeSeparators(out + u"/index.html"_qs) + u'\n');
    QCOMPARE(run.exitCode, 0);
    QFile index(out + u"/index.html"_qs);
    QVERIFY(index.open(QIODevice::ReadOnly));
    const QByteArray html = index.readAll();
    QVERIFY(html.startsWith("<!DOCTYPE html>\n"));
    QVERIFY(html.contains("<h1 class=\"headline\">Zo\xc3\xab\xe2\x80\x99s caf\xc3\xa9 &amp; bakery wins "
                          "&quot;best loaf&quot;</h1>"));
    // Relative --out is taken from the working directory.
    const Run relative = galley({u"export"_qs, u"harbour-vote"_qs, u"--out"_qs, u"rel"_qs, u"--db"_qs, m_db});
    QCOMPARE(relative.exitCode, 0);
    QVERIFY(QFile::exists(m_tmp->filePath(u"rel/index.html"_qs)));

    // --base-url gives the page its canonical address (the trailing slash is dropped); a bad one is
    // a usage error that writes nothing.
    const QString based = m_tmp->filePath(u"based"_qs);
    const Run withBase = galley({u"export"_qs, u"zoe-cafe"_qs, u"--db"_qs, m_db, u"--out"_qs, based,
                                 u"--base-url"_qs, u"https://news.example.org/stories/"_qs});
    QCOMPARE(withBase.exitCode, 0);
    QFile basedIndex(based + u"/index.html"_qs);
    QVERIFY(basedIndex.open(QIODevice::ReadOnly));
    const QByteArray basedHtml = basedIndex.readAll();
    QVERIFY(basedHtml.contains("<link rel=\"canonical\" href=\"https://news.example.org/stories/zoe-cafe/\">"));
    QVERIFY(basedHtml.contains("<meta property=\"og:url\" content=\"https://news.example.org/stories/zoe-cafe/\">"));
    QVERIFY(!html.contains("rel=\"canonical\""));
    const Run badBase = galley({u"export"_qs, u"zoe-cafe"_qs, u"--db"_qs, m_db, u"--out"_qs,
                                m_tmp->filePath(u"never"_qs), u"--base-url"_qs, u"news.example.org"_qs});
    QCOMPARE(badBase.exitCode, 2);
    QVERIFY2(badBase.err.startsWith(u"galley: “news.example.org” is not a web address: the site base URL must "
                                    u"start with https:// or http:// and name a host, like "
                                    u"https://news.example.org/stories.\n"_qs),
             qPrintable(badBase.err));
    QVERIFY(!QFile::exists(m_tmp->filePath(u"never"_qs)));
}

// --format nitf / ninjs / newsml write DIR/SLUG.xml / DIR/SLUG.json / DIR/SLUG.newsml.xml; an embargo still
// running is warned of; an unknown format is a usage error that writes nothing.
void TestCli::exportSyndicationFormats() {
    StoryLibrary library;
    QString error;
    QVERIFY2(library.open(m_db, &error), qPrintable(error));
    Story story = Story::create();
    story.slug = u"pier-repairs"_qs;
    story.headline = u"Pier repairs start in May"_qs;
    story.body = {Block::make(BlockKind::Paragraph, u"Work on the old pier starts in May."_qs)};
    story.metadata.embargo = QDateTime(QDate(2099, 5, 1), QTime(6, 30), Qt::UTC);
    QVERIFY2(library.save(story, &error), qPrintable(error));

    const QString out = m_tmp->filePath(u"syndication"_qs);
    const QString warning = u"galley: warning: The story is embargoed until 1 May 2099, 06:30 UTC: it must not "
                            u"be published before then. The export carries the embargo time.\n"_qs;
    const Run nitf = galley({u"export"_qs, u"pier-repairs"_qs, u"--db"_qs, m_db, u"--out"_qs, out,
                             u"--format"_qs, u"nitf"_qs});
    QCOMPARE(nitf.err, warning);
    QCOMPARE(nitf.out, QDir::toNativeSeparators(out + u"/pier-repairs.xml"_qs) + u'\n');
    QCOMPARE(nitf.exitCode, 0);
    QFile xml(out + u"/pier-repairs.xml"_qs);
    QVERIFY(xml.open(QIODevice::ReadOnly));
    QVERIFY(xml.readAll().contains("<date.release norm=\"20990501T063000Z\"/>"));

    const Run ninjs = galley({u"export"_qs, u"pier-repairs"_qs, u"--db"_qs, m_db, u"--out"_qs, out,
                              u"--format=ninjs"_qs});
    QCOMPARE(ninjs.err, warning);
    QCOMPARE(ninjs.out, QDir::toNativeSeparators(out + u"/pier-repairs.json"_qs) + u'\n');
    QFile json(out + u"/pier-repairs.json"_qs);
    QVERIFY(json.open(QIODevice::ReadOnly));
    QVERIFY(json.readAll().contains("\"embargoed\": \"2099-05-01T06:30:00Z\""));
    QVERIFY(!QFile::exists(out + u"/index.html"_qs));

    const Run newsml = galley(
        {u"export"_qs, u"pier-repairs"_qs, u"--db"_qs, m_db, u"--out"_qs, out, u"--format"_qs, u"newsml"_qs});
    QCOMPARE(newsml.err, warning);
    QCOMPARE(newsml.out, QDir::toNativeSeparators(out + u"/pier-repairs.newsml.xml"_qs) + u'\n');
    QCOMPARE(newsml.exitCode, 0);
    QFile item(out + u"/pier-repairs.newsml.xml"_qs);
    QVERIFY(item.open(QIODevice::ReadOnly));
    const QByteArray itemXml = item.readAll();
    QVERIFY(itemXml.contains("<embargoed>2099-05-01T06:30:00Z</embargoed>"));
    QVERIFY(itemXml.contains("<p>Work on the old pier starts in May.</p>"));

    const Run bad = galley({u"export"_qs, u"pier-repairs"_qs, u"--db"_qs, m_db, u"--out"_qs,
                            m_tmp->filePath(u"never"_qs), u"--format"_qs, u"pdf"_qs});
    QCOMPARE(bad.exitCode, 2);
    QVERIFY(bad.err.startsWith(
        u"galley: “pdf” is not a format Galley writes: use html, nitf, ninjs or newsml.\n"_qs));
    QVERIFY(!QFile::exists(m_tmp->filePath(u"never"_qs)));
}

// A story that is not finished still exports (exit 0), with one warning per problem on stderr.
void TestCli::exportWarnsOfUnfinishedStory() {
    StoryLibrary library;
    QString error;
    QVERIFY2(library.open(m_db, &error), qPrintable(error));
    Story story = Story::create();
    story.slug = u"unfinished"_qs;
    story.body = {Block::make(BlockKind::Paragraph, u"Sandbags went up on Quay Street."_qs)};
    story.images = {
        StoryImage{newId(), QByteArray(100, 'x'), u"image/jpeg"_qs, u"sandbags.jpg"_qs, {}, {}, {}, {}},
        StoryImage{newId(),
                   {},
                   u"image/jpeg"_qs,
                   u"flood.jpg"_qs,
                   {},
                   {},
                   u"Flood water"_qs,
                   Placement::after(story.body.constFirst().id)}};
    QVERIFY2(library.save(story, &error), qPrintable(error));

    const QString out = m_tmp->filePath(u"page"_qs);
    const Run run = galley({u"export"_qs, u"unfinished"_qs, u"--db"_qs, m_db, u"--out"_qs, out});
    QCOMPARE(run.err,
             u"galley: warning: The headline is empty: the page is titled “Untitled story”.\n"
             u"galley: warning: Picture 1 (“sandbags.jpg”) has no alt text for readers who cannot see it.\n"
             u"galley: warning: Picture 2 (“flood.jpg”) has not arrived: the page shows “Picture "
             u"missing” in its place.\n"_qs);
    QCOMPARE(run.out, QDir::toNativeSeparators(out + u"/index.html"_qs) + u'\n');
    QCOMPARE(run.exitCode, 0);
    QVERIFY(QFile::exists(out + u"/images/1-sandbags.jpg"_qs));
}

// The QA case: a 64 KiB disk holds the first picture but not the second. One plain sentence,
// exit 1, and nothing left on the disk. Needs root to mount the tmpfs.
void TestCli::exportOnFullDisk() {
    const QString mountPoint = m_tmp->filePath(u"small"_qs);
    QVERIFY(QDir().mkpath(mountPoint));
    const QString mount = QStandardPaths::findExecutable(u"mount"_qs);
    if (mount.isEmpty() || QProcess::execute(mount, {u"-t"_qs, u"tmpfs"_qs, u"-o"_qs, u"size=64k"_qs,
                                                     u"tmpfs"_qs, mountPoint}) != 0)
        QSKIP("Cannot mount a small tmpfs here (needs root); the full-disk case is not exercised.");
    const auto unmount = qScopeGuard([&] { QProcess::execute(u"umount"_qs, {mountPoint}); });

    StoryLibrary library;
    QString error;
    QVERIFY2(library.open(m_db, &error), qPrintable(error));
    Story story = Story::create();
    story.slug = u"flood"_qs;
    story.headline = u"Sandbags on Quay Street"_qs;
    story.body = {Block::make(BlockKind::Paragraph, u"The river rose overnight."_qs)};
    for (const QString &name : {u"sandbags-harbour.jpg"_qs, u"sandbags-quay-street.jpg"_qs})
        story.images.append(StoryImage{newId(),
                                       QByteArray(40 * 1024, 'x'),
                                       u"image/jpeg"_qs,
                                       name,
                                       {},
                                       {},
                                       u"Sandbags"_qs,
                                       Placement::after(story.body.constFirst().id)});
    QVERIFY2(library.save(story, &error), qPrintable(error));

    const QString out = mountPoint + u"/out"_qs;
    const Run run = galley({u"export"_qs, u"flood"_qs, u"--db"_qs, m_db, u"--out"_qs, out});
    QCOMPARE(run.err, u"galley: The disk is full: could not write %1; nothing was exported.\n"_qs.arg(
                          QDir::toNativeSeparators(out + u"/images/2-sandbags-quay-street.jpg"_qs)));
    QCOMPARE(run.out, QString());
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(QDir(mountPoint).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
             QStringList());
}

void TestCli::exitCodes_data() {
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("errStart");
    const QString db = u"@DB"_qs; // replaced by the test's library
    const QString usage = u"galley: "_qs;
    QTest::newRow("unknown slug") << QStringList{u"export"_qs, u"no-such-story"_qs, u"--db"_qs,
                                                 db,           u"--out"_qs,         u"o"_qs}
                                  << 1 << u"galley: No story in the library has the slug “no-such-story”."_qs;
    QTest::newRow("db is a folder") << QStringList{u"list"_qs, u"--db"_qs, u"@TMP"_qs} << 1 << usage;
    QTest::newRow("db is not a library") << QStringList{u"list"_qs, u"--db"_qs, u"@JUNK"_qs} << 1 << usage;
    QTest::newRow("export into a file")
        << QStringList{u"export"_qs, u"harbour-vote"_qs, u"--db"_qs, db, u"--out"_qs, u"@JUNK"_qs} << 1
        << u"galley: Cannot create the folder "_qs;
    QTest::newRow("db is an empty file")
        << QStringList{u"list"_qs, u"--db"_qs, u"@EMPTY"_qs} << 1
        << u"galley: The file “@EMPTY” is empty, not a Galley library; Galley has not changed it. Name a new "
           u"file to start a library there.\n"_qs;
    QTest::newRow("db does not exist") << QStringList{u"list"_qs, u"--db"_qs, u"@TMP/nothing.sqlite"_qs} << 1
                                       << u"galley: There is no story library at "_qs;
    QTest::newRow("export without slug")
        << QStringList{u"export"_qs, u"--db"_qs, db, u"--out"_qs, u"o"_qs} << 2
        << u"galley: Say which story to export: its slug is missing.\n"
           u"Usage: galley export SLUG --out DIR [--format FORMAT] [--base-url URL] [--db PATH]\n"_qs;
    QTest::newRow("export without --out") << QStringList{u"export"_qs, u"harbour-vote"_qs, u"--db"_qs, db}
                                          << 2 << u"galley: Say where to write the page with --out DIR.\n"_qs;
    QTest::newRow("two slugs") << QStringList{u"export"_qs, u"a"_qs, u"b"_qs, u"--out"_qs, u"o"_qs} << 2
                               << usage;
    QTest::newRow("unknown option")
        << QStringList{u"list"_qs, u"--frobnicate"_qs} << 2
        << u"galley: “--frobnicate” is not an option of galley list.\nUsage: galley list [--trash] [--db PATH]\n"
           u"Run “galley help” for more.\n"_qs;
    QTest::newRow("unknown single-dash option") << QStringList{u"list"_qs, u"-bogus"_qs} << 2
                                                << u"galley: “-bogus” is not an option of galley list.\n"_qs;
    QTest::newRow("two unknown options") << QStringList{u"list"_qs, u"--a"_qs, u"--bee=1"_qs} << 2
                                         << u"galley: “--a”, “--bee” are not options of galley list.\n"_qs;
    QTest::newRow("--db without value")
        << QStringList{u"list"_qs, u"--db"_qs} << 2 << u"galley: “--db” needs a value after it.\n"_qs;
    QTest::newRow("value for a flag") << QStringList{u"import"_qs, u"x.txt"_qs, u"--report=yes"_qs} << 2
                                      << u"galley: “--report” takes no value.\n"_qs;
    QTest::newRow("two --out") << QStringList{u"export"_qs, u"harbour-vote"_qs, u"--db"_qs, db, u"--out"_qs,
                                              u"a"_qs,      u"--out"_qs,        u"b"_qs}
                               << 2
                               << u"galley: “--out” is given more than once; give it once.\n"
                                  u"Usage: galley export SLUG --out DIR [--format FORMAT] [--base-url URL] [--db PATH]\n"_qs;
    QTest::newRow("--db before and after the verb")
        << QStringList{u"--db"_qs, db, u"list"_qs, u"--db"_qs, db} << 2
        << u"galley: “--db” is given more than once; give it once.\n"_qs;
    QTest::newRow("list with argument") << QStringList{u"list"_qs, u"extra"_qs} << 2 << usage;
    QTest::newRow("unknown verb")
        << QStringList{u"frob"_qs} << 2
        << u"galley: “frob” is not a verb Galley knows, nor a file to import.\n"
           u"Usage: galley [--db PATH] [VERB [ARGUMENTS]]   Run “galley help” for the list of verbs.\n"_qs;
    QTest::newRow("help for unknown verb")
        << QStringList{u"help"_qs, u"frob"_qs} << 2 << u"galley: There is no verb called “frob”.\n"_qs;
}

void TestCli::exitCodes() {
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, errStart);
    fillLibrary();
    QFile junk(m_tmp->filePath(u"junk.sqlite"_qs));
    QVERIFY(junk.open(QIODevice::WriteOnly));
    junk.write(QByteArray(4096, 'x'));
    junk.close();
    const QString empty = m_tmp->filePath(u"empty.sqlite"_qs);
    QFile emptyFile(empty);
    QVERIFY(emptyFile.open(QIODevice::WriteOnly));
    emptyFile.close();
    errStart.replace(u"@EMPTY"_qs, empty);
    for (QString &argument : arguments) {
        argument.replace(u"@EMPTY"_qs, empty);
        argument.replace(u"@DB"_qs, m_db);
        argument.replace(u"@JUNK"_qs, junk.fileName());
        argument.replace(u"@TMP"_qs, m_tmp->path());
    }
    const Run run = galley(arguments);
    QVERIFY2(run.err.startsWith(errStart), qPrintable(run.err));
    QVERIFY2(run.err.endsWith(u'\n'), qPrintable(run.err));
    if (exitCode == 1) // one sentence, no diagnostics around it
        QCOMPARE(run.err.count(u'\n'), 1);
    QCOMPARE(run.out, QString());
    QCOMPARE(run.exitCode, exitCode);
    QCOMPARE(QFileInfo(junk).size(), 4096); // a file that is not a library is left alone
    QCOMPARE(QFileInfo(empty).size(), 0);
}

void TestCli::help() {
    const Run run = galley({u"help"_qs});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.err, QString());
    QVERIFY(run.out.startsWith(u"Usage: galley [--db PATH] [VERB [ARGUMENTS]]\n"
                               u"       galley [--db PATH] FILE...\n"
                               u"       galley --help | --version\n\n"_qs));
    // The summaries share one column, two spaces after the longest verb line (export's).
    QVERIFY(run.out.contains(u"\n  list [--trash] [--db PATH]                                            Print every story"_qs));
    QVERIFY(run.out.contains(u"\n  export SLUG --out DIR [--format FORMAT] [--base-url URL] [--db PATH]  Write story SLUG"_qs));
    QVERIFY(run.out.contains(u"\n  import FILE... [--db PATH] [--report] [--new]                         Import text"_qs));
    QVERIFY(run.out.contains(u"\n  help [VERB]                                                           Show this help"_qs));

    const Run verb = galley({u"export"_qs, u"--help"_qs});
    QCOMPARE(verb.exitCode, 0);
    QVERIFY(verb.out.startsWith(u"Usage: galley export SLUG --out DIR [--format FORMAT] [--base-url URL] [--db PATH]\n\n"_qs));
}

void TestCli::historyDiffAndRestore() {
    QString error;
    Story story = Story::create();
    {
        StoryLibrary library;
        QVERIFY2(library.open(m_db, &error), qPrintable(error));
        story.slug = u"pier-reopens"_qs;
        story.headline = u"Pier reopens"_qs;
        story.body = {Block::make(BlockKind::Paragraph, u"The pier reopens on Tuesday."_qs)};
        SaveOptions options;
        options.author = u"Ada Lindqvist"_qs;
        QVERIFY2(library.save(story, options, &error), qPrintable(error));
        story.headline = u"Pier reopens at last"_qs;
        story.body[0].lines = {InlineText::plain(u"The pier reopens on Wednesday."_qs)};
        story.status = StoryStatus::CopyEdit;
        options.author = u"Rafe\tOkonjo"_qs; // a tab typed into the name stays on its line
        QVERIFY2(library.save(story, options, &error), qPrintable(error));
    }
    const auto time = [](const QDateTime &t) { return t.toUTC().toString(Qt::ISODate); };
    StoryLibrary library;
    QVERIFY2(library.open(m_db, &error), qPrintable(error));
    QList<RevisionInfo> revisions = library.revisions(story.id, &error);
    QCOMPARE(revisions.size(), 2);

    Run run = galley({u"history"_qs, u"pier-reopens"_qs, u"--db"_qs, m_db});
    QCOMPARE(run.err, QString());
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out, u"2\t%1\tRafe Okonjo\tCopy edit\theadline, 1 paragraph, status Copy edit\n"
                      u"1\t%2\tAda Lindqvist\tDraft\tnew story\n"_qs.arg(time(revisions.at(0).saved),
                                                                         time(revisions.at(1).saved)));

    run = galley({u"diff"_qs, u"pier-reopens"_qs, u"1"_qs, u"2"_qs, u"--db"_qs, m_db});
    QCOMPARE(run.err, QString());
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out, u"Headline: Pier reopens {+at last+}\n"
                      u"Paragraph 1: The pier reopens on [-Tuesday-]{+Wednesday+}.\n"_qs);
    run = galley({u"diff"_qs, u"--json"_qs, u"pier-reopens"_qs, u"2"_qs, u"1"_qs, u"--db"_qs, m_db});
    QCOMPARE(run.exitCode, 0);
    const QJsonArray fields = QJsonDocument::fromJson(run.out.toUtf8()).object().value(u"fields"_qs).toArray();
    QCOMPARE(fields.size(), 2);
    QCOMPARE(fields.at(1).toObject().value(u"text"_qs).toString(),
             u"The pier reopens on [-Wednesday-]{+Tuesday+}."_qs);

    run = galley({u"restore"_qs, u"pier-reopens"_qs, u"1"_qs, u"--db"_qs, m_db});
    QCOMPARE(run.err, QString());
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out, u"pier-reopens\trevision 1 restored as revision 3\n"_qs);
    const std::optional<Story> current = library.loadBySlug(u"pier-reopens"_qs, &error);
    QVERIFY2(current, qPrintable(error));
    QCOMPARE(current->headline, u"Pier reopens"_qs);
    QCOMPARE(current->status, StoryStatus::CopyEdit);
    revisions = library.revisions(story.id, &error);
    QCOMPARE(revisions.size(), 3);
    QCOMPARE(revisions.at(0).summary, u"restored revision 1"_qs);
    // Nothing was overwritten: revision 2 still reads as it was saved.
    run = galley({u"diff"_qs, u"pier-reopens"_qs, u"2"_qs, u"3"_qs, u"--db"_qs, m_db});
    QCOMPARE(run.out, u"Headline: Pier reopens [-at last-]\n"
                      u"Paragraph 1: The pier reopens on [-Wednesday-]{+Tuesday+}.\n"_qs);

    run = galley({u"history"_qs, u"--status"_qs, u"pier-reopens"_qs, u"--db"_qs, m_db});
    QCOMPARE(run.exitCode, 0);
    const QList<StatusChange> changes = library.statusChanges(story.id, &error);
    QCOMPARE(run.out, u"%1\tAda Lindqvist\t—\tDraft\n%2\tRafe Okonjo\tDraft\tCopy edit\n"_qs.arg(
                          time(changes.at(0).time), time(changes.at(1).time)));
}

void TestCli::historyErrors() {
    fillLibrary();
    Run run = galley({u"history"_qs, u"no-such-story"_qs, u"--db"_qs, m_db});
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(run.err, u"galley: No story in the library has the slug “no-such-story”.\n"_qs);
    run = galley({u"diff"_qs, u"harbour-vote"_qs, u"1"_qs, u"7"_qs, u"--db"_qs, m_db});
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(run.err, u"galley: This story has no revision 7.\n"_qs);
    run = galley({u"diff"_qs, u"harbour-vote"_qs, u"one"_qs, u"2"_qs, u"--db"_qs, m_db});
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.err.startsWith(u"galley: A revision is a number from 1 up, as “galley history” lists them.\n"_qs));
    run = galley({u"restore"_qs, u"harbour-vote"_qs, u"--db"_qs, m_db});
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.err.startsWith(u"galley: restore takes a slug and a revision number.\n"_qs));
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
