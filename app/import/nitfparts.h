#pragma once

// The NITF reader's parts (IPTC NITF 3.3-3.6): inline text, body content, text rules. Internal to
// the importer; readNitf() in readers.h is the way in.

#include "segment.h"

#include <QDateTime>
#include <QXmlStreamReader>

#include <optional>

namespace galley::nitf {

/// A note for the desk found in the file (ed-msg, note, a second abstract), given the agency as
/// author once the whole file is read.
struct DeskNote {
    QString text;
    int line = 0;
};

/// What the reader gathers while it walks the file, put in story order by readNitf().
struct State {
    // head
    QString title;
    int titleLine = 0;
    QString section;
    int sectionLine = 0;
    StoryMetadata meta;
    QString managementStatus;
    QString metaSlug;
    QDateTime issued;
    QDateTime released;
    QDateTime published;
    /// Where the agency's name may come from, best first when picked.
    QString copyrightHolder, rightsOwner, publisher, distributor, registeredSource;
    // body.head
    QList<Segment> headlines;
    QList<Segment> subheadlines;
    QList<Segment> bylines;
    QList<Segment> datelines;
    /// The date a dateline holding only a date gives.
    QDateTime datelineDate;
    /// The place a dateline names (its <location>, else its text up to the first comma).
    QString datelinePlace;
    QList<Segment> abstracts;
    /// Segments that only carry report notes about the head.
    QList<Segment> headCarriers;
    // body.content and body.end
    QList<Segment> body;
    QList<Segment> trailing;
    QList<DeskNote> notes;
    int listGroup = 0;
    qsizetype tableCells = 0;
    /// A body paragraph has been read (a byline or dateline after it is body text).
    bool bodyStarted = false;
    /// Sentences about the story as a whole for the report.
    QStringList reportNotes;

    /// Everything gathered so far, counted against MaxStoryBlocks.
    qsizetype blocks() const {
        return headlines.size() + subheadlines.size() + bylines.size() + abstracts.size() +
               headCarriers.size() + body.size() + trailing.size() + notes.size();
    }
};

/// Builds one line of styled text from NITF inline markup: em, i (italic), strong, b, em class="bold"
/// (bold), s, strike, del, em class="strike" (struck), sup, sub, a/@href (links through
/// checkLink()); every other inline element (person, org, location, money, num, chron, event,
/// function, object.title, virtloc, classifier, lang, ...)
/// keeps its text; q gets quotation marks unless its text has its own. <br/> is a space; two in a row end the
/// paragraph (U+2029 in the text until paragraphs() splits it).
class InlineBuilder final {
public:
    /// Refused links are noted in @p notes (may be null).
    explicit InlineBuilder(QList<ReaderNote> *notes = nullptr)
        : m_notes(notes) {}

    void text(QStringView text);
    void space();
    /// Reads the element the reader stands on (a StartElement) through its end tag. With
    /// @p ownStyle its own style (em, b, a, ...) applies to its text.
    void element(QXmlStreamReader &xml, bool ownStyle);
    bool isEmpty() const;
    /// The text with whitespace collapsed, paragraph breaks as spaces.
    InlineText line() const;
    /// The text split at paragraph breaks (two <br/>), each collapsed; empty pieces dropped.
    QList<InlineText> paragraphs() const;

private:
    enum class Effect : quint8 { None, Bold, Italic, Strike, Superscript, Subscript, Link, Block, Quote };
    Effect start(QXmlStreamReader &xml);
    void end(Effect effect);

    QList<ReaderNote> *m_notes;
    InlineText m_text;
    int m_bold = 0, m_italic = 0, m_strike = 0, m_superscript = 0, m_subscript = 0;
    QStringList m_hrefs;
    /// Where each open <q> put its opening quotation mark (index in m_text.runs).
    QList<qsizetype> m_quotes;
    int m_breaks = 0;
};

/// Starts counting refused links for one file: past MaxListedReaderNotes they are no longer noted one
/// by one. Returns how many were left unlisted since the last call.
int restartLinkNotes();

/// The text of the element the reader stands on, read through its end tag (its own style not applied).
InlineText readInline(QXmlStreamReader &xml, QList<ReaderNote> *notes = nullptr);
/// Elements that hold running text rather than blocks (em, a, person, ...).
bool isInlineElement(QStringView name);

/// A segment of @p role read from markup.
inline Segment make(const InlineText &text, int line, SegmentRole role) {
    Segment segment;
    segment.text = text;
    segment.line = line;
    segment.markupRole = role;
    return segment;
}

/// A segment without text that only carries @p note into the report.
inline Segment carrier(int line, const ReaderNote &note) {
    Segment segment;
    segment.line = line;
    segment.notes.append(note);
    return segment;
}

/// A paragraph the reader reshaped, with its kept-as-text change.
inline Segment verbatim(const InlineText &text, int line, const QString &original, const QString &why) {
    Segment segment = make(text, line, SegmentRole::Paragraph);
    segment.verbatim = true;
    segment.notes.append(ReaderNote{ImportChangeKind::KeptAsText, original, text.plainText(), why, line});
    return segment;
}

/// A table as a table block; its caption becomes a paragraph above it (nitftable.cpp).
void readTable(QXmlStreamReader &xml, State &state);
/// A picture as a missing-picture image entry; video and audio reported (nitftable.cpp).
void readMedia(QXmlStreamReader &xml, State &state);

/// Reads the children of the block container the reader stands on (body.content, block, bq, ...)
/// into @p state. @p depth counts enclosing containers: past MaxNestingDepth the reader stops with
/// an error.
void readBlocks(QXmlStreamReader &xml, State &state, int depth);
/// body.end: tagline and bibliography kept at the end; anything else reported.
void readBodyEnd(QXmlStreamReader &xml, State &state);
/// A note element's paragraphs, one per line.
QString readNoteText(QXmlStreamReader &xml);
/// An element whose text the story does not hold: read through, and a segment carrying only the
/// report note added to @p into when it had text.
void unread(QXmlStreamReader &xml, QList<Segment> &into);
/// Stops the reader with Galley's sentence about nesting.
void tooDeep(QXmlStreamReader &xml);
/// True, and the reader stopped with Galley's sentence, once the story holds more than
/// MaxStoryBlocks blocks (with @p pending ones not yet in @p state, such as table rows).
bool tooMany(QXmlStreamReader &xml, const State &state, qsizetype pending = 0);
/// The body.head elements, which NITF also allows at the start of a block (nitfreader.cpp).
void readByline(QXmlStreamReader &xml, State &state);
void readDateline(QXmlStreamReader &xml, State &state);
void readAbstract(QXmlStreamReader &xml, State &state);

/// The story in order (section, headline, deck, bylines, dateline, body, trailing lines) with its
/// metadata and the desk's notes, after the NITF rules (nitfstory.cpp).
ReadStory assemble(State &state);

// Text rules (nitfshapes.cpp).

/// A NITF "norm" date or time (ISO 8601 basic or extended, "20260302", "20260302T091500-0500",
/// "2026-03-02T09:15:00Z"); without a zone it is taken as UTC. Also "March 2, 2026" and
/// "2 March 2026". nullopt when it is not one.
std::optional<QDateTime> parseDate(QStringView text);
/// A BCP 47 tag from a NITF language value ("nb_NO" -> "nb-NO", "EN" -> "en"); empty when not one.
QString languageTag(QStringView value);
/// A paragraph that is an agency's end mark or sign-off ("___", "-30-", "ENDS", "(MORE)", "/ritzau/",
/// "(NTB)", editors' initials "ab/de/dl"), not story text.
bool isEndMark(const QString &text);
/// A paragraph that is web-page code (an embed: "<div ...></div><script ...>"), not story text.
bool isEmbedCode(const QString &text);
/// An advisory for the desk: "Eds: ..." at the start of a paragraph.
bool isEdsLine(const QString &text);
/// Two texts are the same words ignoring case, spacing and punctuation.
bool isCopyOf(const QString &a, const QString &b);
/// A second headline that reads as a sentence or clause (a deck) rather than a label, a slug or a
/// kicker: four words or more, not in capitals, with words beyond a few small ones in lower case.
bool readsAsClause(const QString &text);
/// A paragraph that is a heading set in capitals (PA, AAP): 4 letters or more, no lower-case letter
/// and no digit, at most 8 words, shaped like a subhead (lineshape::isSubhead()): "BIRTHDAYS",
/// "PA SPORT TV LISTINGS".
bool isCapitalsHeading(const QString &text);
/// Editors' initials only ("gr/bp"): not a byline.
bool isInitials(const QString &text);
/// A byline name written in capitals ("BERNARD CONDON") in the house's case ("Bernard Condon");
/// anything else unchanged.
QString nameCase(const QString &name);
/// How many characters of @p paragraph repeat the dateline: "OSLO, Dec 2 (NTB) - " when @p place is
/// "Oslo". 0 when the paragraph does not open with it.
qsizetype repeatedDateline(const QString &paragraph, const QString &place);
/// A wire dateline with the agency opening @p paragraph ("Tegucigalpa, Jan 2 (EFE).- ",
/// "København /ritzau/: "): its place and length, or nullopt.
std::optional<std::pair<QString, qsizetype>> agencyDateline(const QString &paragraph);
/// @p text without its first @p count characters and the spaces after them; styles kept.
InlineText dropLeading(const InlineText &text, qsizetype count);

} // namespace galley::nitf
