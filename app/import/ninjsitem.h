#pragma once

#include "structuredparts.h"

#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>

namespace galley::ninjs {

// One ninjs object read member by member, whatever its version (IPTC ninjs 1.0-1.8, 2.0-2.4,
// 3.0-3.3): the lookups the ninjs reader needs. Internal to the importer.

enum class BodyKind { Html, Nitf, Text };

/// The body a story is read from: the member it came from ("body_html", "bodies[html5]"), its text
/// and how to read it.
struct Body {
    QString member;
    QString value;
    BodyKind kind = BodyKind::Text;
};

/// A text with the member it came from (for its line) and its content type.
struct Field {
    QString text;
    QString member;
    QString contentType;
};

class Item final {
public:
    /// @p object with the input line of each of its members (lowercased names; may be empty).
    Item(const QJsonObject &object, QHash<QString, int> lines);

    /// The member called @p name in any letter case; undefined when absent.
    QJsonValue value(QStringView name) const;
    /// A string member as it stands (a number as its digits); empty when absent or not text.
    QString text(QStringView name) const;
    /// Input line of member @p name (1-based), 0 when unknown.
    int line(const QString &name) const;

    /// "text", "picture", ...: the ninjs type, or what the item looks like when it gives none.
    QString kindName() const;
    bool isPicture() const;
    /// Video, audio or another kind a story cannot hold.
    bool isMedia() const;

    /// The main headline: headline, headline_main, headlines[role main or first] (or the 1.0 draft's
    /// headline[{name, text}]), else title.
    Field headline() const;
    /// A second headline (headlines role "sub...", headline_sub...), the deck when given.
    Field subheadline() const;
    /// The summary for a text item (or the caption for a picture with @p caption), plain text
    /// preferred over HTML.
    Field description(bool caption) const;
    /// Bylines: byline (1.x), by (2.x/3.x), bylines[{by, title}], else people related as authors;
    /// "By"/"Von"/"Par"... taken off. A byline without a title keeps "Name, Title" in its name, except
    /// when people name the same authors one for one: then `by` is read as Galley's own
    /// "Name, Title; Name" (its ninjs export) and each title kept apart.
    QList<Byline> bylines() const;
    QString bylineMember() const;
    /// The body to read: HTML first, then NITF, then plain text (from bodies[], the 1.0 draft's
    /// body[{name, value}], or body_* members); several bodies are mentioned in @p notes.
    Body body(QStringList *notes) const;

    /// The agency: source, provider, copyright holder.
    QString agency() const;
    /// The id that stays the same across versions: guid, altids' itemid, else uri.
    QString originalId() const;
    /// Keywords, then subject names, without repeats (a subject whose rel is "section" is the
    /// story's section, not a keyword).
    QStringList keywords() const;
    /// The name of the first subject with rel "section" (how Galley's ninjs export says the
    /// section, which ninjs 2.2 has no member for); empty when none.
    QString section() const;
    /// IPTC urgency 1-9 (urgency, else priority); 0 when not given or out of range.
    int priority() const;

    /// The associated pictures (featuremedia first, then in the file's order); other associations
    /// (video, audio, related text) are mentioned in @p notes.
    QList<structured::Picture> pictures(QStringList *notes) const;
    /// This item as a picture: caption, credit, alt text and renditions.
    structured::Picture asPicture() const;

private:
    /// The people related as authors (rel ...author, creator, byline, writer, reporter), with
    /// their title (title, jobtitle or a plain role) when given.
    QList<Byline> authors() const;
    QList<structured::Rendition> renditions() const;
    QString credit() const;
    QString altText() const;

    QHash<QString, QJsonValue> m_members;
    QHash<QString, int> m_lines;
};

/// The ninjs items a JSON document holds: the object itself, a list of items, or an item inside an
/// API's envelope ({"data": {"item": {...}}}). @c error is the sentence for JSON that holds no
/// ninjs ("The file is JSON but not ninjs: it has no headline or body.").
struct Found {
    QList<Item> items;
    QString error;
};
Found findItems(const QJsonDocument &document, const QString &json);

} // namespace galley::ninjs
