#include "bodyeditor.h"

#include "editing/documentconverter.h"
#include "editing/documentlinks.h"
#include "editing/pastesanitizer.h"
#include "linkdialog.h"
#include "quotetyping.h"
#include "tabledialog.h"

#include <QAction>
#include <QKeyEvent>
#include <QMimeData>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocumentFragment>
#include <QTextList>
#include <QTextTable>
#include <QToolBar>
#include <QToolButton>
#include <QUrl>

namespace galley {

namespace {

bool isBold(const QTextCharFormat &format) {
    return format.fontWeight() >= QFont::DemiBold;
}

// Extends an empty cursor over the link it sits in, so Ctrl+K edits the whole link.
void selectAnchorAround(QTextCursor &cursor) {
    const QString href = cursor.charFormat().anchorHref();
    if (href.isEmpty())
        return;
    const QTextBlock block = cursor.block();
    for (auto it = block.begin(); !it.atEnd(); ++it) {
        const QTextFragment fragment = it.fragment();
        if (fragment.contains(cursor.position()) ||
            fragment.position() + fragment.length() == cursor.position()) {
            if (fragment.charFormat().anchorHref() == href) {
                cursor.setPosition(fragment.position());
                cursor.setPosition(fragment.position() + fragment.length(), QTextCursor::KeepAnchor);
                return;
            }
        }
    }
}

} // namespace

BodyEditor::BodyEditor(QWidget *parent)
    : QTextEdit(parent) {
    setObjectName(u"bodyEditor"_qs);
    setAcceptRichText(true);
    setTabChangesFocus(true);
    // Lines wrap at the editor's width (anywhere in a word too long for a line), so nothing needs
    // scrolling sideways. Spelling underlines make Qt's layout overshoot the width by a fraction
    // of a pixel, which showed a horizontal scroll bar whose range changed with every key and made
    // each key repaint the whole editor (about 1 ms of the main thread's keystroke budget).
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    setPlaceholderText(tr("Write the story here. Use the toolbar for subheads, lists and quotes."));
    document()->setDocumentMargin(12);
    QFont bodyFont = font();
    bodyFont.setPointSizeF(bodyFont.pointSizeF() * 1.15);
    document()->setDefaultFont(bodyFont);

    createActions();
}

void BodyEditor::setBody(const QList<Block> &body) {
    const bool blocked = blockSignals(true);
    blocksToDocument(body, document());
    if (body.isEmpty())
        QTextCursor(document()).setBlockFormat(bodyParagraphFormat());
    document()->clearUndoRedoStacks();
    document()->setModified(false);
    moveCursor(QTextCursor::Start);
    blockSignals(blocked);
    updateActionStates();
}

QList<Block> BodyEditor::body() {
    return documentToBlocks(document());
}

void BodyEditor::toggleSubhead() {
    QTextCursor cursor = textCursor();
    const bool on = !isSubhead(cursor);
    setSubhead(cursor, on);
    QTextCharFormat format;
    format.setFontWeight(on ? QFont::Bold : QFont::Normal);
    format.setProperty(QTextFormat::FontSizeAdjustment, on ? 1 : 0);
    mergeCurrentCharFormat(format);
    updateActionStates();
}

void BodyEditor::toggleBold() {
    QTextCharFormat format;
    format.setFontWeight(isBold(currentCharFormat()) ? QFont::Normal : QFont::Bold);
    mergeCurrentCharFormat(format);
    updateActionStates();
}

void BodyEditor::toggleItalic() {
    QTextCharFormat format;
    format.setFontItalic(!currentCharFormat().fontItalic());
    mergeCurrentCharFormat(format);
    updateActionStates();
}

void BodyEditor::editLink() {
    QTextCursor cursor = textCursor();
    if (!cursor.hasSelection())
        selectAnchorAround(cursor);
    if (!cursor.hasSelection())
        cursor.select(QTextCursor::WordUnderCursor);
    const QString oldUrl = cursor.charFormat().anchorHref();
    const QString selected = cursor.selectedText();
    const bool severalBlocks =
        document()->findBlock(cursor.selectionStart()) != document()->findBlock(cursor.selectionEnd());
    LinkDialog dialog(severalBlocks ? QString(selected).replace(QChar::ParagraphSeparator, u' ') : selected,
                      oldUrl, this);
    dialog.setTextEditable(!severalBlocks);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const QString url = dialog.url();
    const QString typedText = dialog.text().isEmpty() ? url : dialog.text();
    if (typedText.isEmpty())
        return;
    cursor.beginEditBlock();
    // New words replace the selection only when the reporter changed them in the dialog; otherwise
    // the link is laid over the text as it is, so lists, quotes and bold across blocks survive.
    if (!severalBlocks && typedText != selected) {
        QTextCharFormat format = cursor.charFormat();
        const int start = cursor.selectionStart();
        cursor.insertText(typedText, format);
        cursor.setPosition(start, QTextCursor::KeepAnchor);
    }
    setLinkOnSelection(cursor, url);
    cursor.endEditBlock();
    cursor.setPosition(cursor.selectionEnd());
    setTextCursor(cursor);
    stopLinkAtCursor(cursor);
    setTextCursor(cursor);
}

void BodyEditor::keepLinkClosed() {
    QTextCursor cursor = textCursor();
    if (stopLinkAtCursor(cursor))
        setCurrentCharFormat(cursor.charFormat());
}

void BodyEditor::toggleStrikeOut() {
    QTextCharFormat format;
    format.setFontStrikeOut(!currentCharFormat().fontStrikeOut());
    mergeCurrentCharFormat(format);
    updateActionStates();
}

void BodyEditor::toggleBaseline(bool raise) {
    const auto wanted = raise ? QTextCharFormat::AlignSuperScript : QTextCharFormat::AlignSubScript;
    QTextCharFormat format;
    format.setVerticalAlignment(
        currentCharFormat().verticalAlignment() == wanted ? QTextCharFormat::AlignNormal : wanted);
    mergeCurrentCharFormat(format);
    updateActionStates();
}

void BodyEditor::toggleList(bool numbered) {
    QTextCursor cursor = textCursor();
    QTextDocument *doc = document();
    const QTextBlock first = doc->findBlock(cursor.selectionStart());
    const QTextBlock last = doc->findBlock(cursor.selectionEnd());
    cursor.beginEditBlock();
    if (QTextList *list = first.textList()) {
        if (isNumberedListStyle(list->format().style()) == numbered) {
            for (QTextBlock block = first; block.isValid(); block = block.next()) {
                if (QTextList *itemList = block.textList()) {
                    itemList->remove(block);
                    QTextCursor blockCursor(block);
                    QTextBlockFormat format = blockCursor.blockFormat();
                    format.setIndent(0);
                    blockCursor.setBlockFormat(format);
                }
                if (block == last)
                    break;
            }
        } else {
            // The other kind at the same level; a top-level list says its kind by its own style.
            QTextListFormat format = list->format();
            format.setStyle(listStyle(listLevel(first), numbered));
            format.clearProperty(ListKindProperty);
            list->setFormat(format);
        }
    } else {
        // Lists hold plain items: take subhead and quote styling off first.
        if (isSubhead(cursor))
            setSubhead(cursor, false);
        if (isBlockQuote(cursor))
            setBlockQuote(cursor, false);
        QTextListFormat format;
        format.setStyle(listStyle(0, numbered));
        format.setIndent(1);
        QTextCursor firstCursor(first);
        QTextList *created = firstCursor.createList(format);
        for (QTextBlock block = first.next(); block.isValid() && first != last; block = block.next()) {
            created->add(block);
            if (block == last)
                break;
        }
    }
    cursor.endEditBlock();
    updateActionStates();
}

bool BodyEditor::changeLevel(bool deeper) {
    QTextCursor cursor = textCursor();
    const bool changed = changeListLevel(cursor, deeper);
    updateActionStates();
    return changed;
}

void BodyEditor::insertTable() {
    TableDialog dialog(this);
    if (dialog.exec() == QDialog::Accepted)
        insertTableOf(dialog.rows(), dialog.columns(), dialog.headerRow());
}

void BodyEditor::insertTableOf(int rows, int columns, bool headerRow) {
    QTextCursor cursor = textCursor();
    galley::insertTable(cursor, rows, columns, headerRow);
    setTextCursor(cursor);
    ensureCursorVisible();
    setFocus(Qt::OtherFocusReason);
}

void BodyEditor::insertSectionBreak() {
    QTextCursor cursor = textCursor();
    galley::insertSectionBreak(cursor);
    setTextCursor(cursor);
    ensureCursorVisible();
}

void BodyEditor::toggleBlockQuote() {
    QTextCursor cursor = textCursor();
    setBlockQuote(cursor, !isBlockQuote(cursor));
    updateActionStates();
}

void BodyEditor::editTable(TableEdit edit) {
    QTextCursor cursor = textCursor();
    if (!galley::editTable(cursor, edit))
        return;
    setTextCursor(cursor);
    updateActionStates();
}

namespace {

QStringList droppedFiles(const QMimeData *source) {
    QStringList paths;
    if (!source->hasUrls())
        return paths;
    for (const QUrl &url : source->urls()) {
        if (!url.isLocalFile())
            return {};
        paths.append(url.toLocalFile());
    }
    return paths;
}

// A table cell holds one line: pasted blocks go in as one paragraph, their lines and cells joined
// by spaces, styles kept.
Block oneLine(const QList<Block> &blocks) {
    InlineText line;
    const auto add = [&line](const InlineText &text) {
        if (text.plainText().trimmed().isEmpty())
            return;
        if (!line.runs.isEmpty())
            line.runs.append(InlineRun{u" "_qs});
        line.runs.append(text.runs);
    };
    for (const Block &block : blocks) {
        for (const InlineText &text : block.lines)
            add(text);
        for (const TableRow &row : block.rows)
            for (const InlineText &cell : row)
                add(cell);
    }
    return Block{newId(), BlockKind::Paragraph, {line.normalized()}};
}

} // namespace

bool BodyEditor::canInsertFromMimeData(const QMimeData *source) const {
    return source->hasHtml() || source->hasText() || !droppedFiles(source).isEmpty();
}

void BodyEditor::setStoryPasteHandler(std::function<bool(const QMimeData *)> handler) {
    m_storyPaste = std::move(handler);
}

void BodyEditor::insertFromMimeData(const QMimeData *source) {
    if (const QStringList files = droppedFiles(source); !files.isEmpty()) {
        Q_EMIT filesDropped(files);
        return;
    }
    if (m_storyPaste && m_storyPaste(source))
        return;
    QTextCursor cursor = textCursor();
    if (!cursor.hasSelection() && isSectionBreak(cursor.block()))
        moveOffSectionBreak(cursor, cursor.block());
    int start = cursor.selectionStart();
    // The paste and the quotes curled in it are one Undo step.
    cursor.beginEditBlock();
    if (source->hasHtml()) {
        PasteReport report;
        QList<Block> blocks = sanitizedBlocksFromHtml(source->html(), &report);
        if (const QString sentence = report.sentence(); !sentence.isEmpty())
            Q_EMIT pasteReported(sentence);
        if (!report.refused.isEmpty()) {
            // HTML the reader refuses still holds the words the writer meant to paste.
            cursor.insertText(source->text(), QTextCharFormat());
            curlQuotesIn(document(), start, cursor.position());
            cursor.endEditBlock();
            setTextCursor(cursor);
            return;
        }
        if (cursor.currentTable() && isBlockLevel(blocks))
            blocks = {oneLine(blocks)};
        if (cursor.currentList() && isBlockLevel(blocks))
            leaveList(cursor);
        start = cursor.selectionStart();
        insertBlocks(cursor, blocks);
    } else if (source->hasText()) {
        cursor.insertText(source->text(), QTextCharFormat());
    }
    // Pasted quotes are curled like typed ones, so a page never mixes both.
    curlQuotesIn(document(), start, cursor.position());
    cursor.endEditBlock();
    setTextCursor(cursor);
    ensureCursorVisible();
}

void BodyEditor::insertBlocks(QTextCursor &cursor, const QList<Block> &blocks) {
    QTextDocument clean;
    blocksToDocument(blocks, &clean);
    const QTextBlock first = clean.begin();
    const bool intoEmptyBlock = !cursor.hasSelection() && cursor.block().text().isEmpty();
    const int start = cursor.position();
    cursor.beginEditBlock();
    cursor.insertFragment(QTextDocumentFragment(&clean));
    // Qt gives the first pasted block the format of the block it lands in (except at the very
    // start of the document), so a subhead pasted on an empty line would read as a paragraph.
    // Lists are left alone: Qt starts a block of their own for them.
    if (intoEmptyBlock && first.isValid() && !first.textList()) {
        QTextCursor target(document()->findBlock(start));
        target.setBlockFormat(first.blockFormat());
    }
    cursor.endEditBlock();
}

// Blocks pasted into a list item would lose their kind (a heading becomes a bold item), so they go
// after the list instead: an empty item stops being one; otherwise a plain paragraph is started
// after the list's last item.
void BodyEditor::leaveList(QTextCursor &cursor) {
    QTextList *list = cursor.currentList();
    if (!list)
        return;
    cursor.clearSelection();
    if (cursor.block().text().isEmpty()) {
        const QTextBlock block = cursor.block();
        list->remove(block);
        cursor.setBlockFormat(bodyParagraphFormat());
        return;
    }
    const QTextBlock last = list->item(list->count() - 1);
    cursor.setPosition(last.position() + last.length() - 1);
    cursor.insertBlock(bodyParagraphFormat(), QTextCharFormat());
}

} // namespace galley
