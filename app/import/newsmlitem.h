#pragma once

#include "structuredparts.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace galley::newsml {

// The parts of NewsML-G2 (IPTC, 2.x up to 2.36) items the importer uses, read with
// QXmlStreamReader by local name in the NewsML-G2 namespace (http://iptc.org/std/nar/2006-10-01/).
// Nothing is ever fetched: remote content, catalogs and DTDs stay addresses. Internal to the importer.

/// A text of the item with the attributes that choose between several: role, xml:lang, line.
struct Text {
    QString text;
    QString role;
    QString lang;
    int line = 0;
};

/// An inlineXML or inlineData element: its markup exactly as in the file (for inlineXML), the local
/// name of its root element, its content type and where it starts.
struct Inline {
    QString raw;
    QString root;
    QString contentType;
    bool xml = false;
    int line = 0;
};

/// One item of the file: a newsItem, packageItem, or another item kind (conceptItem, ...).
struct Item {
    QString kind; ///< local name: "newsItem", "packageItem", "conceptItem", ...
    QString guid;
    QString itemClass; ///< the nature's code: "text", "picture", "graphic", "video", "composite"...
    int line = 0;
    QString language;

    QString provider;
    QString copyrightHolder;
    QString versionCreated;
    QString firstCreated;
    QString embargoed;
    QString pubStatus;
    QString title;
    QList<Text> edNotes;
    QString signal; ///< "update", "correction", ... (sig:)

    QList<Text> headlines;
    QList<Text> descriptions;
    QList<Text> slugline;
    QList<Text> by;
    QList<Text> creditline;
    QList<Text> dateline;
    QList<Text> located;
    QString photographer;
    int urgency = 0;
    QStringList keywords;
    QStringList subjects;
    /// residref or href of the item's links (itemMeta/link): the pictures a text refers to.
    QStringList links;

    QList<Inline> inlines;
    QList<structured::Rendition> renditions;
    int renditionLine = 0;
    /// packageItem: the residrefs of each group, in order.
    QList<QStringList> groups;
};

/// The items a NewsML-G2 document holds, in file order: the root item, or every item of a
/// newsMessage's itemSet.
struct Document {
    QString root; ///< the root element's local name
    QList<Item> items;
};

/// Reads @p xml (already decoded). Errors (nullopt, @p error a plain sentence): malformed or
/// truncated XML naming the line, a root that is not a NewsML-G2 item or news message, a DOCTYPE
/// that declares entities (never expanded), and tags with more attributes than any real file has.
std::optional<Document> parseDocument(const QString &xml, QString *error);

/// The text among @p texts for @p language (same language, else one without a language, else the
/// first), optionally only those whose role contains @p role; nullopt when none.
std::optional<Text> pick(const QList<Text> &texts, const QString &language, const QString &role = {});

} // namespace galley::newsml
