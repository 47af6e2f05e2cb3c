#include "editing/textfind.h"

#include <QTest>

using namespace galley;

class TestTextFind final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void find_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("needle");
        QTest::addColumn<bool>("matchCase");
        QTest::addColumn<bool>("wholeWords");
        QTest::addColumn<QList<qsizetype>>("starts");
        const QString wall = u"Sea wall, seawall, Chelsea sea-wall SEA"_qs;
        QTest::newRow("any case, inside words") << wall << u"sea"_qs << false << false
                                                << QList<qsizetype>{0, 10, 23, 27, 36};
        QTest::newRow("match case") << wall << u"sea"_qs << true << false << QList<qsizetype>{10, 23, 27};
        QTest::newRow("whole words") << wall << u"sea"_qs << false << true << QList<qsizetype>{0, 27, 36};
        QTest::newRow("whole words and case") << wall << u"Sea"_qs << true << true << QList<qsizetype>{0};
        QTest::newRow("never overlapping") << u"aaaa"_qs << u"aa"_qs << false << false << QList<qsizetype>{0, 2};
        QTest::newRow("accented letters are word letters")
            << u"café cafe"_qs << u"caf"_qs << false << true << QList<qsizetype>{};
        QTest::newRow("curly apostrophe ends a word")
            << u"Quay’s quay"_qs << u"quay"_qs << false << true << QList<qsizetype>{0, 7};
        QTest::newRow("empty needle") << wall << QString() << false << false << QList<qsizetype>{};
    }

    void find() {
        QFETCH(QString, text);
        QFETCH(QString, needle);
        QFETCH(bool, matchCase);
        QFETCH(bool, wholeWords);
        QFETCH(QList<qsizetype>, starts);
        QList<qsizetype> got;
        for (const TextMatch &match : findInText(text, needle, FindOptions{matchCase, wholeWords})) {
            QCOMPARE(match.length, needle.size());
            got.append(match.start);
        }
        QCOMPARE(got, starts);
    }

    void replace() {
        int count = -1;
        QCOMPARE(replacedInText(u"Sea wall, seawall, sea"_qs, u"sea"_qs, u"harbour"_qs, {false, true}, &count),
                 u"harbour wall, seawall, harbour"_qs);
        QCOMPARE(count, 2);
        QCOMPARE(replacedInText(u"a.b.c"_qs, u"."_qs, u"$1"_qs, {}, &count), u"a$1b$1c"_qs);
        QCOMPARE(count, 2);
        QCOMPARE(replacedInText(u"none"_qs, u"x"_qs, u"y"_qs, {}, &count), u"none"_qs);
        QCOMPARE(count, 0);
    }
};

QTEST_GUILESS_MAIN(TestTextFind)
#include "tst_textfind.moc"
