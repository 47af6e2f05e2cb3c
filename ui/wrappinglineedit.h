#pragma once

#include <QPlainTextEdit>

namespace galley {

/// A one-line field that shows all of its text: it wraps at word boundaries and grows from one
/// line to MaxLines lines with its content, then scrolls. For the headline, the deck, captions and
/// alt text, which must stay single paragraphs but are often longer than the field is wide.
///
/// The text never holds a line break: Enter and Return are left to the form (the key is ignored),
/// and line breaks, paragraph separators and tabs in pasted or set text become single spaces.
/// Offers QLineEdit's calls the rest of Galley uses (text(), setText(), textChanged(QString),
/// textEdited(QString), cursorPosition(), setCursorPosition(), setSelection(), insert(), end()).
class WrappingLineEdit : public QPlainTextEdit {
    Q_OBJECT

public:
    /// The tallest the field grows, in lines of text; longer text scrolls.
    static constexpr int MaxLines = 4;

    explicit WrappingLineEdit(QWidget *parent = nullptr);
    explicit WrappingLineEdit(const QString &text, QWidget *parent = nullptr);

    QString text() const { return toPlainText(); }
    /// Replaces the text (line breaks become spaces); emits textChanged() but not textEdited().
    void setText(const QString &text);

    int cursorPosition() const { return textCursor().position(); }
    void setCursorPosition(int position);
    /// Selects @p length characters from @p start, as QLineEdit::setSelection().
    void setSelection(int start, int length);
    /// Replaces the selection with @p text at the cursor (line breaks become spaces).
    void insert(const QString &text);
    /// Moves the cursor to the end of the text; with @p mark, selects up to there.
    void end(bool mark);

    /// Lines of text the field shows now, 1 to MaxLines.
    int visibleLines() const;

    /// @p text with every line break, paragraph separator and tab as a single space.
    static QString oneLine(const QString &text);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    /// The text changed, by the user or by setText().
    void textChanged(const QString &text);
    /// The user changed the text (typing, pasting, cutting, undo); not setText().
    void textEdited(const QString &text);

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void insertFromMimeData(const QMimeData *source) override;
    bool canInsertFromMimeData(const QMimeData *source) const override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void fitHeight();
    int heightFor(int lines) const;

    QString m_lastText; ///< the text at the last textChanged()
    bool m_settingText = false;
};

} // namespace galley
