#include "notespanel.h"

#include "panelrow.h"

#include <QHBoxLayout>
#include <QHash>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QToolButton>
#include <QVBoxLayout>

namespace galley {

namespace {

// Indent of each reply level, in pixels; deeper threads stop indenting so text keeps its width.
constexpr int ReplyIndent = 22;
constexpr int MaxIndentDepth = 4;

QString timeText(const QDateTime &time) {
    return time.isValid() ? QLocale().toString(time.toLocalTime(), u"d MMM, HH:mm"_qs) : QString();
}

QToolButton *linkButton(const QString &text, const QString &name, QWidget *parent) {
    auto *button = new QToolButton(parent);
    button->setObjectName(name);
    button->setText(text);
    button->setAutoRaise(true);
    button->setCursor(Qt::PointingHandCursor);
    return button;
}

} // namespace

NotesPanel::NotesPanel(QWidget *parent)
    : QWidget(parent)
    , m_cards(new QVBoxLayout)
    , m_empty(
          new QLabel(tr("No notes yet. Notes are for the desk: they are never published or exported."), this))
    , m_replying(new QLabel(this))
    , m_cancelReply(linkButton(tr("Cancel reply"), u"cancelReplyButton"_qs, this))
    , m_text(new QPlainTextEdit(this))
    , m_send(new QPushButton(tr("&Add note"), this))
    , m_signature(new QLabel(this)) {
    setObjectName(u"notesPanel"_qs);
    m_empty->setObjectName(u"notesEmptyLabel"_qs);
    m_replying->setObjectName(u"replyingLabel"_qs);
    m_replying->setStyleSheet(u"color: #5f6368;"_qs);
    m_text->setObjectName(u"noteTextEdit"_qs);
    m_text->setPlaceholderText(tr("A note for the desk: a query, a source to check, a legal flag…"));
    m_text->setTabChangesFocus(true);
    m_text->setFixedHeight(m_text->fontMetrics().lineSpacing() * 3 + 14);
    m_send->setObjectName(u"addNoteButton"_qs);
    m_signature->setObjectName(u"noteSignatureLabel"_qs);
    m_signature->setStyleSheet(u"color: #5f6368;"_qs);

    auto *replyRow = new QHBoxLayout;
    replyRow->addWidget(m_replying, 1);
    replyRow->addWidget(m_cancelReply);
    auto *sendRow = new QHBoxLayout;
    sendRow->addWidget(m_send);
    sendRow->addWidget(m_signature, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 8, 0, 0);
    layout->addWidget(PanelRow::listArea(m_empty, m_cards, this), 1);
    layout->addLayout(replyRow);
    layout->addWidget(m_text);
    layout->addLayout(sendRow);

    connect(m_send, &QPushButton::clicked, this, &NotesPanel::addNote);
    connect(m_cancelReply, &QToolButton::clicked, this, &NotesPanel::cancelReply);
    connect(m_text, &QPlainTextEdit::textChanged, this, &NotesPanel::updateComposer);
    rebuild();
}

void NotesPanel::setNotes(const QList<EditorNote> &notes) {
    m_notes = notes;
    m_replyTo.clear();
    m_text->clear();
    rebuild();
}

void NotesPanel::setUserName(const QString &name) {
    m_user = name.trimmed();
    rebuild();
}

void NotesPanel::startReply(const QString &id) {
    m_replyTo = id;
    updateComposer();
    m_text->setFocus(Qt::OtherFocusReason);
}

void NotesPanel::cancelReply() {
    m_replyTo.clear();
    updateComposer();
}

void NotesPanel::addNote() {
    const QString text = m_text->toPlainText().trimmed();
    if (text.isEmpty())
        return;
    EditorNote note;
    note.id = newId();
    note.author = m_user;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    note.time =
        QDateTime(now.date(), QTime(now.time().hour(), now.time().minute(), now.time().second()), Qt::UTC);
    note.text = text;
    note.replyTo = m_replyTo;
    m_notes.append(note);
    m_replyTo.clear();
    m_text->clear();
    rebuild();
    Q_EMIT notesChanged();
}

void NotesPanel::deleteNote(const QString &id) {
    for (qsizetype i = 0; i < m_notes.size(); ++i) {
        if (m_notes.at(i).id != id)
            continue;
        if (m_user.isEmpty() || m_notes.at(i).author != m_user)
            return;
        const EditorNote gone = m_notes.takeAt(i);
        for (EditorNote &note : m_notes)
            if (note.replyTo == gone.id)
                note.replyTo = gone.replyTo;
        if (m_replyTo == gone.id)
            m_replyTo.clear();
        rebuild();
        Q_EMIT notesChanged();
        return;
    }
}

QWidget *NotesPanel::makeCard(const EditorNote &note, int depth) {
    auto *card = new QFrame;
    card->setObjectName(u"note:"_qs + note.id);
    card->setFrameShape(QFrame::NoFrame);
    auto *author = new QLabel(u"<b>%1</b>&nbsp;&nbsp;<span style=\"color:#5f6368\">%2</span>"_qs.arg(
                                  (note.author.isEmpty() ? tr("Unknown") : note.author).toHtmlEscaped(),
                                  timeText(note.time).toHtmlEscaped()),
                              card);
    author->setObjectName(u"noteAuthor"_qs);
    auto *text = new QLabel(note.text, card);
    text->setObjectName(u"noteText"_qs);
    text->setTextFormat(Qt::PlainText);
    text->setWordWrap(true);
    text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *reply = linkButton(tr("Reply"), u"replyNoteButton"_qs, card);
    connect(reply, &QToolButton::clicked, this, [this, id = note.id] { startReply(id); });
    auto *header = new QHBoxLayout;
    header->addWidget(author, 1);
    header->addWidget(reply);
    if (!m_user.isEmpty() && note.author == m_user) {
        auto *remove = linkButton(tr("Delete"), u"deleteNoteButton"_qs, card);
        connect(remove, &QToolButton::clicked, this, [this, id = note.id] { deleteNote(id); });
        header->addWidget(remove);
    }
    auto *layout = new QVBoxLayout(card);
    layout->setContentsMargins(2, 2, 2, 6);
    layout->setSpacing(0);
    layout->addLayout(header);
    layout->addWidget(text);

    auto *indented = new QWidget;
    auto *row = new QHBoxLayout(indented);
    row->setContentsMargins(std::min(depth, MaxIndentDepth) * ReplyIndent, 0, 0, 0);
    // Replies hang under their note behind a thin rule, as mail clients thread them.
    if (depth > 0) {
        auto *rule = new QFrame(indented);
        rule->setFrameShape(QFrame::VLine);
        rule->setFrameShadow(QFrame::Plain);
        rule->setStyleSheet(u"color: #c4c7c5;"_qs);
        row->addWidget(rule);
    }
    row->addWidget(card);
    return indented;
}

void NotesPanel::rebuild() {
    PanelRow::clearRows(m_cards);
    QHash<QString, QList<qsizetype>> replies;
    QList<qsizetype> threads;
    QHash<QString, qsizetype> index;
    for (qsizetype i = 0; i < m_notes.size(); ++i)
        index.insert(m_notes.at(i).id, i);
    for (qsizetype i = 0; i < m_notes.size(); ++i) {
        const QString &to = m_notes.at(i).replyTo;
        // A reply to a note that is not there (or to itself) starts a thread of its own.
        if (to.isEmpty() || to == m_notes.at(i).id || !index.contains(to))
            threads.append(i);
        else
            replies[to].append(i);
    }
    QList<bool> shown(m_notes.size(), false);
    const auto show = [&](auto &&self, qsizetype i, int depth) -> void {
        if (shown[i])
            return; // a loop of replies: each note once
        shown[i] = true;
        m_cards->addWidget(makeCard(m_notes.at(i), depth));
        for (qsizetype reply : replies.value(m_notes.at(i).id))
            self(self, reply, depth + 1);
    };
    for (qsizetype i : std::as_const(threads))
        show(show, i, 0);
    for (qsizetype i = 0; i < m_notes.size(); ++i)
        show(show, i, 0);
    m_empty->setVisible(m_notes.isEmpty());
    m_signature->setText(m_user.isEmpty() ? QString() : tr("signed %1").arg(m_user));
    updateComposer();
}

void NotesPanel::updateComposer() {
    QString to;
    for (const EditorNote &note : std::as_const(m_notes))
        if (note.id == m_replyTo)
            to = note.author.isEmpty() ? tr("Unknown") : note.author;
    if (to.isEmpty())
        m_replyTo.clear();
    m_replying->setText(to.isEmpty() ? QString() : tr("Replying to %1").arg(to));
    m_replying->setVisible(!m_replyTo.isEmpty());
    m_cancelReply->setVisible(!m_replyTo.isEmpty());
    m_send->setText(m_replyTo.isEmpty() ? tr("&Add note") : tr("Send &reply"));
    m_send->setEnabled(!m_text->toPlainText().trimmed().isEmpty());
}

} // namespace galley
