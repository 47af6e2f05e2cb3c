// The wire header-line parser, trailer times, take keys and framing detection (IPTC 7901 and
// ANPA-1312), with invented lines shaped like real feeds; exact values.
#include "import/formatdetect.h"
#include "import/importer.h"
#include "import/lineshapes.h"
#include "import/textdecoder.h"
#include "import/wirebody.h"
#include "import/wireformat.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTest>

using namespace galley;
using namespace galley::wire;

namespace {

QString controls(const char *latin1) {
    return QString::fromLatin1(latin1);
}

/// The bytes of a literal, NULs included.
template <std::size_t N> QByteArray bytes(const char (&literal)[N]) {
    return QByteArray(literal, qsizetype(N - 1));
}

} // namespace

class TestWireFormat final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void iptc7901Header() {
        const auto header = parseIptc7901Header(controls("\x01"
                                                         "ewn0412 3 pl 386  EXW 1130\r"));
        QVERIFY(header);
        QCOMPARE(header->standard, Standard::Iptc7901);
        QCOMPARE(header->service, u"ewn"_qs);
        QCOMPARE(header->sequence, 412);
        QCOMPARE(header->priority, u"3"_qs);
        QCOMPARE(header->urgency, 3);
        QCOMPARE(header->category, u"pl"_qs);
        QCOMPARE(header->wordCount, 386);
        QCOMPARE(header->agency, u"EXW"_qs);
        QCOMPARE(header->extra, u"EXW 1130"_qs);
        QCOMPARE(header->time, u"1130"_qs);
    }

    void iptc7901HeaderAgencies_data() {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QString>("agency");
        QTest::addColumn<QString>("time");
        QTest::newRow("lower-case agency before a number")
            << u"eca0001 4 rs 46  dpa 0027"_qs << u"dpa"_qs << u"0027"_qs;
        QTest::newRow("product suffix") << u"ecp0007 4 s 850  dpa-tns 0908"_qs << u"dpa"_qs << u"0908"_qs;
        QTest::newRow("selector first")
            << u"bkn014 4 pl 171 vvvvb KNA 170123-89-00065#2"_qs << u"KNA"_qs << QString();
        QTest::newRow("nothing optional") << u"xyz12 5 sp 240"_qs << QString() << QString();
    }

    void iptc7901HeaderAgencies() {
        QFETCH(QString, line);
        QFETCH(QString, agency);
        QFETCH(QString, time);
        const auto header = parseIptc7901Header(line);
        QVERIFY(header);
        QCOMPARE(header->agency, agency);
        QCOMPARE(header->time, time);
    }

    void notIptc7901Header_data() {
        QTest::addColumn<QString>("line");
        QTest::newRow("sentence") << u"The council voted 7 to 2 on Monday."_qs;
        QTest::newRow("no word count") << u"ewn0412 3 pl"_qs;
        QTest::newRow("no number after service") << u"ewn 3 pl 386"_qs;
        QTest::newRow("anpa story line") << u"u a BC-Harbour-Ferry-Strike 12-02 0268"_qs;
    }

    void notIptc7901Header() {
        QFETCH(QString, line);
        QVERIFY(!parseIptc7901Header(line));
    }

    void anpaServiceLine() {
        const auto framed = parseAnpaServiceLine(controls("\x16\x16\x01"
                                                          "a0412\x1f-----"));
        QVERIFY(framed);
        QCOMPARE(framed->standard, Standard::Anpa1312);
        QCOMPARE(framed->service, u"a"_qs);
        QCOMPARE(framed->sequence, 412);
        QCOMPARE(framed->upi, QString());
        QCOMPARE(framed->selector, u"-----"_qs);

        const auto upi = parseAnpaServiceLine(controls("W2870UPI7\x1f"
                                                       "asian"));
        QVERIFY(upi);
        QCOMPARE(upi->sequence, 2870);
        QCOMPARE(upi->upi, u"UPI7"_qs);
        QCOMPARE(upi->selector, u"asian"_qs);

        // Saved as text: the US is gone and the selector runs on.
        const auto stripped = parseAnpaServiceLine(u"z6715-----"_qs);
        QVERIFY(stripped);
        QCOMPARE(stripped->service, u"z"_qs);
        QCOMPARE(stripped->sequence, 6715);
        QCOMPARE(stripped->selector, u"-----"_qs);

        QVERIFY(!parseAnpaServiceLine(u"2026"_qs));
        QVERIFY(!parseAnpaServiceLine(u"Eastport"_qs));
    }

    void anpaStoryLine() {
        const auto line =
            parseAnpaStoryLine(controls("u a\x13\x11 BC-Harbour-Ferry-Strike 1stLd-Writethru   12-02 0310"));
        QVERIFY(line);
        QCOMPARE(line->standard, Standard::Anpa1312);
        QCOMPARE(line->priority, u"u"_qs);
        QCOMPARE(line->urgency, 3);
        QCOMPARE(line->category, u"a"_qs);
        QCOMPARE(line->tabular, false);
        QCOMPARE(line->keyword, u"BC-Harbour-Ferry-Strike"_qs);
        QCOMPARE(line->version, u"1stLd-Writethru"_qs);
        QCOMPARE(line->reference, QString());
        QCOMPARE(line->filingDate, u"12-02"_qs);
        QCOMPARE(line->wordCount, 310);

        const auto agate = parseAnpaStoryLine(controls("r s\x14\x12 BC-SOC--Coastal-Table    03-14 0120"));
        QVERIFY(agate);
        QCOMPARE(agate->urgency, 5);
        QCOMPARE(agate->tabular, true);
        QCOMPARE(agate->keyword, u"BC-SOC--Coastal-Table"_qs);
        QCOMPARE(agate->version, QString());
        QCOMPARE(agate->wordCount, 120);

        // Format codes lost, version and reference given.
        const auto stripped =
            parseAnpaStoryLine(u"f l BC-LT--Harbour-Seals 2ndLd-Writethru TB06 11-13 1049"_qs);
        QVERIFY(stripped);
        QCOMPARE(stripped->urgency, 1);
        QCOMPARE(stripped->version, u"2ndLd-Writethru"_qs);
        QCOMPARE(stripped->reference, u"TB06"_qs);
        QCOMPARE(stripped->filingDate, u"11-13"_qs);

        QVERIFY(!parseAnpaStoryLine(u"a new ferry will sail on 12-02"_qs));
    }

    void urgencies() {
        QCOMPARE(iptc7901Urgency(u'1'), 1);
        QCOMPARE(iptc7901Urgency(u'6'), 6);
        QCOMPARE(iptc7901Urgency(u'7'), 0);
        QCOMPARE(anpaUrgency(u'f'), 1);
        QCOMPARE(anpaUrgency(u'B'), 2);
        QCOMPARE(anpaUrgency(u'u'), 3);
        QCOMPARE(anpaUrgency(u'r'), 5);
        QCOMPARE(anpaUrgency(u'd'), 7);
        QCOMPARE(anpaUrgency(u'a'), 8);
        QCOMPARE(anpaUrgency(u'z'), 0);
        QCOMPARE(takeUrgency(u"BULLETIN"_qs), 2);
        QCOMPARE(takeUrgency(u"1st Ld-Writethru"_qs), 0);
    }

    void takes_data() {
        QTest::addColumn<QString>("take");
        QTest::addColumn<bool>("update");
        QTest::addColumn<bool>("line");
        QTest::newRow("writethru") << u"1st Ld-Writethru"_qs << true << true;
        QTest::newRow("compact") << u"1stLd-Writethru"_qs << true << true;
        QTest::newRow("second lead") << u"2ndLd"_qs << true << true;
        QTest::newRow("7901 lead") << u"1ST LEAD"_qs << true << true;
        QTest::newRow("refile") << u"REFILE"_qs << true << true;
        QTest::newRow("correction") << u"Correction"_qs << true << true;
        QTest::newRow("extra") << u"EXTRA"_qs << false << true;
        QTest::newRow("urgent") << u"URGENT"_qs << false << true;
        QTest::newRow("parenthesised") << u"(Achtung)"_qs << false << true;
        QTest::newRow("sentence") << u"The lead singer left the band."_qs << false << false;
        QTest::newRow("headline") << u"Ferry crews strike"_qs << false << false;
    }

    void takes() {
        QFETCH(QString, take);
        QFETCH(bool, update);
        QFETCH(bool, line);
        QCOMPARE(isUpdateTake(take), update);
        QCOMPARE(isTakeLine(take), line);
    }

    void keywordLines() {
        const auto writethru = parseAnpaKeywordLine(u"^BC-Harbour-Ferry-Strike, 1st Ld-Writethru,0310<"_qs);
        QVERIFY(writethru);
        QCOMPARE(*writethru, (KeywordLine{u"BC-Harbour-Ferry-Strike"_qs, u"1st Ld-Writethru"_qs, 310}));
        const auto desk = parseAnpaKeywordLine(u"^BC-US--Giant Lobster Death,127<"_qs);
        QVERIFY(desk);
        QCOMPARE(*desk, (KeywordLine{u"BC-US--Giant Lobster Death"_qs, QString(), 127}));
        const auto noCount = parseAnpaKeywordLine(u"^Dollar-Markets, 7th Writethru@<"_qs);
        QVERIFY(noCount);
        QCOMPARE(*noCount, (KeywordLine{u"Dollar-Markets"_qs, u"7th Writethru"_qs, -1}));
        QVERIFY(!parseAnpaKeywordLine(u"^Ferry crews strike, stranding Eastport commuters<"_qs));
        QVERIFY(!parseAnpaKeywordLine(u"^Eds: Will be updated.<"_qs));
        QVERIFY(!parseAnpaKeywordLine(u"^By INGRID VASQUEZ-TELL<"_qs));
    }

    void slugWords() {
        QCOMPARE(slugKeywords(u"BC-Harbour-Ferry-Strike"_qs),
                 (QStringList{u"Harbour"_qs, u"Ferry"_qs, u"Strike"_qs}));
        QCOMPARE(slugKeywords(u"BC-US--Giant Lobster Death"_qs), QStringList{u"Giant Lobster Death"_qs});
        QCOMPARE(slugKeywords(u"Switzerland/migration/UN/"_qs),
                 (QStringList{u"Switzerland"_qs, u"migration"_qs, u"UN"_qs}));
    }

    void trailerTimes_data() {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QString>("utc");
        QTest::addColumn<QString>("agency");
        QTest::newRow("anpa est") << u"AP-NY-12-02-26 1432EST<"_qs << u"2026-12-02T19:32:00Z"_qs << u"AP"_qs;
        QTest::newRow("anpa gmt") << u"AP-WF-02-20-16 0337GMT<"_qs << u"2016-02-20T03:37:00Z"_qs << u"AP"_qs;
        QTest::newRow("anpa edt") << u"AP-NY-07-21-26 1712EDT<"_qs << u"2026-07-21T21:12:00Z"_qs << u"AP"_qs;
        QTest::newRow("canadian et summer")
            << u"16:35ET 31-07-14<"_qs << u"2014-07-31T20:35:00Z"_qs << QString();
        QTest::newRow("7901") << u"151130 Mar 26"_qs << u"2026-03-15T11:30:00Z"_qs << QString();
        QTest::newRow("7901 gmt") << u"212322 GMT Nov 18"_qs << u"2018-11-21T23:22:00Z"_qs << QString();
        QTest::newRow("7901 cet") << u"050930 CET Jan 26"_qs << u"2026-01-05T08:30:00Z"_qs << QString();
        QTest::newRow("unknown zone") << u"AP-NY-12-02-26 1432XYZ<"_qs << QString() << u"AP"_qs;
        QTest::newRow("impossible date") << u"321130 Mar 26"_qs << QString() << QString();
    }

    void trailerTimes() {
        QFETCH(QString, line);
        QFETCH(QString, utc);
        QFETCH(QString, agency);
        const auto parsed = parseTrailerTime(line);
        QVERIFY(parsed);
        QCOMPARE(parsed->time.isValid() ? parsed->time.toString(Qt::ISODate) : QString(), utc);
        QCOMPARE(parsed->agency, agency);
    }

    void notTrailerTimes() {
        QVERIFY(!parseTrailerTime(u"The ferry left at 1432 on 12-02-26."_qs));
        QVERIFY(!parseTrailerTime(u"151130 Foo 26"_qs));
    }

    void framingOnBytes() {
        QVERIFY(hasWireFraming(QByteArray("\x01"
                                          "ewn0412 3 pl 386\r\n\x02Headline =\r\nText\r\n\x03\r\n\x04")));
        QVERIFY(hasWireFraming(bytes("\x16\x16\x01"
                                     "a0412\x1f-----\nu a\x13\x11 X 12-02 0001\n\x02^X<\n\x03")));
        QVERIFY(hasWireFraming(bytes("\0\0\x7f\x02Headline =\nText\n\x03")));
        QVERIFY(!hasWireFraming(QByteArray("Plain text with no framing.\n")));
        QVERIFY(!hasWireFraming(QByteArray("\x01\x02\x03 random \x05\x06\x0e\x0f\x15\x17 bytes")));
        QCOMPARE(withoutWirePadding(bytes("\0a\x7f"
                                          "b\0")),
                 QByteArray("ab"));
    }

    void detection_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("wire");
        QTest::newRow("7901 framed") << controls("\x01"
                                                 "ewn0412 3 pl 386\r\n\x02Headline =\r\n")
                                     << true;
        QTest::newRow("7901 framing lost")
            << u"ewn0412 3 pl 386  EXW 1130\r\n\r\nEastport/lighthouse/\r\nCouncil sells lighthouse =\r\n"_qs
            << true;
        QTest::newRow("anpa framing lost")
            << u"a0590-----\r\nb a BC-Harbour-Bridge 07-21 0085\r\n^BC-Harbour-Bridge,0085<\r\n"_qs << true;
        QTest::newRow("caret lines only")
            << u"^BC-Harbour-Bridge,0085<\n^Swing bridge stuck open<\n\t   EASTPORT (AP) _ Text.\n"_qs
            << true;
        QTest::newRow("plain wire-like text")
            << u"URGENT\nBC-Harbour-Dredging/ 1st Ld-Writethru\nHarbour dredging to start\n"_qs << false;
        QTest::newRow("prose") << u"The council met.\n\nIt voted to sell the lighthouse.\n"_qs << false;
    }

    void detection() {
        QFETCH(QString, text);
        QFETCH(bool, wire);
        QCOMPARE(looksLikeWireText(text), wire);
        QCOMPARE(detectImportFormat(text, u"input.txt"_qs) == ImportFormat::WireText, wire);
    }

    void typography() {
        Typography counts;
        QCOMPARE(typeset(u"``We gave them every chance,'' he said _ twice. ``It was `final,' she said.''"_qs,
                         counts),
                 u"\u201CWe gave them every chance,\u201D he said \u2014 twice. \u201CIt was "
                 u"\u2018final,\u2019 she "
                 "said.\u201D"_qs);
        QCOMPARE(counts.quotes, 3);
        QCOMPARE(counts.dashes, 1);
        QCOMPARE(typeset(u"It's the crew's call."_qs, counts), u"It's the crew's call."_qs);
    }

    void capitals() {
        QCOMPARE(titleCaseCapitals(u"By INGRID VASQUEZ-TELL"_qs), u"By Ingrid Vasquez-Tell"_qs);
        QCOMPARE(titleCaseCapitals(u"By ADA MCBRIDE AND TOM O'NEIL III"_qs),
                 u"By Ada McBride and Tom O'Neil III"_qs);
        QCOMPARE(titleCaseCapitals(u"AP Business Writer"_qs), u"AP Business Writer"_qs);
    }

    void datelines_data() {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QString>("place");
        QTest::addColumn<QString>("rest");
        QTest::newRow("AP typed dash")
            << u"CHATHAM, Mass. (AP) _ A lobster died."_qs << u"CHATHAM"_qs << u"A lobster died."_qs;
        QTest::newRow("mixed case with agency")
            << u"Geneva (dpa) - Ferry crews stayed off."_qs << u"Geneva"_qs << u"Ferry crews stayed off."_qs;
        QTest::newRow("two agencies")
            << u"San Diego (tca/dpa) - History says no."_qs << u"San Diego"_qs << u"History says no."_qs;
        QTest::newRow("umlaut") << u"M\u00f6wenhaven (dpa) - Ein Streik."_qs << u"M\u00f6wenhaven"_qs
                                << u"Ein Streik."_qs;
        QTest::newRow("mixed case without agency")
            << u"Geneva - Ferry crews stayed off."_qs << QString() << QString();
        QTest::newRow("sentence with parentheses")
            << u"Jane (our reporter) said so."_qs << QString() << QString();
    }

    void datelines() {
        QFETCH(QString, line);
        QFETCH(QString, place);
        QFETCH(QString, rest);
        const auto parsed = lineshape::parseWireDateline(line);
        QCOMPARE(parsed.has_value(), !place.isEmpty());
        if (parsed) {
            QCOMPARE(parsed->place, place);
            QCOMPARE(line.mid(parsed->length), rest);
        }
    }

    void paddedWireIsText() {
        // NULs pad the link and the framing is control characters: text all the same.
        const QByteArray padded = bytes("\0\0\0\x01"
                                        "ewn1 4 pl 3\r\n\x02Hi =\r\n   Ferries sail.\r\n\x03\x04\0\0");
        QString error;
        const auto decoded = decodeText(padded, {}, &error);
        QVERIFY2(decoded, qPrintable(error));
        QCOMPARE(decoded->text, u"\x01"
                                "ewn1 4 pl 3\r\n\x02Hi =\r\n   Ferries sail.\r\n\x03\x04"_qs);
        // A picture that happens to start with SOH is still refused.
        QByteArray binary("\x01\x02");
        for (int i = 0; i < 4000; ++i)
            binary.append(char((i * 37) % 256));
        QVERIFY(!decodeText(binary, {}, &error));
    }

    void everyMessageIsAStory() {
        const QByteArray file =
            "\x01"
            "ewn0001 4 pl 9  EXW 1130\r\n\r\nEastport/budget/\r\n\x02"
            "Council meets on Monday =\r\n\r\n   Eastport (Example Wire) - The council will "
            "meet on Monday.\r\n\x03\r\n151130 Mar 26\r\n\x04\r\n"
            "\x01"
            "ewn0002 2 pl 7  EXW 1215\r\n\r\nEastport/budget/\r\nURGENT\r\n\x02"
            "Council delays harbour vote =\r\n\r\n   Eastport (Example Wire) - The council "
            "delayed its vote.\r\n\x03\r\n151215 Mar 26\r\n\x04";
        QString error;
        const auto results = importAll(file, ImportOptions{u"feed.txt"_qs, ImportFormat::Auto}, &error);
        QVERIFY2(results, qPrintable(error));
        QCOMPARE(results->size(), 2);
        const Story first = results->at(0).story();
        const Story second = results->at(1).story();
        QCOMPARE(results->at(0).report().format, u"wire-text"_qs);
        QCOMPARE(first.headline, u"Council meets on Monday"_qs);
        QCOMPARE(second.headline, u"Council delays harbour vote"_qs);
        QCOMPARE(second.body.size(), 1);
        QCOMPARE(second.body.first().plainText(), u"The council delayed its vote."_qs);
        QCOMPARE(second.metadata.priority, 2);
        QCOMPARE(second.metadata.slugline, u"Eastport/budget"_qs);
        QCOMPARE(second.metadata.versionCreated.toString(Qt::ISODate), u"2026-03-15T12:15:00Z"_qs);
        QCOMPARE(first.metadata.slugline, second.metadata.slugline);
    }

    void alertWithoutHeadline() {
        const QByteArray file =
            "\x16\x16\x01"
            "w1645\x1f-----\nb a\x13\x11 BC-Harbor-Alert     06-29 0012\n"
            "\x02^BC-Harbor-Alert,12<\n\t   EASTPORT, Maine (AP) _ Ferry crews vote to end "
            "strike, union says.\n\x03"
            "AP-NY-06-29-26 1950EDT<\n\x04";
        QString error;
        const auto result = importBytes(file, ImportOptions{u"alert"_qs, ImportFormat::Auto}, &error);
        QVERIFY2(result, qPrintable(error));
        const Story story = result->story();
        QCOMPARE(story.headline, u"Ferry crews vote to end strike, union says"_qs);
        QCOMPARE(story.dateline, u"EASTPORT"_qs);
        QCOMPARE(story.body.size(), 1);
        QCOMPARE(story.body.first().plainText(), u"Ferry crews vote to end strike, union says."_qs);
        QCOMPARE(story.metadata.priority, 2);
        QCOMPARE(story.metadata.sourceAgency, u"AP"_qs);
    }

    void controlCharactersNeverReachTheStory() {
        // Stray controls, a replacement character left by another program, and framing in odd places.
        const QString text = u"\x01"
                             "ewn7 4 pl 5\r\n\x02"
                             "Ferries \x07sail again =\r\n\r\n   Eastport "
                             "(Example Wire) - Ferries \x05sail\ufffd again.\x03\r\n\x04"_qs;
        QString error;
        const auto result =
            importBytes(text.toUtf8(), ImportOptions{u"wire"_qs, ImportFormat::WireText}, &error);
        QVERIFY2(result, qPrintable(error));
        const Story story = result->story();
        QCOMPARE(story.headline, u"Ferries sail again"_qs);
        QCOMPARE(story.body.first().plainText(), u"Ferries sail again."_qs);
        for (const QString &field : {story.headline, story.bodyPlainText(), story.dateline})
            for (const QChar c : field)
                QVERIFY2(c.unicode() >= 0x20 && c.unicode() != 0xfffd, qPrintable(field));
        QVERIFY(result->report().notes.contains(u"1 stray control characters were dropped."_qs));
    }

    /// Inputs that once crashed or misled the reader (found by damagedCopiesNeverCrash()); the shared
    /// regression test imports them too.
    void regressions() {
        const QDir dir(QStringLiteral(GALLEY_TEST_DATA "/import/regressions/wiretext"));
        const QStringList names = dir.entryList(QDir::Files);
        QVERIFY(names.size() >= 2);
        for (const QString &name : names) {
            QString error;
            const auto results = importAllFromFile(dir.filePath(name), &error);
            QVERIFY2(results || !error.isEmpty(), qPrintable(name));
        }
    }

    void tooManyMessagesRefused() {
        QByteArray file;
        for (int i = 0; i <= MaxWireMessages; ++i)
            file += "\x01\x02"
                    "a\r\n\x03\x04";
        QString error;
        QVERIFY(!importAll(file, ImportOptions{u"feed"_qs, ImportFormat::Auto}, &error));
        QCOMPARE(
            error,
            u"The file holds 1001 wire messages; Galley imports at most 1000 at once. Split the file and "
            "import the parts."_qs);
    }

    /// Damaged copies of every wire fixture (bytes flipped, framing characters inserted, cut short)
    /// import or are refused with a sentence, quickly; never a crash or a hang.
    void damagedCopiesNeverCrash() {
        const QDir cases(QStringLiteral(GALLEY_TEST_DATA "/import/cases"));
        QRandomGenerator random(7901);
        static const char framing[] = {'\x01', '\x02', '\x03', '\x04', '\x16', '\x1f', '\x08', '\x00',
                                       '^',    '<',    '=',    '\n',   '\t',   '_',    '`',    '\''};
        int imported = 0;
        for (const QString &name : cases.entryList({u"wire-*"_qs}, QDir::Dirs)) {
            QFile file(cases.filePath(name + u"/input.txt"_qs));
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QByteArray original = file.readAll();
            for (int round = 0; round < 150; ++round) {
                QByteArray bytes = original;
                const int edits = 1 + int(random.bounded(8));
                for (int e = 0; e < edits && !bytes.isEmpty(); ++e) {
                    const qsizetype at = random.bounded(int(bytes.size()));
                    switch (random.bounded(4)) {
                    case 0:
                        bytes[at] = framing[random.bounded(int(sizeof framing))];
                        break;
                    case 1:
                        bytes.insert(at, framing[random.bounded(int(sizeof framing))]);
                        break;
                    case 2:
                        bytes.truncate(at);
                        break;
                    default:
                        bytes.insert(at, bytes.mid(at, random.bounded(200)));
                        break;
                    }
                }
                QElapsedTimer timer;
                timer.start();
                QString error;
                const auto results = importAll(bytes, ImportOptions{name, ImportFormat::Auto}, &error);
                QVERIFY2(timer.elapsed() < 2000, qPrintable(name));
                if (results) {
                    ++imported;
                    for (const ImportResult &result : *results) {
                        if (result.report().format != u"wire-text")
                            continue; // damaged past recognition: the plain-text reader's business
                        const Story story = result.story();
                        const QString text = story.headline + story.bodyPlainText();
                        for (const QChar c : text)
                            QVERIFY2(c.unicode() >= 0x20 || c == u'\n' || c == u'\t',
                                     qPrintable(name + u' ' + result.report().format + u' ' +
                                                QString::number(c.unicode(), 16) + u' ' + text.left(300)));
                    }
                } else {
                    QVERIFY(!error.isEmpty());
                }
            }
        }
        QVERIFY(imported > 500);
    }
};

QTEST_GUILESS_MAIN(TestWireFormat)
#include "tst_wireformat.moc"
