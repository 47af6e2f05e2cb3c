// The rules added after QA: bylines with job titles, wire datelines and header lines, links and
// pictures checked before they are kept, word splitting only in texts that lost line breaks, and
// the report's wording. Invented lines, exact results.
#include "import/acceptance.h"
#include "import/chromefilter.h"
#include "import/importer.h"
#include "import/joinedwords.h"
#include "import/lineshapes.h"
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

namespace {

QByteArray encoded(const QImage &image, const char *format) {
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, format);
    return bytes;
}

QImage tiny() {
    QImage image(2, 2, QImage::Format_RGB32);
    image.fill(Qt::darkCyan);
    return image;
}

ImportResult importText(const QString &text, ImportFormat format = ImportFormat::PlainText) {
    QString error;
    const auto result = importBytes(text.toUtf8(), ImportOptions{u"input"_qs, format}, &error);
    if (!result)
        qFatal("import failed: %s", qPrintable(error));
    return *result;
}

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

QStringList changesOf(const ImportReport &report, ImportChangeKind kind) {
    QStringList out;
    for (const int i : report.indexesOf(kind))
        out << report.changes.at(i).original % u'>' % report.changes.at(i).result;
    return out;
}

} // namespace

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
        QCOMPARE(story.body.size(), 2);
        QCOMPARE(story.body.at(0).plainText(), u"Two designs are on the table."_qs);
        const InlineText &line = story.body.at(1).lines.first();
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
        QCOMPARE(changesOf(pictures.report(), ImportChangeKind::RemovedElement),
                 QStringList{u"pier.jpg>The pier"_qs});
        QCOMPARE(pictures.story().images.size(), 0);
    }

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
