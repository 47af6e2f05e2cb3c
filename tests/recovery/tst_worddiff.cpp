// The word-level comparison behind "62 words were not saved" and Show differences (dtl), and the
// wording of the start-up question.

#include "recovery/recoveryscan.h"
#include "recovery/storydiff.h"
#include "recovery/worddiff.h"

#include <QTest>

using namespace galley;

namespace {

// "=same +added -removed", one mark per token, "\n" as "¶".
QString marked(const WordDiff &diff) {
    QStringList parts;
    for (const auto &token : diff.tokens) {
        const QChar mark = token.kind == DiffToken::Kind::Added     ? u'+'
                           : token.kind == DiffToken::Kind::Removed ? u'-'
                                                                    : u'=';
        parts.append(mark + (token.text == u"\n"_qs ? u"¶"_qs : token.text));
    }
    return parts.join(u' ');
}

} // namespace

class TestWordDiff final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void insertedWord() {
        const WordDiff diff = diffWords(u"the ferry sails"_qs, u"the harbour ferry sails"_qs);
        QCOMPARE(marked(diff), u"=the +harbour =ferry =sails"_qs);
        QCOMPARE(diff.wordsAdded, 1);
        QCOMPARE(diff.wordsRemoved, 0);
        QVERIFY(diff.hasChanges());
        QVERIFY(diff.tokens.at(1).spaceBefore);
    }

    void replacedWordAndNewParagraph() {
        const WordDiff diff =
            diffWords(u"Ferries stop today."_qs, u"Ferries resume today.\nTickets stay valid."_qs);
        QCOMPARE(marked(diff), u"=Ferries -stop +resume =today +. +¶ +Tickets +stay +valid =."_qs);
        QCOMPARE(diff.wordsAdded, 4);
        QCOMPARE(diff.wordsRemoved, 1);
    }

    void punctuationIsApartFromWords() {
        const WordDiff diff = diffWords(u"third day on Monday."_qs, u"third day."_qs);
        QCOMPARE(marked(diff), u"=third =day -on -Monday =."_qs);
        QCOMPARE(diff.wordsAdded, 0);
        QCOMPARE(diff.wordsRemoved, 2);
        QCOMPARE(marked(diffWords(u"don't stop the ferry-master"_qs, u"don't stop"_qs)),
                 u"=don't =stop -the -ferry-master"_qs);
    }

    void punctuationAloneIsNoWord() {
        QCOMPARE(countWords(u"Strike — day three, 2026 …"_qs), 4);
        const WordDiff diff = diffWords(u"a b"_qs, u"a — b"_qs);
        QCOMPARE(diff.wordsAdded, 0);
        QVERIFY(diff.hasChanges());
    }

    void sameTextHasNoChanges() {
        const WordDiff diff = diffWords(u"one  two\tthree"_qs, u"one two three"_qs);
        QVERIFY(!diff.hasChanges());
        QCOMPARE(marked(diff), u"=one =two =three"_qs);
    }

    void longStoryWithTextAppended() {
        QString story;
        for (int i = 0; i < 10000; ++i)
            story += u"word%1 "_qs.arg(i % 97) + (i % 50 == 49 ? u"\n"_qs : QString());
        const QString typed = story + u"\nSixty two new words"_qs;
        const WordDiff diff = diffWords(story, typed);
        QCOMPARE(diff.wordsAdded, 4);
        QCOMPARE(diff.wordsRemoved, 0);
        // And a change in the middle of it.
        QString edited = story;
        edited.replace(u"word5 word6"_qs, u"word5 inserted word6"_qs);
        const int places = int(story.count(u"word5 word6"_qs));
        QVERIFY(places > 50);
        const WordDiff middle = diffWords(story, edited);
        QCOMPARE(middle.wordsAdded, places);
        QCOMPARE(middle.wordsRemoved, 0);
    }

    void storyFieldsCompared() {
        Story saved = Story::create();
        saved.headline = u"Harbour ferry strike"_qs;
        saved.body = {Block::make(BlockKind::Paragraph, u"The strike entered its third day."_qs)};
        Story typed = saved;
        typed.headline = u"Harbour ferry strike ends"_qs;
        typed.body.append(Block::make(BlockKind::Paragraph, u"Crossings resume at noon."_qs));
        const StoryDiff diff = compareStories(saved, typed);
        QCOMPARE(diff.fields.size(), 2);
        QCOMPARE(diff.fields.at(0).label, u"Headline"_qs);
        QCOMPARE(diff.fields.at(1).label, u"Body"_qs);
        QCOMPARE(diff.wordsAdded, 5);
        QCOMPARE(diff.wordsRemoved, 0);
        QVERIFY(!diff.otherChanges);
        QCOMPARE(storyDiffHtml(diff),
                 u"<html><body><h3>Headline</h3><p>Harbour ferry strike <span "
                 u"style=\"background:#c8f0c8;color:#0b3d0b;\">ends</span></p><h3>Body</h3>"
                 u"<p style=\"color:#6b6b6b;\">… 1 paragraph with no changes …</p><p><span "
                 u"style=\"background:#c8f0c8;color:#0b3d0b;\">Crossings resume at noon.</span></p>"
                 u"</body></html>"_qs);
    }

    void formattingOnlyIsAnotherChange() {
        Story saved = Story::create();
        saved.body = {Block::make(BlockKind::Paragraph, u"Bold news."_qs)};
        Story typed = saved;
        typed.body[0].lines[0].runs[0].bold = true;
        const StoryDiff diff = compareStories(saved, typed);
        QVERIFY(diff.fields.isEmpty());
        QVERIFY(diff.otherChanges);
        QVERIFY(!diff.isEmpty());
        QVERIFY(compareStories(saved, saved).isEmpty());
    }

    void longUnchangedStretchesAreFolded() {
        QString before;
        for (int i = 0; i < 40; ++i)
            before += u"w%1 "_qs.arg(i);
        const QString after = before + u"added"_qs;
        StoryDiff diff;
        diff.fields.append({u"Body"_qs, diffWords(before, after)});
        const QString html = storyDiffHtml(diff);
        QVERIFY2(html.contains(u"<p>… w28 w29"_qs), qPrintable(html));
        QVERIFY(!html.contains(u"w27 "_qs));
    }

    void headlineQuoted_data() {
        QTest::addColumn<QString>("headline");
        QTest::addColumn<QString>("quoted");
        QTest::newRow("long") << u"Harbour ferry strike halts morning crossings"_qs
                              << u"‘Harbour ferry strike…’"_qs;
        QTest::newRow("short") << u"Ferry strike"_qs << u"‘Ferry strike’"_qs;
        QTest::newRow("24 characters") << u"Ferry strike ends at noo"_qs << u"‘Ferry strike ends at noo’"_qs;
        QTest::newRow("comma before cut")
            << u"Strike: ferries, buses and trams stop"_qs << u"‘Strike: ferries, buses…’"_qs;
        QTest::newRow("one long word")
            << u"Donaudampfschifffahrtsgesellschaft"_qs << u"‘Donaudampfschifffahrtsge…’"_qs;
        QTest::newRow("empty") << QString() << u"an untitled story"_qs;
    }

    void headlineQuoted() {
        QFETCH(QString, headline);
        QFETCH(QString, quoted);
        QCOMPARE(quotedHeadline(headline), quoted);
    }
};

QTEST_GUILESS_MAIN(TestWordDiff)
#include "tst_worddiff.moc"
