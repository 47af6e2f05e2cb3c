#pragma once

#include "model/story.h"
#include "worddiff.h"

#include <QList>
#include <QString>

namespace galley {

/// One field of a story as recovery compares it: the headline, the body, one pull quote...
struct StoryTextField {
    QString key;   ///< stable within a story: "headline", "body", "quote:<id>", "picture:<id>"...
    QString label; ///< what a reporter calls it: "Headline", "Body", "Pull quote"...
    QString text;  ///< plain text; the body's blocks (and a list's items) one per line
};

/// The text of @p story field by field, in the order the form shows them: headline, deck, byline,
/// dateline, body, pull quotes (text and attribution), pictures (caption, credit, alt text), notes.
QList<StoryTextField> storyTextFields(const Story &story);

/// What a recovered story has that the saved one has not, field by field.
struct StoryDiff {
    struct Field {
        QString label;
        WordDiff diff;
    };
    /// Only the fields whose text differs, in form order.
    QList<Field> fields;
    int wordsAdded = 0;   ///< summed over the fields
    int wordsRemoved = 0; ///< summed over the fields
    /// The text is the same but something else differs: formatting, status, section, metadata,
    /// pictures or where they are placed.
    bool otherChanges = false;

    bool isEmpty() const { return fields.isEmpty() && !otherChanges; }
};

/// Compares @p saved (the library's version; an empty Story for none) with @p recovered.
StoryDiff compareStories(const Story &saved, const Story &recovered);

/// A readable HTML page of @p diff for a QTextBrowser: per changed field a heading and its
/// paragraphs, words that Restore brings back on green, words it takes away struck through on
/// red, long unchanged stretches folded to “…” with how many paragraphs they hold.
QString storyDiffHtml(const StoryDiff &diff);

} // namespace galley
