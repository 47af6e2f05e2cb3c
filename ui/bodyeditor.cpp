#include "bodyeditor.h"

#include "editing/documentconverter.h"
#include "editing/pastesanitizer.h"
#include "icons.h"
#include "linkdialog.h"

#include <QAction>
#include <QKeyEvent>
#include <QMimeData>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocumentFragment>
#include <QTextList>
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
    setPlaceholderText(tr("Write the story here. Use the toolbar for subheads, lists and quotes."));
    document()->setDocumentMargin(12);
    QFont bodyFont = font();
    bodyFont.setPointSizeF(bodyFont.pointSizeF() * 1.15);
    document()->setDefaultFont(bodyFont);

    m_subhead = makeAction(u"subheadAction"_qs, tr("&Subhead"), themedIcon(QString(), u"H2"_qs, true),
                           QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_2), true);
    m_bold = makeAction(u"boldAction"_qs, tr("&Bold"), themedIcon(QString(), u"B"_qs, true),
                        QKeySequence::Bold, true);
    m_italic = makeAction(u"italicAction"_qs, tr("&Italic"), themedIcon(QString(), u"I"_qs, false, true),
                          QKeySequence::Italic, true);
    m_link = makeAction(u"linkAction"_qs, tr("&Link…"), themedIcon(u"insert-link"_qs, u"⇗"_qs),
                        QKeySequence(Qt::CTRL | Qt::Key_K), false);
    m_bullets = makeAction(u"bulletListAction"_qs, tr("B&ulleted list"), themedIcon(QString(), u"•≡"_qs),
                           QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_8), true);
    m_numbers = makeAction(u"numberedListAction"_qs, tr("&Numbered list"), themedIcon(QString(), u"1≡"_qs),
                           QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_7), true);
    m_quote = makeAction(u"blockQuoteAction"_qs, tr("Block &quote"), themedIcon(QString(), u"❝"_qs),
                         QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_9), true);

    connect(m_subhead, &QAction::triggered, this, &BodyEditor::toggleSubhead);
    connect(m_bold, &QAction::triggered, this, &BodyEditor::toggleBold);
    connect(m_italic, &QAction::triggered, this, &BodyEditor::toggleItalic);
    connect(m_link, &QAction::triggered, this, &BodyEditor::editLink);
    connect(m_bullets, &QAction::triggered, this, [this] { toggleList(false); });
    connect(m_numbers, &QAction::triggered, this, [this] { toggleList(true); });
    connect(m_quote, &QAction::triggered, this, &BodyEditor::toggleBlockQuote);
    connect(this, &QTextEdit::cursorPositionChanged, this, &BodyEditor::updateActionStates);
    connect(this, &QTextEdit::currentCharFormatChanged, this, &BodyEditor::updateActionStates);
}

QAction *BodyEditor::makeAction(const QString &objectName, const QString &text, const QIcon &icon,
                                const QKeySequence &shortcut, bool checkable) {
    auto *action = new QAction(icon, text, this);
    action->setObjectName(objectName);
    action->setShortcut(shortcut);
    action->setCheckable(checkable);
    action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(action);
    QString tip = text;
    tip.remove(u'&');
    tip.remove(u'…');
    action->setToolTip(tip + u" ("_qs + shortcut.toString(QKeySequence::NativeText) + u')');
    return action;
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

QList<QAction *> BodyEditor::formatActions() const {
    return {m_subhead, m_bold, m_italic, m_link, m_bullets, m_numbers, m_quote};
}

QToolBar *BodyEditor::createToolBar(QWidget *parent) const {
    auto *bar = new QToolBar(tr("Format"), parent);
    bar->setObjectName(u"formatToolBar"_qs);
    bar->setIconSize(QSize(18, 18));
    bar->setToolButtonStyle(Qt::ToolButtonIconOnly);
    bar->addAction(m_subhead);
    bar->addSeparator();
    bar->addAction(m_bold);
    bar->addAction(m_italic);
    bar->addAction(m_link);
    // "Link" in words reads better than any chain icon a theme may or may not have.
    m_link->setIconText(tr("Link"));
    if (auto *button = qobject_cast<QToolButton *>(bar->widgetForAction(m_link)))
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    bar->addSeparator();
    bar->addAction(m_bullets);
    bar->addAction(m_numbers);
    bar->addAction(m_quote);
    return bar;
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
    LinkDialog dialog(cursor.selectedText(), oldUrl, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const QString text = dialog.text().isEmpty() ? dialog.url() : dialog.text();
    if (text.isEmpty())
        return;
    QTextCharFormat format = cursor.charFormat();
    const QString url = dialog.url();
    format.setAnchor(!url.isEmpty());
    format.setAnchorHref(url);
    format.setFontUnderline(!url.isEmpty());
    format.setForeground(url.isEmpty() ? palette().text() : palette().link());
    cursor.beginEditBlock();
    cursor.insertText(text, format);
    cursor.endEditBlock();
    // Typing after a link should not extend it.
    QTextCharFormat plain = format;
    plain.setAnchor(false);
    plain.setAnchorHref(QString());
    plain.setFontUnderline(false);
    plain.setForeground(palette().text());
    setTextCursor(cursor);
    setCurrentCharFormat(plain);
}

void BodyEditor::toggleList(bool numbered) {
    QTextCursor cursor = textCursor();
    const QTextListFormat::Style style = numbered ? QTextListFormat::ListDecimal : QTextListFormat::ListDisc;
    QTextDocument *doc = document();
    const QTextBlock first = doc->findBlock(cursor.selectionStart());
    const QTextBlock last = doc->findBlock(cursor.selectionEnd());
    cursor.beginEditBlock();
    if (QTextList *list = first.textList()) {
        const bool sameKind = (list->format().style() == QTextListFormat::ListDecimal) == numbered;
        if (sameKind) {
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
            QTextListFormat format = list->format();
            format.setStyle(style);
            list->setFormat(format);
        }
    } else {
        // Lists hold plain items: take subhead and quote styling off first.
        if (isSubhead(cursor))
            setSubhead(cursor, false);
        if (isBlockQuote(cursor))
            setBlockQuote(cursor, false);
        QTextListFormat format;
        format.setStyle(style);
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

void BodyEditor::toggleBlockQuote() {
    QTextCursor cursor = textCursor();
    setBlockQuote(cursor, !isBlockQuote(cursor));
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
    if (source->hasHtml()) {
        const QList<Block> blocks = sanitizedBlocksFromHtml(source->html());
        if (cursor.currentList() && isBlockLevel(blocks))
            leaveList(cursor);
        insertBlocks(cursor, blocks);
    } else if (source->hasText()) {
        cursor.insertText(source->text(), QTextCharFormat());
    }
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

void BodyEditor::keyPressEvent(QKeyEvent *event) {
    const bool enter = (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) &&
                       !(event->modifiers() & Qt::ShiftModifier);
    if (enter && handleEnter()) {
        event->accept();
        return;
    }
    QTextEdit::keyPressEvent(event);
}

// Enter behaves the way word processors taught reporters: after a subhead comes a plain
// paragraph, and Enter on an empty list item or quote line leaves the list or quote.
bool BodyEditor::handleEnter() {
    QTextCursor cursor = textCursor();
    if (cursor.hasSelection())
        return false;
    const bool emptyBlock = cursor.block().text().isEmpty();
    if (emptyBlock && cursor.currentList()) {
        toggleList(cursor.currentList()->format().style() == QTextListFormat::ListDecimal);
        return true;
    }
    if (emptyBlock && isBlockQuote(cursor)) {
        setBlockQuote(cursor, false);
        updateActionStates();
        return true;
    }
    if (isSubhead(cursor) && cursor.atBlockEnd()) {
        QTextCharFormat plain;
        plain.setFontWeight(QFont::Normal);
        plain.setProperty(QTextFormat::FontSizeAdjustment, 0);
        cursor.insertBlock(bodyParagraphFormat(), plain);
        setTextCursor(cursor);
        setCurrentCharFormat(plain);
        return true;
    }
    return false;
}

void BodyEditor::updateActionStates() {
    const QTextCursor cursor = textCursor();
    const QTextCharFormat format = currentCharFormat();
    m_subhead->setChecked(isSubhead(cursor));
    m_bold->setChecked(isBold(format) && !isSubhead(cursor));
    m_italic->setChecked(format.fontItalic());
    const QTextList *list = cursor.currentList();
    m_bullets->setChecked(list && list->format().style() != QTextListFormat::ListDecimal);
    m_numbers->setChecked(list && list->format().style() == QTextListFormat::ListDecimal);
    m_quote->setChecked(isBlockQuote(cursor));
}

} // namespace galley
