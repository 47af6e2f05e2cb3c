#pragma once

#include "segment.h"

#include <QList>
#include <QString>

#include <optional>

namespace galley {

/// @p text with whitespace collapsed the way a browser shows it: runs of spaces, tabs and line
/// breaks become one space, none at either end; empty runs are dropped.
InlineText collapseWhitespace(const InlineText &text);

/// What preformatted @p text becomes, for the report: its non-blank lines, spaces collapsed, joined
/// by " / " ("Ward Turnout / Saltmarsh 61%").
QString preLines(const QString &text);

/// Plain text to segments. A blank line always ends a paragraph. Within a block of lines, a line
/// continues the previous one only when that one is hard-wrapped (at least 3/4 as long as the
/// block's longest line, which is 50 to 100 characters); otherwise each line is its own segment,
/// as in web-page dumps. Runs of spaces and tabs become one space.
QList<Segment> readPlainText(const QString &text);

/// HTML (a saved web page, or clipboard HTML from Word, LibreOffice or Google Docs) to one story,
/// parsed with libxml2's HTML parser (recovering from broken markup, no network, no depth limit; a
/// parser that stops early refuses the file). Word processors' documents and bare fragments are
/// read whole: headings, paragraphs, lists (nested, bulleted and numbered item by item, from ul/ol,
/// Word's mso-list paragraphs and Google Docs' list styles and classes), block quotes, tables (rows
/// of styled cells, a marked first row the header), section breaks (hr), pictures (Word's VML and
/// its fallback img become image entries, never fetched) and captions; bold, italic, strike-through,
/// superscript, subscript and links from tags and inline CSS. Web pages are read as Readability
/// does (see findArticle()): what surrounds the story is site chrome, noise inside it is left out;
/// their JSON-LD, Open Graph and meta tags give the headline, section, bylines, deck, lead picture
/// and the story's metadata (see applyPageMetadata()). Everything dropped or reshaped is in the
/// segments' notes or the story's report notes. @p utf8 is the decoded page.
/// Errors (nullopt, @p error set to a sentence): too many elements, nesting too deep, a parser that
/// stopped part-way, or no document.
std::optional<ReadStory> readHtml(const QByteArray &utf8, QString *error);

/// NITF 3.x XML to segments with their roles from markup: hl1 (or head/title) headline, hl2 in the
/// body head the deck (else the abstract), byline (with byttl after a comma), dateline, body.content
/// p and hl2 (subhead), block quotes (a credit kept as the last line "— Credit"), pq as a pull quote
/// with its credit, media with media-caption and media-producer (credit); pubdata/@position.section
/// the section. Tables (one paragraph per row, cells joined by " | "), pre (one paragraph per line),
/// note and tagline (paragraphs at the end) are kept as text and reported; the text of any other
/// element is reported as left out (Segment::notes). Read with
/// QXmlStreamReader. Returns nullopt with @p error (naming the line) for malformed or truncated
/// XML and for XML that is not NITF.
std::optional<QList<Segment>> readNitf(const QString &xml, QString *error);

} // namespace galley
