#pragma once

#include "editing/textfind.h"

#include <QList>
#include <QPointer>
#include <QWidget>

class QAction;
class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTabWidget;

namespace galley {

/// Find and replace in the story on screen, as a bar under the form (never a dialog): searches the
/// headline, deck, byline, dateline, body, pull quotes (text and attribution) and pictures' caption,
/// credit and alt text, in that order, with match case and whole words (findInText()); next and
/// previous go round the story, showing the field (its tab) and selecting the match; a label counts
/// "3 of 12". Replace changes the selected match and goes on to the next; Replace all changes every
/// match and is one Undo step in the body (one edit block) and one per plain field. Works on the
/// fields' widgets, so every change goes through the editor's usual undo and save paths.
/// @p editor is the widget holding the fields (looked up by object name each time: rows come and go).
class FindBar final : public QWidget {
    Q_OBJECT

public:
    explicit FindBar(QWidget *editor, QTabWidget *tabs, QWidget *parent = nullptr);

    /// Find (Ctrl+F), Replace (Ctrl+H), Find next (F3) and Find previous (Shift+F3), window
    /// shortcuts, for the Edit menu; the owner adds them to a widget of its window.
    QList<QAction *> actions() const { return m_actions; }

    /// Opens the bar with the find field focused and its text selected; @p replace shows the
    /// replace row too.
    void open(bool replace);

    /// Selects the next (or previous) match after (before) the current one, wrapping round.
    void findNext(bool backwards = false);
    /// Replaces the current match (selecting it first if none is), then selects the next.
    void replaceOne();
    /// Replaces every match; returns how many.
    int replaceAll();

    /// "3 of 12", "12 matches", "No matches" or empty with nothing to find.
    QString countText() const;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    /// One match: the field's widget (QLineEdit, QPlainTextEdit or QTextEdit) and where in it
    /// (document positions for text edits).
    struct Match {
        QPointer<QWidget> field;
        int start = 0;
        int length = 0;
    };

    QList<QWidget *> fields() const;
    QList<Match> matches() const;
    FindOptions options() const;
    void select(const Match &match);
    bool isSelected(const Match &match) const;
    void refresh();
    void replaceIn(const Match &match, const QString &with);

    QWidget *m_editor;
    QTabWidget *m_tabs;
    QLineEdit *m_find;
    QLineEdit *m_replace;
    QCheckBox *m_case;
    QCheckBox *m_words;
    QLabel *m_count;
    QWidget *m_replaceRow;
    QList<QAction *> m_actions;
    QPointer<QWidget> m_selected; ///< the field whose selection is the current match
    int m_current = -1; ///< index into matches() of the selected match, -1 for none
};

} // namespace galley
