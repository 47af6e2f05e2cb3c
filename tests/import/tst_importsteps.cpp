// Each cleanup step on its own, with tables of invented lines.
#include "import/chromefilter.h"
#include "import/lineshapes.h"
#include "import/readers.h"
#include "import/speller.h"
#include "import/textdecoder.h"
#include "import/wordsplitter.h"

#include <QStandardPaths>
#include <QStringEncoder>
#include <QTest>

using namespace galley;

class TestImportSteps final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY2(Speller::shared().isAvailable(), qPrintable(Speller::shared().errorString()));
    }

    void chrome_data() {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QString>("reason");
        QTest::newRow("nav bars") << u"Home | World | Sport | Login"_qs << u"navigation bar"_qs;
        QTest::newRow("breadcrumbs") << u"Home » News » Local"_qs << u"navigation bar"_qs;
        QTest::newRow("sign up") << u"Sign Up"_qs << u"sign-up or login prompt"_qs;
        QTest::newRow("account") << u"Already have an account? Log in here."_qs
                                 << u"sign-up or login prompt"_qs;
        QTest::newRow("newsletter") << u"Get our morning newsletter"_qs << u"sign-up or login prompt"_qs;
        QTest::newRow("share") << u"Share this story"_qs << u"share or advertising line"_qs;
        QTest::newRow("single word") << u"Tweet"_qs << u"share or advertising line"_qs;
        QTest::newRow("advert") << u"ADVERTISEMENT"_qs << u"share or advertising line"_qs;
        QTest::newRow("cookie")
            << u"This site uses cookies to measure traffic. Read our privacy notice to find out "
               "more about the data we keep and for how long we keep it."_qs
            << u"cookie notice"_qs;
        QTest::newRow("story with a bar") << u"The vote was 5 | 4 in favour."_qs << QString();
        QTest::newRow("long story line mentioning login")
            << u"Residents can log in to the council portal from Monday to apply for the new parking permits."_qs
            << QString();
        QTest::newRow("headline") << u"Council approves new bus lanes"_qs << QString();
        QTest::newRow("empty") << QString() << QString();
    }

    void chrome() {
        QFETCH(QString, line);
        QFETCH(QString, reason);
        QCOMPARE(chromeReason(line), reason);
    }

    void splitWords_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("storyText");
        QTest::addColumn<QStringList>("repairs");
        QTest::newRow("lowercase pair")
            << u"the boardvoted on Monday"_qs << QStringList() << QStringList{u"boardvoted>board voted"_qs};
        QTest::newRow("three words") << u"they walked tothecity"_qs << QStringList()
                                     << QStringList{u"tothecity>to the city"_qs};
        QTest::newRow("sentence run on") << u"It rained.Nobody came."_qs << QStringList()
                                         << QStringList{u"rained.Nobody>rained. Nobody"_qs};
        QTest::newRow("quote run on") << u"he said.\u201DThen"_qs << QStringList()
                                      << QStringList{u"said.\u201DThen>said.\u201D Then"_qs};
        QTest::newRow("number and word") << u"about 3,500visitors and 12km of road by 9am"_qs << QStringList()
                                         << QStringList{u"3,500visitors>3,500 visitors"_qs};
        QTest::newRow("comma") << u"apples,pears"_qs << QStringList()
                               << QStringList{u"apples,pears>apples, pears"_qs};
        QTest::newRow("into a name") << u"residents ofBrindlecombe"_qs
                                     << QStringList{u"Brindlecombe market"_qs}
                                     << QStringList{u"ofBrindlecombe>of Brindlecombe"_qs};
        QTest::newRow("name and said") << u"Varnavasaid no."_qs << QStringList{u"Dr Varnava"_qs}
                                       << QStringList{u"Varnavasaid>Varnava said"_qs};
        QTest::newRow("camel said") << u"VarnavaSaid no."_qs << QStringList{u"Dr Varnava"_qs}
                                    << QStringList{u"VarnavaSaid>Varnava said"_qs};
        QTest::newRow("capital and") << u"Mill Laneand the quay"_qs << QStringList()
                                     << QStringList{u"Laneand>Lane and"_qs};
        QTest::newRow("unknown names whole") << u"Okafor-Lindqvist met Brindlecombe officials"_qs
                                             << QStringList{u"Brindlecombe Brindlecombe"_qs} << QStringList();
        QTest::newRow("name used twice whole")
            << u"Eastgate and Eastgate"_qs << QStringList() << QStringList();
        QTest::newRow("place ending in by") << u"Kettleby and Easton"_qs << QStringList() << QStringList();
        QTest::newRow("brands whole")
            << u"YouTube, McAllister and iPhone"_qs << QStringList() << QStringList();
        QTest::newRow("British spellings whole")
            << u"the councillors and the centre of the programme"_qs << QStringList() << QStringList();
        QTest::newRow("no fragments") << u"ridership"_qs << QStringList() << QStringList();
        QTest::newRow("possessive") << u"Okonkwo's plan"_qs << QStringList() << QStringList();
        QTest::newRow("links whole") << u"www.example.invalid/News.Today and a@b.example"_qs << QStringList()
                                     << QStringList();
        QTest::newRow("abbreviations whole")
            << u"the U.S. and e.g. Dr.Who"_qs << QStringList() << QStringList();
    }

    void splitWords() {
        QFETCH(QString, text);
        QFETCH(QStringList, storyText);
        QFETCH(QStringList, repairs);
        StoryWords words;
        words.add(text);
        for (const QString &other : storyText)
            words.add(other);
        const WordSplitter splitter(Speller::shared(), words, 100000);
        QStringList got;
        for (const WordSplit &split : splitter.find(text)) {
            QCOMPARE(text.mid(split.offset, split.original.size()), split.original);
            got << split.original % u'>' % split.result;
        }
        QCOMPARE(got, repairs);
    }

    void caption_data() {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QString>("caption");
        QTest::addColumn<QString>("credit");
        QTest::newRow("agency") << u"Crews work on the bridge on Monday. (Ana Ruiz/Valley Post)"_qs
                                << u"Crews work on the bridge on Monday."_qs << u"Ana Ruiz/Valley Post"_qs;
        QTest::newRow("handout") << u"The new logo is shown. (Handout)"_qs << u"The new logo is shown."_qs
                                 << u"Handout"_qs;
        QTest::newRow("aside in body")
            << u"The plan was approved last year (the second attempt)"_qs << QString() << QString();
        QTest::newRow("sentence in parens")
            << u"He left early. (It was raining.)"_qs << QString() << QString();
        QTest::newRow("no parens") << u"Just a sentence."_qs << QString() << QString();
    }

    void caption() {
        QFETCH(QString, line);
        QFETCH(QString, caption);
        QFETCH(QString, credit);
        const auto parsed = lineshape::parseCaption(line);
        QCOMPARE(parsed.has_value(), !caption.isEmpty());
        if (parsed) {
            QCOMPARE(parsed->caption, caption);
            QCOMPARE(parsed->credit, credit);
        }
    }

    void pullQuote_data() {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("attribution");
        QTest::newRow("name and title") << u"We will not close the school. Mayor Ilse Brandvold"_qs
                                        << u"We will not close the school."_qs << u"Mayor Ilse Brandvold"_qs;
        QTest::newRow("title after comma") << u"It is a good day. Tomas Ferreira, union steward"_qs
                                           << u"It is a good day."_qs << u"Tomas Ferreira, union steward"_qs;
        QTest::newRow("quoted") << u"\u201CWe are ready.\u201D Chief Anouk van der Berg"_qs
                                << u"We are ready."_qs << u"Chief Anouk van der Berg"_qs;
        QTest::newRow("ordinary paragraph")
            << u"The vote passed. Several residents applauded."_qs << QString() << QString();
        QTest::newRow("quote then said")
            << u"\u201CIt works,\u201D Ferreira said. \u201CIt really does.\u201D"_qs << QString()
            << QString();
        QTest::newRow("lowercase tail") << u"We waited. then the bus came"_qs << QString() << QString();
    }

    void pullQuote() {
        QFETCH(QString, line);
        QFETCH(QString, text);
        QFETCH(QString, attribution);
        const auto parsed = lineshape::parsePullQuote(line);
        QCOMPARE(parsed.has_value(), !text.isEmpty());
        if (parsed) {
            QCOMPARE(parsed->text, text);
            QCOMPARE(parsed->attribution, attribution);
        }
    }

    void shapes() {
        QVERIFY(lineshape::isSectionLabel(u"Local"_qs));
        QVERIFY(lineshape::isSectionLabel(u"Arts and Life"_qs));
        QVERIFY(!lineshape::isSectionLabel(u"Local news for the region"_qs));
        QVERIFY(!lineshape::isSectionLabel(u"2026"_qs));
        QVERIFY(lineshape::isHeadline(u"Council approves new bus lanes"_qs));
        QVERIFY(!lineshape::isHeadline(u"The council approved new bus lanes on Monday."_qs));
        QVERIFY(lineshape::isSubhead(u"What happens next"_qs));
        QVERIFY(!lineshape::isSubhead(u"It rained."_qs));
        QVERIFY(lineshape::isByline(u"By Mara Quist"_qs));
        QCOMPARE(lineshape::bylineName(u"By Mara Quist"_qs), u"Mara Quist"_qs);
        QVERIFY(!lineshape::isByline(u"By the end of the day it was over."_qs));
    }

    void decode_data() {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QByteArray>("declared");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("encoding");
        const QString quoted = u"\u201CYes,\u201D she said \u2014 twice."_qs;
        QTest::newRow("utf-8") << quoted.toUtf8() << QByteArray() << quoted << u"UTF-8"_qs;
        QTest::newRow("utf-8 bom") << QByteArray("\xEF\xBB\xBF") + quoted.toUtf8() << QByteArray() << quoted
                                   << u"UTF-8"_qs;
        QStringEncoder utf16(QStringEncoder::Utf16BE, QStringEncoder::Flag::WriteBom);
        QTest::newRow("utf-16be bom")
            << QByteArray(utf16.encode(quoted)) << QByteArray() << quoted << u"UTF-16BE"_qs;
        // Windows-1252 curly quotes and dash: 0x93 0x94 0x97. Long enough for the detector.
        const QByteArray cp1252 = QByteArray("\x93It\x92s a na\xEFve fa\xE7"
                                             "ade,\x94 the caf\xE9 owner said \x97 "
                                             "and the r\xE9sum\xE9 of the ma\xEE"
                                             "tre d\x92h\xF4tel agreed.");
        const QString cp1252Text =
            u"\u201CIt\u2019s a na\u00EFve fa\u00E7ade,\u201D the caf\u00E9 owner said \u2014 "
            "and the r\u00E9sum\u00E9 of the ma\u00EEtre d\u2019h\u00F4tel agreed."_qs;
        QTest::newRow("windows-1252") << cp1252 << QByteArray() << cp1252Text << u"WINDOWS-1252"_qs;
        QTest::newRow("declared latin-1 with C1 bytes")
            << cp1252 << QByteArray("iso-8859-1") << cp1252Text << u"WINDOWS-1252"_qs;
        QTest::newRow("declared latin-1") << QByteArray("Z\xF6\xEB M\xFCller") << QByteArray("ISO-8859-1")
                                          << u"Z\u00F6\u00EB M\u00FCller"_qs << u"ISO-8859-1"_qs;
    }

    void decode() {
        QFETCH(QByteArray, bytes);
        QFETCH(QByteArray, declared);
        QFETCH(QString, text);
        QFETCH(QString, encoding);
        QString error;
        const auto decoded = decodeText(bytes, declared, &error);
        QVERIFY2(decoded, qPrintable(error));
        QCOMPARE(decoded->text, text);
        QCOMPARE(decoded->encoding, encoding);
        for (const QChar c : decoded->text)
            QVERIFY(c.unicode() < 0x80 || c.unicode() > 0x9F);
    }

    void plainTextParagraphs_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("segments");
        QTest::addColumn<QList<int>>("lines");
        QTest::newRow("blank lines, CRLF")
            << u"One.\r\n\r\nTwo  and\tthree.\r\n"_qs << QStringList{u"One."_qs, u"Two and three."_qs}
            << QList<int>{1, 3};
        QTest::newRow("hard-wrapped wire copy")
            << u"The ferry will run later on Fridays from June, the operator\nsaid, after islanders "
               "asked for a late sailing for years.\n\nNext."_qs
            << QStringList{u"The ferry will run later on Fridays from June, the operator said, after "
                           u"islanders "
                           "asked for a late sailing for years."_qs,
                           u"Next."_qs}
            << QList<int>{1, 4};
        QTest::newRow("web lines without blank lines")
            << u"Home\nNews\nThe council met on Monday evening to discuss the budget for the coming year and "
               "the state of the roads.\nResidents asked about the closure of the library branch on the east "
               "side "
               "of town."_qs
            << QStringList{u"Home"_qs, u"News"_qs,
                           u"The council met on Monday evening to discuss the budget for the coming year and "
                           u"the "
                           "state of the roads."_qs,
                           u"Residents asked about the closure of the library branch on the east side of town."_qs}
            << QList<int>{1, 2, 3, 4};
        QTest::newRow("indented paragraphs")
            << u"  The first paragraph of wire copy runs on to a second line\nhere.\n  The second paragraph "
               "starts indented, as wire copy does.\n"_qs
            << QStringList{u"The first paragraph of wire copy runs on to a second line here."_qs,
                           u"The second paragraph starts indented, as wire copy does."_qs}
            << QList<int>{1, 3};
    }

    void plainTextParagraphs() {
        QFETCH(QString, text);
        QFETCH(QStringList, segments);
        QFETCH(QList<int>, lines);
        QStringList gotText;
        QList<int> gotLines;
        for (const Segment &segment : readPlainText(text)) {
            gotText << segment.text.plainText();
            gotLines << segment.line;
        }
        QCOMPARE(gotText, segments);
        QCOMPARE(gotLines, lines);
    }

    void declared() {
        QCOMPARE(declaredEncoding("<?xml version=\"1.0\" encoding='ISO-8859-1'?><nitf/>"),
                 QByteArray("ISO-8859-1"));
        QCOMPARE(declaredEncoding("<html><head><meta charset=\"windows-1252\">"), QByteArray("windows-1252"));
        QCOMPARE(declaredEncoding("<meta http-equiv=Content-Type content=\"text/html; charset=koi8-r\">"),
                 QByteArray("koi8-r"));
        QCOMPARE(declaredEncoding("plain text"), QByteArray());
    }
};

QTEST_GUILESS_MAIN(TestImportSteps)
#include "tst_importsteps.moc"
