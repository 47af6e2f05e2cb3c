#pragma once

#include <QFrame>
#include <QList>
#include <QString>

class QHBoxLayout;
class QLabel;
class QScrollArea;
class QToolButton;
class QVBoxLayout;

namespace galley {

/// One framed row of a list panel (pull quotes, pictures): a content area and a column of
/// Up / Down / Remove buttons, disabled at the ends.
class PanelRow final : public QFrame {
    Q_OBJECT

public:
    PanelRow(int index, int count, const QString &what, QWidget *parent = nullptr);

    /// Where the row's fields go.
    QHBoxLayout *content() const { return m_content; }

    /// Wires the row's buttons for the item at @p index of @p items: Up and Down swap it with its
    /// neighbour (nothing at either end) and then call @p moved() (rebuild the rows, tell listeners);
    /// Remove calls @p remove(), which decides whether to ask first. @p items must outlive the row;
    /// everything runs in @p context, the panel that owns both.
    template <typename T, typename Moved, typename Remove>
    void onActions(QObject *context, QList<T> &items, int index, Moved moved, Remove remove) {
        auto move = [&items, index, moved](int delta) {
            if (moveItem(items, index, delta))
                moved();
        };
        connect(this, &PanelRow::moveUpRequested, context, [move] { move(-1); });
        connect(this, &PanelRow::moveDownRequested, context, [move] { move(+1); });
        connect(this, &PanelRow::removeRequested, context, remove);
    }

    /// The scrolling part of a list panel: @p empty (the note shown while there are no rows, styled
    /// here) above @p rows, both kept at the top. Returns the scroll area, a child of @p parent, for
    /// the panel's own layout.
    static QScrollArea *listArea(QLabel *empty, QVBoxLayout *rows, QWidget *parent);

    /// Takes every row out of @p rows. The widgets are deleted later, not now, because a rebuild
    /// may run inside a click on one of their own buttons.
    static void clearRows(QVBoxLayout *rows);

    /// Swaps @p items[index] with the item @p delta places away (-1 up, +1 down). Returns false,
    /// changing nothing, when that would go past either end of the list.
    template <typename T> static bool moveItem(QList<T> &items, int index, int delta) {
        const int target = index + delta;
        if (index < 0 || index >= items.size() || target < 0 || target >= items.size())
            return false;
        items.swapItemsAt(index, target);
        return true;
    }

Q_SIGNALS:
    void moveUpRequested();
    void moveDownRequested();
    void removeRequested();

private:
    QHBoxLayout *m_content;
};

} // namespace galley
