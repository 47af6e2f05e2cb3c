#pragma once

#include "model/story.h"

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace galley {

/// The story's editor's notes: messages for the desk, never exported. Each thread is a note with
/// its replies indented under it, oldest first; each note shows its author, time (local) and text.
/// Anyone can add a note or reply to the selected one (as the user's name, see
/// Settings::Key::UserName); only the author of a note may delete it. Replies to a deleted note stay,
/// moved up to answer what it answered: nobody's note goes with someone else's.
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

    /// Adds the text in the box as a new note (a reply to the selected note when @p reply), signed
    /// with the user's name and the current time; nothing when the box is empty.
    void addNote(bool reply);
    /// Deletes the selected note when the user wrote it.
    void deleteSelected();

Q_SIGNALS:
    /// A note was added or deleted.
    void notesChanged();

private:
    void rebuild(const QString &selectId);
    QString selectedId() const;
    void updateButtons();

    QTreeWidget *m_tree;
    QLabel *m_empty;
    QLabel *m_signature;
    QPlainTextEdit *m_text;
    QPushButton *m_add;
    QPushButton *m_reply;
    QPushButton *m_delete;
    QList<EditorNote> m_notes;
    QString m_user;
};

} // namespace galley
