#include "importdraft.h"

#include "lineshapes.h"

namespace galley {

namespace {

/// @p text lowercased, letters and digits only: two wordings of one headline compare equal.
QString lettersOf(const QString &text) {
    QString out;
    for (const QChar c : text)
        if (c.isLetterOrNumber())
            out += c.toLower();
    return out;
}

bool isAccepted(const QList<bool> &accepted, int change) {
    return change >= 0 && (change >= accepted.size() || accepted.at(change));
}

/// Inserts one space at @p position of the plain text, inside the run that holds that position.
void insertSpace(InlineText &text, qsizetype position) {
    qsizetype start = 0;
    for (auto &run : text.runs) {
        const qsizetype end = start + run.text.size();
        if (position < end || (&run == &text.runs.last() && position == end)) {
            run.text.insert(position - start, u' ');
            return;
        }
        start = end;
    }
}

/// @p text without its first @p count characters (and the spaces after them).
InlineText dropPrefix(const InlineText &text, qsizetype count) {
    InlineText out;
    for (const auto &run : text.runs) {
        InlineRun kept = run;
        const qsizetype cut = std::min(count, kept.text.size());
        kept.text.remove(0, cut);
        count -= cut;
        if (out.runs.isEmpty())
            while (!kept.text.isEmpty() && kept.text.front().isSpace())
                kept.text.remove(0, 1);
        if (!kept.text.isEmpty())
            out.runs.append(kept);
    }
    return out.normalized();
}

void replaceChar(InlineText &text, qsizetype position, QChar letter) {
    qsizetype start = 0;
    for (auto &run : text.runs) {
        if (position < start + run.text.size()) {
            run.text[position - start] = letter;
            return;
        }
        start += run.text.size();
    }
}

} // namespace

InlineText applySplits(const InlineText &text, const QList<int> &splits, const QList<ImportChange> &changes,
                       const QList<bool> &accepted) {
    QList<qsizetype> positions;
    QList<std::pair<qsizetype, QChar>> recased;
    for (const int index : splits) {
        if (!isAccepted(accepted, index))
            continue;
        const ImportChange &change = changes.at(index);
        // The result is the original with spaces inserted (and a capital after a cut possibly
        // lowered); find where.
        qsizetype o = 0;
        for (qsizetype r = 0; r < change.result.size(); ++r) {
            if (change.result.at(r) == u' ' &&
                (o >= change.original.size() || change.original.at(o) != u' ')) {
                positions.append(change.column + o);
                continue;
            }
            if (o < change.original.size() && change.original.at(o) != change.result.at(r))
                recased.append({change.column + o, change.result.at(r)});
            ++o;
        }
    }
    if (positions.isEmpty() && recased.isEmpty())
        return text;
    std::sort(positions.begin(), positions.end(), std::greater<>());
    InlineText out = text;
    for (const auto &[position, letter] : std::as_const(recased))
        replaceChar(out, position, letter);
    for (const qsizetype position : positions)
        insertSpace(out, position);
    return out;
}

Story buildStory(const ImportDraft &draft, const QList<bool> &accepted) {
    Story story;
    story.id = draft.storyId;
    story.created = draft.created;
    story.updated = draft.created;
    story.originalSource = draft.source;
    story.originalFormat = draft.sourceFormat;
    story.metadata = draft.metadata;
    story.notes = draft.notes;

    QString lastBlock;
    int lastGroup = 0;
    QList<qsizetype> unplaced;
    auto addParagraph = [&](const DraftSegment &s, const InlineText &text) {
        const BlockKind kind = s.segment.blockKind;
        if (s.segment.isStructure()) {
            Block block{s.blockId, kind};
            block.rows = s.segment.rows;
            block.headerRow = kind == BlockKind::Table && s.segment.headerRow;
            story.body.append(block);
            lastBlock = s.blockId;
            lastGroup = 0;
            return;
        }
        const bool list = kind == BlockKind::BulletList || kind == BlockKind::NumberedList;
        const ListItem item{std::clamp(s.segment.listLevel, 0, MaxListLevel),
                            kind == BlockKind::NumberedList};
        if (list && !story.body.isEmpty() && story.body.last().id == lastBlock &&
            story.body.last().isList() && lastGroup == s.segment.listGroup) {
            Block &block = story.body.last();
            if (block.items.isEmpty())
                for (qsizetype line = 0; line < block.lines.size(); ++line)
                    block.items.append(block.item(line));
            block.lines.append(text);
            block.items.append(item);
            // Items only need spelling out once the list mixes levels or numbering.
            bool plain = true;
            for (const ListItem &shape : std::as_const(block.items))
                plain = plain && shape == ListItem{0, block.kind == BlockKind::NumberedList};
            if (plain)
                block.items.clear();
            return;
        }
        // The paragraphs of one quote in the source (one bq, one blockquote: the same group) are the
        // lines of one block quote, as the editor keeps them.
        if (kind == BlockKind::BlockQuote && s.segment.listGroup != 0 && !story.body.isEmpty() &&
            story.body.last().id == lastBlock && story.body.last().kind == BlockKind::BlockQuote &&
            lastGroup == s.segment.listGroup) {
            story.body.last().lines.append(text);
            return;
        }
        Block block{s.blockId, kind, {text}};
        if (list && item.level > 0)
            block.items = {item};
        story.body.append(block);
        lastBlock = s.blockId;
        lastGroup = s.segment.listGroup;
    };

    for (const DraftSegment &s : draft.segments) {
        if (isAccepted(accepted, s.removal))
            continue;
        InlineText text = applySplits(s.segment.text, s.splits, draft.report.changes, accepted);
        if (isAccepted(accepted, s.datelineChange)) {
            if (story.dateline.isEmpty())
                story.dateline = draft.report.changes.at(s.datelineChange).result;
            text = dropPrefix(text, s.datelineLength);
        }
        const QString plain = text.plainText();
        const SegmentRole role = isAccepted(accepted, s.roleChange) ? s.role : SegmentRole::Paragraph;
        switch (role) {
        case SegmentRole::Section:
            story.section = plain;
            break;
        case SegmentRole::Headline:
            story.headline = plain;
            break;
        case SegmentRole::Deck:
            story.deck = plain;
            break;
        case SegmentRole::Byline:
            for (const QString &name : lineshape::bylineNames(plain)) {
                Byline byline =
                    s.segment.bylineTitle.isEmpty() ? Byline::fromText(name) : Byline{name.trimmed()};
                if (!s.segment.bylineTitle.isEmpty())
                    byline.title = s.segment.bylineTitle;
                story.bylines.append(byline);
            }
            break;
        case SegmentRole::Dateline:
            story.dateline = plain;
            break;
        case SegmentRole::Subhead:
            story.body.append(Block{s.blockId, BlockKind::Subhead, {text}});
            lastBlock = s.blockId;
            lastGroup = 0;
            break;
        case SegmentRole::PullQuote: {
            // A speaker given by markup (NITF pq credit): the whole text is the quote.
            const auto quote = s.segment.attribution.isEmpty() ? lineshape::parsePullQuote(plain)
                                                               : std::optional<lineshape::Quote>();
            PullQuote pullQuote{s.blockId, quote ? quote->text : plain,
                                quote ? quote->attribution : QString(), Placement::after(lastBlock)};
            if (!s.segment.attribution.isEmpty())
                pullQuote.attribution = s.segment.attribution;
            story.pullQuotes.append(pullQuote);
            break;
        }
        case SegmentRole::Caption: {
            StoryImage image;
            image.id = s.blockId;
            image.caption = plain;
            image.credit = s.segment.credit;
            if (image.credit.isEmpty()) {
                if (const auto parsed = lineshape::parseCaption(plain)) {
                    image.caption = parsed->caption;
                    image.credit = parsed->credit;
                } else if (const auto labelled = lineshape::parseCreditLabel(plain)) {
                    image.caption = labelled->caption;
                    image.credit = labelled->credit;
                }
            }
            image.data = s.segment.imageData;
            image.mimeType = s.segment.imageMimeType;
            image.fileName = s.segment.imageFileName;
            image.sourceHref = s.segment.imageHref;
            image.width = s.segment.imageWidth;
            image.height = s.segment.imageHeight;
            image.altText = s.segment.altText.isEmpty() ? image.caption : s.segment.altText;
            image.placement = s.lead ? Placement::lead() : Placement::after(lastBlock);
            if (!s.lead && lastBlock.isEmpty())
                unplaced.append(story.images.size());
            story.images.append(image);
            break;
        }
        case SegmentRole::Paragraph:
            addParagraph(s, text);
            break;
        }
    }
    // Only one picture is the lead: others above the first body block go right after it.
    for (const qsizetype index : std::as_const(unplaced))
        if (!story.body.isEmpty())
            story.images[index].placement = Placement::after(story.body.first().id);
    // Sites list the headline among a page's keywords, agencies among an item's subjects: a
    // keyword that only repeats the headline says nothing about the story. (A slug's words stay:
    // the desk searches by them.)
    const QString headline = lettersOf(story.headline);
    const QString slug = lettersOf(story.metadata.slugline);
    story.metadata.keywords.removeIf([&](const QString &keyword) {
        const QString key = lettersOf(keyword);
        return !headline.isEmpty() && key == headline && !slug.contains(key);
    });
    return story;
}

} // namespace galley
