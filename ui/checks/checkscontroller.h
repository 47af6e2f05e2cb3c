#pragma once

#include "checks/finding.h"
#include "checks/spelling.h"
#include "checks/storychecker.h"

#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>

#include <functional>

class QAction;
class QLabel;
class QLineEdit;
class QMenu;
class QTextCursor;
class QTextDocument;
class QWidget;

namespace galley {

class ChecksPanel;
class SpellHighlighter;
class StoryEditor;
class StoryLibrary;

/// Runs the copy desk's checks on the story being edited and wires them to the window: the
/// Checks panel (select, fix, ignore), the spelling underline in the body, the deck, pull quotes,
/// headline, captions, credits and alt text (each with the suggestions, "Add to house dictionary"
/// and "Ignore" in its context menu) and the status bar's
/// character count and reading time of the body (beside the window's word count), or the words and
/// characters of the selected text.
///
/// The whole story is checked CheckDelayMs after typing stops, never on a keystroke; the spelling
/// underline follows SpellHighlighter's own pause. The house dictionary is read from and added to
/// @p library; so are the findings ignored in the story (StoryLibrary::setFindingIgnored()), written
/// at once.
class ChecksController final : public QObject {
    Q_OBJECT

public:
    /// Quiet time after an edit before the whole story is checked again, in milliseconds.
    static constexpr int CheckDelayMs = 600;

    /// All must outlive the controller; @p stats is the status bar label it writes.
    ChecksController(StoryLibrary &library, StoryEditor *editor, ChecksPanel *panel, QLabel *stats,
                     QObject *parent = nullptr);
    ~ChecksController() override;

    /// A story was put on screen: checks it now and underlines it afresh.
    void storyShown();
    /// The window's library was closed and another opened: its house dictionary applies now.
    void libraryOpened();
    /// Checks the story on screen now (the timer's job after a pause).
    void checkNow();
    /// The findings of the last check.
    const QList<Finding> &findings() const { return m_findings; }
    const StoryChecker &checker() const { return m_checker; }
    SpellHighlighter *bodyHighlighter() const { return m_bodyHighlighter; }

    /// The spelling actions for the word at @p at in @p editor's document (@p editor is the body or
    /// the deck): up to six suggestions, "Add to house dictionary", "Ignore in this story". Empty
    /// when the word there is spelled right. The actions are parented to @p parent.
    QList<QAction *> spellingActions(QWidget *editor, const QTextCursor &at, QObject *parent);
    /// The same for the word at character @p position of one-line field @p edit (the headline, a
    /// caption, a credit, alt text).
    QList<QAction *> spellingActions(QLineEdit *edit, int position, QObject *parent);

    /// Selects the text @p finding points at in its field (switching to its tab).
    void reveal(const Finding &finding);
    /// Applies @p finding's replacement in its field, as typing would (undoable); false when the
    /// text there changed since the check or there is no certain fix.
    bool fix(const Finding &finding);
    /// Ignores @p finding in this story.
    void ignore(const Finding &finding);

Q_SIGNALS:
    /// A check finished with @p findings.
    void checked(const QList<galley::Finding> &findings);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void rehighlightAll();
    /// Underlines in every pull quote's text too (the panel makes their editors anew).
    void attachHighlighters();
    /// Marks the misspellings of the one-line fields (headline, captions, credits, alt text), which
    /// have no document: as formats of their text layout, set through an input-method event.
    void underlineLineEdits();
    /// Draws @p misspellings under the text of @p edit (none: clears them).
    static void setLineFormats(QLineEdit *edit, const QList<Misspelling> &misspellings);
    void updateStats();
    QTextCursor rangeCursor(const Finding &finding, QWidget **widget) const;
    QWidget *fieldWidget(const Finding &finding) const;
    void addToHouseDictionary(const QString &word);
    /// Replaces @p word, found at @p start of the text the actions were made for, by a suggestion.
    using WordReplacer = std::function<void(int start, const QString &word, const QString &suggestion)>;
    /// The spelling actions for the word at @p position of @p text; @p replace applies a suggestion.
    QList<QAction *> wordActions(const QString &text, int position, const WordReplacer &replace, QObject *parent);
    /// Adds the spelling actions for the word at @p position of @p text to the top of @p menu.
    static void prependActions(QMenu *menu, const QList<QAction *> &actions);

    StoryLibrary &m_library;
    StoryEditor *m_editor;
    ChecksPanel *m_panel;
    QLabel *m_stats;
    StoryChecker m_checker;
    SpellHighlighter *m_bodyHighlighter = nullptr;
    QList<QPointer<SpellHighlighter>> m_highlighters; ///< the deck's and the pull quotes'
    bool m_underline = true;
    QTimer m_timer;
    QList<Finding> m_findings;
    QStringList m_ignored; ///< ignore keys of the story on screen
    QString m_bodyStats;
    QSet<QString> m_lastContext; ///< names, ignores and house words the underlines were drawn with
};

} // namespace galley
