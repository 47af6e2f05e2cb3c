#pragma once

#include <QMimeData>
#include <QWidget>

class QComboBox;

class QLineEdit;
class QListWidget;
class QBoxLayout;
class QPushButton;
class QTimer;

namespace galley {

class StoryLibrary;

/// The story list beside the editor: a search field (full-text over headline, deck, body, bylines,
/// slug, pictures' captions, credits and alt text, and pull quotes; Down moves into the results),
/// status and section filters, the matching stories newest first, and New / Duplicate / Delete
/// buttons. When a search or filter hides the story being edited, a note at the top says so.
/// Story files dropped on it are offered for import. It only reads the library; the
/// window decides what the buttons and drops do.
class StoryListPanel final : public QWidget {
    Q_OBJECT

public:
    /// Most stories the list shows at once; a note below them says to search for the others.
    static constexpr int MaxListedStories = 500;

    explicit StoryListPanel(StoryLibrary &library, QWidget *parent = nullptr);

    /// Lists the library again with the current search and filters, keeping the selection.
    void reload();
    /// As reload(), for another desk's change: keeps where the list is scrolled as well.
    void refresh();
    /// Selects @p id without emitting storySelected(); clears the filters if they hide it.
    void selectStory(const QString &id);
    QString selectedStoryId() const;
    /// Id of the first (newest) story listed, empty when the list is empty.
    QString firstStoryId() const;
    /// Whether the signed-in person may delete stories (a newsroom library's roles: producers
    /// only; StoryLibrary::permissions()). When not, Delete stays off and its tool tip says why.
    void setDeleteAllowed(bool allowed);

Q_SIGNALS:
    /// The user picked another story in the list.
    void storySelected(const QString &id);
    void newRequested();
    void duplicateRequested();
    void deleteRequested();
    /// Files or text were dropped on the list, to be imported as stories; @p mime is only valid
    /// during the call.
    void importDropped(const QMimeData *mime);

protected:
    /// Down in the search field moves into the results; Enter in the list opens the highlighted story.
    bool eventFilter(QObject *watched, QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void onCurrentRowChanged();
    void reloadSections();
    void fitButtons();

    StoryLibrary &m_library;
    QLineEdit *m_search;
    QComboBox *m_status;
    QComboBox *m_section;
    QListWidget *m_list;
    QPushButton *m_duplicate;
    QPushButton *m_delete;
    /// The row of buttons under the list with their labels, shown beside the icons when they fit.
    QList<std::pair<QPushButton *, QString>> m_buttonLabels;
    QBoxLayout *m_buttonRow = nullptr;
    int m_labelledWidth = 0; ///< the row's width with every label shown, in pixels
    QTimer *m_searchDelay;
    QString m_selectedId;
    bool m_quiet = false;
    bool m_deleteAllowed = true;
};

} // namespace galley
