#include "revert.h"

#include <QHash>

#include <type_traits>

namespace galley {

namespace {

/// The first line among @p blocks' lines that reads @p text, so text that comes back keeps its
/// formatting; plain text when none does.
InlineText lineFor(const QString &text, const QList<const Block *> &blocks) {
    for (const Block *block : blocks)
        for (const InlineText &line : block->lines)
            if (line.plainText() == text)
                return line;
    return InlineText::plain(text);
}

const Block *findBlock(const QList<Block> &body, const QString &id) {
    for (const Block &block : body)
        if (block.id == id)
            return &block;
    return nullptr;
}

/// Index in @p body after which a block that followed @p previousId in the older story goes back:
/// just after that block when it is still there, else at the top.
qsizetype insertionPoint(const QList<Block> &older, const QList<Block> &body, const QString &id) {
    qsizetype at = -1;
    for (const Block &block : older) {
        if (block.id == id)
            break;
        for (qsizetype k = 0; k < body.size(); ++k)
            if (body.at(k).id == block.id)
                at = k;
    }
    return at + 1;
}

void revertBody(const Story &older, Story &story, const FieldDiff &field, qsizetype hunk) {
    QList<Block> body = story.body;
    const auto indexOf = [&](const QString &id) {
        for (qsizetype k = 0; k < body.size(); ++k)
            if (body.at(k).id == id)
                return k;
        return qsizetype(-1);
    };
    // Whole-block changes: an added block goes, a removed or moved one goes back where it stood.
    if (field.change == FieldDiff::Change::Added && hunk < 0) {
        for (const QString &id : field.newBlockIds)
            if (const qsizetype k = indexOf(id); k >= 0)
                body.removeAt(k);
        story.replaceBody(body);
        return;
    }
    if (field.change == FieldDiff::Change::Removed ||
        (field.change == FieldDiff::Change::Moved && hunk < 0)) {
        const Block *old = findBlock(older.body, field.oldBlockIds.value(0));
        if (!old)
            return;
        if (const qsizetype k = indexOf(old->id); k >= 0)
            body.removeAt(k);
        const Block current =
            field.change == FieldDiff::Change::Moved ? story.body.at(story.blockIndex(old->id)) : *old;
        body.insert(insertionPoint(older.body, body, old->id), current);
        story.replaceBody(body);
        return;
    }
    QList<const Block *> sources;
    for (const QString &id : field.newBlockIds)
        if (const Block *block = findBlock(story.body, id))
            sources.append(block);
    for (const QString &id : field.oldBlockIds)
        if (const Block *block = findBlock(older.body, id))
            sources.append(block);
    const Block *first = findBlock(story.body, field.newBlockIds.value(0));
    if (!first)
        return;
    // A table's text does not say where its cells were: it goes back whole.
    if (first->kind == BlockKind::Table || hunk < 0) {
        const Block *old = findBlock(older.body, field.oldBlockIds.value(0));
        if (old) {
            Block back = *old;
            back.id = first->id;
            body[indexOf(first->id)] = back;
            for (const QString &id : field.newBlockIds.mid(1))
                if (const qsizetype k = indexOf(id); k >= 0)
                    body.removeAt(k);
            story.replaceBody(body);
        }
        return;
    }
    const QStringList lines = textWithHunkReverted(field, hunk).split(u'\n');
    const bool oneBlock =
        field.newBlockIds.size() == 1 && (first->isList() || first->kind == BlockKind::BlockQuote);
    QList<Block> blocks;
    if (oneBlock) {
        Block block = *first;
        block.lines.clear();
        for (const QString &line : lines)
            block.lines.append(lineFor(line, sources));
        if (block.isList())
            block.items = block.items.mid(0, block.lines.size());
        blocks.append(block);
    } else {
        // One line a block: the blocks the field covers, then the older ones it joined, then new.
        QStringList ids = field.newBlockIds;
        for (const QString &id : field.oldBlockIds)
            if (!ids.contains(id))
                ids.append(id);
        for (qsizetype i = 0; i < lines.size(); ++i) {
            Block block = Block::make(first->kind, QString());
            if (i < ids.size())
                block.id = ids.at(i);
            if (const Block *same = findBlock(story.body, block.id))
                block.kind = same->kind;
            else if (const Block *old = findBlock(older.body, block.id))
                block.kind = old->kind;
            block.lines = {lineFor(lines.at(i), sources)};
            blocks.append(block);
        }
    }
    qsizetype at = indexOf(first->id);
    for (const QString &id : field.newBlockIds)
        if (const qsizetype k = indexOf(id); k >= 0)
            body.removeAt(k);
    for (const Block &block : blocks)
        body.insert(at++, block);
    story.replaceBody(body);
}

template <typename T> qsizetype indexById(const QList<T> &list, const QString &id) {
    for (qsizetype k = 0; k < list.size(); ++k)
        if (list.at(k).id == id)
            return k;
    return -1;
}

/// Pull quotes and pictures: an added one goes, a removed one comes back, a moved one goes back.
template <typename T>
void revertItem(const QList<T> &older, QList<T> &newer, const FieldDiff &field, const QString &id) {
    const qsizetype now = indexById(newer, id);
    const qsizetype then = indexById(older, id);
    if (then < 0) {
        if (now >= 0)
            newer.removeAt(now);
    } else if (now < 0) {
        newer.insert(std::min(then, newer.size()), older.at(then));
    } else {
        newer[now].placement = older.at(then).placement;
        if constexpr (std::is_same_v<T, StoryImage>) {
            if (field.change != FieldDiff::Change::Moved) {
                newer[now].data = older.at(then).data;
                newer[now].fileName = older.at(then).fileName;
                newer[now].mimeType = older.at(then).mimeType;
            }
        }
    }
}

QString joinTokens(const QList<const DiffToken *> &tokens) {
    QString text;
    bool lineStart = true;
    for (const DiffToken *token : tokens) {
        if (token->text == u"\n"_qs) {
            text += u'\n';
            lineStart = true;
            continue;
        }
        if (token->spaceBefore && !lineStart)
            text += u' ';
        text += token->text;
        lineStart = false;
    }
    return text;
}

} // namespace

QList<DiffHunk> diffHunks(const FieldDiff &field) {
    QList<DiffHunk> hunks;
    qsizetype i = 0;
    while (i < field.tokens.size()) {
        if (field.tokens.at(i).kind == DiffToken::Kind::Same) {
            ++i;
            continue;
        }
        DiffHunk hunk{i, i};
        while (i < field.tokens.size() && field.tokens.at(i).kind != DiffToken::Kind::Same)
            ++i;
        hunk.last = i;
        hunks.append(hunk);
    }
    return hunks;
}

QString textWithHunkReverted(const FieldDiff &field, qsizetype hunk) {
    const QList<DiffHunk> hunks = diffHunks(field);
    const DiffHunk back = hunk >= 0 && hunk < hunks.size() ? hunks.at(hunk) : DiffHunk{-1, -1};
    QList<DiffToken> kept;
    bool lostBreak = false;
    for (qsizetype i = 0; i < field.tokens.size(); ++i) {
        const DiffToken &token = field.tokens.at(i);
        const bool reverted = i >= back.first && i < back.last;
        if (token.kind == DiffToken::Kind::Same || (token.kind == DiffToken::Kind::Added) != reverted) {
            kept.append(token);
            // Words that stood on either side of a line break that goes are parted by a space.
            if (lostBreak && token.text != u"\n"_qs)
                kept.last().spaceBefore = true;
            lostBreak = false;
        } else if (token.text == u"\n"_qs) {
            lostBreak = true;
        }
    }
    QList<const DiffToken *> pointers;
    for (const DiffToken &token : kept)
        pointers.append(&token);
    return joinTokens(pointers);
}

Story revertChange(const Story &older, const Story &newer, const RevisionDiff &diff, qsizetype fieldIndex,
                   qsizetype hunk) {
    Story story = newer;
    if (fieldIndex < 0 || fieldIndex >= diff.fields.size())
        return story;
    const FieldDiff &field = diff.fields.at(fieldIndex);
    const QString key = field.key.section(u':', 0, 0);
    const QString id = field.key.section(u':', 1);
    const QString text = hunk < 0 ? QString() : textWithHunkReverted(field, hunk);
    const auto set = [&](QString &target, const QString &whole) { target = hunk < 0 ? whole : text; };

    if (key == u"headline"_qs)
        set(story.headline, older.headline);
    else if (key == u"deck"_qs)
        set(story.deck, older.deck);
    else if (key == u"byline"_qs)
        story.bylines = hunk < 0 ? older.bylines : bylinesFromText(text);
    else if (key == u"dateline"_qs)
        set(story.dateline, older.dateline);
    else if (key == u"section"_qs)
        set(story.section, older.section);
    else if (key == u"slug"_qs)
        set(story.slug, older.slug);
    else if (key == u"block"_qs)
        revertBody(older, story, field, hunk);
    else if (key == u"quote"_qs || key == u"quote-attribution"_qs) {
        const qsizetype k = indexById(story.pullQuotes, id);
        const qsizetype o = indexById(older.pullQuotes, id);
        const bool wholeQuote =
            key == u"quote"_qs &&
            (field.change == FieldDiff::Change::Added || field.change == FieldDiff::Change::Removed ||
             (field.change == FieldDiff::Change::Moved && hunk < 0));
        if (wholeQuote) {
            revertItem(older.pullQuotes, story.pullQuotes, field, id);
        } else if (k >= 0) {
            PullQuote &quote = story.pullQuotes[k];
            if (key == u"quote"_qs)
                set(quote.text, o >= 0 ? older.pullQuotes.at(o).text : QString());
            else
                set(quote.attribution, o >= 0 ? older.pullQuotes.at(o).attribution : QString());
        }
    } else if (key == u"picture"_qs) {
        revertItem(older.images, story.images, field, id);
    } else if (key == u"caption"_qs || key == u"credit"_qs || key == u"alt"_qs) {
        const qsizetype k = indexById(story.images, id);
        const qsizetype o = indexById(older.images, id);
        if (k >= 0) {
            QString &target = key == u"caption"_qs  ? story.images[k].caption
                              : key == u"credit"_qs ? story.images[k].credit
                                                    : story.images[k].altText;
            const QString whole = o < 0                  ? QString()
                                  : key == u"caption"_qs ? older.images.at(o).caption
                                  : key == u"credit"_qs  ? older.images.at(o).credit
                                                         : older.images.at(o).altText;
            set(target, whole);
        }
    } else if (key == u"metadata"_qs) {
        // Members are values, not prose: they go back whole.
        StoryMetadata &m = story.metadata;
        const StoryMetadata &o = older.metadata;
        if (id == u"sourceAgency"_qs)
            m.sourceAgency = o.sourceAgency;
        else if (id == u"originalId"_qs)
            m.originalId = o.originalId;
        else if (id == u"priority"_qs)
            m.priority = o.priority;
        else if (id == u"slugline"_qs)
            m.slugline = o.slugline;
        else if (id == u"keywords"_qs)
            m.keywords = o.keywords;
        else if (id == u"language"_qs)
            m.language = o.language;
        else if (id == u"firstCreated"_qs)
            m.firstCreated = o.firstCreated;
        else if (id == u"versionCreated"_qs)
            m.versionCreated = o.versionCreated;
        else if (id == u"embargo"_qs)
            m.embargo = o.embargo;
    }
    return story;
}

Story revertAll(const Story &older, const Story &newer) {
    Story story = older;
    story.id = newer.id;
    story.slug = newer.slug;
    story.status = newer.status;
    story.notes = newer.notes;
    story.created = newer.created;
    story.updated = newer.updated;
    story.originalSource = newer.originalSource;
    story.originalFormat = newer.originalFormat;
    return story;
}

} // namespace galley
