#pragma once

#include <QObject>

class QAction;
class QMenu;
class QWidget;

namespace galley {

/// View › Story List and View › Preview: checkable actions that hide and show the story list and
/// the preview, so the story form gets the room on a small screen (800 × 600, half a 1920-pixel
/// screen). Each choice is kept in the settings ("view/storyList", "view/preview", both shown by
/// default) and a new window starts with it.
class PaneToggles final : public QObject {
    Q_OBJECT

public:
    /// Adds the two actions to @p menu (Ctrl+Shift+L and Ctrl+Shift+P) for @p list and @p preview,
    /// which must outlive this object, and shows or hides them as the settings say.
    PaneToggles(QMenu *menu, QWidget *list, QWidget *preview, QObject *parent);

    /// Shows or hides both panes as their actions say again (after something else, such as
    /// QSplitter::restoreState(), changed their visibility).
    void apply();

    QAction *storyListAction() const { return m_listAction; }
    QAction *previewAction() const { return m_previewAction; }

private:
    QAction *m_listAction;
    QAction *m_previewAction;
    QWidget *m_list;
    QWidget *m_preview;
};

} // namespace galley
