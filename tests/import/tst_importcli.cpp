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

QByteArray readCase(const QString &name) {
    QFile file(QStringLiteral(GALLEY_TEST_DATA "/import/cases/") + name);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

/// A ninjs 2.x item of version @p version; without @p guid it has no id, only agency and slug.
QByteArray wireItem(const QString &guid, int version, const QString &headline, const QString &ednote) {
    QString json = u"{\n"_qs;
    if (!guid.isEmpty())
        json += u"  \"uri\": \"%1\",\n"_qs.arg(guid);
    json += u"  \"type\": \"text\", \"version\": \"%1\", \"source\": \"Example Wire\",\n"
            "  \"slugline\": \"Harbour-Ferry-Strike\", \"ednote\": \"%2\",\n"
            "  \"headlines\": [{\"role\": \"main\", \"value\": \"%3\"}],\n"
            "  \"bodies\": [{\"contenttype\": \"text/html\", \"value\": \"<p>Version %1 of the ferry story, "
            "with enough words to be a paragraph of its own.</p>\"}]\n}\n"_qs.arg(QString::number(version),
                                                                                  ednote, headline);
    return json.toUtf8();
}

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes) {
    QFile file(dir.filePath(name));
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(bytes);
    return file.fileName();
}

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
        QTest::newRow("unknown json") << readCase(u"json-unknown/input.json"_qs)
                                      << u"The file is JSON but not ninjs: it has no headline or body.\n"_qs;
        QTest::newRow("unknown xml")
            << readCase(u"xml-unknown/input.xml"_qs)
            << u"The file is XML (root element <rss>) but not NITF or NewsML-G2.\n"_qs;
        QTest::newRow("damaged ninjs") << QByteArray("{\"uri\": \"urn:x\", \"headline\": \"Cut off")
                                       << u"The JSON file is damaged at line 1"_qs;
        QTest::newRow("newsml package alone")
            << QByteArray(
                   "<packageItem xmlns=\"http://iptc.org/std/nar/2006-10-01/\" guid=\"p1\"><groupSet "
                   "root=\"G1\"><group id=\"G1\"><itemRef residref=\"a\"/></group></groupSet></packageItem>")
            << u"The file is a NewsML-G2 package: it lists other items but holds no story text of its own."_qs;
        QTest::newRow("newsml entities")
            << QByteArray("<?xml version=\"1.0\"?>\n<!DOCTYPE newsItem [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b "
                          "\"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>\n<newsItem "
                          "xmlns=\"http://iptc.org/std/nar/2006-10-01/\">"
                          "<contentMeta><headline>&b;&b;&b;</headline></contentMeta></newsItem>")
            << u"The file's DOCTYPE declares its own entities (such as “a”); Galley does not expand them."_qs;
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

    void laterVersionUpdatesTheStory_data() {
        QTest::addColumn<QString>("guid");
        QTest::newRow("same original id") << u"urn:newsml:wire.example.org:20260312:ferry"_qs;
        QTest::newRow("write-thru of the same agency and slug") << QString();
    }

    void laterVersionUpdatesTheStory() {
        QFETCH(QString, guid);
        QTemporaryDir dir;
        const QString db = dir.filePath(u"library.sqlite"_qs);
        const QString first =
            writeFile(dir, u"v1.json"_qs, wireItem(guid, 1, u"Ferry crews walk out"_qs, u"First take."_qs));
        const QString second = writeFile(
            dir, u"v2.json"_qs,
            wireItem(guid, 2, u"Ferry crews walk out as talks collapse"_qs, u"Adds union quote."_qs));
        QCOMPARE(galleyRun({u"import"_qs, first, u"--db"_qs, db}).out,
                 u"ferry-crews-walk-out\tFerry crews walk out\n"_qs);

        // The desk works on it: status and a note of its own.
        QString id;
        {
            StoryLibrary library;
            QString error;
            QVERIFY(library.open(db, &error));
            auto story = library.loadBySlug(u"ferry-crews-walk-out"_qs, &error);
            QVERIFY2(story, qPrintable(error));
            id = story->id;
            story->status = StoryStatus::CopyEdit;
            story->notes.append(EditorNote{newId(), u"Night desk"_qs, {}, u"Check the fare figures."_qs, {}});
            QVERIFY2(library.save(*story, &error), qPrintable(error));
        }

        const Run update = galleyRun({u"import"_qs, second, u"--db"_qs, db});
        QCOMPARE(update.code, 0);
        QCOMPARE(update.out, u"ferry-crews-walk-out\tFerry crews walk out as talks collapse\tupdated\n"_qs);
        QCOMPARE(storyCount(db), 1);
        {
            StoryLibrary library;
            QString error;
            QVERIFY(library.open(db, &error));
            const auto story = library.load(id, &error);
            QVERIFY2(story, qPrintable(error));
            QCOMPARE(story->slug, u"ferry-crews-walk-out"_qs);
            QCOMPARE(story->headline, u"Ferry crews walk out as talks collapse"_qs);
            QCOMPARE(story->status, StoryStatus::CopyEdit);
            QCOMPARE(story->body.first().plainText(),
                     u"Version 2 of the ferry story, with enough words to be a paragraph of its own."_qs);
            QStringList notes;
            for (const EditorNote &note : story->notes)
                notes << note.author % u": "_qs % note.text;
            QCOMPARE(notes,
                     (QStringList{u"Example Wire: First take."_qs, u"Night desk: Check the fare figures."_qs,
                                  u"Example Wire: Adds union quote."_qs}));
            QFile input(second);
            QVERIFY(input.open(QIODevice::ReadOnly));
            QCOMPARE(story->originalSource, input.readAll());
            // The agency's first take stays in the history: the update is a revision of its own,
            // and the comparison shows what the agency changed.
            const QList<RevisionInfo> revisions = library.revisions(id, &error);
            QCOMPARE(revisions.size(), 3);
            QCOMPARE(revisions.at(0).kind, RevisionKind::Import);
            QCOMPARE(revisions.at(0).summary, u"wire update: v2.json"_qs);
            QCOMPARE(revisions.at(2).kind, RevisionKind::Import);
            const auto take1 = library.loadRevision(id, 1, &error);
            QVERIFY2(take1, qPrintable(error));
            QCOMPARE(take1->headline, u"Ferry crews walk out"_qs);
        }

        // --new keeps the two apart.
        const Run separate = galleyRun({u"import"_qs, u"--new"_qs, second, u"--db"_qs, db});
        QCOMPARE(separate.code, 0);
        QCOMPARE(separate.out,
                 u"ferry-crews-walk-out-as-talks-collapse\tFerry crews walk out as talks collapse\n"_qs);
        QCOMPARE(storyCount(db), 2);
    }

    void newsMessageImportsEveryStory() {
        QTemporaryDir dir;
        const QString db = dir.filePath(u"library.sqlite"_qs);
        const Run run = galleyRun({u"import"_qs,
                                   QStringLiteral(GALLEY_TEST_DATA "/import/cases/newsml-message/input.xml"),
                                   u"--db"_qs, db});
        QCOMPARE(run.code, 0);
        QCOMPARE(run.out,
                 u"fog-cuts-kestrel-bay-regatta-to-one-race\tFog cuts Kestrel Bay regatta to one race\n"
                 "lighthouse-keepers-cottage-to-become-a-museum\tLighthouse keeper's cottage to become a "
                 "museum\n"_qs);
        StoryLibrary library;
        QString error;
        QVERIFY(library.open(db, &error));
        const auto story = library.loadBySlug(u"fog-cuts-kestrel-bay-regatta-to-one-race"_qs, &error);
        QVERIFY2(story, qPrintable(error));
        QCOMPARE(story->images.size(), 1);
        QVERIFY(story->images.first().isMissing());
        QCOMPARE(story->images.first().sourceHref, u"https://media.example.org/regatta/fog-hi.jpg"_qs);
        QCOMPARE(story->images.first().width, 3600);
        QCOMPARE(story->images.first().height, 2400);
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
