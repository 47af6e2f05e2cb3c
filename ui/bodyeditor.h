#pragma once

#include "editing/documentconverter.h"
#include "model/story.h"

#include <QTextEdit>

#include <functional>

class QAction;
class QMenu;
class QToolBar;

namespace galley {

/// The story body editor: rich text limited to what a story body can hold (paragraphs, subheads,
/// bold, italic, struck, superscript and subscript text, links, bulleted and numbered lists nested
/// with Tab and Shift+Tab, block quotes, tables and section breaks). Paste goes through the
/// sanitiser, so fonts, colours, scripts and pictures from other programs never get in; pasted
/// blocks (subheads, several paragraphs) that land in a list item go after the list, and into a
/// table cell only their text goes. Block ids live in the document (see documentconverter.h), so
/// pull quotes and pictures stay anchored.
///
/// Keys beyond QTextEdit's: Tab and Shift+Tab change a list item's level, and move between table
/// cells (Tab in the last cell adds a row); elsewhere they move the focus. Enter after a subhead
/// starts a paragraph; on an empty list item it moves the item up a level or out of the list; on a
/// section break it starts a paragraph after it. A section break takes no text: typing on it
/// writes into the paragraph after it, and Backspace or Delete on it (or next to it) removes it.
class BodyEditor final : public QTextEdit {
    Q_OBJECT

public:
    explicit BodyEditor(QWidget *parent = nullptr);

    /// Replaces the text with @p body and clears undo history and the modified flag.
    void setBody(const QList<Block> &body);
    /// The body as story blocks (ids settled; see documentToBlocks()).
    QList<Block> body();

    /// Formatting actions with their shortcuts, for the Format menu, with separators and a Table
    /// submenu: Ctrl+Alt+2 subhead; Ctrl+B, Ctrl+I, Ctrl+Shift+X strikethrough, Ctrl+. superscript,
    /// Ctrl+, subscript, Ctrl+K link; Ctrl+Shift+8 bullets, Ctrl+Shift+7 numbers, Tab / Shift+Tab
    /// list level, Ctrl+Shift+9 block quote; Ctrl+Shift+T table, Ctrl+Shift+Return section break.
    /// The shortcuts work while the body has focus, so Ctrl+B in the headline does nothing.
    QList<QAction *> formatActions() const;
    /// The table actions (add a row or column, delete the row, column or table), enabled while the
    /// cursor is in a table; also in the body's context menu there.
    QList<QAction *> tableActions() const;
    /// A toolbar holding formatActions(), parented to @p parent.
    QToolBar *createToolBar(QWidget *parent) const;

    void toggleSubhead();
    void toggleBold();
    void toggleItalic();
    /// Asks for a link's address with LinkDialog and applies it to the selection (or the word or
    /// link under the cursor); an empty address removes the link.
    void editLink();
    void toggleStrikeOut();
    /// Raises (or, with @p raise false, lowers) the selection; again takes it back to the line.
    void toggleBaseline(bool raise);
    void toggleList(bool numbered);
    void toggleBlockQuote();
    /// Moves the list items in the selection one level deeper or shallower; false outside lists.
    bool changeLevel(bool deeper);
    /// Asks for rows, columns and a header row (TableDialog) and inserts the table.
    void insertTable();
    /// Inserts a table of @p rows x @p columns without asking (see galley::insertTable()).
    void insertTableOf(int rows, int columns, bool headerRow);
    void insertSectionBreak();

    /// @p handler sees every paste and text drop before the body does (files excepted) and returns
    /// true when it took care of it, e.g. a whole story pasted into an empty one goes to the import
    /// review. @p mime is only valid during the call.
    void setStoryPasteHandler(std::function<bool(const QMimeData *mime)> handler);
    /// @p hook adds to the context menu before it opens (spelling suggestions): it gets the menu
    /// and a cursor at the position clicked.
    void setContextMenuHook(std::function<void(QMenu *menu, const QTextCursor &at)> hook);

Q_SIGNALS:
    /// Local files were dropped or pasted on the body; pictures belong in the picture panel.
    void filesDropped(const QStringList &paths);
    /// A paste changed something the reporter should know of (links unwrapped from redirect
    /// pages or dropped); @p sentence says what, in plain words, for the status bar.
    void pasteReported(const QString &sentence);

protected:
    bool event(QEvent *event) override;
    bool canInsertFromMimeData(const QMimeData *source) const override;
    void insertFromMimeData(const QMimeData *source) override;
    void keyPressEvent(QKeyEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    void createActions();
    QAction *makeAction(const QString &objectName, const QString &text, const QIcon &icon,
                        const QKeySequence &shortcut, bool checkable);
    void updateActionStates();
    /// At a link's end, makes what is typed next plain text (see galley::stopLinkAtCursor()).
    void keepLinkClosed();
    bool handleEnter();
    /// Tab and Shift+Tab in a list or a table; false when they should move the focus.
    bool handleTab(bool forward);
    /// Keys on or next to a section break (see the class comment); true when handled.
    bool handleSectionBreakKey(QKeyEvent *event);
    /// Changes the table the cursor is in (see galley::editTable()).
    void editTable(TableEdit edit);
    /// Moves @p cursor out of its list, to where pasted blocks keep their own kind.
    void leaveList(QTextCursor &cursor);
    /// Inserts @p blocks at @p cursor, each keeping its kind.
    void insertBlocks(QTextCursor &cursor, const QList<Block> &blocks);

    QAction *m_subhead;
    QAction *m_bold;
    QAction *m_italic;
    QAction *m_link;
    QAction *m_bullets;
    QAction *m_numbers;
    QAction *m_quote;
    QAction *m_strike;
    QAction *m_superscript;
    QAction *m_subscript;
    QAction *m_indent;
    QAction *m_outdent;
    QAction *m_table;
    QAction *m_break;
    QAction *m_addRow;
    QAction *m_addColumn;
    QAction *m_deleteRow;
    QAction *m_deleteColumn;
    QAction *m_deleteTable;
    QAction *m_tableMenu;
    QList<QAction *> m_formatActions;
    std::function<bool(const QMimeData *)> m_storyPaste;
    std::function<void(QMenu *, const QTextCursor &)> m_contextMenuHook;
};

} // namespace galley
