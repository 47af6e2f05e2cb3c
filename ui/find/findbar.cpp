#include "findbar.h"

#include <QAction>
#include <QCheckBox>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextEdit>
#include <QToolButton>
#include <QVBoxLayout>

namespace galley {

namespace {

QTextDocument *documentOf(QWidget *field) {
    if (auto *rich = qobject_cast<QTextEdit *>(field))
        return rich->document();
    if (auto *plain = qobject_cast<QPlainTextEdit *>(field))
        return plain->document();
    return nullptr;
}

QTextCursor cursorOf(QWidget *field) {
    if (auto *rich = qobject_cast<QTextEdit *>(field))
        return rich->textCursor();
    return qobject_cast<QPlainTextEdit *>(field)->textCursor();
}

void setCursorOf(QWidget *field, const QTextCursor &cursor) {
    if (auto *rich = qobject_cast<QTextEdit *>(field)) {
        rich->setTextCursor(cursor);
        rich->ensureCursorVisible();
    } else if (auto *plain = qobject_cast<QPlainTextEdit *>(field)) {
        plain->setTextCursor(cursor);
        plain->ensureCursorVisible();
    }
}

} // namespace

FindBar::FindBar(QWidget *editor, QTabWidget *tabs, QWidget *parent)
    : QWidget(parent)
    , m_editor(editor)
    , m_tabs(tabs)
    , m_find(new QLineEdit(this))
    , m_replace(new QLineEdit(this))
    , m_case(new QCheckBox(tr("Match case"), this))
    , m_words(new QCheckBox(tr("Whole words"), this))
    , m_count(new QLabel(this))
    , m_replaceRow(new QWidget(this)) {
    setObjectName(u"findBar"_qs);
    m_find->setObjectName(u"findEdit"_qs);
    m_find->setPlaceholderText(tr("Find in this story"));
    m_find->setClearButtonEnabled(true);
    m_replace->setObjectName(u"replaceEdit"_qs);
    m_replace->setPlaceholderText(tr("Replace with"));
    m_case->setObjectName(u"findMatchCase"_qs);
    m_words->setObjectName(u"findWholeWords"_qs);
    m_count->setObjectName(u"findCount"_qs);
    m_count->setMinimumWidth(m_count->fontMetrics().horizontalAdvance(u"999 of 999"_qs));

    auto *previous = new QPushButton(tr("Previous"), this);
    previous->setObjectName(u"findPreviousButton"_qs);
    auto *next = new QPushButton(tr("Next"), this);
    next->setObjectName(u"findNextButton"_qs);
    auto *close = new QToolButton(this);
    close->setObjectName(u"findCloseButton"_qs);
    close->setText(u"✕"_qs);
    close->setToolTip(tr("Close the find bar (Esc)"));
    close->setAutoRaise(true);
    auto *replaceOneButton = new QPushButton(tr("Replace"), m_replaceRow);
    replaceOneButton->setObjectName(u"replaceButton"_qs);
    auto *replaceAllButton = new QPushButton(tr("Replace all"), m_replaceRow);
    replaceAllButton->setObjectName(u"replaceAllButton"_qs);
    for (QPushButton *button : {previous, next, replaceOneButton, replaceAllButton})
        button->setAutoDefault(false);

    auto *findRow = new QHBoxLayout;
    findRow->setContentsMargins(0, 0, 0, 0);
    findRow->addWidget(m_find, 1);
    findRow->addWidget(m_count);
    findRow->addWidget(previous);
    findRow->addWidget(next);
    findRow->addWidget(m_case);
    findRow->addWidget(m_words);
    findRow->addWidget(close);
    auto *replaceRow = new QHBoxLayout(m_replaceRow);
    replaceRow->setContentsMargins(0, 0, 0, 0);
    replaceRow->addWidget(m_replace, 1);
    replaceRow->addWidget(replaceOneButton);
    replaceRow->addWidget(replaceAllButton);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addLayout(findRow);
    layout->addWidget(m_replaceRow);

    connect(m_find, &QLineEdit::textChanged, this, [this] {
        m_current = -1;
        findNext();
    });
    connect(m_case, &QCheckBox::toggled, this, &FindBar::refresh);
    connect(m_words, &QCheckBox::toggled, this, &FindBar::refresh);
    connect(next, &QPushButton::clicked, this, [this] { findNext(false); });
    connect(previous, &QPushButton::clicked, this, [this] { findNext(true); });
    connect(replaceOneButton, &QPushButton::clicked, this, &FindBar::replaceOne);
    connect(replaceAllButton, &QPushButton::clicked, this, &FindBar::replaceAll);
    connect(close, &QToolButton::clicked, this, &QWidget::hide);
    m_find->installEventFilter(this);
    m_replace->installEventFilter(this);

    auto *find = new QAction(tr("&Find in story…"), this);
    find->setObjectName(u"findInStoryAction"_qs);
    find->setShortcut(QKeySequence::Find);
    connect(find, &QAction::triggered, this, [this] { open(false); });
    auto *replace = new QAction(tr("R&eplace in story…"), this);
    replace->setObjectName(u"replaceInStoryAction"_qs);
    replace->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_H));
    connect(replace, &QAction::triggered, this, [this] { open(true); });
    auto *findNextAction = new QAction(tr("Find &next"), this);
    findNextAction->setObjectName(u"findNextAction"_qs);
    findNextAction->setShortcut(QKeySequence(Qt::Key_F3));
    connect(findNextAction, &QAction::triggered, this, [this] { findNext(false); });
    auto *findPrevious = new QAction(tr("Find &previous"), this);
    findPrevious->setObjectName(u"findPreviousAction"_qs);
    findPrevious->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F3));
    connect(findPrevious, &QAction::triggered, this, [this] { findNext(true); });
    m_actions = {find, replace, findNextAction, findPrevious};
    hide();
}

void FindBar::open(bool replace) {
    m_replaceRow->setVisible(replace);
    show();
    m_find->setFocus(Qt::ShortcutFocusReason);
    m_find->selectAll();
    refresh();
}

FindOptions FindBar::options() const {
    return FindOptions{m_case->isChecked(), m_words->isChecked()};
}

QList<QWidget *> FindBar::fields() const {
    QList<QWidget *> out;
    const auto add = [&](const QString &name) {
        auto *field = m_editor->findChild<QWidget *>(name);
        if (field)
            out.append(field);
        return field != nullptr;
    };
    for (const QString &name : {u"headlineEdit"_qs, u"deckEdit"_qs, u"bylineEdit"_qs, u"datelineEdit"_qs,
                                u"bodyEditor"_qs})
        add(name);
    for (int i = 0; add(u"pullQuoteText%1"_qs.arg(i)); ++i)
        add(u"pullQuoteAttribution%1"_qs.arg(i));
    for (int i = 0; add(u"imageCaption%1"_qs.arg(i)); ++i) {
        add(u"imageCredit%1"_qs.arg(i));
        add(u"imageAlt%1"_qs.arg(i));
    }
    return out;
}

QList<FindBar::Match> FindBar::matches() const {
    QList<Match> out;
    const QString needle = m_find->text();
    if (needle.isEmpty())
        return out;
    for (QWidget *field : fields()) {
        if (auto *line = qobject_cast<QLineEdit *>(field)) {
            for (const TextMatch &m : findInText(line->text(), needle, options()))
                out.append(Match{field, int(m.start), int(m.length)});
        } else if (QTextDocument *document = documentOf(field)) {
            // Matches stay inside a paragraph, as the story's text does.
            for (QTextBlock block = document->begin(); block.isValid(); block = block.next())
                for (const TextMatch &m : findInText(block.text(), needle, options()))
                    out.append(Match{field, block.position() + int(m.start), int(m.length)});
        }
    }
    return out;
}

bool FindBar::isSelected(const Match &match) const {
    if (!match.field)
        return false;
    if (auto *line = qobject_cast<QLineEdit *>(match.field.data()))
        return line->selectionStart() == match.start && line->selectedText().size() == match.length;
    const QTextCursor cursor = cursorOf(match.field);
    return cursor.selectionStart() == match.start && cursor.selectionEnd() == match.start + match.length;
}

void FindBar::select(const Match &match) {
    // Only the current match shows selected: the field of the previous one lets go of it.
    if (m_selected && m_selected != match.field) {
        if (auto *line = qobject_cast<QLineEdit *>(m_selected.data())) {
            line->deselect();
        } else if (documentOf(m_selected)) {
            QTextCursor cursor = cursorOf(m_selected);
            cursor.clearSelection();
            setCursorOf(m_selected, cursor);
        }
    }
    m_selected = match.field;
    for (int i = 0; i < m_tabs->count(); ++i)
        if (m_tabs->widget(i)->isAncestorOf(match.field))
            m_tabs->setCurrentIndex(i);
    if (auto *line = qobject_cast<QLineEdit *>(match.field.data())) {
        line->setSelection(match.start, match.length);
        return;
    }
    QTextCursor cursor(documentOf(match.field));
    cursor.setPosition(match.start);
    cursor.setPosition(match.start + match.length, QTextCursor::KeepAnchor);
    setCursorOf(match.field, cursor);
}

void FindBar::findNext(bool backwards) {
    const QList<Match> all = matches();
    if (all.isEmpty()) {
        m_current = -1;
        refresh();
        return;
    }
    int at = -1;
    if (m_current >= 0 && m_current < all.size() && isSelected(all.at(m_current)))
        at = m_current;
    if (at < 0)
        m_current = backwards ? int(all.size()) - 1 : 0;
    else
        m_current = int((at + (backwards ? all.size() - 1 : 1)) % all.size());
    select(all.at(m_current));
    refresh();
}

void FindBar::replaceIn(const Match &match, const QString &with) {
    if (auto *line = qobject_cast<QLineEdit *>(match.field.data())) {
        line->setSelection(match.start, match.length);
        line->insert(with);
        return;
    }
    QTextCursor cursor(documentOf(match.field));
    cursor.setPosition(match.start);
    cursor.setPosition(match.start + match.length, QTextCursor::KeepAnchor);
    cursor.insertText(with, cursor.charFormat());
}

void FindBar::replaceOne() {
    QList<Match> all = matches();
    if (m_current < 0 || m_current >= all.size() || !isSelected(all.at(m_current))) {
        findNext();
        return;
    }
    const int at = m_current;
    replaceIn(all.at(at), m_replace->text());
    all = matches();
    if (all.isEmpty()) {
        m_current = -1;
    } else {
        // The next match is now at the replaced one's index (unless the new words match too).
        m_current = at < all.size() ? at : 0;
        select(all.at(m_current));
    }
    refresh();
}

int FindBar::replaceAll() {
    const QString needle = m_find->text();
    const QString with = m_replace->text();
    int total = 0;
    for (QWidget *field : fields()) {
        if (auto *line = qobject_cast<QLineEdit *>(field)) {
            int count = 0;
            const QString replaced = replacedInText(line->text(), needle, with, options(), &count);
            if (count == 0)
                continue;
            // One undo step per field: the whole text replaced at once.
            line->selectAll();
            line->insert(replaced);
            total += count;
            continue;
        }
        QTextDocument *document = documentOf(field);
        if (!document)
            continue;
        QList<Match> inField;
        for (QTextBlock block = document->begin(); block.isValid(); block = block.next())
            for (const TextMatch &m : findInText(block.text(), needle, options()))
                inField.append(Match{field, block.position() + int(m.start), int(m.length)});
        if (inField.isEmpty())
            continue;
        QTextCursor cursor(document);
        cursor.beginEditBlock(); // one Undo takes back every replacement in this field
        for (qsizetype i = inField.size() - 1; i >= 0; --i)
            replaceIn(inField.at(i), with);
        cursor.endEditBlock();
        total += int(inField.size());
    }
    m_current = -1;
    refresh();
    if (total > 0)
        m_count->setText(total == 1 ? tr("1 replaced") : tr("%1 replaced").arg(total));
    return total;
}

QString FindBar::countText() const {
    return m_count->text();
}

void FindBar::refresh() {
    const QList<Match> all = matches();
    if (m_find->text().isEmpty())
        m_count->clear();
    else if (all.isEmpty())
        m_count->setText(tr("No matches"));
    else if (m_current >= 0 && m_current < all.size() && isSelected(all.at(m_current)))
        m_count->setText(tr("%1 of %2").arg(m_current + 1).arg(all.size()));
    else
        m_count->setText(all.size() == 1 ? tr("1 match") : tr("%1 matches").arg(all.size()));
}

bool FindBar::eventFilter(QObject *watched, QEvent *event) {
    if (event->type() != QEvent::KeyPress)
        return false;
    auto *key = static_cast<QKeyEvent *>(event);
    if (key->key() == Qt::Key_Escape) {
        hide();
        return true;
    }
    if (key->key() != Qt::Key_Return && key->key() != Qt::Key_Enter)
        return false;
    if (watched == m_replace)
        replaceOne();
    else
        findNext(key->modifiers() & Qt::ShiftModifier);
    return true;
}

} // namespace galley
