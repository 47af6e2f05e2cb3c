#pragma once

#include "recovery/recoveryscan.h"

#include <QDialog>

class QLabel;
class QPushButton;
class QTextBrowser;

namespace galley {

/// Asks, at start, what to do with text a crash left unsaved (one RecoveryCase that needs an
/// answer): the question in one sentence, when it was typed and saved, and three buttons —
/// Restore (the default), Show differences (a word-level view of what Restore changes, in the
/// dialog itself) and Discard. Closing the dialog decides nothing: the question comes back at the
/// next start.
class RecoveryDialog final : public QDialog {
    Q_OBJECT

public:
    enum class Choice { Later, Restore, Discard };

    /// @p now is the time the details are worded against (local "today at 14:32").
    RecoveryDialog(const RecoveryCase &recovery, const QDateTime &now, QWidget *parent = nullptr);

    /// What the reporter chose; Later until a button is pressed.
    Choice choice() const { return m_choice; }
    /// Shows or hides the differences (the Show differences button).
    void setDifferencesVisible(bool visible);

private:
    void choose(Choice choice);

    Choice m_choice = Choice::Later;
    bool m_deleted = false; ///< the story is gone: the view shows its whole text
    QPushButton *m_differencesButton;
    QLabel *m_legend;
    QTextBrowser *m_differences;
};

} // namespace galley
