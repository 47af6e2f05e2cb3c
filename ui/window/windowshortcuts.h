#pragma once

#include <QObject>

class QKeyEvent;
class QWidget;

namespace galley {

/// Makes the window's own shortcuts (File › Export's Ctrl+E, Ctrl+S, Ctrl+P, F7, ...) work from
/// whichever widget has the focus.
///
/// Without it a focused field takes some of them for itself before any menu sees them: on X11 line
/// and text edits claim the Emacs-style keys of the platform's key bindings (Ctrl+E is "end of
/// line", Ctrl+K "delete to end of line"), and the preview's web view claims every key for Chromium.
/// Installed on the application, it answers the ShortcutOverride event that Qt sends to the focus
/// widget before trying a shortcut: when the key is the shortcut of one of @p window's enabled
/// actions with a window or application context, the field is not asked and the action runs.
/// Actions bound to one widget (Undo and Redo on the body, its formatting keys) and the standard
/// editing keys (copy, cut, paste, select all, undo, redo) stay with the focused field.
class WindowShortcuts final : public QObject {
    Q_OBJECT

public:
    /// Watches key events of @p window and its children; @p window owns the filter.
    explicit WindowShortcuts(QWidget *window);
    ~WindowShortcuts() override;

    /// True when @p event (a key event) is the shortcut of an enabled window-wide action of the
    /// window.
    bool isWindowShortcut(const QKeyEvent *event) const;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QWidget *m_window;
};

} // namespace galley
