#include "editing/imageimport.h"

#include <QBuffer>
#include <QImage>
#include <QImageWriter>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace galley;

namespace {

QByteArray encoded(const char *format) {
    QImage image(8, 6, QImage::Format_RGB32);
    image.fill(QColor(200, 40, 40));
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, format);
    if (!writer.write(image))
        qFatal("cannot encode test picture");
    return buffer.data();
}

// A 200x150 picture of noise, so the compressed file is long enough to cut: about 20 KB as JPEG.
QByteArray noisy(const char *format, bool progressive = false) {
    QImage image(200, 150, QImage::Format_RGB32);
    quint32 seed = 12345;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            seed = seed * 1103515245u + 12345u;
            image.setPixel(x, y, qRgb(int(seed >> 24), int((seed >> 16) & 0xff), (x * y) & 0xff));
        }
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, format);
    writer.setProgressiveScanWrite(progressive);
    if (!writer.write(image))
        qFatal("cannot encode test picture");
    return buffer.data();
}

// A 1x1 GIF89a: Qt can read GIF but not write it.
QByteArray tinyGif() {
    return QByteArray::fromBase64("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");
}

} // namespace

class TestImageImport final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void accepted_data() {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QString>("fileName");
        QTest::addColumn<QString>("mimeType");
        QTest::newRow("jpeg") << encoded("jpeg") << u"a.jpg"_qs << u"image/jpeg"_qs;
        QTest::newRow("png") << encoded("png") << u"b.png"_qs << u"image/png"_qs;
        QTest::newRow("webp") << encoded("webp") << u"c.webp"_qs << u"image/webp"_qs;
        QTest::newRow("gif") << tinyGif() << u"d.gif"_qs << u"image/gif"_qs;
        QTest::newRow("progressive jpeg") << noisy("jpeg", true) << u"p.jpg"_qs << u"image/jpeg"_qs;
        QTest::newRow("jpeg with trailer after the end")
            << noisy("jpeg") + QByteArray("camera maker notes") << u"t.jpg"_qs << u"image/jpeg"_qs;
        QTest::newRow("png named .jpg") << encoded("png") << u"wrong.jpg"_qs << u"image/png"_qs;
    }

    void accepted() {
        QFETCH(QByteArray, data);
        QFETCH(QString, fileName);
        QFETCH(QString, mimeType);
        QString error;
        const auto image = importImageData(data, u"/some/folder/"_qs + fileName, &error);
        QVERIFY2(image, qPrintable(error));
        QCOMPARE(image->mimeType, mimeType);
        QCOMPARE(image->fileName, fileName);
        QCOMPARE(image->data, data);
        QCOMPARE(image->id.size(), 36);
        QVERIFY(image->placement.isLead());
    }

    void refused_data() {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QString>("message");
        QTest::newRow("text") << QByteArray("just some notes\n")
                              << u"“x.jpg” is not a JPEG, PNG, WebP or GIF picture."_qs;
        QTest::newRow("bmp") << encoded("bmp") << u"“x.jpg” is not a JPEG, PNG, WebP or GIF picture."_qs;
        QTest::newRow("truncated png")
            << encoded("png").left(40) << u"“x.jpg” cannot be read: the file may be damaged."_qs;
        const QString damaged = u"“x.jpg” cannot be read: the file may be damaged."_qs;
        const QByteArray jpeg = noisy("jpeg");
        QTest::newRow("jpeg cut to a tenth") << jpeg.left(jpeg.size() / 10) << damaged;
        QTest::newRow("jpeg without its last bytes") << jpeg.left(jpeg.size() - 2) << damaged;
        const QByteArray progressive = noisy("jpeg", true);
        QTest::newRow("progressive jpeg cut in half") << progressive.left(progressive.size() / 2) << damaged;
        const QByteArray png = noisy("png");
        QTest::newRow("png cut to a tenth") << png.left(png.size() / 10) << damaged;
        const QByteArray webp = noisy("webp");
        QTest::newRow("webp cut to a tenth") << webp.left(webp.size() / 10) << damaged;
        QTest::newRow("gif cut short") << tinyGif().left(tinyGif().size() - 6) << damaged;
        QTest::newRow("empty") << QByteArray() << u"“x.jpg” is empty, so it is not a picture."_qs;
    }

    void refused() {
        QFETCH(QByteArray, data);
        QFETCH(QString, message);
        QString error;
        QVERIFY(!importImageData(data, u"x.jpg"_qs, &error));
        QCOMPARE(error, message);
    }

    void fromFile() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(u"photo.png"_qs);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(encoded("png"));
        file.close();
        QString error;
        const auto image = importImageFile(path, &error);
        QVERIFY2(image, qPrintable(error));
        QCOMPARE(image->fileName, u"photo.png"_qs);
        QVERIFY(!importImageFile(dir.filePath(u"missing.png"_qs), &error));
        QCOMPARE(error, u"“missing.png” cannot be opened."_qs);
    }
};

QTEST_MAIN(TestImageImport)
#include "tst_imageimport.moc"
