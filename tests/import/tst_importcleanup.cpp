// Issue 7's cleanup rules, each with invented lines and exact results: only long paragraphs
// repeated whole are removed; words run together are split only in English and never inside
// tokens with digits, links, handles or other languages' words; pull quotes of web-page dumps;
// wire end marks and trailers; damaged UTF-8; only regular files; pictures checked without a
// library printing; and the bounds that keep all of it linear.
#include "import/acceptance.h"
#include "import/chromefilter.h"
#include "import/importer.h"
#include "import/joinedwords.h"
#include "import/lineshapes.h"
#include "importtesthelpers.h"
#include "import/quotedopenings.h"
#include "import/textdecoder.h"

#include <QBuffer>
#include <QElapsedTimer>
#include <QImage>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTemporaryFile>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>

using namespace galley;
using namespace galley::testing;

namespace {

QStringList bodyTexts(const Story &story) {
    QStringList out;
    for (const Block &block : story.body)
        out << block.plainText();
    return out;
}

/// What the code under test writes to file descriptor 2 (libraries that print on their own).
class StderrCapture final {
public:
    StderrCapture() {
        std::fflush(stderr);
        m_file.open();
        m_saved = ::dup(2);
        ::dup2(m_file.handle(), 2);
    }
    QByteArray finish() {
        std::fflush(stderr);
        ::dup2(m_saved, 2);
        ::close(m_saved);
        m_file.seek(0);
        return m_file.readAll();
    }

private:
    QTemporaryFile m_file;
    int m_saved = -1;
};

} // namespace

class TestImportCleanup final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    // --- Duplicates: only long paragraphs repeated whole (issue 7) ---

    void duplicatesKeepShortAndStructuredLines() {
        const QString lede =
            u"The harbour board voted on Tuesday to keep the old pier open to fishing boats for five more "
            "years."_qs;
        const ImportResult result = importText(
            u"Harbour board keeps the old pier open for boats\n\n"_qs % lede %
            u"\n\nResults\n\nSignature: ________\n\n- Bring a photo ID and a proof of address to the desk on "
            u"the first "
            "floor of the library\n- A pencil\n\nResults\n\nSignature: ________\n\n- Bring a photo ID and a "
            "proof of "
            "address to the desk on the first floor of the library\n- A pencil\n\nThe board meets again in "
            "June.\n\nThe board meets again in June.\n\n"_qs %
            lede % u"\n"_qs);
        QCOMPARE(changesOf(result.report(), ImportChangeKind::RemovedDuplicate), QStringList{lede % u'>'});
        const Story story = result.story();
        QCOMPARE(bodyTexts(story).count(u"Results"_qs), 2);
        QCOMPARE(bodyTexts(story).count(u"Signature: ________"_qs), 2);
        QCOMPARE(bodyTexts(story).count(u"The board meets again in June."_qs), 2);
        QCOMPARE(story.body.at(3).kind, BlockKind::BulletList);
        QCOMPARE(story.body.at(3).lines.size(), 2);
        QCOMPARE(bodyTexts(story).count(lede), 1);
        // Refusing the removal puts the paragraph back where it stood.
        QList<bool> accepted(result.report().changes.size(), true);
        accepted[result.report().indexesOf(ImportChangeKind::RemovedDuplicate).first()] = false;
        const Story undone = result.story(accepted);
        QCOMPARE(bodyTexts(undone).count(lede), 2);
        QCOMPARE(bodyTexts(undone).last(), lede);
    }

    void duplicateHtmlListItemsAndHeadingsStay() {
        const QString item =
            u"Bring a photo ID and a proof of address to the desk on the first floor of the library"_qs;
        const ImportResult result = importText(
            u"<h1>Library opens a second desk for the reading club</h1><p>The library opens a second desk on "
            "Monday, the head librarian said, after long queues last summer.</p><h2>Results</h2><ul><li>"_qs %
                item % u"</li></ul><h2>Results</h2><ul><li>"_qs % item % u"</li></ul>"_qs,
            ImportFormat::Html);
        QVERIFY(result.report().indexesOf(ImportChangeKind::RemovedDuplicate).isEmpty());
        QCOMPARE(bodyTexts(result.story()).count(item), 2);
        QCOMPARE(bodyTexts(result.story()).count(u"Results"_qs), 2);
    }

    // --- Words run together (issue 7) ---

    void splittingRules_data() {
        QTest::addColumn<QString>("body");
        QTest::addColumn<QStringList>("splits");
        // Three run-ons ("tothecity", "Monday.Several", "mayorsaid") make the text one that lost its
        // line breaks; each row adds what it tests.
        const QString lost = u"The boardvoted on Monday.Several residents walked tothecity hall. "_qs;
        QTest::newRow("digits, links, handles and tags stay")
            << lost %
                   u"The fund raised EUR1million from the A1road group and COVID19rules ended. Follow "
                   u"@InesVarga "
                   "or #harbourvote, read www.example.org/plan or rivertonledger.com, write to desk@example.org."_qs
            << QStringList{u"boardvoted>board voted"_qs, u"Monday.Several>Monday. Several"_qs,
                           u"tothecity>to the city"_qs};
        QTest::newRow("number then word")
            << lost % u"About 14,000daily riders and $48million later."_qs
            << QStringList{u"boardvoted>board voted"_qs, u"Monday.Several>Monday. Several"_qs,
                           u"tothecity>to the city"_qs, u"14,000daily>14,000 daily"_qs,
                           u"$48million>$48 million"_qs};
        QTest::newRow("common joins")
            << lost % u"Canadianofficials met in Marchafter the vote, and shewould go. Theyhad left. "
                      u"Harbourmaster "
                      "Ines Varga spoke; later saidInesVarga."_qs
            << QStringList{u"boardvoted>board voted"_qs, u"Monday.Several>Monday. Several"_qs,
                           u"tothecity>to the city"_qs,  u"Canadianofficials>Canadian officials"_qs,
                           u"Marchafter>March after"_qs, u"shewould>she would"_qs,
                           u"Theyhad>They had"_qs,       u"saidInesVarga.>said Ines Varga."_qs};
        QTest::newRow("names apart nowhere stay whole")
            << lost % u"The crew met InesVarga and TomasLindahl there."_qs
            << QStringList{u"boardvoted>board voted"_qs, u"Monday.Several>Monday. Several"_qs,
                           u"tothecity>to the city"_qs};
        QTest::newRow("place names stay whole")
            << lost % u"Ferries run from Jordanvale and Germanton."_qs
            << QStringList{u"boardvoted>board voted"_qs, u"Monday.Several>Monday. Several"_qs,
                           u"tothecity>to the city"_qs};
        QTest::newRow("quote in another language stays whole")
            << lost % u"The council said the ferry plan would go ahead after a long meeting with residents, "
                      u"staff "
                      "and several local business owners from the district.\n\nKommunestyremøtet varte "
                      "lenge.Flere "
                      "foreldre kjørte hjem etter møtet.\n"_qs
            << QStringList{u"boardvoted>board voted"_qs, u"Monday.Several>Monday. Several"_qs,
                           u"tothecity>to the city"_qs};
        QTest::newRow("a 41-letter run stays whole")
            << lost % u"Then abcdefghijklmnopqrstuvwxyzabcdefghijklmno and done."_qs
            << QStringList{u"boardvoted>board voted"_qs, u"Monday.Several>Monday. Several"_qs,
                           u"tothecity>to the city"_qs};
    }

    void splittingRules() {
        QFETCH(QString, body);
        QFETCH(QStringList, splits);
        const ImportResult result = importText(u"Council votes on the harbour plan\n\n"_qs % body % u"\n"_qs);
        QCOMPARE(changesOf(result.report(), ImportChangeKind::SplitWords), splits);
        QCOMPARE(result.report().notes, QStringList());
    }

    void norwegianIsNeverSplit() {
        const ImportResult result = importText(
            u"Kommunestyret vedtok ny skolestruktur\n\nKommunestyremøtet i Nordvik varte i over seks timer "
            "tirsdag.Flere foreldre møtte opp, og ordførerkandidaten sa at fotballbanen blir "
            "liggende.\n\nSkolebussene "
            "skal kjøre nye ruter fra høsten, sier rektor Per Haugland til lokalavisen.\n"_qs);
        QVERIFY(result.report().indexesOf(ImportChangeKind::SplitWords).isEmpty());
        QCOMPARE(
            result.report().notes,
            QStringList{
                u"Words run together were not looked for: the text does not read as English (only 11% of "
                "its words are in the English dictionary)."_qs});
    }

    void cleanForeignTextNeedsNoNote() {
        const ImportResult result =
            importText(u"Hafen bleibt für Fischerboote geöffnet\n\nDer Hafenrat hat am Dienstag beschlossen, "
                       u"den alten Pier "
                       "für weitere fünf Jahre für Fischerboote offen zu halten.\n\nDie Reparaturen beginnen "
                       "im September "
                       "und sollen etwa sechs Wochen dauern, sagte die Hafenmeisterin.\n"_qs);
        QVERIFY(result.report().indexesOf(ImportChangeKind::SplitWords).isEmpty());
        QCOMPARE(result.report().notes, QStringList());
    }

    void languageFromTheFile() {
        const QList<JoinedWordsParagraph> paragraphs = {
            {u"The boardvoted on Monday.Several residents walked tothecity hall."_qs, 1, true, true}};
        const JoinedWords english = findJoinedWords(paragraphs, u"en-GB"_qs);
        QCOMPARE(english.splits.first().size(), 3);
        QCOMPARE(english.notes, QStringList());
        const JoinedWords norwegian = findJoinedWords(paragraphs, u"nb"_qs);
        QVERIFY(norwegian.splits.first().isEmpty());
        QCOMPARE(norwegian.notes,
                 QStringList{u"Words run together were not looked for: the file says the story is in "
                             "“nb”, and Galley splits words only in English."_qs});
    }

    void splitterBudgetIsBoundedAndReported() {
        // English words with thousands of unknown runs among them: the look-ups run out, the rest
        // is left as written, and the report says from where.
        QList<JoinedWordsParagraph> paragraphs;
        paragraphs.append(
            {u"The boardvoted on Monday.Several residents walked tothecity hall and the council "
             "said the harbour plan would go ahead after the vote."_qs,
             1, true, true});
        QString noise;
        QRandomGenerator random(7);
        for (int i = 0; i < 30000; ++i) {
            QString run;
            for (int k = 0; k < 12 + i % 25; ++k)
                run += QChar(u'a' + random.bounded(26));
            noise += u"the council said "_qs % run % u' ';
        }
        paragraphs.append({noise, 3, true, true});
        QElapsedTimer timer;
        timer.start();
        const JoinedWords found = findJoinedWords(paragraphs, {});
        QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
        QCOMPARE(found.splits.first().size(), 3);
        QCOMPARE(found.notes,
                 QStringList{u"Galley stopped looking for words run together at line 3: the text is "
                             "too long or has too many words the dictionary does not know. What "
                             "follows is left as written."_qs});
    }

    // --- Pull quotes in web-page dumps (issue 7) ---

    void pullQuoteShapes_data() {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("attribution");
        QTest::addColumn<bool>("needsEvidence");
        QTest::newRow("strict") << u"We will not close the pier. Harbourmaster Ines Varga"_qs
                                << u"We will not close the pier."_qs << u"Harbourmaster Ines Varga"_qs
                                << false;
        QTest::newRow("dash and role") << u"\u201CBoats come first\u201D \u2014 harbourmaster Ines Varga"_qs
                                       << u"Boats come first"_qs << u"harbourmaster Ines Varga"_qs << true;
        QTest::newRow("sentence, dash, name and title")
            << u"We will not close the pier. \u2013 Ines Varga, the harbourmaster"_qs
            << u"We will not close the pier."_qs << u"Ines Varga, the harbourmaster"_qs << true;
        QTest::newRow("reported speech")
            << u"\u201CBoats come first,\u201D said Ines Varga"_qs << QString() << QString() << false;
        QTest::newRow("no speaker") << u"\u201CBoats come first\u201D \u2014 the board's old report"_qs
                                    << QString() << QString() << false;
        QTest::newRow("too long") << QString(u"word "_qs.repeated(120) % u"end. Harbourmaster Ines Varga"_qs)
                                  << QString() << QString() << false;
    }

    void pullQuoteShapes() {
        QFETCH(QString, line);
        QFETCH(QString, text);
        QFETCH(QString, attribution);
        QFETCH(bool, needsEvidence);
        const auto quote = lineshape::parsePullQuote(line);
        QCOMPARE(quote.has_value(), !text.isEmpty());
        if (quote) {
            QCOMPARE(quote->text, text);
            QCOMPARE(quote->attribution, attribution);
            QCOMPARE(quote->needsEvidence, needsEvidence);
        }
    }

    void quotedOpenings() {
        QuotedOpenings openings;
        openings.add(
            u"Skipper Tomas Lindahl was relieved. \u201CIt was hard. Boats come first, and the board "
            "said so,\u201D he said."_qs,
            4);
        openings.add(u"\"We will not close the pier while boats still use it,\" she said."_qs, 6);
        QVERIFY(openings.repeats(u"Boats come first"_qs, 1));
        QVERIFY(openings.repeats(u"It was hard."_qs, 1));
        QVERIFY(openings.repeats(u"We will not close the pier."_qs, 1));
        QVERIFY(!openings.repeats(u"We will not close the pier."_qs, 6)); // its own paragraph
        QVERIFY(!openings.repeats(u"Skipper Tomas Lindahl was"_qs, 1));   // not inside a quotation
        QVERIFY(!openings.repeats(u"Boats come"_qs, 1));                  // too short to tell
    }

    void pullQuoteDetectionIsLinear() {
        QString paragraph = u"we will not close the pier while boats still depend on it "_qs.repeated(24000);
        paragraph += u"Harbourmaster Ines Varga"_qs;
        QElapsedTimer timer;
        timer.start();
        QVERIFY(!lineshape::parsePullQuote(paragraph));
        QVERIFY(timer.elapsed() < 50);
        timer.restart();
        const ImportResult result =
            importText(u"Pier stays open after the vote\n\n"_qs % paragraph % u"\n"_qs);
        QVERIFY2(timer.elapsed() < 4000, qPrintable(QString::number(timer.elapsed())));
        QVERIFY(result.story().pullQuotes.isEmpty());
    }

    // --- Wire end marks and trailers in plain text (issue 7) ---

    void endMarks_data() {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QString>("reason");
        QTest::addColumn<bool>("ends");
        QTest::newRow("-30-") << u"-30-"_qs << u"wire end mark"_qs << true;
        QTest::newRow("- 30 -") << u"- 30 -"_qs << u"wire end mark"_qs << true;
        QTest::newRow("em dash 30") << u"\u201430\u2014"_qs << u"wire end mark"_qs << true;
        QTest::newRow("# # #") << u"# # #"_qs << u"wire end mark"_qs << true;
        QTest::newRow("####") << u"####"_qs << u"wire end mark"_qs << true;
        QTest::newRow("ends") << u"ends"_qs << u"wire end mark"_qs << true;
        QTest::newRow("End") << u"End"_qs << u"wire end mark"_qs << true;
        QTest::newRow("(ENDS)") << u"(ENDS)"_qs << u"wire end mark"_qs << true;
        QTest::newRow("[END]") << u"[END]"_qs << u"wire end mark"_qs << true;
        QTest::newRow("NNNN") << u"NNNN"_qs << u"wire end mark"_qs << true;
        QTest::newRow("MORE") << u"MORE"_qs << u"wire end mark"_qs << false;
        QTest::newRow("underscores") << u"___"_qs << u"wire separator line"_qs << false;
        QTest::newRow("equals") << u"========"_qs << u"wire separator line"_qs << false;
        QTest::newRow("30 alone") << u"30"_qs << QString() << false;
        QTest::newRow("0 alone") << u"0"_qs << QString() << false;
        QTest::newRow("section break") << u"* * *"_qs << QString() << false;
        QTest::newRow("label with blank") << u"Signature: ____"_qs << QString() << false;
        QTest::newRow("sentence") << u"The end of the pier is closed."_qs << QString() << false;
        QTest::newRow("related topics") << u"Related Topics"_qs << u"share or advertising line"_qs << false;
        QTest::newRow("more on this story")
            << u"More on this story"_qs << u"share or advertising line"_qs << false;
        QTest::newRow("most read") << u"Most read"_qs << u"share or advertising line"_qs << false;
        QTest::newRow("published ago") << u"Published 2 hours ago"_qs << u"publication time line"_qs << false;
        QTest::newRow("updated date")
            << u"Updated: 14 May 2024, 09:12 BST"_qs << u"publication time line"_qs << false;
        QTest::newRow("published in a sentence")
            << u"Published figures show 2,000 more riders."_qs << QString() << false;
    }

    void endMarks() {
        QFETCH(QString, line);
        QFETCH(QString, reason);
        QFETCH(bool, ends);
        QCOMPARE(chromeReason(line), reason);
        QCOMPARE(isEndOfStoryMark(line), ends);
    }

    void trailerAfterEndMark() {
        const ImportResult result =
            importText(u"Quarry Lane bridge to reopen after repairs\r\rThe Quarry Lane bridge will reopen on "
                       u"Friday after "
                       "three months of repairs, the county said.\r\r-30-\r\rEW-NP-0502 1532GMT\r\rA longer "
                       "note after the "
                       "mark stays in the story because it has far more words than a trailer line.\r"_qs);
        QCOMPARE(changesOf(result.report(), ImportChangeKind::RemovedChrome),
                 (QStringList{u"-30->"_qs, u"EW-NP-0502 1532GMT>"_qs}));
        QCOMPARE(result.story().body.size(), 2);
    }

    void controlCharactersRemoved() {
        const ImportResult result =
            importText(u"\u0001Quarry Lane bridge to reopen after repairs\n\n\u0002The bridge will reopen on "
                       "Friday after three months of repairs.\u0003\n"_qs);
        QCOMPARE(result.story().headline, u"Quarry Lane bridge to reopen after repairs"_qs);
        QCOMPARE(result.story().body.first().plainText(),
                 u"The bridge will reopen on Friday after three months of repairs."_qs);
        QCOMPARE(changesOf(result.report(), ImportChangeKind::RemovedElement),
                 QStringList{u"3 control characters>"_qs});
    }

    // --- Damaged UTF-8 (issue 7) ---

    void damagedUtf8_data() {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("encoding");
        QTest::addColumn<QStringList>("notes");
        const QByteArray meta = "<html><head><meta charset=\"utf-8\"></head><body><p>";
        QTest::newRow("declared, one bad byte")
            << QByteArray(meta + "Caf\xC3\xA9 \xE2\x80\x9Cnew\xE2\x80\x9D \xFF menu</p></body></html>")
            << QString(QString::fromUtf8(meta) % u"Café “new” \uFFFD menu</p></body></html>"_qs)
            << u"UTF-8"_qs
            << QStringList{
                   u"The file says it is UTF-8 but byte 67 is not valid UTF-8 (line 1). It was imported "
                   "with “\uFFFD” in its place: check the story there."_qs};
        QTest::newRow("undeclared, cut character")
            << QByteArray("Caf\xC3\xA9 \xE2\x80\x9Cnew\xE2\x80\x9D\nand \xE2\x80 more \xC3\xA9")
            << u"Café “new”\nand \uFFFD more é"_qs << u"UTF-8"_qs
            << QStringList{u"The file is UTF-8 but byte 21 is not valid UTF-8 (line 2). It was imported with "
                           "“\uFFFD” in its place: check the story there."_qs};
        QTest::newRow("declared UTF-8, really Windows-1252")
            << QByteArray(meta + "The caf\xE9 owner said \x93yes\x94 and the na\xEFve plan was approved by "
                                 "the council on Monday evening.</p></body></html>")
            << QString(QString::fromUtf8(meta) %
                       u"The café owner said “yes” and the naïve plan was approved by "
                       "the council on Monday evening.</p></body></html>"_qs)
            << u"WINDOWS-1252"_qs
            << QStringList{
                   u"The file says it is UTF-8 but byte 58 is not valid UTF-8 (line 1), and few of its "
                   "characters are: it was read in the encoding Galley detected."_qs};
    }

    void damagedUtf8() {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, text);
        QFETCH(QString, encoding);
        QFETCH(QStringList, notes);
        QString error;
        const auto decoded = decodeText(bytes, declaredEncoding(bytes), &error);
        QVERIFY2(decoded, qPrintable(error));
        QCOMPARE(decoded->text, text);
        QCOMPARE(decoded->encoding, encoding);
        QCOMPARE(decoded->notes, notes);
    }

    void damagedUtf8NoteInReport() {
        QString error;
        const auto result = importBytes(QByteArray("Harbour caf\xC3\xA9 reopens\n\nThe caf\xC3\xA9 reopened "
                                                   "on Saturday \xFF after the storms.\n"),
                                        ImportOptions{u"input"_qs, ImportFormat::PlainText}, &error);
        QVERIFY2(result, qPrintable(error));
        QCOMPARE(
            result->report().notes,
            QStringList{u"The file is UTF-8 but byte 55 is not valid UTF-8 (line 3). It was imported with "
                        "“\uFFFD” in its place: check the story there."_qs});
        QCOMPARE(result->story().body.first().plainText(),
                 u"The café reopened on Saturday \uFFFD after the storms."_qs);
    }

    // --- Only regular files (issue 7) ---

    void onlyRegularFiles() {
        QTemporaryDir dir;
        const QString fifo = dir.filePath(u"pipe"_qs);
        QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
        QElapsedTimer timer;
        timer.start();
        QString error;
        QVERIFY(!importAllFromFile(fifo, &error));
        QVERIFY(timer.elapsed() < 1000);
        QCOMPARE(error, u"“%1” is a named pipe, not a file: Galley imports only regular files."_qs.arg(fifo));
        QVERIFY(!importAllFromFile(u"/dev/zero"_qs, &error));
        QCOMPARE(error, u"“/dev/zero” is a device, not a file: Galley imports only regular files."_qs);
        QVERIFY(!importAllFromFile(dir.path(), &error));
        QCOMPARE(error,
                 u"“%1” is a folder, not a file: Galley imports only regular files."_qs.arg(dir.path()));
    }

    // --- Pictures checked in Galley's words, never the library's (issue 7) ---

    void damagedPicturesPrintNothing_data() {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("refused");
        const QByteArray png = encoded(tiny(), "PNG");
        QByteArray badCrc = png;
        badCrc[png.indexOf("IDAT") + 6] = char(badCrc.at(png.indexOf("IDAT") + 6) ^ 0x55);
        QTest::newRow("cut png")
            << png.left(40) << u"The picture labelled image/png is a damaged PNG file that does not open."_qs;
        QTest::newRow("png with bad data")
            << badCrc
            << u"The picture labelled image/png is a damaged PNG file that does not "
               "open."_qs;
        QTest::newRow("cut jpeg")
            << encoded(tiny(), "JPEG").left(200)
            << u"The picture labelled image/png is a damaged JPEG file that does not open."_qs;
    }

    void damagedPicturesPrintNothing() {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, refused);
        StderrCapture capture;
        const CheckedPicture checked = checkPicture(bytes, u"image/png"_qs);
        const QByteArray printed = capture.finish();
        QCOMPARE(checked.refused, refused);
        QCOMPARE(printed, QByteArray());
    }
};

QTEST_GUILESS_MAIN(TestImportCleanup)
#include "tst_importcleanup.moc"
