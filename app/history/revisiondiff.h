#pragma once

#include "model/story.h"
#include "recovery/worddiff.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace galley {

/// One field of a story as a comparison of two revisions sees it: a headline, a body block (or a
/// block split into several, or several joined into one), a pull quote, a caption, a metadata
/// member...
struct FieldDiff {
    enum class Change {
        Changed, ///< the same field, its words changed
        Added,   ///< only in the newer revision (tokens all Added)
        Removed, ///< only in the older revision (tokens all Removed)
        Moved,   ///< a body block, pull quote or picture in another place (words may change too)
        Split,   ///< one body block became several: a "\n" token is Added where it was cut
        Joined,  ///< several body blocks became one: a "\n" token is Removed where they met
    };
    /// Stable within the comparison: "headline", "deck", "byline", "dateline", "section", "slug",
    /// "block:<id>", "quote:<id>", "quote-attribution:<id>", "picture:<id>", "caption:<id>",
    /// "credit:<id>", "alt:<id>", "metadata:<member>" (member as metadataToJson() names it).
    QString key;
    /// What a desk calls it: "Headline", "Paragraph 3", "Pull quote", "Caption", "Metadata: keywords".
    QString label;
    Change change = Change::Changed;
    /// Where it went, for Moved, Split and Joined ("moved from paragraph 2", "split from paragraph
    /// 4"); empty otherwise.
    QString note;
    /// Style changes of words in both versions of a body block (formattingChanges()): "“harbour”
    /// made bold", "link on “the report” changed: … → …". A block whose words stayed but whose
    /// formatting changed is Changed with Same tokens only.
    QStringList formatting;
    /// Word-level changes from the older text to the newer one (see diffWords()); lines of a
    /// multi-line field (list items, joined or split blocks) are separated by "\n" tokens.
    QList<DiffToken> tokens;
    /// Body fields: ids of the blocks the field covers in the older and in the newer story.
    QStringList oldBlockIds;
    QStringList newBlockIds;
    /// Removed body blocks: the block of the newer story it stood after (empty: the top).
    QString anchorBlockId;

    friend bool operator==(const FieldDiff &, const FieldDiff &) = default;
};

/// Everything that differs between two revisions, field by field in the order the form shows
/// them: headline, deck, byline, dateline, section, slug, body blocks (in the newer story's order,
/// removed blocks where they stood), pull quotes, pictures (picture, caption, credit, alt text),
/// metadata. Unchanged fields are left out.
struct RevisionDiff {
    QList<FieldDiff> fields;

    bool isEmpty() const { return fields.isEmpty(); }
};

/// Compares @p older with @p newer word by word (dtl through diffWords()). Body blocks are matched
/// by id, so one word changed in a long paragraph marks only that word; a block whose id comes
/// elsewhere in the order is Moved; a block whose text goes on in the blocks added after it is
/// Split, and the reverse Joined; blocks with no match are paired by their words when they share at
/// least half of them, else Added and Removed. The formatting of a block kept under its id is
/// compared too (FieldDiff::formatting).
RevisionDiff diffStories(const Story &older, const Story &newer);

/// @p tokens as plain text in wdiff style: removed words "[-like this-]", inserted ones
/// "{+like this+}", a removed or added line break as "¶".
QString markedText(const QList<DiffToken> &tokens);

/// The whole comparison as `galley diff` prints it: one field a line, "Label: marked text", with
/// the note and any formatting changes in parentheses after the label ("Paragraph 4 (moved from
/// paragraph 2; “vote” made bold): ...").
QString diffAsText(const RevisionDiff &diff);

/// @p tokens as JSON: [{"op": "=", "+" or "-", "text", "space"?: true}] (diffAsJson()'s "tokens",
/// and what the preview's script walks to mark changes in place).
QJsonArray diffTokensJson(const QList<DiffToken> &tokens);

/// The comparison as JSON: {"fields": [{"key", "label", "change" ("changed", "added", "removed",
/// "moved", "split", "joined"), "note"?, "formatting"?: [sentences], "text" (markedText()), "tokens": [{"op": "=", "+" or "-",
/// "text", "space"?: true}]}]}.
QJsonObject diffAsJson(const RevisionDiff &diff);

} // namespace galley
