#include "wrappinglineedit.h"

#include "quotetyping.h"

#include <QAbstractTextDocumentLayout>
#include <QKeyEvent>
#include <QMimeData>
#include <QScrollBar>
#include <QTextBlock>
#include <QTextCursor>

namespace galley {

WrappingLineEdit::WrappingLineEdit(QWidget *parent) : WrappingLineEdit(QString(), parent) {}

WrappingLineEdit::WrappingLineEdit(const QString &text, QWidget *parent) : QPlainTextEdit(parent) {
    setLineWrapMode(QPlainTextEdit::WidgetWidth);
    setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    setTabChangesFocus(true);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    document()->setDocumentMargin(2);
    connect(document(), &QTextDocument::contentsChanged, this, [this] {
        fitHeight();
        // Only a change of the text counts (not a spelling underline or another format).
        const QString now = toPlainText();
        if (now == m_lastText)
            return;
        m_lastText = now;
        Q_EMIT textChanged(now);
        if (!m_settingText)
            Q_EMIT textEdited(now);
    });
    connect(document()->documentLayout(), &QAbstractTextDocumentLayout::documentSizeChanged, this,
            &WrappingLineEdit::fitHeight);
    setText(text);
    fitHeight();
}

QString WrappingLineEdit::oneLine(const QString &text) {
    QString line = text;
    line.replace(u"\r\n"_qs, u" "_qs);
    for (QChar &c : line)
        if (c == u'\n' || c == u'\r' || c == u'\t' || c == QChar::ParagraphSeparator || c == QChar::LineSeparator ||
            c == u'\v' || c == u'\f')
            c = u' ';
    return line;
}

void WrappingLineEdit::setText(const QString &text) {
    const QString line = oneLine(text);
    if (line == toPlainText())
        return;
    m_settingText = true;
    setPlainText(line);
    m_settingText = false;
}

void WrappingLineEdit::setCursorPosition(int position) {
    QTextCursor cursor = textCursor();
    cursor.setPosition(qBound(0, position, int(toPlainText().size())));
    setTextCursor(cursor);
}

void WrappingLineEdit::setSelection(int start, int length) {
    const int size = int(toPlainText().size());
    QTextCursor cursor = textCursor();
    cursor.setPosition(qBound(0, start, size));
    cursor.setPosition(qBound(0, start + length, size), QTextCursor::KeepAnchor);
    setTextCursor(cursor);
}

void WrappingLineEdit::insert(const QString &text) {
    insertPlainText(oneLine(text));
}

void WrappingLineEdit::end(bool mark) {
    moveCursor(QTextCursor::End, mark ? QTextCursor::KeepAnchor : QTextCursor::MoveAnchor);
}

int WrappingLineEdit::visibleLines() const {
    int lines = 0;
    for (QTextBlock block = document()->begin(); block.isValid(); block = block.next())
        lines += qMax(1, block.layout() ? block.layout()->lineCount() : 1);
    return qBound(1, lines, MaxLines);
}

int WrappingLineEdit::heightFor(int lines) const {
    const QMargins margins = contentsMargins();
    return lines * fontMetrics().lineSpacing() + int(2 * document()->documentMargin()) + margins.top() +
           margins.bottom() + 2;
}

QSize WrappingLineEdit::sizeHint() const {
    return {QPlainTextEdit::sizeHint().width(), heightFor(visibleLines())};
}

QSize WrappingLineEdit::minimumSizeHint() const {
    return {QPlainTextEdit::minimumSizeHint().width(), heightFor(visibleLines())};
}

void WrappingLineEdit::fitHeight() {
    const int wanted = heightFor(visibleLines());
    if (height() != wanted || minimumHeight() != wanted) {
        setFixedHeight(wanted);
        updateGeometry();
    }
}

void WrappingLineEdit::keyPressEvent(QKeyEvent *event) {
    // One paragraph only: Enter belongs to the form (a dialog's default button), not to the text.
    if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) {
        event->ignore();
        return;
    }
    QPlainTextEdit::keyPressEvent(event);
}

bool WrappingLineEdit::canInsertFromMimeData(const QMimeData *source) const {
    return source->hasText();
}

void WrappingLineEdit::insertFromMimeData(const QMimeData *source) {
    if (!source->hasText())
        return;
    // Pasted from the keyboard or the context menu, or dropped: quotes curled, one Undo step.
    QTextCursor step = textCursor();
    const int start = step.selectionStart();
    step.beginEditBlock();
    insertPlainText(oneLine(source->text()));
    curlQuotesIn(document(), start, textCursor().position());
    step.endEditBlock();
}

void WrappingLineEdit::resizeEvent(QResizeEvent *event) {
    QPlainTextEdit::resizeEvent(event);
    fitHeight();
}

} // namespace galley
