// The rules added after QA: bylines with job titles, wire datelines and header lines, links and
// pictures checked before they are kept, word splitting only in texts that lost line breaks, and
// the report's wording. Invented lines, exact results.
#include "import/acceptance.h"
#include "import/chromefilter.h"
#include "import/importer.h"
#include "import/lineshapes.h"
#include "importtesthelpers.h"

#include <QBuffer>
#include <QImage>
#include <QStandardPaths>
#include <QTest>

using namespace galley;
using namespace galley::testing;

class TestImportRules final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void bylines_data() {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QStringList>("names");
        QTest::newRow("title") << u"By Jane Example, Staff Writer"_qs
                               << QStringList{u"Jane Example, Staff Writer"_qs};
        QTest::newRow("desk") << u"Rita Forecast, Weather Desk"_qs
                              << QStringList{u"Rita Forecast, Weather Desk"_qs};
        QTest::newRow("bureau") << u"By Ola Marsh, Northport Bureau"_qs
                                << QStringList{u"Ola Marsh, Northport Bureau"_qs};
        QTest::newRow("and") << u"By Tomas Ferreira and Lena Sorvik"_qs
                             << QStringList{u"Tomas Ferreira"_qs, u"Lena Sorvik"_qs};
        QTest::newRow("ampersand") << u"By Tomas Ferreira & Lena Sorvik"_qs
                                   << QStringList{u"Tomas Ferreira"_qs, u"Lena Sorvik"_qs};
        QTest::newRow("semicolon titles")
            << u"By Jane Example, Staff Writer; Tobin Quay, Correspondent"_qs
            << QStringList{u"Jane Example, Staff Writer"_qs, u"Tobin Quay, Correspondent"_qs};
        QTest::newRow("list of three")
            << u"By Ada Brightwater, Ines Marlo and Tobin Quay"_qs
            << QStringList{u"Ada Brightwater"_qs, u"Ines Marlo"_qs, u"Tobin Quay"_qs};
        QTest::newRow("comma, one By")
            << u"By Ada Brightwater, Eastvale"_qs << QStringList{u"Ada Brightwater, Eastvale"_qs};
    }

    void bylines() {
        QFETCH(QString, line);
        QFETCH(QStringList, names);
        QCOMPARE(lineshape::bylineNames(line), names);
    }

    void wireDateline_data() {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QString>("place");
        QTest::addColumn<QString>("rest");
        QTest::newRow("date and agency") << u"EASTPORT, May 2 (Example Wire) - The port will dredge."_qs
                                         << u"EASTPORT"_qs << u"The port will dredge."_qs;
        QTest::newRow("em dash") << u"EASTPORT (Example Wire) \u2014 The port will dredge."_qs
                                 << u"EASTPORT"_qs << u"The port will dredge."_qs;
        QTest::newRow("two words") << u"NEW HAVEN \u2014 Ferries resumed."_qs << u"NEW HAVEN"_qs
                                   << u"Ferries resumed."_qs;
        QTest::newRow("hyphenated word") << u"NASA-backed crews left on Monday."_qs << QString() << QString();
        QTest::newRow("sentence") << u"The port will dredge - soon."_qs << QString() << QString();
        QTest::newRow("short caps") << u"UK - The port."_qs << QString() << QString();
        QTest::newRow("agency first")
            << u"(Example Wire) - Eastport, November 4 - The old lighthouse will open."_qs << u"Eastport"_qs
            << u"The old lighthouse will open."_qs;
        QTest::newRow("agency first, no date")
            << u"(Example Wire) - Eastport - The old lighthouse will open."_qs << u"Eastport"_qs
            << u"The old lighthouse will open."_qs;
        QTest::newRow("parenthesis then sentence")
            << u"(Updated) - the harbour trust said on Tuesday - it will open."_qs << QString() << QString();
    }

    void creditLabel_data() {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QString>("caption");
        QTest::addColumn<QString>("credit");
        QTest::newRow("only credit") << u" Foto: Example Wire / Scanpix"_qs << QString()
                                     << u"Example Wire / Scanpix"_qs;
        QTest::newRow("after a sentence") << u"The pier at dawn. Photo: Ines Varga/Example Wire"_qs
                                          << u"The pier at dawn."_qs << u"Ines Varga/Example Wire"_qs;
        QTest::newRow("label inside a sentence")
            << u"A photo: the pier at dawn seen from the beach"_qs << QString() << QString();
        QTest::newRow("no label") << u"The pier at dawn."_qs << QString() << QString();
    }

    void creditLabel() {
        QFETCH(QString, line);
        QFETCH(QString, caption);
        QFETCH(QString, credit);
        const auto parsed = lineshape::parseCreditLabel(line);
        QCOMPARE(parsed.has_value(), !credit.isEmpty());
        if (parsed) {
            QCOMPARE(parsed->caption, caption);
            QCOMPARE(parsed->credit, credit);
        }
    }

    void wireDateline() {
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

    void wireChrome_data() {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QString>("reason");
        QTest::newRow("urgent") << u"URGENT"_qs << u"wire priority line"_qs;
        QTest::newRow("flash") << u"FLASH"_qs << u"wire priority line"_qs;
        QTest::newRow("bulletin") << u"BULLETIN"_qs << u"wire priority line"_qs;
        QTest::newRow("priority routine") << u"PRIORITY: ROUTINE"_qs << u"wire priority line"_qs;
        QTest::newRow("slug") << u"BC-Harbour-Dredging/ 1st Ld-Writethru"_qs << u"wire slug line"_qs;
        QTest::newRow("bare slug") << u"BC-Harbour-Dredging"_qs << u"wire slug line"_qs;
        QTest::newRow("ends") << u"ENDS"_qs << u"wire end mark"_qs;
        QTest::newRow("thirty") << u"-30-"_qs << u"wire end mark"_qs;
        QTest::newRow("hashes") << u"###"_qs << u"wire end mark"_qs;
        QTest::newRow("end in parens") << u"(END)"_qs << u"wire end mark"_qs;
        QTest::newRow("word urgent") << u"Urgent repairs close the quay"_qs << QString();
        QTest::newRow("covid") << u"COVID-19"_qs << QString();
    }

    void wireChrome() {
        QFETCH(QString, line);
        QFETCH(QString, reason);
        QCOMPARE(chromeReason(line), reason);
    }

    void links_data() {
        QTest::addColumn<QString>("href");
        QTest::addColumn<QString>("kept");
        QTest::addColumn<bool>("refused");
        QTest::newRow("space") << u"https://example.org/search?q=sea wall"_qs
                               << u"https://example.org/search?q=sea%20wall"_qs << false;
        QTest::newRow("bar quote braces") << u"https://example.org/a|b?x=\"y\"&z={1}"_qs
                                          << u"https://example.org/a%7Cb?x=%22y%22&z=%7B1%7D"_qs << false;
        QTest::newRow("plain") << u"http://example.org/news"_qs << u"http://example.org/news"_qs << false;
        QTest::newRow("mailto") << u"mailto:desk@example.org"_qs << u"mailto:desk@example.org"_qs << false;
        QTest::newRow("javascript") << u"javascript:alert(1)"_qs << QString() << true;
        QTest::newRow("data") << u"data:text/html,<b>x</b>"_qs << QString() << true;
        QTest::newRow("relative") << u"/news/today"_qs << QString() << true;
        QTest::newRow("empty") << QString() << QString() << false;
        // Kept links are exactly the ones the renderer makes live: a web link needs a host.
        QTest::newRow("http without host") << u"http:news/today"_qs << QString() << true;
        QTest::newRow("mailto without address") << u"mailto:"_qs << QString() << true;
    }

    void links() {
        QFETCH(QString, href);
        QFETCH(QString, kept);
        QFETCH(bool, refused);
        const CheckedLink checked = checkLink(href);
        QCOMPARE(checked.href, kept);
        QCOMPARE(!checked.refused.isEmpty(), refused);
    }

    void pictures_data() {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("label");
        QTest::addColumn<QString>("mime");
        QTest::addColumn<QString>("refused");
        QTest::newRow("png") << encoded(tiny(), "PNG") << u"image/png"_qs << u"image/png"_qs << QString();
        QTest::newRow("jpeg labelled png")
            << encoded(tiny(), "JPEG") << u"image/png"_qs << u"image/jpeg"_qs << QString();
        // Qt writes no GIF: a 1x1 GIF made by hand.
        QTest::newRow("gif with odd label")
            << QByteArray::fromBase64("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7")
            << u"image/x-odd"_qs << u"image/gif"_qs << QString();
        QTest::newRow("html labelled png")
            << QByteArray("<html><body>hello</body></html>") << u"image/png"_qs << QString()
            << u"The picture labelled image/png is not a picture Galley can read; only JPEG, PNG, WebP and "
               u"GIF "
               "pictures are kept."_qs;
        QTest::newRow("damaged png")
            << encoded(tiny(), "PNG").left(40) << u"image/png"_qs << QString()
            << u"The picture labelled image/png is a damaged PNG file that does not open."_qs;
        QTest::newRow("bmp") << encoded(tiny(), "BMP") << u"image/bmp"_qs << QString()
                             << u"The picture labelled image/bmp is a BMP file; only JPEG, PNG, WebP and GIF "
                                "pictures are kept."_qs;
        QTest::newRow("empty") << QByteArray() << u"image/png"_qs << QString()
                               << u"The picture (labelled image/png) holds no data."_qs;
    }

    void pictures() {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, label);
        QFETCH(QString, mime);
        QFETCH(QString, refused);
        const CheckedPicture checked = checkPicture(bytes, label);
        QCOMPARE(checked.mimeType, mime);
        QCOMPARE(checked.refused, refused);
    }

    void svgWithScriptRefused() {
        const QByteArray svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"2\" height=\"2\">"
                               "<script>alert(1)</script><rect width=\"2\" height=\"2\"/></svg>";
        const CheckedPicture checked = checkPicture(svg, u"image/svg+xml"_qs);
        QCOMPARE(checked.mimeType, QString());
        QVERIFY2(checked.refused.startsWith(u"The picture labelled image/svg+xml is "_qs),
                 qPrintable(checked.refused));
        QVERIFY(checked.refused.endsWith(u"only JPEG, PNG, WebP and GIF pictures are kept."_qs));
    }

    void refusedPictureReported() {
        const QString html =
            u"<h1>Garden opens on the library roof</h1><p>The garden opened on Saturday with "
            "benches and herb beds for readers.</p><p>Readers may take books up to the garden, the librarian "
            "said on Monday "
            "morning.</p><figure><img src=\"data:image/png;base64,"_qs %
            QString::fromLatin1(QByteArray("<html>x</html>").toBase64()) %
            u"\"><figcaption>The herb beds. (Tobin Quay)</figcaption></figure>"_qs;
        const ImportResult result = importText(html, ImportFormat::Html);
        const Story story = result.story();
        QCOMPARE(story.images.size(), 1);
        QVERIFY(story.images.first().isMissing());
        QCOMPARE(story.images.first().caption, u"The herb beds."_qs);
        QCOMPARE(story.images.first().credit, u"Tobin Quay"_qs);
        QCOMPARE(story.body.size(), 2);
        QCOMPARE(story.images.first().placement, Placement::after(story.body.last().id));
        const QList<int> missing = result.report().indexesOf(ImportChangeKind::PictureMissing);
        QCOMPARE(missing.size(), 1);
        QCOMPARE(
            result.report().changes.at(missing.first()).note,
            u"The picture labelled image/png is not a picture Galley can read; only JPEG, PNG, WebP and GIF "
            "pictures are kept. The image is marked as missing."_qs);
    }

    void splitting_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("headline");
        QTest::addColumn<QStringList>("splits");
        const QString body =
            u"\n\nThe council met on Monday to talk about the harbour and the new ferry pier.\n\n"_qs;
        QTest::newRow("clean text keeps joined words")
            << u"Council to livestream its meetings"_qs % body %
                   u"Residents can watch the livestream, read the userinfo page or report an onerror fault "
                   u"at the "
                   "townhall desk.\n"_qs
            << u"Council to livestream its meetings"_qs << QStringList();
        QTest::newRow("the same text has it split")
            << u"Council to stream its meetings"_qs % body %
                   u"Residents can watch the livestream from home.\n\nThe live stream starts at seven.\n"_qs
            << u"Council to stream its meetings"_qs << QStringList{u"livestream>live stream"_qs};
        QTest::newRow("lost line breaks, headline whole")
            << u"Council to livestream its meetings"_qs % body %
                   u"The boardvoted on Monday.Several residents walked tothecity hall and the mayorsaid yes.\n"_qs
            << u"Council to livestream its meetings"_qs
            << QStringList{u"boardvoted>board voted"_qs, u"Monday.Several>Monday. Several"_qs,
                           u"tothecity>to the city"_qs, u"mayorsaid>mayor said"_qs};
    }

    void splitting() {
        QFETCH(QString, text);
        QFETCH(QString, headline);
        QFETCH(QStringList, splits);
        const ImportResult result = importText(text);
        QCOMPARE(result.story().headline, headline);
        QCOMPARE(changesOf(result.report(), ImportChangeKind::SplitWords), splits);
    }

    void deckAfterHeadline_data() {
        QTest::addColumn<QString>("html");
        QTest::addColumn<QString>("deck");
        QTest::addColumn<QString>("firstParagraph");
        const QString h1 = u"<h1>Ferry pier reopens after repairs</h1>"_qs;
        const QString body =
            u"<p>The ferry pier reopened on Monday after six weeks of repairs to its deck and "
            "railings, the harbour master said.</p>"_qs;
        QTest::newRow("standfirst class")
            << h1 % u"<p class=\"standfirst\">Islanders can sail again.</p>"_qs % body
            << u"Islanders can sail again."_qs
            << u"The ferry pier reopened on Monday after six weeks of repairs to its "
               "deck and railings, the harbour master said."_qs;
        QTest::newRow("short unpunctuated")
            << h1 % u"<p>Islanders can sail again from Tuesday</p>"_qs % body
            << u"Islanders can sail again from Tuesday"_qs
            << u"The ferry pier reopened on Monday after six weeks of repairs to its "
               "deck and railings, the harbour master said."_qs;
        QTest::newRow("sentence is body")
            << h1 % body << QString()
            << u"The ferry pier reopened on Monday after six weeks of repairs to its "
               "deck and railings, the harbour master said."_qs;
    }

    void deckAfterHeadline() {
        QFETCH(QString, html);
        QFETCH(QString, deck);
        QFETCH(QString, firstParagraph);
        const Story story = importText(html, ImportFormat::Html).story();
        QCOMPARE(story.headline, u"Ferry pier reopens after repairs"_qs);
        QCOMPARE(story.deck, deck);
        QCOMPARE(story.body.first().plainText(), firstParagraph);
    }

    void refusedDatelineStaysInText() {
        const ImportResult result = importText(u"Harbour dredging to start next month\n\nEASTPORT, May 2 "
                                               u"(Example Wire) - The port will start dredging "
                                               "the inner harbour next month, its chief engineer said.\n"_qs);
        const QList<int> datelines = result.report().indexesOf(ImportChangeKind::RecognisedDateline);
        QCOMPARE(datelines.size(), 1);
        QList<bool> accepted(result.report().changes.size(), true);
        accepted[datelines.first()] = false;
        const Story refused = result.story(accepted);
        QCOMPARE(refused.dateline, QString());
        QVERIFY(refused.body.first().plainText().startsWith(u"EASTPORT, May 2 (Example Wire) - The port"_qs));
        QCOMPARE(result.story().body.first().plainText().left(8), u"The port"_qs);
    }

    void onePictureIsTheLead() {
        const QByteArray png = encoded(tiny(), "PNG").toBase64();
        const QString figure = u"<figure><img src=\"data:image/png;base64,"_qs % QString::fromLatin1(png) %
                               u"\"><figcaption>%1 (Tobin Quay)</figcaption></figure>"_qs;
        const Story story =
            importText(u"<h1>Ferry pier reopens after repairs</h1>"_qs %
                           figure.arg(u"The pier from the quay."_qs) % figure.arg(u"The new railings."_qs) %
                           u"<p>The ferry pier reopened on Monday after six weeks of repairs to "
                           "its deck and railings, the harbour master said.</p><p>Boats run every "
                           "hour from seven.</p>"_qs %
                           figure.arg(u"The first boat leaves."_qs),
                       ImportFormat::Html)
                .story();
        QCOMPARE(story.body.size(), 2);
        QCOMPARE(story.images.size(), 3);
        QVERIFY(!story.images.at(0).isMissing());
        QCOMPARE(story.images.at(0).placement, Placement::lead());
        QCOMPARE(story.images.at(1).placement, Placement::after(story.body.at(0).id));
        QCOMPARE(story.images.at(2).placement, Placement::after(story.body.at(1).id));
    }

    void nitfLinksAndAbstract() {
        const ImportResult result = importText(
            u"<nitf><body><body.head><hedline><hl1>Sea wall plan goes to a vote</hl1><hl2>Residents asked to "
            "choose a design</hl2></hedline><abstract><p>Two designs are on the "
            "table.</p></abstract></body.head>"
            "<body.content><p>See <a href=\"https://example.org/search?q=sea wall\">the plans</a> or "
            "<a href=\"javascript:void(0)\">vote here</a> before Friday.</p></body.content></body></nitf>"_qs,
            ImportFormat::Nitf);
        const Story story = result.story();
        QCOMPARE(story.deck, u"Residents asked to choose a design"_qs);
        // hl2 gives the deck, so the abstract is a note for the desk, not body text.
        QCOMPARE(story.body.size(), 1);
        QCOMPARE(story.notes.size(), 1);
        QCOMPARE(story.notes.at(0).text, u"Two designs are on the table."_qs);
        const InlineText &line = story.body.at(0).lines.first();
        QCOMPARE(line.runs.at(1).href, u"https://example.org/search?q=sea%20wall"_qs);
        // The refused link's words stay as plain text, merged with the text around them.
        QCOMPARE(line.runs.size(), 3);
        QCOMPARE(line.runs.at(2).text, u" or vote here before Friday."_qs);
        QCOMPARE(line.runs.at(2).href, QString());
        QCOMPARE(changesOf(result.report(), ImportChangeKind::RemovedElement),
                 QStringList{u"javascript:void(0)>"_qs});
        QCOMPARE(changesOf(result.report(), ImportChangeKind::KeptAsText),
                 QStringList{u"Two designs are on the table.>Two designs are on the table."_qs});
    }

    void embeddedMediaReported() {
        const ImportResult result = importText(
            u"<h1>Ferry pier reopens after repairs</h1><p>The ferry pier reopened on Monday after six weeks "
            u"of "
            "repairs to its deck and railings, the harbour master said.</p><iframe title=\"Pier video\" "
            "src=\"https://video.example.org/pier\"></iframe><p>Boats run every hour.</p>"
            "<nav><iframe src=\"https://ads.example.org/x\"></iframe></nav>"_qs,
            ImportFormat::Html);
        QCOMPARE(changesOf(result.report(), ImportChangeKind::RemovedElement),
                 QStringList{u"<iframe> Pier video https://video.example.org/pier>"_qs});
        const ImportResult pictures = importText(
            u"<h1>Ferry pier reopens after repairs</h1><p>The ferry pier reopened on Monday after six weeks "
            u"of "
            "repairs to its deck and railings.</p><p><img src=\"https://example.org/img/pier.jpg?w=800\" "
            "alt=\"The pier\"><img src=\"https://example.org/pixel.gif\" width=\"1\" height=\"1\"></p>"
            "<footer><img src=\"https://example.org/logo.png\"></footer>"_qs,
            ImportFormat::Html);
        // The tracking pixel is reported too: nothing leaves a page without a word.
        QCOMPARE(changesOf(pictures.report(), ImportChangeKind::RemovedElement),
                 (QStringList{u"pier.jpg>The pier"_qs, u"pixel.gif>"_qs}));
        QCOMPARE(pictures.story().images.size(), 0);
    }

    void reportWording() {
        ImportReport report;
        report.sourceName = u"a.txt"_qs;
        report.format = u"text"_qs;
        report.encoding = u"UTF-8"_qs;
        QCOMPARE(formatImportReport(report), u"# a.txt: text, UTF-8, 0 changes\n"_qs);
        report.changes.append(ImportChange{ImportChangeKind::KeptAsText, u"a\tb"_qs, u"a | b"_qs, 3, 0, {}});
        QCOMPARE(formatImportReport(report),
                 u"# a.txt: text, UTF-8, 1 change\nkept-as-text\t3\ta b\ta | b\n"_qs);
        report.changes.append(ImportChange{ImportChangeKind::RemovedElement, u"old"_qs, {}, 4, 0, {}});
        QVERIFY(formatImportReport(report).startsWith(u"# a.txt: text, UTF-8, 2 changes\n"_qs));
        QCOMPARE(importChangeKindFromKey(u"removed-element"_qs), ImportChangeKind::RemovedElement);
    }
};

QTEST_GUILESS_MAIN(TestImportRules)
#include "tst_importrules.moc"
