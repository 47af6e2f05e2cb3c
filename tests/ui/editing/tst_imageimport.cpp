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
