#include "windowshortcuts.h"

#include <QAction>
#include <QApplication>
#include <QKeyEvent>
#include <QWidget>

namespace galley {

WindowShortcuts::WindowShortcuts(QWidget *window) : QObject(window), m_window(window) {
    qApp->installEventFilter(this);
}

WindowShortcuts::~WindowShortcuts() {
    qApp->removeEventFilter(this);
}

bool WindowShortcuts::isWindowShortcut(const QKeyEvent *event) const {
    // Typing (letters with or without Shift) is never a window shortcut here: no search per keystroke.
    const Qt::KeyboardModifiers chord = event->modifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier);
    if (chord == Qt::NoModifier && (event->key() < Qt::Key_F1 || event->key() > Qt::Key_F35))
        return false;
    // The field's own editing keys must never become a window action, whatever is bound to them.
    static const QKeySequence::StandardKey fieldKeys[] = {
        QKeySequence::Copy, QKeySequence::Cut,  QKeySequence::Paste,
        QKeySequence::Undo, QKeySequence::Redo, QKeySequence::SelectAll};
    for (QKeySequence::StandardKey key : fieldKeys)
        if (event->matches(key))
            return false;
    const QKeySequence pressed(event->keyCombination());
    const QList<QAction *> actions = m_window->findChildren<QAction *>();
    for (const QAction *action : actions) {
        const Qt::ShortcutContext context = action->shortcutContext();
        if (!action->isEnabled() || (context != Qt::WindowShortcut && context != Qt::ApplicationShortcut))
            continue;
        if (action->shortcuts().contains(pressed))
            return true;
    }
    return false;
}

bool WindowShortcuts::eventFilter(QObject *watched, QEvent *event) {
    if (event->type() != QEvent::ShortcutOverride || !watched->isWidgetType())
        return false;
    auto *widget = static_cast<QWidget *>(watched);
    if (widget->window() != m_window)
        return false;
    auto *key = static_cast<QKeyEvent *>(event);
    if (!isWindowShortcut(key))
        return false;
    // Not accepted: Qt goes on to the shortcut map, which runs the action.
    key->ignore();
    return true;
}

} // namespace galley
