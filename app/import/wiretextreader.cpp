// Agency wire copy: IPTC 7901 and ANPA-1312 messages to stories. wiremessage.cpp splits the input
// at its framing characters, wireformat.cpp reads header and trailer lines, wirehead.cpp the
// headline and byline, wirebody.cpp (with wireagate.cpp) the paragraphs; this file ties them into
// one story per message with its details and report.
#include "lineshapes.h"
#include "readers.h"
#include "wirebody.h"
#include "wireformat.h"
#include "wirehead.h"
#include "wiremessage.h"

#include <QRegularExpression>

namespace galley {

namespace {

using namespace wire;

bool isBlank(const QString &text) {
    return text.trimmed().isEmpty();
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
        Head head;
        head.slug = slug;
        head.takes = takes;
        wire::readHead(text, typography, head);
        story.segments << head.segments;
        notes << head.notes;
        slug = head.slug;
        takes = head.takes;
        indexWords = head.indexWords;
        keywordWords = head.keywordWords;
        const Body body = readBody(text, typography);
        story.segments << body.segments;
        headlineFromAlert();
        summaryRepeatingLede();
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
    void drop(const Line &line, const QString &note) { dropLine(story.segments, line, note); }

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

    /// AP's "^" summary line above the text is usually the lede again (and the next sentence): then
    /// it is no deck. Compared by letters and digits only, so typed dashes and quotes do not count.
    void summaryRepeatingLede() {
        auto letters = [](const QString &text) {
            QString out;
            for (const QChar c : text)
                if (c.isLetterOrNumber())
                    out += c.toLower();
            return out;
        };
        qsizetype deckAt = -1;
        QString opening;
        for (qsizetype i = 0; i < story.segments.size() && opening.size() < 2000; ++i) {
            const Segment &segment = story.segments.at(i);
            if (segment.markupRole == SegmentRole::Deck && deckAt < 0)
                deckAt = i;
            else if (segment.markupRole == SegmentRole::Paragraph &&
                     segment.blockKind == BlockKind::Paragraph)
                opening += letters(segment.text.plainText());
        }
        if (deckAt < 0)
            return;
        const Segment deck = story.segments.at(deckAt);
        const QString summary = letters(deck.text.plainText());
        // Within the opening's first letters: past the dateline ("ATLANTA (AP) _ ").
        const qsizetype at = summary.size() >= 20 ? opening.indexOf(summary) : -1;
        if (at < 0 || at >= 80)
            return;
        story.segments[deckAt] = removal(deck.line, deck.text.plainText(),
                                         u"The agency's summary repeats the opening of the story, so it is "
                                         "not used as the deck."_qs);
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
