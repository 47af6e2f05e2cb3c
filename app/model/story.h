#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QPointF>
#include <QRectF>
#include <QString>
#include <QStringList>

#include <optional>

namespace galley {

/// Workflow state of a story, in the order a story moves through the desk.
enum class StoryStatus { Draft, CopyEdit, Ready, Published };

/// Display name of @p status as a copy desk says it: "Draft", "Copy edit", "Ready", "Published".
QString statusName(StoryStatus status);
/// Stable storage key of @p status: "draft", "copy-edit", "ready", "published" (ASCII, lowercase).
QString statusKey(StoryStatus status);
/// Parses a storage key or a display name (case-insensitive); nullopt when it names no status.
std::optional<StoryStatus> statusFromString(const QString &text);
/// All statuses in workflow order.
QList<StoryStatus> allStatuses();

/// Where a run sits against the line: normal text, superscript (1st, m²) or subscript (CO₂).
enum class Baseline { Normal, Superscript, Subscript };

/// A run of body text sharing one style. @c href is empty for plain text; when set it is the link
/// target exactly as typed (the renderer decides whether its scheme may be live).
struct InlineRun {
    QString text;
    bool bold = false;
    bool italic = false;
    QString href;
    bool strike = false; ///< struck through (<s>): kept by the desk, shown as deleted text
    Baseline baseline = Baseline::Normal;

    /// True when @p other has the same style (everything but the text).
    bool sameStyle(const InlineRun &other) const;

    friend bool operator==(const InlineRun &, const InlineRun &) = default;
};

/// One line of styled text: runs in reading order. Adjacent runs with equal style are merged by
/// normalized().
struct InlineText {
    QList<InlineRun> runs;

    /// Text of every run concatenated, without styling.
    QString plainText() const;
    bool isEmpty() const;
    /// Merges neighbouring runs with the same style and drops empty runs.
    InlineText normalized() const;
    static InlineText plain(const QString &text);

    friend bool operator==(const InlineText &, const InlineText &) = default;
};

enum class BlockKind { Paragraph, Subhead, BulletList, NumberedList, BlockQuote, Table, SectionBreak };

/// Storage key of a block kind: "paragraph", "subhead", "bullet-list", "numbered-list", "block-quote",
/// "table", "section-break".
QString blockKindKey(BlockKind kind);
std::optional<BlockKind> blockKindFromKey(const QString &key);

/// Shape of one list item: how deep it is nested (0 is the top level, at most MaxListLevel) and
/// whether it is numbered (else bulleted), so a numbered list can hold bulleted sub-items.
struct ListItem {
    int level = 0;
    bool numbered = false;

    friend bool operator==(const ListItem &, const ListItem &) = default;
};

/// Deepest list nesting a story keeps (0-based); deeper items are shown at this level.
inline constexpr int MaxListLevel = 7;

/// One row of a table: its cells in reading order, each one line of styled text.
using TableRow = QList<InlineText>;

/// One block of the story body. A paragraph or subhead holds exactly one line in @c lines; a list
/// holds one line per item; a block quote holds one line per quoted paragraph; a table holds its
/// cells in @c rows and no lines; a section break (a thematic break, <hr>) holds nothing. @c id is a
/// stable identifier (a UUID without braces) that pull quotes and images use as their anchor.
struct Block {
    QString id;
    BlockKind kind = BlockKind::Paragraph;
    QList<InlineText> lines;
    /// Lists: the shape of each line, same length as @c lines. Empty means every item is at the top
    /// level and numbered as @c kind says; use item() rather than reading it directly.
    QList<ListItem> items;
    /// Tables: rows of cells (rows may differ in length; the renderer pads them).
    QList<TableRow> rows;
    /// Tables: the first row is a header row (<th> cells).
    bool headerRow = false;

    /// Plain text of all lines joined by "\n"; for a table, rows joined by "\n" with cells joined by
    /// "\t"; empty for a section break.
    QString plainText() const;
    bool isList() const { return kind == BlockKind::BulletList || kind == BlockKind::NumberedList; }
    /// Shape of list line @p line: items[line] when given, else top level, numbered when @c kind is
    /// NumberedList.
    ListItem item(qsizetype line) const;

    /// A block of @p kind holding @p text as its single unstyled line, with a fresh id.
    static Block make(BlockKind kind, const QString &text);

    friend bool operator==(const Block &, const Block &) = default;
};

/// Where a pull quote or an image sits in the published page. An empty @c afterBlockId means the
/// top of the story: for an image that is the lead image above the body, for a pull quote the
/// start of the body.
struct Placement {
    QString afterBlockId;

    bool isLead() const { return afterBlockId.isEmpty(); }
    static Placement lead() { return {}; }
    static Placement after(const QString &blockId) { return {blockId}; }

    friend bool operator==(const Placement &, const Placement &) = default;
};

/// A pull quote: a short extract set apart from the body, with its speaker.
struct PullQuote {
    QString id;
    QString text;
    QString attribution;
    Placement placement;

    friend bool operator==(const PullQuote &, const PullQuote &) = default;
};

/// A picture with its caption, credit and alt text. @c data holds the encoded file (JPEG, PNG,
/// WebP or GIF) exactly as imported; @c mimeType names its format ("image/jpeg", ...). An image
/// with empty @c data is a placeholder for a picture that has not arrived yet ("picture missing").
struct StoryImage {
    QString id;
    QByteArray data;
    QString mimeType;
    QString fileName;
    QString caption;
    QString credit;
    QString altText;
    Placement placement;
    /// Where the agency offers the picture (a ninjs rendition's or NewsML-G2 remoteContent's href),
    /// exactly as the source gave it, so the desk can fetch it; Galley itself never fetches it.
    /// Empty for pictures made in Galley or held in the imported file.
    QString sourceHref;
    /// Pixel size of the picture at @c sourceHref as the source states it; 0 when not stated.
    int width = 0;
    int height = 0;
    /// The part of the picture the page shows, as fractions (0 to 1) of the picture's width and
    /// height as it is seen, EXIF orientation applied: the renditions and the preview are cut to it.
    /// A null rectangle (the default) is the whole picture.
    QRectF crop;
    /// The point the page keeps in view when it trims the picture to fit a frame (CSS
    /// object-position), as fractions of the cropped picture; the centre by default.
    QPointF focus{0.5, 0.5};

    /// True when focus is not the centre (the page then says where it is).
    bool hasFocus() const;

    bool isMissing() const { return data.isEmpty(); }
    /// File extension for @c mimeType without the dot ("jpg", "png", "webp", "gif"); "bin" if unknown.
    QString fileExtension() const;

    friend bool operator==(const StoryImage &, const StoryImage &) = default;
};

/// One byline: the name as printed and an optional job title kept apart ("Business Writer",
/// NITF <byttl>), so the page can print the name alone and the metadata carry the title.
struct Byline {
    QString name;
    QString title;

    /// "Name, Title" as the form shows it, or the name alone.
    QString text() const;
    /// Reads "Name, Title" (split at the first comma) or a bare name; spaces trimmed.
    static Byline fromText(const QString &text);

    friend bool operator==(const Byline &, const Byline &) = default;
};

/// Bylines as the form shows them: each byline's text() joined by "; ".
QString bylinesText(const QList<Byline> &bylines);
/// Reads the form's text: bylines separated by semicolons, each "Name, Title" or a name; blank
/// entries are skipped.
QList<Byline> bylinesFromText(const QString &text);

/// An editor's note on a story: a message for the desk (a wire "Eds:" line, an agency ednote, a copy
/// editor's query), never exported or published. @c replyTo names the note it answers, empty for a
/// new thread.
struct EditorNote {
    QString id;
    QString author;
    QDateTime time; ///< UTC; invalid when the source gave none
    QString text;
    QString replyTo;

    friend bool operator==(const EditorNote &, const EditorNote &) = default;
};

/// What the source says about a story beyond its text, as IPTC's formats carry it (ninjs,
/// NewsML-G2 itemMeta/contentMeta, NITF docdata): kept so the desk can see where copy came from and
/// recognise a later version of it. Times are UTC; an invalid time means the source gave none.
struct StoryMetadata {
    QString sourceAgency; ///< "Example Wire"; empty for stories written in-house
    QString originalId;   ///< the agency's id: ninjs uri/guid, NewsML-G2 guid, NITF doc-id
    int priority = 0;     ///< IPTC urgency, 1 (flash) to 9 (lowest); 0 when not given
    QString slugline;     ///< the wire's keyword or slug line ("BC-Harbour-Ferry-Strike")
    QStringList keywords;
    QString language; ///< BCP 47 tag ("en", "en-GB", "nb"); empty for the house default
    QDateTime firstCreated;
    QDateTime versionCreated;
    QDateTime embargo; ///< not to be published before this time

    bool isEmpty() const;

    friend bool operator==(const StoryMetadata &, const StoryMetadata &) = default;
};

/// A news story as a reporter drafts it and a producer publishes it. Times are UTC. The story is a
/// plain value: copying it copies pictures too (QByteArray shares the bytes until written).
struct Story {
    QString id;
    QString slug;
    QString section;
    QString headline;
    QString deck;
    QList<Byline> bylines;
    QString dateline;
    StoryStatus status = StoryStatus::Draft;
    QList<Block> body;
    QList<PullQuote> pullQuotes;
    QList<StoryImage> images;
    QDateTime created;
    QDateTime updated;
    /// When the story was first saved as Published (UTC; StoryLibrary::save() sets it), invalid
    /// until then. Published again after a correction, it keeps the first time: the page says
    /// "Updated" for the rest.
    QDateTime published;
    /// The bytes an imported story was made from, exactly as read (any encoding), so nothing the
    /// importer dropped or changed is lost; empty for stories typed in Galley.
    QByteArray originalSource;
    /// What @c originalSource holds, as a MIME type with its charset
    /// ("text/plain; charset=windows-1252", "text/html; charset=UTF-8", "application/nitf+xml; ...").
    QString originalFormat;
    StoryMetadata metadata;
    /// The desk's notes on the story, oldest first; never exported.
    QList<EditorNote> notes;

    /// A new empty draft with a fresh id and both times set to now (UTC).
    static Story create();

    /// Index of the body block with @p blockId, or -1.
    qsizetype blockIndex(const QString &blockId) const;
    /// Plain text of the whole body, blocks separated by blank lines.
    QString bodyPlainText() const;
    /// Number of words in the body (runs of letters or digits).
    int wordCount() const;
    /// The lead image, if one is placed at the top.
    const StoryImage *leadImage() const;

    /// Replaces the body with @p newBody and keeps every pull quote and image beside the paragraph
    /// it was placed after. A placement whose block was deleted moves to the nearest surviving block
    /// above it, or after the first block when none is left above (the top of the story only when
    /// the body is empty), so nothing is dropped.
    void replaceBody(const QList<Block> &newBody);

    friend bool operator==(const Story &, const Story &) = default;
};

/// A fresh identifier: a UUID in its 36-character form without braces.
QString newId();

} // namespace galley
