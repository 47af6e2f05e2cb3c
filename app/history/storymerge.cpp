#include "storymerge.h"

#include <QHash>
#include <QSet>

namespace galley {

namespace {

/// One field's three-way rule; @p label names it in keptMine when both changed it differently.
template <typename T>
T mergeField(const T &base, const T &mine, const T &theirs, const QString &label, QStringList *keptMine) {
    if (mine == base)
        return theirs;
    if (theirs == base || theirs == mine)
        return mine;
    keptMine->append(label);
    return mine;
}

QHash<QString, const Block *> blocksById(const QList<Block> &body) {
    QHash<QString, const Block *> byId;
    for (const Block &block : body)
        byId.insert(block.id, &block);
    return byId;
}

QString paragraphLabel(qsizetype index) {
    return u"Paragraph %1"_qs.arg(index + 1);
}

QList<Block> mergeBody(const QList<Block> &base, const QList<Block> &mine, const QList<Block> &theirs,
                       QStringList *keptMine) {
    const auto baseById = blocksById(base);
    const auto theirsById = blocksById(theirs);
    const auto mineById = blocksById(mine);
    QList<Block> merged;
    for (qsizetype i = 0; i < mine.size(); ++i) {
        const Block &block = mine.at(i);
        const Block *was = baseById.value(block.id);
        if (!was) { // the user added it
            merged.append(block);
            continue;
        }
        const Block *now = theirsById.value(block.id);
        if (!now) { // they deleted it
            if (block == *was)
                continue;
            keptMine->append(paragraphLabel(i));
            merged.append(block);
            continue;
        }
        merged.append(mergeField(*was, block, *now, paragraphLabel(i), keptMine));
    }
    // Blocks the user deleted that they changed: the deletion stands, but say so.
    for (const Block &block : base)
        if (!mineById.contains(block.id) && theirsById.contains(block.id) && *theirsById.value(block.id) != block)
            keptMine->append(u"A paragraph you deleted"_qs);
    // Blocks they added, after the block they follow in their story.
    QString after; // id of the previous block of theirs that is in the merge; empty: the top
    for (const Block &block : theirs) {
        if (!baseById.contains(block.id) && !mineById.contains(block.id)) {
            qsizetype at = 0;
            if (!after.isEmpty())
                for (qsizetype j = 0; j < merged.size(); ++j)
                    if (merged.at(j).id == after)
                        at = j + 1;
            merged.insert(at, block);
        }
        for (const Block &kept : std::as_const(merged))
            if (kept.id == block.id)
                after = block.id;
    }
    return merged;
}

} // namespace

StoryMerge mergeStories(const Story &base, const Story &mine, const Story &theirs) {
    StoryMerge result;
    Story &story = result.story;
    QStringList *kept = &result.keptMine;
    story = mine;
    story.updated = theirs.updated;
    story.published = theirs.published;
    story.headline = mergeField(base.headline, mine.headline, theirs.headline, u"Headline"_qs, kept);
    story.deck = mergeField(base.deck, mine.deck, theirs.deck, u"Deck"_qs, kept);
    story.bylines = mergeField(base.bylines, mine.bylines, theirs.bylines, u"Byline"_qs, kept);
    story.dateline = mergeField(base.dateline, mine.dateline, theirs.dateline, u"Dateline"_qs, kept);
    story.section = mergeField(base.section, mine.section, theirs.section, u"Section"_qs, kept);
    story.slug = mergeField(base.slug, mine.slug, theirs.slug, u"Slug"_qs, kept);
    story.status = mergeField(base.status, mine.status, theirs.status, u"Status"_qs, kept);
    story.body = mergeBody(base.body, mine.body, theirs.body, kept);
    story.pullQuotes = mergeField(base.pullQuotes, mine.pullQuotes, theirs.pullQuotes, u"Pull quotes"_qs, kept);
    story.images = mergeField(base.images, mine.images, theirs.images, u"Pictures"_qs, kept);
    story.metadata = mergeField(base.metadata, mine.metadata, theirs.metadata, u"Metadata"_qs, kept);
    story.notes = mergeField(base.notes, mine.notes, theirs.notes, u"Notes"_qs, kept);
    return result;
}

} // namespace galley
