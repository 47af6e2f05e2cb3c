// The acceptance sample: a web-page dump whose every field a copy editor has written down in
// tests/data/import/webpage-dump-transit.expected.json.
#include "import/importer.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTest>

using namespace galley;

class TestImportSample final : public QObject {
    Q_OBJECT

private:
    QJsonObject m_expected;
    Story m_story;
    ImportReport m_report;

    static QString allText(const Story &story) {
        QStringList parts = {story.section, story.headline, story.deck, story.bodyPlainText()};
        for (const auto &image : story.images)
            parts << image.caption << image.credit;
        for (const auto &quote : story.pullQuotes)
            parts << quote.text << quote.attribution;
        return parts.join(u'\n');
    }

    QList<const Block *> blocksOf(BlockKind kind) const {
        QList<const Block *> out;
        for (const auto &block : m_story.body)
            if (block.kind == kind)
                out.append(&block);
        return out;
    }

private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QFile expected(QStringLiteral(GALLEY_TEST_DATA "/import/webpage-dump-transit.expected.json"));
        QVERIFY(expected.open(QIODevice::ReadOnly));
        m_expected = QJsonDocument::fromJson(expected.readAll()).object();
        QVERIFY(!m_expected.isEmpty());
        QString error;
        const auto result =
            importFile(QStringLiteral(GALLEY_TEST_DATA "/import/webpage-dump-transit.txt"), &error);
        QVERIFY2(result, qPrintable(error));
        m_story = result->story();
        m_report = result->report();
    }

    void fields() {
        QCOMPARE(m_story.section, m_expected.value(u"section").toString());
        QCOMPARE(m_story.headline, m_expected.value(u"headline").toString());
        QCOMPARE(m_story.deck, m_expected.value(u"deck").toString());
        QCOMPARE(m_report.format, u"text"_qs);
        QCOMPARE(m_report.encoding, u"UTF-8"_qs);
    }

    void subheadsInOrder() {
        QStringList subheads;
        for (const Block *block : blocksOf(BlockKind::Subhead))
            subheads << block->plainText();
        QStringList expected;
        for (const auto &value : m_expected.value(u"subheads").toArray())
            expected << value.toString();
        QCOMPARE(subheads, expected);
    }

    void images() {
        const QJsonArray expected = m_expected.value(u"images").toArray();
        QCOMPARE(m_story.images.size(), expected.size());
        for (qsizetype i = 0; i < expected.size(); ++i) {
            const QJsonObject want = expected.at(i).toObject();
            const StoryImage &image = m_story.images.at(i);
            QCOMPARE(image.caption, want.value(u"caption").toString());
            QCOMPARE(image.credit, want.value(u"credit").toString());
            QVERIFY(image.isMissing());
            // The first is the lead; the others sit after a body block.
            QCOMPARE(image.placement.isLead(), i == 0);
            if (i > 0)
                QVERIFY(m_story.blockIndex(image.placement.afterBlockId) >= 0);
        }
        QCOMPARE(m_report.indexesOf(ImportChangeKind::PictureMissing).size(), expected.size());
    }

    void pullQuotes() {
        const QJsonArray expected = m_expected.value(u"pull_quotes").toArray();
        QCOMPARE(m_story.pullQuotes.size(), expected.size());
        for (qsizetype i = 0; i < expected.size(); ++i) {
            const QJsonObject want = expected.at(i).toObject();
            QCOMPARE(m_story.pullQuotes.at(i).text, want.value(u"text").toString());
            QCOMPARE(m_story.pullQuotes.at(i).attribution, want.value(u"attribution").toString());
            QVERIFY(m_story.blockIndex(m_story.pullQuotes.at(i).placement.afterBlockId) >= 0);
        }
    }

    void body() {
        const auto paragraphs = blocksOf(BlockKind::Paragraph);
        QCOMPARE(paragraphs.size(), m_expected.value(u"body_paragraph_count").toInt());
        const QString lede = m_expected.value(u"first_body_paragraph").toString();
        QCOMPARE(paragraphs.first()->plainText(), lede);
        QCOMPARE(m_story.body.first().plainText(), lede);
        const int occurrences = int(m_story.bodyPlainText().count(lede));
        QCOMPARE(occurrences, m_expected.value(u"lede_occurrences_in_body").toInt());
    }

    void joinedWordsRepaired() {
        const QString body = m_story.bodyPlainText();
        for (const auto &value : m_expected.value(u"joined_words_repaired").toArray())
            QVERIFY2(body.contains(value.toString()), qPrintable(value.toString()));
    }

    void namesLeftWhole() {
        const QString text = allText(m_story);
        for (const auto &value : m_expected.value(u"names_left_whole").toArray()) {
            const QString name = value.toString();
            QVERIFY2(text.contains(name), qPrintable(name));
            for (const auto &change : m_report.changes)
                if (change.kind == ImportChangeKind::SplitWords && change.original.contains(name))
                    QVERIFY2(change.result.contains(name), qPrintable(change.original));
        }
    }

    void chromeListedInReport() {
        QStringList removed;
        for (const int i : m_report.indexesOf(ImportChangeKind::RemovedChrome))
            removed << m_report.changes.at(i).original;
        for (const auto &value : m_expected.value(u"removed_as_site_chrome").toArray())
            QVERIFY2(removed.contains(value.toString()), qPrintable(value.toString()));
        // Nothing else was taken for chrome.
        QCOMPARE(removed.size(), 6); // "Sign Up" appears twice
    }

    void originalKept() {
        QFile input(QStringLiteral(GALLEY_TEST_DATA "/import/webpage-dump-transit.txt"));
        QVERIFY(input.open(QIODevice::ReadOnly));
        QCOMPARE(m_story.originalSource, input.readAll());
        QCOMPARE(m_story.originalFormat, u"text/plain; charset=UTF-8"_qs);
    }

    void refusingEveryChangeRestoresTheInput() {
        QString error;
        const auto result =
            importFile(QStringLiteral(GALLEY_TEST_DATA "/import/webpage-dump-transit.txt"), &error);
        QVERIFY(result);
        const Story raw = result->story(QList<bool>(result->report().changes.size(), false));
        QVERIFY(raw.headline.isEmpty());
        QVERIFY(raw.images.isEmpty());
        QVERIFY(raw.pullQuotes.isEmpty());
        QStringList lines;
        for (const QString &line : QString::fromUtf8(raw.originalSource).split(u'\n'))
            if (!line.trimmed().isEmpty())
                lines << line.simplified();
        QStringList blocks;
        for (const auto &block : raw.body)
            blocks << block.plainText();
        QCOMPARE(blocks, lines);
    }
};

QTEST_GUILESS_MAIN(TestImportSample)
#include "tst_importsample.moc"
