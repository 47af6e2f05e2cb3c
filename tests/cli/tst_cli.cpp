#include "cli/commandline.h"
#include "storage/storylibrary.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
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
    void exportWritesPage();
    void exitCodes_data();
    void exitCodes();
    void help();

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
    QTest::newRow("unknown word") << QStringList{u"galley"_qs, u"story.txt"_qs} << true;
    QTest::newRow("editor with a library") << QStringList{u"galley"_qs, u"--db"_qs, u"x.sqlite"_qs} << false;
    QTest::newRow("qt option") << QStringList{u"galley"_qs, u"-platform"_qs, u"offscreen"_qs} << false;
    QTest::newRow("mistyped verb") << QStringList{u"galley"_qs, u"LIST"_qs} << true;
}

void TestCli::isCommandLineVerb() {
    QFETCH(QStringList, arguments);
    QFETCH(bool, verb);
    QCOMPARE(galley::isCommandLineVerb(arguments), verb);
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
    QTest::newRow("db does not exist") << QStringList{u"list"_qs, u"--db"_qs, u"@TMP/nothing.sqlite"_qs} << 1
                                       << u"galley: There is no story library at "_qs;
    QTest::newRow("export without slug")
        << QStringList{u"export"_qs, u"--db"_qs, db, u"--out"_qs, u"o"_qs} << 2
        << u"galley: Say which story to export: its slug is missing.\n"
           u"Usage: galley export SLUG --out DIR [--db PATH]\n"_qs;
    QTest::newRow("export without --out") << QStringList{u"export"_qs, u"harbour-vote"_qs, u"--db"_qs, db}
                                          << 2 << u"galley: Say where to write the page with --out DIR.\n"_qs;
    QTest::newRow("two slugs") << QStringList{u"export"_qs, u"a"_qs, u"b"_qs, u"--out"_qs, u"o"_qs} << 2
                               << usage;
    QTest::newRow("unknown option")
        << QStringList{u"list"_qs, u"--frobnicate"_qs} << 2
        << u"galley: Unknown option 'frobnicate'.\nUsage: galley list [--db PATH]\n"_qs;
    QTest::newRow("--db without value")
        << QStringList{u"list"_qs, u"--db"_qs} << 2 << u"galley: Missing value after '--db'.\n"_qs;
    QTest::newRow("list with argument") << QStringList{u"list"_qs, u"extra"_qs} << 2 << usage;
    QTest::newRow("unknown verb")
        << QStringList{u"frob"_qs} << 2
        << u"galley: \"frob\" is not a verb Galley knows.\n"
           u"Usage: galley [VERB [ARGUMENTS]]   Run \"galley help\" for the list of verbs.\n"_qs;
    QTest::newRow("help for unknown verb")
        << QStringList{u"help"_qs, u"frob"_qs} << 2 << u"galley: There is no verb called \"frob\".\n"_qs;
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
    for (QString &argument : arguments) {
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
}

void TestCli::help() {
    const Run run = galley({u"help"_qs});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.err, QString());
    QVERIFY(run.out.startsWith(u"Usage: galley [VERB [ARGUMENTS]]\n"_qs));
    QVERIFY(run.out.contains(u"\n  list [--db PATH] "_qs));
    QVERIFY(run.out.contains(u"\n  export SLUG --out DIR [--db PATH] "_qs));

    const Run verb = galley({u"export"_qs, u"--help"_qs});
    QCOMPARE(verb.exitCode, 0);
    QVERIFY(verb.out.startsWith(u"Usage: galley export SLUG --out DIR [--db PATH]\n\n"_qs));
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
