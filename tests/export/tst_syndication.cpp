// NITF 3.6, ninjs 2.2 and NewsML-G2 2.35 export: schema validation (xmllint, python3-jsonschema),
// the exact shape of what is written, embargo warnings, and round trips through Galley's own
// importers.
#include "export/exportwarnings.h"
#include "export/newsmlwriter.h"
#include "export/ninjswriter.h"
#include "export/nitfwriter.h"
#include "export/storyexporter.h"
#include "import/importer.h"
#include "storage/samplelibrary.h"

#include <QBuffer>
#include <QDir>
#include <QImage>
#include <QImageReader>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QTest>

using namespace galley;

namespace {

InlineRun run(const QString &text) {
    InlineRun r;
    r.text = text;
    return r;
}

InlineText styledLine() {
    InlineText line;
    line.runs << run(u"The ferry ran "_qs);
    InlineRun bold = run(u"late"_qs);
    bold.bold = true;
    InlineRun italic = run(u" again"_qs);
    italic.italic = true;
    InlineRun link = run(u"timetable"_qs);
    link.href = u"https://example.org/ferry?line=2&day=mon"_qs;
    InlineRun struck = run(u"twice"_qs);
    struck.strike = true;
    InlineRun sup = run(u"2"_qs);
    sup.baseline = Baseline::Superscript;
    line.runs << bold << italic << run(u", says the "_qs) << link << run(u" (m"_qs) << sup << run(u") "_qs)
              << struck << run(u"."_qs);
    return line;
}

Block block(BlockKind kind, const QList<InlineText> &lines) {
    Block b = Block::make(kind, QString());
    b.lines = lines;
    return b;
}

/// A story using every block kind, pull quotes and pictures, with user text that needs escaping.
Story everyKindStory() {
    Story story = Story::create();
    story.slug = u"harbour-ferry"_qs;
    story.section = u"Local & Regional"_qs;
    story.headline = u"Harbour ferry runs <late> & \"full\" again"_qs;
    story.deck = u"Commuters waited an hour on the pier before the first boat left"_qs;
    story.bylines = {Byline{u"Maren Holt"_qs, u"Transport Reporter"_qs}, Byline{u"Jane Example"_qs, {}}};
    story.dateline = u"PORT EXAMPLE"_qs;
    story.metadata.language = u"en-GB"_qs;
    story.metadata.keywords = {u"ferry"_qs, u"transport & travel"_qs};
    story.metadata.priority = 4;
    story.metadata.slugline = u"Harbour-Ferry"_qs;
    story.metadata.originalId = u"urn:example:ferry-42"_qs;
    story.metadata.versionCreated = QDateTime(QDate(2026, 3, 2), QTime(9, 15), Qt::UTC);
    story.metadata.firstCreated = story.metadata.versionCreated;

    story.body << block(BlockKind::Paragraph, {styledLine()})
               << block(BlockKind::Subhead, {InlineText::plain(u"What the riders said"_qs)})
               << block(BlockKind::Paragraph, {InlineText::plain(u"Most riders were patient."_qs)});
    Block bullets = block(BlockKind::BulletList, {InlineText::plain(u"First boat late"_qs),
                                                  InlineText::plain(u"Second boat full"_qs),
                                                  InlineText::plain(u"Nested point"_qs)});
    bullets.items = {ListItem{0, false}, ListItem{0, false}, ListItem{1, false}};
    story.body << bullets
               << block(BlockKind::NumberedList,
                        {InlineText::plain(u"Wait"_qs), InlineText::plain(u"Board"_qs)})
               << block(BlockKind::BlockQuote, {InlineText::plain(u"We have never seen it this bad."_qs),
                                                InlineText::plain(u"Something must change."_qs)});
    Block table = Block::make(BlockKind::Table, QString());
    table.headerRow = true;
    table.rows = {{InlineText::plain(u"Boat"_qs), InlineText::plain(u"Delay"_qs)},
                  {InlineText::plain(u"07:10"_qs), InlineText::plain(u"45 min"_qs)}};
    story.body << table << Block::make(BlockKind::SectionBreak, QString())
               << block(BlockKind::Paragraph, {InlineText::plain(u"The council meets on Monday."_qs)});

    story.pullQuotes << PullQuote{newId(), u"We have never seen it this bad."_qs, u"Ola Rider"_qs,
                                  Placement::after(story.body.at(2).id)};
    StoryImage lead;
    lead.id = newId();
    lead.data = QByteArray("\x89PNG\r\n\x1a\n-test-", 15);
    lead.mimeType = u"image/png"_qs;
    lead.fileName = u"pier.png"_qs;
    lead.caption = u"Riders wait on the pier"_qs;
    lead.credit = u"Photo: Ann Lens / Example Wire"_qs;
    lead.altText = u"A queue of people on a wooden pier"_qs;
    StoryImage second = lead;
    second.id = newId();
    second.fileName = u"boat.png"_qs;
    second.caption = u"The 07:10 boat"_qs;
    second.credit = u"Ben Shutter"_qs;
    second.altText = u"A small white ferry"_qs;
    second.placement = Placement::after(story.body.at(0).id);
    story.images << lead << second;
    story.notes << EditorNote{newId(), u"Desk"_qs, {}, u"SECRET-NOTE check the times"_qs, {}};
    return story;
}

/// everyKindStory() with one picture: a real JPEG of @p width x @p height pixels, "harbour.jpg".
Story pictureStory(int width, int height) {
    QImage pixels(width, height, QImage::Format_RGB32);
    pixels.fill(QColor(40, 90, 160));
    QByteArray jpeg;
    QBuffer buffer(&jpeg);
    buffer.open(QIODevice::WriteOnly);
    pixels.save(&buffer, "JPEG");
    Story story = everyKindStory();
    story.images.resize(1);
    StoryImage &wide = story.images[0];
    wide.data = jpeg;
    wide.mimeType = u"image/jpeg"_qs;
    wide.fileName = u"harbour.jpg"_qs;
    return story;
}

/// Galley's built-in sample stories (real pictures, every field a desk fills in).
QList<Story> samples() {
    QString error;
    const std::optional<QList<Story>> stories = sampleStories(&error);
    if (!stories || stories->isEmpty())
        qFatal("the sample stories cannot be read: %s", qPrintable(error));
    return *stories;
}

/// Runs @p program with @p arguments; returns its exit code, with stdout and stderr in @p output.
int run(const QString &program, const QStringList &arguments, QString *output) {
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, arguments);
    if (!process.waitForFinished(60000))
        return -1;
    *output = QString::fromUtf8(process.readAll());
    return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
}

QString schemaDir() {
    return QStringLiteral(GALLEY_EXPORT_TEST_DIR) + u"/../data/schemas"_qs;
}

Story importStory(const QByteArray &bytes, ImportFormat format) {
    QString error;
    ImportOptions options;
    options.sourceName = u"export"_qs;
    options.format = format;
    const auto result = importBytes(bytes, options, &error);
    if (!result) {
        qWarning() << error;
        return {};
    }
    return result->story();
}

/// The first body block of @p kind (an empty block when there is none).
Block firstOf(const Story &story, BlockKind kind) {
    for (const Block &b : story.body)
        if (b.kind == kind)
            return b;
    return {};
}

QStringList bodyShape(const Story &story) {
    QStringList shape;
    for (const Block &b : story.body)
        shape << blockKindKey(b.kind) % u':' % b.plainText();
    return shape;
}

/// Exports each of @p stories as @p format into @p folder and checks the main file against every
/// XSD in @p schemas with xmllint; a failure says which schema and what xmllint printed.
void checkAgainstSchemas(const QList<Story> &stories, ExportFormat format, const QString &folder,
                         const QStringList &schemas) {
    for (const Story &s : stories) {
        QVERIFY(exportStory(s, folder, nullptr, format));
        const QString file = QDir(folder).filePath(exportMainFileName(s, format));
        for (const QString &schema : schemas) {
            QString output;
            const int code = run(u"xmllint"_qs, {u"--noout"_qs, u"--schema"_qs, schema, file}, &output);
            QVERIFY2(code == 0, qPrintable(schema + u": "_qs + output));
        }
    }
}

} // namespace

class TestSyndication : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void nitfValidatesAgainstSchema();
    void nitfCarriesTheStory();
    void ninjsValidatesAgainstSchema();
    void ninjsCarriesTheStory();
    void embargoInEveryFormat();
    void exportWritesFilesAndPictures();
    void nitfRoundTrip();
    void ninjsRoundTrip();
    void newsmlValidatesAgainstSchema();
    void newsmlCarriesTheStory();
    void newsmlRoundTrip();
    void renditionsInSyndication();
};

void TestSyndication::nitfValidatesAgainstSchema() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    Story story = everyKindStory();
    story.metadata.embargo = QDateTime(QDate(2099, 1, 1), QTime(6, 0), Qt::UTC);
    // Galley's constraints and IPTC's own NITF 3.6 schema (tests/data/schemas/iptc).
    const QStringList schemas{schemaDir() + u"/galley-nitf-3.6-constraints.xsd"_qs,
                              schemaDir() + u"/iptc/nitf-3-6.xsd"_qs};
    checkAgainstSchemas(QList<Story>{story, Story::create(), pictureStory(2000, 1000)} + samples(), ExportFormat::Nitf,
                        dir.path(), schemas);
}

void TestSyndication::nitfCarriesTheStory() {
    const Story story = everyKindStory();
    const QString xml = QString::fromUtf8(writeNitf(story, exportImagePaths(story)));
    QVERIFY2(xml.contains(u"<title>Harbour ferry runs &lt;late&gt; &amp; &quot;full&quot; again</title>"_qs),
             qPrintable(xml.left(600)));
    QVERIFY(xml.contains(u"<doc-id id-string=\"urn:example:ferry-42\"/>"_qs));
    QVERIFY(xml.contains(u"<urgency ed-urg=\"4\"/>"_qs));
    QVERIFY(xml.contains(u"<date.issue norm=\"20260302T091500Z\"/>"_qs));
    QVERIFY(!xml.contains(u"date.release"_qs));
    QVERIFY(xml.contains(u"<keyword key=\"transport &amp; travel\"/>"_qs));
    QVERIFY(xml.contains(u"position.section=\"Local &amp; Regional\""_qs));
    QVERIFY(xml.contains(u"baselang=\"en-GB\""_qs));
    QVERIFY(xml.contains(u"<byline>By <person>Maren Holt</person>, <byttl>Transport Reporter</byttl></byline>"_qs));
    QVERIFY(xml.contains(u"<a href=\"https://example.org/ferry?line=2&amp;day=mon\">timetable</a>"_qs));
    QVERIFY(xml.contains(u"<em class=\"bold\">late</em><em> again</em>"_qs));
    QVERIFY(xml.contains(u"<em class=\"strike\">twice</em>"_qs));
    QVERIFY(xml.contains(u"<num><sup>2</sup></num>"_qs));
    QVERIFY(xml.contains(u"<media-reference source=\"images/1-pier.png\" mime-type=\"image/png\" "
                         u"alternate-text=\"A queue of people on a wooden pier\"/>"_qs));
    QVERIFY(xml.contains(u"<media-producer>Photo: Ann Lens / Example Wire</media-producer>"_qs));
    QVERIFY(xml.contains(u"<credit>Ola Rider</credit>"_qs));
    QVERIFY(!xml.contains(u"SECRET-NOTE"_qs));

    Story unsafe = story;
    unsafe.body.first().lines.first().runs[4].href = u"javascript:alert(1)"_qs;
    const QString unsafeXml = QString::fromUtf8(writeNitf(unsafe, {}));
    QVERIFY(!unsafeXml.contains(u"javascript"_qs));
    QVERIFY(unsafeXml.contains(u"says the timetable (m"_qs));
}

void TestSyndication::ninjsValidatesAgainstSchema() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    Story story = everyKindStory();
    story.metadata.embargo = QDateTime(QDate(2099, 1, 1), QTime(6, 0), Qt::UTC);
    // IPTC's own schema (tests/data/schemas/iptc, CC BY 4.0) with its formats asserted: a
    // rendition's href must be a URI, so the export names pictures by the site address.
    const QString officialSchema = schemaDir() + u"/iptc/ninjs-schema_2.2.json"_qs;
    const QStringList schemas{schemaDir() + u"/galley-ninjs-2.2-constraints.json"_qs, officialSchema};
    const auto validate = [](const QString &schema, const QString &file, QString *output) {
        // Debian's Python, with the python3-jsonschema and python3-rfc3987 the test command installs:
        // another python3 earlier on PATH may lack the URI checker.
        const QString python = QFileInfo::exists(u"/usr/bin/python3"_qs) ? u"/usr/bin/python3"_qs : u"python3"_qs;
        return run(python, {QStringLiteral(GALLEY_EXPORT_TEST_DIR) + u"/validate_json.py"_qs, schema, file},
                   output);
    };
    ExportOptions options;
    options.siteBaseUrl = u"https://news.example.org/stories"_qs;
    for (const Story &s : QList<Story>{story, Story::create(), pictureStory(2000, 1000)} + samples()) {
        QVERIFY(exportStory(s, dir.path(), nullptr, ExportFormat::Ninjs, options));
        const QString file = dir.filePath(exportMainFileName(s, ExportFormat::Ninjs));
        for (const QString &schema : schemas) {
            QString output;
            QVERIFY2(validate(schema, file, &output) == 0, qPrintable(schema + u": "_qs + output));
        }
    }
    QFile written(dir.filePath(exportMainFileName(pictureStory(2000, 1000), ExportFormat::Ninjs)));
    QVERIFY(written.open(QIODevice::ReadOnly));
    QCOMPARE(QJsonDocument::fromJson(written.readAll())
                 .object()[u"associations"_qs][0][u"renditions"_qs][0][u"href"_qs]
                 .toString(),
             u"https://news.example.org/stories/harbour-ferry/images/1-harbour-480.jpg"_qs);
    // Without a site address the hrefs are paths in the folder, which the official schema refuses.
    const Story local = pictureStory(2000, 1000);
    QVERIFY(exportStory(local, dir.path(), nullptr, ExportFormat::Ninjs));
    QString output;
    QCOMPARE(validate(officialSchema, dir.filePath(exportMainFileName(local, ExportFormat::Ninjs)), &output), 1);
    QVERIFY2(output.contains(u"'images/1-harbour-480.jpg' is not a 'uri'"_qs), qPrintable(output));
}

void TestSyndication::ninjsCarriesTheStory() {
    const Story story = everyKindStory();
    const QJsonObject item = QJsonDocument::fromJson(writeNinjs(story, exportImagePaths(story))).object();
    QCOMPARE(item.value(u"uri"_qs).toString(), u"urn:example:ferry-42"_qs);
    QCOMPARE(item.value(u"type"_qs).toString(), u"text"_qs);
    QCOMPARE(item.value(u"versioncreated"_qs).toString(), u"2026-03-02T09:15:00Z"_qs);
    QVERIFY(!item.contains(u"embargoed"_qs));
    QCOMPARE(item.value(u"language"_qs).toString(), u"en-GB"_qs);
    QCOMPARE(item.value(u"urgency"_qs).toInt(), 4);
    QCOMPARE(item.value(u"by"_qs).toString(), u"Maren Holt, Transport Reporter; Jane Example"_qs);
    QCOMPARE(item.value(u"located"_qs).toString(), u"PORT EXAMPLE"_qs);
    QCOMPARE(item.value(u"headlines"_qs).toArray().at(0).toObject().value(u"value"_qs).toString(), story.headline);
    QCOMPARE(item.value(u"subjects"_qs).toArray().at(1).toObject().value(u"name"_qs).toString(),
             u"transport & travel"_qs);
    QCOMPARE(item.value(u"subjects"_qs).toArray().at(2).toObject(),
             (QJsonObject{{u"name"_qs, u"Local & Regional"_qs}, {u"rel"_qs, u"section"_qs}}));
    const QJsonArray bodies = item.value(u"bodies"_qs).toArray();
    QCOMPARE(bodies.size(), 2);
    QCOMPARE(bodies.at(0).toObject().value(u"contenttype"_qs).toString(), u"text/html"_qs);
    const QString html = bodies.at(0).toObject().value(u"value"_qs).toString();
    QVERIFY(html.contains(u"href=\"https://example.org/ferry?line=2&amp;day=mon\""_qs));
    QVERIFY(html.contains(u"class=\"pull-quote\""_qs));
    QCOMPARE(bodies.at(1).toObject().value(u"value"_qs).toString(), story.bodyPlainText());
    const QJsonArray associations = item.value(u"associations"_qs).toArray();
    QCOMPARE(associations.size(), 2);
    const QJsonObject lead = associations.at(0).toObject();
    QCOMPARE(lead.value(u"name"_qs).toString(), u"featuremedia"_qs);
    QCOMPARE(lead.value(u"renditions"_qs).toArray().at(0).toObject().value(u"href"_qs).toString(),
             u"images/1-pier.png"_qs);
    const QJsonArray descriptions = lead.value(u"descriptions"_qs).toArray();
    QCOMPARE(descriptions.size(), 3);
    QCOMPARE(descriptions.at(2).toObject().value(u"role"_qs).toString(), u"alt"_qs);
    QVERIFY(!writeNinjs(story, {}).contains("SECRET-NOTE"));
}

void TestSyndication::embargoInEveryFormat() {
    Story story = everyKindStory();
    const QDateTime embargo(QDate(2026, 3, 3), QTime(5, 0), Qt::UTC);
    story.metadata.embargo = embargo;
    const QDateTime before(QDate(2026, 3, 2), QTime(12, 0), Qt::UTC);
    QCOMPARE(exportWarnings(story, before).value(0),
             u"The story is embargoed until 3 March 2026, 05:00 UTC: it must not be published before then. "
             u"The export carries the embargo time."_qs);
    QVERIFY(!exportWarnings(story, embargo.addSecs(1)).join(u' ').contains(u"embargoed"_qs));

    const QString xml = QString::fromUtf8(writeNitf(story, {}));
    QVERIFY(xml.contains(u"<docdata management-status=\"embargoed\">"_qs));
    QVERIFY(xml.contains(u"<date.release norm=\"20260303T050000Z\"/>"_qs));
    const QJsonObject item = QJsonDocument::fromJson(writeNinjs(story, {})).object();
    QCOMPARE(item.value(u"embargoed"_qs).toString(), u"2026-03-03T05:00:00Z"_qs);

    QCOMPARE(importStory(writeNitf(story, {}), ImportFormat::Nitf).metadata.embargo, embargo);
    QCOMPARE(importStory(writeNinjs(story, {}), ImportFormat::Ninjs).metadata.embargo, embargo);
    const QString newsml = QString::fromUtf8(writeNewsMl(story, {}));
    QVERIFY(newsml.contains(u"<embargoed>2026-03-03T05:00:00Z</embargoed>"_qs));
    QCOMPARE(importStory(writeNewsMl(story, {}), ImportFormat::NewsMLG2).metadata.embargo, embargo);
}

void TestSyndication::exportWritesFilesAndPictures() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const Story story = everyKindStory();
    QString error;
    QVERIFY2(exportStory(story, dir.path(), &error, ExportFormat::Nitf), qPrintable(error));
    QVERIFY2(exportStory(story, dir.path(), &error, ExportFormat::Ninjs), qPrintable(error));
    QVERIFY(QFileInfo::exists(dir.filePath(u"harbour-ferry.xml"_qs)));
    QVERIFY(QFileInfo::exists(dir.filePath(u"harbour-ferry.json"_qs)));
    QVERIFY2(exportStory(story, dir.path(), &error, ExportFormat::NewsMl), qPrintable(error));
    QVERIFY(QFileInfo::exists(dir.filePath(u"harbour-ferry.newsml.xml"_qs)));
    QCOMPARE(exportFormatFromName(u"NewsML"_qs), ExportFormat::NewsMl);
    QFile picture(dir.filePath(u"images/2-boat.png"_qs));
    QVERIFY(picture.open(QIODevice::ReadOnly));
    QCOMPARE(picture.readAll(), story.images.at(1).data);
    QVERIFY(!QFileInfo::exists(dir.filePath(u"index.html"_qs)));
    QCOMPARE(exportFormatFromName(u" NITF "_qs), ExportFormat::Nitf);
    QCOMPARE(exportFormatFromName(u"pdf"_qs), std::nullopt);
}

void TestSyndication::nitfRoundTrip() {
    const Story story = everyKindStory();
    const Story back = importStory(writeNitf(story, exportImagePaths(story)), ImportFormat::Nitf);
    QCOMPARE(back.headline, story.headline);
    QCOMPARE(back.deck, story.deck);
    QCOMPARE(back.section, story.section);
    QCOMPARE(back.bylines, story.bylines);
    QCOMPARE(back.dateline, story.dateline);
    QCOMPARE(bodyShape(back), bodyShape(story));
    QCOMPARE(firstOf(back, BlockKind::BlockQuote).lines, story.body.at(5).lines);
    QCOMPARE(back.body.at(0).lines, story.body.at(0).lines);
    QCOMPARE(firstOf(back, BlockKind::BulletList).items, story.body.at(3).items);
    QCOMPARE(firstOf(back, BlockKind::Table).rows, story.body.at(6).rows);
    QCOMPARE(firstOf(back, BlockKind::Table).headerRow, true);
    QCOMPARE(back.pullQuotes.size(), 1);
    QCOMPARE(back.pullQuotes.at(0).text, story.pullQuotes.at(0).text);
    QCOMPARE(back.pullQuotes.at(0).attribution, story.pullQuotes.at(0).attribution);
    QCOMPARE(back.images.size(), 2);
    for (int i = 0; i < 2; ++i) {
        QCOMPARE(back.images.at(i).caption, story.images.at(i).caption);
        QCOMPARE(back.images.at(i).credit, story.images.at(i).credit);
        QCOMPARE(back.images.at(i).altText, story.images.at(i).altText);
    }
    QCOMPARE(back.metadata.keywords, story.metadata.keywords);
    QCOMPARE(back.metadata.language, story.metadata.language);
    QCOMPARE(back.metadata.priority, story.metadata.priority);
    QCOMPARE(back.metadata.originalId, story.metadata.originalId);
    QVERIFY(back.notes.isEmpty());

    // A picture that has not arrived has no file to name: its words come back all the same.
    Story waiting = story;
    waiting.images = {story.images.first()};
    waiting.images.first().data.clear();
    const Story missing = importStory(writeNitf(waiting, exportImagePaths(waiting)), ImportFormat::Nitf);
    QCOMPARE(missing.images.size(), 1);
    QCOMPARE(missing.images.first().altText, story.images.first().altText);
    QCOMPARE(missing.images.first().caption, story.images.first().caption);
}

void TestSyndication::ninjsRoundTrip() {
    const Story story = everyKindStory();
    const Story back = importStory(writeNinjs(story, exportImagePaths(story)), ImportFormat::Ninjs);
    QCOMPARE(back.headline, story.headline);
    QCOMPARE(back.deck, story.deck);
    QCOMPARE(back.bylines, story.bylines);
    QCOMPARE(back.dateline, story.dateline);
    QCOMPARE(back.section, story.section);
    QCOMPARE(bodyShape(back), bodyShape(story));
    QCOMPARE(firstOf(back, BlockKind::BlockQuote).lines, story.body.at(5).lines);
    QCOMPARE(back.body.at(0).lines, story.body.at(0).lines);
    QCOMPARE(firstOf(back, BlockKind::BulletList).items, story.body.at(3).items);
    QCOMPARE(firstOf(back, BlockKind::Table).rows, story.body.at(6).rows);
    QCOMPARE(back.pullQuotes.size(), 1);
    QCOMPARE(back.pullQuotes.at(0).text, story.pullQuotes.at(0).text);
    QCOMPARE(back.pullQuotes.at(0).attribution, story.pullQuotes.at(0).attribution);
    QCOMPARE(back.pullQuotes.at(0).placement.afterBlockId, back.body.at(2).id);
    QCOMPARE(back.images.size(), 2);
    for (int i = 0; i < 2; ++i) {
        QCOMPARE(back.images.at(i).caption, story.images.at(i).caption);
        QCOMPARE(back.images.at(i).credit, story.images.at(i).credit);
        QCOMPARE(back.images.at(i).altText, story.images.at(i).altText);
    }
    QCOMPARE(back.metadata.keywords, story.metadata.keywords);
    QCOMPARE(back.metadata.language, story.metadata.language);
    QCOMPARE(back.metadata.priority, story.metadata.priority);
    QVERIFY(back.notes.isEmpty());
}

void TestSyndication::newsmlValidatesAgainstSchema() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    Story story = everyKindStory();
    story.metadata.embargo = QDateTime(QDate(2099, 1, 1), QTime(6, 0), Qt::UTC);
    // Galley's constraints (which also check the NITF inside inlineXML) and IPTC's own NewsML-G2
    // 2.35 schema (tests/data/schemas/iptc).
    const QStringList schemas{schemaDir() + u"/galley-newsml-g2-2.35-constraints.xsd"_qs,
                              schemaDir() + u"/iptc/NewsML-G2_2.35-spec-All-Power.xsd"_qs};
    Story bare = Story::create();
    bare.metadata.originalId = u"  "_qs;
    checkAgainstSchemas(QList<Story>{story, Story::create(), bare, pictureStory(2000, 1000)} + samples(),
                        ExportFormat::NewsMl, dir.path(), schemas);
}

void TestSyndication::newsmlCarriesTheStory() {
    const Story story = everyKindStory();
    const QString xml = QString::fromUtf8(writeNewsMl(story, exportImagePaths(story)));
    QVERIFY2(xml.startsWith(u"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<newsItem "
                            u"xmlns=\"http://iptc.org/std/nar/2006-10-01/\" "
                            u"guid=\"urn:example:ferry-42\" version=\"1\" standard=\"NewsML-G2\" "
                            u"standardversion=\"2.35\" conformance=\"power\" xml:lang=\"en-GB\">"_qs),
             qPrintable(xml.left(400)));
    QVERIFY(xml.contains(u"<itemClass qcode=\"ninat:text\"/>"_qs));
    QVERIFY(xml.contains(u"<provider literal=\"Galley\"/>"_qs));
    QVERIFY(xml.contains(u"<versionCreated>2026-03-02T09:15:00Z</versionCreated>"_qs));
    QVERIFY(xml.contains(u"<firstCreated>2026-03-02T09:15:00Z</firstCreated>"_qs));
    QVERIFY(!xml.contains(u"<embargoed>"_qs));
    QVERIFY(xml.contains(u"<pubStatus qcode=\"stat:usable\"/>"_qs));
    QVERIFY(xml.contains(u"<link rel=\"irel:seeAlso\" href=\"images/1-pier.png\" contenttype=\"image/png\" "
                         u"title=\"Riders wait on the pier\"/>"_qs));
    QVERIFY(xml.contains(u"<urgency>4</urgency>"_qs));
    QVERIFY(xml.contains(u"<language tag=\"en-GB\"/>"_qs));
    QVERIFY(xml.contains(u"<keyword>transport &amp; travel</keyword>"_qs));
    QVERIFY(xml.contains(u"<slugline>Harbour-Ferry</slugline>"_qs));
    QVERIFY(xml.contains(
        u"<headline>Harbour ferry runs &lt;late&gt; &amp; &quot;full&quot; again</headline>"_qs));
    QVERIFY(xml.contains(u"<dateline>PORT EXAMPLE</dateline>"_qs));
    QVERIFY(xml.contains(u"<by>Maren Holt, Transport Reporter</by>\n<by>Jane Example</by>"_qs));
    QVERIFY(
        xml.contains(u"<description role=\"drol:summary\">Commuters waited an hour on the pier before the "
                     u"first boat left</description>"_qs));
    // The article is the NITF export itself, whole, in NITF's own namespace.
    QVERIFY(xml.contains(u"<inlineXML contenttype=\"application/nitf+xml\">\n<nitf "
                         u"xmlns=\"http://iptc.org/std/NITF/2006-10-18/\" "
                         u"version=\"-//IPTC//DTD NITF 3.6//EN\" baselang=\"en-GB\">"_qs));
    QString nitf = QString::fromUtf8(writeNitf(story, exportImagePaths(story)));
    nitf = nitf.mid(nitf.indexOf(u"<nitf"_qs)).trimmed();
    QVERIFY(xml.contains(nitf));
    QVERIFY(!xml.contains(u"SECRET-NOTE"_qs));

    // An agency's story keeps its provider; a story without an original id gets its own URN.
    Story wire = story;
    wire.metadata.sourceAgency = u"Example Wire & Co"_qs;
    wire.metadata.originalId.clear();
    const QString wireXml = QString::fromUtf8(writeNewsMl(wire, {}));
    QVERIFY(wireXml.contains(u"<provider literal=\"Example Wire &amp; Co\"/>"_qs));
    QVERIFY(wireXml.contains(u"guid=\"urn:uuid:"_qs % story.id % u'"'));
    QVERIFY(!wireXml.contains(u"<link "_qs)); // no file names given, no source address
}

void TestSyndication::newsmlRoundTrip() {
    const Story story = everyKindStory();
    const Story back = importStory(writeNewsMl(story, exportImagePaths(story)), ImportFormat::NewsMLG2);
    QCOMPARE(back.headline, story.headline);
    QCOMPARE(back.deck, story.deck);
    QCOMPARE(back.section, story.section);
    QCOMPARE(back.bylines, story.bylines);
    QCOMPARE(back.dateline, story.dateline);
    QCOMPARE(bodyShape(back), bodyShape(story));
    QCOMPARE(back.body.at(0).lines, story.body.at(0).lines);
    QCOMPARE(firstOf(back, BlockKind::BulletList).items, story.body.at(3).items);
    QCOMPARE(firstOf(back, BlockKind::Table).rows, story.body.at(6).rows);
    QCOMPARE(back.pullQuotes.size(), 1);
    QCOMPARE(back.pullQuotes.at(0).text, story.pullQuotes.at(0).text);
    QCOMPARE(back.pullQuotes.at(0).attribution, story.pullQuotes.at(0).attribution);
    QCOMPARE(back.images.size(), 2);
    for (int i = 0; i < 2; ++i) {
        QCOMPARE(back.images.at(i).caption, story.images.at(i).caption);
        QCOMPARE(back.images.at(i).credit, story.images.at(i).credit);
        QCOMPARE(back.images.at(i).altText, story.images.at(i).altText);
        QCOMPARE(back.images.at(i).placement.isLead(), story.images.at(i).placement.isLead());
    }
    QCOMPARE(back.metadata.keywords, story.metadata.keywords);
    QCOMPARE(back.metadata.language, story.metadata.language);
    QCOMPARE(back.metadata.priority, story.metadata.priority);
    QCOMPARE(back.metadata.slugline, story.metadata.slugline);
    QCOMPARE(back.metadata.originalId, story.metadata.originalId);
    QCOMPARE(back.metadata.versionCreated, story.metadata.versionCreated);
    QCOMPARE(back.metadata.firstCreated, story.metadata.firstCreated);
    QVERIFY(back.notes.isEmpty());
}

// A picture wider than every rendition width goes to partners at 480, 960 and 1600 pixels and full
// size, in its own format (no WebP): NITF names each file in a media-reference (so does the NITF
// inside NewsML-G2), ninjs in a rendition named by its width, the full-size file "original".
void TestSyndication::renditionsInSyndication() {
    const Story story = pictureStory(2000, 1000);
    QCOMPARE(story.images.size(), 1);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QString error;
    QVERIFY2(exportStory(story, dir.path(), &error, ExportFormat::Nitf), qPrintable(error));
    const QStringList expected{u"images/1-harbour-480.jpg 480x240"_qs, u"images/1-harbour-960.jpg 960x480"_qs,
                               u"images/1-harbour-1600.jpg 1600x800"_qs, u"images/1-harbour.jpg 2000x1000"_qs};
    QStringList files;
    for (const QString &entry : expected) {
        const QString path = entry.section(u' ', 0, 0);
        const QSize size = QImageReader(dir.filePath(path)).size();
        files << path + u' ' + QString::number(size.width()) + u'x' + QString::number(size.height());
    }
    QCOMPARE(files, expected);
    QVERIFY(QDir(dir.filePath(u"images"_qs)).entryList({u"*.webp"_qs}, QDir::Files).isEmpty());

    const auto references = [](const QByteArray &xml) {
        QStringList out;
        QXmlStreamReader reader(xml);
        while (!reader.atEnd()) {
            if (reader.readNext() != QXmlStreamReader::StartElement || reader.name() != u"media-reference")
                continue;
            const QXmlStreamAttributes a = reader.attributes();
            out << a.value(u"source"_qs).toString() + u' ' + a.value(u"width"_qs).toString() + u'x' +
                       a.value(u"height"_qs).toString() + u' ' + a.value(u"mime-type"_qs).toString();
        }
        return out;
    };
    QStringList withType;
    for (const QString &entry : expected)
        withType << entry + u" image/jpeg"_qs;
    QFile nitf(dir.filePath(u"harbour-ferry.xml"_qs));
    QVERIFY(nitf.open(QIODevice::ReadOnly));
    QCOMPARE(references(nitf.readAll()), withType);
    checkAgainstSchemas({story}, ExportFormat::Nitf, dir.path(), {schemaDir() + u"/galley-nitf-3.6-constraints.xsd"_qs});

    QVERIFY2(exportStory(story, dir.path(), &error, ExportFormat::NewsMl), qPrintable(error));
    QFile newsml(dir.filePath(u"harbour-ferry.newsml.xml"_qs));
    QVERIFY(newsml.open(QIODevice::ReadOnly));
    QCOMPARE(references(newsml.readAll()), withType);

    QVERIFY2(exportStory(story, dir.path(), &error, ExportFormat::Ninjs), qPrintable(error));
    QFile ninjs(dir.filePath(u"harbour-ferry.json"_qs));
    QVERIFY(ninjs.open(QIODevice::ReadOnly));
    const QJsonArray renditions = QJsonDocument::fromJson(ninjs.readAll())
                                      .object()[u"associations"_qs].toArray().at(0)[u"renditions"_qs].toArray();
    QStringList named;
    for (const QJsonValue &r : renditions)
        named << r[u"name"_qs].toString() + u' ' + r[u"href"_qs].toString() + u' ' +
                     QString::number(r[u"width"_qs].toInt()) + u'x' + QString::number(r[u"height"_qs].toInt()) +
                     u' ' + r[u"contenttype"_qs].toString() +
                     (r[u"sizeinbytes"_qs].toInteger() == QFileInfo(dir.filePath(r[u"href"_qs].toString())).size()
                          ? u" size ok"_qs
                          : u" size wrong"_qs);
    QCOMPARE(named, (QStringList{u"w480 images/1-harbour-480.jpg 480x240 image/jpeg size ok"_qs,
                                 u"w960 images/1-harbour-960.jpg 960x480 image/jpeg size ok"_qs,
                                 u"w1600 images/1-harbour-1600.jpg 1600x800 image/jpeg size ok"_qs,
                                 u"original images/1-harbour.jpg 2000x1000 image/jpeg size ok"_qs}));

    // Imported back, the picture names the full-size file with its size (pictures are never
    // fetched: the desk attaches the file).
    const auto back = importFile(dir.filePath(u"harbour-ferry.xml"_qs), &error);
    QVERIFY2(back, qPrintable(error));
    QCOMPARE(back->story().images.size(), 1);
    const StoryImage picture = back->story().images.at(0);
    QCOMPARE(picture.fileName + u' ' + QString::number(picture.width) + u'x' + QString::number(picture.height),
             u"1-harbour.jpg 2000x1000"_qs);
}

QTEST_GUILESS_MAIN(TestSyndication)
#include "tst_syndication.moc"
