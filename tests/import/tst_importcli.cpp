// `galley import` through the command-line entry point (the same code the executable runs), on a
// fresh library per test: stories created, --report printed, broken files leave the library
// unchanged, and `galley export` writes an imported story.
#include "cli/commandline.h"
#include "storage/storylibrary.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace galley;

namespace {

struct Run {
    int code = -1;
    QString out;
    QString err;
};

Run galleyRun(const QStringList &arguments) {
    QBuffer out;
    QBuffer err;
    out.open(QIODevice::WriteOnly);
    err.open(QIODevice::WriteOnly);
    Run run;
    run.code = runCommandLine(QStringList{u"galley"_qs} + arguments, &out, &err);
    run.out = QString::fromUtf8(out.data());
    run.err = QString::fromUtf8(err.data());
    return run;
}

const QString sample = QStringLiteral(GALLEY_TEST_DATA "/import/webpage-dump-transit.txt");
const QString nitf = QStringLiteral(GALLEY_TEST_DATA "/import/cases/nitf/input.nitf");

int storyCount(const QString &db) {
    StoryLibrary library;
    QString error;
    if (!library.open(db, &error))
        return -1;
    return library.count();
}

} // namespace

class TestImportCli final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void importsAndPrintsSlugs() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString db = dir.filePath(u"library.sqlite"_qs);
        const Run run = galleyRun({u"import"_qs, sample, nitf, u"--db"_qs, db});
        QCOMPARE(run.code, 0);
        QCOMPARE(run.out, u"council-approves-48-million-light-rail-extension-after\t"
                          "Council approves $48-million light rail extension after marathon vote\n"
                          "port-of-saltmere-orders-its-first-electric-crane\t"
                          "Port of Saltmere orders its first electric crane\n"_qs);
        QCOMPARE(storyCount(db), 2);

        StoryLibrary library;
        QString error;
        QVERIFY(library.open(db, &error));
        const auto story =
            library.loadBySlug(u"council-approves-48-million-light-rail-extension-after"_qs, &error);
        QVERIFY2(story, qPrintable(error));
        QCOMPARE(story->section, u"Local"_qs);
        QCOMPARE(story->images.size(), 3);
        QVERIFY(story->images.first().isMissing());
        QCOMPARE(story->pullQuotes.size(), 2);
        // Nothing is lost: the library keeps the input the story came from, byte for byte.
        QFile input(sample);
        QVERIFY(input.open(QIODevice::ReadOnly));
        QCOMPARE(story->originalSource, input.readAll());
    }

    void report() {
        QTemporaryDir dir;
        const Run run =
            galleyRun({u"import"_qs, u"--report"_qs, u"--db"_qs, dir.filePath(u"l.sqlite"_qs), nitf});
        QCOMPARE(run.code, 0);
        const QStringList lines = run.out.split(u'\n');
        QCOMPARE(lines.at(0),
                 u"port-of-saltmere-orders-its-first-electric-crane\tPort of Saltmere orders its first "
                 "electric crane"_qs);
        QCOMPARE(lines.at(1), u"# input.nitf: nitf, UTF-8, 7 changes"_qs);
        QVERIFY(lines.contains(
            u"picture-missing\t12\tThe crane will stand at berth four.\tThe crane will stand at "
            "berth four. (Port of Saltmere)"_qs));
    }

    void brokenFilesLeaveTheLibraryUnchanged_data() {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("message");
        QTest::newRow("empty") << QByteArray() << u"The file is empty: there is nothing to import."_qs;
        QTest::newRow("binary") << QByteArray("GIF89a\0\0\0\0", 10)
                                << u"The file looks like a binary file"_qs;
        QTest::newRow("truncated nitf")
            << QByteArray("<nitf><body><body.content><p>Cut") << u"The NITF file ends too early"_qs;
    }

    void brokenFilesLeaveTheLibraryUnchanged() {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, message);
        QTemporaryDir dir;
        const QString db = dir.filePath(u"library.sqlite"_qs);
        QCOMPARE(galleyRun({u"import"_qs, sample, u"--db"_qs, db}).code, 0);
        QCOMPARE(storyCount(db), 1);
        QFile bad(dir.filePath(u"bad.nitf"_qs));
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write(bytes);
        bad.close();
        // One good file and one bad: nothing is saved.
        const Run run = galleyRun({u"import"_qs, nitf, bad.fileName(), u"--db"_qs, db});
        QCOMPARE(run.code, 1);
        QVERIFY(run.out.isEmpty());
        QVERIFY2(run.err.startsWith(u"galley: “bad.nitf”: "_qs % message), qPrintable(run.err));
        QVERIFY(run.err.endsWith(u"galley: Nothing was imported.\n"_qs));
        QCOMPARE(storyCount(db), 1);
    }

    void usage() {
        const Run run = galleyRun({u"import"_qs});
        QCOMPARE(run.code, 2);
        QVERIFY(run.err.startsWith(
            u"galley: Name at least one file to import.\nUsage: galley import FILE..."_qs));
    }

    void exportWritesTheImportedStory() {
        QTemporaryDir dir;
        const QString db = dir.filePath(u"library.sqlite"_qs);
        QCOMPARE(galleyRun({u"import"_qs, sample, u"--db"_qs, db}).code, 0);
        const QString out = dir.filePath(u"page"_qs);
        const Run run = galleyRun({u"export"_qs, u"council-approves-48-million-light-rail-extension-after"_qs,
                                   u"--out"_qs, out, u"--db"_qs, db});
        QVERIFY2(run.code == 0, qPrintable(run.err));
        QFile page(QDir(out).filePath(u"index.html"_qs));
        QVERIFY(page.open(QIODevice::ReadOnly));
        const QString html = QString::fromUtf8(page.readAll());
        QVERIFY(html.contains(u"Council approves $48-million light rail extension after marathon vote"_qs));
        QVERIFY(html.contains(u"We have waited twenty years for this line."_qs));
        QVERIFY(html.contains(u"Tomas Lindqvist/Riverton Ledger"_qs));
    }
};

QTEST_GUILESS_MAIN(TestImportCli)
#include "tst_importcli.moc"
