#include "quotetyping.h"

#include "editing/smartquotes.h"
#include "settings.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QKeyEvent>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextEdit>

namespace galley {

namespace {

/// The document and cursor of a QTextEdit or QPlainTextEdit (which share no base class for them).
QTextDocument *documentOf(QWidget *field) {
    if (auto *rich = qobject_cast<QTextEdit *>(field))
        return rich->isReadOnly() ? nullptr : rich->document();
    if (auto *plain = qobject_cast<QPlainTextEdit *>(field))
        return plain->isReadOnly() ? nullptr : plain->document();
    return nullptr;
}

QTextCursor cursorOf(QWidget *field) {
    if (auto *rich = qobject_cast<QTextEdit *>(field))
        return rich->textCursor();
    return qobject_cast<QPlainTextEdit *>(field)->textCursor();
}

/// Replaces one character of a one-line field so that its own Undo takes back just this: moving
/// the cursor first makes QLineEdit start a new undo group, and moving it back after starts
/// another for what is typed next.
void fixLine(QLineEdit *edit, const smartquotes::QuoteFix &fix) {
    const int cursor = edit->cursorPosition();
    const int at = int(fix.position);
    if (cursor == at)
        edit->setCursorPosition(at + 1);
    edit->setCursorPosition(at);
    edit->setSelection(at, 1);
    edit->insert(QString(fix.to));
    edit->setCursorPosition(cursor);
}

/// Replaces one character of a document in an edit block of its own (one undo step), keeping its
/// character format (bold, link).
void fixDocument(QTextDocument *document, int position, QChar to, bool joinPrevious) {
    QTextCursor cursor(document);
    if (joinPrevious)
        cursor.joinPreviousEditBlock();
    else
        cursor.beginEditBlock();
    cursor.setPosition(position);
    cursor.setPosition(position + 1, QTextCursor::KeepAnchor);
    cursor.insertText(QString(to), cursor.charFormat());
    cursor.endEditBlock();
}

bool isPaste(QKeyEvent *key) {
    return key->matches(QKeySequence::Paste);
}

} // namespace

QuoteTyping::QuoteTyping(QWidget *root)
    : QObject(root)
    , m_root(root) {
    qApp->installEventFilter(this);
}

bool QuoteTyping::enabled() {
    return Settings().value(Settings::Key::CurlyQuotes).toBool();
}

QAction *QuoteTyping::createToggleAction(QObject *parent) {
    auto *action = new QAction(QCoreApplication::translate("QuoteTyping", "Curly &quotes as you type"), parent);
    action->setObjectName(u"curlyQuotesAction"_qs);
    action->setCheckable(true);
    action->setChecked(enabled());
    action->setToolTip(QCoreApplication::translate(
        "QuoteTyping", "Straight quotes and apostrophes typed or pasted in the story become “ ” ‘ ’"));
    QObject::connect(action, &QAction::toggled, action,
                     [](bool on) { Settings().setValue(Settings::Key::CurlyQuotes, on); });
    return action;
}

bool QuoteTyping::isQuoteField(const QWidget *widget) {
    if (!widget)
        return false;
    static const QStringList names = {u"headlineEdit"_qs, u"deckEdit"_qs, u"bylineEdit"_qs, u"datelineEdit"_qs,
                                      u"bodyEditor"_qs};
    static const QStringList rows = {u"pullQuoteText"_qs, u"pullQuoteAttribution"_qs, u"imageCaption"_qs,
                                     u"imageCredit"_qs, u"imageAlt"_qs};
    const QString name = widget->objectName();
    if (names.contains(name))
        return true;
    for (const QString &row : rows)
        if (name.startsWith(row) && name.size() > row.size() && name.at(row.size()).isDigit())
            return true;
    return false;
}

bool QuoteTyping::eventFilter(QObject *watched, QEvent *event) {
    const QEvent::Type type = event->type();
    if (m_busy || !watched->isWidgetType() || !m_root ||
        (type != QEvent::KeyPress && type != QEvent::ContextMenu && type != QEvent::Drop))
        return false;
    auto *field = static_cast<QWidget *>(watched);
    if (!isQuoteField(field) || !m_root->isAncestorOf(field))
        return false;
    if (type != QEvent::KeyPress) {
        // A one-line field pastes from its context menu and takes drops inside itself, past any
        // key: its next edit is looked at instead. (Text fields curl theirs in insertFromMimeData.)
        if (auto *line = qobject_cast<QLineEdit *>(field))
            expectInsertion(line);
        return false;
    }
    auto *key = static_cast<QKeyEvent *>(event);
    if (isPaste(key))
        return pasted(field, key);
    return typed(field, key);
}

bool QuoteTyping::typed(QWidget *field, QKeyEvent *key) {
    const QString text = key->text();
    if (text.size() != 1 || !text.at(0).isPrint() ||
        (key->modifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier)))
        return false;
    auto *line = qobject_cast<QLineEdit *>(field);
    QTextDocument *document = documentOf(field);
    if ((!line || line->isReadOnly()) && !document)
        return false;
    // Let the field take the key as always, then look at what it typed.
    m_busy = true;
    QCoreApplication::sendEvent(field, key);
    m_busy = false;
    if (line) {
        const int typedAt = line->cursorPosition() - 1;
        const QString now = line->text();
        if (typedAt < 0 || now.at(typedAt) != text.at(0))
            return true;
        const auto fixes = smartquotes::fixesAfterTyping(now, typedAt);
        if (!fixes.isEmpty() && enabled())
            for (const auto &fix : fixes)
                fixLine(line, fix);
        return true;
    }
    const QTextCursor cursor = cursorOf(field);
    const QTextBlock block = cursor.block();
    const int typedAt = cursor.positionInBlock() - 1;
    const QString now = block.text();
    if (cursor.hasSelection() || typedAt < 0 || now.at(typedAt) != text.at(0))
        return true;
    const auto fixes = smartquotes::fixesAfterTyping(now, typedAt);
    if (!fixes.isEmpty() && enabled())
        for (const auto &fix : fixes)
            fixDocument(document, block.position() + int(fix.position), fix.to, false);
    return true;
}

bool QuoteTyping::pasted(QWidget *field, QKeyEvent *key) {
    // The body curls its own pastes (BodyEditor::insertFromMimeData()), drops included.
    if (field->objectName() == u"bodyEditor" || !enabled())
        return false;
    if (auto *line = qobject_cast<QLineEdit *>(field)) {
        if (line->isReadOnly())
            return false;
        const QString clip = QGuiApplication::clipboard()->text();
        const QString curled = smartquotes::curled(clip);
        if (curled == clip)
            return false;
        line->insert(curled); // as QLineEdit::paste() does, with the quotes curled
        return true;
    }
    QTextDocument *document = documentOf(field);
    if (!document)
        return false;
    const int start = cursorOf(field).selectionStart();
    // The paste and the quotes curled in it are one Undo step.
    QTextCursor step(document);
    step.beginEditBlock();
    m_busy = true;
    QCoreApplication::sendEvent(field, key);
    m_busy = false;
    curlQuotesIn(document, start, cursorOf(field).position());
    step.endEditBlock();
    return true;
}

void QuoteTyping::expectInsertion(QLineEdit *line) {
    line->setProperty("galleyTextBeforeInsertion", line->text());
    if (line->property("galleyWatchedForInsertions").toBool())
        return;
    line->setProperty("galleyWatchedForInsertions", true);
    connect(line, &QLineEdit::textEdited, this, [this, line](const QString &now) { curlInsertion(line, now); });
}

void QuoteTyping::curlInsertion(QLineEdit *line, const QString &now) {
    const QVariant expected = line->property("galleyTextBeforeInsertion");
    if (m_busy || !expected.isValid())
        return;
    line->setProperty("galleyTextBeforeInsertion", QVariant()); // one edit only: the paste or drop
    const QString before = expected.toString();
    if (!enabled())
        return;
    // The inserted run is what differs between the text before and after.
    qsizetype head = 0;
    while (head < before.size() && head < now.size() && before.at(head) == now.at(head))
        ++head;
    qsizetype tail = 0;
    while (tail < before.size() - head && tail < now.size() - head &&
           before.at(before.size() - 1 - tail) == now.at(now.size() - 1 - tail))
        ++tail;
    const QString curled = smartquotes::curled(now);
    const qsizetype length = now.size() - head - tail;
    if (length <= 0 || curled.size() != now.size() || curled.mid(head, length) == now.mid(head, length))
        return;
    // Replaced as one more edit, so Undo gives the straight quotes back first.
    m_busy = true;
    line->setSelection(int(head), int(length));
    line->insert(curled.mid(head, length));
    m_busy = false;
}

void curlQuotesIn(QTextDocument *document, int start, int end) {
    if (!document || end <= start || !QuoteTyping::enabled())
        return;
    for (QTextBlock block = document->findBlock(start); block.isValid() && block.position() < end;
         block = block.next()) {
        const QString text = block.text();
        const QString curled = smartquotes::curled(text);
        for (qsizetype i = 0; i < text.size(); ++i) {
            const int position = block.position() + int(i);
            if (position < start || position >= end || text.at(i) == curled.at(i))
                continue;
            // Every change joins the paste's own edit block: one Undo takes the whole paste back.
            fixDocument(document, position, curled.at(i), true);
        }
    }
}

} // namespace galley
