#pragma once

#include "importlimits.h"
#include "segment.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace galley::structured {

// What the IPTC structured formats (ninjs, NewsML-G2) share once their own syntax is read: a head
// given by metadata, a body in HTML, NITF or plain text, pictures the agency offers at an address.
// Internal to the importer.

/// Deepest markup nesting the structured readers pass on to the NITF and HTML readers: no news text
/// nests deeper, and deeper input is an attack on recursive readers.
inline constexpr int MaxNesting = MaxNestingDepth;

/// The deepest element nesting of the XML in @p xml, read with QXmlStreamReader up to the first
/// error (0 for no elements). Linear in the input; used before handing markup to readNitf().
int xmlDepth(const QString &xml);

/// The report's sentence for markup nested deeper than MaxNesting at @p where ("the ninjs body").
QString tooDeep(const QString &where, int depth);

/// @p text as one line of a field (a headline, a byline, a name): control characters dropped,
/// runs of white space (also U+2028/U+2029 and no-break spaces) made one space, trimmed.
QString oneLine(const QString &text);

/// A byline field as one line without its "By" in the languages agencies write bylines in (By, Von,
/// Par, Por, Av, Af, Door) before a capitalised name: "Von Jana Roth, dpa" -> "Jana Roth, dpa".
QString bylineText(const QString &text);

/// The report's sentence for an agency summary not used because a subheadline gives the deck.
QString unusedSummary(const QString &summary);

/// A time as IPTC formats write it (ISO 8601: "2018-10-21T16:25:32-05:00", "...Z", fractions of a
/// second, a bare date, or the compact "20210526T134018+0200"), in UTC. A time without an offset is
/// taken as UTC. Invalid when @p text is empty or not such a time.
QDateTime parseTime(const QString &text);

/// "2018-10-23 12:00 UTC", as report notes show a time.
QString timeText(const QDateTime &time);

/// Plain body text (ninjs body_text, NewsML-G2 inlineData) to paragraphs, each at @p line. CRLF and
/// CR end lines, U+2029 ends a paragraph and U+2028 a line. When the text has blank lines, they
/// separate paragraphs and every other line break is a wire hard-wrap (a space); without blank
/// lines, an indented line (tab or two spaces) starts a paragraph when the text indents them, else
/// each line is its own paragraph unless it is hard-wrapped (readPlainText()); a block between blank
/// lines that indents several of its lines (not all) is split there too. Text wrapped in nothing but
/// <p> tags (ANSA's "text/plain" inlineData) has them read as paragraph ends.
QList<Segment> plainBody(const QString &text, int line);

/// A head field given by the format's metadata (headline, deck, byline, dateline), at @p line.
/// A byline's @p bylineTitle is its job title given apart ("AP Business Writer").
Segment headSegment(SegmentRole role, const QString &text, int line, const QString &bylineTitle = {});

/// Every segment and reader note in @p segments placed at @p line (a JSON string holds the whole
/// body on the line of its member).
void placeAt(QList<Segment> &segments, int line);

struct StoryParts;

/// Segments read from a story body's HTML or NITF made plain body text: no site chrome, no headline
/// guessed by shape (a body never holds the story's headline). Head fields the body's markup gives
/// (NITF hl1, hl2, byline, dateline, pubdata section; an HTML <h1>) fill what @p parts lacks (a
/// headline only from before any text); a copy of a field @p parts has is left out (reported); a
/// heading that differs becomes a subhead, any other head field a paragraph.
void markAsBody(QList<Segment> &segments, StoryParts &parts);

/// One file the agency offers a picture as (a ninjs rendition, a NewsML-G2 remoteContent).
struct Rendition {
    QString name;
    QString href;
    QString mimeType;
    int width = 0;
    int height = 0;
};

/// The rendition a desk would want: the largest stated picture with an address; without sizes, the
/// first named like an original ("original", "main", "highres", ...), never a thumbnail when another
/// is offered. nullopt for an empty list.
std::optional<Rendition> bestRendition(const QList<Rendition> &renditions);

/// A picture that comes with a story but not in its file.
struct Picture {
    QString id;   ///< ninjs uri or association name, NewsML-G2 guid: how the text refers to it
    QString name; ///< the association's name ("featuremedia", "editor_1"); empty otherwise
    QString caption;
    QString credit;
    QString altText;
    QList<Rendition> renditions;
    int line = 0;
};

/// The caption segment (an image entry marked missing) for @p picture, with its best rendition's
/// address, size and type kept and a note that Galley never fetches it.
Segment pictureSegment(const Picture &picture);

/// Gives each picture caption in @p body (an HTML figure or NITF media) the details of the picture
/// in @p pictures it shows, matched by a rendition's file name or by the caption text; returns the
/// pictures no caption shows, in order.
QList<Picture> matchFigures(QList<Segment> &body, const QList<Picture> &pictures);

/// The parts of one story as a structured format gives them, before assembly.
struct StoryParts {
    std::optional<Segment> section;
    std::optional<Segment> headline;
    std::optional<Segment> deck;
    QList<Segment> bylines;
    std::optional<Segment> dateline;
    /// Pictures not shown in the body: placed above it, the first as the lead picture.
    QList<Picture> pictures;
    QList<Segment> body;
    /// Editor's notes found inside the body markup (an inline NITF ed-msg or note), in order.
    QList<EditorNote> bodyNotes;
};

/// Appends @p parts' body notes to @p notes, signed by @p agency where the body named no author.
void takeBodyNotes(const StoryParts &parts, const QString &agency, QList<EditorNote> *notes);

/// The segments of @p parts in reading order: section, headline, bylines, dateline, deck, the
/// pictures, then the body. A deck that only repeats the opening of the body (an agency summary
/// cut from the lede) is left out with a sentence in @p reportNotes; a dateline from metadata gives
/// way to a wire dateline opening the first paragraph ("GROSSETO, Italy (AP) --"), which the
/// cleanup then takes off the paragraph, so the page prints it once.
QList<Segment> assemble(StoryParts parts, QStringList *reportNotes);

/// Report notes and an editor's note (by @p agency, at @p time) for a publication status other than
/// usable: "withheld" and "canceled" (ninjs) or "stat:withheld" / "stat:canceled" (NewsML-G2).
void notePubStatus(const QString &status, const QString &agency, const QDateTime &time,
                   QStringList *reportNotes, QList<EditorNote> *notes);

/// An editor's note from the agency (ninjs ednote, NewsML-G2 edNote), its text on one line per
/// paragraph; nothing for an empty text.
void addWireNote(const QString &text, const QString &agency, const QDateTime &time, QList<EditorNote> *notes);

/// "Example Wire" from an agency's URI ("http://www.example-wire.com/about/" -> "example-wire.com")
/// or a QCode ("nprov:EXAMPLEWIRE" -> "EXAMPLEWIRE"); @p text itself when it is neither.
QString nameFromCode(const QString &text);

} // namespace galley::structured
