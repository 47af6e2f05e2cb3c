#pragma once

#include "model/story.h"

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QToolButton;
class QVBoxLayout;

namespace galley {

/// The story's editor's notes: messages for the desk, never exported. Threads read top to bottom,
/// oldest first; each note shows its author, local time and text, and its replies indented under
/// it. Anyone can add a note or answer one (Reply on the note, then Send), signed with the user's
/// name (Settings::Key::UserName); only a note's author sees Delete on it. Replies to a deleted
/// note stay, moved up to answer what it answered: nobody's note goes with someone else's.
class NotesPanel final : public QWidget {
    Q_OBJECT

public:
    explicit NotesPanel(QWidget *parent = nullptr);

    /// Shows @p notes; emits nothing.
    void setNotes(const QList<EditorNote> &notes);
    QList<EditorNote> notes() const { return m_notes; }

    /// Whose notes new ones are and which ones may be deleted.
    void setUserName(const QString &name);
    QString userName() const { return m_user; }

    /// Makes the next note a reply to note @p id (the box says so until sent or cancelled).
    void startReply(const QString &id);
    void cancelReply();
    /// Adds the text in the box as a note (a reply when startReply() was called), signed with the
    /// user's name and the current time; nothing when the box is empty.
    void addNote();
    /// Deletes note @p id when the user wrote it.
    void deleteNote(const QString &id);

Q_SIGNALS:
    /// A note was added or deleted.
    void notesChanged();

private:
    void rebuild();
    QWidget *makeCard(const EditorNote &note, int depth);
    void updateComposer();

    QVBoxLayout *m_cards;
    QLabel *m_empty;
    QLabel *m_replying;
    QToolButton *m_cancelReply;
    QPlainTextEdit *m_text;
    QPushButton *m_send;
    QLabel *m_signature;
    QList<EditorNote> m_notes;
    QString m_user;
    QString m_replyTo;
};

} // namespace galley
