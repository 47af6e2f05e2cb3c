#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace galley {

/// Shapes of single lines of story text that tell their role when no markup does. Each takes the
/// line as plain text (trimmed) and looks only at it. Internal to the importer.
namespace lineshape {

/// Number of space-separated words in @p line.
int wordCount(QStringView line);
/// Ends with sentence punctuation (. ! ? or … possibly followed by a closing quote).
bool endsSentence(QStringView line);
/// A section label: one to three words, at most 30 characters, no digits, no end punctuation.
bool isSectionLabel(const QString &line);
/// A headline: 3 to 35 words and at most 200 characters, not ending with . , ; : or 。, not a byline
/// or a caption.
bool isHeadline(const QString &line);
/// A headline too short or too unlike English to tell by shape alone: one or two words (or a line
/// of Chinese, Japanese, Korean or Thai, which has no spaces) of at most 200 characters without end
/// punctuation. Taken as the headline only when story text follows (isBodyText()).
bool isShortHeadline(const QString &line);
/// Story text: a sentence of ten words or more (20 characters or more in a script without spaces).
bool isBodyText(const QString &line);
/// A deck: 4 to 45 words, not ending with ":" (a list's introduction) and without a form's blank ("__").
bool isDeck(const QString &line);
/// A subhead: 1 to 10 words, capitalised, no end punctuation except "?", no form blank ("__") and
/// not a results line with two numbers ("Northgate 1 Quarry Lane 1").
bool isSubhead(const QString &line);
/// A byline: "By Name ..." in at most 10 words.
bool isByline(const QString &line);
/// "By Jane Doe" -> "Jane Doe".
QString bylineName(const QString &line);
/// The byline's entries, one per author: "By" dropped, split only at " and ", "&" and ";" (and at
/// the commas of a list "A, B and C"). A comma followed by a job title stays inside the entry:
/// "By Jane Example, Staff Writer" -> {"Jane Example, Staff Writer"}; titles end in words like
/// Writer, Correspondent, Reporter, Editor, Desk, Bureau.
QStringList bylineNames(const QString &line);

/// A wire dateline opening a paragraph: an upper-case place, optionally a date or region after a
/// comma and the agency in parentheses, then a hyphen or dash: "EASTPORT, May 2 (Example Wire) - ",
/// "CHATHAM, Mass. (AP) _ " (AP's typed dash). A place in upper and lower case needs the agency:
/// "Geneva (dpa) - ". Some agencies put themselves first: "(ANSA) - Rome, October 11 - ".
struct WireDateline {
    QString place;    ///< "EASTPORT"
    qsizetype length; ///< characters of the line it takes, with the dash and following space
};
std::optional<WireDateline> parseWireDateline(const QString &line);

struct Caption {
    QString caption;
    QString credit;
};
/// A caption with its credit in a closing parenthesis: "Text ends here. (Name/Agency)". The
/// caption must end a sentence and the credit be 1 to 8 words starting with a capital, without
/// end punctuation. nullopt when @p line has not that shape.
std::optional<Caption> parseCaption(const QString &line);
/// A caption that ends in, or is only, a credit after a label: "Foto: NTB / Scanpix",
/// "The pier at dawn. Photo: Ines Varga/Example Wire" (Photo, Picture, Credit, Foto, Bild, Kuva; any
/// letter case). The caption is empty when the line is only the credit. nullopt for other lines.
std::optional<Caption> parseCreditLabel(const QString &line);

struct Quote {
    QString text;
    QString attribution;
    /// The loose shape: taken as a pull quote only when the body has the same quote (see
    /// QuotedOpenings), since on its own it could be a line of the story.
    bool needsEvidence = false;
};
/// A pull quote: one or two sentences (3 to 40 words, outer quotation marks dropped) followed by
/// the speaker, on one line of at most MaxPullQuoteChars characters.
/// Strict shape: the quote ends a sentence and the speaker is 2 to 6 capitalised words (particles
/// like "of", "de", "van" allowed), optionally a comma and a title of up to 8 words, without end
/// punctuation: "We waited twenty years. Councillor Jane Roe" -> {"We waited twenty years.",
/// "Councillor Jane Roe"}.
/// Loose shape (@c needsEvidence): a dash may stand between quote and speaker, a quotation in
/// quote marks needs no full stop, and the speaker may hold lowercase role words around two
/// capitalised name words ("“We will not close the pier” — harbourmaster Ines Varga"), but no
/// verb of speech ("said").
std::optional<Quote> parsePullQuote(const QString &line);

} // namespace lineshape
} // namespace galley
