// The body editor's actions: what the Format menu, the toolbar and the context menu offer, with
// their shortcuts, and keeping their checked and enabled states in step with the cursor.

#include "bodyeditor.h"

#include "editing/documentconverter.h"
#include "icons.h"

#include <QAction>
#include <QContextMenuEvent>
#include <QMenu>
#include <QTextList>
#include <QTextTable>
#include <QToolBar>
#include <QToolButton>

namespace galley {

void BodyEditor::createActions() {
    using K = QKeySequence;
    m_subhead = makeAction(u"subheadAction"_qs, tr("&Subhead"), themedIcon(QString(), u"H2"_qs, true),
                           K(Qt::CTRL | Qt::ALT | Qt::Key_2), true);
    m_bold = makeAction(u"boldAction"_qs, tr("&Bold"), themedIcon(QString(), u"B"_qs, true), K::Bold, true);
    m_italic = makeAction(u"italicAction"_qs, tr("&Italic"), themedIcon(QString(), u"I"_qs, false, true),
                          K::Italic, true);
    // Google Docs' keys: what reporters' fingers know, and free in Galley.
    m_strike = makeAction(u"strikeAction"_qs, tr("S&trikethrough"),
                          themedIcon(u"format-text-strikethrough"_qs, u"S\u0336"_qs),
                          K(Qt::CTRL | Qt::SHIFT | Qt::Key_X), true);
    m_superscript = makeAction(u"superscriptAction"_qs, tr("Su&perscript"), themedIcon(QString(), u"x²"_qs),
                               K(Qt::CTRL | Qt::Key_Period), true);
    m_subscript = makeAction(u"subscriptAction"_qs, tr("Subsc&ript"), themedIcon(QString(), u"x₂"_qs),
                             K(Qt::CTRL | Qt::Key_Comma), true);
    m_link = makeAction(u"linkAction"_qs, tr("&Link…"), themedIcon(u"insert-link"_qs, u"⇗"_qs),
                        K(Qt::CTRL | Qt::Key_K), false);
    m_bullets = makeAction(u"bulletListAction"_qs, tr("B&ulleted list"), themedIcon(QString(), u"•≡"_qs),
                           K(Qt::CTRL | Qt::SHIFT | Qt::Key_8), true);
    m_numbers = makeAction(u"numberedListAction"_qs, tr("&Numbered list"), themedIcon(QString(), u"1≡"_qs),
                           K(Qt::CTRL | Qt::SHIFT | Qt::Key_7), true);
    // Tab itself stays a key (it moves the focus outside lists), so the menu only names it.
    m_indent = makeAction(u"indentAction"_qs, tr("In&dent list item") + u"\tTab"_qs,
                          themedIcon(u"format-indent-more"_qs, u"→"_qs), K(), false);
    m_outdent = makeAction(u"outdentAction"_qs, tr("&Outdent list item") + u"\tShift+Tab"_qs,
                           themedIcon(u"format-indent-less"_qs, u"←"_qs), K(), false);
    m_indent->setToolTip(tr("Indent list item (Tab)"));
    m_outdent->setToolTip(tr("Outdent list item (Shift+Tab)"));
    m_quote = makeAction(u"blockQuoteAction"_qs, tr("Block &quote"), themedIcon(QString(), u"❝"_qs),
                         K(Qt::CTRL | Qt::SHIFT | Qt::Key_9), true);
    m_table = makeAction(u"insertTableAction"_qs, tr("Insert t&able…"),
                         themedIcon(u"insert-table"_qs, u"▦"_qs), K(Qt::CTRL | Qt::SHIFT | Qt::Key_T), false);
    m_break = makeAction(u"sectionBreakAction"_qs, tr("Insert section br&eak"),
                         themedIcon(QString(), u"⁂"_qs), K(Qt::CTRL | Qt::SHIFT | Qt::Key_Return), false);
    m_addRow = makeAction(u"addRowAction"_qs, tr("Add &row below"), QIcon(), K(), false);
    m_addColumn = makeAction(u"addColumnAction"_qs, tr("Add &column to the right"), QIcon(), K(), false);
    m_deleteRow = makeAction(u"deleteRowAction"_qs, tr("&Delete row"), QIcon(), K(), false);
    m_deleteColumn = makeAction(u"deleteColumnAction"_qs, tr("D&elete column"), QIcon(), K(), false);
    m_deleteTable = makeAction(u"deleteTableAction"_qs, tr("Delete &table"), QIcon(), K(), false);
    auto *tableMenu = new QMenu(tr("Table ro&ws and columns"), this);
    tableMenu->addActions(tableActions());
    m_tableMenu = tableMenu->menuAction();
    const auto separator = [this] {
        auto *action = new QAction(this);
        action->setSeparator(true);
        return action;
    };
    m_formatActions = {m_subhead,   separator(), m_bold,      m_italic,  m_strike,  m_superscript,
                       m_subscript, m_link,      separator(), m_bullets, m_numbers, m_indent,
                       m_outdent,   m_quote,     separator(), m_table,   m_break,   m_tableMenu};

    connect(m_subhead, &QAction::triggered, this, &BodyEditor::toggleSubhead);
    connect(m_bold, &QAction::triggered, this, &BodyEditor::toggleBold);
    connect(m_italic, &QAction::triggered, this, &BodyEditor::toggleItalic);
    connect(m_strike, &QAction::triggered, this, &BodyEditor::toggleStrikeOut);
    connect(m_superscript, &QAction::triggered, this, [this] { toggleBaseline(true); });
    connect(m_subscript, &QAction::triggered, this, [this] { toggleBaseline(false); });
    connect(m_link, &QAction::triggered, this, &BodyEditor::editLink);
    connect(m_bullets, &QAction::triggered, this, [this] { toggleList(false); });
    connect(m_numbers, &QAction::triggered, this, [this] { toggleList(true); });
    connect(m_indent, &QAction::triggered, this, [this] { changeLevel(true); });
    connect(m_outdent, &QAction::triggered, this, [this] { changeLevel(false); });
    connect(m_quote, &QAction::triggered, this, &BodyEditor::toggleBlockQuote);
    connect(m_table, &QAction::triggered, this, &BodyEditor::insertTable);
    connect(m_break, &QAction::triggered, this, &BodyEditor::insertSectionBreak);
    const std::pair<QAction *, TableEdit> tableEdits[] = {{m_addRow, TableEdit::AddRowBelow},
                                                          {m_addColumn, TableEdit::AddColumnRight},
                                                          {m_deleteRow, TableEdit::DeleteRow},
                                                          {m_deleteColumn, TableEdit::DeleteColumn},
                                                          {m_deleteTable, TableEdit::DeleteTable}};
    for (const auto &[action, edit] : tableEdits)
        connect(action, &QAction::triggered, this, [this, edit] { editTable(edit); });
    connect(this, &QTextEdit::cursorPositionChanged, this, &BodyEditor::updateActionStates);
    // A link ends where its text ends: arriving at its end (or deleting what followed it) must not
    // let the next words, or a new paragraph, join it.
    connect(this, &QTextEdit::cursorPositionChanged, this, &BodyEditor::keepLinkClosed);
    connect(this, &QTextEdit::textChanged, this, &BodyEditor::keepLinkClosed);
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
    QString tip = text.section(u'\t', 0, 0);
    tip.remove(u'&');
    tip.remove(u'…');
    if (!shortcut.isEmpty())
        tip += u" ("_qs + shortcut.toString(QKeySequence::NativeText) + u')';
    action->setToolTip(tip);
    return action;
}

QList<QAction *> BodyEditor::formatActions() const {
    return m_formatActions;
}

QList<QAction *> BodyEditor::tableActions() const {
    return {m_addRow, m_addColumn, m_deleteRow, m_deleteColumn, m_deleteTable};
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
    bar->addAction(m_strike);
    bar->addAction(m_superscript);
    bar->addAction(m_subscript);
    bar->addAction(m_link);
    // "Link" in words reads better than any chain icon a theme may or may not have.
    m_link->setIconText(tr("Link"));
    if (auto *button = qobject_cast<QToolButton *>(bar->widgetForAction(m_link)))
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    bar->addSeparator();
    bar->addAction(m_bullets);
    bar->addAction(m_numbers);
    bar->addAction(m_outdent);
    bar->addAction(m_indent);
    bar->addAction(m_quote);
    bar->addSeparator();
    bar->addAction(m_table);
    bar->addAction(m_break);
    return bar;
}

void BodyEditor::contextMenuEvent(QContextMenuEvent *event) {
    QMenu *menu = createStandardContextMenu(event->pos());
    if (textCursor().currentTable()) {
        menu->addSeparator();
        menu->addActions(tableActions());
    }
    if (m_contextMenuHook)
        m_contextMenuHook(menu, cursorForPosition(event->pos()));
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->popup(event->globalPos());
}

void BodyEditor::setContextMenuHook(std::function<void(QMenu *, const QTextCursor &)> hook) {
    m_contextMenuHook = std::move(hook);
}

void BodyEditor::updateActionStates() {
    const QTextCursor cursor = textCursor();
    const QTextCharFormat format = currentCharFormat();
    m_subhead->setChecked(isSubhead(cursor));
    m_bold->setChecked(format.fontWeight() >= QFont::DemiBold && !isSubhead(cursor));
    m_italic->setChecked(format.fontItalic());
    m_strike->setChecked(format.fontStrikeOut());
    m_superscript->setChecked(format.verticalAlignment() == QTextCharFormat::AlignSuperScript);
    m_subscript->setChecked(format.verticalAlignment() == QTextCharFormat::AlignSubScript);
    const QTextList *list = cursor.currentList();
    const bool numbered = list && isNumberedListStyle(list->format().style());
    m_bullets->setChecked(list && !numbered);
    m_numbers->setChecked(list && numbered);
    m_indent->setEnabled(list != nullptr);
    m_outdent->setEnabled(list != nullptr);
    m_quote->setChecked(isBlockQuote(cursor));
    const bool inTable = cursor.currentTable() != nullptr;
    for (QAction *action : tableActions())
        action->setEnabled(inTable);
    m_tableMenu->setEnabled(inTable);
}

} // namespace galley
