#include "editing/documentconverter.h"

#include <QTest>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextList>
#include <QTextTable>

using namespace galley;

namespace {

InlineRun run(const QString &text, bool bold = false, bool italic = false, const QString &href = {}) {
    return InlineRun{text, bold, italic, href};
}

Block block(const QString &id, BlockKind kind, QList<InlineText> lines) {
    return Block{id, kind, lines};
}

InlineRun marked(const QString &text, bool strike, Baseline baseline = Baseline::Normal) {
    InlineRun r{text};
    r.strike = strike;
    r.baseline = baseline;
    return r;
}

Block list(const QString &id, BlockKind kind, const QList<std::pair<QString, ListItem>> &items) {
    Block b{id, kind};
    for (const auto &[text, item] : items) {
        b.lines.append(InlineText::plain(text));
        b.items.append(item);
    }
    return b;
}

Block table(const QString &id, bool headerRow, const QList<TableRow> &rows) {
    Block b{id, BlockKind::Table};
    b.rows = rows;
    b.headerRow = headerRow;
    return b;
}

InlineText plain(const QString &text) {
    return InlineText::plain(text);
}

// Every new kind of block and run, in the orders that are hard to read back: a table first, two
// tables in a row, a break between lists, lists nested and mixed, a list starting one level down
// right after another list, top-level items whose numbering is not the list's own.
QList<Block> structuredBody() {
    InlineRun boldLink{u"turnout"_qs, true, false, u"https://example.org/t"_qs};
    boldLink.baseline = Baseline::Superscript;
    return {
        table(u"t0"_qs, true,
              {{plain(u"Ward"_qs), plain(u"Turnout"_qs)},
               {InlineText{{run(u"Saltmarsh "_qs), run(u"north"_qs, true)}}, plain(u"41%"_qs)},
               {plain(u"Quayside"_qs)},
               {}}),
        table(u"t1"_qs, false, {{plain(u"left"_qs), InlineText{}, InlineText{{marked(u"c"_qs, true)}}}}),
        block(u"p1"_qs, BlockKind::Paragraph,
              {InlineText{{run(u"H"_qs), marked(u"2"_qs, false, Baseline::Subscript), run(u"O at 20"_qs),
                           marked(u"th"_qs, false, Baseline::Superscript), run(u" was "_qs),
                           marked(u"cold"_qs, true), run(u" "_qs), boldLink}}}),
        list(u"n1"_qs, BlockKind::NumberedList,
             {{u"a"_qs, {0, true}},
              {u"a1"_qs, {1, false}},
              {u"a2"_qs, {1, false}},
              {u"deep"_qs, {2, true}},
              {u"b"_qs, {0, true}},
              {u"b1"_qs, {1, false}}}),
        Block{u"hr1"_qs, BlockKind::SectionBreak},
        list(u"l1"_qs, BlockKind::BulletList,
             {{u"x"_qs, {0, false}}, {u"1"_qs, {1, true}}, {u"y"_qs, {1, false}}}),
        list(u"l2"_qs, BlockKind::BulletList, {{u"numbered"_qs, {0, true}}, {u"bullet"_qs, {0, false}}}),
        list(u"l3"_qs, BlockKind::NumberedList, {{u"under"_qs, {1, false}}, {u"top"_qs, {0, true}}}),
        Block{u"hr2"_qs, BlockKind::SectionBreak},
        Block{u"hr3"_qs, BlockKind::SectionBreak},
        table(u"t2"_qs, false, {{plain(u"last"_qs)}}),
    };
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

    void structuredRoundTripIsIdentity() {
        const QList<Block> body = structuredBody();
        QTextDocument document;
        blocksToDocument(body, &document);
        document.clearUndoRedoStacks();
        QCOMPARE(documentToBlocks(&document), body);
        // Every text block had its id already: reading wrote nothing back.
        QVERIFY(!document.isUndoAvailable());
        QTextDocument second;
        blocksToDocument(documentToBlocks(&document), &second);
        QCOMPARE(documentToBlocks(&second), body);
        QCOMPARE(readBlocks(&second), body);
        QCOMPARE(documentToBlocks(&document), body);
    }

    void structuredDocumentShape() {
        QTextDocument document;
        blocksToDocument(structuredBody(), &document);
        QCOMPARE(document.rootFrame()->childFrames().size(), 3);
        QTextTable *first = qobject_cast<QTextTable *>(document.rootFrame()->childFrames().at(0));
        QCOMPARE(first->rows(), 4);
        QCOMPARE(first->columns(), 2);
        QCOMPARE(first->format().headerRowCount(), 1);
        QCOMPARE(first->format().property(BlockIdProperty).toString(), u"t0"_qs);
        QCOMPARE(first->cellAt(0, 0).firstCursorPosition().charFormat().fontWeight(), int(QFont::Bold));
        QVERIFY(first->cellAt(2, 1).format().boolProperty(PaddingCellProperty));
        QVERIFY(!first->cellAt(2, 0).format().boolProperty(PaddingCellProperty));
        QVERIFY(first->cellAt(3, 0).format().boolProperty(PaddingCellProperty));

        const auto levelAndStyle = [&](const QString &text) {
            const QTextList *list = blockWithText(document, text).textList();
            return list ? std::pair{list->format().indent(), list->format().style()}
                        : std::pair{0, QTextListFormat::ListStyleUndefined};
        };
        QCOMPARE(levelAndStyle(u"a"_qs), (std::pair{1, QTextListFormat::ListDecimal}));
        QCOMPARE(levelAndStyle(u"a1"_qs), (std::pair{2, QTextListFormat::ListCircle}));
        QCOMPARE(levelAndStyle(u"deep"_qs), (std::pair{3, QTextListFormat::ListLowerRoman}));
        QCOMPARE(levelAndStyle(u"1"_qs), (std::pair{2, QTextListFormat::ListLowerAlpha}));
        // Sub-items under another item number from one again: a list of their own.
        QVERIFY(blockWithText(document, u"a1"_qs).textList() != blockWithText(document, u"b1"_qs).textList());
        QCOMPARE(blockWithText(document, u"a"_qs).textList(), blockWithText(document, u"b"_qs).textList());
        QCOMPARE(blockWithText(document, u"numbered"_qs).textList()->format().intProperty(ListKindProperty),
                 int(BlockKind::BulletList));
        QVERIFY(!blockWithText(document, u"a"_qs).textList()->format().hasProperty(ListKindProperty));

        int breaks = 0;
        for (QTextBlock b = document.begin(); b.isValid(); b = b.next())
            breaks += isSectionBreak(b) ? 1 : 0;
        QCOMPARE(breaks, 3);

        const QTextBlock water = blockWithText(document, u"H2O at 20th was cold turnout"_qs);
        QVERIFY(water.isValid());
        QTextCursor cursor(water);
        cursor.setPosition(water.position() + 2);
        QCOMPARE(cursor.charFormat().verticalAlignment(), QTextCharFormat::AlignSubScript);
        cursor.setPosition(water.position() + 11);
        QCOMPARE(cursor.charFormat().verticalAlignment(), QTextCharFormat::AlignSuperScript);
        cursor.setPosition(water.position() + 19);
        QVERIFY(cursor.charFormat().fontStrikeOut());
    }

    void singleBlockReaderSkipsCellsAndBreaks() {
        QTextDocument document;
        blocksToDocument(structuredBody(), &document);
        QVERIFY(!readSingleBlock(blockWithText(document, u"Ward"_qs)));
        QVERIFY(!readSingleBlock(blockWithText(document, u"last"_qs)));
        for (QTextBlock b = document.begin(); b.isValid(); b = b.next())
            if (isSectionBreak(b))
                QVERIFY(!readSingleBlock(b));
        QCOMPARE(readSingleBlock(blockWithText(document, u"H2O at 20th was cold turnout"_qs))->id, u"p1"_qs);
        QCOMPARE(blockIdAt(blockWithText(document, u"41%"_qs)), u"t0"_qs);
        QCOMPARE(blockIdAt(blockWithText(document, u"deep"_qs)), u"n1"_qs);
    }

    void typingInACellRereadsTheTable() {
        QTextDocument document;
        blocksToDocument(structuredBody(), &document);
        QTextCursor cursor(blockWithText(document, u"Quayside"_qs));
        cursor.movePosition(QTextCursor::EndOfBlock);
        cursor.insertText(u" east"_qs);
        const std::optional<Block> read = readTableAt(cursor.block());
        QVERIFY(read);
        Block expected = structuredBody().first();
        expected.rows[2][0] = plain(u"Quayside east"_qs);
        QCOMPARE(*read, expected);
        QCOMPARE(documentToBlocks(&document).first(), expected);
        // Typing into a padding cell makes it a real one, and the cells before it too.
        QTextTable *first = qobject_cast<QTextTable *>(document.rootFrame()->childFrames().at(0));
        QTextCursor padding = first->cellAt(3, 1).firstCursorPosition();
        padding.insertText(u"spare"_qs);
        expected.rows[3] = {InlineText(), plain(u"spare"_qs)};
        QCOMPARE(*readTableAt(padding.block()), expected);
        QVERIFY(!readTableAt(blockWithText(document, u"a"_qs)));
    }

    void tableAndBreakIdsAreStable() {
        QTextDocument document;
        QTextCursor cursor(&document);
        cursor.insertText(u"Intro"_qs);
        insertTable(cursor, 2, 2, true);
        cursor.insertText(u"Head"_qs);
        QTextCursor end(&document);
        end.movePosition(QTextCursor::End);
        insertSectionBreak(end);
        end.insertText(u"After"_qs);
        const QList<Block> first = documentToBlocks(&document);
        QCOMPARE(first.size(), 4);
        QCOMPARE(first[1].kind, BlockKind::Table);
        QCOMPARE(first[1].rows,
                 (QList<TableRow>{{plain(u"Head"_qs), InlineText()}, {InlineText(), InlineText()}}));
        QVERIFY(first[1].headerRow);
        QCOMPARE(first[2].kind, BlockKind::SectionBreak);
        QCOMPARE(first[1].id.size(), 36);
        QCOMPARE(first[2].id.size(), 36);
        QCOMPARE(documentToBlocks(&document), first);
        QCOMPARE(readBlocks(&document), first);
        // An empty table is no block (yet), like an empty paragraph.
        QTextCursor more(&document);
        more.movePosition(QTextCursor::End);
        insertTable(more, 1, 3, false);
        QCOMPARE(documentToBlocks(&document), first);
    }

    void textTypedOnARuleIsAParagraph() {
        QTextDocument document;
        blocksToDocument({Block{u"hr"_qs, BlockKind::SectionBreak}}, &document);
        QTextCursor cursor(&document);
        cursor.insertText(u"Oops"_qs);
        QCOMPARE(documentToBlocks(&document),
                 (QList<Block>{Block{u"hr"_qs, BlockKind::Paragraph, {plain(u"Oops"_qs)}}}));
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

    void listInterruptedByAParagraphBecomesTwoLists() {
        QTextDocument document;
        blocksToDocument({Block{u"l"_qs,
                                BlockKind::NumberedList,
                                {plain(u"one"_qs), plain(u"two"_qs), plain(u"three"_qs)}}},
                         &document);
        const QTextBlock two = blockWithText(document, u"two"_qs);
        two.textList()->remove(two);
        const QList<Block> blocks = documentToBlocks(&document);
        QCOMPARE(blocks.size(), 3);
        QCOMPARE(blocks[0], (Block{u"l"_qs, BlockKind::NumberedList, {plain(u"one"_qs)}}));
        QCOMPARE(blocks[1].kind, BlockKind::Paragraph);
        QCOMPARE(blocks[2].kind, BlockKind::NumberedList);
        QCOMPARE(blocks[2].lines, QList<InlineText>{plain(u"three"_qs)});
        QVERIFY(blocks[2].id != u"l"_qs);
        // The second list got a QTextList of its own: its id stays, and "three" numbers from one.
        QVERIFY(blockWithText(document, u"one"_qs).textList() !=
                blockWithText(document, u"three"_qs).textList());
        QCOMPARE(documentToBlocks(&document), blocks);
        QCOMPARE(readBlocks(&document), blocks);
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
