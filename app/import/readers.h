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
/// as in web-page dumps. Runs of spaces and tabs become one space. Lines starting with a bullet
/// ("• ", "- ", "* ", "–") or a number ("1. ", "2) ") are list items, consecutive ones of a kind
/// one list, the marker dropped (reported once per list as kept-as-text); "* * *", "***" and "⁂"
/// alone on a line are section breaks.
QList<Segment> readPlainText(const QString &text);

/// The refusal for plain @p text with more non-blank lines than MaxStoryBlocks (checked before
/// reading, which would take memory for each); empty when it is within the limit.
QString plainTextTooLong(const QString &text);
/// The sentence refusing an input of more than @p limit lines or paragraphs ("more than 20,000").
QString tooManyParagraphs(int limit);

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
std::optional<ReadStory> readHtmlStory(const QByteArray &utf8, QString *error);

/// The segments readHtmlStory() reads from @p utf8, for HTML inside another format (a ninjs
/// body_html, a NewsML-G2 inline XHTML body): a fragment is read whole, as a document.
std::optional<QList<Segment>> readHtml(const QByteArray &utf8, QString *error);

/// A NITF 3.x file (IPTC NITF 3.3-3.6; 3.0-3.2 read alike) as one story, read with QXmlStreamReader
/// after guardXml() (nothing fetched, no entity of the file's own expanded, nesting and attributes
/// capped). Metadata: docdata doc-id/@id-string (original id), urgency/@ed-urg (priority), date.issue
/// (first and version created), date.release when later (embargo), du-key/@key (slug), key-list
/// keywords, doc.copyright/@holder, rights.owner, pubdata/@name, distributor or doc-id/@regsrc (agency),
/// xml:lang, baselang or head/meta (language). The agency's ed-msg, note elements, "Eds:" paragraphs
/// and an abstract that is not the deck become editor's notes with the agency as author.
/// Text: hl1 (else head/title) the headline; an hl2 the deck only when it is no copy of hl1 and reads
/// as a sentence, else the abstract; bylines with byttl kept apart (bylineTitle; capitals set as a
/// name is written; editors' initials dropped); dateline (one holding only a date is the story's
/// date); a dateline repeated at the start of the first paragraph is taken off it, and an agency
/// dateline opening it ("Tegucigalpa, Jan 2 (EFE).- ") becomes the dateline when the file gives none
/// or another place. Body: p, hl2
/// (subhead), block, bq (credit as its last line), pq, tables as table blocks (th or thead give the
/// header row), nested ul/ol/li as list items with levels, hr as a section break, dl as paragraphs,
/// pre one paragraph per line, media as missing-picture image entries (caption, producer as credit,
/// alternate text; the largest media-reference names the file), fn/tagline/bibliography at the end;
/// inline em (by @class), b, i, strong, s, sup, sub, a/@href (checkLink()), every other inline
/// element keeps its text; two <br/> end a paragraph. End marks ("___", "-30-", "ENDS", sign-offs)
/// and embed code are dropped. What the reader drops or reshapes is noted (Segment::notes,
/// ReadStory::reportNotes).
/// Returns nullopt with @p error (a plain sentence naming the line) for malformed or truncated XML,
/// XML that is not NITF, and input past the limits in importlimits.h.
std::optional<ReadStory> readNitf(const QString &xml, QString *error);

/// Agency wire copy, IPTC 7901 (IPTC Recommended Message Format, 1995) or ANPA-1312, to one story
/// per message (SOH starts each). The framing characters split header, text and trailer, and
/// never reach the story; when they are missing (a file saved as text), the header and trailer
/// lines are recognised by their shape. The header line gives priority (as IPTC urgency),
/// category and word count, the keyword line the slugline and keywords, take keys ("1st
/// Ld-Writethru", "EXTRA") the report and whether this updates an earlier version; the headline
/// is the text up to " =" (7901) or the "^...<" lines (ANPA: keyword line, headline, "Eds:" notes,
/// summary as deck, byline with its title apart); the dateline's agency ("(AP)") is the source
/// agency; the trailer's time is the version time. Paragraphs are read as wirebody.h says.
/// Everything dropped or moved to the notes is reported. Fails (nullopt, @p error a sentence) only
/// for a file of more than wire::MaxWireMessages messages.
std::optional<QList<ReadStory>> readWireText(const QString &text, QString *error);

/// IPTC ninjs 1.x, 2.x and 3.x JSON (one item, a list of items, or an item in an API's envelope)
/// to stories, one per text or picture item. Head fields come from the metadata (headline(s),
/// byline / by / bylines / authors, located, summary as deck); the body from body_html or an HTML
/// entry of bodies[] (read by readHtml()), else NITF, else body_text (blank lines end paragraphs,
/// other line breaks are wire hard-wraps); metadata (uri / guid, slugline, language, times, urgency,
/// keywords and subjects, source / provider / copyright holder) and editor's notes (ednote, a
/// withheld or cancelled status) as StoryMetadata and EditorNote. Associated pictures become image
/// entries marked missing, with caption, credit, alt text and their best rendition's address and
/// size; nothing is ever fetched. Errors (nullopt, @p error a plain sentence): damaged JSON (naming
/// the line), JSON that is not ninjs ("The file is JSON but not ninjs: it has no headline or
/// body."), an item with nothing a story holds (a video).
std::optional<QList<ReadStory>> readNinjs(const QString &json, QString *error);

/// IPTC NewsML-G2 2.x (a newsItem, or a newsMessage holding several) to stories: every text item
/// is one story in file order, with the picture items it links to or shares a package group with as
/// image entries (marked missing, remoteContent's href and size kept; never fetched). contentMeta
/// gives headline(s) (a "sub" role as the deck), slugline, by, dateline or located, the summary
/// description as deck, urgency, keywords and subject names, language; itemMeta provider, times,
/// embargo, pubStatus and edNote; the body is inlineXML NITF (a whole <nitf> or a <body.content>)
/// read by readNitf(), XHTML read by readHtml(), or inlineData text. A lone picture item is a story
/// with one image entry. Errors (nullopt, @p error a plain sentence): malformed XML (naming the
/// line), XML that is not NewsML-G2 ("The file is XML (root element <foo>) but not NITF or
/// NewsML-G2."), a DOCTYPE declaring entities (never expanded), a package or other item without
/// text.
std::optional<QList<ReadStory>> readNewsMl(const QString &xml, QString *error);

} // namespace galley
