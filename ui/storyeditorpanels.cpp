// The story editor's wire metadata and editor's notes: the metadata tab, the notes panel (which the
// window shows beside the checks), the embargo warning above the form, and how their edits reach
// the story. Kept apart from storyeditor.cpp, which handles the
// body, pull quotes and pictures.

#include "storyeditor.h"

#include "metadata/metadatapanel.h"
#include "notes/notespanel.h"
#include "settings.h"

#include <QBoxLayout>
#include <QLabel>
#include <QTabWidget>

namespace galley {

void StoryEditor::addMetadataAndNotes() {
    m_metadata = new MetadataPanel(m_tabs);
    // The window puts the notes in a panel of their own beside the checks (notesPanel()).
    m_notes = new NotesPanel(this);
    m_notes->hide();
    m_notes->setToolTip(tr("Notes for the desk; never published"));
    m_tabs->addTab(m_metadata, tr("Metadata"));
    m_tabs->setTabToolTip(m_tabs->indexOf(m_metadata), tr("Where the story came from: agency, ids, "
                                                          "priority, keywords, language, embargo"));

    // Above everything else: nobody should miss that a story must wait.
    m_embargo = new QLabel(this);
    m_embargo->setObjectName(u"embargoWarning"_qs);
    m_embargo->setWordWrap(true);
    m_embargo->setStyleSheet(u"QLabel { background: #fff4d6; color: #6b4400; border: 1px solid #e0b45a;"
                             u" border-radius: 4px; padding: 4px 8px; font-weight: bold; }"_qs);
    m_embargo->setVisible(false);
    if (auto *box = qobject_cast<QBoxLayout *>(layout()))
        box->insertWidget(0, m_embargo);

    connect(m_metadata, &MetadataPanel::edited, this, &StoryEditor::onMetadataEdited);
    connect(m_notes, &NotesPanel::notesChanged, this, &StoryEditor::onNotesChanged);
}

void StoryEditor::showMetadataAndNotes() {
    m_metadata->setMetadata(m_story.metadata);
    m_notes->setUserName(Settings().value(Settings::Key::UserName).toString());
    m_notes->setNotes(m_story.notes);
    updateEmbargoWarning();
}

void StoryEditor::onMetadataEdited() {
    if (m_loading)
        return;
    m_story.metadata = m_metadata->metadata();
    updateEmbargoWarning();
    Q_EMIT edited();
}

void StoryEditor::onNotesChanged() {
    if (m_loading)
        return;
    m_story.notes = m_notes->notes();
    updateTabTitles();
    Q_EMIT edited();
}

void StoryEditor::updateEmbargoWarning() {
    const QString warning = embargoWarning(m_story.metadata, QDateTime::currentDateTimeUtc());
    m_embargo->setText(warning);
    m_embargo->setVisible(!warning.isEmpty());
}

} // namespace galley
