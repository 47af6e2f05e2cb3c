// Exact diffs of known revision pairs: one word in a long paragraph, a split and a joined
// paragraph, a moved paragraph and pull quote, a changed caption, a metadata-only change.

#include "history/revert.h"
#include "history/revisiondiff.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace galley;

namespace {

const QString longParagraph =
    u"The harbour board met on Tuesday evening to hear the engineers explain why the north pier "
    u"needs another six months of work before the island ferry can tie up there again, and why the "
    u"temporary landing stage at the fish quay will stay open until the end of the summer season."_qs;

Block paragraph(const QString &id, const QString &text) {
    Block block = Block::make(BlockKind::Paragraph, text);
    block.id = id;
    return block;
}

Story base() {
    Story story;
    story.id = u"story"_qs;
    story.slug = u"harbour-board"_qs;
    story.headline = u"Harbour board delays pier"_qs;
    story.section = u"Local"_qs;
    story.body = {paragraph(u"a"_qs, longParagraph),
                  paragraph(u"b"_qs, u"The ferry sails at noon. Tickets cost two pounds."_qs),
                  paragraph(u"c"_qs, u"Fishing boats are not affected."_qs)};
    story.pullQuotes = {
        PullQuote{u"q"_qs, u"We need six more months."_qs, u"An engineer"_qs, Placement::after(u"a"_qs)}};
    StoryImage image;
    image.id = u"p"_qs;
    image.fileName = u"pier.jpg"_qs;
    image.caption = u"The north pier at low tide."_qs;
    image.credit = u"Photo: Ada Lindqvist"_qs;
    image.altText = u"A wooden pier"_qs;
    story.images = {image};
    story.metadata.priority = 3;
    story.metadata.keywords = {u"ferry"_qs, u"pier"_qs};
    return story;
}

int changedTokens(const FieldDiff &field) {
    int changed = 0;
    for (const DiffToken &token : field.tokens)
        changed += token.kind == DiffToken::Kind::Same ? 0 : 1;
    return changed;
}

} // namespace

class TestRevisionDiff : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void sameStoryHasNoChanges();
    void oneWordInALongParagraph();
    void splitParagraph();
    void joinedParagraphs();
    void movedParagraph();
    void addedAndRemovedParagraphs();
    void movedPullQuote();
    void changedCaption();
    void metadataOnly();
    void formattingOnly();
    void formattingBesideChangedWords();
    void headlineAndSlug();
    void blocksWithNewIdsArePairedByWords();
    void jsonForm();
    void revertOneChangeOfTwoInAParagraph();
    void revertTheSplit();
    void revertMovedAddedAndRemoved();
    void revertCaptionAndHeadline();
    void revertAllKeepsWorkflow();
};

void TestRevisionDiff::sameStoryHasNoChanges() {
    QVERIFY(diffStories(base(), base()).isEmpty());
    QCOMPARE(diffAsText(diffStories(base(), base())), QString());
}

void TestRevisionDiff::oneWordInALongParagraph() {
    Story newer = base();
    newer.body[0].lines = {InlineText::plain(QString(longParagraph).replace(u"Tuesday"_qs, u"Wednesday"_qs))};
    const RevisionDiff diff = diffStories(base(), newer);
    QCOMPARE(diff.fields.size(), 1);
    QCOMPARE(diff.fields.at(0).key, u"block:a"_qs);
    QCOMPARE(diff.fields.at(0).change, FieldDiff::Change::Changed);
    QCOMPARE(changedTokens(diff.fields.at(0)), 2);
    QCOMPARE(
        diffAsText(diff),
        u"Paragraph 1: The harbour board met on [-Tuesday-]{+Wednesday+} evening to hear the engineers "
        u"explain why the north pier needs another six months of work before the island ferry can tie up "
        u"there again, and why the temporary landing stage at the fish quay will stay open until the end "
        u"of the summer season.\n"_qs);
}

void TestRevisionDiff::splitParagraph() {
    Story newer = base();
    newer.body[1].lines = {InlineText::plain(u"The ferry sails at noon."_qs)};
    newer.body.insert(2, paragraph(u"b2"_qs, u"Tickets cost two pounds."_qs));
    const RevisionDiff diff = diffStories(base(), newer);
    QCOMPARE(diff.fields.size(), 1);
    QCOMPARE(diff.fields.at(0).change, FieldDiff::Change::Split);
    QCOMPARE(diff.fields.at(0).newBlockIds, (QStringList{u"b"_qs, u"b2"_qs}));
    QCOMPARE(
        diffAsText(diff),
        u"Paragraphs 2–3 (split from paragraph 2): The ferry sails at noon.{+¶+}Tickets cost two pounds.\n"_qs);
}

void TestRevisionDiff::joinedParagraphs() {
    Story newer = base();
    newer.body[1].lines = {InlineText::plain(
        u"The ferry sails at noon. Tickets cost two pounds. Fishing boats are not affected."_qs)};
    newer.body.removeAt(2);
    const RevisionDiff diff = diffStories(base(), newer);
    QCOMPARE(diff.fields.size(), 1);
    QCOMPARE(diff.fields.at(0).change, FieldDiff::Change::Joined);
    QCOMPARE(diff.fields.at(0).oldBlockIds, (QStringList{u"b"_qs, u"c"_qs}));
    QCOMPARE(diffAsText(diff),
             u"Paragraph 2 (joined from paragraphs 2–3): The ferry sails at noon. Tickets cost "
             u"two pounds.[-¶-] Fishing boats are not affected.\n"_qs);
}

void TestRevisionDiff::movedParagraph() {
    Story newer = base();
    newer.body.move(2, 0);
    const RevisionDiff diff = diffStories(base(), newer);
    QCOMPARE(diffAsText(diff), u"Paragraph 1 (moved from paragraph 3): Fishing boats are not affected.\n"_qs);
    QCOMPARE(diff.fields.at(0).change, FieldDiff::Change::Moved);
}

void TestRevisionDiff::addedAndRemovedParagraphs() {
    Story newer = base();
    newer.body.removeAt(1);
    newer.body.append(paragraph(u"d"_qs, u"The board meets again in May."_qs));
    QCOMPARE(diffAsText(diffStories(base(), newer)),
             u"Paragraph 2: [-The ferry sails at noon. Tickets cost two pounds.-]\n"
             u"Paragraph 3: {+The board meets again in May.+}\n"_qs);
}

void TestRevisionDiff::movedPullQuote() {
    Story newer = base();
    newer.pullQuotes[0].placement = Placement::after(u"c"_qs);
    const RevisionDiff diff = diffStories(base(), newer);
    QCOMPARE(diff.fields.size(), 1);
    QCOMPARE(diff.fields.at(0).change, FieldDiff::Change::Moved);
    QCOMPARE(diffAsText(diff),
             u"Pull quote (moved from after paragraph 1 to after paragraph 3): We need six more "
             u"months.\n"_qs);
}

void TestRevisionDiff::changedCaption() {
    Story newer = base();
    newer.images[0].caption = u"The north pier at high tide."_qs;
    QCOMPARE(diffAsText(diffStories(base(), newer)),
             u"Caption: The north pier at [-low-]{+high+} tide.\n"_qs);
}

namespace {

InlineRun run(const QString &text, bool bold = false, const QString &href = {}, bool italic = false) {
    InlineRun r;
    r.text = text;
    r.bold = bold;
    r.href = href;
    r.italic = italic;
    return r;
}

} // namespace

void TestRevisionDiff::formattingOnly() {
    // The words stay; the desk made two of them bold, moved a link and dropped an italic.
    Story older = base(), newer = base();
    Block &before = older.body[0];
    before.lines = {InlineText{{run(u"The ferry "_qs), run(u"council"_qs, false, {}, true),
                                run(u" met on the "_qs), run(u"north pier"_qs, false, u"https://a.example/pier"_qs),
                                run(u" at dawn."_qs)}}};
    Block &after = newer.body[0];
    after.lines = {InlineText{{run(u"The "_qs), run(u"ferry council"_qs, true), run(u" met on the "_qs),
                               run(u"north pier"_qs, false, u"https://b.example/pier?q=50%25"_qs),
                               run(u" at dawn."_qs)}}};
    const RevisionDiff diff = diffStories(older, newer);
    QCOMPARE(diff.fields.size(), 1);
    QCOMPARE(diff.fields.at(0).change, FieldDiff::Change::Changed);
    QCOMPARE(diff.fields.at(0).formatting,
             (QStringList{u"“ferry council” made bold"_qs, u"“council” no longer italic"_qs,
                          u"link on “north pier” changed: https://a.example/pier → https://b.example/pier?q=50%25"_qs}));
    QCOMPARE(diffAsText(diff),
             u"Paragraph 1 (“ferry council” made bold; “council” no longer italic; link on “north pier” changed: "
             u"https://a.example/pier → https://b.example/pier?q=50%25): The ferry council met on the north pier at "
             u"dawn.\n"_qs);
    QCOMPARE(diffAsJson(diff).value(u"fields"_qs).toArray().at(0).toObject().value(u"formatting"_qs).toArray().size(), 3);
    // The same formatting again is no change at all.
    QVERIFY(diffStories(newer, newer).isEmpty());
    // Taking the field back takes its formatting back.
    const Story reverted = revertChange(older, newer, diff, 0, -1);
    QCOMPARE(reverted.body.at(0).lines, older.body.at(0).lines);
}

void TestRevisionDiff::formattingBesideChangedWords() {
    // Only words in both versions are compared: a new bold word is the word diff's, a link taken
    // off an old word is said.
    Story older = base(), newer = base();
    older.body[0].lines = {InlineText{{run(u"Read "_qs), run(u"the report"_qs, false, u"https://r.example"_qs),
                                       run(u" today."_qs)}}};
    newer.body[0].lines = {InlineText{{run(u"Read the report "_qs), run(u"now"_qs, true), run(u"."_qs)}}};
    const RevisionDiff diff = diffStories(older, newer);
    QCOMPARE(diff.fields.size(), 1);
    QCOMPARE(diff.fields.at(0).formatting,
             QStringList{u"link removed from “the report” (was https://r.example)"_qs});
    QCOMPARE(markedText(diff.fields.at(0).tokens), u"Read the report [-today-]{+now+}."_qs);
}

void TestRevisionDiff::metadataOnly() {
    Story newer = base();
    newer.metadata.priority = 1;
    newer.metadata.keywords.append(u"strike"_qs);
    const RevisionDiff diff = diffStories(base(), newer);
    QCOMPARE(diffAsText(diff), u"Metadata: priority: [-3-]{+1+}\n"
                               u"Metadata: keywords: ferry, pier{+, strike+}\n"_qs);
    QCOMPARE(diff.fields.at(1).key, u"metadata:keywords"_qs);
}

void TestRevisionDiff::headlineAndSlug() {
    Story newer = base();
    newer.headline = u"Harbour board delays north pier again"_qs;
    newer.slug = u"harbour-board-pier"_qs;
    QCOMPARE(diffAsText(diffStories(base(), newer)),
             u"Headline: Harbour board delays {+north+} pier {+again+}\n"
             u"Slug: [-harbour-board-]{+harbour-board-pier+}\n"_qs);
}

void TestRevisionDiff::blocksWithNewIdsArePairedByWords() {
    // A wire update comes with fresh block ids: the same paragraphs are not shown as new.
    Story newer = base();
    for (Block &block : newer.body)
        block.id += u"-v2"_qs;
    newer.body[2].lines = {InlineText::plain(u"Fishing boats are not affected at all."_qs)};
    QCOMPARE(diffAsText(diffStories(base(), newer)),
             u"Paragraph 3: Fishing boats are not affected {+at all+}.\n"_qs);
}

void TestRevisionDiff::jsonForm() {
    Story newer = base();
    newer.images[0].credit = u"Photo: Rafe Okonjo"_qs;
    const QJsonObject json = diffAsJson(diffStories(base(), newer));
    QCOMPARE(
        QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact)),
        uR"({"fields":[{"change":"changed","key":"credit:p","label":"Credit","text":"Photo: [-Ada Lindqvist-]{+Rafe Okonjo+}","tokens":[{"op":"=","text":"Photo"},{"op":"=","text":":"},{"op":"-","space":true,"text":"Ada"},{"op":"-","space":true,"text":"Lindqvist"},{"op":"+","space":true,"text":"Rafe"},{"op":"+","space":true,"text":"Okonjo"}]}]})"_qs);
}

void TestRevisionDiff::revertOneChangeOfTwoInAParagraph() {
    Story newer = base();
    newer.body[0].lines = {InlineText::plain(QString(longParagraph)
                                                 .replace(u"Tuesday"_qs, u"Wednesday"_qs)
                                                 .replace(u"six months"_qs, u"a year"_qs))};
    newer.headline = u"Harbour board delays pier again"_qs;
    const RevisionDiff diff = diffStories(base(), newer);
    QCOMPARE(diff.fields.size(), 2);
    QCOMPARE(diffHunks(diff.fields.at(1)).size(), 2);
    const Story reverted = revertChange(base(), newer, diff, 1, 1);
    // The second change ("six months" -> "a year") goes back; the first and the headline stay.
    QCOMPARE(reverted.body.at(0).plainText(), QString(longParagraph).replace(u"Tuesday"_qs, u"Wednesday"_qs));
    QCOMPARE(reverted.body.at(0).id, u"a"_qs);
    QCOMPARE(reverted.headline, newer.headline);
    QCOMPARE(diffAsText(diffStories(base(), reverted)).left(60),
             u"Headline: Harbour board delays pier {+again+}\nParagraph 1: T"_qs);
}

void TestRevisionDiff::revertTheSplit() {
    Story newer = base();
    newer.body[1].lines = {InlineText::plain(u"The ferry sails at noon."_qs)};
    newer.body.insert(2, paragraph(u"b2"_qs, u"Tickets cost two pounds."_qs));
    const RevisionDiff diff = diffStories(base(), newer);
    const Story reverted = revertChange(base(), newer, diff, 0, 0);
    QCOMPARE(reverted.body, base().body);
}

void TestRevisionDiff::revertMovedAddedAndRemoved() {
    Story older = base();
    older.body.append(paragraph(u"e"_qs, u"The board meets again in May."_qs));
    older.body.append(paragraph(u"f"_qs, u"Ferry fares stay the same."_qs));
    // a b c e f -> a e f c d: c moved to the end, b removed, d added, the pull quote after e.
    Story newer = older;
    newer.body = {older.body.at(0), older.body.at(3), older.body.at(4), older.body.at(2),
                  paragraph(u"d"_qs, u"New."_qs)};
    newer.pullQuotes[0].placement = Placement::after(u"e"_qs);
    const RevisionDiff diff = diffStories(older, newer);
    QCOMPARE(diffAsText(diff),
             u"Paragraph 2: [-The ferry sails at noon. Tickets cost two pounds.-]\n"
             u"Paragraph 4 (moved from paragraph 3): Fishing boats are not affected.\n"
             u"Paragraph 5: {+New.+}\n"
             u"Pull quote (moved from after paragraph 1 to after paragraph 2): We need six more "
             u"months.\n"_qs);
    const auto ids = [](const Story &story) {
        QStringList out;
        for (const Block &block : story.body)
            out.append(block.id);
        return out.join(u' ');
    };
    QCOMPARE(ids(revertChange(older, newer, diff, 1, -1)), u"a c e f d"_qs);
    const Story back = revertChange(older, newer, diff, 0, -1);
    QCOMPARE(ids(back), u"a b e f c d"_qs);
    QCOMPARE(back.body.at(1), older.body.at(1));
    QCOMPARE(ids(revertChange(older, newer, diff, 2, -1)), u"a e f c"_qs);
    const Story quote = revertChange(older, newer, diff, 3, -1);
    QCOMPARE(quote.pullQuotes.at(0).placement, Placement::after(u"a"_qs));
    QCOMPARE(quote.body, newer.body);
}

void TestRevisionDiff::revertCaptionAndHeadline() {
    Story newer = base();
    newer.images[0].caption = u"The north pier at high tide."_qs;
    newer.headline = u"Harbour board delays north pier"_qs;
    const RevisionDiff diff = diffStories(base(), newer);
    Story story = revertChange(base(), newer, diff, 1, 0);
    QCOMPARE(story.images.at(0).caption, base().images.at(0).caption);
    QCOMPARE(story.headline, newer.headline);
    story = revertChange(base(), story, diffStories(base(), story), 0, 0);
    QVERIFY(diffStories(base(), story).isEmpty());
}

void TestRevisionDiff::revertAllKeepsWorkflow() {
    Story newer = base();
    newer.headline = u"Changed"_qs;
    newer.status = StoryStatus::Ready;
    newer.notes = {EditorNote{u"n"_qs, u"Nell"_qs, {}, u"Check the date"_qs, {}}};
    const Story story = revertAll(base(), newer);
    QCOMPARE(story.headline, base().headline);
    QCOMPARE(story.status, StoryStatus::Ready);
    QCOMPARE(story.notes, newer.notes);
}

QTEST_GUILESS_MAIN(TestRevisionDiff)
#include "tst_revisiondiff.moc"
