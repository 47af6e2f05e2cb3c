#include "nitfparts.h"
#include "readers.h"
#include "xmlguard.h"

#include <QRegularExpression>

namespace galley {

namespace nitf {

namespace {

QString attribute(const QXmlStreamReader &xml, const QString &name) {
    return xml.attributes().value(name).toString().simplified();
}

/// The language an element declares (xml:lang, NITF's baselang, or lang), as a BCP 47 tag.
QString declaredLanguage(const QXmlStreamReader &xml) {
    for (const auto name : {u"xml:lang", u"baselang", u"lang"}) {
        const QString tag = languageTag(attribute(xml, QString::fromUtf16(name)));
        if (!tag.isEmpty())
            return tag;
    }
    return {};
}

/// More keywords than a desk reads are not kept (and checking them for repeats stays cheap).
constexpr qsizetype MaxKeywords = 100;

QString tooManyKeywords() {
    return u"The file lists more than %1 keywords; the rest are left out."_qs.arg(MaxKeywords);
}

void setDate(QDateTime &target, const QXmlStreamReader &xml) {
    if (const auto date = parseDate(attribute(xml, u"norm"_qs)))
        target = *date;
}

void readPubdata(QXmlStreamReader &xml, State &state) {
    if (state.section.isEmpty()) {
        state.section = attribute(xml, u"position.section"_qs);
        state.sectionLine = int(xml.lineNumber());
    }
    if (state.publisher.isEmpty())
        state.publisher = attribute(xml, u"name"_qs);
    if (const auto date = parseDate(attribute(xml, u"date.publication"_qs)))
        state.published = *date;
    xml.skipCurrentElement();
}

/// docdata (NITF 3.x): the agency's id, urgency, issue and release times, editorial message, slug,
/// copyright and keywords.
void readDocdata(QXmlStreamReader &xml, State &state) {
    state.managementStatus = attribute(xml, u"management-status"_qs).toLower();
    StoryMetadata &meta = state.meta;
    while (xml.readNextStartElement()) {
        const auto name = xml.name();
        if (name == u"doc-id") {
            if (meta.originalId.isEmpty())
                meta.originalId = attribute(xml, u"id-string"_qs);
            state.registeredSource = attribute(xml, u"regsrc"_qs);
        } else if (name == u"urgency") {
            bool ok = false;
            const int urgency = attribute(xml, u"ed-urg"_qs).toInt(&ok);
            meta.priority = ok && urgency >= 1 && urgency <= 9 ? urgency : 0;
        } else if (name == u"date.issue") {
            setDate(state.issued, xml);
        } else if (name == u"date.release") {
            setDate(state.released, xml);
        } else if (name == u"ed-msg") {
            const QString info = attribute(xml, u"info"_qs);
            if (!info.isEmpty())
                state.notes.append(DeskNote{info, int(xml.lineNumber())});
        } else if (name == u"du-key") {
            if (meta.slugline.isEmpty())
                meta.slugline = attribute(xml, u"key"_qs);
        } else if (name == u"doc.copyright") {
            state.copyrightHolder = attribute(xml, u"holder"_qs);
        } else if (name == u"key-list") {
            while (xml.readNextStartElement()) {
                const QString key = attribute(xml, u"key"_qs);
                if (xml.name() == u"keyword" && !key.isEmpty() && !meta.keywords.contains(key)) {
                    if (meta.keywords.size() < MaxKeywords)
                        meta.keywords.append(key);
                    else if (!state.reportNotes.contains(tooManyKeywords()))
                        state.reportNotes.append(tooManyKeywords());
                }
                xml.skipCurrentElement();
            }
            continue;
        } else if (name == u"pubdata") {
            readPubdata(xml, state); // misplaced inside docdata by some agencies
            continue;
        }
        xml.skipCurrentElement();
    }
}

/// head/meta name="..." content="...": the few names agencies use for language, slug and embargo.
void readMeta(QXmlStreamReader &xml, State &state) {
    const QString name = attribute(xml, u"name"_qs).toLower();
    const QString content = attribute(xml, u"content"_qs);
    xml.skipCurrentElement();
    if (content.isEmpty())
        return;
    StoryMetadata &meta = state.meta;
    if ((name == u"language" || name == u"lang" || name == u"dc.language" || name == u"content-language") &&
        meta.language.isEmpty())
        meta.language = languageTag(content);
    else if (name == u"anpa-keyword" || name == u"slugline" || name == u"slug" || name == u"ntbstikkord")
        state.metaSlug = content; // du-key, when given, names the story's slug
    else if ((name == u"embargo" || name == u"embargo-date" || name == u"embargoed") && parseDate(content))
        meta.embargo = *parseDate(content);
}

void readHead(QXmlStreamReader &xml, State &state) {
    if (state.meta.language.isEmpty())
        state.meta.language = declaredLanguage(xml);
    while (xml.readNextStartElement()) {
        const auto name = xml.name();
        if (name == u"title") {
            state.titleLine = int(xml.lineNumber());
            state.title = readInline(xml).plainText().trimmed();
        } else if (name == u"meta") {
            readMeta(xml, state);
        } else if (name == u"docdata") {
            readDocdata(xml, state);
        } else if (name == u"pubdata") {
            readPubdata(xml, state);
        } else {
            xml.skipCurrentElement();
        }
    }
}

void readBodyHead(QXmlStreamReader &xml, State &state) {
    while (xml.readNextStartElement()) {
        const auto name = xml.name();
        if (name == u"hedline") {
            while (xml.readNextStartElement() && !tooMany(xml, state)) {
                const int line = int(xml.lineNumber());
                const bool first = xml.name() == u"hl1";
                if (!first && xml.name() != u"hl2") {
                    xml.skipCurrentElement();
                    continue;
                }
                QList<ReaderNote> notes;
                Segment segment = make(readInline(xml, &notes), line, SegmentRole::Headline);
                segment.notes = notes;
                (first ? state.headlines : state.subheadlines).append(segment);
            }
        } else if (name == u"byline") {
            readByline(xml, state);
        } else if (name == u"dateline" && state.datelines.isEmpty()) {
            readDateline(xml, state);
        } else if (name == u"abstract") {
            readAbstract(xml, state);
        } else if (name == u"note") {
            const int line = int(xml.lineNumber());
            const QString text = readNoteText(xml);
            if (!text.isEmpty())
                state.notes.append(DeskNote{text, line});
        } else if (name == u"distributor") {
            state.distributor = readInline(xml).plainText().trimmed();
        } else if (name == u"rights") {
            while (xml.readNextStartElement()) {
                if (xml.name() == u"rights.owner" && state.rightsOwner.isEmpty())
                    state.rightsOwner = readInline(xml).plainText().trimmed();
                else
                    xml.skipCurrentElement();
            }
        } else if (name == u"series") {
            xml.skipCurrentElement(); // series name and part: no story text
        } else {
            unread(xml, state.headCarriers);
        }
        if (tooMany(xml, state))
            return;
    }
}

QString errorSentence(const QXmlStreamReader &xml) {
    if (xml.error() == QXmlStreamReader::CustomError)
        return xml.errorString();
    if (xml.error() == QXmlStreamReader::PrematureEndOfDocumentError)
        return u"The NITF file ends too early (line %1): it was cut off before the story ended."_qs.arg(
            xml.lineNumber());
    QString why = xml.errorString();
    if (why.endsWith(u'.'))
        why.chop(1);
    return u"The NITF file is damaged at line %1, column %2: %3."_qs.arg(
        QString::number(xml.lineNumber()), QString::number(xml.columnNumber()), why);
}

} // namespace

void readByline(QXmlStreamReader &xml, State &state) {
    const int line = int(xml.lineNumber());
    QList<ReaderNote> notes;
    InlineBuilder builder(&notes);
    QString title;
    while (!xml.atEnd()) {
        const auto token = xml.readNext();
        if (token == QXmlStreamReader::EndElement)
            break;
        if (token == QXmlStreamReader::Characters)
            builder.text(xml.text());
        else if (token == QXmlStreamReader::StartElement && xml.name() == u"byttl")
            title = QString(title % u' ' % readInline(xml).plainText()).simplified();
        else if (token == QXmlStreamReader::StartElement)
            builder.element(xml, true);
    }
    // "By <person>Ann Lee</person>, <byttl>Staff Writer</byttl>": the comma belongs to neither.
    static const QRegularExpression trailing(uR"([\s,;/\x{2013}\x{2014}-]+$)"_qs);
    QString names = builder.line().plainText().remove(trailing).trimmed();
    if (title.isEmpty() && names.count(u" / "_qs) == 1) {
        // "Geir Molnes / Faktisk.no": the name and where the writer works.
        const QString after = names.section(u" / "_qs, 1).trimmed();
        if (after.split(u' ', Qt::SkipEmptyParts).size() <= 4) {
            title = after;
            names = names.section(u" / "_qs, 0, 0).trimmed();
        }
    }
    if (names.isEmpty())
        return;
    if (isInitials(names)) {
        state.headCarriers.append(
            carrier(line, ReaderNote{ImportChangeKind::RemovedChrome,
                                     names,
                                     {},
                                     u"The byline holds only editors' initials, not a writer's name."_qs,
                                     line}));
        return;
    }
    static const QRegularExpression by(uR"(^(By|BY|by)\s+)"_qs);
    const auto prefix = by.match(names);
    const QString bare = names.mid(prefix.capturedLength(0));
    const QString cased = nameCase(bare);
    if (cased != bare)
        notes.append(ReaderNote{ImportChangeKind::KeptAsText, bare, cased,
                                u"The byline was in capitals; the name is set as it is written."_qs, line});
    Segment segment =
        make(InlineText::plain(prefix.hasMatch() ? u"By "_qs % cased : cased), line, SegmentRole::Byline);
    segment.bylineTitle = title;
    segment.notes = notes;
    state.bylines.append(segment);
}

void readDateline(QXmlStreamReader &xml, State &state) {
    const int line = int(xml.lineNumber());
    QList<ReaderNote> notes;
    InlineBuilder builder(&notes);
    QString location;
    QString dateText;
    QString norm;
    bool sawDate = false;
    while (!xml.atEnd()) {
        const auto token = xml.readNext();
        if (token == QXmlStreamReader::EndElement)
            break;
        if (token == QXmlStreamReader::Characters) {
            builder.text(xml.text());
        } else if (token == QXmlStreamReader::StartElement && xml.name() == u"location") {
            location = readInline(xml).plainText().trimmed();
            builder.text(location);
        } else if (token == QXmlStreamReader::StartElement && xml.name() == u"story.date") {
            norm = attribute(xml, u"norm"_qs);
            dateText = readInline(xml).plainText().trimmed();
            builder.text(dateText);
            sawDate = true;
        } else if (token == QXmlStreamReader::StartElement) {
            builder.element(xml, true);
        }
    }
    const InlineText text = builder.line();
    const QString plain = text.plainText();
    if (plain.isEmpty())
        return;
    QString rest = plain;
    if (sawDate)
        rest.remove(dateText);
    bool words = false;
    for (const QChar c : std::as_const(rest))
        words = words || c.isLetterOrNumber();
    const auto date = parseDate(norm) ? parseDate(norm) : parseDate(sawDate ? dateText : plain);
    if ((sawDate && !words) || (!sawDate && date)) {
        // "<dateline><story.date norm=...>...</story.date></dateline>": a date, not a place.
        if (date && !state.datelineDate.isValid())
            state.datelineDate = *date;
        state.headCarriers.append(carrier(
            line, ReaderNote{ImportChangeKind::RemovedElement,
                             plain,
                             {},
                             u"The dateline holds only a date: it is the story's date, not a dateline."_qs,
                             line}));
        return;
    }
    Segment segment = make(text, line, SegmentRole::Dateline);
    segment.notes = notes;
    state.datelines.append(segment);
    state.datelinePlace = location.isEmpty() ? plain.section(u',', 0, 0).trimmed() : location;
}

void readAbstract(QXmlStreamReader &xml, State &state) {
    const int line = int(xml.lineNumber());
    QList<ReaderNote> notes;
    InlineBuilder builder(&notes);
    builder.element(xml, false);
    Segment segment = make(builder.line(), line, SegmentRole::Deck);
    segment.notes = notes;
    if (!segment.text.isEmpty() || !notes.isEmpty())
        state.abstracts.append(segment);
}

} // namespace nitf

std::optional<ReadStory> readNitf(const QString &input, QString *error) {
    auto fail = [error](const QString &message) -> std::optional<ReadStory> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    QString guardError;
    const auto guarded = guardXml(input, u"NITF"_qs, &guardError);
    if (!guarded)
        return fail(guardError);
    QXmlStreamReader xml(guarded->text);
    nitf::State state;
    nitf::restartLinkNotes();
    bool sawRoot = false;
    if (xml.readNextStartElement()) {
        if (xml.name() != u"nitf")
            return fail(
                u"The XML file is not NITF: its root element is <%1>, not <nitf>."_qs.arg(xml.name()));
        sawRoot = true;
        state.meta.language = nitf::declaredLanguage(xml);
        while (xml.readNextStartElement()) {
            if (xml.name() == u"head") {
                nitf::readHead(xml, state);
            } else if (xml.name() == u"body") {
                if (state.meta.language.isEmpty())
                    state.meta.language = nitf::declaredLanguage(xml);
                while (xml.readNextStartElement()) {
                    if (xml.name() == u"body.head")
                        nitf::readBodyHead(xml, state);
                    else if (xml.name() == u"body.content")
                        nitf::readBlocks(xml, state, 3);
                    else if (xml.name() == u"body.end")
                        nitf::readBodyEnd(xml, state);
                    else
                        xml.skipCurrentElement();
                }
            } else {
                xml.skipCurrentElement();
            }
        }
    }
    const int unlistedLinks = nitf::restartLinkNotes();
    if (xml.hasError())
        return fail(nitf::errorSentence(xml));
    if (unlistedLinks > 0)
        state.reportNotes
            << u"%1 more links with addresses Galley does not keep lost their address; their words "
               "stay."_qs.arg(unlistedLinks);
    if (!sawRoot)
        return fail(u"The XML file holds no <nitf> element."_qs);
    ReadStory story = nitf::assemble(state);
    story.reportNotes = guarded->notes + state.reportNotes + story.reportNotes;
    return story;
}

} // namespace galley
