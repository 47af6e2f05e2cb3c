// Golden files: every folder under tests/data/import/cases/ holds one invented input (input.txt,
// input.html, input.nitf, input.json or input.xml, in any encoding) and expected.json, the exact
// story and report it must give (a list of them for a file of several stories, or the sentence
// refusing it). See tests/data/import/README.md for how to regenerate them after an intended change.
#include "storysnapshot.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
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
        const auto results = importAllFromFile(input, &error);
        // One story as its snapshot; a file of several (a NewsML-G2 news message) as {"stories": [...]};
        // a refused file as {"error": "the sentence"}.
        QJsonObject actual;
        if (!results) {
            actual = QJsonObject{{u"error"_qs, error}};
        } else if (results->size() == 1) {
            actual = test::snapshot(results->first().story(), results->first().report());
        } else {
            QJsonArray stories;
            for (const ImportResult &result : std::as_const(*results))
                stories.append(test::snapshot(result.story(), result.report()));
            actual = QJsonObject{{u"stories"_qs, stories}};
        }
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
        if (want.contains(u"error"_qs) || actual.contains(u"error"_qs)) {
            QCOMPARE(actual.value(u"error"_qs).toString(), want.value(u"error"_qs).toString());
            return;
        }
        if (want.contains(u"stories"_qs) || actual.contains(u"stories"_qs)) {
            const QJsonArray wanted = want.value(u"stories"_qs).toArray();
            const QJsonArray got = actual.value(u"stories"_qs).toArray();
            QCOMPARE(got.size(), wanted.size());
            for (qsizetype i = 0; i < got.size() && !QTest::currentTestFailed(); ++i)
                compareStory(got.at(i).toObject(), wanted.at(i).toObject());
            return;
        }
        compareStory(actual, want);
    }

private:
    // Member by member, so a difference names the member; golden files list only what they check.
    static void compareStory(const QJsonObject &actual, const QJsonObject &want) {
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
