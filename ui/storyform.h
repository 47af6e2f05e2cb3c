#pragma once

#include "model/story.h"

#include <QWidget>

#include <functional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace galley {

/// The story's header fields: headline (with a live character count), deck, byline, dateline,
/// section, slug and status. The slug follows the headline until someone edits it by hand
/// (clearing it makes it follow again); it is checked as it is typed against the slug rules and
/// against the other stories in the library.
class StoryForm final : public QWidget {
    Q_OBJECT

public:
    explicit StoryForm(QWidget *parent = nullptr);

    /// @p isTaken answers "does another story use this slug?" for the story being edited.
    void setSlugChecker(std::function<bool(const QString &slug)> isTaken);
    /// Offers @p sections in the section combo, keeping what is typed there.
    void setSections(const QStringList &sections);

    /// Shows @p story's header fields; emits nothing.
    void setStory(const Story &story);
    /// Writes the fields into @p story. Bylines are the comma-separated names, trimmed.
    void applyTo(Story &story) const;
    /// Shows @p slug (e.g. the one the library filled in on save) without emitting edited().
    void showSavedSlug(const QString &slug);

    /// The slug problem shown under the field, or empty when the slug is fine.
    QString slugProblem() const;

Q_SIGNALS:
    /// The user changed a field.
    void edited();

private:
    void onHeadlineChanged();
    void onSlugEdited();
    void validateSlug();
    void updateCount();

    QLineEdit *m_headline;
    QLabel *m_count;
    QPlainTextEdit *m_deck;
    QLineEdit *m_byline;
    QLineEdit *m_dateline;
    QComboBox *m_section;
    QLineEdit *m_slug;
    QLabel *m_slugMessage;
    QComboBox *m_status;
    std::function<bool(const QString &)> m_isTaken;
    bool m_slugByHand = false;
    bool m_loading = false;
};

} // namespace galley
