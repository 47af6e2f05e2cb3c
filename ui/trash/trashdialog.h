#pragma once

#include <QDialog>

class QListWidget;
class QPushButton;

namespace galley {

class StoryLibrary;

/// View › Trash: the stories deleted in the last StoryLibrary::TrashKeepDays days, most recently
/// deleted first, each with its headline, slug and when it was deleted. Restore brings the selected
/// story back (and emits restored()); Empty Trash deletes them all for good after asking.
class TrashDialog final : public QDialog {
    Q_OBJECT

public:
    /// @p library must be open and outlive the dialog.
    explicit TrashDialog(StoryLibrary &library, QWidget *parent = nullptr);

    /// Reads the Trash again.
    void reload();

Q_SIGNALS:
    /// Story @p id is back in the library.
    void restored(const QString &id);

private:
    void restoreSelected();
    void emptyTrash();

    StoryLibrary &m_library;
    QListWidget *m_list;
    QPushButton *m_restore;
    QPushButton *m_empty;
};

} // namespace galley
