#pragma once

#include <QObject>
#include <QPointer>

class QAction;
class QKeyEvent;
class QTextDocument;
class QWidget;

class QLineEdit;

namespace galley {

/// Curly quotes as you type in a story's text fields (smartquotes::fixesAfterTyping()): the
/// headline, deck, byline, dateline, body, pull quote texts and attributions, captions, credits and
/// alt texts inside one window part (found by object name, so rows added later are covered). Each
/// change is its own undo step, so Ctrl+Z right after it gives back the straight character; text
/// pasted with Ctrl+V or Shift+Insert into a one-line or plain field is curled as it goes in (the
/// body curls its own pastes, see curlQuotesIn()). Off when the "editing/curlyQuotes" setting is
/// false (Settings::Key::CurlyQuotes). Watches key presses application-wide, acting only on fields
/// inside @p root.
class QuoteTyping final : public QObject {
    Q_OBJECT

public:
    explicit QuoteTyping(QWidget *root);

    /// Whether quotes are curled: the CurlyQuotes setting (on unless turned off).
    static bool enabled();

    /// A checkable "Curly quotes as you type" action (objectName curlyQuotesAction) showing and
    /// setting the CurlyQuotes setting, for a menu; owned by @p parent.
    static QAction *createToggleAction(QObject *parent);

    /// True for the fields QuoteTyping acts on (by object name: headlineEdit, bodyEditor,
    /// imageCaption0, ...).
    static bool isQuoteField(const QWidget *widget);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    bool typed(QWidget *field, QKeyEvent *key);
    bool pasted(QWidget *field, QKeyEvent *key);
    /// Readies @p line for a paste from its context menu or a drop: the next edit is curled.
    void expectInsertion(QLineEdit *line);
    void curlInsertion(QLineEdit *line, const QString &now);

    QPointer<QWidget> m_root;
    bool m_busy = false; ///< passing an event on to its field: not to be looked at again
};

/// Curls the straight quotes in the characters @p start to @p end of @p document (judging each by
/// the text around it, also outside the range), joined to the edit just made so that one Undo takes
/// back both. Does nothing when enabled() is false.
void curlQuotesIn(QTextDocument *document, int start, int end);

} // namespace galley
