#pragma once

#include "checks/spelling.h"

#include <QList>
#include <QObject>
#include <QTextCursor>
#include <QTimer>

#include <functional>

class QAbstractScrollArea;
class QPainter;
class QPlainTextEdit;
class QTextBlock;
class QTextDocument;
class QTextEdit;

namespace galley {

class StoryChecker;

/// Red wavy underlines under misspelled words in one text field (the body, the deck, a pull
/// quote, a caption), the way KDE Sonnet's highlighter works: block by block, the block being typed
/// in only after a pause (PauseMs), and never the word the text cursor was in or touching when its
/// block was checked.
///
/// The underlines are painted over the field's viewport after Qt has drawn the text, never set as
/// character formats: formats split a paragraph into one shaping run per marked word, which Qt then
/// re-shapes on every keystroke (the main-thread cost issue 8 measures). While typing, a block keeps
/// the underlines of the words the edit did not touch (moved with the text) and gets no new ones;
/// the pause re-checks it. Words are checked with @p checker's speller (its story names, house
/// dictionary and ignores), which must outlive the highlighter. It is parented to the field.
class SpellHighlighter final : public QObject {
    Q_OBJECT

public:
    /// Quiet time after a keystroke before the block being typed in is checked, in milliseconds.
    static constexpr int PauseMs = 400;

    /// Underlines misspellings in @p edit (a rich text field such as the body).
    SpellHighlighter(QTextEdit *edit, const StoryChecker *checker);
    /// Underlines misspellings in @p edit (a plain text field such as the deck).
    SpellHighlighter(QPlainTextEdit *edit, const StoryChecker *checker);

    /// Turns the underlines on or off (re-checks or clears the whole field).
    void setEnabled(bool enabled);
    bool isEnabled() const { return m_enabled; }

    /// The cursor left the block it was in: re-checks @p block at once.
    void recheck(const QTextBlock &block);
    /// The context (names, house words, ignores) changed: re-checks every block.
    void recheckAll();

    /// The misspellings drawn under @p block's text (positions within the block), in order; empty
    /// for a block no highlighter has checked.
    static QList<Misspelling> underlined(const QTextBlock &block);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    SpellHighlighter(QAbstractScrollArea *edit, QTextDocument *document, const StoryChecker *checker);
    void onContentsChange(int position, int removed, int added);
    void checkBlock(const QTextBlock &block);
    void paintUnderlines(QPainter &painter, const QRect &area) const;

    QAbstractScrollArea *m_edit;
    QTextDocument *m_document;
    const StoryChecker *m_checker;
    // The field's own geometry calls (QTextEdit and QPlainTextEdit share no base that has them).
    std::function<QRect(const QTextCursor &)> m_cursorRect;
    std::function<QTextCursor(const QPoint &)> m_cursorAt;
    std::function<int()> m_cursorPosition; ///< the text cursor's position, -1 without the focus
    QTimer m_pause;
    int m_typingBlock = -1; ///< block number typed in since the last pause, -1 when none
    bool m_enabled = true;
    bool m_painting = false;
};

} // namespace galley
