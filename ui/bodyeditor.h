#pragma once

#include "model/story.h"

#include <QTextEdit>

#include <functional>

class QAction;
class QToolBar;

namespace galley {

/// The story body editor: rich text limited to what a story body can hold (paragraphs, subheads,
/// bold, italic, links, bulleted and numbered lists, block quotes). Paste goes through the
/// sanitiser, so fonts, colours, scripts and pictures from other programs never get in; pasted
/// blocks (subheads, several paragraphs) that land in a list item go after the list. Block ids
/// live in the document (see documentconverter.h), so pull quotes and pictures stay anchored.
class BodyEditor final : public QTextEdit {
    Q_OBJECT

public:
    explicit BodyEditor(QWidget *parent = nullptr);

    /// Replaces the text with @p body and clears undo history and the modified flag.
    void setBody(const QList<Block> &body);
    /// The body as story blocks (ids settled; see documentToBlocks()).
    QList<Block> body();

    /// Formatting actions with their shortcuts (Ctrl+B, Ctrl+I, Ctrl+K, Ctrl+Alt+2 subhead,
    /// Ctrl+Shift+8 bullets, Ctrl+Shift+7 numbers, Ctrl+Shift+9 block quote), for toolbar and menu.
    /// The shortcuts work while the body has focus, so Ctrl+B in the headline does nothing.
    QList<QAction *> formatActions() const;
    /// A toolbar holding formatActions(), parented to @p parent.
    QToolBar *createToolBar(QWidget *parent) const;

    void toggleSubhead();
    void toggleBold();
    void toggleItalic();
    /// Asks for a link's address with LinkDialog and applies it to the selection (or the word or
    /// link under the cursor); an empty address removes the link.
    void editLink();
    void toggleList(bool numbered);
    void toggleBlockQuote();

    /// @p handler sees every paste and text drop before the body does (files excepted) and returns
    /// true when it took care of it, e.g. a whole story pasted into an empty one goes to the import
    /// review. @p mime is only valid during the call.
    void setStoryPasteHandler(std::function<bool(const QMimeData *mime)> handler);

Q_SIGNALS:
    /// Local files were dropped or pasted on the body; pictures belong in the picture panel.
    void filesDropped(const QStringList &paths);

protected:
    bool canInsertFromMimeData(const QMimeData *source) const override;
    void insertFromMimeData(const QMimeData *source) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    QAction *makeAction(const QString &objectName, const QString &text, const QIcon &icon,
                        const QKeySequence &shortcut, bool checkable);
    void updateActionStates();
    bool handleEnter();
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
    std::function<bool(const QMimeData *)> m_storyPaste;
};

} // namespace galley
