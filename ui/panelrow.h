#pragma once

#include <QFrame>
#include <QString>

class QHBoxLayout;
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

Q_SIGNALS:
    void moveUpRequested();
    void moveDownRequested();
    void removeRequested();

private:
    QHBoxLayout *m_content;
};

} // namespace galley
