// Golden files: every folder under tests/data/import/cases/ holds one invented input (input.txt,
// input.html or input.nitf, in any encoding) and expected.json, the exact story and report it
// must give. See tests/data/import/README.md for how to regenerate them after an intended change.
#include "storysnapshot.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QStandardPaths>
#include <QTest>

using namespace galley;

class TestImportFixtures final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void golden_data() {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected");
        const QDir cases(QStringLiteral(GALLEY_TEST_DATA "/import/cases"));
        const QStringList names = cases.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
        QVERIFY(names.size() >= 10);
        for (const QString &name : names) {
            const QDir dir(cases.filePath(name));
            const QStringList inputs = dir.entryList({u"input.*"_qs}, QDir::Files);
            QCOMPARE(inputs.size(), 1);
            QTest::newRow(qPrintable(name))
                << dir.filePath(inputs.first()) << dir.filePath(u"expected.json"_qs);
        }
    }

    void golden() {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        QString error;
        const auto result = importFile(input, &error);
        QVERIFY2(result, qPrintable(error));
        const QJsonObject actual = test::snapshot(result->story(), result->report());
        const QByteArray actualJson = QJsonDocument(actual).toJson(QJsonDocument::Indented);

        // GALLEY_IMPORT_ACTUAL=<folder> writes what the importer made, for review and regeneration.
        const QString dumpDir = qEnvironmentVariable("GALLEY_IMPORT_ACTUAL");
        if (!dumpDir.isEmpty()) {
            QDir().mkpath(dumpDir);
            QFile dump(QDir(dumpDir).filePath(QFileInfo(input).dir().dirName() + u".json"_qs));
            QVERIFY(dump.open(QIODevice::WriteOnly));
            dump.write(actualJson);
        }
        QFile file(expected);
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(expected));
        QJsonParseError parseError;
        const QJsonObject want = QJsonDocument::fromJson(file.readAll(), &parseError).object();
        QVERIFY2(parseError.error == QJsonParseError::NoError, qPrintable(parseError.errorString()));
        for (auto it = want.constBegin(); it != want.constEnd(); ++it) {
            const QByteArray got = QJsonDocument(QJsonObject{{it.key(), actual.value(it.key())}}).toJson();
            const QByteArray wanted = QJsonDocument(QJsonObject{{it.key(), it.value()}}).toJson();
            QCOMPARE(got, wanted);
        }
        QCOMPARE(actual.keys(), want.keys());
    }
};

QTEST_GUILESS_MAIN(TestImportFixtures)
#include "tst_importfixtures.moc"
