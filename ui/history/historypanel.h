#pragma once

#include "history/revisiondiff.h"
#include "storage/revisions.h"

#include <QJsonArray>
#include <QWidget>

#include <optional>

class QCheckBox;
class QLabel;
class QListWidget;
class QPushButton;
class QTextBrowser;

namespace galley {

class StoryLibrary;

/// The History panel (issue 9): the revisions of the story on screen, newest first, and the
/// word-level tracked changes between the two chosen ones (by default the newest and the one
/// before; select any two in the list to compare them, the older one is always the "from").
///
/// Every changed field is a heading with its text, deleted words struck on red, inserted ones on
/// green. When the newer of the two is the newest revision, each change has a "revert" link that
/// takes that change back, and Revert all takes them all back; either saves a new revision (kind
/// Revert). Restore brings the older of the two back whole as a new revision. Nothing is ever
/// overwritten. "Show in preview" lays the same marks over the preview's page.
///
/// The panel reads and writes the library itself; the window saves the story on screen before
/// the panel changes it (aboutToChange()) and shows it again afterwards (storyChanged()).
class HistoryPanel final : public QWidget {
    Q_OBJECT

public:
    /// @p library must be open and outlive the panel.
    explicit HistoryPanel(StoryLibrary &library, QWidget *parent = nullptr);

    /// Shows the history of story @p id (empty: none) and compares its newest two revisions.
    void setStory(const QString &id);
    QString storyId() const { return m_storyId; }
    /// Reads the list again (after a save) and keeps the comparison with the newest revision.
    void refresh();
    /// Compares revision @p older with revision @p newer (numbers); false when either is missing.
    bool compare(int older, int newer);
    int olderRevision() const { return m_older; }
    int newerRevision() const { return m_newer; }
    /// The comparison shown.
    const RevisionDiff &diff() const { return m_diff; }
    /// The marks of the comparison for the preview (previewChangeMarks()) when "Show in preview"
    /// is on, else an empty array.
    QJsonArray previewMarks() const;
    bool showsInPreview() const;
    void setShowInPreview(bool on);

    /// Takes back hunk @p hunk of field @p field (-1: the whole field) of the comparison, saved as
    /// a new revision. False (with a message box unless @p quiet) when the comparison does not end
    /// at the newest revision or the save fails.
    bool revertChange(qsizetype field, qsizetype hunk, bool quiet = false);
    /// Takes back every change of the comparison as one new revision.
    bool revertAll(bool quiet = false);
    /// Brings the older revision of the comparison back as a new revision.
    bool restoreOlder(bool quiet = false);

    /// The user name revisions the panel writes are signed with.
    void setUserName(const QString &name) { m_user = name; }

Q_SIGNALS:
    /// The panel is about to write a revision of @p storyId: the window saves what is on screen.
    /// Set @p ok to false to stop (the save failed).
    void aboutToChange(const QString &storyId, bool *ok);
    /// The panel wrote a revision of @p storyId: the window shows the story again.
    void storyChanged(const QString &storyId);
    /// The marks for the preview changed (another comparison, or "Show in preview" switched).
    void previewMarksChanged();

private:
    void onSelectionChanged();
    void onLink(const QUrl &url);
    void render();
    bool writeRevision(Story story, RevisionKind kind, const QString &summary, bool quiet);
    void showError(const QString &title, const QString &message, bool quiet);

    StoryLibrary &m_library;
    QString m_storyId;
    QString m_user;
    QList<RevisionInfo> m_revisions;
    int m_older = 0;
    int m_newer = 0;
    std::optional<Story> m_olderStory;
    std::optional<Story> m_newerStory;
    RevisionDiff m_diff;
    bool m_selecting = false;

    QLabel *m_title;
    QListWidget *m_list;
    QLabel *m_comparing;
    QTextBrowser *m_view;
    QCheckBox *m_inPreview;
    QPushButton *m_revertAll;
    QPushButton *m_restore;
};

} // namespace galley
