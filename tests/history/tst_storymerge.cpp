// The three-way merge behind "no silent overwrite" (issue 10): the other desk's changes go into
// the paragraphs the user did not touch; where both changed one, the user's stays and is named.

#include "history/storymerge.h"

#include <QTest>

using namespace galley;

namespace {

Block paragraph(const QString &id, const QString &text) {
    Block block = Block::make(BlockKind::Paragraph, text);
    block.id = id;
    return block;
}

Story base() {
    Story story;
    story.id = u"story"_qs;
    story.headline = u"Library opens late"_qs;
    story.deck = u"Works delayed"_qs;
    story.body = {paragraph(u"a"_qs, u"The library opens in May."_qs), paragraph(u"b"_qs, u"Works ran late."_qs),
                  paragraph(u"c"_qs, u"The mayor spoke."_qs)};
    story.updated = QDateTime(QDate(2026, 3, 4), QTime(10, 0), Qt::UTC);
    return story;
}

} // namespace

class TestStoryMerge final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void theirChangesGoWhereIDidNotType() {
        Story mine = base();
        mine.body[0] = paragraph(u"a"_qs, u"The library opens in June."_qs);
        mine.body.append(paragraph(u"m"_qs, u"Readers waited."_qs));
        Story theirs = base();
        theirs.headline = u"Library opening delayed"_qs;
        theirs.body[1] = paragraph(u"b"_qs, u"Works ran two months late."_qs);
        theirs.body.removeAt(2);
        theirs.body.insert(1, paragraph(u"t"_qs, u"The council agreed."_qs));
        theirs.updated = base().updated.addSecs(60);

        const StoryMerge merge = mergeStories(base(), mine, theirs);
        QCOMPARE(merge.keptMine, QStringList());
        QCOMPARE(merge.story.headline, u"Library opening delayed"_qs);
        QCOMPARE(merge.story.deck, u"Works delayed"_qs);
        QCOMPARE(merge.story.updated, theirs.updated);
        QStringList texts;
        for (const Block &block : merge.story.body)
            texts.append(block.plainText());
        QCOMPARE(texts, (QStringList{u"The library opens in June."_qs, u"The council agreed."_qs,
                                     u"Works ran two months late."_qs, u"Readers waited."_qs}));
    }

    void bothChangedKeepsMineAndSaysSo() {
        Story mine = base();
        mine.headline = u"Library to open in June"_qs;
        mine.body[1] = paragraph(u"b"_qs, u"Works ran a month late."_qs);
        Story theirs = base();
        theirs.headline = u"Library opening delayed"_qs;
        theirs.deck = u"Builders blame the rain"_qs;
        theirs.body[1] = paragraph(u"b"_qs, u"Works ran two months late."_qs);

        const StoryMerge merge = mergeStories(base(), mine, theirs);
        QCOMPARE(merge.keptMine, (QStringList{u"Headline"_qs, u"Paragraph 2"_qs}));
        QCOMPARE(merge.story.headline, u"Library to open in June"_qs);
        QCOMPARE(merge.story.deck, u"Builders blame the rain"_qs);
        QCOMPARE(merge.story.body.at(1).plainText(), u"Works ran a month late."_qs);
    }
};

QTEST_GUILESS_MAIN(TestStoryMerge)
#include "tst_storymerge.moc"
