#include "revisionsummary.h"

#include <QHash>
#include <QStringList>

namespace galley {

namespace {

QString counted(int count, const QString &one, const QString &many) {
    return u"%1 %2"_qs.arg(count).arg(count == 1 ? one : many);
}

/// Singular and plural name of a block kind as a desk says it.
std::pair<QString, QString> kindNames(BlockKind kind) {
    switch (kind) {
    case BlockKind::Paragraph:
        return {u"paragraph"_qs, u"paragraphs"_qs};
    case BlockKind::Subhead:
        return {u"subhead"_qs, u"subheads"_qs};
    case BlockKind::BulletList:
    case BlockKind::NumberedList:
        return {u"list"_qs, u"lists"_qs};
    case BlockKind::BlockQuote:
        return {u"block quote"_qs, u"block quotes"_qs};
    case BlockKind::Table:
        return {u"table"_qs, u"tables"_qs};
    case BlockKind::SectionBreak:
        return {u"section break"_qs, u"section breaks"_qs};
    }
    return {u"block"_qs, u"blocks"_qs};
}

/// Ids present in both lists, in the order of @p list.
template <typename T> QStringList commonIds(const QList<T> &list, const QHash<QString, const T *> &other) {
    QStringList ids;
    for (const T &item : list)
        if (other.contains(item.id))
            ids.append(item.id);
    return ids;
}

template <typename T> QHash<QString, const T *> byId(const QList<T> &list) {
    QHash<QString, const T *> map;
    for (const T &item : list)
        map.insert(item.id, &item);
    return map;
}

} // namespace

QString summarizeChanges(const Story *before, const Story &after) {
    if (!before)
        return u"new story"_qs;
    QStringList parts;
    const auto field = [&](bool changed, const QString &name) {
        if (changed)
            parts.append(name);
    };
    field(before->headline != after.headline, u"headline"_qs);
    field(before->deck != after.deck, u"deck"_qs);
    field(before->bylines != after.bylines, u"byline"_qs);
    field(before->dateline != after.dateline, u"dateline"_qs);
    field(before->section != after.section, u"section"_qs);
    field(before->slug != after.slug, u"slug"_qs);

    // Body blocks by kind, in the order kinds first appear among the changes.
    const auto oldBlocks = byId(before->body);
    const auto newBlocks = byId(after.body);
    QList<BlockKind> kinds;
    QHash<int, int> changed, added, removed;
    const auto count = [&](QHash<int, int> &counts, BlockKind kind) {
        // Both list kinds share a name, so they share a count.
        const BlockKind key = kind == BlockKind::NumberedList ? BlockKind::BulletList : kind;
        if (!kinds.contains(key))
            kinds.append(key);
        ++counts[int(key)];
    };
    for (const Block &block : after.body) {
        const Block *old = oldBlocks.value(block.id);
        if (!old)
            count(added, block.kind);
        else if (!(*old == block))
            count(changed, block.kind);
    }
    for (const Block &block : before->body)
        if (!newBlocks.contains(block.id))
            count(removed, block.kind);
    for (BlockKind kind : kinds) {
        const auto [one, many] = kindNames(kind);
        const int k = int(kind);
        parts.append(counted(changed.value(k) + std::max(added.value(k), removed.value(k)), one, many));
    }
    if (commonIds(before->body, newBlocks) != commonIds(after.body, oldBlocks))
        parts.append(u"paragraph order"_qs);

    const auto oldQuotes = byId(before->pullQuotes);
    const auto newQuotes = byId(after.pullQuotes);
    int quotes = 0;
    for (const PullQuote &quote : after.pullQuotes)
        quotes += !oldQuotes.contains(quote.id) || !(*oldQuotes.value(quote.id) == quote) ? 1 : 0;
    for (const PullQuote &quote : before->pullQuotes)
        quotes += newQuotes.contains(quote.id) ? 0 : 1;
    if (quotes > 0)
        parts.append(counted(quotes, u"pull quote"_qs, u"pull quotes"_qs));

    const auto oldImages = byId(before->images);
    const auto newImages = byId(after.images);
    int pictures = 0, captions = 0, credits = 0, altTexts = 0;
    for (const StoryImage &image : after.images) {
        const StoryImage *old = oldImages.value(image.id);
        if (!old) {
            ++pictures;
            continue;
        }
        pictures += old->data != image.data || old->placement != image.placement ||
                            old->mimeType != image.mimeType || old->fileName != image.fileName ||
                            old->sourceHref != image.sourceHref
                        ? 1
                        : 0;
        captions += old->caption != image.caption ? 1 : 0;
        credits += old->credit != image.credit ? 1 : 0;
        altTexts += old->altText != image.altText ? 1 : 0;
    }
    for (const StoryImage &image : before->images)
        pictures += newImages.contains(image.id) ? 0 : 1;
    if (pictures > 0)
        parts.append(counted(pictures, u"picture"_qs, u"pictures"_qs));
    if (captions > 0)
        parts.append(counted(captions, u"caption"_qs, u"captions"_qs));
    if (credits > 0)
        parts.append(counted(credits, u"credit"_qs, u"credits"_qs));
    if (altTexts > 0)
        parts.append(counted(altTexts, u"alt text"_qs, u"alt texts"_qs));
    field(before->metadata != after.metadata, u"metadata"_qs);
    field(before->notes != after.notes, u"notes"_qs);
    field(before->originalSource != after.originalSource, u"original"_qs);
    if (before->status != after.status)
        parts.append(u"status "_qs + statusName(after.status));
    return parts.isEmpty() ? u"no changes"_qs : parts.join(u", "_qs);
}

} // namespace galley
