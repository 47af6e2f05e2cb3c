#pragma once

#include "wirebody.h"

#include <QList>
#include <QStringList>

namespace galley::wire {

/// What the lines above a message's body gave: the headline, deck and byline segments (with
/// removals for what was left out), notes for editors, and what goes into the story's details.
struct Head {
    QList<Segment> segments;
    QList<NoteText> notes;
    QString slug; ///< from an ANPA keyword line; kept when none is read
    QStringList takes;
    QStringList indexWords; ///< "^INDEX: ..." terms
    int keywordWords = -1;  ///< the keyword line's word count
    bool byline = false;
};

/// Reads the head of a message's text and takes its lines off the front of @p lines. ANPA-1312: the
/// "^...<" lines (keyword line, take, headline or "HL:", "Eds:" and picture notes, the summary as
/// deck, "By NAME" with the title line below it apart, other "FIELD:" lines as notes, codes
/// dropped). IPTC 7901: take lines, then the heading up to the line ending in "=" (headline, then
/// byline and its title); without "=", a short first line standing alone. Then, if no byline was
/// found, "By NAME" and a title line opening the body. Bylines in capitals are set in upper and
/// lower case (reported).
void readHead(QList<Line> &lines, Typography &typography, Head &head);

} // namespace galley::wire
