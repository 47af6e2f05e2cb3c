#include "export/renditions.h"
#include "export/storyexporter.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QImageReader>
#include <QImageWriter>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace galley;

namespace {

/// A photo-like picture: gradients with a little deterministic grain, so encoders behave as on a
/// photograph. The left quarter is red, the rest blue-green, to tell a crop or a turn apart.
QImage photo(int width, int height) {
    QImage image(width, height, QImage::Format_RGB32);
    quint32 seed = 12345;
    for (int y = 0; y < height; ++y) {
        auto *line = reinterpret_cast<QRgb *>(image.scanLine(y));
        for (int x = 0; x < width; ++x) {
            seed = seed * 1103515245u + 12345u;
            const int grain = int((seed >> 16) % 24) - 12;
            const bool left = x < width / 4;
            const int r = std::clamp((left ? 200 : 40) + grain + 40 * y / height, 0, 255);
            const int g = std::clamp((left ? 40 : 120) + grain + 60 * x / width, 0, 255);
            const int b = std::clamp((left ? 40 : 180) + grain, 0, 255);
            line[x] = qRgb(r, g, b);
        }
    }
    return image;
}

QByteArray encoded(const QImage &image, const char *format) {
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, format);
    if (qstrcmp(format, "jpeg") == 0)
        writer.setQuality(90);
    [[maybe_unused]] const bool ok = writer.write(image);
    return bytes;
}

/// @p jpeg with an EXIF APP1 segment right after its SOI marker saying Orientation = @p orientation
/// (TIFF big-endian, one IFD entry), as a camera held upright writes it.
QByteArray withExifOrientation(const QByteArray &jpeg, quint16 orientation) {
    QByteArray tiff("MM\x00\x2a\x00\x00\x00\x08", 8);
    tiff += QByteArray("\x00\x01", 2);                 // one entry
    tiff += QByteArray("\x01\x12\x00\x03", 4);         // Orientation, SHORT
    tiff += QByteArray("\x00\x00\x00\x01", 4);         // count 1
    tiff += char(orientation >> 8);
    tiff += char(orientation & 0xff);
    tiff += QByteArray("\x00\x00", 2);                 // value padding
    tiff += QByteArray("\x00\x00\x00\x00", 4);         // no next IFD
    const QByteArray payload = QByteArray("Exif\x00\x00", 6) + tiff;
    const int length = int(payload.size()) + 2;
    QByteArray app1("\xff\xe1", 2);
    app1 += char(length >> 8);
    app1 += char(length & 0xff);
    app1 += payload;
    return jpeg.left(2) + app1 + jpeg.mid(2);
}

StoryImage picture(const QByteArray &bytes, const QString &mimeType) {
    StoryImage image;
    image.id = u"pic"_qs;
    image.data = bytes;
    image.mimeType = mimeType;
    image.fileName = u"quay.jpg"_qs;
    image.altText = u"The quay"_qs;
    return image;
}

QSize sizeOf(const QByteArray &bytes) {
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer);
    reader.setAutoTransform(true);
    const QImage image = reader.read();
    return image.size();
}

QStringList paths(const PictureRenditions &renditions) {
    QStringList names;
    for (const RenditionFile &file : renditions.files)
        names.append(file.relativePath + u' ' + QString::number(file.width) + u'x' + QString::number(file.height));
    return names;
}

QString srcset(const QList<PictureCandidate> &candidates) {
    QStringList parts;
    for (const PictureCandidate &c : candidates)
        parts.append(c.url + u' ' + QString::number(c.width) + u'w');
    return parts.join(u", "_qs);
}

qint64 bytesOf(const PictureRenditions &renditions, const QString &extension) {
    qint64 total = 0;
    for (const RenditionFile &file : renditions.files)
        if (file.relativePath.endsWith(extension))
            total += file.bytes.size();
    return total;
}

} // namespace

class TestRenditions final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void jpegAtThreeWidthsPlusOriginal();
    void neverUpscaled();
    void pngStaysPng();
    void exifOrientationApplied();
    void cropCutsEveryRendition();
    void unreadablePictureShippedAsIs();
    void exportWritesRenditionsAndPictureMarkup();
};

void TestRenditions::initTestCase() {
    QVERIFY2(QImageWriter::supportedImageFormats().contains("webp"),
             "Qt's WebP plugin is missing: install qt6-image-formats-plugins");
}

void TestRenditions::jpegAtThreeWidthsPlusOriginal() {
    const StoryImage image = picture(encoded(photo(2000, 1000), "jpeg"), u"image/jpeg"_qs);
    const PictureRenditions renditions = makeRenditions(image, u"images/1-quay.jpg"_qs);
    QCOMPARE(paths(renditions), (QStringList{
                                    u"images/1-quay-480.webp 480x240"_qs,
                                    u"images/1-quay-960.webp 960x480"_qs,
                                    u"images/1-quay-1600.webp 1600x800"_qs,
                                    u"images/1-quay.webp 2000x1000"_qs,
                                    u"images/1-quay-480.jpg 480x240"_qs,
                                    u"images/1-quay-960.jpg 960x480"_qs,
                                    u"images/1-quay-1600.jpg 1600x800"_qs,
                                    u"images/1-quay.jpg 2000x1000"_qs,
                                }));
    // The files are what they say: their decoded pixel sizes, and the original's own bytes.
    for (const RenditionFile &file : renditions.files)
        QCOMPARE(sizeOf(file.bytes), QSize(file.width, file.height));
    QCOMPARE(renditions.files.constLast().bytes, image.data);
    QVERIFY(renditions.files.at(4).bytes.startsWith("\xff\xd8"));
    QVERIFY(renditions.files.at(0).bytes.startsWith("RIFF"));
    QVERIFY(bytesOf(renditions, u".webp"_qs) < bytesOf(renditions, u".jpg"_qs));

    QCOMPARE(srcset(renditions.sources.candidates),
             u"images/1-quay-480.jpg 480w, images/1-quay-960.jpg 960w, images/1-quay-1600.jpg 1600w, "
             u"images/1-quay.jpg 2000w"_qs);
    QCOMPARE(srcset(renditions.sources.webp),
             u"images/1-quay-480.webp 480w, images/1-quay-960.webp 960w, images/1-quay-1600.webp 1600w, "
             u"images/1-quay.webp 2000w"_qs);
    QCOMPARE(renditions.sources.src, u"images/1-quay.jpg"_qs);
    QCOMPARE(renditions.sources.width, 2000);
    QCOMPARE(renditions.sources.height, 1000);
    QCOMPARE(renditions.sources.sizes, u"(max-width: 40em) 100vw, 38em"_qs);
}

// A width at or above the picture's own is skipped.
void TestRenditions::neverUpscaled() {
    const StoryImage exact = picture(encoded(photo(960, 600), "jpeg"), u"image/jpeg"_qs);
    QCOMPARE(srcset(makeRenditions(exact, u"images/2-dock.jpg"_qs).sources.candidates),
             u"images/2-dock-480.jpg 480w, images/2-dock.jpg 960w"_qs);
    const StoryImage small = picture(encoded(photo(400, 300), "jpeg"), u"image/jpeg"_qs);
    const PictureRenditions one = makeRenditions(small, u"images/3-small.jpg"_qs);
    QCOMPARE(one.files.constLast().relativePath, u"images/3-small.jpg"_qs);
    QCOMPARE(one.files.constLast().bytes, small.data);
    for (const RenditionFile &file : one.files)
        QVERIFY2(file.width == 400, qPrintable(file.relativePath));
}

void TestRenditions::pngStaysPng() {
    QImage drawing(1000, 500, QImage::Format_ARGB32);
    drawing.fill(Qt::transparent);
    for (int y = 100; y < 400; ++y)
        for (int x = 100; x < 900; ++x)
            drawing.setPixel(x, y, (x / 50 + y / 50) % 2 ? qRgb(20, 60, 160) : qRgb(240, 200, 40));
    const StoryImage image = picture(encoded(drawing, "png"), u"image/png"_qs);
    const PictureRenditions renditions = makeRenditions(image, u"images/1-chart.png"_qs);
    QCOMPARE(srcset(renditions.sources.candidates),
             u"images/1-chart-480.png 480w, images/1-chart-960.png 960w, images/1-chart.png 1000w"_qs);
    for (const RenditionFile &file : renditions.files) {
        QCOMPARE(sizeOf(file.bytes), QSize(file.width, file.height));
        if (file.relativePath.endsWith(u".png"_qs))
            QVERIFY(file.bytes.startsWith("\x89PNG"));
    }
    QCOMPARE(renditions.files.constLast().bytes, image.data);
    // Transparency survives the resize.
    const QByteArray small = renditions.files.at(renditions.files.size() - 3).bytes;
    QCOMPARE(qAlpha(QImage::fromData(small).pixel(0, 0)), 0);
}

// A camera's "turn 90° clockwise" is applied to every rendition, the full-size one included (which is
// then re-encoded, as its stored pixels lie on their side), and to the preview's picture alike.
void TestRenditions::exifOrientationApplied() {
    const QByteArray stored = withExifOrientation(encoded(photo(1200, 800), "jpeg"), 6);
    QCOMPARE(sizeOf(stored), QSize(800, 1200)); // the EXIF segment is read
    const StoryImage image = picture(stored, u"image/jpeg"_qs);
    const PreparedPicture prepared = preparePicture(image);
    QVERIFY(!prepared.asStored);
    QCOMPARE(prepared.image.size(), QSize(800, 1200));
    // Turned clockwise: the red left quarter is now the top quarter.
    QVERIFY(qRed(prepared.image.pixel(400, 50)) > 150);
    QVERIFY(qRed(prepared.image.pixel(400, 1100)) < 120);

    const PictureRenditions renditions = makeRenditions(image, u"images/1-quay.jpg"_qs);
    QCOMPARE(srcset(renditions.sources.candidates), u"images/1-quay-480.jpg 480w, images/1-quay.jpg 800w"_qs);
    QCOMPARE(renditions.sources.height, 1200);
    QVERIFY(renditions.files.constLast().bytes != stored);
    for (const RenditionFile &file : renditions.files)
        QCOMPARE(sizeOf(file.bytes), QSize(file.width, file.height));
    QCOMPARE(sizeOf(renditions.files.constLast().bytes), QSize(800, 1200));

    QString mimeType;
    const QByteArray preview = previewPictureBytes(image, &mimeType);
    QCOMPARE(mimeType, u"image/jpeg"_qs);
    QCOMPARE(sizeOf(preview), QSize(800, 1200));
    // A picture with nothing to turn or cut is previewed as stored.
    const StoryImage plain = picture(encoded(photo(300, 200), "jpeg"), u"image/jpeg"_qs);
    QCOMPARE(previewPictureBytes(plain, &mimeType), plain.data);
}

void TestRenditions::cropCutsEveryRendition() {
    StoryImage image = picture(encoded(photo(2000, 1000), "jpeg"), u"image/jpeg"_qs);
    image.crop = QRectF(0.5, 0.0, 0.5, 1.0); // the right half: 1000 x 1000, no red
    const PictureRenditions renditions = makeRenditions(image, u"images/1-quay.jpg"_qs);
    QCOMPARE(srcset(renditions.sources.candidates),
             u"images/1-quay-480.jpg 480w, images/1-quay-960.jpg 960w, images/1-quay.jpg 1000w"_qs);
    QCOMPARE(renditions.sources.height, 1000);
    for (const RenditionFile &file : renditions.files) {
        QCOMPARE(sizeOf(file.bytes), QSize(file.width, file.width));
        QVERIFY(qRed(QImage::fromData(file.bytes).pixel(2, 2)) < 120);
    }
    QVERIFY(renditions.files.constLast().bytes != image.data);
    QString mimeType;
    QCOMPARE(sizeOf(previewPictureBytes(image, &mimeType)), QSize(1000, 1000));
}

void TestRenditions::unreadablePictureShippedAsIs() {
    const StoryImage broken = picture(QByteArray("not a picture at all"), u"image/jpeg"_qs);
    const PictureRenditions renditions = makeRenditions(broken, u"images/1-quay.jpg"_qs);
    QCOMPARE(renditions.files.size(), 1);
    QCOMPARE(renditions.files.at(0).bytes, broken.data);
    QCOMPARE(renditions.sources.src, u"images/1-quay.jpg"_qs);
    QVERIFY(renditions.sources.candidates.isEmpty());
}

void TestRenditions::exportWritesRenditionsAndPictureMarkup() {
    Story story = Story::create();
    story.slug = u"quay-night"_qs;
    story.headline = u"Night on the quay"_qs;
    story.body = {Block::make(BlockKind::Paragraph, u"The quay was quiet."_qs)};
    StoryImage image = picture(encoded(photo(1200, 600), "jpeg"), u"image/jpeg"_qs);
    image.focus = QPointF(0.3, 0.25);
    story.images = {image};
    QTemporaryDir tmp;
    QString error;
    QVERIFY2(exportStory(story, tmp.path(), &error, ExportFormat::Html, {u"https://news.example.org/s"_qs}),
             qPrintable(error));
    QCOMPARE(QDir(tmp.filePath(u"images"_qs)).entryList(QDir::Files, QDir::Name),
             (QStringList{u"1-quay-480.jpg"_qs, u"1-quay-480.webp"_qs, u"1-quay-960.jpg"_qs,
                          u"1-quay-960.webp"_qs, u"1-quay.jpg"_qs, u"1-quay.webp"_qs}));
    QFile index(tmp.filePath(u"index.html"_qs));
    QVERIFY(index.open(QIODevice::ReadOnly));
    const QString html = QString::fromUtf8(index.readAll());
    QVERIFY2(html.contains(
                 u"<picture><source type=\"image/webp\" srcset=\"images/1-quay-480.webp 480w, "
                 u"images/1-quay-960.webp 960w, images/1-quay.webp 1200w\" sizes=\"(max-width: 40em) 100vw, "
                 u"38em\"><img src=\"images/1-quay.jpg\" srcset=\"images/1-quay-480.jpg 480w, "
                 u"images/1-quay-960.jpg 960w, images/1-quay.jpg 1200w\" sizes=\"(max-width: 40em) 100vw, "
                 u"38em\" width=\"1200\" height=\"600\" style=\"object-position: 30% 25%\" alt=\"The quay\">"
                 u"</picture>"_qs),
             qPrintable(html));
    QVERIFY(html.contains(u"<meta property=\"og:image\" content=\"https://news.example.org/s/quay-night/images/"
                          u"1-quay.jpg\">\n<meta property=\"og:image:width\" content=\"1200\">\n"
                          u"<meta property=\"og:image:height\" content=\"600\">"_qs));
    for (const QString &name : QDir(tmp.filePath(u"images"_qs)).entryList(QDir::Files)) {
        QFile file(tmp.filePath(u"images/"_qs + name));
        QVERIFY(file.open(QIODevice::ReadOnly));
        static const QRegularExpression width(u"-(\\d+)\\."_qs);
        const auto m = width.match(name);
        QCOMPARE(sizeOf(file.readAll()).width(), m.hasMatch() ? m.captured(1).toInt() : 1200);
    }
}

QTEST_GUILESS_MAIN(TestRenditions)
#include "tst_renditions.moc"
