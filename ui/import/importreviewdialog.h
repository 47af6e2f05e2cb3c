#pragma once

#include "import/importer.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QPlainTextEdit;
class QTreeWidget;
class QTreeWidgetItem;

namespace galley {

/// The review an editor sees before an imported story is accepted: every change of the import
/// report (removed lines, split words, recognised headline, captions, pull quotes, ...) grouped by
/// kind, each with a checkbox, ticked by default, beside a plain-text preview of the story those
/// ticks give. Unticking a change undoes it (ImportResult::story(accepted)); nothing is saved here.
class ImportReviewDialog final : public QDialog {
    Q_OBJECT

public:
    /// Lists the changes of @p result, all ticked, and previews the story they give.
    explicit ImportReviewDialog(const ImportResult &result, QWidget *parent = nullptr);
    Q_DISABLE_COPY_MOVE(ImportReviewDialog)

    /// One entry per report change, in report order: true when ticked.
    QList<bool> acceptedChanges() const;
    /// Ticks or unticks change @p index of the report (for keyboard users' "Tick all" and tests).
    void setChangeAccepted(int index, bool accepted);
    /// The story the current ticks give.
    Story acceptedStory() const;

    /// Offers the import as a later version of @p existing, the library's story with the same wire
    /// id (or agency and slug): the buttons become "Update “<headline>”" (the default) and "Import as a
    /// new story", and the summary says that updating replaces the older text.
    void offerUpdate(const Story &existing);
    /// True when the editor chose to update the story offerUpdate() named.
    bool updateChosen() const { return m_updateChosen; }
    /// What accepting gives: the accepted story, or, when updateChosen(), the existing story updated
    /// with it (laterVersion()).
    Story resultStory() const;

private:
    void fill();
    void refreshPreview();
    void setAll(bool accepted);
    QTreeWidgetItem *itemForChange(int index) const;

    ImportResult m_result;
    std::optional<Story> m_existing;
    bool m_updateChosen = false;
    QDialogButtonBox *m_buttons = nullptr;
    QTreeWidget *m_changes = nullptr;
    QPlainTextEdit *m_preview = nullptr;
    QLabel *m_summary = nullptr;
};

/// The story a review dialog over @p result gives when the editor accepts it, or nullopt when they
/// cancel. With @p existing (an earlier version of the story in the library) the dialog offers to
/// update it, and the result is then that story updated. Convenience for File > Import, drag and
/// drop and paste.
std::optional<Story> reviewImport(const ImportResult &result, QWidget *parent,
                                  const std::optional<Story> &existing = std::nullopt);

/// A plain-text rendering of @p story for the preview pane: section, headline, deck, bylines,
/// then the body with subheads in capitals, pictures as "[Picture missing] caption (credit)" and
/// pull quotes as "» text — speaker" where they are placed.
QString storyPreviewText(const Story &story);

} // namespace galley
