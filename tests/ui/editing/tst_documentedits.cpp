// Edits the body editor makes on its document beyond typing: list levels (Tab, Shift+Tab), and
// inserting a table or a section break where the cursor is. Each case reads the body back exactly.

#include "editing/documentconverter.h"

#include <QTest>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextList>
#include <QTextTable>

using namespace galley;

namespace {

InlineText plain(const QString &text) {
    return InlineText::plain(text);
}

Block paragraph(const QString &id, const QString &text) {
    return Block{id, BlockKind::Paragraph, {plain(text)}};
}

Block list(const QString &id, BlockKind kind, const QList<std::pair<QString, ListItem>> &items) {
    Block b{id, kind};
    for (const auto &[text, item] : items) {
        b.lines.append(plain(text));
        b.items.append(item);
    }
    return b;
}

Block flatList(const QString &id, BlockKind kind, const QStringList &lines) {
    Block b{id, kind};
    for (const QString &line : lines)
        b.lines.append(plain(line));
    return b;
}

QTextBlock blockWithText(QTextDocument &document, const QString &text) {
    for (QTextBlock b = document.begin(); b.isValid(); b = b.next())
        if (b.text() == text)
            return b;
    qFatal("no block %s", qPrintable(text));
}

// A cursor in the block holding @p text, @p offset characters in.
QTextCursor cursorIn(QTextDocument &document, const QString &text, int offset = 0) {
    QTextCursor cursor(blockWithText(document, text));
    cursor.setPosition(cursor.position() + offset);
    return cursor;
}

bool tab(QTextDocument &document, const QString &text, bool deeper = true) {
    QTextCursor cursor = cursorIn(document, text);
    return changeListLevel(cursor, deeper);
}

QList<BlockKind> kinds(const QList<Block> &blocks) {
    QList<BlockKind> out;
    for (const Block &block : blocks)
        out.append(block.kind);
    return out;
}

} // namespace

class TestDocumentEdits final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void tabNestsAnItemAndShiftTabBringsItBack() {
        QTextDocument document;
        blocksToDocument({flatList(u"l"_qs, BlockKind::BulletList, {u"a"_qs, u"b"_qs})}, &document);
        QVERIFY(tab(document, u"b"_qs));
        QCOMPARE(documentToBlocks(&document),
                 QList<Block>{
                     list(u"l"_qs, BlockKind::BulletList, {{u"a"_qs, {0, false}}, {u"b"_qs, {1, false}}})});
        QCOMPARE(blockWithText(document, u"b"_qs).textList()->format().style(), QTextListFormat::ListCircle);
        QCOMPARE(listLevel(blockWithText(document, u"b"_qs)), 1);
        QVERIFY(tab(document, u"b"_qs));
        QCOMPARE(listLevel(blockWithText(document, u"b"_qs)), 2);
        QCOMPARE(blockWithText(document, u"b"_qs).textList()->format().style(), QTextListFormat::ListSquare);
        QVERIFY(tab(document, u"b"_qs, false));
        QVERIFY(tab(document, u"b"_qs, false));
        QCOMPARE(documentToBlocks(&document),
                 QList<Block>{flatList(u"l"_qs, BlockKind::BulletList, {u"a"_qs, u"b"_qs})});
        QCOMPARE(blockWithText(document, u"a"_qs).textList(), blockWithText(document, u"b"_qs).textList());
    }

    void numberedSubItemsUseLetters() {
        QTextDocument document;
        blocksToDocument({flatList(u"n"_qs, BlockKind::NumberedList, {u"a"_qs, u"b"_qs, u"c"_qs})},
                         &document);
        QVERIFY(tab(document, u"b"_qs));
        QVERIFY(tab(document, u"c"_qs));
        // c joins b's sub-list: the two read 'a.' and 'b.' under item 1.
        QCOMPARE(blockWithText(document, u"b"_qs).textList(), blockWithText(document, u"c"_qs).textList());
        QCOMPARE(blockWithText(document, u"b"_qs).textList()->format().style(),
                 QTextListFormat::ListLowerAlpha);
        QCOMPARE(documentToBlocks(&document),
                 QList<Block>{list(u"n"_qs, BlockKind::NumberedList,
                                   {{u"a"_qs, {0, true}}, {u"b"_qs, {1, true}}, {u"c"_qs, {1, true}}})});
    }

    void outdentedItemTakesTheItemsBelowAsSubItems() {
        QTextDocument document;
        blocksToDocument(
            {list(u"n"_qs, BlockKind::NumberedList,
                  {{u"a"_qs, {0, true}}, {u"x"_qs, {1, true}}, {u"y"_qs, {1, true}}, {u"z"_qs, {1, true}}})},
            &document);
        QVERIFY(tab(document, u"y"_qs, false));
        QCOMPARE(
            documentToBlocks(&document),
            QList<Block>{list(
                u"n"_qs, BlockKind::NumberedList,
                {{u"a"_qs, {0, true}}, {u"x"_qs, {1, true}}, {u"y"_qs, {0, true}}, {u"z"_qs, {1, true}}})});
        QCOMPARE(blockWithText(document, u"a"_qs).textList(), blockWithText(document, u"y"_qs).textList());
        QVERIFY(blockWithText(document, u"x"_qs).textList() != blockWithText(document, u"z"_qs).textList());
    }

    void shiftTabAtTheTopLeavesTheList() {
        QTextDocument document;
        blocksToDocument(
            {flatList(u"l"_qs, BlockKind::BulletList, {u"a"_qs, u"b"_qs}), paragraph(u"p"_qs, u"End"_qs)},
            &document);
        QVERIFY(tab(document, u"b"_qs, false));
        const QList<Block> blocks = documentToBlocks(&document);
        QCOMPARE(kinds(blocks),
                 (QList<BlockKind>{BlockKind::BulletList, BlockKind::Paragraph, BlockKind::Paragraph}));
        QCOMPARE(blocks[0], flatList(u"l"_qs, BlockKind::BulletList, {u"a"_qs}));
        QCOMPARE(blocks[1].plainText(), u"b"_qs);
        QCOMPARE(blockWithText(document, u"b"_qs).blockFormat().indent(), 0);
    }

    void selectionIndentsEveryItem() {
        QTextDocument document;
        blocksToDocument({flatList(u"l"_qs, BlockKind::BulletList, {u"a"_qs, u"b"_qs, u"c"_qs})}, &document);
        QTextCursor cursor = cursorIn(document, u"b"_qs);
        cursor.setPosition(blockWithText(document, u"c"_qs).position() + 1, QTextCursor::KeepAnchor);
        QVERIFY(changeListLevel(cursor, true));
        QCOMPARE(documentToBlocks(&document),
                 QList<Block>{list(u"l"_qs, BlockKind::BulletList,
                                   {{u"a"_qs, {0, false}}, {u"b"_qs, {1, false}}, {u"c"_qs, {1, false}}})});
    }

    void tabOutsideAListDoesNothing() {
        QTextDocument document;
        blocksToDocument({paragraph(u"p"_qs, u"Text"_qs)}, &document);
        QVERIFY(!tab(document, u"Text"_qs));
        QCOMPARE(documentToBlocks(&document), QList<Block>{paragraph(u"p"_qs, u"Text"_qs)});
    }

    void nestedItemsStayInTheirOwnList() {
        // A sub-item under the second of two lists must not join the first list's sub-list.
        QTextDocument document;
        blocksToDocument(
            {list(u"a"_qs, BlockKind::BulletList, {{u"a"_qs, {0, false}}, {u"a1"_qs, {1, false}}}),
             flatList(u"b"_qs, BlockKind::BulletList, {u"b"_qs})},
            &document);
        QVERIFY(tab(document, u"b"_qs));
        QCOMPARE(documentToBlocks(&document),
                 (QList<Block>{
                     list(u"a"_qs, BlockKind::BulletList, {{u"a"_qs, {0, false}}, {u"a1"_qs, {1, false}}}),
                     list(u"b"_qs, BlockKind::BulletList, {{u"b"_qs, {1, false}}})}));
    }

    void tableGoesAfterTheBlockTheCursorIsIn_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("offset");
        QTest::addColumn<QList<BlockKind>>("expected");
        using K = BlockKind;
        QTest::newRow("middle of a paragraph")
            << u"One"_qs << 1 << QList<K>{K::Paragraph, K::Table, K::BulletList, K::Paragraph};
        QTest::newRow("in a list") << u"b"_qs << 0
                                   << QList<K>{K::Paragraph, K::BulletList, K::Table, K::Paragraph};
        QTest::newRow("last paragraph")
            << u"Two"_qs << 3 << QList<K>{K::Paragraph, K::BulletList, K::Paragraph, K::Table};
    }

    void tableGoesAfterTheBlockTheCursorIsIn() {
        QFETCH(QString, text);
        QFETCH(int, offset);
        QFETCH(QList<BlockKind>, expected);
        QTextDocument document;
        blocksToDocument({paragraph(u"p1"_qs, u"One"_qs),
                          flatList(u"l"_qs, BlockKind::BulletList, {u"a"_qs, u"b"_qs}),
                          paragraph(u"p2"_qs, u"Two"_qs)},
                         &document);
        QTextCursor cursor = cursorIn(document, text, offset);
        insertTable(cursor, 2, 3, false);
        QVERIFY(cursor.currentTable());
        QCOMPARE(cursor.currentTable()->rows(), 2);
        QCOMPARE(cursor.currentTable()->columns(), 3);
        cursor.insertText(u"cell"_qs);
        QCOMPARE(kinds(documentToBlocks(&document)), expected);
        // The paragraphs and the list keep their ids and text.
        const QList<Block> blocks = documentToBlocks(&document);
        QVERIFY(blocks.contains(paragraph(u"p1"_qs, u"One"_qs)));
        QVERIFY(blocks.contains(paragraph(u"p2"_qs, u"Two"_qs)));
        QVERIFY(blocks.contains(flatList(u"l"_qs, BlockKind::BulletList, {u"a"_qs, u"b"_qs})));
    }

    void tableOnAnEmptyLineTakesItsPlace() {
        QTextDocument document;
        blocksToDocument({paragraph(u"p1"_qs, u"One"_qs)}, &document);
        QTextCursor cursor(&document);
        cursor.movePosition(QTextCursor::End);
        cursor.insertBlock(bodyParagraphFormat());
        const int before = document.blockCount();
        insertTable(cursor, 1, 1, true);
        // One cell, and the line after the table; the empty line went.
        QCOMPARE(document.blockCount(), before + 1);
        cursor.insertText(u"Head"_qs);
        const QList<Block> blocks = documentToBlocks(&document);
        QCOMPARE(blocks.size(), 2);
        QCOMPARE(blocks[1].rows, QList<TableRow>{{plain(u"Head"_qs)}});
        QVERIFY(blocks[1].headerRow);
        // A second table from inside the first goes after it.
        insertTable(cursor, 1, 1, false);
        cursor.insertText(u"Next"_qs);
        QCOMPARE(kinds(documentToBlocks(&document)),
                 (QList<BlockKind>{BlockKind::Paragraph, BlockKind::Table, BlockKind::Table}));
    }

    void tableRowsAndColumns() {
        QTextDocument document;
        Block table{u"t"_qs, BlockKind::Table};
        table.headerRow = true;
        table.rows = {{plain(u"Ward"_qs), plain(u"Votes"_qs)}, {plain(u"North"_qs), plain(u"12"_qs)}};
        blocksToDocument({paragraph(u"p1"_qs, u"Before"_qs), table, paragraph(u"p2"_qs, u"After"_qs)},
                         &document);
        QTextCursor cursor = cursorIn(document, u"Ward"_qs);
        QVERIFY(editTable(cursor, TableEdit::AddRowBelow));
        // The new row under the header is a body row: typed text is not bold, the cell not tinted.
        cursor.insertText(u"South"_qs);
        QCOMPARE(cursor.charFormat().fontWeight(), int(QFont::Normal));
        QVERIFY(editTable(cursor, TableEdit::AddColumnRight));
        cursor.insertText(u"new"_qs);
        table.rows = {{plain(u"Ward"_qs), InlineText(), plain(u"Votes"_qs)},
                      {plain(u"South"_qs), plain(u"new"_qs), InlineText()},
                      {plain(u"North"_qs), InlineText(), plain(u"12"_qs)}};
        QCOMPARE(documentToBlocks(&document).at(1), table);
        QTextCursor header = cursorIn(document, u"Ward"_qs);
        QVERIFY(editTable(header, TableEdit::DeleteRow));
        QVERIFY(editTable(header, TableEdit::DeleteColumn));
        // The row under a deleted header row is the header now.
        table.rows = {{plain(u"new"_qs), InlineText()}, {InlineText(), plain(u"12"_qs)}};
        QCOMPARE(documentToBlocks(&document).at(1), table);
        QVERIFY(editTable(header, TableEdit::DeleteTable));
        // The paragraphs around it keep their text and ids: they do not run together.
        QCOMPARE(documentToBlocks(&document),
                 (QList<Block>{paragraph(u"p1"_qs, u"Before"_qs), paragraph(u"p2"_qs, u"After"_qs)}));
        QVERIFY(!editTable(header, TableEdit::AddRowBelow));
    }

    void sectionBreakRemovedOrSteppedOver() {
        QTextDocument document;
        blocksToDocument({paragraph(u"p1"_qs, u"One"_qs), Block{u"hr"_qs, BlockKind::SectionBreak},
                          paragraph(u"p2"_qs, u"Two"_qs)},
                         &document);
        QTextBlock rule = blockWithText(document, u"One"_qs).next();
        QVERIFY(isSectionBreak(rule));
        QTextCursor cursor(&document);
        moveOffSectionBreak(cursor, rule);
        // The block after is no empty paragraph: a new one comes between.
        QCOMPARE(cursor.block().text(), QString());
        QCOMPARE(cursor.block().previous().position(), rule.position());
        cursor.insertText(u"Typed"_qs);
        QCOMPARE(documentToBlocks(&document).size(), 4);
        rule = blockWithText(document, u"One"_qs).next();
        removeSectionBreak(cursor, rule);
        const QList<Block> blocks = documentToBlocks(&document);
        QCOMPARE(blocks.size(), 3);
        QCOMPARE(blocks[0], paragraph(u"p1"_qs, u"One"_qs));
        QCOMPARE(blocks[1].plainText(), u"Typed"_qs);
        QCOMPARE(blocks[2], paragraph(u"p2"_qs, u"Two"_qs));
    }

    void sectionBreakPlacement_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("offset");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("start of a paragraph")
            << u"Two"_qs << 0 << QStringList{u"One"_qs, u"—"_qs, u"Two"_qs, u"a|b"_qs};
        QTest::newRow("end of a paragraph")
            << u"One"_qs << 3 << QStringList{u"One"_qs, u"—"_qs, u"Two"_qs, u"a|b"_qs};
        QTest::newRow("middle of a paragraph")
            << u"Two"_qs << 1 << QStringList{u"One"_qs, u"Two"_qs, u"—"_qs, u"a|b"_qs};
        QTest::newRow("in a list") << u"a"_qs << 1 << QStringList{u"One"_qs, u"Two"_qs, u"a|b"_qs, u"—"_qs};
    }

    void sectionBreakPlacement() {
        QFETCH(QString, text);
        QFETCH(int, offset);
        QFETCH(QStringList, expected);
        QTextDocument document;
        blocksToDocument({paragraph(u"p1"_qs, u"One"_qs), paragraph(u"p2"_qs, u"Two"_qs),
                          flatList(u"l"_qs, BlockKind::BulletList, {u"a"_qs, u"b"_qs})},
                         &document);
        QTextCursor cursor = cursorIn(document, text, offset);
        insertSectionBreak(cursor);
        QStringList shape;
        for (const Block &block : documentToBlocks(&document))
            shape.append(block.kind == BlockKind::SectionBreak ? u"—"_qs
                                                               : block.plainText().replace(u'\n', u'|'));
        QCOMPARE(shape, expected);
        QVERIFY(!isSectionBreak(cursor.block()));
        QVERIFY(isSectionBreak(cursor.block().previous()) || isSectionBreak(cursor.block()));
        const QList<Block> blocks = documentToBlocks(&document);
        QVERIFY(blocks.contains(paragraph(u"p1"_qs, u"One"_qs)));
        QVERIFY(blocks.contains(paragraph(u"p2"_qs, u"Two"_qs)));
    }
};

QTEST_MAIN(TestDocumentEdits)
#include "tst_documentedits.moc"
