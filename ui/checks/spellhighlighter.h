#pragma once

#include <QSyntaxHighlighter>
#include <QTimer>

#include <functional>

class QTextDocument;

namespace galley {

class StoryChecker;

/// Red wavy underlines under misspelled words in one text document (the body, the deck, a pull
/// quote), the way KDE Sonnet's highlighter works: block by block, the block being typed in only
/// after a pause (PauseMs), and never the word the text cursor is in or touching.
///
/// While typing, the block under the cursor keeps the underlines it had where their words are
/// unchanged and gets no new ones: the keystroke path does a few string comparisons and no
/// dictionary lookups. The pause re-checks that block. Words are checked with @p checker's speller
/// (its story names, house dictionary and ignores), which must outlive the highlighter.
class SpellHighlighter final : public QSyntaxHighlighter {
    Q_OBJECT

public:
    /// Quiet time after a keystroke before the block being typed in is checked, in milliseconds.
    static constexpr int PauseMs = 400;

    /// Underlines misspellings in @p document. @p cursorPosition gives the document position of the
    /// editor's text cursor, or -1 when the editor does not have the focus.
    SpellHighlighter(QTextDocument *document, const StoryChecker *checker, std::function<int()> cursorPosition);

    /// Turns the underlines on or off (rehighlights the whole document).
    void setEnabled(bool enabled);
    bool isEnabled() const { return m_enabled; }

    /// The cursor left the block it was in: re-checks @p block at once.
    void recheck(const QTextBlock &block);
    /// The context (names, house words, ignores) changed: re-checks every block.
    void recheckAll();

protected:
    void highlightBlock(const QString &text) override;
    /// Runs QSyntaxHighlighter's own delayed re-highlight with the document's signals blocked.
    bool event(QEvent *event) override;

private:
    void onContentsChange(int position, int removed, int added);

    const StoryChecker *m_checker;
    std::function<int()> m_cursorPosition;
    QTimer m_pause;
    int m_typingBlock = -1; ///< block number typed in since the last pause, -1 when none
    bool m_enabled = true;
};

} // namespace galley
