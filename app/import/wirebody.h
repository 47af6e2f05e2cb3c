#pragma once

#include "segment.h"
#include "wireformat.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace galley::wire {

/// One line of a wire message with its framing, padding and control characters gone (tabs kept).
/// Internal to the wire reader.
struct Line {
    QString text;
    int number = 0;   ///< 1-based line in the decoded input
    bool tli = false; ///< started with ANPA's tab line indicator (BS): a line of tabular copy
};

/// An editor's note found in the copy, before the agency and time are known.
struct NoteText {
    QString text;
    int line = 0;
};

/// How the wire's typewriter marks were set: ``…'' and `…' pairs as curly quotes, " _ " as an
/// em dash.
struct Typography {
    int quotes = 0;
    int dashes = 0;
    /// The message uses `` for opening quotes, so '' closes them.
    bool backquotes = false;
};

/// @p text with the wire's typewriter quotes and dashes set (see Typography), counted in @p counts.
QString typeset(const QString &text, Typography &counts);
/// "CHARLES ODUM" -> "Charles Odum", "ADA MCBRIDE-O'NEIL" -> "Ada McBride-O'Neil"; words with a
/// lower-case letter and "and" stay as they are.
QString titleCaseCapitals(const QString &text);

/// The note in "Eds: ...", "EDITOR'S NOTE _ ...", "(Editors: ...)", "Note to editors: ...": the
/// text after the label; empty when @p text is not one.
QString editorsNote(const QString &text);

/// A segment that carries only a report line: @p original was left out of the story (or moved to
/// its notes) for the reason @p note.
Segment removal(int line, const QString &original, const QString &note);

/// Adds a removal() of @p line (shown without its control characters) to @p segments, unless the
/// line is blank.
void dropLine(QList<Segment> &segments, const Line &line, const QString &note);

/// What a line after the text (or at its very end) is: a transmission time, the agency's
/// copyright, the editors' initials signing off, an end mark; nullopt for anything else.
enum class TrailerKind { Time, Copyright, SignOff, EndMark };
std::optional<TrailerKind> trailerKind(const QString &line);

/// What the body of a message gave.
struct Body {
    QList<Segment> segments;
    QList<NoteText> notes;
    QDateTime time;     ///< from a transmission time line inside the text (ETX missing or late)
    QString timeAgency; ///< its agency prefix ("AP")
    bool more = false;  ///< "(MORE)": the story continues in a later take
    int words = 0;      ///< words of story text, to compare with the header's count
};

/// Reads a message's body lines after the headline: hard-wrapped paragraphs (a line indented by a
/// tab or spaces starts one, a blank line or ANPA's "<" ends one), fixed-width agate (a table when
/// its columns line up, else one verbatim paragraph per line), AP's "_" bullets, short capitalised
/// lines before text as subheads; "Eds:" / "EDITOR'S NOTE", "Contact:" / "On the Net:" paragraphs,
/// a "# Notebook" and anything after "not for publication" as notes; end marks, separators,
/// copyright, sign-off and time lines dropped and reported. @p typography counts what typeset()
/// changed.
Body readBody(const QList<Line> &lines, Typography &typography);

} // namespace galley::wire
