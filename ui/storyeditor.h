#pragma once

#include "model/story.h"

#include <QHash>
#include <QWidget>

#include <functional>

class QLabel;
class QTabWidget;
class QTimer;

namespace galley {

class BodyEditor;
class FindBar;
class ImagePanel;
class MetadataPanel;
class NotesPanel;
class PullQuotePanel;
class StoryForm;

/// Everything about one story a reporter edits: the header form (under an "Embargoed until …"
/// warning while the story is embargoed), and tabs for the body (with its formatting toolbar),
/// pull quotes, pictures, the wire metadata and the editor's notes. Keeps an up-to-date Story of what is on
/// screen; when body blocks go away, pull quotes and pictures move with Story::replaceBody().
///
/// Typing inside one paragraph or subhead re-reads only that block (QTextDocument::contentsChange
/// says where the edit was), so a keystroke costs the same in a 100,000-word story as in a short
/// one; any edit that adds, removes or regroups blocks re-reads the whole document.
class StoryEditor final : public QWidget {
    Q_OBJECT

public:
    explicit StoryEditor(QWidget *parent = nullptr);

    void setSlugChecker(std::function<bool(const QString &slug)> isTaken);
    void setSections(const QStringList &sections);

    /// Shows @p story; emits nothing.
    void setStory(const Story &story);
    /// The story as it stands on screen (id, created time and the like from the last setStory()).
    const Story &story() const { return m_story; }
    /// After a save: takes the library's slug and update time without touching what is typed.
    void markSaved(const Story &saved);

    /// Story::wordCount() of story(), kept up to date block by block.
    int wordCount() const { return m_wordCount; }
    /// Read-only (another desk holds the story's edit lock): every field of the form, the body, pull
    /// quotes, pictures, metadata and notes can be read, selected and copied but not changed; tabs
    /// still switch. Kept across setStory(). Emits nothing.
    void setReadOnly(bool readOnly);
    bool isReadOnly() const { return m_readOnly; }

    /// Id of the body block the text cursor is in (empty in an empty line).
    QString currentBlockId() const;
    /// Shows the Body tab, puts the text cursor at the start of block @p blockId and gives the
    /// body the focus; false when there is no such block.
    bool revealBlock(const QString &blockId);

    BodyEditor *bodyEditor() const { return m_body; }
    StoryForm *form() const { return m_form; }
    /// The find and replace bar under the form (hidden until Ctrl+F or Ctrl+H).
    FindBar *findBar() const { return m_findBar; }
    MetadataPanel *metadataPanel() const { return m_metadata; }
    ImagePanel *imagePanel() const { return m_images; }
    NotesPanel *notesPanel() const { return m_notes; }

Q_SIGNALS:
    /// The user changed something in the story.
    void edited();
    /// The Notes panel's title changed with the number of notes: "Notes", "Notes (3)".
    void notesTitleChanged(const QString &title);

private:
    void onFormEdited();
    void onBodyChanged();
    void onContentsChange(int position, int removed, int added);
    /// Re-reads the one block the last edit touched; false when the edit was not that simple.
    bool syncEditedBlock();
    void syncWholeBody();
    void indexBody();
    /// Gives the pull quote and picture panels the current body (their placement menus).
    void refreshPlacements();
    /// refreshPlacements() now if typing left it waiting.
    void flushPlacements();
    void onQuotesChanged();
    void onImagesChanged();
    void updateTabTitles();
    // The metadata tab, the notes panel and the embargo warning (storyeditorpanels.cpp).
    void addMetadataAndNotes();
    void showMetadataAndNotes();
    void onMetadataEdited();
    void onNotesChanged();
    void updateEmbargoWarning();

    StoryForm *m_form;
    FindBar *m_findBar = nullptr;
    BodyEditor *m_body;
    PullQuotePanel *m_quotes;
    ImagePanel *m_images;
    MetadataPanel *m_metadata;
    NotesPanel *m_notes;
    QLabel *m_embargo;
    QTabWidget *m_tabs;
    QTimer *m_placementRefresh;
    Story m_story;
    QHash<QString, qsizetype> m_blockIndex; ///< body block id -> index in m_story.body
    int m_wordCount = 0;
    int m_textBlockCount = 0; ///< QTextDocument::blockCount() when m_story.body was last read whole
    int m_changeStart = 0;    ///< document range of the edits since the last read
    int m_changeEnd = 0;
    int m_changes = 0; ///< contentsChange signals since the last read
    bool m_loading = false;
    bool m_readOnly = false;
    /// Sets the read-only state of every field now in the editor (rows added later included).
    void applyReadOnly();
};

} // namespace galley
