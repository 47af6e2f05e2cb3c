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
/// section, slug and status. The slug follows the headline only while the story has never been
/// saved with a headline and nobody has edited the slug by hand (clearing it makes it follow
/// again); once the library holds the story with a headline, its slug stays as it is unless edited
/// by hand, because a published address must not change. It is checked as it is typed against the slug
/// rules and against the other stories in the library.
class WrappingLineEdit;

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
    /// Offers only the statuses in @p allowed (the others stay listed, greyed out), so a role sees
    /// what it may not choose (StoryLibrary::permissions()); every status when @p allowed is empty.
    void setAllowedStatuses(const QList<StoryStatus> &allowed);
    /// Writes the fields into @p story. Bylines are the semicolon-separated entries, trimmed (a comma
    /// stays inside an entry: "Jane Example, Staff Writer").
    void applyTo(Story &story) const;
    /// After a save: shows @p slug (the one the library stored) without emitting edited(); from
    /// then on the slug no longer follows the headline, unless the headline is still empty.
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

    WrappingLineEdit *m_headline;
    QLabel *m_count;
    WrappingLineEdit *m_deck;
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
