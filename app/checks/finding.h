#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace galley {

/// How much a finding matters: an error stops a story going Ready (`galley check` exits 3), a
/// warning should be fixed, an advisory is the desk's call. Ordered most serious first.
enum class Severity { Error, Warning, Advisory };

/// "error", "warning", "advisory" (the rule sheet's and `galley check`'s words).
QString severityKey(Severity severity);
/// Reads severityKey() (case-insensitive); nullopt for anything else.
std::optional<Severity> severityFromKey(const QString &key);

/// One thing a check found in a story.
///
/// @c field names the text it is in: "headline", "deck", "byline", "dateline", "section", "body",
/// "pullquote", "attribution", "caption", "credit", "alt" or "story" (the story as a whole, no
/// range). @c item is the id of the body block, pull quote or picture for the fields that have
/// several, else empty. @c start and @c length are in UTF-16 code units (QString indexes) within
/// that text: for the body, within Block::plainText() of block @c item. Length 0 points at the
/// field as a whole. @c replacement is set only when the fix is certain enough for one click.
struct Finding {
    QString field;
    QString item;
    int start = 0;
    int length = 0;
    QString rule;    ///< rule id: "spelling", a rule sheet id, or a built-in check's id
    QString message; ///< one plain sentence for the desk
    Severity severity = Severity::Warning;
    std::optional<QString> replacement;
    QString matched; ///< the text at start/length when the check ran (what an Ignore remembers)

    /// The key an "Ignore" stores with the story: rule, field and the text matched, so the ignore
    /// survives edits elsewhere in the story but not a change of the text itself. Spelling keys
    /// leave the field out: an ignored word is ignored everywhere in the story.
    QString ignoreKey() const;

    friend bool operator==(const Finding &, const Finding &) = default;
};

/// Sorts @p findings by severity, then field in the order the form shows them; stable, so the
/// order within a field (the checker's: text order, then position) is kept.
void sortFindings(QList<Finding> &findings);

} // namespace galley
