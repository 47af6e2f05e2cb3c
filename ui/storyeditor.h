#pragma once

#include "model/story.h"

#include <QWidget>

#include <functional>

class QTabWidget;

namespace galley {

class BodyEditor;
class ImagePanel;
class PullQuotePanel;
class StoryForm;

/// Everything about one story a reporter edits: the header form, and tabs for the body (with its
/// formatting toolbar), pull quotes and pictures. Keeps an up-to-date Story of what is on screen;
/// when body blocks go away, pull quotes and pictures move with Story::replaceBody().
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

    BodyEditor *bodyEditor() const { return m_body; }
    StoryForm *form() const { return m_form; }

Q_SIGNALS:
    /// The user changed something in the story.
    void edited();

private:
    void onFormEdited();
    void onBodyChanged();
    void onQuotesChanged();
    void onImagesChanged();
    void updateTabTitles();

    StoryForm *m_form;
    BodyEditor *m_body;
    PullQuotePanel *m_quotes;
    ImagePanel *m_images;
    QTabWidget *m_tabs;
    Story m_story;
    bool m_loading = false;
};

} // namespace galley
