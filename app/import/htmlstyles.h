#pragma once

#include "model/story.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

#include <optional>

/// What the inline CSS and class names of word-processor HTML mean for a story: Google Docs (its
/// clipboard and its "Download as web page"), Microsoft Word's clipboard and "Save as web page", and
/// LibreOffice. Internal to the importer.
namespace galley::htmlstyles {

/// The declarations of one style attribute, properties lowercased, values lowercased and trimmed;
/// a later declaration of the same property wins (as in CSS).
class Declarations final {
public:
    explicit Declarations(const QString &style = {});
    /// The value of @p property, or an empty string.
    QString value(QStringView property) const;
    bool isEmpty() const { return m_items.isEmpty(); }

private:
    QList<std::pair<QString, QString>> m_items;
};

/// Inline style in effect at a point of the text.
struct InlineStyle {
    bool bold = false;
    bool italic = false;
    bool strike = false;
    Baseline baseline = Baseline::Normal;
};

/// The style inside an element named @p name (lowercase) with declarations @p css and id @p id,
/// inside text styled @p outer. Tags (b, strong, i, em, s, strike, del, sup, sub) and CSS
/// (font-weight 600-900/bold/bolder, or normal/400/lighter to undo bold; font-style italic/oblique or
/// normal; text-decoration line-through; vertical-align super/sub) both count, the CSS winning on
/// the same element. Only the property itself counts: Word's `mso-bidi-font-weight:normal` is about
/// right-to-left text and changes nothing. Google Docs wraps a whole paste in
/// `<b id="docs-internal-guid-…">`, which is never bold itself.
InlineStyle applyInline(const InlineStyle &outer, QStringView name, const Declarations &css,
                        const QString &id);

/// A Word list paragraph's place ("mso-list:l0 level2 lfo1"): the list and a 0-based level.
struct WordList {
    QString list;
    int level = 0;
};
std::optional<WordList> wordList(const Declarations &css);

/// True when a list marker as drawn ("1.", "a)", "iv.", "(3)") counts; false for bullets ("·", "o",
/// "§", "•", "-").
bool isNumberMarker(const QString &marker);

/// Whether CSS list-style-type @p type numbers its items (decimal, roman, alpha...: true) or bullets
/// them (disc, circle, square: false); nullopt when @p type says neither (empty, none, inherit).
std::optional<bool> listStyleNumbered(const QString &type);

/// A Google Docs export list class "lst-kix_abc123-2": the list's id and its 0-based level.
struct DocsList {
    QString list;
    int level = 0;
};
std::optional<DocsList> docsList(const QString &className);

/// The Docs list classes ("lst-kix_abc123-0") that a Docs export's style sheet @p css numbers (their
/// `li:before` content holds a counter()).
QSet<QString> numberedDocsLists(const QString &css);

/// The declarations of the simple class rules (".c12{font-weight:700}") in the style sheets @p css,
/// by class name: how a Google Docs export styles its text.
QHash<QString, QString> classRules(const QString &css);

/// The nesting level a left margin gives a list paragraph ("margin-left:72pt" is level 1: 36pt a level,
/// as Word and Docs indent), or -1 without one.
int marginLevel(const Declarations &css);

/// True when Word marks a table row as the table's header row (`mso-yfti-irow:-1`, the row a table
/// style repeats as header).
bool isWordHeaderRow(const Declarations &css);

} // namespace galley::htmlstyles
