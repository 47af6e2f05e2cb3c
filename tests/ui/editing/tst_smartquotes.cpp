#include "editing/smartquotes.h"

#include <QTest>

using namespace galley;
using namespace galley::smartquotes;

namespace {

// Types @p text one character at a time, applying fixesAfterTyping() after each, as the editor does.
QString typeOut(const QString &text) {
    QString out;
    for (const QChar c : text) {
        out += c;
        for (const QuoteFix &fix : fixesAfterTyping(out, out.size() - 1))
            out[fix.position] = fix.to;
    }
    return out;
}

} // namespace

class TestSmartQuotes final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void quotes_data() {
        QTest::addColumn<QString>("straight");
        QTest::addColumn<QString>("curly");
        QTest::newRow("double") << u"She said \"yes\"."_qs << u"She said “yes”."_qs;
        QTest::newRow("at the start") << u"\"Go,\" he said."_qs << u"“Go,” he said."_qs;
        QTest::newRow("single inside double")
            << u"\"He said 'no' twice.\""_qs << u"“He said ‘no’ twice.”"_qs;
        QTest::newRow("apostrophes") << u"don't, the Smiths' boat, it's"_qs << u"don’t, the Smiths’ boat, it’s"_qs;
        QTest::newRow("decade") << u"in the '90s"_qs << u"in the ’90s"_qs;
        QTest::newRow("rock 'n' roll") << u"rock 'n' roll"_qs << u"rock ’n’ roll"_qs;
        QTest::newRow("'em and 'tis") << u"get 'em, 'tis late"_qs << u"get ’em, ’tis late"_qs;
        QTest::newRow("after brackets and dashes")
            << u"(\"a\") [\"b\"] word—\"c\""_qs << u"(“a”) [“b”] word—“c”"_qs;
        QTest::newRow("opening after an opening quote") << u"\"'Tide' is the word\""_qs
                                                        << u"“‘Tide’ is the word”"_qs;
        QTest::newRow("code is not special") << u"x = 'a' + \"b\""_qs << u"x = ‘a’ + “b”"_qs;
        QTest::newRow("no quotes") << u"Harbour news"_qs << u"Harbour news"_qs;
        QTest::newRow("empty") << QString() << QString();
    }

    // Pasted text and typed text come out the same.
    void quotes() {
        QFETCH(QString, straight);
        QFETCH(QString, curly);
        QCOMPARE(curled(straight), curly);
        QCOMPARE(typeOut(straight), curly);
    }

    void typingFixes() {
        QCOMPARE(fixesAfterTyping(u"a \""_qs, 2), (QList<QuoteFix>{{2, QChar(0x201C)}}));
        QCOMPARE(fixesAfterTyping(u"a\""_qs, 1), (QList<QuoteFix>{{1, QChar(0x201D)}}));
        // '9 typed: the ‘ before the digit becomes an apostrophe.
        QCOMPARE(fixesAfterTyping(u"the ‘9"_qs, 5), (QList<QuoteFix>{{4, QChar(0x2019)}}));
        QCOMPARE(fixesAfterTyping(u"rock ‘n’ "_qs, 8), (QList<QuoteFix>{{5, QChar(0x2019)}}));
        QCOMPARE(fixesAfterTyping(u"a ‘quote’ "_qs, 9), QList<QuoteFix>());
        QCOMPARE(fixesAfterTyping(u"plain"_qs, 4), QList<QuoteFix>());
        QCOMPARE(fixesAfterTyping(u"x"_qs, 5), QList<QuoteFix>());
    }
};

QTEST_GUILESS_MAIN(TestSmartQuotes)
#include "tst_smartquotes.moc"
