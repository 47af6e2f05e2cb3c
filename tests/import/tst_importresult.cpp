// The report as data: refusing any change builds the story as if it had not been made. And broken
// inputs: each gives a plain message and no story.
#include "import/importer.h"

#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace galley;

namespace {

const QString samplePath = QStringLiteral(GALLEY_TEST_DATA "/import/webpage-dump-transit.txt");

int changeIndex(const ImportReport &report, ImportChangeKind kind, const QString &original) {
    for (int i = 0; i < report.changes.size(); ++i)
        if (report.changes.at(i).kind == kind && report.changes.at(i).original.startsWith(original))
            return i;
    return -1;
}

QStringList paragraphs(const Story &story) {
    QStringList out;
    for (const auto &block : story.body)
        out << block.plainText();
    return out;
}

} // namespace

class TestImportResult final : public QObject {
    Q_OBJECT

private:
    std::optional<ImportResult> m_result;

    QList<bool> refusing(ImportChangeKind kind, const QString &original) {
        const int index = changeIndex(m_result->report(), kind, original);
        QList<bool> accepted(m_result->report().changes.size(), true);
        if (index >= 0)
            accepted[index] = false;
        return accepted;
    }

private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QString error;
        m_result = importFile(samplePath, &error);
        QVERIFY2(m_result, qPrintable(error));
    }

    void stableIdentity() {
        const Story a = m_result->story();
        const Story b = m_result->story(QList<bool>(m_result->report().changes.size(), true));
        QCOMPARE(a, b);
        QVERIFY(!a.id.isEmpty());
    }

    void refuseOneSplit() {
        const Story story = m_result->story(refusing(ImportChangeKind::SplitWords, u"thecity"_qs));
        const QString body = story.bodyPlainText();
        QVERIFY(body.contains(u"councillors thecity has"_qs));
        QVERIFY(body.contains(u"provincial and"_qs)); // the other split in that paragraph stays
    }

    void refuseChromeRemoval() {
        const Story story = m_result->story(refusing(ImportChangeKind::RemovedChrome, u"Please fill"_qs));
        // Back where it stood: above everything else in the body.
        QCOMPARE(paragraphs(story).first(), u"Please fill this form to create an account."_qs);
        QCOMPARE(story.headline, m_result->story().headline);
    }

    void refuseTeaserRemoval() {
        const Story story =
            m_result->story(refusing(ImportChangeKind::RemovedDuplicate, u"Riverton city"_qs));
        const QString lede =
            u"Riverton city council voted 9-4 early Wednesday to extend the Blue Line light rail "
            "eight kilometres north, ending a debate that stretched across three budget cycles."_qs;
        QCOMPARE(paragraphs(story).first(), lede);
        QCOMPARE(paragraphs(story).count(lede), 2);
    }

    void refuseHeadline() {
        const Story story =
            m_result->story(refusing(ImportChangeKind::RecognisedHeadline, u"Council approves"_qs));
        QVERIFY(story.headline.isEmpty());
        QCOMPARE(paragraphs(story).first(),
                 u"Council approves $48-million light rail extension after marathon vote"_qs);
    }

    void refusePullQuote() {
        const Story story =
            m_result->story(refusing(ImportChangeKind::RecognisedPullQuote, u"We have waited"_qs));
        QCOMPARE(story.pullQuotes.size(), 1);
        const QStringList body = paragraphs(story);
        const qsizetype at =
            body.indexOf(u"We have waited twenty years for this line. Councillor Adaeze Okonkwo"_qs);
        QVERIFY(at > 0);
        QVERIFY(body.at(at - 1).startsWith(u"Transit director"_qs));
    }

    void refuseCaption() {
        const Story story = m_result->story(refusing(ImportChangeKind::PictureMissing, u"A rendering"_qs));
        QCOMPARE(story.images.size(), 2);
        QVERIFY(paragraphs(story).contains(
            u"A rendering shows the planned Northgate terminus station, which would "
            "include a bus loop and 300 parking stalls. (City of Riverton)"_qs));
        // The lead image is still the lead.
        QVERIFY(story.images.first().placement.isLead());
    }

    void reportText() {
        const QString text = formatImportReport(m_result->report());
        QVERIFY(text.startsWith(u"# webpage-dump-transit.txt: text, UTF-8, 35 changes\n"_qs));
        QVERIFY(text.contains(u"\nsplit-words\t23\tcouncilvoted\tcouncil voted\n"_qs));
        QVERIFY(text.contains(u"\nremoved-chrome\t1\tHome | Mail | Register or Login\t\n"_qs));
        QCOMPARE(importChangeKindFromKey(u"picture-missing"_qs), ImportChangeKind::PictureMissing);
        QCOMPARE(importChangeKindFromKey(u"nonsense"_qs), std::nullopt);
    }

    void brokenInputs_data() {
        QTest::addColumn<QString>("fileName");
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("message");
        QTest::newRow("empty") << u"empty.txt"_qs << QByteArray()
                               << u"“empty.txt”: The file is empty: there is nothing to import."_qs;
        QTest::newRow("blank") << u"blank.txt"_qs << QByteArray(" \n\r\n\t\n")
                               << u"“blank.txt”: The file is empty: there is nothing to import."_qs;
        QTest::newRow("binary")
            << u"photo.txt"_qs << QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10", 24)
            << u"“photo.txt”: The file looks like a binary file (a picture, a program or an "
               "archive), not text, HTML or NITF, so it was not imported."_qs;
        QTest::newRow("truncated nitf")
            << u"cut.nitf"_qs
            << QByteArray("<?xml version=\"1.0\"?>\n<nitf>\n<body>\n<body.content>\n<p>The ferry")
            << u"“cut.nitf”: The NITF file ends too early (line 5): it was cut off before the story ended."_qs;
        QTest::newRow("malformed nitf")
            << u"bad.nitf"_qs
            << QByteArray("<nitf>\n<body><body.content><p>Text</b></body.content></body></nitf>")
            << u"“bad.nitf”: The NITF file is damaged at line 2, column 31: Opening and ending tag mismatch."_qs;
        QTest::newRow("xml not nitf")
            << u"feed.xml"_qs << QByteArray("<?xml version=\"1.0\"?><rss><channel/></rss>")
            << u"“feed.xml”: The file is XML (root element <rss>) but not NITF or NewsML-G2."_qs;
        QTest::newRow("unknown encoding")
            << u"odd.html"_qs
            << QByteArray("<html><head><meta charset=\"x-martian-7\"></head><body><p>Caf\xE9</p>")
            << u"“odd.html”: The file says its text is in the “x-martian-7” encoding, which Galley cannot "
               u"read. "
               "Save it as UTF-8 and import it again."_qs;
        QTest::newRow("html without text")
            << u"empty.html"_qs
            << QByteArray("<html><head><script>var a = 1;</script></head><body> </body></html>")
            << u"“empty.html”: The file holds no story text to import."_qs;
    }

    void brokenInputs() {
        QFETCH(QString, fileName);
        QFETCH(QByteArray, bytes);
        QFETCH(QString, message);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QFile file(dir.filePath(fileName));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(bytes);
        file.close();
        QString error;
        QVERIFY(!importFile(file.fileName(), &error));
        QCOMPARE(error, message);
    }

    void fiftyMegabytes() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QFile file(dir.filePath(u"huge.txt"_qs));
        QVERIFY(file.open(QIODevice::WriteOnly));
        QVERIFY(file.resize(50LL * 1024 * 1024)); // sparse: no 50 MB written to disk
        file.close();
        QString error;
        QVERIFY(!importFile(file.fileName(), &error));
        QCOMPARE(error,
                 u"“huge.txt”: The file is 50.0 MB, more than the 16.0 MB Galley imports at once. Import "
                 "the story's own text or split the file."_qs);
        QVERIFY(!importBytes(QByteArray(MaxImportBytes + 1, 'a'), {}, &error));
        QVERIFY(error.startsWith(u"The file is 16.0 MB, more than"_qs));
    }

    void missingFile() {
        QString error;
        QVERIFY(!importFile(u"/nonexistent/story.txt"_qs, &error));
        QCOMPARE(error, u"There is no file “/nonexistent/story.txt”."_qs);
    }
};

QTEST_GUILESS_MAIN(TestImportResult)
#include "tst_importresult.moc"
