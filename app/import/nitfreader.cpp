#include "acceptance.h"
#include "readers.h"

#include <QXmlStreamReader>

namespace galley {

namespace {

// Reads the inline content of the current element up to its end tag: text with em/i as italic,
// strong/b as bold and a/@href as links; other inline elements (q, person, org...) keep their text.
// Links with an unsafe address lose the address (the words stay) and are noted in @p notes.
InlineText readInline(QXmlStreamReader &xml, QList<ReaderNote> *notes = nullptr) {
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
            else if (name == u"a") {
                const QString href = xml.attributes().value(u"href"_qs).toString();
                const CheckedLink checked = checkLink(href);
                if (!checked.refused.isEmpty() && notes)
                    notes->append(ReaderNote{ImportChangeKind::RemovedElement,
                                             href,
                                             {},
                                             checked.refused % u" The words stay, without the link."_qs,
                                             int(xml.lineNumber())});
                hrefs.append(checked.href);
            } else if (name == u"br") {
                out.runs.append(InlineRun{u" "_qs});
            } else if (name == u"byttl" && !out.plainText().trimmed().isEmpty()) {
                // "<person>Rita Forecast</person><byttl>Weather Desk</byttl>": the title follows a comma.
                out.runs.append(InlineRun{out.plainText().trimmed().endsWith(u',') ? u" "_qs : u", "_qs});
            }
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
    bool sawDeck = false;
    int listGroup = 0;
    /// Index in @c out after the head's lines, where an abstract goes.
    qsizetype headEnd = -1;
    QList<Segment> abstract;
    /// Editor's notes and taglines, kept at the end of the story.
    QList<Segment> trailing;
};

/// A paragraph of @p role read from the current element, with the notes its links gave.
Segment readSegment(QXmlStreamReader &xml, int line, SegmentRole role) {
    QList<ReaderNote> notes;
    Segment segment = make(readInline(xml, &notes), line, role);
    segment.notes = notes;
    return segment;
}

/// Reads the current element's text (paragraphs joined by a space) and its <credit>, if any.
InlineText readWithCredit(QXmlStreamReader &xml, QString *credit, QList<ReaderNote> *notes) {
    InlineText text;
    while (!xml.atEnd()) {
        const auto token = xml.readNext();
        if (token == QXmlStreamReader::EndElement)
            break;
        if (token == QXmlStreamReader::Characters) {
            text.runs.append(InlineRun{xml.text().toString()});
        } else if (token == QXmlStreamReader::StartElement) {
            if (xml.name() == u"credit" && credit) {
                *credit = readInline(xml).plainText().trimmed();
            } else {
                const InlineText inner = readInline(xml, notes);
                text.runs.append(InlineRun{u" "_qs});
                text.runs.append(inner.runs);
            }
        }
    }
    return collapseWhitespace(text);
}

/// A paragraph the reader reshaped, with its kept-as-text change.
Segment verbatim(const QString &text, int line, const QString &original, const QString &why) {
    Segment segment = make(InlineText::plain(text), line, SegmentRole::Paragraph);
    segment.verbatim = true;
    segment.notes.append(ReaderNote{ImportChangeKind::KeptAsText, original, text, why, line});
    return segment;
}

/// A table: one paragraph per row, cells joined by " | ".
void readTable(QXmlStreamReader &xml, NitfState &state) {
    while (xml.readNextStartElement()) {
        const auto name = xml.name();
        const int line = int(xml.lineNumber());
        if (name == u"tr") {
            QStringList cells;
            while (xml.readNextStartElement()) {
                if (xml.name() == u"td" || xml.name() == u"th")
                    cells << readInline(xml).plainText().trimmed();
                else
                    xml.skipCurrentElement();
            }
            while (!cells.isEmpty() && cells.last().isEmpty())
                cells.removeLast();
            if (!cells.isEmpty())
                state.out.append(verbatim(cells.join(u" | "_qs), line, cells.join(u'\t'),
                                          u"A table row is kept as one paragraph with its cells joined by "
                                          "“ | ”: a story holds no tables."_qs));
        } else if (name == u"caption") {
            const QString caption = readInline(xml).plainText().trimmed();
            if (!caption.isEmpty())
                state.out.append(verbatim(caption, line, caption,
                                          u"The table's caption is kept as a paragraph above its rows."_qs));
        } else if (name == u"thead" || name == u"tbody" || name == u"tfoot" || name == u"table") {
            readTable(xml, state);
        } else {
            xml.skipCurrentElement();
        }
    }
}

/// Preformatted text: one paragraph per non-blank line, reported once.
void readPre(QXmlStreamReader &xml, NitfState &state) {
    const int first = int(xml.lineNumber());
    const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
    const qsizetype firstIndex = state.out.size();
    bool reported = false;
    int offset = 0;
    for (const QString &raw : text.split(u'\n')) {
        const QString line = raw.simplified();
        if (!line.isEmpty()) {
            Segment segment = verbatim(line, first + offset, text.trimmed(),
                                       u"Preformatted text is kept as one paragraph per line."_qs);
            if (reported)
                segment.notes.clear();
            reported = true;
            state.out.append(segment);
        }
        ++offset;
    }
    if (reported)
        state.out[firstIndex].notes.last().result = preLines(text);
}

/// An editor's note or a tagline: kept as a paragraph at the end of the story.
void readTrailing(QXmlStreamReader &xml, NitfState &state, const QString &what) {
    const int line = int(xml.lineNumber());
    QList<ReaderNote> notes;
    const InlineText text = readWithCredit(xml, nullptr, &notes);
    if (text.isEmpty())
        return;
    Segment segment = make(text, line, SegmentRole::Paragraph);
    segment.verbatim = true;
    segment.notes = notes;
    segment.notes.append(ReaderNote{ImportChangeKind::KeptAsText, text.plainText(), text.plainText(),
                                    u"The %1 is kept as a paragraph at the end of the story."_qs.arg(what),
                                    line});
    state.trailing.append(segment);
}

/// An element the reader does not know: its text is reported, not silently lost.
void reportUnread(QXmlStreamReader &xml, NitfState &state) {
    const QString name = xml.name().toString();
    const int line = int(xml.lineNumber());
    const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements).simplified();
    if (text.isEmpty())
        return;
    Segment carrier;
    carrier.line = line;
    carrier.notes.append(
        ReaderNote{ImportChangeKind::RemovedElement,
                   text,
                   {},
                   u"The <%1> element is not something a story holds; its text is left out."_qs.arg(name),
                   line});
    state.out.append(carrier);
}

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
            state.out.append(readSegment(xml, line, SegmentRole::Paragraph));
        } else if (name == u"hl2") {
            state.out.append(readSegment(xml, line, SegmentRole::Subhead));
        } else if (name == u"media") {
            readMedia(xml, state);
        } else if (name == u"block") {
            // A block groups paragraphs and anything else body.content holds.
            readBodyContent(xml, state);
        } else if (name == u"bq" || name == u"blockquote") {
            // A block quote with an optional credit, kept as its last line.
            const qsizetype first = state.out.size();
            while (xml.readNextStartElement()) {
                const int innerLine = int(xml.lineNumber());
                if (xml.name() == u"p" || xml.name() == u"block") {
                    Segment segment = readSegment(xml, innerLine, SegmentRole::Paragraph);
                    segment.blockKind = BlockKind::BlockQuote;
                    state.out.append(segment);
                } else if (xml.name() == u"credit") {
                    const QString credit = readInline(xml).plainText().trimmed();
                    if (credit.isEmpty())
                        continue;
                    const QString shown = u"\u2014 "_qs % credit;
                    Segment segment =
                        verbatim(shown, innerLine, credit,
                                 u"The quote's credit is kept as the last line of the quote."_qs);
                    segment.blockKind =
                        first < state.out.size() ? BlockKind::BlockQuote : BlockKind::Paragraph;
                    state.out.append(segment);
                } else if (xml.name() == u"hl2") {
                    state.out.append(readSegment(xml, innerLine, SegmentRole::Subhead));
                } else if (xml.name() == u"media") {
                    readMedia(xml, state);
                } else {
                    reportUnread(xml, state);
                }
            }
        } else if (name == u"pq") {
            QString credit;
            QList<ReaderNote> notes;
            Segment segment = make(readWithCredit(xml, &credit, &notes), line, SegmentRole::PullQuote);
            segment.attribution = credit;
            segment.notes = notes;
            if (!segment.text.isEmpty())
                state.out.append(segment);
        } else if (name == u"table") {
            readTable(xml, state);
        } else if (name == u"nitf-table") {
            while (xml.readNextStartElement()) {
                if (xml.name() == u"table")
                    readTable(xml, state);
                else
                    xml.skipCurrentElement();
            }
        } else if (name == u"pre") {
            readPre(xml, state);
        } else if (name == u"note") {
            readTrailing(xml, state, u"editor's note"_qs);
        } else if (name == u"tagline") {
            readTrailing(xml, state, u"tagline"_qs);
        } else if (name == u"hr" || name == u"br") {
            xml.skipCurrentElement();
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
            reportUnread(xml, state);
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
                    state.out.append(readSegment(xml, innerLine, SegmentRole::Headline));
                    state.sawHeadline = true;
                } else if (xml.name() == u"hl2") {
                    state.out.append(readSegment(xml, innerLine, SegmentRole::Deck));
                    state.sawDeck = true;
                } else {
                    xml.skipCurrentElement();
                }
            }
        } else if (name == u"byline") {
            // byline may hold <person> and <byttl>; its whole text is the byline.
            state.out.append(readSegment(xml, line, SegmentRole::Byline));
        } else if (name == u"dateline") {
            state.out.append(readSegment(xml, line, SegmentRole::Dateline));
        } else if (name == u"abstract") {
            // The summary under the headline: the deck when there is no hl2, kept after the head.
            QList<ReaderNote> notes;
            Segment segment = make(readWithCredit(xml, nullptr, &notes), line, SegmentRole::Deck);
            segment.notes = notes;
            if (!segment.text.isEmpty())
                state.abstract.append(segment);
        } else if (name == u"note") {
            readTrailing(xml, state, u"editor's note"_qs);
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
                    if (xml.name() == u"body.head") {
                        readBodyHead(xml, state);
                        state.headEnd = state.out.size();
                    } else if (xml.name() == u"body.content") {
                        readBodyContent(xml, state);
                    } else if (xml.name() == u"body.end") {
                        while (xml.readNextStartElement()) {
                            if (xml.name() == u"tagline")
                                readTrailing(xml, state, u"tagline"_qs);
                            else if (xml.name() == u"bibliography")
                                readTrailing(xml, state, u"bibliography"_qs);
                            else
                                reportUnread(xml, state);
                        }
                    } else {
                        xml.skipCurrentElement();
                    }
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
    // The abstract is the deck unless hl2 gave one; then it stays the first paragraph, reported.
    qsizetype at = state.headEnd < 0 ? state.out.size() : state.headEnd;
    for (Segment segment : std::as_const(state.abstract)) {
        if (state.sawDeck) {
            segment.markupRole = SegmentRole::Paragraph;
            segment.notes.append(
                ReaderNote{ImportChangeKind::KeptAsText, segment.text.plainText(), segment.text.plainText(),
                           u"The abstract is kept as the first paragraph: hl2 already gives the "
                           "deck."_qs,
                           segment.line});
        }
        state.out.insert(at++, segment);
    }
    state.out.append(state.trailing);
    if (!state.sawHeadline && !state.title.isEmpty())
        state.out.prepend(make(InlineText::plain(state.title), state.titleLine, SegmentRole::Headline));
    if (!state.section.isEmpty())
        state.out.prepend(make(InlineText::plain(state.section), state.sectionLine, SegmentRole::Section));
    return state.out;
}

} // namespace galley
