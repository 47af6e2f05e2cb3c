#pragma once

#include "model/story.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace galley {

/// The role a line of input plays in the story.
enum class SegmentRole { Paragraph, Section, Headline, Deck, Byline, Dateline, Subhead, Caption, PullQuote };

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
    /// List item or block quote from markup; consecutive items with the same @c listGroup form one block.
    BlockKind blockKind = BlockKind::Paragraph;
    int listGroup = 0;
    /// Credit and speaker given by markup (NITF media-producer, HTML cite); empty to parse them from text.
    QString credit;
    QString attribution;
    /// The picture of a caption, when the file holds it (NITF or HTML data: URI).
    QByteArray imageData;
    QString imageMimeType;
    QString imageFileName;
    QString altText;
};

} // namespace galley
