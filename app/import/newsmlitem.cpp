#include "newsmlitem.h"

#include <QXmlStreamReader>

#include <libxml/HTMLparser.h>

namespace galley::newsml {

namespace {

const QString NarNamespace = u"http://iptc.org/std/nar/2006-10-01/"_qs;

/// More attributes on one tag than any NewsML-G2 or NITF file has; a tag with more is an attack on
/// the parser (duplicate checks grow with the square of the count), not a story.
constexpr int MaxAttributes = 512;

bool isItemName(QStringView name) {
    return name == u"newsItem" || name == u"packageItem" || name == u"conceptItem" ||
           name == u"knowledgeItem" || name == u"planningItem" || name == u"catalogItem";
}

/// The first tag with more than MaxAttributes attributes, as its 1-based line; 0 when none.
int overloadedTagLine(const QString &text) {
    int line = 1;
    int attributes = 0;
    bool inTag = false;
    QChar quote;
    for (const QChar c : text) {
        if (c == u'\n')
            ++line;
        if (!quote.isNull()) {
            if (c == quote)
                quote = QChar();
            continue;
        }
        if (c == u'<') {
            inTag = true;
            attributes = 0;
        } else if (c == u'>') {
            inTag = false;
        } else if (inTag && (c == u'"' || c == u'\'')) {
            quote = c;
        } else if (inTag && c == u'=' && ++attributes > MaxAttributes) {
            return line;
        }
    }
    return 0;
}

/// HTML's named characters (&nbsp;, &eacute;) that agencies leave in inline XHTML, though XML only
/// knows five: written as numeric references so the XML parser reads them. Lines stay as they are.
QString withNumericEntities(const QString &text) {
    QString out;
    qsizetype copied = 0;
    for (qsizetype at = text.indexOf(u'&'); at >= 0; at = text.indexOf(u'&', at + 1)) {
        qsizetype end = at + 1;
        while (end < text.size() && end - at <= 32 && text.at(end).isLetterOrNumber() &&
               text.at(end).unicode() < 128)
            ++end;
        if (end >= text.size() || text.at(end) != u';' || end == at + 1 || !text.at(at + 1).isLetter())
            continue;
        const QString name = text.mid(at + 1, end - at - 1);
        if (name == u"amp" || name == u"lt" || name == u"gt" || name == u"quot" || name == u"apos")
            continue;
        const QByteArray latin = name.toLatin1();
        const htmlEntityDesc *entity = htmlEntityLookup(reinterpret_cast<const xmlChar *>(latin.constData()));
        if (!entity)
            continue;
        out += QStringView(text).mid(copied, at - copied);
        out += u"&#"_qs % QString::number(entity->value) % u';';
        copied = end + 1;
    }
    if (copied == 0)
        return text;
    out += QStringView(text).mid(copied);
    return out;
}

QString attr(const QXmlStreamReader &xml, QStringView name) {
    return xml.attributes().value(name.toString()).toString().trimmed();
}

QString lang(const QXmlStreamReader &xml) {
    return attr(xml, u"xml:lang");
}

/// The code of a QCode ("ninat:text" -> "text") or of a URI ("http://cv.iptc.org/newscodes/ninature/text").
QString code(const QString &qcodeOrUri) {
    return qcodeOrUri.section(u'/', -1).section(u':', -1).trimmed();
}

Text textOf(QXmlStreamReader &xml) {
    Text t;
    t.role = attr(xml, u"role");
    t.lang = lang(xml);
    t.line = int(xml.lineNumber());
    t.text = structured::oneLine(xml.readElementText(QXmlStreamReader::IncludeChildElements));
    return t;
}

/// A concept-like element (provider, located, subject, creator): its name children, else its
/// literal, else the QCode or URI made readable; @p codeAsName says whether a bare code is a name.
Text conceptName(QXmlStreamReader &xml, const QString &language, bool codeAsName) {
    Text out;
    out.line = int(xml.lineNumber());
    out.role = attr(xml, u"role");
    const QString literal = attr(xml, u"literal");
    const QString qcode = attr(xml, u"qcode");
    const QString uri = attr(xml, u"uri");
    QList<Text> names;
    while (xml.readNextStartElement()) {
        if (xml.name() == u"name")
            names.append(textOf(xml));
        else
            xml.skipCurrentElement();
    }
    if (const auto name = pick(names, language)) {
        out.text = name->text;
    } else if (!literal.isEmpty()) {
        out.text = structured::oneLine(literal);
    } else if (codeAsName && !qcode.isEmpty()) {
        // "city:Moscow" names a place; "geo:345678" does not.
        const QString c = code(qcode);
        bool letters = !c.isEmpty();
        for (const QChar ch : c)
            letters = letters && (ch.isLetter() || ch == u'-' || ch == u'_' || ch == u' ');
        out.text = letters ? QString(c).replace(u'_', u' ') : QString();
    } else if (codeAsName && !uri.isEmpty()) {
        out.text = structured::nameFromCode(uri);
    }
    return out;
}

class Parser final {
public:
    explicit Parser(const QString &text)
        : m_text(text)
        , xml(text) {}

    std::optional<Document> run(QString *error) {
        Document document;
        while (!xml.atEnd()) {
            const auto token = xml.readNext();
            if (token == QXmlStreamReader::DTD && !xml.entityDeclarations().isEmpty()) {
                *error =
                    u"The file's DOCTYPE declares its own entities (such as “%1”); Galley does not expand "
                    "them. Remove the DOCTYPE and import the file again."_qs.arg(
                        xml.entityDeclarations().first().name());
                return std::nullopt;
            }
            if (token == QXmlStreamReader::StartElement)
                break;
        }
        if (xml.tokenType() == QXmlStreamReader::StartElement) {
            document.root = xml.name().toString();
            const QString ns = xml.namespaceUri().toString();
            const bool g2 = ns.isEmpty() || ns == NarNamespace;
            if (!g2 || (!isItemName(xml.name()) && xml.name() != u"newsMessage")) {
                *error = u"The file is XML (root element <%1>) but not NITF or NewsML-G2."_qs.arg(
                    xml.qualifiedName());
                return std::nullopt;
            }
            if (xml.name() == u"newsMessage")
                readMessage(document);
            else
                document.items.append(readItem());
        }
        if (xml.hasError()) {
            const bool truncated = xml.error() == QXmlStreamReader::PrematureEndOfDocumentError;
            QString reason = xml.errorString();
            if (reason.endsWith(u'.'))
                reason.chop(1);
            *error = truncated ? u"The NewsML-G2 file ends too early (line %1): it was cut off before the "
                                 "item ended."_qs.arg(xml.lineNumber())
                               : u"The NewsML-G2 file is damaged at line %1, column %2: %3."_qs.arg(
                                     QString::number(xml.lineNumber()), QString::number(xml.columnNumber()),
                                     reason);
            return std::nullopt;
        }
        if (!m_limitError.isEmpty()) {
            *error = m_limitError;
            return std::nullopt;
        }
        if (document.root.isEmpty()) {
            *error = u"The file holds no XML element."_qs;
            return std::nullopt;
        }
        return document;
    }

private:
    void readMessage(Document &document) {
        while (xml.readNextStartElement()) {
            if (xml.name() != u"itemSet") {
                xml.skipCurrentElement(); // header: transmission details, not the story
                continue;
            }
            while (xml.readNextStartElement()) {
                if (isItemName(xml.name()))
                    document.items.append(readItem());
                else
                    xml.skipCurrentElement();
            }
        }
    }

    Item readItem() {
        Item item;
        item.kind = xml.name().toString();
        item.guid = attr(xml, u"guid");
        item.language = lang(xml);
        item.line = int(xml.lineNumber());
        while (xml.readNextStartElement()) {
            const auto name = xml.name();
            if (name == u"itemMeta")
                readItemMeta(item);
            else if (name == u"contentMeta")
                readContentMeta(item);
            else if (name == u"contentSet")
                readContentSet(item);
            else if (name == u"rightsInfo")
                readRights(item);
            else if (name == u"groupSet")
                readGroups(item);
            else
                xml.skipCurrentElement();
        }
        return item;
    }

    void readRights(Item &item) {
        while (xml.readNextStartElement()) {
            if (xml.name() == u"copyrightHolder" && item.copyrightHolder.isEmpty())
                item.copyrightHolder = conceptName(xml, item.language, true).text;
            else
                xml.skipCurrentElement();
        }
    }

    void readItemMeta(Item &item) {
        while (xml.readNextStartElement()) {
            const auto name = xml.name();
            if (name == u"itemClass") {
                item.itemClass =
                    code(attr(xml, u"qcode").isEmpty() ? attr(xml, u"uri") : attr(xml, u"qcode"));
                xml.skipCurrentElement();
            } else if (name == u"provider") {
                item.provider = conceptName(xml, item.language, true).text;
            } else if (name == u"versionCreated") {
                item.versionCreated = xml.readElementText().trimmed();
            } else if (name == u"firstCreated") {
                item.firstCreated = xml.readElementText().trimmed();
            } else if (name == u"embargoed") {
                item.embargoed = xml.readElementText().trimmed();
            } else if (name == u"pubStatus") {
                item.pubStatus = attr(xml, u"qcode");
                xml.skipCurrentElement();
            } else if (name == u"edNote") {
                Text note;
                note.lang = lang(xml);
                note.line = int(xml.lineNumber());
                note.text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
                item.edNotes.append(note);
            } else if (name == u"title") {
                item.title = structured::oneLine(xml.readElementText(QXmlStreamReader::IncludeChildElements));
            } else if (name == u"signal") {
                if (item.signal.isEmpty())
                    item.signal = code(attr(xml, u"qcode"));
                xml.skipCurrentElement();
            } else if (name == u"link") {
                const QString target =
                    attr(xml, u"residref").isEmpty() ? attr(xml, u"href") : attr(xml, u"residref");
                if (!target.isEmpty())
                    item.links.append(target);
                xml.skipCurrentElement();
            } else {
                xml.skipCurrentElement();
            }
        }
    }

    void readContentMeta(Item &item) {
        QList<Text> creators;
        while (xml.readNextStartElement()) {
            const auto name = xml.name();
            if (name == u"headline") {
                item.headlines.append(textOf(xml));
            } else if (name == u"description") {
                item.descriptions.append(textOf(xml));
            } else if (name == u"slugline") {
                item.slugline.append(textOf(xml));
            } else if (name == u"by") {
                item.by.append(textOf(xml));
            } else if (name == u"creditline") {
                item.creditline.append(textOf(xml));
            } else if (name == u"dateline") {
                item.dateline.append(textOf(xml));
            } else if (name == u"located") {
                if (Text place = conceptName(xml, item.language, true); !place.text.isEmpty())
                    item.located.append(place);
            } else if (name == u"creator") {
                if (Text creator = conceptName(xml, item.language, false); !creator.text.isEmpty())
                    creators.append(creator);
            } else if (name == u"urgency") {
                item.urgency = xml.readElementText().trimmed().toInt();
            } else if (name == u"keyword") {
                if (const QString k = structured::oneLine(xml.readElementText()); !k.isEmpty())
                    item.keywords.append(k);
            } else if (name == u"subject") {
                if (const QString s = conceptName(xml, item.language, false).text; !s.isEmpty())
                    item.subjects.append(s);
            } else if (name == u"language") {
                if (item.language.isEmpty() || xml.attributes().hasAttribute(u"tag"_qs))
                    item.language = attr(xml, u"tag");
                xml.skipCurrentElement();
            } else if (name == u"link") {
                if (const QString target = attr(xml, u"residref"); !target.isEmpty())
                    item.links.append(target);
                xml.skipCurrentElement();
            } else {
                xml.skipCurrentElement();
            }
        }
        for (const Text &creator : std::as_const(creators)) {
            if (creator.role.contains(u"photographer"_qs, Qt::CaseInsensitive) && item.photographer.isEmpty())
                item.photographer = creator.text;
            else if (!creator.role.contains(u"photographer"_qs, Qt::CaseInsensitive) && item.by.isEmpty())
                item.by.append(Text{creator.text, u"creator"_qs, {}, creator.line});
        }
    }

    void readContentSet(Item &item) {
        while (xml.readNextStartElement()) {
            const auto name = xml.name();
            if (name == u"inlineXML") {
                item.inlines.append(readInlineXml());
            } else if (name == u"inlineData") {
                Inline data;
                data.contentType = attr(xml, u"contenttype");
                data.line = int(xml.lineNumber());
                data.raw = xml.readElementText();
                item.inlines.append(data);
            } else if (name == u"remoteContent") {
                const auto a = xml.attributes();
                if (item.renditions.isEmpty())
                    item.renditionLine = int(xml.lineNumber());
                item.renditions.append(structured::Rendition{
                    code(a.value(u"rendition"_qs).toString()), a.value(u"href"_qs).toString().trimmed(),
                    a.value(u"contenttype"_qs).toString().trimmed(), a.value(u"width"_qs).toInt(),
                    a.value(u"height"_qs).toInt()});
                xml.skipCurrentElement();
            } else {
                xml.skipCurrentElement();
            }
        }
    }

    /// The inlineXML's markup exactly as the file has it, so the NITF or HTML reader sees the
    /// agency's own text and the lines of its report match the file.
    Inline readInlineXml() {
        Inline out;
        out.xml = true;
        out.contentType = attr(xml, u"contenttype");
        out.line = int(xml.lineNumber());
        const qint64 start = xml.characterOffset();
        int depth = 1;
        int deepest = 0;
        while (depth > 0 && !xml.atEnd()) {
            const auto token = xml.readNext();
            if (token == QXmlStreamReader::StartElement) {
                if (depth == 1 && out.root.isEmpty())
                    out.root = xml.name().toString();
                deepest = std::max(deepest, depth++);
            } else if (token == QXmlStreamReader::EndElement) {
                --depth;
            }
        }
        if (xml.hasError())
            return out;
        if (deepest > structured::MaxNesting && m_limitError.isEmpty())
            m_limitError = structured::tooDeep(u"The text of the item at line %1"_qs.arg(out.line), deepest);
        const qsizetype end = m_text.lastIndexOf(u"</"_qs, qsizetype(xml.characterOffset()) - 1);
        if (end > start)
            out.raw = m_text.mid(qsizetype(start), end - qsizetype(start));
        return out;
    }

    void readGroups(Item &item) {
        while (xml.readNextStartElement()) {
            if (xml.name() != u"group") {
                xml.skipCurrentElement();
                continue;
            }
            QStringList refs;
            while (xml.readNextStartElement()) {
                if (xml.name() == u"itemRef" && !attr(xml, u"residref").isEmpty())
                    refs.append(attr(xml, u"residref"));
                xml.skipCurrentElement();
            }
            item.groups.append(refs);
        }
    }

    const QString &m_text;
    QXmlStreamReader xml;
    QString m_limitError;
};

} // namespace

std::optional<Text> pick(const QList<Text> &texts, const QString &language, const QString &role) {
    std::optional<Text> unlabelled;
    std::optional<Text> first;
    for (const Text &t : texts) {
        if (t.text.isEmpty() || (!role.isEmpty() && !t.role.contains(role, Qt::CaseInsensitive)))
            continue;
        if (!language.isEmpty() && t.lang.compare(language, Qt::CaseInsensitive) == 0)
            return t;
        if (t.lang.isEmpty() && !unlabelled)
            unlabelled = t;
        if (!first)
            first = t;
    }
    return unlabelled ? unlabelled : first;
}

std::optional<Document> parseDocument(const QString &xml, QString *error) {
    QString ignored;
    QString &message = error ? *error : ignored;
    if (const int line = overloadedTagLine(xml)) {
        message = u"A tag on line %1 has more than %2 attributes; no news file has that many, so Galley does "
                  "not read it."_qs.arg(QString::number(line), QString::number(MaxAttributes));
        return std::nullopt;
    }
    const QString text = withNumericEntities(xml);
    return Parser(text).run(&message);
}

} // namespace galley::newsml
