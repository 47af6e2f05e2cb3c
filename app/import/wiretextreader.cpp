// Agency wire copy: IPTC 7901 and ANPA-1312 messages to stories. The framing characters split a
// message into header, text and trailer; wireformat.cpp reads the header lines, wirebody.cpp the
// paragraphs after the headline.
#include "lineshapes.h"
#include "readers.h"
#include "wirebody.h"
#include "wireformat.h"

#include <QRegularExpression>

namespace galley {

namespace {

using namespace wire;

struct Message {
    QList<Line> before; ///< before SOH
    QList<Line> header; ///< after SOH (or the start), before STX
    QList<Line> text;   ///< after STX, before ETX
    QList<Line> trailer;
    QList<Line> after; ///< after EOT
    bool soh = false;
    bool stx = false;
    bool etx = false;
    bool eot = false;
    int dropped = 0;      ///< stray control characters
    int replacements = 0; ///< U+FFFD left by an earlier conversion of control characters
};

enum class Part { Before, Header, Text, Trailer, After };

bool isBlank(const QString &text) {
    return text.trimmed().isEmpty();
}

/// Splits the decoded input at its framing characters into messages of lines. Control characters
/// never reach a line's text: padding (NUL, DEL, SYN, BEL, FF) goes, BS (ANPA's tab line indicator)
/// marks the line and DLE (its space band) is a space; US and DC1-DC4 stay in header lines, where
/// the header parsers read them.
QList<Message> splitMessages(const QString &input) {
    QList<Message> messages;
    Message current;
    Part part = Part::Before;
    const QChar breakChar = input.contains(u'\n') ? u'\n' : u'\r';
    int number = 0;
    auto target = [&]() -> QList<Line> & {
        switch (part) {
        case Part::Before:
            return current.before;
        case Part::Header:
            return current.header;
        case Part::Text:
            return current.text;
        case Part::Trailer:
            return current.trailer;
        case Part::After:
            break;
        }
        return current.after;
    };
    auto hasContent = [&current] {
        return current.stx || current.etx || current.eot || !current.header.isEmpty() ||
               !current.text.isEmpty();
    };
    for (const QStringView raw : QStringView(input).split(breakChar)) {
        ++number;
        QString piece;
        bool tli = false;
        bool framed = false;
        auto flush = [&](bool endOfLine) {
            if ((!endOfLine || framed) && isBlank(piece)) {
                piece.clear();
                tli = false;
                return;
            }
            target().append(Line{piece, number, tli});
            piece.clear();
            tli = false;
        };
        for (const QChar c : raw) {
            const char16_t u = c.unicode();
            switch (u) {
            case Soh:
                flush(false);
                if (hasContent()) {
                    messages << current;
                    current = Message{};
                    // Past the limit the caller refuses the file: reading on would only cost memory.
                    if (messages.size() > MaxWireMessages)
                        return messages;
                }
                current.soh = true;
                part = Part::Header;
                framed = true;
                continue;
            case Stx:
                flush(false);
                if (part == Part::Before) {
                    current.header = current.before;
                    current.before.clear();
                }
                current.stx = true;
                part = Part::Text;
                framed = true;
                continue;
            case Etx:
                flush(false);
                current.etx = true;
                part = Part::Trailer;
                framed = true;
                continue;
            case Eot:
                flush(false);
                current.eot = true;
                part = Part::After;
                framed = true;
                continue;
            case 0x08: // tab line indicator
                tli = tli || isBlank(piece);
                piece += u'\t';
                continue;
            case 0x10: // space band
                piece += u' ';
                continue;
            case u'\t':
                piece += c;
                continue;
            case 0x11:
            case 0x12:
            case 0x13:
            case 0x14:
            case Us:
                if (part == Part::Header || part == Part::Before)
                    piece += c;
                continue;
            case 0x00:
            case 0x07:
            case 0x0b:
            case 0x0c:
            case 0x0d:
            case Syn:
            case 0x7f:
                continue;
            case 0xfffd:
                ++current.replacements;
                continue;
            default:
                break;
            }
            if (u < 0x20 || (u >= 0x80 && u <= 0x9f)) {
                ++current.dropped;
                continue;
            }
            piece += c;
        }
        flush(true);
    }
    if (!current.soh && !current.stx) {
        current.text = current.before;
        current.before.clear();
    }
    messages << current;
    return messages;
}

/// A 7901 keyword line when nothing frames it: slash-separated words ("Harbour/lighthouse/sale/")
/// or one word, never a sentence or a headline ending in "=".
bool looksLikeKeywordLine(const QString &raw) {
    const QString line = raw.trimmed();
    if (line.isEmpty() || line.size() > 60 || lineshape::wordCount(line) > 8 || line.endsWith(u'=') ||
        lineshape::endsSentence(line))
        return false;
    return line.contains(u'/') || !line.contains(u' ');
}

/// One ANPA "^...<" header line, caret and end marks taken off.
struct CaretItem {
    QString text;
    int line = 0;
    bool code = false; ///< a line without caret among them ("code:2<"): an internal code
};

QString withoutEndMarks(QString text) {
    text = text.trimmed();
    while (!text.isEmpty() &&
           (text.back() == u'<' || text.back() == u'=' || text.back() == u'@' || text.back().isSpace()))
        text.chop(1);
    return text.trimmed();
}

/// "By NAME", "Von Name": a byline line. @p anyCase also takes "By dpa correspondents", as a
/// 7901 heading writes it.
bool isBylineText(const QString &text, bool anyCase = false) {
    static const QRegularExpression byline(uR"(^(?:By|BY|Von|Par|Por|Door|Av) \p{Lu})"_qs);
    static const QRegularExpression lower(uR"(^(?:By|BY|Von|Par|Por|Door|Av) \p{L})"_qs);
    return (anyCase ? lower : byline).match(text).hasMatch() && lineshape::wordCount(text) <= 14 &&
           !lineshape::endsSentence(text);
}

class MessageReader final {
public:
    explicit MessageReader(Message message)
        : m(std::move(message)) {}

    ReadStory read() {
        for (const Line &line : std::as_const(m.before))
            drop(line, u"Text before the start of the wire message (SOH)."_qs);
        QList<Line> text = m.text;
        if (m.stx || m.soh) {
            QList<Line> header = m.header;
            readHeader(header, m.stx);
            // Without STX the text starts where the header lines stop.
            text = header + text;
        } else {
            readHeader(text, false);
        }
        // Header lines the parsers did not take are text now: their format codes go.
        for (Line &line : text)
            line.text.removeIf([](QChar c) { return c.unicode() < 0x20 && c != u'\t'; });
        readHead(text);
        if (!hasByline)
            readBodyByline(text);
        const Body body = readBody(text, typography);
        story.segments << body.segments;
        headlineFromAlert();
        notes << body.notes;
        if (body.time.isValid() && !time.isValid()) {
            time = body.time;
            timeAgency = body.timeAgency;
        }
        for (const Line &line : std::as_const(m.trailer))
            readTrailerLine(line, u"Text after the end of the message text (ETX)."_qs);
        for (const Line &line : std::as_const(m.after))
            readTrailerLine(line, u"Text after the end of the transmission (EOT)."_qs);
        finish(body);
        return story;
    }

private:
    void drop(const Line &line, const QString &note) {
        if (isBlank(line.text))
            return;
        // The report shows the line as text: the unit separator as a space, format codes gone.
        QString shown;
        for (const QChar c : line.text)
            if (c.unicode() >= 0x20 || c == u'\t' || c == QChar(Us))
                shown += c == QChar(Us) ? QChar(u' ') : c;
        story.segments << removal(line.number, shown.simplified(), note);
    }

    void mergeHeader(const Header &part) {
        const Header old = header;
        header = part;
        if (!old.service.isEmpty() && header.service.isEmpty()) {
            header.service = old.service;
            header.sequence = old.sequence;
            header.upi = old.upi;
            header.selector = old.selector;
        }
        haveHeader = true;
        standard = part.standard;
    }

    QString describe(const Header &h) const {
        QStringList parts;
        if (h.sequence >= 0)
            parts << (h.standard == Standard::Anpa1312 ? u"story %1"_qs : u"message %1"_qs).arg(h.sequence);
        if (!h.priority.isEmpty())
            parts << u"priority %1"_qs.arg(h.priority);
        if (!h.category.isEmpty())
            parts << u"category %1"_qs.arg(h.category);
        if (h.wordCount >= 0)
            parts << u"%1 words"_qs.arg(h.wordCount);
        if (!h.selector.isEmpty())
            parts << u"selector %1"_qs.arg(h.selector);
        return parts.join(u", "_qs);
    }

    /// Reads the header lines at the front of @p lines and takes them off. @p exact: the framing
    /// says where the header ends (STX), so every line is header; else the header ends at the first
    /// line without a header's shape.
    void readHeader(QList<Line> &lines, bool exact) {
        auto skipBlank = [&lines] {
            while (!lines.isEmpty() && isBlank(lines.first().text))
                lines.removeFirst();
        };
        skipBlank();
        if (lines.isEmpty())
            return;
        const Line first = lines.first();
        const auto service = parseAnpaServiceLine(first.text);
        const auto secondStory = lines.size() > 1 ? parseAnpaStoryLine(lines.at(1).text) : std::nullopt;
        if (service && (secondStory || (exact && lines.size() == 1))) {
            mergeHeader(*service);
            lines.removeFirst();
            drop(first, u"ANPA-1312 service line (%1)."_qs.arg(describe(*service)));
            skipBlank();
        }
        if (!lines.isEmpty()) {
            if (const auto story = parseAnpaStoryLine(lines.first().text)) {
                mergeHeader(*story);
                drop(lines.first(),
                     u"ANPA-1312 story line, read into the story's details (%1)."_qs.arg(describe(*story)));
                lines.removeFirst();
            } else if (const auto iptc =
                           standard ? std::optional<Header>() : parseIptc7901Header(lines.first().text)) {
                mergeHeader(*iptc);
                drop(lines.first(),
                     u"IPTC 7901 header line, read into the story's details (%1)."_qs.arg(describe(*iptc)));
                lines.removeFirst();
                skipBlank();
                if (!lines.isEmpty() && !isTakeLine(lines.first().text) &&
                    (exact || looksLikeKeywordLine(lines.first().text))) {
                    slug = lines.first().text.trimmed();
                    while (slug.endsWith(u'/'))
                        slug.chop(1);
                    drop(lines.first(), u"Keyword line: the story's slug and keywords."_qs);
                    lines.removeFirst();
                }
            }
        }
        if (!haveHeader && !exact)
            return;
        // Take lines ("1ST LEAD", "REFILE", "EXTRA") follow the keyword line.
        while (!lines.isEmpty()) {
            skipBlank();
            if (lines.isEmpty())
                break;
            const Line line = lines.first();
            if (isTakeLine(line.text)) {
                takes << line.text.trimmed();
                drop(line, u"Take key: how this item relates to earlier ones."_qs);
            } else if (exact && slug.isEmpty() && standard != Standard::Anpa1312 &&
                       looksLikeKeywordLine(line.text)) {
                slug = line.text.trimmed();
                while (slug.endsWith(u'/'))
                    slug.chop(1);
                drop(line, u"Keyword line: the story's slug and keywords."_qs);
            } else if (exact) {
                drop(line, u"Line in the wire header, before the message text (STX)."_qs);
            } else {
                break;
            }
            lines.removeFirst();
        }
    }

    void readHead(QList<Line> &lines) {
        while (!lines.isEmpty() && isBlank(lines.first().text))
            lines.removeFirst();
        if (lines.isEmpty())
            return;
        if (lines.first().text.trimmed().startsWith(u'^'))
            readCaretHead(lines);
        else
            readHeading(lines);
    }

    Segment headSegment(const QString &text, int line, SegmentRole role) {
        Segment segment;
        segment.text = InlineText::plain(typeset(text, typography));
        segment.line = line;
        segment.markupRole = role;
        return segment;
    }

    void addByline(QString text, int line, const QString &title) {
        const QString original = text;
        text = titleCaseCapitals(text);
        // Only English bylines keep their "By": the cleanup reads names after it.
        static const QRegularExpression foreign(uR"(^(?:BY|Von|Par|Por|Door|Av) )"_qs);
        if (text.startsWith(u"BY "_qs))
            text = u"By "_qs + text.mid(3);
        if (text.startsWith(u"By "_qs) && text.size() > 3 && text.at(3).isLower())
            text = text.mid(3); // "By dpa correspondents": the cleanup reads "By" only before a capital
        else if (const auto match = foreign.match(text); match.hasMatch())
            text = text.mid(match.capturedLength());
        Segment segment = headSegment(text, line, SegmentRole::Byline);
        segment.bylineTitle = titleCaseCapitals(title);
        if (text != original && titleCaseCapitals(original) != original)
            segment.notes << ReaderNote{ImportChangeKind::KeptAsText, original, text,
                                        u"The wire sets bylines in capitals: the names are set in upper and "
                                        "lower case."_qs,
                                        0};
        story.segments << segment;
        hasByline = true;
    }

    /// ANPA: the "^...<" lines above the text: keyword line, headline, notes for editors, the
    /// summary, the byline and its title.
    void readCaretHead(QList<Line> &lines) {
        QList<CaretItem> items;
        while (!lines.isEmpty()) {
            const Line line = lines.first();
            QString text = line.text.trimmed();
            if (text.isEmpty()) {
                lines.removeFirst();
                continue;
            }
            if (!text.startsWith(u'^')) {
                // Codes between header lines ("code:2<") end in "<" too.
                if (text.endsWith(u'<') && lineshape::wordCount(text) <= 2 && !items.isEmpty()) {
                    items << CaretItem{withoutEndMarks(text), line.number, true};
                    lines.removeFirst();
                    continue;
                }
                break;
            }
            lines.removeFirst();
            // A header line wraps when it has no end mark: its continuation has no caret.
            while (!text.endsWith(u'<') && !text.endsWith(u'=') && !lines.isEmpty() &&
                   !isBlank(lines.first().text) && !lines.first().text.trimmed().startsWith(u'^') &&
                   !lines.first().text.startsWith(u'\t') && lines.first().number - line.number < 4) {
                text += u' ' + lines.first().text.trimmed();
                lines.removeFirst();
            }
            for (const QString &part :
                 text.split(QRegularExpression(uR"([<=]\s+\^)"_qs), Qt::SkipEmptyParts)) {
                QString item = part.trimmed();
                while (item.startsWith(u'^'))
                    item.remove(0, 1);
                item = withoutEndMarks(item);
                if (!item.isEmpty())
                    items << CaretItem{item, line.number, false};
            }
        }
        bool headline = false;
        bool deck = false;
        for (qsizetype i = 0; i < items.size(); ++i) {
            const CaretItem &item = items.at(i);
            const QString &text = item.text;
            if (i == 0) {
                if (const auto keyword = parseAnpaKeywordLine(text)) {
                    slug = keyword->slug;
                    if (!keyword->take.isEmpty())
                        takes << keyword->take;
                    keywordWords = keyword->wordCount;
                    story.segments << removal(item.line, text,
                                              u"Keyword line: the story's slug and keywords."_qs);
                    continue;
                }
            }
            static const QRegularExpression visuals(
                uR"(^(?:With )?(?:AP |Example |)(?:Photos?|Video|Graphics?|Audio|Interactive)\b)"_qs);
            static const QRegularExpression field(uR"(^([A-Za-z]{2,12}) ?: ?(\S.*)$)"_qs);
            if (item.code) {
                story.segments << removal(item.line, text, u"Internal wire code among the header lines."_qs);
            } else if (isTakeLine(text) && !text.contains(u':')) {
                takes << text;
                story.segments << removal(item.line, text,
                                          u"Take key: how this item relates to earlier ones."_qs);
            } else if (const QString note = editorsNote(text); !note.isEmpty()) {
                notes << NoteText{note, item.line};
                story.segments << removal(
                    item.line, text,
                    u"Editor's note from the agency: kept with the story's notes, never "
                    "published."_qs);
            } else if (visuals.match(text).hasMatch()) {
                notes << NoteText{text, item.line};
                story.segments << removal(item.line, text,
                                          u"Pictures or video offered with the story: kept with the story's "
                                          "notes."_qs);
            } else if (isBylineText(text)) {
                QString title;
                if (i + 1 < items.size() && isBylineTitle(items.at(i + 1).text))
                    title = items.at(++i).text;
                addByline(text, item.line, title);
            } else if (text.startsWith(u"HL:"_qs) && !headline) {
                story.segments << headSegment(text.mid(3).trimmed(), item.line, SegmentRole::Headline);
                headline = true;
            } else if (const auto match = field.match(text); match.hasMatch()) {
                if (match.captured(1).compare(u"INDEX"_qs, Qt::CaseInsensitive) == 0) {
                    for (const QString &word : match.captured(2).split(u',', Qt::SkipEmptyParts))
                        indexWords << word.trimmed();
                    story.segments << removal(item.line, text, u"Index terms: the story's keywords."_qs);
                } else {
                    notes << NoteText{text, item.line};
                    story.segments << removal(item.line, text,
                                              u"Header field for editors: kept with the story's notes."_qs);
                }
            } else if (!text.contains(QRegularExpression(uR"(\p{L}{2})"_qs)) || text.startsWith(u'*')) {
                story.segments << removal(item.line, text, u"Internal wire code among the header lines."_qs);
            } else if (!headline) {
                story.segments << headSegment(text, item.line, SegmentRole::Headline);
                headline = true;
            } else if (!deck && lineshape::wordCount(text) >= 6) {
                story.segments << headSegment(text, item.line, SegmentRole::Deck);
                deck = true;
            } else {
                story.segments << headSegment(text, item.line, SegmentRole::Paragraph);
            }
        }
    }

    static bool isBylineTitle(const QString &text) {
        static const QString endings = u".,;:!?"_qs;
        return !text.isEmpty() && lineshape::wordCount(text) <= 6 && !endings.contains(text.back()) &&
               !isBylineText(text) && editorsNote(text).isEmpty() && text.front().isUpper();
    }

    /// IPTC 7901: the heading after STX, up to the line ending in "=": headline, then byline lines.
    void readHeading(QList<Line> &lines) {
        while (!lines.isEmpty() && isTakeLine(lines.first().text) && !isBlank(lines.first().text)) {
            takes << lines.first().text.trimmed();
            drop(lines.first(), u"Take key: how this item relates to earlier ones."_qs);
            lines.removeFirst();
        }
        while (!lines.isEmpty() && isBlank(lines.first().text))
            lines.removeFirst();
        if (lines.isEmpty())
            return;
        qsizetype end = -1;
        for (qsizetype i = 0; i < lines.size() && i < 8; ++i) {
            const QString text = lines.at(i).text.trimmed();
            if (text.isEmpty() || (i > 0 && lines.at(i).text.front().isSpace() && !text.endsWith(u'=')))
                break;
            if (text.endsWith(u'=')) {
                end = i;
                break;
            }
        }
        if (end < 0) {
            // No "=": a short first line standing alone is the headline.
            const QString first = lines.first().text.trimmed();
            const bool alone =
                lines.size() == 1 || isBlank(lines.at(1).text) || lines.at(1).text.front().isSpace();
            if (lines.first().text.front().isSpace() || !alone || lineshape::wordCount(first) > 25 ||
                lineshape::endsSentence(first) || lineshape::parseWireDateline(first))
                return;
            end = 0;
        }
        QStringList headline;
        int headlineLine = lines.first().number;
        qsizetype i = 0;
        for (; i <= end; ++i) {
            const QString text = withoutEndMarks(lines.at(i).text);
            if (i > 0 && isBylineText(text, true))
                break;
            if (!text.isEmpty())
                headline << text;
        }
        if (!headline.isEmpty())
            story.segments << headSegment(headline.join(u' '), headlineLine, SegmentRole::Headline);
        if (i <= end) {
            const QString byline = withoutEndMarks(lines.at(i).text);
            QStringList title;
            for (qsizetype t = i + 1; t <= end; ++t)
                title << withoutEndMarks(lines.at(t).text);
            addByline(byline, lines.at(i).number, title.join(u' ').trimmed());
        }
        lines.remove(0, end + 1);
    }

    /// An alert or bulletin may come without a headline line: its one paragraph, dateline and final
    /// full stop taken off, serves as the headline too.
    void headlineFromAlert() {
        qsizetype at = -1;
        for (qsizetype i = 0; i < story.segments.size(); ++i) {
            const Segment &segment = story.segments.at(i);
            if (segment.markupRole == SegmentRole::Headline)
                return;
            if (segment.markupRole != SegmentRole::Paragraph || segment.blockKind != BlockKind::Paragraph ||
                segment.text.isEmpty())
                continue;
            if (at >= 0)
                return;
            at = i;
        }
        if (at < 0)
            return;
        const QString paragraph = story.segments.at(at).text.plainText();
        QString text = paragraph;
        if (const auto dateline = lineshape::parseWireDateline(text))
            text = text.mid(dateline->length).trimmed();
        if (text.endsWith(u'.') && !text.endsWith(u"..."_qs))
            text.chop(1);
        if (text.isEmpty() || lineshape::wordCount(text) > 40)
            return;
        Segment headline = story.segments.at(at);
        headline.text = InlineText::plain(text);
        headline.markupRole = SegmentRole::Headline;
        headline.notes = {
            ReaderNote{ImportChangeKind::KeptAsText, paragraph, text,
                       u"The item has no headline line: its only paragraph serves as the headline "
                       "too."_qs,
                       0}};
        story.segments.insert(at, headline);
    }

    /// Older copy puts the byline and its title at the top of the body as paragraphs of their own
    /// ("By JANE EXAMPLE" / "Associated Press Writer").
    void readBodyByline(QList<Line> &lines) {
        auto standsAlone = [&lines](qsizetype i) {
            return i + 1 >= lines.size() || isBlank(lines.at(i + 1).text) ||
                   lines.at(i + 1).text.front().isSpace() || lines.at(i).text.trimmed().endsWith(u'<');
        };
        qsizetype i = 0;
        while (i < lines.size() && isBlank(lines.at(i).text))
            ++i;
        if (i >= lines.size())
            return;
        const QString byline = withoutEndMarks(lines.at(i).text);
        if (!isBylineText(byline) || lineshape::wordCount(byline) > 8 || !standsAlone(i))
            return;
        qsizetype last = i;
        QString title;
        qsizetype j = i + 1;
        while (j < lines.size() && isBlank(lines.at(j).text))
            ++j;
        static const QRegularExpression titleWords(
            uR"(\b(?:Writer|Press|Correspondent|Editor|Reporter|Staff|Service|Wire|Agency|News|Bureau)\b)"_qs,
            QRegularExpression::CaseInsensitiveOption);
        if (j < lines.size()) {
            const QString candidate = withoutEndMarks(lines.at(j).text);
            if (isBylineTitle(candidate) && standsAlone(j) && titleWords.match(candidate).hasMatch()) {
                title = candidate;
                last = j;
            }
        }
        addByline(byline, lines.at(i).number, title);
        lines.remove(0, last + 1);
    }

    void readTrailerLine(const Line &line, const QString &otherwise) {
        const QString text = line.text.simplified();
        if (text.isEmpty())
            return;
        const auto kind = trailerKind(text);
        if (kind == TrailerKind::Time) {
            if (const auto parsed = parseTrailerTime(text); parsed && parsed->time.isValid()) {
                time = parsed->time;
                timeAgency = parsed->agency;
            }
            drop(line, u"Transmission time: the story's version time."_qs);
        } else if (kind == TrailerKind::Copyright) {
            drop(line, u"Agency copyright line."_qs);
        } else if (kind == TrailerKind::SignOff) {
            drop(line, u"The editors' initials signing off the item."_qs);
        } else if (kind == TrailerKind::EndMark) {
            drop(line, u"Wire end mark."_qs);
        } else {
            drop(line, otherwise);
        }
    }

    /// The agency in the first paragraph's dateline: "EASTPORT (Example Wire) - " gives
    /// "Example Wire", "San Diego (tca/dpa) - " the distributing agency "dpa".
    QString datelineAgency() const {
        for (const Segment &segment : story.segments) {
            if (segment.markupRole != SegmentRole::Paragraph || segment.blockKind != BlockKind::Paragraph ||
                segment.verbatim || segment.text.isEmpty())
                continue;
            const QString text = segment.text.plainText();
            const auto dateline = lineshape::parseWireDateline(text);
            if (!dateline)
                return {};
            static const QRegularExpression agency(uR"(\(([^()]+)\))"_qs);
            const auto match = agency.match(text.left(dateline->length));
            if (!match.hasMatch())
                return {};
            return match.captured(1).split(u'/').last().trimmed();
        }
        return {};
    }

    void finish(const Body &body) {
        StoryMetadata &meta = story.metadata;
        meta.sourceAgency = datelineAgency();
        if (meta.sourceAgency.isEmpty())
            meta.sourceAgency = header.agency;
        if (meta.sourceAgency.isEmpty())
            meta.sourceAgency = timeAgency;
        meta.priority = header.urgency;
        for (const QString &take : std::as_const(takes))
            if (meta.priority == 0)
                meta.priority = takeUrgency(take);
        meta.slugline = slug.isEmpty() ? header.keyword : slug;
        meta.keywords = slugKeywords(meta.slugline);
        for (const QString &word : std::as_const(indexWords))
            if (!meta.keywords.contains(word))
                meta.keywords << word;
        bool update = false;
        for (const QString &take : std::as_const(takes))
            update = update || isUpdateTake(take);
        update = update || isUpdateTake(header.version);
        if (time.isValid()) {
            meta.versionCreated = time;
            // A write-thru's time is its own; the first version's time is not in this file.
            if (!update)
                meta.firstCreated = time;
        }
        const QString author = meta.sourceAgency.isEmpty() ? u"Agency"_qs : meta.sourceAgency;
        for (const NoteText &note : std::as_const(notes))
            story.notes << EditorNote{newId(), author, time, note.text, QString()};

        QStringList &report = story.reportNotes;
        if (haveHeader)
            report << u"Read as %1 wire copy: %2."_qs.arg(
                standard == Standard::Anpa1312 ? u"ANPA-1312"_qs : u"IPTC 7901"_qs, describe(header));
        if (!m.soh && !m.stx)
            report << u"The wire framing (SOH, STX, ETX, EOT) is missing: the header and trailer lines were "
                      "recognised by their shape."_qs;
        else if (m.stx && !m.etx && !m.eot)
            report << u"The message has no end-of-text mark (ETX): the file may end early."_qs;
        // The story line's version repeats the keyword line's take without spaces.
        QStringList allTakes = takes;
        auto compact = [](QString take) { return take.remove(u' ').toLower(); };
        bool repeated = header.version.isEmpty();
        for (const QString &take : std::as_const(takes))
            repeated = repeated || compact(take) == compact(header.version);
        if (!repeated)
            allTakes.prepend(header.version);
        if (!allTakes.isEmpty()) {
            const QString quoted = u"“"_qs + allTakes.join(u"”, “"_qs) + u"”"_qs;
            if (update && !meta.slugline.isEmpty())
                report << u"Take key %1: this version replaces an earlier one with the slug “%2”."_qs.arg(
                    quoted, meta.slugline);
            else
                report << u"Take key %1."_qs.arg(quoted);
        }
        if (body.more)
            report << u"The story continues in a later take (MORE) that is not in this file."_qs;
        const int announced = keywordWords >= 0 ? keywordWords : header.wordCount;
        if (announced >= 50 && body.words * 5 < announced * 3)
            report << u"The header announces %1 words but the file holds %2: the text may be incomplete."_qs
                          .arg(announced)
                          .arg(body.words);
        QStringList typeset;
        if (typography.quotes > 0)
            typeset << (typography.quotes == 1
                            ? u"1 quotation in ``…'' became “…”"_qs
                            : u"%1 quotations in ``…'' became “…”"_qs.arg(typography.quotes));
        if (typography.dashes > 0)
            typeset << (typography.dashes == 1 ? u"1 “ _ ” became an em dash"_qs
                                               : u"%1 “ _ ” became em dashes"_qs.arg(typography.dashes));
        if (!typeset.isEmpty())
            report << u"Typewriter marks set as typography: %1."_qs.arg(typeset.join(u", "_qs));
        if (m.dropped > 0)
            report << u"%1 stray control characters were dropped."_qs.arg(m.dropped);
        if (m.replacements > 0)
            report << u"%1 replacement characters (U+FFFD), left where an earlier program could not show the "
                      "wire's control characters, were dropped."_qs.arg(m.replacements);
    }

    Message m;
    ReadStory story;
    std::optional<Standard> standard;
    Header header;
    bool haveHeader = false;
    QString slug;
    QStringList takes;
    QStringList indexWords;
    int keywordWords = -1;
    QList<NoteText> notes;
    Typography typography;
    QDateTime time;
    QString timeAgency;
    bool hasByline = false;
};

} // namespace

std::optional<QList<ReadStory>> readWireText(const QString &text, QString *error) {
    QList<Message> messages = splitMessages(text);
    if (messages.size() > MaxWireMessages) {
        if (error)
            *error = u"The file holds %1 wire messages; Galley imports at most %2 at once. Split the file "
                     "and import the parts."_qs.arg(messages.size())
                         .arg(MaxWireMessages);
        return std::nullopt;
    }
    QList<ReadStory> stories;
    for (Message &message : messages)
        stories << MessageReader(std::move(message)).read();
    return stories;
}

} // namespace galley
