// Pictures' own metadata (Exiv2): IPTC IIM in Latin-1 and UTF-8, XMP, EXIF read back exactly;
// empty fields filled, typed ones kept; exported pictures carry caption, credit, creator,
// copyright and alt text. Every picture is made here (QImage) and its metadata written with Exiv2.
#include "export/storyexporter.h"
#include "import/importer.h"
#include "pictures/picturemetadata.h"
#include "pictures/picturemetadatawriter.h"

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations" // Exiv2 0.27 spells its pointers auto_ptr
#include <exiv2/exiv2.hpp>

#include <QBuffer>
#include <QFile>
#include <QImage>
#include <QTemporaryDir>
#include <QTest>

using namespace galley;

namespace {

/// A small picture of @p format ("JPG", "PNG") made with QImage; "GIF" is a 1 x 1 GIF written
/// byte by byte (Qt reads GIF but does not write it).
QByteArray makePicture(const char *format) {
    if (qstrcmp(format, "GIF") == 0)
        return QByteArray::fromHex(
            "47494638396101000100800000000000ffffff21f90401000000002c00000000010001000002024401003b");
    QImage image(64, 40, QImage::Format_RGB32);
    image.fill(QColor(30, 90, 160));
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, format);
    return bytes;
}

/// One IIM dataset: its key and the bytes it holds, exactly (any encoding).
struct Iim {
    const char *key;
    QByteArray bytes;
};

/// One XMP property: key, type and value as Exiv2 reads it ("lang=x-default ..." for langAlt).
struct Xmp {
    const char *key;
    Exiv2::TypeId type;
    std::string value;
};

/// @p picture with @p iim, @p xmp and EXIF ASCII tags @p exif written by Exiv2 itself.
QByteArray withMetadata(const QByteArray &picture, const QList<Iim> &iim, const QList<Xmp> &xmp,
                        const QList<std::pair<const char *, QByteArray>> &exif = {}) {
    auto image = Exiv2::ImageFactory::open(reinterpret_cast<const Exiv2::byte *>(picture.constData()),
                                           long(picture.size()));
    image->readMetadata();
    Exiv2::IptcData iptc;
    for (const Iim &field : iim) {
        Exiv2::StringValue value(field.bytes.toStdString());
        iptc.add(Exiv2::IptcKey(field.key), &value);
    }
    Exiv2::XmpData xmpData;
    for (const Xmp &field : xmp) {
        auto value = Exiv2::Value::create(field.type);
        value->read(field.value);
        xmpData.add(Exiv2::XmpKey(field.key), value.get());
    }
    Exiv2::ExifData exifData;
    for (const auto &[key, bytes] : exif)
        exifData[key] = bytes.toStdString();
    if (!iim.isEmpty())
        image->setIptcData(iptc);
    if (!xmp.isEmpty())
        image->setXmpData(xmpData);
    if (!exif.isEmpty())
        image->setExifData(exifData);
    image->writeMetadata();
    Exiv2::BasicIo &io = image->io();
    io.open();
    io.seek(0, Exiv2::BasicIo::beg);
    const Exiv2::DataBuf buf = io.read(long(io.size()));
    return QByteArray(reinterpret_cast<const char *>(buf.pData_), qsizetype(buf.size_));
}

/// The raw IIM bytes of @p key in @p picture (empty when absent), to check what was written.
QByteArray iimBytes(const QByteArray &picture, const char *key) {
    auto image = Exiv2::ImageFactory::open(reinterpret_cast<const Exiv2::byte *>(picture.constData()),
                                           long(picture.size()));
    image->readMetadata();
    const auto it = image->iptcData().findKey(Exiv2::IptcKey(key));
    return it == image->iptcData().end() ? QByteArray() : QByteArray::fromStdString(it->toString());
}

QByteArray readFile(const QString &path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestPictureMetadata : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void readsLatin1Iim();
    void readsLatin1IimDeclared();
    void readsUtf8Iim();
    void readsXmpOnly();
    void xmpWinsOverIimAndExif();
    void readsExif();
    void noMetadataIsNoError();
    void fillsEmptyFieldsOnly();
    void writesIntoAFile();
    void exportedPicturesCarryTheirMetadata();
    void importedPicturesFillEmptyFields();
};

void TestPictureMetadata::readsLatin1Iim() {
    // An older desk system's JPEG: IIM in ISO 8859-1 with no CodedCharacterSet.
    const QByteArray picture =
        withMetadata(makePicture("JPG"),
                     {{"Iptc.Application2.Caption", QByteArray("Caf\xe9 & pier at dawn")},
                      {"Iptc.Application2.Credit", QByteArray("Ren\xe9 Lens / Example Wire")},
                      {"Iptc.Application2.Byline", QByteArray("Ren\xe9 Lens")},
                      {"Iptc.Application2.Copyright", QByteArray("\xa9 2026 Example Wire & Co")}},
                     {});
    QString error;
    const PictureMetadata meta = readPictureMetadata(picture, &error);
    QCOMPARE(error, QString());
    QCOMPARE(meta.caption, u"Café & pier at dawn"_qs);
    QCOMPARE(meta.creditLine, u"René Lens / Example Wire"_qs);
    QCOMPARE(meta.creator, u"René Lens"_qs);
    QCOMPARE(meta.copyrightNotice, u"© 2026 Example Wire & Co"_qs);
    QCOMPARE(meta.altText, QString());
}

void TestPictureMetadata::readsLatin1IimDeclared() {
    // 1:90 "ESC . A" (ISO 8859-1, G1) says Latin-1 even for bytes that would pass as UTF-8.
    const QByteArray picture =
        withMetadata(makePicture("JPG"),
                     {{"Iptc.Envelope.CharacterSet", QByteArray("\x1b.A")},
                      {"Iptc.Application2.Caption", QByteArray("\xc3\xa9t\xe9 & quay")}},
                     {});
    QCOMPARE(readPictureMetadata(picture).caption, u"\u00c3\u00a9t\u00e9 & quay"_qs);
}

void TestPictureMetadata::readsUtf8Iim() {
    const QByteArray picture =
        withMetadata(makePicture("JPG"),
                     {{"Iptc.Envelope.CharacterSet", QByteArray("\x1b%G")},
                      {"Iptc.Application2.Caption", u"Ørsta café & “Søndre” quay"_qs.toUtf8()},
                      {"Iptc.Application2.Credit", u"Åse Ødegård / Example Wire"_qs.toUtf8()},
                      {"Iptc.Application2.Byline", u"Åse Ødegård"_qs.toUtf8()},
                      {"Iptc.Application2.Byline", u"Jane Example"_qs.toUtf8()}},
                     {});
    const PictureMetadata meta = readPictureMetadata(picture);
    QCOMPARE(meta.caption, u"Ørsta café & “Søndre” quay"_qs);
    QCOMPARE(meta.creditLine, u"Åse Ødegård / Example Wire"_qs);
    QCOMPARE(meta.creator, u"Åse Ødegård; Jane Example"_qs);
}

void TestPictureMetadata::readsXmpOnly() {
    const QByteArray picture = withMetadata(
        makePicture("PNG"), {},
        {{"Xmp.dc.description", Exiv2::langAlt, "lang=x-default Ferry <late> & full at the pier"},
         {"Xmp.photoshop.Credit", Exiv2::xmpText, "Ann Lens / Example Wire"},
         {"Xmp.dc.creator", Exiv2::xmpSeq, "Ann Lens"},
         {"Xmp.dc.rights", Exiv2::langAlt, "lang=x-default © 2026 Ann Lens"},
         {"Xmp.iptc.AltTextAccessibility", Exiv2::langAlt,
          "lang=x-default A white ferry & a queue of riders"},
         {"Xmp.iptc.ExtDescrAccessibility", Exiv2::langAlt,
          "lang=x-default Thirty people wait on a wooden pier; a small white ferry leaves."}});
    const PictureMetadata meta = readPictureMetadata(picture);
    QCOMPARE(meta.caption, u"Ferry <late> & full at the pier"_qs);
    QCOMPARE(meta.creditLine, u"Ann Lens / Example Wire"_qs);
    QCOMPARE(meta.creator, u"Ann Lens"_qs);
    QCOMPARE(meta.copyrightNotice, u"© 2026 Ann Lens"_qs);
    QCOMPARE(meta.altText, u"A white ferry & a queue of riders"_qs);
    QCOMPARE(meta.extendedDescription,
             u"Thirty people wait on a wooden pier; a small white ferry leaves."_qs);
}

void TestPictureMetadata::xmpWinsOverIimAndExif() {
    const QByteArray picture =
        withMetadata(makePicture("JPG"), {{"Iptc.Application2.Caption", QByteArray("IIM caption")}},
                     {{"Xmp.dc.description", Exiv2::langAlt, "lang=x-default XMP caption"}},
                     {{"Exif.Image.ImageDescription", QByteArray("EXIF caption")}});
    QCOMPARE(readPictureMetadata(picture).caption, u"XMP caption"_qs);
}

void TestPictureMetadata::readsExif() {
    const QByteArray picture = withMetadata(makePicture("JPG"), {}, {},
                                            {{"Exif.Image.ImageDescription", QByteArray("Pier & boats")},
                                             {"Exif.Image.Artist", QByteArray("Ben Shutter")},
                                             {"Exif.Image.Copyright", QByteArray("Ben Shutter 2026")}});
    const PictureMetadata meta = readPictureMetadata(picture);
    QCOMPARE(meta.caption, u"Pier & boats"_qs);
    QCOMPARE(meta.creator, u"Ben Shutter"_qs);
    QCOMPARE(meta.copyrightNotice, u"Ben Shutter 2026"_qs);
    QCOMPARE(meta.creditLine, QString());
}

void TestPictureMetadata::noMetadataIsNoError() {
    QString error;
    QVERIFY(readPictureMetadata(makePicture("JPG"), &error).isEmpty());
    QCOMPARE(error, QString());
    QVERIFY(readPictureMetadata(QByteArray("not a picture at all"), &error).isEmpty());
    QVERIFY(error.startsWith(u"The picture's own metadata cannot be read: "_qs));
}

void TestPictureMetadata::fillsEmptyFieldsOnly() {
    PictureMetadata meta;
    meta.caption = u"From the file"_qs;
    meta.creator = u"Ann Lens"_qs;
    meta.altText = u"A pier"_qs;
    StoryImage typed;
    typed.caption = u"Typed by the desk"_qs;
    typed.credit = u"  "_qs;
    const QStringList filled = fillEmptyPictureFields(typed, meta);
    QCOMPARE(filled, (QStringList{u"credit"_qs, u"alt text"_qs}));
    QCOMPARE(typed.caption, u"Typed by the desk"_qs);
    QCOMPARE(typed.credit, u"Ann Lens"_qs); // no credit line: the creator
    QCOMPARE(typed.altText, u"A pier"_qs);
    QCOMPARE(filledFieldsSentence(filled, u"pier.jpg"_qs),
             u"Filled the credit and alt text from the metadata in “pier.jpg”."_qs);
    StoryImage empty;
    meta.creditLine = u"Example Wire"_qs;
    QCOMPARE(fillEmptyPictureFields(empty, meta), (QStringList{u"caption"_qs, u"credit"_qs, u"alt text"_qs}));
    QCOMPARE(empty.credit, u"Example Wire"_qs);
    QCOMPARE(filledFieldsSentence({u"caption"_qs, u"credit"_qs, u"alt text"_qs}),
             u"Filled the caption, credit and alt text from the picture's own metadata."_qs);
    QCOMPARE(fillEmptyPictureFields(empty, meta), QStringList());
    QCOMPARE(filledFieldsSentence({}), QString());
}

void TestPictureMetadata::writesIntoAFile() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    StoryImage image;
    image.caption = u"Riders & bikes on the 07:10 “Harbour” boat"_qs;
    image.credit = u"Photo: Ann Lens / Example Wire"_qs;
    image.altText = u"People wheel bicycles onto a white ferry"_qs;
    for (const char *format : {"JPG", "PNG"}) {
        const QString path = dir.filePath(u"picture."_qs + QString::fromLatin1(format).toLower());
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(makePicture(format));
        file.close();
        QString error;
        QVERIFY2(writePictureMetadata(path, image, &error), qPrintable(error));
        const QByteArray written = readFile(path);
        const PictureMetadata meta = readPictureMetadata(written);
        QCOMPARE(meta.caption, image.caption);
        QCOMPARE(meta.creditLine, image.credit);
        QCOMPARE(meta.creator, image.credit); // the file named no creator
        QCOMPARE(meta.copyrightNotice, QString());
        QCOMPARE(meta.altText, image.altText);
        QCOMPARE(iimBytes(written, "Iptc.Application2.Caption"), image.caption.toUtf8());
        QCOMPARE(iimBytes(written, "Iptc.Envelope.CharacterSet"), QByteArray("\x1b%G"));
        QVERIFY(!QImage::fromData(written).isNull());
    }
    const QString gif = dir.filePath(u"picture.gif"_qs);
    QFile file(gif);
    QVERIFY(file.open(QIODevice::WriteOnly));
    const QByteArray gifBytes = makePicture("GIF");
    file.write(gifBytes);
    file.close();
    QString error;
    QVERIFY(!writePictureMetadata(gif, image, &error));
    QCOMPARE(error, u"A GIF picture holds no caption, credit or alt text; it is exported as it is."_qs);
    QCOMPARE(readFile(gif), gifBytes);
}

void TestPictureMetadata::exportedPicturesCarryTheirMetadata() {
    // The photographer's own file: Latin-1 IIM with a creator, a copyright and another field.
    const QByteArray original =
        withMetadata(makePicture("JPG"),
                     {{"Iptc.Application2.Caption", QByteArray("Old caption")},
                      {"Iptc.Application2.Byline", QByteArray("Ren\xe9 Lens")},
                      {"Iptc.Application2.City", QByteArray("Port Ex\xe9mple")},
                      {"Iptc.Application2.Copyright", QByteArray("\xa9 2026 Ren\xe9 Lens")}},
                     {});
    Story story = Story::create();
    story.slug = u"pier-picture"_qs;
    story.headline = u"Pier picture"_qs;
    StoryImage image;
    image.id = newId();
    image.data = original;
    image.mimeType = u"image/jpeg"_qs;
    image.fileName = u"pier.jpg"_qs;
    image.caption = u"Riders wait on the pier & the quay"_qs;
    image.credit = u"René Lens / Example Wire"_qs;
    image.altText = u"A queue of people on a wooden pier"_qs;
    story.images = {image};
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    for (const ExportFormat format : {ExportFormat::Html, ExportFormat::NewsMl}) {
        QString error;
        QVERIFY2(exportStory(story, dir.path(), &error, format), qPrintable(error));
        const QByteArray exported = readFile(dir.filePath(u"images/1-pier.jpg"_qs));
        const PictureMetadata meta = readPictureMetadata(exported);
        QCOMPARE(meta.caption, image.caption);
        QCOMPARE(meta.creditLine, image.credit);
        QCOMPARE(meta.altText, image.altText);
        QCOMPARE(meta.creator, u"René Lens"_qs);
        QCOMPARE(meta.copyrightNotice, u"© 2026 René Lens"_qs);
        // Declared UTF-8 now, the file's other fields were carried over into it.
        QCOMPARE(iimBytes(exported, "Iptc.Application2.City"), u"Port Exémple"_qs.toUtf8());
        QCOMPARE(QImage::fromData(exported).size(), QSize(64, 40));
    }
}

void TestPictureMetadata::importedPicturesFillEmptyFields() {
    // A page holding its picture (a data: address) with its own metadata and no caption or alt text.
    const QByteArray picture = withMetadata(
        makePicture("JPG"), {},
        {{"Xmp.dc.description", Exiv2::langAlt, "lang=x-default Boats & ropes on the quay"},
         {"Xmp.photoshop.Credit", Exiv2::xmpText, "Ann Lens / Example Wire"},
         {"Xmp.iptc.AltTextAccessibility", Exiv2::langAlt, "lang=x-default Coiled ropes beside two boats"}});
    const QByteArray html =
        "<html><body><p>The quay was busy all morning with boats and ropes.</p>"
        "<figure><img src=\"data:image/jpeg;base64," +
        picture.toBase64() +
        "\" alt=\"\"></figure><p>The harbour master counted forty boats.</p></body></html>";
    QString error;
    ImportOptions options;
    options.sourceName = u"quay.html"_qs;
    options.format = ImportFormat::Html;
    const auto result = importBytes(html, options, &error);
    QVERIFY2(result, qPrintable(error));
    const Story story = result->story();
    QCOMPARE(story.images.size(), 1);
    QCOMPARE(story.images.first().caption, u"Boats & ropes on the quay"_qs);
    QCOMPARE(story.images.first().credit, u"Ann Lens / Example Wire"_qs);
    QCOMPARE(story.images.first().altText, u"Coiled ropes beside two boats"_qs);
    QVERIFY2(result->report().notes.contains(
                 u"Filled the caption, credit and alt text from the picture's own metadata."_qs) ||
                 result->report().notes.join(u'|').contains(u"Filled the caption, credit and alt text"_qs),
             qPrintable(result->report().notes.join(u'|')));
}

QTEST_GUILESS_MAIN(TestPictureMetadata)
#include "tst_picturemetadata.moc"

#pragma GCC diagnostic pop
