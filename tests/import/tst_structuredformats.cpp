// The parts of the ninjs and NewsML-G2 readers that are rules on their own: which reader a file
// goes to by its content, how agencies' times and codes read, how plain wire text becomes
// paragraphs, and which rendition of a picture is kept.
#include "import/formatdetect.h"
#include "import/structuredparts.h"

#include <QTest>

using namespace galley;
using namespace galley::structured;

Q_DECLARE_METATYPE(galley::ImportFormat)

class TestStructuredFormats final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void detection_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("name");
        QTest::addColumn<ImportFormat>("format");
        const QString nar = u"http://iptc.org/std/nar/2006-10-01/"_qs;
        QTest::newRow("ninjs") << u"\uFEFF\n  {\"uri\": \"urn:x\", \"headline\": \"H\"}"_qs << u"a.txt"_qs
                               << ImportFormat::Ninjs;
        QTest::newRow("json list") << u"[ {\"uri\": \"urn:x\"} ]"_qs << QString() << ImportFormat::Ninjs;
        QTest::newRow("list of strings") << u"[\"a\", \"b\"]\n"_qs << QString() << ImportFormat::Ninjs;
        QTest::newRow("quoted headline")
            << u"[\"Quoted\" says the mayor] Ferry"_qs << QString() << ImportFormat::PlainText;
        QTest::newRow("any json object") << u"{\"rows\": []}"_qs << QString() << ImportFormat::Ninjs;
        QTest::newRow("bracketed text")
            << u"[Updated 5 pm] Ferry crews return"_qs << u"a.json"_qs << ImportFormat::PlainText;
        QTest::newRow("brace text") << u"{Draft} Ferry crews return"_qs << QString()
                                    << ImportFormat::PlainText;
        QTest::newRow("news item") << u"<?xml version=\"1.0\"?>\n<newsItem xmlns=\"%1\" guid=\"g\">"_qs.arg(
                                          nar)
                                   << QString() << ImportFormat::NewsMLG2;
        QTest::newRow("news message with a prefix")
            << u"<!-- feed -->\n<nar:newsMessage xmlns:nar=\"%1\">"_qs.arg(nar) << QString()
            << ImportFormat::NewsMLG2;
        QTest::newRow("news item with inline nitf")
            << u"<newsItem xmlns=\"%1\"><contentSet><inlineXML><nitf>"_qs.arg(nar) << QString()
            << ImportFormat::NewsMLG2;
        QTest::newRow("news item with inline xhtml")
            << u"<?xml version=\"1.0\"?><newsItem xmlns=\"%1\"><contentSet><inlineXML><html>"_qs.arg(nar)
            << QString() << ImportFormat::NewsMLG2;
        QTest::newRow("nitf with doctype")
            << u"<?xml version=\"1.0\"?>\n<!DOCTYPE nitf SYSTEM \"nitf.dtd\" [<!ENTITY x \"y\">]>\n<nitf>"_qs
            << QString() << ImportFormat::Nitf;
        QTest::newRow("html5 page") << u"<!DOCTYPE html>\n<meta charset=\"utf-8\"><title>T</title>"_qs
                                    << QString() << ImportFormat::Html;
        QTest::newRow("xhtml") << u"<?xml version=\"1.0\"?><html xmlns=\"http://www.w3.org/1999/xhtml\">"_qs
                               << QString() << ImportFormat::Html;
        QTest::newRow("html fragment") << u"<p>Ferry crews return</p>"_qs << QString() << ImportFormat::Html;
        QTest::newRow("other xml") << u"<?xml version=\"1.0\"?><rss version=\"2.0\"><channel/></rss>"_qs
                                   << u"feed.html"_qs << ImportFormat::NewsMLG2;
        QTest::newRow("other namespace")
            << u"<feed xmlns=\"http://www.w3.org/2005/Atom\">"_qs << QString() << ImportFormat::NewsMLG2;
        QTest::newRow("news item in another namespace")
            << u"<newsItem xmlns=\"http://example.org/other\">"_qs << QString() << ImportFormat::NewsMLG2;
    }

    void detection() {
        QFETCH(QString, text);
        QFETCH(QString, name);
        QFETCH(ImportFormat, format);
        QCOMPARE(detectImportFormat(text, name), format);
    }

    void times_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QDateTime>("time");
        const auto utc = [](int y, int mo, int d, int h, int mi, int s = 0, int ms = 0) {
            return QDateTime(QDate(y, mo, d), QTime(h, mi, s, ms), Qt::UTC);
        };
        QTest::newRow("offset") << u"2018-10-21T16:25:32-05:00"_qs << utc(2018, 10, 21, 21, 25, 32);
        QTest::newRow("zulu, trailing space") << u"2018-10-12T06:42:04Z "_qs << utc(2018, 10, 12, 6, 42, 4);
        QTest::newRow("fraction") << u"2017-10-19T11:17:00.150Z"_qs << utc(2017, 10, 19, 11, 17, 0, 150);
        QTest::newRow("no offset is UTC") << u"2026-03-12T09:41:07"_qs << utc(2026, 3, 12, 9, 41, 7);
        QTest::newRow("date") << u"2016-10-18"_qs << utc(2016, 10, 18, 0, 0);
        QTest::newRow("compact") << u"20210526T134018+0200"_qs << utc(2021, 5, 26, 11, 40, 18);
        QTest::newRow("empty") << QString() << QDateTime();
        QTest::newRow("words") << u"next Tuesday"_qs << QDateTime();
    }

    void times() {
        QFETCH(QString, text);
        QFETCH(QDateTime, time);
        QCOMPARE(parseTime(text), time);
    }

    void codes_data() {
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("name");
        QTest::newRow("qcode") << u"nprov:EXAMPLEWIRE"_qs << u"EXAMPLEWIRE"_qs;
        QTest::newRow("uri") << u"http://www.example-wire.com/about/"_qs << u"example-wire.com"_qs;
        QTest::newRow("literal") << u"Example Wire"_qs << u"Example Wire"_qs;
    }

    void codes() {
        QFETCH(QString, code);
        QFETCH(QString, name);
        QCOMPARE(nameFromCode(code), name);
    }

    void bylines() {
        QCOMPARE(bylineText(u"  Von Jana Roth, dpa"_qs), u"Jana Roth, dpa"_qs);
        QCOMPARE(bylineText(u"Par Jeanne Marchal"_qs), u"Jeanne Marchal"_qs);
        QCOMPARE(bylineText(u"Door de redactie"_qs), u"Door de redactie"_qs); // no name follows
        QCOMPARE(bylineText(u"Byron Hale"_qs), u"Byron Hale"_qs);
    }

    void plainText_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("paragraphs");
        QTest::newRow("hard-wrapped, blank lines between")
            << u"The lock reopened on\r\nThursday after repairs.\r\n\r\nEngineers replaced\nthe gates."_qs
            << QStringList{u"The lock reopened on Thursday after repairs."_qs,
                           u"Engineers replaced the gates."_qs};
        QTest::newRow("indented paragraphs")
            << u"\tThe lock reopened on\nThursday after repairs.\n\tEngineers replaced\nthe gates."_qs
            << QStringList{u"The lock reopened on Thursday after repairs."_qs,
                           u"Engineers replaced the gates."_qs};
        QTest::newRow("one paragraph per line")
            << u"The lock on the Grand Western canal reopened on Thursday after ten weeks of repairs to its "
               "oak gates, the trust said.\nNo one was hurt."_qs
            << QStringList{
                   u"The lock on the Grand Western canal reopened on Thursday after ten weeks of repairs "
                   "to its oak gates, the trust said."_qs,
                   u"No one was hurt."_qs};
        QTest::newRow("separators and controls") << u"First\u2028line.\u2029Second\x01 paragraph."_qs
                                                 << QStringList{u"First line."_qs, u"Second paragraph."_qs};
    }

    void plainText() {
        QFETCH(QString, text);
        QFETCH(QStringList, paragraphs);
        QStringList got;
        for (const Segment &segment : plainBody(text, 7)) {
            QCOMPARE(segment.line, 7);
            QCOMPARE(segment.markupRole, std::optional(SegmentRole::Paragraph));
            got << segment.text.plainText();
        }
        QCOMPARE(got, paragraphs);
    }

    void renditions() {
        const Rendition thumb{u"thumbnail"_qs, u"https://x/t.jpg"_qs, u"image/jpeg"_qs, 120, 80};
        const Rendition big{u"original"_qs, u"https://x/o.jpg"_qs, u"image/jpeg"_qs, 4000, 3000};
        const Rendition video{u"mp4"_qs, u"https://x/v.mp4"_qs, u"video/mp4"_qs, 8000, 6000};
        const Rendition unsized{u"highres"_qs, u"https://x/h.jpg"_qs, {}, 0, 0};
        const Rendition unsizedThumb{u"thumbnail"_qs, u"https://x/t2.jpg"_qs, {}, 0, 0};
        const Rendition nowhere{u"original"_qs, {}, u"image/png"_qs, 9000, 9000};
        QCOMPARE(bestRendition({thumb, big, video})->href, big.href);
        QCOMPARE(bestRendition({unsizedThumb, unsized})->href, unsized.href);
        QCOMPARE(bestRendition({nowhere, thumb})->href, thumb.href);
        QVERIFY(!bestRendition({}));

        Picture picture;
        picture.caption = u"Boats in the fog."_qs;
        picture.renditions = {thumb, big};
        const Segment segment = pictureSegment(picture);
        QCOMPARE(segment.imageHref, big.href);
        QCOMPARE(segment.imageWidth, 4000);
        QCOMPARE(segment.imageFileName, u"o.jpg"_qs);
        QVERIFY(segment.imageData.isEmpty());
        QCOMPARE(segment.pictureRefused, u"The agency offers the picture at x; Galley never fetches it."_qs);
    }
};

QTEST_GUILESS_MAIN(TestStructuredFormats)
#include "tst_structuredformats.moc"
