#include "newsmlwriter.h"

#include "nitfwriter.h"
#include "render/inlinemarkup.h"

#include <QXmlStreamWriter>

namespace galley {

namespace {

const QString NarNamespace = u"http://iptc.org/std/nar/2006-10-01/"_qs;

/// @p text without the characters XML 1.0 cannot hold (C0 controls but tab, LF, CR), each
/// replaced by U+FFFD so the reader sees something was there; the same rule as the NITF writer's.
QString xmlSafe(const QString &text) {
    QString out = text;
    for (QChar &c : out)
        if ((c.unicode() < 0x20 && c != u'\t' && c != u'\n' && c != u'\r') || c.unicode() == 0xfffe ||
            c.unicode() == 0xffff)
            c = QChar(QChar::ReplacementCharacter);
    return out;
}

/// The item's guid: the agency's id when it is one (a URI or any non-blank id an agency gave),
/// else the story's own id as a URN, which stays the same across versions of the story.
QString guidOf(const Story &story) {
    const QString original = story.metadata.originalId.trimmed();
    return original.isEmpty() ? QString(u"urn:uuid:"_qs % story.id) : original;
}

class NewsMlWriter {
public:
    NewsMlWriter(const Story &story, const QHash<QString, QString> &imagePaths, const PictureFileRefs &renditions,
                 QByteArray *out)
        : m_story(story)
        , m_paths(imagePaths)
        , m_renditions(renditions)
        , m_xml(out) {}

    void write();

private:
    void attribute(const QString &name, const QString &value) { m_xml.writeAttribute(name, xmlSafe(value)); }
    void textElement(const QString &name, const QString &value) {
        m_xml.writeTextElement(name, xmlSafe(value));
    }
    void newline() { m_xml.writeCharacters(u"\n"_qs); }
    void itemMeta();
    void contentMeta();
    void contentSet();

    const Story &m_story;
    const QHash<QString, QString> &m_paths;
    const PictureFileRefs &m_renditions;
    QXmlStreamWriter m_xml;
};

void NewsMlWriter::write() {
    // No automatic indenting, as in the NITF inside: line breaks go between elements only.
    m_xml.writeStartDocument();
    newline();
    m_xml.writeDefaultNamespace(NarNamespace);
    m_xml.writeStartElement(u"newsItem"_qs);
    attribute(u"guid"_qs, guidOf(m_story));
    attribute(u"version"_qs, u"1"_qs);
    attribute(u"standard"_qs, u"NewsML-G2"_qs);
    attribute(u"standardversion"_qs, u"2.35"_qs);
    attribute(u"conformance"_qs, u"power"_qs);
    const QString language = m_story.metadata.language.trimmed();
    if (!language.isEmpty())
        m_xml.writeAttribute(u"http://www.w3.org/XML/1998/namespace"_qs, u"lang"_qs, xmlSafe(language));
    newline();
    // The IPTC catalog declares the scheme aliases the item's QCodes use (ninat:, stat:, drol:, irel:).
    m_xml.writeEmptyElement(u"catalogRef"_qs);
    attribute(u"href"_qs, u"http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_33.xml"_qs);
    newline();
    itemMeta();
    newline();
    contentMeta();
    newline();
    contentSet();
    newline();
    m_xml.writeEndElement(); // newsItem
    newline();
    m_xml.writeEndDocument();
}

void NewsMlWriter::itemMeta() {
    const StoryMetadata &meta = m_story.metadata;
    m_xml.writeStartElement(u"itemMeta"_qs);
    newline();
    m_xml.writeEmptyElement(u"itemClass"_qs);
    attribute(u"qcode"_qs, u"ninat:text"_qs);
    newline();
    m_xml.writeEmptyElement(u"provider"_qs);
    attribute(u"literal"_qs,
              meta.sourceAgency.trimmed().isEmpty() ? u"Galley"_qs : meta.sourceAgency.trimmed());
    newline();
    const QDateTime version = meta.versionCreated.isValid() ? meta.versionCreated : m_story.updated;
    // versionCreated is required; a story always has an update time, but an empty one must still
    // give a valid document.
    textElement(u"versionCreated"_qs,
                newsMlTime(version.isValid() ? version : QDateTime::currentDateTimeUtc()));
    newline();
    const QDateTime first = meta.firstCreated.isValid() ? meta.firstCreated : m_story.created;
    if (first.isValid()) {
        textElement(u"firstCreated"_qs, newsMlTime(first));
        newline();
    }
    if (meta.embargo.isValid()) {
        textElement(u"embargoed"_qs, newsMlTime(meta.embargo));
        newline();
    }
    m_xml.writeEmptyElement(u"pubStatus"_qs);
    attribute(u"qcode"_qs, u"stat:usable"_qs);
    for (const StoryImage &image : m_story.images) {
        const QString href = m_paths.value(image.id, image.sourceHref).trimmed();
        if (href.isEmpty())
            continue;
        newline();
        m_xml.writeEmptyElement(u"link"_qs);
        attribute(u"rel"_qs, u"irel:seeAlso"_qs);
        attribute(u"href"_qs, href);
        if (!image.mimeType.isEmpty())
            attribute(u"contenttype"_qs, image.mimeType);
        if (!image.caption.trimmed().isEmpty())
            attribute(u"title"_qs, image.caption.trimmed());
    }
    newline();
    m_xml.writeEndElement(); // itemMeta
}

void NewsMlWriter::contentMeta() {
    const StoryMetadata &meta = m_story.metadata;
    m_xml.writeStartElement(u"contentMeta"_qs);
    // The administrative properties come first, in the schema's order; the descriptive ones may
    // come in any order.
    if (meta.priority >= 1 && meta.priority <= 9) {
        newline();
        textElement(u"urgency"_qs, QString::number(meta.priority));
    }
    if (!meta.language.trimmed().isEmpty()) {
        newline();
        m_xml.writeEmptyElement(u"language"_qs);
        attribute(u"tag"_qs, meta.language.trimmed());
    }
    for (const QString &keyword : meta.keywords) {
        if (keyword.trimmed().isEmpty())
            continue;
        newline();
        textElement(u"keyword"_qs, keyword.trimmed());
    }
    if (!meta.slugline.trimmed().isEmpty()) {
        newline();
        textElement(u"slugline"_qs, meta.slugline.trimmed());
    }
    newline();
    textElement(u"headline"_qs, m_story.headline);
    if (!m_story.dateline.trimmed().isEmpty()) {
        newline();
        textElement(u"dateline"_qs, m_story.dateline.trimmed());
    }
    for (const Byline &byline : m_story.bylines) {
        const QString name = detail::bylineName(byline.name);
        if (name.isEmpty())
            continue;
        newline();
        textElement(u"by"_qs, Byline{name, byline.title.trimmed()}.text());
    }
    if (!m_story.deck.trimmed().isEmpty()) {
        newline();
        m_xml.writeStartElement(u"description"_qs);
        attribute(u"role"_qs, u"drol:summary"_qs);
        m_xml.writeCharacters(xmlSafe(m_story.deck.trimmed()));
        m_xml.writeEndElement();
    }
    newline();
    m_xml.writeEndElement(); // contentMeta
}

void NewsMlWriter::contentSet() {
    m_xml.writeStartElement(u"contentSet"_qs);
    newline();
    m_xml.writeStartElement(u"inlineXML"_qs);
    attribute(u"contenttype"_qs, u"application/nitf+xml"_qs);
    newline();
    writeNitfElement(m_xml, m_story, m_paths, m_renditions);
    newline();
    m_xml.writeEndElement(); // inlineXML
    newline();
    m_xml.writeEndElement(); // contentSet
}

} // namespace

QString newsMlTime(const QDateTime &time) {
    return time.isValid() ? time.toUTC().toString(Qt::ISODate) : QString();
}

QByteArray writeNewsMl(const Story &story, const QHash<QString, QString> &imagePaths,
                       const PictureFileRefs &renditions) {
    QByteArray out;
    NewsMlWriter(story, imagePaths, renditions, &out).write();
    return out;
}

} // namespace galley
