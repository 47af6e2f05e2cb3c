// withPdfTitle(): a PDF gains a document title by an incremental update, keeping what it had.

#include "export/pdftitle.h"

#include <QBuffer>
#include <QPainter>
#include <QPdfDocument>
#include <QPdfWriter>
#include <QTest>

using namespace galley;

namespace {

// A one-page PDF with a producer and no title, as Chromium's are.
QByteArray untitledPdf() {
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter writer(&buffer);
    writer.setCreator(u"Test creator"_qs);
    QPainter painter(&writer);
    painter.drawText(100, 100, u"Page text"_qs);
    painter.end();
    return bytes;
}

QString titleOf(const QByteArray &pdf, QString *creator = nullptr) {
    QBuffer buffer;
    buffer.setData(pdf);
    buffer.open(QIODevice::ReadOnly);
    QPdfDocument document;
    document.load(&buffer);
    if (document.status() != QPdfDocument::Status::Ready)
        return u"(unreadable)"_qs;
    if (creator)
        *creator = document.metaData(QPdfDocument::MetaDataField::Creator).toString();
    return document.metaData(QPdfDocument::MetaDataField::Title).toString();
}

} // namespace

class TestPdfTitle final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void titlesAndKeepsInformation() {
        const QByteArray pdf = untitledPdf();
        QString error;
        const QString title = u"Café owners “win” the quay vote — 東京"_qs;
        const QByteArray titled = withPdfTitle(pdf, title, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(titled.startsWith(pdf));
        QString creator;
        QCOMPARE(titleOf(titled, &creator), title);
        QCOMPARE(creator, u"Test creator"_qs);
        // Titled twice: the later title wins.
        QCOMPARE(titleOf(withPdfTitle(titled, u"Second"_qs, &error)), u"Second"_qs);
    }

    void refusesWhatIsNoPdf() {
        QString error;
        QVERIFY(withPdfTitle("<html>not a pdf</html>", u"Title"_qs, &error).isEmpty());
        QCOMPARE(error, u"The PDF has no trailer Galley can read; it was not titled."_qs);
    }
};

int main(int argc, char **argv) {
    QGuiApplication app(argc, argv);
    TestPdfTitle test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_pdftitle.moc"
