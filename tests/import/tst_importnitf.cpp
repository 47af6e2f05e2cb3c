// The NITF reader's rules and limits: text rules on single lines, the XML guard, and every input
// that crashed, hung or blew up an import (tests/data/import/regressions/nitf/, plus the big ones
// generated here at run time), each with the exact sentence and a time bound. Invented text.
#include "import/importer.h"
#include "import/importlimits.h"
#include "import/nitfparts.h"
#include "import/xmlguard.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QStandardPaths>
#include <QTest>

using namespace galley;

namespace {

/// Generous for a CI machine: the goal is 2 s per MB on a desktop.
constexpr qint64 TimeLimitMs = 10000;

const QString regressionDir = QStringLiteral(GALLEY_TEST_DATA "/import/regressions/nitf");

QByteArray wrap(const QByteArray &content) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<nitf>\n<body>\n<body.head><hedline><hl1>Ferry fares "
           "rise "
           "in spring</hl1></hedline></body.head>\n<body.content>\n" +
           content + "\n</body.content>\n</body>\n</nitf>\n";
}

struct Outcome {
    std::optional<ImportResult> result;
    QString error;
    qint64 ms = 0;
};

Outcome importNitf(const QByteArray &bytes) {
    Outcome out;
    QElapsedTimer timer;
    timer.start();
    out.result = importBytes(bytes, ImportOptions{u"input.nitf"_qs, ImportFormat::Nitf}, &out.error);
    out.ms = timer.elapsed();
    return out;
}

QByteArray repeated(const QByteArray &unit, qsizetype times) {
    return unit.repeated(times);
}

} // namespace

class TestImportNitf final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void regressions_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("expected"); // the refusal, or "" when the file imports
        QTest::newRow("nested blocks") << u"nested-blocks-201.nitf"_qs
                                       << u"The NITF file nests elements more than 200 deep (line 6): Galley "
                                          "does not read files shaped like that."_qs;
        QTest::newRow("nested tables") << u"nested-tables-201.nitf"_qs
                                       << u"The NITF file nests elements more than 200 deep (line 6): Galley "
                                          "does not read files shaped like that."_qs;
        QTest::newRow("nested lists") << u"nested-lists-201.nitf"_qs
                                      << u"The NITF file nests elements more than 200 deep (line 6): Galley "
                                         "does not read files shaped like that."_qs;
        QTest::newRow("attributes") << u"attributes-65.nitf"_qs
                                    << u"The NITF file has an element with more than 64 attributes (line 6): "
                                       "Galley does not read files shaped like that."_qs;
        QTest::newRow("truncated")
            << u"truncated.nitf"_qs
            << u"The NITF file ends too early (line 6): it was cut off before the story "
               "ended."_qs;
        QTest::newRow("mismatched")
            << u"mismatched-tags.nitf"_qs
            << u"The NITF file is damaged at line 6, column 41: Opening and ending tag "
               "mismatch."_qs;
        QTest::newRow("not nitf") << u"not-nitf.xml"_qs
                                  << u"The XML file is not NITF: its root element is <rss>, not <nitf>."_qs;
        QTest::newRow("empty body") << u"empty-body.nitf"_qs << u"The file holds no story text to import."_qs;
        QTest::newRow("declared entities") << u"declared-entities.nitf"_qs << QString();
        QTest::newRow("external entity") << u"external-entity.nitf"_qs << QString();
        QTest::newRow("bare ampersand") << u"bare-ampersand.nitf"_qs << QString();
        QTest::newRow("unknown entities") << u"unknown-entities.nitf"_qs << QString();
        QTest::newRow("blank line before the declaration")
            << u"blank-line-before-declaration.nitf"_qs << QString();
        QTest::newRow("namespaces in scope")
            << u"namespaces-in-scope.nitf"_qs
            << u"The NITF file declares more than 64 namespaces at once (line 2): Galley does not read files "
               "shaped like that."_qs;
    }

    void regressions() {
        QFETCH(QString, file);
        QFETCH(QString, expected);
        QFile input(QDir(regressionDir).filePath(file));
        QVERIFY(input.open(QIODevice::ReadOnly));
        const Outcome out = importNitf(input.readAll());
        QVERIFY2(out.ms < TimeLimitMs, qPrintable(QString::number(out.ms)));
        if (expected.isEmpty())
            QVERIFY2(out.result, qPrintable(out.error));
        else
            QCOMPARE(out.error, expected);
    }

    /// Any file a fuzzer adds to the folder: imports, or is refused with one of Galley's sentences.
    void everyRegressionFile() {
        const QStringList files = QDir(regressionDir).entryList(QDir::Files, QDir::Name);
        QVERIFY(files.size() >= 14);
        for (const QString &file : files) {
            QFile input(QDir(regressionDir).filePath(file));
            QVERIFY(input.open(QIODevice::ReadOnly));
            const Outcome out = importNitf(input.readAll());
            QVERIFY2(out.ms < TimeLimitMs, qPrintable(file));
            QVERIFY2(out.result || (out.error.startsWith(u"The ") && out.error.endsWith(u'.')),
                     qPrintable(file % u": "_qs % out.error));
        }
    }

    void entitiesNeverExpanded() {
        // The fuzzer's shape: one entity of 4,000 letters used 18,000 times (94 KB that expanded to
        // 72 M characters).
        const QByteArray bytes = "<?xml version=\"1.0\"?>\n<!DOCTYPE nitf [\n<!ENTITY big \"" +
                                 QByteArray(4000, 'x') +
                                 "\">\n]>\n<nitf><body><body.head><hedline><hl1>Ferry fares rise in "
                                 "spring</hl1></hedline></body.head><body.content><p>Fares rise " +
                                 repeated("&big;", 18000) + " today.</p></body.content></body></nitf>\n";
        QVERIFY(bytes.size() > 90'000 && bytes.size() < 100'000);
        const Outcome out = importNitf(bytes);
        QVERIFY2(out.result, qPrintable(out.error));
        QVERIFY(out.ms < TimeLimitMs);
        const Story story = out.result->story();
        QCOMPARE(story.body.size(), 1);
        QCOMPARE(story.body.at(0).plainText(), u"Fares rise today."_qs);
        QCOMPARE(out.result->report().notes,
                 QStringList{u"The file declares entities of its own; Galley never expands them, so these "
                             "references are left out: &big; (18000 times)."_qs});
    }

    void entitiesOfOtherKinds() {
        QFile input(QDir(regressionDir).filePath(u"unknown-entities.nitf"_qs));
        QVERIFY(input.open(QIODevice::ReadOnly));
        const Outcome unknown = importNitf(input.readAll());
        QVERIFY(unknown.result);
        // HTML's names are characters; character references stay; an unknown name is left out.
        QCOMPARE(unknown.result->story().body.at(0).plainText(), u"Fares rise by €2 — today ’s news."_qs);
        QCOMPARE(unknown.result->report().notes,
                 QStringList{u"The file names entities that are neither XML's nor HTML's; these references "
                             "are left out: &wibble;."_qs});

        QFile external(QDir(regressionDir).filePath(u"external-entity.nitf"_qs));
        QVERIFY(external.open(QIODevice::ReadOnly));
        const Outcome fetched = importNitf(external.readAll());
        QVERIFY(fetched.result);
        QCOMPARE(fetched.result->story().body.at(0).plainText(), u"Fares rise and today."_qs);
        QCOMPARE(fetched.result->report().notes,
                 QStringList{u"The file declares entities of its own; Galley never expands them, so these "
                             "references are left out: &secret;, &remote;."_qs});

        QFile bare(QDir(regressionDir).filePath(u"bare-ampersand.nitf"_qs));
        QVERIFY(bare.open(QIODevice::ReadOnly));
        const Outcome ampersands = importNitf(bare.readAll());
        QVERIFY(ampersands.result);
        QCOMPARE(ampersands.result->story().body.at(0).plainText(),
                 u"Smith & Sons and AT&T raised fares & fees."_qs);
        QCOMPARE(
            ampersands.result->report().notes,
            QStringList{u"2 “&” characters in the file start no entity; they are kept as ampersands."_qs});
    }

    /// The fuzzer's findings at full size, generated here rather than committed.
    void limits_data() {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("expected");
        QTest::newRow("20,000 nested blocks")
            << wrap(repeated("<block>", 20000) + "<p>x</p>" + repeated("</block>", 20000))
            << u"The NITF file nests elements more than 200 deep (line 6): Galley does not read files shaped "
               u"like "
               "that."_qs;
        QTest::newRow("20,000 nested tables")
            << wrap(repeated("<table>", 20000) + repeated("</table>", 20000))
            << u"The NITF file nests elements more than 200 deep (line 6): Galley does not read files shaped "
               u"like "
               "that."_qs;
        QByteArray attributes = "<p";
        for (int i = 0; i < 200000; ++i)
            attributes += " a" + QByteArray::number(i) + "=\"1\"";
        QTest::newRow("200,000 attributes") << wrap(attributes + ">x</p>")
                                            << u"The NITF file has an element with more than 64 attributes "
                                               u"(line 6): Galley does not read files "
                                               "shaped like that."_qs;
        QByteArray scopes;
        for (int depth = 0; depth < 190; ++depth) {
            scopes += "<block";
            for (int i = 0; i < 60; ++i)
                scopes += " xmlns:p" + QByteArray::number(depth) + "_" + QByteArray::number(i) + "=\"urn:x\"";
            scopes += ">";
        }
        QTest::newRow("11,400 namespaces in scope, then 16 MB of prefixed elements")
            << wrap("<nitf:p xmlns:nitf=\"urn:n\">" + scopes + repeated("<nitf:p>x</nitf:p>", 900000) +
                    repeated("</block>", 190) + "</nitf:p>")
            << u"The NITF file declares more than 64 namespaces at once (line 6): Galley does not read files "
               "shaped like that."_qs;
        QTest::newRow("16 MB of paragraphs")
            << wrap(repeated("<p>x</p>\n", (MaxImportBytes - 1000) / 9))
            << u"The NITF file holds more than 20,000 paragraphs, list items, table rows and other blocks "
               u"(line "
               "20005): that is not one story, and Galley does not import it."_qs;
        QTest::newRow("16 MB of rules") << wrap(repeated("<hr/>", (MaxImportBytes - 1000) / 5))
                                        << u"The NITF file holds more than 20,000 paragraphs, list items, "
                                           u"table rows and other blocks (line "
                                           "6): that is not one story, and Galley does not import it."_qs;
        QTest::newRow("a table of 1.6 M cells")
            << wrap("<table>" + repeated("<tr>" + repeated("<td>x</td>", 99) + "</tr>\n", 16000) + "</table>")
            << u"The NITF file's tables hold more than 100,000 cells (line 1016): that is not one story, and "
               "Galley does not import it."_qs;
        QTest::newRow("4 MB paragraph of nested emphasis")
            << wrap(repeated("<p>" + repeated("<em>", 190) + "x" + repeated("</em>", 190) + "</p>\n", 2000))
            << QString();
        QTest::newRow("4 MB of refused links")
            << wrap(repeated("<p>" + repeated("<a href=\"javascript:go()\">y</a> ", 50) + "</p>\n", 2500))
            << QString();
    }

    void limits() {
        QFETCH(QByteArray, input);
        QFETCH(QString, expected);
        const Outcome out = importNitf(input);
        QVERIFY2(out.ms < TimeLimitMs, qPrintable(QString::number(out.ms)));
        if (expected.isEmpty())
            QVERIFY2(out.result, qPrintable(out.error));
        else
            QCOMPARE(out.error, expected);
    }

    void refusedLinksCounted() {
        const Outcome out = importNitf(
            wrap(repeated("<p>" + repeated("<a href=\"javascript:go()\">y</a> ", 50) + "</p>\n", 10)));
        QVERIFY(out.result);
        QCOMPARE(out.result->report().indexesOf(ImportChangeKind::RemovedElement).size(),
                 MaxListedReaderNotes);
        QCOMPARE(out.result->report().notes,
                 QStringList{u"300 more links with addresses Galley does not keep lost their address; their "
                             "words stay."_qs});
    }

    void guardKeepsLinesAndSections() {
        const QString text =
            u"<?xml version=\"1.0\"?>\n<!DOCTYPE nitf [\n<!ENTITY a \"]>\">\n]>\n<nitf "
            "class=\"a>b\">\n<!-- &a; <p> -->\n<p><![CDATA[&a; <b>]]>&a;&nbsp;&amp;&#65;</p></nitf>"_qs;
        QString error;
        const auto guarded = guardXml(text, u"NITF"_qs, &error);
        QVERIFY2(guarded, qPrintable(error));
        QCOMPARE(guarded->text.count(u'\n'), text.count(u'\n'));
        QCOMPARE(guarded->text,
                 u"<?xml version=\"1.0\"?>\n<!DOCTYPE nitf [\n                \n]>\n<nitf "
                 "class=\"a>b\">\n<!-- &a; <p> -->\n<p><![CDATA[&a; <b>]]>&#160;&amp;&#65;</p></nitf>"_qs);
    }

    void dates_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("utc");
        QTest::newRow("basic with zone") << u"20260302T091500-0500"_qs << u"2026-03-02T14:15:00Z"_qs;
        QTest::newRow("basic Z") << u"20151210T191044Z"_qs << u"2015-12-10T19:10:44Z"_qs;
        QTest::newRow("basic +0000") << u"20170102T222800+0000"_qs << u"2017-01-02T22:28:00Z"_qs;
        QTest::newRow("extended") << u"2016-05-12T00:05:13+02:00"_qs << u"2016-05-11T22:05:13Z"_qs;
        QTest::newRow("no zone") << u"2020-09-07T14:45:26"_qs << u"2020-09-07T14:45:26Z"_qs;
        QTest::newRow("date only") << u"20131026"_qs << u"2013-10-26T00:00:00Z"_qs;
        QTest::newRow("words") << u"March 2, 2026"_qs << u"2026-03-02T00:00:00Z"_qs;
        QTest::newRow("not a date") << u"March 2"_qs << QString();
        QTest::newRow("bad month") << u"20261302"_qs << QString();
    }

    void dates() {
        QFETCH(QString, text);
        QFETCH(QString, utc);
        const auto date = nitf::parseDate(text);
        QCOMPARE(date ? date->toString(Qt::ISODate) : QString(), utc);
    }

    void endMarks_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("mark");
        for (const auto mark : {u"___", u"-30-", u"- 30 -", u"-0-", u"ENDS", u"ends", u"(END)", u"(MORE)",
                                u"###", u"xxx", u"/ritzau/", u"(NTB)", u"ab/de/dl/hmw", u"gr/bp"})
            QTest::newRow(qPrintable(QString::fromUtf16(mark))) << QString::fromUtf16(mark) << true;
        for (const auto text : {u"The end of the pier.", u"AB/CD", u"Ends meet", u"***", u"24/7"})
            QTest::newRow(qPrintable(QString::fromUtf16(text))) << QString::fromUtf16(text) << false;
    }

    void endMarks() {
        QFETCH(QString, text);
        QFETCH(bool, mark);
        QCOMPARE(nitf::isEndMark(text), mark);
    }

    void clauses_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("clause");
        QTest::newRow("sentence") << u"The crane will replace two diesel machines by 2028"_qs << true;
        QTest::newRow("clause") << u"Residents asked to choose a design"_qs << true;
        QTest::newRow("four words") << u"Residents asked to vote"_qs << true;
        QTest::newRow("kicker") << u"Canada and the EU"_qs << false;
        QTest::newRow("capitals") << u"HONDURAS GOVERNMENT"_qs << false;
        QTest::newRow("slug") << u"BC-BBN--Top Ten"_qs << false;
        QTest::newRow("label") << u"Skerry Point light:"_qs << false;
    }

    void clauses() {
        QFETCH(QString, text);
        QFETCH(bool, clause);
        QCOMPARE(nitf::readsAsClause(text), clause);
    }

    void names_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("cased");
        QTest::newRow("capitals") << u"BERNARD CONDON"_qs << u"Bernard Condon"_qs;
        QTest::newRow("apostrophe, hyphen, Mc") << u"MAUD O'BRIEN-MCKAY"_qs << u"Maud O'Brien-McKay"_qs;
        QTest::newRow("two names") << u"ANN LEE AND TOM ROE"_qs << u"Ann Lee And Tom Roe"_qs;
        QTest::newRow("already cased") << u"Ines deLuca"_qs << u"Ines deLuca"_qs;
    }

    void names() {
        QFETCH(QString, text);
        QFETCH(QString, cased);
        QCOMPARE(nitf::nameCase(text), cased);
    }

    void datelines_data() {
        QTest::addColumn<QString>("paragraph");
        QTest::addColumn<QString>("place");
        QTest::addColumn<QString>("taken");
        QTest::newRow("wire") << u"OSLO, Dec 2 (NTB) - The council met."_qs << u"Oslo"_qs
                              << u"OSLO, Dec 2 (NTB) - "_qs;
        QTest::newRow("em dash") << u"NEW YORK (AP) \u2014 The gas rose."_qs << u"NEW YORK"_qs
                                 << u"NEW YORK (AP) \u2014 "_qs;
        QTest::newRow("slashes") << u"København /ritzau/: En mand er løsladt."_qs << u"København"_qs
                                 << u"København /ritzau/: "_qs;
        QTest::newRow("full stop dash") << u"Tegucigalpa, Jan 2 (EFE).- Test body."_qs << u"Tegucigalpa"_qs
                                        << u"Tegucigalpa, Jan 2 (EFE).- "_qs;
        QTest::newRow("another place") << u"BERGEN (NTB) - The council met."_qs << u"Oslo"_qs << QString();
        QTest::newRow("no dash") << u"Oslo is cold in December."_qs << u"Oslo"_qs << QString();
    }

    void datelines() {
        QFETCH(QString, paragraph);
        QFETCH(QString, place);
        QFETCH(QString, taken);
        QCOMPARE(paragraph.left(nitf::repeatedDateline(paragraph, place)), taken);
    }

    void agencyDatelines() {
        const auto found = nitf::agencyDateline(u"Puerto Lindo, Jan 5 (Ejemplo).- The ferry sailed."_qs);
        QVERIFY(found);
        QCOMPARE(found->first, u"Puerto Lindo"_qs);
        QCOMPARE(found->second, qsizetype(32));
        // Without the agency's name the opening could be anything.
        QVERIFY(!nitf::agencyDateline(u"Residents - and their dogs - came."_qs));
    }

    void datelineOfAnotherPlace() {
        const Outcome out = importNitf(
            "<nitf><body><body.head><hedline><hl1>Man released after arrest near school</hl1></hedline>"
            "<dateline>Stockholm</dateline></body.head><body.content><p>Kobenhavn /nordwire/: A man "
            "arrested on Wednesday has been released, the police said.</p></body.content></body></nitf>");
        QVERIFY2(out.result, qPrintable(out.error));
        const Story story = out.result->story();
        QCOMPARE(story.dateline, u"Kobenhavn"_qs);
        QCOMPARE(story.body.at(0).plainText(),
                 u"A man arrested on Wednesday has been released, the police said."_qs);
        const ImportChange &other = out.result->report().changes.at(0);
        QCOMPARE(other.original, u"Stockholm"_qs);
        QCOMPARE(other.note,
                 u"The dateline names another place than the one opening the first paragraph, which "
                 "the story keeps."_qs);
    }

    void languages() {
        QCOMPARE(nitf::languageTag(u"nb_NO"), u"nb-NO"_qs);
        QCOMPARE(nitf::languageTag(u"EN"), u"en"_qs);
        QCOMPARE(nitf::languageTag(u"zh-hant-tw"), u"zh-Hant-TW"_qs);
        QCOMPARE(nitf::languageTag(u"English"), QString());
    }
};

QTEST_GUILESS_MAIN(TestImportNitf)
#include "tst_importnitf.moc"
