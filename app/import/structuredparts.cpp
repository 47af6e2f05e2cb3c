#include "structuredparts.h"

#include "lineshapes.h"
#include "readers.h"

#include <QRegularExpression>
#include <QUrl>
#include <QXmlStreamReader>

#include <libxml/HTMLparser.h>

namespace galley::structured {

namespace {

bool isControl(QChar c) {
    const char16_t u = c.unicode();
    return (u < 0x20 && u != u'\t' && u != u'\n' && u != u'\r') || (u >= 0x7F && u <= 0x9F) || u == 0xFEFF;
}

QString withoutControls(const QString &text) {
    QString out;
    out.reserve(text.size());
    for (const QChar c : text)
        if (!isControl(c))
            out += c;
    return out;
}

/// Letters and digits only, lowercased: two texts that differ in spacing, quotes or dashes match.
QString letters(const QString &text) {
    QString out;
    out.reserve(text.size());
    for (const QChar c : text)
        if (c.isLetterOrNumber())
            out += c.toLower();
    return out;
}

QString fileNameOf(const QString &href) {
    const QString path = QUrl(href).path();
    const QString name = path.section(u'/', -1);
    // "…/download?role=main" names no file; only a name with an extension is one.
    return name.contains(u'.') ? name : QString();
}

QString pictureType(const QString &mimeType) {
    const QString type = mimeType.trimmed().toLower();
    if (type == u"image/jpg" || type == u"image/pjpeg")
        return u"image/jpeg"_qs;
    return type.startsWith(u"image/") ? type : QString();
}

int renditionRank(const Rendition &rendition) {
    static const QStringList preferred = {u"original"_qs, u"main"_qs,      u"highres"_qs,
                                          u"hires"_qs,    u"baseimage"_qs, u"viewimage"_qs,
                                          u"large"_qs,    u"preview"_qs,   u"web"_qs};
    const QString name = rendition.name.toLower().section(u':', -1);
    const qsizetype index = preferred.indexOf(name);
    if (index >= 0)
        return int(index);
    return name.contains(u"thumb") ? 100 : 50;
}

} // namespace

int xmlDepth(const QString &xml) {
    QXmlStreamReader reader(xml);
    int depth = 0;
    int deepest = 0;
    while (!reader.atEnd()) {
        const auto token = reader.readNext();
        if (token == QXmlStreamReader::StartElement)
            deepest = std::max(deepest, ++depth);
        else if (token == QXmlStreamReader::EndElement)
            --depth;
    }
    return deepest;
}

QString tooDeep(const QString &where, int depth) {
    return u"%1 nests its markup %2 levels deep; Galley reads at most %3 levels, so the file is not "
           "imported."_qs.arg(where, QString::number(depth), QString::number(MaxNesting));
}

QString oneLine(const QString &text) {
    return withoutControls(text).simplified();
}

QString bylineText(const QString &raw) {
    static const QRegularExpression prefix(
        uR"(^(?:By|BY|by|Von|VON|von|Par|PAR|Por|POR|Av|AV|Af|AF|Door)\s+(?=\p{Lu}))"_qs);
    return oneLine(raw).remove(prefix);
}

QString unusedSummary(const QString &summary) {
    return u"The agency's summary is not used, since the subheadline gives the deck: “%1”"_qs.arg(
        oneLine(summary));
}

QDateTime parseTime(const QString &raw) {
    QString text = raw.trimmed();
    if (text.isEmpty())
        return {};
    // The compact form some agencies use: 20210526T134018+0200.
    static const QRegularExpression compact(uR"(^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(.*)$)"_qs);
    if (const auto m = compact.match(text); m.hasMatch())
        text = u"%1-%2-%3T%4:%5:%6%7"_qs.arg(m.captured(1), m.captured(2), m.captured(3), m.captured(4),
                                             m.captured(5), m.captured(6), m.captured(7));
    static const QRegularExpression offset(uR"((Z|[+-]\d{2}:?\d{2})$)"_qs);
    QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!time.isValid())
        time = QDateTime::fromString(text, Qt::ISODate);
    if (!time.isValid()) {
        const QDate date = QDate::fromString(text, Qt::ISODate);
        if (!date.isValid())
            return {};
        return QDateTime(date, QTime(0, 0), Qt::UTC);
    }
    if (!offset.match(text).hasMatch())
        time = QDateTime(time.date(), time.time(), Qt::UTC);
    return time.toUTC();
}

QString timeText(const QDateTime &time) {
    return time.toUTC().toString(u"yyyy-MM-dd HH:mm"_qs) % u" UTC"_qs;
}

QList<Segment> plainBody(const QString &raw, int line) {
    QString text = withoutControls(raw);
    text.replace(u"\r\n"_qs, u"\n"_qs);
    text.replace(u'\r', u'\n');
    text.replace(QChar::ParagraphSeparator, u"\n\n"_qs);
    text.replace(QChar::LineSeparator, u'\n');
    // Text sent as plain but wrapped in paragraph tags all the same (ANSA's NewsML-G2 inlineData
    // "text/plain" holds "<p>…</p>" around wire text): the tags end paragraphs, nothing more.
    static const QRegularExpression wrapped(uR"(^\s*<p(?:\s[^<>]*)?>.*</p>\s*$)"_qs,
                                            QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression paragraphTag(uR"(</?p(?:\s[^<>]*)?/?>)"_qs,
                                                 QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression otherTag(uR"(</?(?!p[\s>/])[A-Za-z][^<>]*>)"_qs);
    if (wrapped.match(text).hasMatch() && !otherTag.match(text).hasMatch())
        text.replace(paragraphTag, u"\n\n"_qs);
    static const QRegularExpression blank(uR"(\n[ \t]*\n)"_qs);
    QList<Segment> out;
    auto add = [&](const QString &paragraph) {
        const QString clean = paragraph.simplified();
        if (!clean.isEmpty())
            out.append(headSegment(SegmentRole::Paragraph, clean, line));
    };
    auto isIndented = [](const QString &l) { return l.startsWith(u'\t') || l.startsWith(u"  "_qs); };
    // Wire text indents the first line of each paragraph (tab or spaces) and hard-wraps the rest.
    auto addIndented = [&](const QStringList &lines) {
        QString paragraph;
        for (const QString &l : lines) {
            if (isIndented(l) && !paragraph.trimmed().isEmpty()) {
                add(paragraph);
                paragraph.clear();
            }
            paragraph += u' ' % l;
        }
        add(paragraph);
    };
    auto indentedLines = [&](const QStringList &lines) {
        int indented = 0;
        for (const QString &l : lines)
            indented += isIndented(l) && !l.trimmed().isEmpty();
        return indented;
    };
    if (text.contains(blank)) {
        // Between blank lines, a block that indents several of its lines holds several paragraphs.
        for (const QString &block : text.split(blank)) {
            QStringList lines = block.split(u'\n');
            while (!lines.isEmpty() && lines.first().trimmed().isEmpty())
                lines.removeFirst();
            // (Not when every line is indented alike: that is a block set in, one paragraph.)
            const int indented = indentedLines(lines.mid(1));
            if (lines.size() > 2 && indented >= 2 && indented < lines.size() - 1)
                addIndented(lines);
            else
                add(block);
        }
        return out;
    }
    const QStringList lines = text.split(u'\n');
    if (indentedLines(lines) >= 2) {
        addIndented(lines);
        return out;
    }
    for (Segment segment : readPlainText(text)) {
        segment.markupRole = SegmentRole::Paragraph;
        out.append(segment);
    }
    placeAt(out, line);
    return out;
}

Segment headSegment(SegmentRole role, const QString &text, int line, const QString &bylineTitle) {
    Segment segment;
    segment.text = InlineText::plain(text);
    segment.line = line;
    segment.markupRole = role;
    segment.bylineTitle = bylineTitle;
    return segment;
}

void placeAt(QList<Segment> &segments, int line) {
    for (Segment &segment : segments) {
        segment.line = line;
        for (ReaderNote &note : segment.notes)
            note.line = line;
    }
}

namespace {

/// @p text with the character references an agency escaped twice ("&amp;#39;" in the XML, so
/// "&#39;" once read) read once more: numeric references and the names of HTML 4 (libxml2's table)
/// and XML. Anything else with "&" stays as it is.
QString withDoubleEscapesRead(const QString &text) {
    if (!text.contains(u'&'))
        return text;
    static const QRegularExpression reference(
        uR"(&(?:#(\d{1,7})|#[xX]([0-9A-Fa-f]{1,6})|([A-Za-z][A-Za-z0-9]{1,9}));)"_qs);
    QString out;
    qsizetype last = 0;
    auto it = reference.globalMatch(text);
    while (it.hasNext()) {
        const auto match = it.next();
        char32_t code = 0;
        if (match.hasCaptured(1))
            code = match.captured(1).toUInt();
        else if (match.hasCaptured(2))
            code = match.captured(2).toUInt(nullptr, 16);
        else if (const htmlEntityDesc *entity = htmlEntityLookup(
                     reinterpret_cast<const xmlChar *>(match.captured(3).toLatin1().constData())))
            code = entity->value; // HTML 4's names (and XML's apos)
        else if (match.captured(3) == u"apos")
            code = u'\'';
        // Control characters and values past Unicode stay as written.
        if (code < 0x20 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff))
            continue;
        out += QStringView(text).mid(last, match.capturedStart() - last);
        out += QString::fromUcs4(&code, 1);
        last = match.capturedEnd();
    }
    if (last == 0)
        return text;
    out += QStringView(text).mid(last);
    return out;
}

} // namespace

void markAsBody(QList<Segment> &segments, StoryParts &parts) {
    QList<Segment> out;
    out.reserve(segments.size());
    bool textSeen = false;
    auto repeated = [&](Segment &segment, const QString &what) {
        // The body shows a head field again (an <h1> over the text, NITF's hl1): said, not kept.
        Segment carrier;
        carrier.line = segment.line;
        carrier.notes = segment.notes;
        carrier.notes.append(ReaderNote{ImportChangeKind::RemovedDuplicate,
                                        segment.text.plainText(),
                                        {},
                                        u"The body repeats the %1; it is left out."_qs.arg(what),
                                        segment.line});
        out.append(carrier);
    };
    auto same = [](const std::optional<Segment> &field, const Segment &segment) {
        return field && letters(field->text.plainText()) == letters(segment.text.plainText());
    };
    // A NewsML-G2 item's headline over the NITF inside it often says a little more or less
    // ("Preview: Arizona at Philadelphia, 7:05 p.m." over "Arizona at Philadelphia, 7:05p.m."):
    // a head line above the text that holds the other, or is held by it, is the same headline.
    auto variantOf = [](const std::optional<Segment> &field, const Segment &segment) {
        if (!field)
            return false;
        const QString known = letters(field->text.plainText());
        const QString other = letters(segment.text.plainText());
        const QString &shorter = known.size() < other.size() ? known : other;
        const QString &longer = known.size() < other.size() ? other : known;
        return shorter.size() >= 12 && shorter.size() * 3 >= longer.size() * 2 && longer.contains(shorter);
    };
    for (Segment &segment : segments) {
        segment.markupChrome = false;
        const QString before = segment.text.plainText();
        for (InlineRun &run : segment.text.runs)
            run.text = withDoubleEscapesRead(run.text);
        const QString plain = segment.text.plainText();
        if (plain != before)
            segment.notes.append(ReaderNote{ImportChangeKind::KeptAsText, before, plain,
                                            u"The agency escaped these characters twice (“&amp;#39;”): "
                                            "they are shown as the characters they stand for."_qs,
                                            segment.line});
        const SegmentRole role = segment.markupRole.value_or(SegmentRole::Paragraph);
        if (role == SegmentRole::Headline) {
            if (!parts.headline && !textSeen) {
                parts.headline = segment;
                continue;
            }
            if (same(parts.headline, segment) || (!textSeen && variantOf(parts.headline, segment))) {
                repeated(segment, u"headline"_qs);
                continue;
            }
            segment.markupRole = SegmentRole::Subhead;
        } else if (role == SegmentRole::Deck || role == SegmentRole::Dateline ||
                   role == SegmentRole::Section) {
            std::optional<Segment> &field = role == SegmentRole::Deck       ? parts.deck
                                            : role == SegmentRole::Dateline ? parts.dateline
                                                                            : parts.section;
            if (!field) {
                field = segment;
                continue;
            }
            if (same(field, segment)) {
                repeated(segment, role == SegmentRole::Deck       ? u"deck"_qs
                                  : role == SegmentRole::Dateline ? u"dateline"_qs
                                                                  : u"section"_qs);
                continue;
            }
            segment.markupRole = SegmentRole::Paragraph;
        } else if (role == SegmentRole::Byline) {
            // Several bylines are several authors; one that only repeats another is left out, and
            // one that says more ("By Jane Roe, Staff Reporter" for "Jane Roe") replaces it.
            const QString key = letters(bylineText(plain));
            bool copy = false;
            bool richer = !parts.bylines.isEmpty();
            for (const Segment &byline : std::as_const(parts.bylines)) {
                const QString known = letters(bylineText(byline.text.plainText()));
                copy = copy || known.contains(key);
                richer = richer && key.contains(known);
            }
            if (copy)
                repeated(segment, u"byline"_qs);
            else if (richer)
                parts.bylines = {segment};
            else
                parts.bylines.append(segment);
            continue;
        } else {
            segment.markupRole = role;
        }
        // Body text is never site chrome by its wording either.
        if (segment.markupRole != SegmentRole::Caption && !plain.trimmed().isEmpty())
            segment.verbatim = true;
        textSeen = textSeen || !plain.trimmed().isEmpty();
        out.append(segment);
    }
    segments = out;
}

std::optional<Rendition> bestRendition(const QList<Rendition> &renditions) {
    std::optional<Rendition> best;
    auto better = [](const Rendition &a, const Rendition &b) {
        if (a.href.isEmpty() != b.href.isEmpty())
            return !a.href.isEmpty();
        const qint64 areaA = qint64(a.width) * a.height;
        const qint64 areaB = qint64(b.width) * b.height;
        if (areaA != areaB)
            return areaA > areaB;
        return renditionRank(a) < renditionRank(b);
    };
    for (const Rendition &rendition : renditions) {
        if (!rendition.mimeType.isEmpty() && pictureType(rendition.mimeType).isEmpty())
            continue; // a caption file, a video
        if (!best || better(rendition, *best))
            best = rendition;
    }
    return best;
}

Segment pictureSegment(const Picture &picture) {
    Segment segment;
    segment.line = picture.line;
    segment.markupRole = SegmentRole::Caption;
    segment.text = InlineText::plain(picture.caption);
    segment.credit = picture.credit;
    segment.altText = picture.altText;
    if (const auto rendition = bestRendition(picture.renditions)) {
        segment.imageHref = rendition->href;
        segment.imageWidth = std::max(rendition->width, 0);
        segment.imageHeight = std::max(rendition->height, 0);
        segment.imageMimeType = pictureType(rendition->mimeType);
        segment.imageFileName = fileNameOf(rendition->href);
    }
    const QString host = QUrl(segment.imageHref).host();
    segment.pictureRefused =
        host.isEmpty() ? u"The agency sends the picture apart from the story."_qs
                       : u"The agency offers the picture at %1; Galley never fetches it."_qs.arg(host);
    return segment;
}

QList<Picture> matchFigures(QList<Segment> &body, const QList<Picture> &pictures) {
    QList<Picture> left = pictures;
    for (Segment &segment : body) {
        if (segment.markupRole != SegmentRole::Caption || !segment.imageData.isEmpty())
            continue;
        const QString caption = letters(segment.text.plainText());
        for (qsizetype i = 0; i < left.size(); ++i) {
            const Picture &picture = left.at(i);
            bool same = !caption.isEmpty() && caption == letters(picture.caption);
            for (const Rendition &rendition : picture.renditions)
                same = same || (!segment.imageFileName.isEmpty() &&
                                fileNameOf(rendition.href) == segment.imageFileName);
            if (!same)
                continue;
            const Segment details = pictureSegment(picture);
            if (segment.credit.isEmpty())
                segment.credit = details.credit;
            if (segment.altText.isEmpty())
                segment.altText = details.altText;
            if (segment.text.isEmpty())
                segment.text = details.text;
            segment.imageHref = details.imageHref;
            segment.imageWidth = details.imageWidth;
            segment.imageHeight = details.imageHeight;
            segment.imageMimeType = details.imageMimeType;
            if (!details.imageFileName.isEmpty())
                segment.imageFileName = details.imageFileName;
            segment.pictureRefused = details.pictureRefused;
            left.removeAt(i);
            break;
        }
    }
    return left;
}

QList<Segment> assemble(StoryParts parts, QStringList *reportNotes) {
    QList<Segment> out;
    if (parts.section)
        out.append(*parts.section);
    if (parts.headline)
        out.append(*parts.headline);
    out.append(parts.bylines);

    QString opening;
    QString firstParagraph;
    for (const Segment &segment : std::as_const(parts.body)) {
        if (segment.markupRole == SegmentRole::Caption || segment.markupRole == SegmentRole::PullQuote)
            continue;
        if (firstParagraph.isEmpty() && segment.markupRole == SegmentRole::Paragraph &&
            segment.blockKind == BlockKind::Paragraph)
            firstParagraph = segment.text.plainText();
        opening += letters(segment.text.plainText());
        if (opening.size() > 2000)
            break;
    }
    if (parts.dateline) {
        // A wire dateline opening the body is the one the agency printed: the cleanup takes it from
        // there (and off the paragraph), so the metadata's place name does not print it twice.
        const auto wire = lineshape::parseWireDateline(firstParagraph);
        if (wire && letters(wire->place).startsWith(letters(parts.dateline->text.plainText()).left(4))) {
            for (Segment &segment : parts.body) {
                if (segment.markupRole == SegmentRole::Paragraph && !segment.text.isEmpty()) {
                    segment.verbatim = false;
                    break;
                }
            }
        } else {
            out.append(*parts.dateline);
        }
    } else if (lineshape::parseWireDateline(firstParagraph)) {
        for (Segment &segment : parts.body) {
            if (segment.markupRole == SegmentRole::Paragraph && !segment.text.isEmpty()) {
                segment.verbatim = false;
                break;
            }
        }
    }
    if (parts.deck) {
        const QString deck = letters(parts.deck->text.plainText());
        // Within the first lines: past a stray label line ("Defence TT") over the lede.
        const qsizetype at = deck.size() >= 20 ? opening.indexOf(deck) : -1;
        if (at >= 0 && at < 200) {
            if (reportNotes)
                reportNotes->append(u"The agency's summary repeats the opening of the story, so it is not "
                                    "used as the deck: “%1”"_qs.arg(parts.deck->text.plainText()));
        } else {
            out.append(*parts.deck);
        }
    }
    for (const Picture &picture : std::as_const(parts.pictures))
        out.append(pictureSegment(picture));
    out.append(parts.body);
    return out;
}

void notePubStatus(const QString &status, const QString &agency, const QDateTime &time,
                   QStringList *reportNotes, QList<EditorNote> *notes) {
    const QString code = status.trimmed().toLower().section(u':', -1).section(u'/', -1);
    QString sentence;
    if (code == u"withheld")
        sentence = u"The agency has withheld this story: do not publish it until the agency releases it."_qs;
    else if (code == u"canceled" || code == u"cancelled")
        sentence = u"The agency has cancelled (killed) this story: do not publish it."_qs;
    if (sentence.isEmpty())
        return;
    if (reportNotes)
        reportNotes->append(sentence);
    if (notes)
        notes->append(EditorNote{newId(), agency, time, sentence, {}});
}

void takeBodyNotes(const StoryParts &parts, const QString &agency, QList<EditorNote> *notes) {
    for (EditorNote note : parts.bodyNotes) {
        if (note.author.isEmpty())
            note.author = agency;
        notes->append(note);
    }
}

void addWireNote(const QString &text, const QString &agency, const QDateTime &time,
                 QList<EditorNote> *notes) {
    QString clean = withoutControls(text);
    clean.replace(u"\r\n"_qs, u"\n"_qs);
    QStringList paragraphs;
    static const QRegularExpression blank(uR"(\n[ \t]*\n)"_qs);
    for (const QString &paragraph : clean.split(blank))
        if (const QString line = paragraph.simplified(); !line.isEmpty())
            paragraphs << line;
    if (!paragraphs.isEmpty() && notes)
        notes->append(EditorNote{newId(), agency, time, paragraphs.join(u'\n'), {}});
}

QString nameFromCode(const QString &raw) {
    const QString text = oneLine(raw);
    if (text.startsWith(u"http://"_qs, Qt::CaseInsensitive) ||
        text.startsWith(u"https://"_qs, Qt::CaseInsensitive)) {
        QString host = QUrl(text).host();
        if (host.startsWith(u"www."_qs))
            host.remove(0, 4);
        return host.isEmpty() ? text : host;
    }
    static const QRegularExpression qcode(uR"(^[A-Za-z][A-Za-z0-9_.-]*:(\S+)$)"_qs);
    if (const auto m = qcode.match(text); m.hasMatch())
        return m.captured(1);
    return text;
}

} // namespace galley::structured
