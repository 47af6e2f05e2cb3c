// Inputs that once crashed, hung or blew up an importer, and the sizes issue 7 names. Every input
// must import or be refused with a sentence, within 2 s per megabyte (at least 2 s), and the whole
// run must stay under 500 MB. The files are in tests/data/import/regressions/<format>/ (most found
// by the fuzzers in tests/fuzz/); the large inputs are generated here, so the repository stays small.
#include "import/importer.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTest>

#include <sys/resource.h>

using namespace galley;

namespace {

constexpr double MsPerMegabyte = 2000.0;
constexpr qint64 MaxPeakKib = 500 * 1024;

std::optional<ImportFormat> formatOfFolder(const QString &name) {
    static const QHash<QString, ImportFormat> formats = {
        {u"text"_qs, ImportFormat::PlainText},  {u"html"_qs, ImportFormat::Html},
        {u"nitf"_qs, ImportFormat::Nitf},       {u"ninjs"_qs, ImportFormat::Ninjs},
        {u"newsml"_qs, ImportFormat::NewsMLG2}, {u"wiretext"_qs, ImportFormat::WireText}};
    const auto it = formats.constFind(name);
    return it == formats.constEnd() ? std::nullopt : std::optional<ImportFormat>(*it);
}

QByteArray letters(int count, quint32 seed) {
    QRandomGenerator random(seed);
    QByteArray out;
    out.reserve(count);
    for (int i = 0; i < count; ++i)
        out += char('a' + random.bounded(26));
    return out;
}

/// English-looking copy that lost its line breaks: about one word in twelve runs into the next.
QByteArray joinedText(qsizetype bytes, quint32 seed) {
    static const QList<QByteArray> words = {"the",   "council", "said",   "residents", "plan",    "would",
                                            "new",   "station", "budget", "year",      "after",   "vote",
                                            "ferry", "harbour", "report", "staff",     "funding", "route"};
    QRandomGenerator random(seed);
    QByteArray out = "Council approves a new ferry route after a long vote\n\n";
    while (out.size() < bytes) {
        const int length = 20 + random.bounded(40);
        for (int i = 0; i < length; ++i) {
            QByteArray word = words.at(random.bounded(words.size()));
            if (i == 0)
                word[0] = char(word.at(0) - 'a' + 'A');
            out += word;
            if (i + 1 < length && random.bounded(12) != 0)
                out += ' ';
        }
        out += ".\n\n";
    }
    return out;
}

/// A paragraph of @p bytes without a sentence end, ending in a speaker's name: the shape that made
/// pull-quote detection quadratic.
QByteArray pullQuoteParagraph(qsizetype bytes) {
    QByteArray out = "Pier stays open after the harbour board vote\n\n";
    while (out.size() < bytes)
        out += "we will not close the pier while boats still depend on it ";
    out += "Harbourmaster Ines Varga\n";
    return out;
}

qint64 peakKib() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

} // namespace

class TestImportRegressions final : public QObject {
    Q_OBJECT

    void check(const QByteArray &bytes, ImportFormat format, const QString &name) {
        QElapsedTimer timer;
        timer.start();
        QString error;
        const auto stories = importAll(bytes, ImportOptions{name, format}, &error);
        if (stories) {
            QVERIFY2(!stories->isEmpty(), qPrintable(name));
            for (const ImportResult &result : std::as_const(*stories))
                (void)result.story();
        } else {
            QVERIFY2(!error.trimmed().isEmpty(), qPrintable(name + u": refused without a sentence"_qs));
        }
        const double budget = std::max(2000.0, MsPerMegabyte * double(bytes.size()) / (1024.0 * 1024.0));
        QVERIFY2(double(timer.elapsed()) <= budget,
                 qPrintable(u"%1 took %2 ms (budget %3 ms)"_qs.arg(name).arg(timer.elapsed()).arg(budget)));
        QVERIFY2(peakKib() < MaxPeakKib,
                 qPrintable(u"%1: peak memory %2 MB"_qs.arg(name).arg(peakKib() / 1024)));
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void files_data() {
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("format");
        const QDir root(QStringLiteral(GALLEY_TEST_DATA "/import/regressions"));
        QVERIFY(root.exists());
        for (const QString &folder : root.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
            const auto format = formatOfFolder(folder);
            QVERIFY2(format, qPrintable(u"regressions/%1 names no import format"_qs.arg(folder)));
            const QDir dir(root.filePath(folder));
            for (const QString &file : dir.entryList(QDir::Files, QDir::Name))
                QTest::newRow(qPrintable(folder + u'/' + file)) << dir.filePath(file) << int(*format);
        }
    }

    void files() {
        QFETCH(QString, path);
        QFETCH(int, format);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        check(file.readAll(), ImportFormat(format), QFileInfo(path).fileName());
    }

    void generated_data() {
        QTest::addColumn<QByteArray>("bytes");
        // One unbroken run of letters: took 1.6 GB at 40,000 and aborted with bad_alloc at 100 KB.
        QTest::newRow("40,000-letter run") << QByteArray("A long run\n\n" + letters(40000, 1));
        QTest::newRow("100 KB letter run") << QByteArray("A long run\n\n" + letters(100 * 1024, 2));
        // Runs of many lengths, each tried by the splitter.
        QByteArray runs = "Many runs of letters\n\n";
        for (int i = 0; i < 20000; ++i)
            runs += letters(5 + i % 60, quint32(i)) + ' ';
        QTest::newRow("20,000 unknown runs") << runs;
        // Pull-quote detection was quadratic in a paragraph's length: 9 s at 1.4 MB.
        QTest::newRow("1.4 MB pull-quote paragraph") << pullQuoteParagraph(1400 * 1024);
        // Run-together splitting over a whole text: 12 MB ran past 20 s.
        QTest::newRow("4 MB of joined words") << joinedText(4 * 1024 * 1024, 3);
        QTest::newRow("16 MB of joined words") << joinedText(16 * 1024 * 1024 - 1024, 4);
        QTest::newRow("one 4 MB line of quotes") << QByteArray(4 * 1024 * 1024, '"');
        // Millions of one-letter lines would take gigabytes as paragraphs: refused before reading.
        QTest::newRow("16 MB of one-letter lines") << QByteArray("x\n").repeated(8 * 1024 * 1024 - 8);
        // Just under the paragraph limit: imported, within time and memory.
        QByteArray lines = "Many short paragraphs\n\n";
        for (int i = 0; i < 19900; ++i)
            lines += "Line " + QByteArray::number(i) + " of the list.\n\n";
        QTest::newRow("19,900 short paragraphs") << lines;
    }

    void generated() {
        QFETCH(QByteArray, bytes);
        check(bytes, ImportFormat::PlainText, QString::fromLatin1(QTest::currentDataTag()));
    }
};

QTEST_GUILESS_MAIN(TestImportRegressions)
#include "tst_importregressions.moc"
