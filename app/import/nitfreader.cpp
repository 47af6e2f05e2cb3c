#include "readers.h"

#include <QXmlStreamReader>

namespace galley {

namespace {

// Reads the inline content of the current element up to its end tag: text with em/i as italic,
// strong/b as bold and a/@href as links; other inline elements (q, person, org...) keep their text.
InlineText readInline(QXmlStreamReader &xml) {
    InlineText out;
    int bold = 0;
    int italic = 0;
    QStringList hrefs;
    int depth = 1;
    while (depth > 0 && !xml.atEnd()) {
        switch (xml.readNext()) {
        case QXmlStreamReader::StartElement: {
            ++depth;
            const auto name = xml.name();
            if (name == u"em" || name == u"i")
                ++italic;
            else if (name == u"strong" || name == u"b")
                ++bold;
            else if (name == u"a")
                hrefs.append(xml.attributes().value(u"href"_qs).toString());
            else if (name == u"br")
                out.runs.append(InlineRun{u" "_qs});
            break;
        }
        case QXmlStreamReader::EndElement: {
            --depth;
            const auto name = xml.name();
            if (depth > 0) {
                if (name == u"em" || name == u"i")
                    --italic;
                else if (name == u"strong" || name == u"b")
                    --bold;
                else if (name == u"a" && !hrefs.isEmpty())
                    hrefs.removeLast();
            }
            break;
        }
        case QXmlStreamReader::Characters:
            out.runs.append(InlineRun{xml.text().toString(), bold > 0, italic > 0,
                                      hrefs.isEmpty() ? QString() : hrefs.last()});
            break;
        default:
            break;
        }
    }
    return collapseWhitespace(out);
}

Segment make(const InlineText &text, int line, SegmentRole role) {
    Segment segment;
    segment.text = text;
    segment.line = line;
    segment.markupRole = role;
    return segment;
}

struct NitfState {
    QList<Segment> out;
    QString section;
    int sectionLine = 0;
    QString title;
    int titleLine = 0;
    bool sawHeadline = false;
    int listGroup = 0;
};

void readMedia(QXmlStreamReader &xml, NitfState &state) {
    Segment segment;
    segment.line = int(xml.lineNumber());
    segment.markupRole = SegmentRole::Caption;
    while (xml.readNextStartElement()) {
        const auto name = xml.name();
        if (name == u"media-reference") {
            const auto attrs = xml.attributes();
            segment.imageFileName = attrs.value(u"source"_qs).toString();
            segment.imageMimeType = attrs.value(u"mime-type"_qs).toString();
            segment.altText = attrs.value(u"alternate-text"_qs).toString();
            xml.skipCurrentElement();
        } else if (name == u"media-caption") {
            segment.text = readInline(xml);
        } else if (name == u"media-producer") {
            segment.credit = readInline(xml).plainText().trimmed();
        } else {
            xml.skipCurrentElement();
        }
    }
    if (!segment.text.isEmpty() || !segment.credit.isEmpty())
        state.out.append(segment);
}

void readBodyContent(QXmlStreamReader &xml, NitfState &state) {
    while (xml.readNextStartElement()) {
        const auto name = xml.name();
        const int line = int(xml.lineNumber());
        if (name == u"p") {
            state.out.append(make(readInline(xml), line, SegmentRole::Paragraph));
        } else if (name == u"hl2") {
            state.out.append(make(readInline(xml), line, SegmentRole::Subhead));
        } else if (name == u"media") {
            readMedia(xml, state);
        } else if (name == u"block" || name == u"bq" || name == u"blockquote") {
            // A block groups paragraphs; a bq is a block quote with an optional credit.
            const bool quote = name != u"block";
            while (xml.readNextStartElement()) {
                const int innerLine = int(xml.lineNumber());
                if (xml.name() == u"p" || xml.name() == u"block") {
                    Segment segment = make(readInline(xml), innerLine, SegmentRole::Paragraph);
                    segment.blockKind = quote ? BlockKind::BlockQuote : BlockKind::Paragraph;
                    state.out.append(segment);
                } else if (xml.name() == u"hl2") {
                    state.out.append(make(readInline(xml), innerLine, SegmentRole::Subhead));
                } else if (xml.name() == u"media") {
                    readMedia(xml, state);
                } else {
                    xml.skipCurrentElement();
                }
            }
        } else if (name == u"ul" || name == u"ol") {
            const BlockKind kind = name == u"ul" ? BlockKind::BulletList : BlockKind::NumberedList;
            const int group = ++state.listGroup;
            while (xml.readNextStartElement()) {
                if (xml.name() == u"li") {
                    Segment segment = make(readInline(xml), int(xml.lineNumber()), SegmentRole::Paragraph);
                    segment.blockKind = kind;
                    segment.listGroup = group;
                    state.out.append(segment);
                } else {
                    xml.skipCurrentElement();
                }
            }
        } else {
            xml.skipCurrentElement();
        }
    }
}

void readBodyHead(QXmlStreamReader &xml, NitfState &state) {
    while (xml.readNextStartElement()) {
        const auto name = xml.name();
        const int line = int(xml.lineNumber());
        if (name == u"hedline") {
            while (xml.readNextStartElement()) {
                const int innerLine = int(xml.lineNumber());
                if (xml.name() == u"hl1") {
                    state.out.append(make(readInline(xml), innerLine, SegmentRole::Headline));
                    state.sawHeadline = true;
                } else if (xml.name() == u"hl2") {
                    state.out.append(make(readInline(xml), innerLine, SegmentRole::Deck));
                } else {
                    xml.skipCurrentElement();
                }
            }
        } else if (name == u"byline") {
            // byline may hold <person> and <byttl>; its whole text is the byline.
            state.out.append(make(readInline(xml), line, SegmentRole::Byline));
        } else if (name == u"dateline") {
            state.out.append(make(readInline(xml), line, SegmentRole::Dateline));
        } else if (name == u"abstract") {
            while (xml.readNextStartElement()) {
                if (xml.name() == u"p")
                    state.out.append(make(readInline(xml), int(xml.lineNumber()), SegmentRole::Deck));
                else
                    xml.skipCurrentElement();
            }
        } else {
            xml.skipCurrentElement();
        }
    }
}

void readHead(QXmlStreamReader &xml, NitfState &state) {
    while (xml.readNextStartElement()) {
        if (xml.name() == u"title") {
            state.titleLine = int(xml.lineNumber());
            state.title = readInline(xml).plainText().trimmed();
        } else if (xml.name() == u"pubdata") {
            state.section = xml.attributes().value(u"position.section"_qs).toString().trimmed();
            state.sectionLine = int(xml.lineNumber());
            xml.skipCurrentElement();
        } else {
            xml.skipCurrentElement();
        }
    }
}

} // namespace

std::optional<QList<Segment>> readNitf(const QString &text, QString *error) {
    QXmlStreamReader xml(text);
    NitfState state;
    bool sawRoot = false;
    if (xml.readNextStartElement()) {
        if (xml.name() != u"nitf") {
            if (error)
                *error =
                    u"The XML file is not NITF: its root element is <%1>, not <nitf>."_qs.arg(xml.name());
            return std::nullopt;
        }
        sawRoot = true;
        while (xml.readNextStartElement()) {
            if (xml.name() == u"head") {
                readHead(xml, state);
            } else if (xml.name() == u"body") {
                while (xml.readNextStartElement()) {
                    if (xml.name() == u"body.head")
                        readBodyHead(xml, state);
                    else if (xml.name() == u"body.content")
                        readBodyContent(xml, state);
                    else
                        xml.skipCurrentElement();
                }
            } else {
                xml.skipCurrentElement();
            }
        }
    }
    if (xml.hasError()) {
        if (error) {
            const bool truncated = xml.error() == QXmlStreamReader::PrematureEndOfDocumentError;
            *error =
                truncated
                    ? u"The NITF file ends too early (line %1): it was cut off before the story ended."_qs
                          .arg(xml.lineNumber())
                    : u"The NITF file is damaged at line %1, column %2: %3."_qs.arg(
                          QString::number(xml.lineNumber()), QString::number(xml.columnNumber()),
                          xml.errorString().chopped(xml.errorString().endsWith(u'.') ? 1 : 0));
        }
        return std::nullopt;
    }
    if (!sawRoot) {
        if (error)
            *error = u"The XML file holds no <nitf> element."_qs;
        return std::nullopt;
    }
    if (!state.sawHeadline && !state.title.isEmpty())
        state.out.prepend(make(InlineText::plain(state.title), state.titleLine, SegmentRole::Headline));
    if (!state.section.isEmpty())
        state.out.prepend(make(InlineText::plain(state.section), state.sectionLine, SegmentRole::Section));
    return state.out;
}

} // namespace galley
