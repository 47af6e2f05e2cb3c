#pragma once

#include "importreport.h"
#include "model/story.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace galley {

/// The role a line of input plays in the story.
enum class SegmentRole { Paragraph, Section, Headline, Deck, Byline, Dateline, Subhead, Caption, PullQuote };

/// What a reader did to markup while reading it (a struck-out phrase dropped, a table row joined):
/// becomes an ImportChange of @c kind at the segment's line. Internal to the importer.
struct ReaderNote {
    ImportChangeKind kind = ImportChangeKind::KeptAsText;
    QString original;
    QString result;
    QString note;
    int line = 0; ///< 0: the segment's line
};

/// One paragraph-sized piece of input as a reader found it, before any cleanup: a line or
/// paragraph of text, an HTML block, a NITF element. Internal to the importer.
struct Segment {
    InlineText text;
    /// 1-based line in the decoded input where the segment starts.
    int line = 0;
    /// The role the markup gives it (an HTML heading, a NITF hl1); nullopt when only its shape can tell.
    std::optional<SegmentRole> markupRole;
    /// Inside a page's navigation, header menu, footer, aside or form: site chrome by markup.
    bool markupChrome = false;
    /// List item, block quote, table or section break from markup; consecutive items with the same
    /// @c listGroup form one block (a list's first item gives the block its kind; each item keeps its
    /// own numbering and @c listLevel). A table or section break has no @c text.
    BlockKind blockKind = BlockKind::Paragraph;
    int listGroup = 0;
    /// List items: nesting level, 0 for the top level (clamped to MaxListLevel).
    int listLevel = 0;
    /// Tables: the rows of cells, and whether the source marks the first row as a header.
    QList<TableRow> rows;
    bool headerRow = false;
    /// A byline's job title given by markup (NITF byttl, a wire's "AP Business Writer" line); empty
    /// to read "Name, Title" from the text.
    QString bylineTitle;
    /// Credit and speaker given by markup (NITF media-producer, HTML cite); empty to parse them from text.
    QString credit;
    QString attribution;
    /// The picture of a caption, when the file holds it (NITF or HTML data: URI).
    QByteArray imageData;
    QString imageMimeType;
    QString imageFileName;
    QString altText;
    /// Where the source offers a picture it does not hold (a ninjs rendition, a NewsML-G2
    /// remoteContent), with its stated pixel size; kept on the image entry, never fetched.
    QString imageHref;
    int imageWidth = 0;
    int imageHeight = 0;
    /// Why a picture in the file was refused (not JPEG, PNG, WebP or GIF, or bytes that do not decode);
    /// the caption then becomes a "picture missing" entry with this as its note.
    QString pictureRefused;
    /// Text the reader reshaped (a table row, a line of preformatted text, a note): never site chrome,
    /// never a headline by shape.
    bool verbatim = false;
    /// Changes the reader made while reading this segment, reported before the cleanup steps' changes.
    /// A segment with notes and no text only carries them.
    QList<ReaderNote> notes;

    /// A table or section break: structure without text of its own, kept whatever cleanup decides.
    bool isStructure() const { return blockKind == BlockKind::Table || blockKind == BlockKind::SectionBreak; }
};

/// One story as a reader found it: its segments and what the file says about it beyond its text.
/// Internal to the importer.
struct ReadStory {
    QList<Segment> segments;
    StoryMetadata metadata;
    /// Editor's notes from the source (wire ednotes, "Eds:" lines, NITF ed-msg), the agency as author.
    QList<EditorNote> notes;
    /// Plain sentences for the report about the story as a whole ("The agency marked this item withheld.").
    QStringList reportNotes;
};

} // namespace galley
