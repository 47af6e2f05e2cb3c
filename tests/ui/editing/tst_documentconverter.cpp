#include "editing/documentconverter.h"

#include <QTest>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextList>

using namespace galley;

namespace {

InlineRun run(const QString &text, bool bold = false, bool italic = false, const QString &href = {}) {
    return InlineRun{text, bold, italic, href};
}

Block block(const QString &id, BlockKind kind, QList<InlineText> lines) {
    return Block{id, kind, lines};
}

QList<Block> sampleBody() {
    return {
        block(u"p1"_qs, BlockKind::Paragraph,
              {InlineText{{run(u"The council voted "_qs), run(u"seven to two"_qs, true), run(u" on "_qs),
                           run(u"Tuesday"_qs, false, true), run(u", said "_qs),
                           run(u"the minutes"_qs, false, false, u"https://example.org/minutes"_qs),
                           run(u"."_qs)}}}),
        block(u"s1"_qs, BlockKind::Subhead, {InlineText::plain(u"What happens next"_qs)}),
        block(u"l1"_qs, BlockKind::BulletList,
              {InlineText::plain(u"Roads close"_qs), InlineText{{run(u"Buses "_qs), run(u"divert"_qs, true)}},
               InlineText::plain(u"Shops stay open"_qs)}),
        block(u"n1"_qs, BlockKind::NumberedList,
              {InlineText::plain(u"First"_qs), InlineText::plain(u"Second"_qs)}),
        block(u"q1"_qs, BlockKind::BlockQuote,
              {InlineText::plain(u"We listened."_qs), InlineText{{run(u"Then we acted."_qs, false, true)}}}),
        block(u"q2"_qs, BlockKind::BlockQuote, {InlineText::plain(u"A second quote."_qs)}),
        block(u"p2"_qs, BlockKind::Paragraph, {InlineText::plain(u"The end."_qs)}),
    };
}

QTextBlock blockWithText(QTextDocument &document, const QString &text) {
    for (QTextBlock b = document.begin(); b.isValid(); b = b.next())
        if (b.text() == text)
            return b;
    return {};
}

} // namespace

class TestDocumentConverter final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void roundTripIsIdentity() {
        const QList<Block> body = sampleBody();
        QTextDocument document;
        blocksToDocument(body, &document);
        QCOMPARE(documentToBlocks(&document), body);
        QTextDocument second;
        blocksToDocument(documentToBlocks(&document), &second);
        QCOMPARE(documentToBlocks(&second), body);
        QCOMPARE(readBlocks(&second), body);
    }

    void documentShape() {
        QTextDocument document;
        blocksToDocument(sampleBody(), &document);
        QCOMPARE(document.blockCount(), 11);
        const QTextBlock subhead = blockWithText(document, u"What happens next"_qs);
        QCOMPARE(subhead.blockFormat().headingLevel(), 2);
        QCOMPARE(subhead.charFormat().fontWeight(), int(QFont::Bold));
        QVERIFY(blockWithText(document, u"Roads close"_qs).textList());
        QCOMPARE(blockWithText(document, u"First"_qs).textList()->format().style(),
                 QTextListFormat::ListDecimal);
        QCOMPARE(blockWithText(document, u"We listened."_qs)
                     .blockFormat()
                     .intProperty(QTextFormat::BlockQuoteLevel),
                 1);
    }

    void splitGivesSecondHalfFreshIdAndStaysStable() {
        QTextDocument document;
        blocksToDocument(
            {Block{u"p1"_qs, BlockKind::Paragraph, {InlineText::plain(u"Left half right half"_qs)}}},
            &document);
        QTextCursor cursor(&document);
        cursor.setPosition(9);
        cursor.insertBlock();
        const QList<Block> first = documentToBlocks(&document);
        QCOMPARE(first.size(), 2);
        QCOMPARE(first[0].id, u"p1"_qs);
        QCOMPARE(first[0].plainText(), u"Left half"_qs);
        QCOMPARE(first[1].plainText(), u" right half"_qs);
        QVERIFY(first[1].id != u"p1"_qs);
        QCOMPARE(first[1].id.size(), 36);
        QCOMPARE(documentToBlocks(&document), first);
    }

    void enterAtStartKeepsIdWithText() {
        QTextDocument document;
        blocksToDocument({Block{u"p1"_qs, BlockKind::Paragraph, {InlineText::plain(u"Words"_qs)}}},
                         &document);
        QTextCursor cursor(&document);
        cursor.insertBlock();
        const QList<Block> blocks = documentToBlocks(&document);
        QCOMPARE(blocks.size(), 1);
        QCOMPARE(blocks[0].id, u"p1"_qs);
        // Typing into the empty paragraph later must not steal the id.
        cursor.setPosition(0);
        cursor.insertText(u"New"_qs);
        const QList<Block> after = documentToBlocks(&document);
        QCOMPARE(after.size(), 2);
        QCOMPARE(after[1].id, u"p1"_qs);
        QVERIFY(after[0].id != u"p1"_qs);
    }

    void typedParagraphsGetStableIds() {
        QTextDocument document;
        QTextCursor cursor(&document);
        cursor.insertText(u"One"_qs);
        cursor.insertBlock();
        cursor.insertText(u"Two"_qs);
        const QList<Block> first = documentToBlocks(&document);
        QCOMPARE(first.size(), 2);
        QVERIFY(first[0].id != first[1].id);
        QCOMPARE(documentToBlocks(&document), first);
    }

    void subheadStyle() {
        QTextDocument document;
        blocksToDocument({Block{u"p1"_qs, BlockKind::Paragraph, {InlineText::plain(u"Heading"_qs)}}},
                         &document);
        QTextCursor cursor(&document);
        setSubhead(cursor, true);
        QVERIFY(isSubhead(cursor));
        QCOMPARE(documentToBlocks(&document),
                 (QList<Block>{Block{u"p1"_qs, BlockKind::Subhead, {InlineText::plain(u"Heading"_qs)}}}));
        setSubhead(cursor, false);
        QCOMPARE(documentToBlocks(&document),
                 (QList<Block>{Block{u"p1"_qs, BlockKind::Paragraph, {InlineText::plain(u"Heading"_qs)}}}));
    }

    void quotingTwoParagraphsMakesOneQuote() {
        QTextDocument document;
        blocksToDocument({Block::make(BlockKind::Paragraph, u"Before"_qs),
                          Block{u"a"_qs, BlockKind::Paragraph, {InlineText::plain(u"Line A"_qs)}},
                          Block{u"b"_qs, BlockKind::Paragraph, {InlineText::plain(u"Line B"_qs)}}},
                         &document);
        QTextCursor cursor(&document);
        cursor.setPosition(blockWithText(document, u"Line A"_qs).position());
        cursor.setPosition(blockWithText(document, u"Line B"_qs).position() + 2, QTextCursor::KeepAnchor);
        setBlockQuote(cursor, true);
        const QList<Block> blocks = documentToBlocks(&document);
        QCOMPARE(blocks.size(), 2);
        QCOMPARE(blocks[1], (Block{u"a"_qs,
                                   BlockKind::BlockQuote,
                                   {InlineText::plain(u"Line A"_qs), InlineText::plain(u"Line B"_qs)}}));
    }

    void listKeepsParagraphId() {
        QTextDocument document;
        blocksToDocument({Block{u"p1"_qs, BlockKind::Paragraph, {InlineText::plain(u"Item"_qs)}}}, &document);
        QTextCursor cursor(&document);
        cursor.createList(QTextListFormat::ListDisc);
        cursor.movePosition(QTextCursor::End);
        cursor.insertBlock();
        cursor.insertText(u"Item two"_qs);
        const QList<Block> blocks = documentToBlocks(&document);
        QCOMPARE(blocks,
                 (QList<Block>{Block{u"p1"_qs,
                                     BlockKind::BulletList,
                                     {InlineText::plain(u"Item"_qs), InlineText::plain(u"Item two"_qs)}}}));
        QCOMPARE(documentToBlocks(&document), blocks);
    }

    void emptyLinesAreDropped() {
        QTextDocument document;
        QTextCursor cursor(&document);
        cursor.insertBlock();
        cursor.insertText(u"   "_qs);
        cursor.insertBlock();
        QCOMPARE(documentToBlocks(&document), QList<Block>());
    }

    void lineSeparatorBecomesSpace() {
        QTextDocument document;
        QTextCursor cursor(&document);
        cursor.insertText(u"One"_qs + QChar(QChar::LineSeparator) + u"two"_qs);
        const QList<Block> blocks = documentToBlocks(&document);
        QCOMPARE(blocks.size(), 1);
        QCOMPARE(blocks[0].plainText(), u"One two"_qs);
    }
};

QTEST_MAIN(TestDocumentConverter)
#include "tst_documentconverter.moc"
