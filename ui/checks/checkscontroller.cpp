#include "checkscontroller.h"

#include "bodyeditor.h"
#include "checks/spelling.h"
#include "checks/textstats.h"
#include "checks/wordscan.h"
#include "checkspanel.h"
#include "editing/documentconverter.h"
#include "spellhighlighter.h"
#include "storage/storylibrary.h"
#include "storyeditor.h"

#include <QAction>
#include <QComboBox>
#include <QContextMenuEvent>
#include <QCoreApplication>
#include <QInputMethodEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QTabWidget>
#include <QTextBlock>
#include <QTextDocument>

namespace galley {

namespace {

QTextDocument *documentOf(QWidget *editor) {
    if (auto *rich = qobject_cast<QTextEdit *>(editor))
        return rich->document();
    if (auto *plain = qobject_cast<QPlainTextEdit *>(editor))
        return plain->document();
    return nullptr;
}

void setCursorOf(QWidget *editor, const QTextCursor &cursor) {
    if (auto *rich = qobject_cast<QTextEdit *>(editor)) {
        rich->setTextCursor(cursor);
        rich->ensureCursorVisible();
    } else if (auto *plain = qobject_cast<QPlainTextEdit *>(editor)) {
        plain->setTextCursor(cursor);
        plain->ensureCursorVisible();
    }
}

/// Shows the tab page holding @p widget in every tab widget above it.
void showTabOf(QWidget *widget) {
    for (QWidget *w = widget; w && w->parentWidget(); w = w->parentWidget()) {
        QWidget *stack = w->parentWidget();
        if (auto *tabs = qobject_cast<QTabWidget *>(stack->parentWidget()); tabs && tabs->indexOf(w) >= 0)
            tabs->setCurrentWidget(w);
    }
}

} // namespace

void ChecksController::libraryOpened() {
    m_checker.setHouseWords(m_library.houseWords());
    rehighlightAll();
}

ChecksController::ChecksController(StoryLibrary &library, StoryEditor *editor, ChecksPanel *panel, QLabel *stats,
                                   QObject *parent)
    : QObject(parent)
    , m_library(library)
    , m_editor(editor)
    , m_panel(panel)
    , m_stats(stats) {
    m_checker.setHouseWords(m_library.houseWords());
    BodyEditor *body = m_editor->bodyEditor();
    m_bodyHighlighter = new SpellHighlighter(body, &m_checker);
    attachHighlighters();
    body->setContextMenuHook(
        [this, body](QMenu *menu, const QTextCursor &at) { prependActions(menu, spellingActions(body, at, menu)); });

    m_timer.setSingleShot(true);
    m_timer.setInterval(CheckDelayMs);
    connect(&m_timer, &QTimer::timeout, this, &ChecksController::checkNow);
    connect(m_editor, &StoryEditor::edited, &m_timer, qOverload<>(&QTimer::start));
    // The underline drops the word being typed; once the cursor leaves a block, that block is due.
    connect(body, &QTextEdit::cursorPositionChanged, this, [this, body, last = QTextBlock()]() mutable {
        const QTextBlock now = body->textCursor().block();
        if (last.isValid() && now != last)
            m_bodyHighlighter->recheck(last);
        last = now;
    });
    connect(body, &QTextEdit::selectionChanged, this, &ChecksController::updateStats);

    connect(m_panel, &ChecksPanel::findingActivated, this, &ChecksController::reveal);
    connect(m_panel, &ChecksPanel::fixRequested, this, [this](const Finding &f) {
        if (fix(f))
            checkNow();
    });
    connect(m_panel, &ChecksPanel::ignoreRequested, this, &ChecksController::ignore);
    connect(m_panel, &ChecksPanel::spellingUnderlineToggled, this, [this](bool on) {
        m_underline = on;
        m_bodyHighlighter->setEnabled(on);
        for (const QPointer<SpellHighlighter> &h : std::as_const(m_highlighters))
            if (h)
                h->setEnabled(on);
        underlineLineEdits();
    });
}

ChecksController::~ChecksController() = default;

void ChecksController::storyShown() {
    m_timer.stop();
    m_lastContext.clear();
    m_ignored = m_library.ignoredFindings(m_editor->story().id);
    checkNow();
}

void ChecksController::checkNow() {
    m_timer.stop();
    const Story &story = m_editor->story();
    m_findings = m_checker.check(story, m_ignored);
    QHash<QString, int> numbers;
    for (qsizetype i = 0; i < story.body.size(); ++i)
        numbers.insert(story.body.at(i).id, int(i + 1));
    m_panel->setFindings(m_findings, numbers);
    m_bodyStats = textStats(story.bodyPlainText()).charactersAndReading();
    updateStats();
    // Names, ignores and house words decide what is underlined: draw again only when they change.
    const SpellContext &context = m_checker.speller().context();
    QSet<QString> now(context.names.cbegin(), context.names.cend());
    for (const QString &w : context.ignoredWords)
        now.insert(u"\x1fignored:"_qs % w);
    for (const QString &w : context.houseWords)
        now.insert(u"\x1fhouse:"_qs % w);
    now.insert(u"\x1fdictionary:"_qs % m_checker.speller().dictionaryName());
    attachHighlighters();
    if (now != m_lastContext) {
        m_lastContext = now;
        rehighlightAll();
    }
    underlineLineEdits();
    Q_EMIT checked(m_findings);
}

void ChecksController::rehighlightAll() {
    m_bodyHighlighter->recheckAll();
    for (const QPointer<SpellHighlighter> &h : std::as_const(m_highlighters))
        if (h)
            h->recheckAll();
}

void ChecksController::attachHighlighters() {
    m_highlighters.removeAll(nullptr);
    const QList<QPlainTextEdit *> edits = m_editor->findChildren<QPlainTextEdit *>();
    for (QPlainTextEdit *edit : edits) {
        const QString name = edit->objectName();
        const bool checked = name == u"deckEdit" || name == u"headlineEdit" || name.startsWith(u"pullQuoteText"_qs) ||
                             name.startsWith(u"imageCaption"_qs) || name.startsWith(u"imageAlt"_qs);
        if (!checked || edit->property("galleySpelling").toBool())
            continue;
        edit->setProperty("galleySpelling", true);
        // Parented to the field: it goes when the pull quote's editor goes.
        auto *highlighter = new SpellHighlighter(edit, &m_checker);
        highlighter->setEnabled(m_underline);
        m_highlighters.append(highlighter);
        // A right-click arrives at the viewport, the menu key at the field itself.
        edit->installEventFilter(this);
        edit->viewport()->installEventFilter(this);
    }
}

void ChecksController::underlineLineEdits() {
    const QList<QLineEdit *> edits = m_editor->findChildren<QLineEdit *>();
    for (QLineEdit *edit : edits) {
        const QString name = edit->objectName();
        if (name != u"headlineEdit" && !name.startsWith(u"imageCaption"_qs) && !name.startsWith(u"imageCredit"_qs) &&
            !name.startsWith(u"imageAlt"_qs))
            continue;
        if (!edit->property("galleySpelling").toBool()) {
            edit->setProperty("galleySpelling", true);
            edit->installEventFilter(this);
        }
        // A field being typed in is left alone: an input-method event would end a composition
        // under way (dead keys, CJK input). It is marked when the focus leaves it.
        if (!edit->hasFocus())
            setLineFormats(edit, m_underline ? m_checker.speller().check(edit->text()) : QList<Misspelling>());
    }
}

void ChecksController::setLineFormats(QLineEdit *edit, const QList<Misspelling> &misspellings) {
    static const QTextCharFormat format = [] {
        QTextCharFormat f;
        f.setUnderlineStyle(QTextCharFormat::SpellCheckUnderline);
        f.setUnderlineColor(QColor(0xc0, 0x1c, 0x28));
        return f;
    }();
    // QLineEdit draws the TextFormat attributes of an input-method event (positions relative to
    // the cursor) until the next one: the one public way to underline part of its text.
    const int cursor = edit->cursorPosition();
    QList<QInputMethodEvent::Attribute> attributes;
    for (const Misspelling &m : misspellings)
        attributes.append({QInputMethodEvent::TextFormat, m.start - cursor, m.length, format});
    QInputMethodEvent event(QString(), attributes);
    QCoreApplication::sendEvent(edit, &event);
}

void ChecksController::updateStats() {
    const QTextCursor cursor = m_editor->bodyEditor()->textCursor();
    if (cursor.hasSelection()) {
        const TextStats s = textStats(cursor.selectedText());
        m_stats->setText(tr("Selection: %1 · %2")
                             .arg(s.words == 1 ? tr("1 word") : tr("%1 words").arg(s.words),
                                  s.characters == 1 ? tr("1 character") : tr("%1 characters").arg(s.characters)));
    } else {
        m_stats->setText(m_bodyStats);
    }
}

QList<QAction *> ChecksController::spellingActions(QWidget *editor, const QTextCursor &at, QObject *parent) {
    const QTextBlock block = at.block();
    if (!block.isValid())
        return {};
    const int offset = block.position();
    QPointer<QWidget> target = editor;
    return wordActions(
        block.text(), at.position() - offset,
        [target, offset](int start, const QString &word, const QString &suggestion) {
            QTextDocument *document = target ? documentOf(target) : nullptr;
            if (!document)
                return;
            QTextCursor cursor(document);
            cursor.setPosition(offset + start);
            cursor.setPosition(offset + start + int(word.size()), QTextCursor::KeepAnchor);
            if (cursor.selectedText() != word)
                return; // the text changed while the menu was open
            cursor.insertText(suggestion);
            setCursorOf(target, cursor);
        },
        parent);
}

QList<QAction *> ChecksController::spellingActions(QLineEdit *edit, int position, QObject *parent) {
    QPointer<QLineEdit> target = edit;
    return wordActions(
        edit->text(), position,
        [target](int start, const QString &word, const QString &suggestion) {
            if (!target || target->text().mid(start, word.size()) != word)
                return;
            target->setSelection(start, int(word.size()));
            target->insert(suggestion); // as typing would: one undo step of the field
        },
        parent);
}

QList<QAction *> ChecksController::wordActions(const QString &text, int position, const WordReplacer &replace,
                                               QObject *parent) {
    QList<QAction *> actions;
    const ScannedWord *found = nullptr;
    const QList<ScannedWord> words = scanWords(text);
    for (const ScannedWord &w : words)
        if (position >= w.start && position <= w.start + w.length)
            found = &w;
    if (!found)
        return actions;
    const QString word = text.mid(found->start, found->length);
    const int start = found->start;
    const SpellChecker &speller = m_checker.speller();
    bool digit = false;
    for (QChar c : word)
        digit = digit || c.isDigit();
    if (digit || speller.isCorrect(word) || m_editor->isReadOnly())
        return actions;
    const QStringList suggestions = speller.suggestions(word);
    for (const QString &suggestion : suggestions) {
        auto *action = new QAction(suggestion, parent);
        action->setObjectName(u"spellingSuggestion"_qs);
        QFont bold = action->font();
        bold.setBold(true);
        action->setFont(bold);
        connect(action, &QAction::triggered, this, [replace, start, word, suggestion] { replace(start, word, suggestion); });
        actions.append(action);
    }
    if (suggestions.isEmpty()) {
        auto *none = new QAction(tr("No suggestions"), parent);
        none->setEnabled(false);
        actions.append(none);
    }
    auto *add = new QAction(tr("Add “%1” to House Dictionary").arg(word), parent);
    add->setObjectName(u"spellingAddToHouse"_qs);
    connect(add, &QAction::triggered, this, [this, word] { addToHouseDictionary(word); });
    actions.append(add);
    auto *ignoreWord = new QAction(tr("Ignore “%1” in This Story").arg(word), parent);
    ignoreWord->setObjectName(u"spellingIgnore"_qs);
    connect(ignoreWord, &QAction::triggered, this, [this, word] {
        Finding f;
        f.rule = u"spelling"_qs;
        f.matched = word;
        ignore(f);
    });
    actions.append(ignoreWord);
    return actions;
}

void ChecksController::prependActions(QMenu *menu, const QList<QAction *> &actions) {
    if (actions.isEmpty())
        return;
    QAction *first = menu->actions().value(0);
    menu->insertActions(first, actions);
    menu->insertSeparator(first);
}

void ChecksController::addToHouseDictionary(const QString &word) {
    QString error;
    if (!m_library.addHouseWord(straightApostrophes(word), &error)) {
        m_stats->setText(error);
        return;
    }
    m_checker.setHouseWords(m_library.houseWords());
    checkNow();
}

void ChecksController::ignore(const Finding &finding) {
    const QString key = finding.ignoreKey();
    QString error;
    if (!m_library.setFindingIgnored(m_editor->story().id, key, true, &error)) {
        m_stats->setText(error);
        return;
    }
    if (!m_ignored.contains(key))
        m_ignored.append(key);
    checkNow();
}

QWidget *ChecksController::fieldWidget(const Finding &finding) const {
    const Story &story = m_editor->story();
    auto indexOf = [&](const auto &list) {
        for (qsizetype i = 0; i < list.size(); ++i)
            if (list.at(i).id == finding.item)
                return int(i);
        return -1;
    };
    QString name;
    if (finding.field == u"headline")
        name = u"headlineEdit"_qs;
    else if (finding.field == u"deck")
        name = u"deckEdit"_qs;
    else if (finding.field == u"byline")
        name = u"bylineEdit"_qs;
    else if (finding.field == u"dateline")
        name = u"datelineEdit"_qs;
    else if (finding.field == u"section")
        name = u"sectionCombo"_qs;
    else if (finding.field == u"pullquote")
        name = u"pullQuoteText%1"_qs.arg(indexOf(story.pullQuotes));
    else if (finding.field == u"attribution")
        name = u"pullQuoteAttribution%1"_qs.arg(indexOf(story.pullQuotes));
    else if (finding.field == u"caption")
        name = u"imageCaption%1"_qs.arg(indexOf(story.images));
    else if (finding.field == u"credit")
        name = u"imageCredit%1"_qs.arg(indexOf(story.images));
    else if (finding.field == u"alt")
        name = u"imageAlt%1"_qs.arg(indexOf(story.images));
    if (finding.field == u"body")
        return m_editor->bodyEditor();
    return name.isEmpty() ? nullptr : m_editor->findChild<QWidget *>(name);
}

QTextCursor ChecksController::rangeCursor(const Finding &finding, QWidget **widget) const {
    QWidget *w = fieldWidget(finding);
    *widget = w;
    QTextDocument *document = w ? documentOf(w) : nullptr;
    if (!document)
        return {};
    QTextCursor cursor(document);
    if (finding.field != u"body") {
        cursor.setPosition(std::min(finding.start, document->characterCount() - 1));
        cursor.setPosition(std::min(finding.start + finding.length, document->characterCount() - 1),
                           QTextCursor::KeepAnchor);
        return cursor;
    }
    // A body block's plain text joins its lines (list items, quoted paragraphs) with "\n"; each
    // line is one text block carrying the block's id.
    int offset = finding.start;
    for (QTextBlock block = document->begin(); block.isValid(); block = block.next()) {
        if (blockIdAt(block) != finding.item)
            continue;
        const int length = int(block.text().size());
        if (offset <= length) {
            cursor.setPosition(block.position() + offset);
            cursor.setPosition(block.position() + std::min(offset + finding.length, length), QTextCursor::KeepAnchor);
            return cursor;
        }
        offset -= length + 1;
    }
    return {};
}

void ChecksController::reveal(const Finding &finding) {
    QWidget *widget = nullptr;
    const QTextCursor cursor = rangeCursor(finding, &widget);
    if (!widget)
        return;
    showTabOf(widget);
    widget->setFocus(Qt::OtherFocusReason);
    if (!cursor.isNull()) {
        setCursorOf(widget, cursor);
    } else if (auto *line = qobject_cast<QLineEdit *>(widget)) {
        if (finding.length > 0)
            line->setSelection(finding.start, finding.length);
        else
            line->selectAll();
    }
}

bool ChecksController::fix(const Finding &finding) {
    if (!finding.replacement || m_editor->isReadOnly()) // another desk holds the story
        return false;
    QWidget *widget = nullptr;
    QTextCursor cursor = rangeCursor(finding, &widget);
    if (!widget)
        return false;
    if (auto *line = qobject_cast<QLineEdit *>(widget)) {
        if (line->text().mid(finding.start, finding.length) != finding.matched)
            return false;
        line->setSelection(finding.start, finding.length);
        line->insert(*finding.replacement);
        return true;
    }
    if (cursor.isNull() || cursor.selectedText() != finding.matched)
        return false;
    cursor.insertText(*finding.replacement);
    return true;
}

bool ChecksController::eventFilter(QObject *watched, QEvent *event) {
    if (auto *line = qobject_cast<QLineEdit *>(watched)) {
        // Typing starts with the marks cleared (they would not move with the text) and ends with
        // the field checked again.
        if (event->type() == QEvent::FocusIn) {
            setLineFormats(line, {});
        } else if (event->type() == QEvent::FocusOut && m_underline) {
            setLineFormats(line, m_checker.speller().check(line->text()));
        } else if (event->type() == QEvent::ContextMenu) {
            auto *menuEvent = static_cast<QContextMenuEvent *>(event);
            QMenu *menu = line->createStandardContextMenu();
            prependActions(menu, spellingActions(line, line->cursorPositionAt(menuEvent->pos()), menu));
            menu->setAttribute(Qt::WA_DeleteOnClose);
            menu->popup(menuEvent->globalPos());
            return true;
        }
        return QObject::eventFilter(watched, event);
    }
    // The deck, the headline, a caption, alt text or a pull quote, or the viewport of one of them.
    auto *field = qobject_cast<QPlainTextEdit *>(watched);
    if (!field)
        field = qobject_cast<QPlainTextEdit *>(watched->parent());
    if (field && event->type() == QEvent::ContextMenu) {
        auto *menuEvent = static_cast<QContextMenuEvent *>(event);
        const QPoint at = watched == field ? field->viewport()->mapFrom(field, menuEvent->pos()) : menuEvent->pos();
        QMenu *menu = field->createStandardContextMenu(at);
        prependActions(menu, spellingActions(field, field->cursorForPosition(at), menu));
        menu->setAttribute(Qt::WA_DeleteOnClose);
        menu->popup(menuEvent->globalPos());
        return true;
    }
    return QObject::eventFilter(watched, event);
}

} // namespace galley
