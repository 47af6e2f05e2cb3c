#include "notespanel.h"

#include <QHBoxLayout>
#include <QHash>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace galley {

namespace {

constexpr int NoteIdRole = Qt::UserRole + 1;

QString timeText(const QDateTime &time) {
    return time.isValid() ? QLocale().toString(time.toLocalTime(), u"d MMM, HH:mm"_qs) : QString();
}

} // namespace

NotesPanel::NotesPanel(QWidget *parent)
    : QWidget(parent)
    , m_tree(new QTreeWidget(this))
    , m_empty(
          new QLabel(tr("No notes yet. Notes are for the desk: they are never published or exported."), this))
    , m_signature(new QLabel(this))
    , m_text(new QPlainTextEdit(this))
    , m_add(new QPushButton(tr("&Add note"), this))
    , m_reply(new QPushButton(tr("&Reply"), this))
    , m_delete(new QPushButton(tr("Dele&te"), this)) {
    setObjectName(u"notesPanel"_qs);
    m_tree->setObjectName(u"notesTree"_qs);
    m_tree->setColumnCount(3);
    m_tree->setHeaderLabels({tr("Note"), tr("By"), tr("When")});
    m_tree->setWordWrap(true);
    m_tree->setUniformRowHeights(false);
    m_tree->setRootIsDecorated(false);
    m_tree->setIndentation(24);
    m_tree->setItemsExpandable(false);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_tree->header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_empty->setObjectName(u"notesEmptyLabel"_qs);
    m_empty->setWordWrap(true);
    m_empty->setStyleSheet(u"color: #5f6368;"_qs);
    m_text->setObjectName(u"noteTextEdit"_qs);
    m_text->setPlaceholderText(tr("A note for the desk: a query, a source to check, a legal flag…"));
    m_text->setTabChangesFocus(true);
    m_text->setFixedHeight(m_text->fontMetrics().lineSpacing() * 3 + 14);
    m_signature->setObjectName(u"noteSignatureLabel"_qs);
    m_signature->setStyleSheet(u"color: #5f6368;"_qs);
    m_add->setObjectName(u"addNoteButton"_qs);
    m_reply->setObjectName(u"replyNoteButton"_qs);
    m_delete->setObjectName(u"deleteNoteButton"_qs);
    m_reply->setToolTip(tr("Answer the selected note"));
    m_delete->setToolTip(tr("Delete the selected note (only your own)"));

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_reply);
    buttons->addWidget(m_signature);
    buttons->addStretch(1);
    buttons->addWidget(m_delete);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 8, 0, 0);
    layout->addWidget(m_tree, 1);
    layout->addWidget(m_empty);
    layout->addWidget(m_text);
    layout->addLayout(buttons);

    connect(m_add, &QPushButton::clicked, this, [this] { addNote(false); });
    connect(m_reply, &QPushButton::clicked, this, [this] { addNote(true); });
    connect(m_delete, &QPushButton::clicked, this, &NotesPanel::deleteSelected);
    connect(m_text, &QPlainTextEdit::textChanged, this, &NotesPanel::updateButtons);
    connect(m_tree, &QTreeWidget::currentItemChanged, this, &NotesPanel::updateButtons);
    rebuild({});
}

void NotesPanel::setNotes(const QList<EditorNote> &notes) {
    m_notes = notes;
    m_text->clear();
    rebuild({});
}

void NotesPanel::setUserName(const QString &name) {
    m_user = name.trimmed();
    m_signature->setText(m_user.isEmpty() ? QString() : tr("as %1").arg(m_user));
    updateButtons();
}

void NotesPanel::addNote(bool reply) {
    const QString text = m_text->toPlainText().trimmed();
    if (text.isEmpty() || (reply && selectedId().isEmpty()))
        return;
    EditorNote note;
    note.id = newId();
    note.author = m_user;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    note.time =
        QDateTime(now.date(), QTime(now.time().hour(), now.time().minute(), now.time().second()), Qt::UTC);
    note.text = text;
    note.replyTo = reply ? selectedId() : QString();
    m_notes.append(note);
    m_text->clear();
    rebuild(note.id);
    Q_EMIT notesChanged();
}

void NotesPanel::deleteSelected() {
    const QString id = selectedId();
    for (qsizetype i = 0; i < m_notes.size(); ++i) {
        if (m_notes.at(i).id != id)
            continue;
        if (m_notes.at(i).author != m_user || m_user.isEmpty())
            return;
        const EditorNote gone = m_notes.takeAt(i);
        for (EditorNote &note : m_notes)
            if (note.replyTo == gone.id)
                note.replyTo = gone.replyTo;
        rebuild(gone.replyTo);
        Q_EMIT notesChanged();
        return;
    }
}

void NotesPanel::rebuild(const QString &selectId) {
    m_tree->clear();
    QHash<QString, QTreeWidgetItem *> items;
    QHash<QString, qsizetype> index;
    for (qsizetype i = 0; i < m_notes.size(); ++i)
        index.insert(m_notes.at(i).id, i);
    // A reply is shown under the note it answers; a note answering nothing known starts a thread.
    // Notes come oldest first, so a parent is placed before its replies unless the list is odd;
    // placing in passes until nothing moves keeps any order working, and a loop of replies ends up
    // at the top level.
    QList<qsizetype> pending;
    for (qsizetype i = 0; i < m_notes.size(); ++i)
        pending.append(i);
    bool stuck = false;
    while (!pending.isEmpty()) {
        QList<qsizetype> later;
        for (qsizetype i : std::as_const(pending)) {
            const EditorNote &note = m_notes.at(i);
            QTreeWidgetItem *parent = items.value(note.replyTo);
            const bool known = index.contains(note.replyTo) && note.replyTo != note.id;
            if (known && !parent && !stuck) {
                later.append(i);
                continue;
            }
            auto *item = parent ? new QTreeWidgetItem(parent) : new QTreeWidgetItem(m_tree);
            item->setText(0, note.text);
            item->setText(1, note.author.isEmpty() ? tr("Unknown") : note.author);
            item->setText(2, timeText(note.time));
            item->setData(0, NoteIdRole, note.id);
            item->setToolTip(0, note.text);
            items.insert(note.id, item);
        }
        stuck = later.size() == pending.size();
        pending = later;
    }
    m_tree->expandAll();
    if (QTreeWidgetItem *item = items.value(selectId))
        m_tree->setCurrentItem(item);
    m_tree->setVisible(!m_notes.isEmpty());
    m_empty->setVisible(m_notes.isEmpty());
    updateButtons();
}

QString NotesPanel::selectedId() const {
    const QTreeWidgetItem *item = m_tree->currentItem();
    return item ? item->data(0, NoteIdRole).toString() : QString();
}

void NotesPanel::updateButtons() {
    const bool text = !m_text->toPlainText().trimmed().isEmpty();
    const QString id = selectedId();
    m_add->setEnabled(text);
    m_reply->setEnabled(text && !id.isEmpty());
    bool own = false;
    for (const EditorNote &note : std::as_const(m_notes))
        if (note.id == id)
            own = !m_user.isEmpty() && note.author == m_user;
    m_delete->setEnabled(own);
}

} // namespace galley
