#include "revisiondiff.h"

#include "formatdiff.h"

#include <dtl/dtl.hpp>

#include <QHash>
#include <QJsonArray>
#include <QSet>

#include <algorithm>
#include <vector>

namespace galley {

namespace {

// A block whose words go on in the blocks added after it is split when the pieces together
// differ from it in at most this share of its words (or two words, for short blocks).
constexpr int SplitToleranceDivisor = 10;
// Blocks with no id in common are paired by their words only when there are few of them; beyond
// that they stay Added and Removed (pairing compares every pair).
constexpr qsizetype MaxPairingComparisons = 400;

QString blockText(const Block &block) {
    return block.kind == BlockKind::SectionBreak ? u"* * *"_qs : block.plainText();
}

QString kindLabel(BlockKind kind) {
    switch (kind) {
    case BlockKind::Paragraph:
        return u"Paragraph"_qs;
    case BlockKind::Subhead:
        return u"Subhead"_qs;
    case BlockKind::BulletList:
    case BlockKind::NumberedList:
        return u"List"_qs;
    case BlockKind::BlockQuote:
        return u"Block quote"_qs;
    case BlockKind::Table:
        return u"Table"_qs;
    case BlockKind::SectionBreak:
        return u"Section break"_qs;
    }
    return u"Block"_qs;
}

int wordChanges(const WordDiff &diff) {
    return diff.wordsAdded + diff.wordsRemoved;
}

int sameWords(const WordDiff &diff) {
    int same = 0;
    for (const auto &token : diff.tokens)
        same += token.kind == DiffToken::Kind::Same && !token.text.isEmpty() &&
                        token.text.front().isLetterOrNumber()
                    ? 1
                    : 0;
    return same;
}

/// A field of the result with where it sorts among the body's fields.
struct Placed {
    double position;
    int order;
    FieldDiff field;
};

class BodyDiff {
public:
    BodyDiff(const QList<Block> &older, const QList<Block> &newer)
        : m_old(older)
        , m_new(newer) {
        // Texts once: every step below compares them, most blocks are unchanged.
        for (qsizetype i = 0; i < older.size(); ++i) {
            m_oldIndex.insert(older.at(i).id, i);
            m_oldText.append(blockText(older.at(i)));
        }
        for (qsizetype j = 0; j < newer.size(); ++j) {
            m_newIndex.insert(newer.at(j).id, j);
            m_newText.append(blockText(newer.at(j)));
        }
    }

    QList<FieldDiff> run() {
        findInPlace();
        findSplits();
        findJoins();
        pairByWords();
        emitFields();
        std::stable_sort(m_out.begin(), m_out.end(), [](const Placed &a, const Placed &b) {
            return a.position < b.position || (a.position == b.position && a.order < b.order);
        });
        QList<FieldDiff> fields;
        for (auto &placed : m_out)
            fields.append(std::move(placed.field));
        return fields;
    }

private:
    bool common(const QString &id) const { return m_oldIndex.contains(id) && m_newIndex.contains(id); }

    // Blocks in both stories that keep their order (the longest common subsequence of ids); the
    // other common ones moved.
    void findInPlace() {
        std::vector<QString> a, b;
        for (const Block &block : m_old)
            if (common(block.id))
                a.push_back(block.id);
        for (const Block &block : m_new)
            if (common(block.id))
                b.push_back(block.id);
        if (a.empty() || b.empty())
            return;
        dtl::Diff<QString, std::vector<QString>> script(a, b);
        script.compose();
        for (const auto &[id, info] : script.getSes().getSequence())
            if (info.type == dtl::SES_COMMON)
                m_inPlace.insert(id);
    }

    qsizetype tolerance(const QString &text) const {
        return std::max<qsizetype>(2, countWords(text) / SplitToleranceDivisor);
    }

    void findSplits() {
        for (qsizetype j = 0; j < m_new.size(); ++j) {
            const Block &block = m_new.at(j);
            // A split leaves the block in place with new blocks after it.
            if (!m_inPlace.contains(block.id) || j + 1 >= m_new.size() ||
                m_oldIndex.contains(m_new.at(j + 1).id))
                continue;
            const QString &before = m_oldText.at(m_oldIndex.value(block.id));
            if (before == m_newText.at(j))
                continue;
            const int alone = wordChanges(diffWords(before, m_newText.at(j)));
            if (alone == 0)
                continue;
            QString joined = m_newText.at(j);
            QStringList ids{block.id};
            qsizetype best = 0;
            for (qsizetype k = j + 1; k < m_new.size() && !m_oldIndex.contains(m_new.at(k).id); ++k) {
                joined += u'\n' + m_newText.at(k);
                const int changes = wordChanges(diffWords(before, joined));
                if (changes * 2 < alone && changes <= tolerance(before))
                    best = k - j;
            }
            if (best == 0)
                continue;
            for (qsizetype k = j; k <= j + best; ++k) {
                if (k > j)
                    ids.append(m_new.at(k).id);
                m_taken.insert(m_new.at(k).id);
            }
            m_splits.insert(block.id, ids);
        }
    }

    void findJoins() {
        for (qsizetype i = 0; i < m_old.size(); ++i) {
            const Block &block = m_old.at(i);
            if (!m_inPlace.contains(block.id) || m_splits.contains(block.id) || i + 1 >= m_old.size() ||
                m_newIndex.contains(m_old.at(i + 1).id))
                continue;
            const QString &after = m_newText.at(m_newIndex.value(block.id));
            if (after == m_oldText.at(i))
                continue;
            const int alone = wordChanges(diffWords(m_oldText.at(i), after));
            if (alone == 0)
                continue;
            QString joined = m_oldText.at(i);
            qsizetype best = 0;
            for (qsizetype k = i + 1; k < m_old.size() && !m_newIndex.contains(m_old.at(k).id); ++k) {
                joined += u'\n' + m_oldText.at(k);
                const int changes = wordChanges(diffWords(joined, after));
                if (changes * 2 < alone && changes <= tolerance(after))
                    best = k - i;
            }
            if (best == 0)
                continue;
            QStringList ids;
            for (qsizetype k = i; k <= i + best; ++k) {
                ids.append(m_old.at(k).id);
                m_taken.insert(m_old.at(k).id);
            }
            m_joins.insert(block.id, ids);
        }
    }

    // Blocks that lost their ids (a wire update, a paste over a paragraph) are matched by words.
    void pairByWords() {
        QList<qsizetype> olds, news;
        for (qsizetype i = 0; i < m_old.size(); ++i)
            if (!m_newIndex.contains(m_old.at(i).id) && !m_taken.contains(m_old.at(i).id))
                olds.append(i);
        for (qsizetype j = 0; j < m_new.size(); ++j)
            if (!m_oldIndex.contains(m_new.at(j).id) && !m_taken.contains(m_new.at(j).id))
                news.append(j);
        if (olds.isEmpty() || news.isEmpty() || olds.size() * news.size() > MaxPairingComparisons)
            return;
        QSet<qsizetype> usedOld;
        for (qsizetype j : news) {
            const QString &after = m_newText.at(j);
            const int afterWords = countWords(after);
            qsizetype best = -1;
            double bestScore = 0.5;
            for (qsizetype i : olds) {
                if (usedOld.contains(i) || m_old.at(i).kind != m_new.at(j).kind)
                    continue;
                const QString &before = m_oldText.at(i);
                const int total = countWords(before) + afterWords;
                if (total == 0)
                    continue;
                const double score = 2.0 * sameWords(diffWords(before, after)) / total;
                if (score >= bestScore) {
                    bestScore = score;
                    best = i;
                }
            }
            if (best < 0)
                continue;
            usedOld.insert(best);
            m_taken.insert(m_old.at(best).id);
            m_taken.insert(m_new.at(j).id);
            m_pairs.insert(m_new.at(j).id, m_old.at(best).id);
        }
    }

    QString label(const Block &block, qsizetype index) const {
        return kindLabel(block.kind) + u' ' + QString::number(index + 1);
    }

    void add(double position, FieldDiff field) {
        m_out.append({position, int(m_out.size()), std::move(field)});
    }

    // Where a block of the older story sorts among the newer one's: just after the nearest block
    // before it that is still in place.
    qsizetype inPlaceBefore(qsizetype i) const {
        for (qsizetype k = i - 1; k >= 0; --k)
            if (m_inPlace.contains(m_old.at(k).id))
                return k;
        return -1;
    }
    double oldPosition(qsizetype i) const {
        const qsizetype k = inPlaceBefore(i);
        return k < 0 ? -0.5 : double(m_newIndex.value(m_old.at(k).id)) + 0.5;
    }

    void emitFields() {
        for (qsizetype j = 0; j < m_new.size(); ++j) {
            const Block &block = m_new.at(j);
            FieldDiff field;
            field.key = u"block:"_qs + block.id;
            field.label = label(block, j);
            field.newBlockIds = {block.id};
            if (m_splits.contains(block.id)) {
                const QStringList ids = m_splits.value(block.id);
                const qsizetype i = m_oldIndex.value(block.id);
                QString joined;
                for (const QString &id : ids)
                    joined +=
                        (joined.isEmpty() ? QString() : u"\n"_qs) + blockText(m_new.at(m_newIndex.value(id)));
                field.change = FieldDiff::Change::Split;
                field.label = kindLabel(block.kind) + u"s %1–%2"_qs.arg(j + 1).arg(j + ids.size());
                field.note = u"split from %1"_qs.arg(label(m_old.at(i), i).toLower());
                field.tokens = diffWords(blockText(m_old.at(i)), joined).tokens;
                field.oldBlockIds = {block.id};
                field.newBlockIds = ids;
                add(double(j), field);
            } else if (m_joins.contains(block.id)) {
                const QStringList ids = m_joins.value(block.id);
                const qsizetype i = m_oldIndex.value(block.id);
                QString joined;
                for (const QString &id : ids)
                    joined +=
                        (joined.isEmpty() ? QString() : u"\n"_qs) + blockText(m_old.at(m_oldIndex.value(id)));
                field.change = FieldDiff::Change::Joined;
                field.note = u"joined from %1s %2–%3"_qs.arg(kindLabel(block.kind).toLower())
                                 .arg(i + 1)
                                 .arg(i + ids.size());
                field.tokens = diffWords(joined, blockText(block)).tokens;
                field.oldBlockIds = ids;
                add(double(j), field);
            } else if (m_oldIndex.contains(block.id)) {
                const qsizetype i = m_oldIndex.value(block.id);
                const Block &old = m_old.at(i);
                const bool moved = !m_inPlace.contains(block.id);
                if (!moved && old.kind == block.kind && old.lines == block.lines && old.rows == block.rows &&
                    old.items == block.items && old.headerRow == block.headerRow)
                    continue;
                const WordDiff words = diffWords(m_oldText.at(i), m_newText.at(j));
                field.formatting = formattingChanges(old, block, words.tokens);
                if (!moved && !words.hasChanges() && old.kind == block.kind && field.formatting.isEmpty())
                    continue;
                field.change = moved ? FieldDiff::Change::Moved : FieldDiff::Change::Changed;
                if (moved)
                    field.note = u"moved from %1"_qs.arg(label(old, i).toLower());
                else if (old.kind != block.kind)
                    field.note = u"was %1"_qs.arg(kindLabel(old.kind).toLower());
                field.tokens = words.tokens;
                field.oldBlockIds = {block.id};
                add(double(j), field);
            } else if (m_pairs.contains(block.id)) {
                const QString oldId = m_pairs.value(block.id);
                const WordDiff words =
                    diffWords(blockText(m_old.at(m_oldIndex.value(oldId))), blockText(block));
                if (!words.hasChanges())
                    continue;
                field.tokens = words.tokens;
                field.oldBlockIds = {oldId};
                add(double(j), field);
            } else if (!m_taken.contains(block.id)) {
                field.change = FieldDiff::Change::Added;
                field.tokens = diffWords(QString(), blockText(block)).tokens;
                add(double(j), field);
            }
        }
        for (qsizetype i = 0; i < m_old.size(); ++i) {
            const Block &block = m_old.at(i);
            if (m_newIndex.contains(block.id) || m_taken.contains(block.id))
                continue;
            FieldDiff field;
            field.key = u"block:"_qs + block.id;
            field.label = label(block, i);
            field.change = FieldDiff::Change::Removed;
            field.tokens = diffWords(blockText(block), QString()).tokens;
            field.oldBlockIds = {block.id};
            if (const qsizetype k = inPlaceBefore(i); k >= 0)
                field.anchorBlockId = m_old.at(k).id;
            add(oldPosition(i), field);
        }
    }

    const QList<Block> &m_old;
    const QList<Block> &m_new;
    QHash<QString, qsizetype> m_oldIndex;
    QHash<QString, qsizetype> m_newIndex;
    QStringList m_oldText; ///< blockText() of each older block
    QStringList m_newText;
    QSet<QString> m_inPlace;
    QSet<QString> m_taken;                ///< consumed by a split, join or pairing
    QHash<QString, QStringList> m_splits; ///< new block id -> new ids it was split into
    QHash<QString, QStringList> m_joins;  ///< new block id -> old ids joined into it
    QHash<QString, QString> m_pairs;      ///< new block id -> old block id matched by words
    QList<Placed> m_out;
};

/// "after paragraph 3", "at the top", as a placement reads in a note.
QString placementText(const Story &story, const Placement &placement) {
    if (placement.isLead())
        return u"the top"_qs;
    const qsizetype index = story.blockIndex(placement.afterBlockId);
    if (index < 0)
        return u"a removed block"_qs;
    return u"after %1 %2"_qs.arg(kindLabel(story.body.at(index).kind).toLower()).arg(index + 1);
}

/// A pull quote or picture moved when it follows another block than before. When that block is
/// not in the older story (it got a new id where it stood), the places are compared as they read.
bool movedPlacement(const Story &older, const Placement &from, const Placement &to, const QString &fromText,
                    const QString &toText) {
    if (from == to)
        return false;
    if (to.isLead() || older.blockIndex(to.afterBlockId) >= 0)
        return true;
    return fromText != toText;
}

class Fields {
public:
    QList<FieldDiff> fields;

    void text(const QString &key, const QString &label, const QString &before, const QString &after) {
        if (before == after)
            return;
        FieldDiff field;
        field.key = key;
        field.label = label;
        field.change = before.isEmpty()  ? FieldDiff::Change::Added
                       : after.isEmpty() ? FieldDiff::Change::Removed
                                         : FieldDiff::Change::Changed;
        field.tokens = diffWords(before, after).tokens;
        fields.append(field);
    }

    void placed(const QString &key, const QString &label, const QString &before, const QString &after,
                const QString &moveNote) {
        FieldDiff field;
        field.key = key;
        field.label = label;
        field.change = moveNote.isEmpty() ? FieldDiff::Change::Changed : FieldDiff::Change::Moved;
        field.note = moveNote;
        field.tokens = diffWords(before, after).tokens;
        fields.append(field);
    }
};

QString timeText(const QDateTime &time) {
    return time.isValid() ? time.toUTC().toString(Qt::ISODate) : QString();
}

QString spaced(const DiffToken &token, bool first) {
    return (token.spaceBefore && !first ? u" "_qs : QString()) +
           (token.text == u"\n"_qs ? u"¶"_qs : token.text);
}

} // namespace

RevisionDiff diffStories(const Story &older, const Story &newer) {
    Fields out;
    out.text(u"headline"_qs, u"Headline"_qs, older.headline, newer.headline);
    out.text(u"deck"_qs, u"Deck"_qs, older.deck, newer.deck);
    out.text(u"byline"_qs, u"Byline"_qs, bylinesText(older.bylines), bylinesText(newer.bylines));
    out.text(u"dateline"_qs, u"Dateline"_qs, older.dateline, newer.dateline);
    out.text(u"section"_qs, u"Section"_qs, older.section, newer.section);
    out.text(u"slug"_qs, u"Slug"_qs, older.slug, newer.slug);
    out.fields.append(BodyDiff(older.body, newer.body).run());

    QHash<QString, const PullQuote *> oldQuotes;
    for (const PullQuote &quote : older.pullQuotes)
        oldQuotes.insert(quote.id, &quote);
    QSet<QString> seen;
    for (const PullQuote &quote : newer.pullQuotes) {
        seen.insert(quote.id);
        const PullQuote *old = oldQuotes.value(quote.id);
        const QString key = u"quote:"_qs + quote.id;
        if (!old) {
            out.text(key, u"Pull quote"_qs, QString(), quote.text);
            out.text(u"quote-attribution:"_qs + quote.id, u"Pull quote attribution"_qs, QString(),
                     quote.attribution);
            continue;
        }
        const QString from = placementText(older, old->placement);
        const QString to = placementText(newer, quote.placement);
        if (movedPlacement(older, old->placement, quote.placement, from, to))
            out.placed(key, u"Pull quote"_qs, old->text, quote.text, u"moved from %1 to %2"_qs.arg(from, to));
        else
            out.text(key, u"Pull quote"_qs, old->text, quote.text);
        out.text(u"quote-attribution:"_qs + quote.id, u"Pull quote attribution"_qs, old->attribution,
                 quote.attribution);
    }
    for (const PullQuote &quote : older.pullQuotes) {
        if (seen.contains(quote.id))
            continue;
        out.text(u"quote:"_qs + quote.id, u"Pull quote"_qs, quote.text, QString());
        out.text(u"quote-attribution:"_qs + quote.id, u"Pull quote attribution"_qs, quote.attribution,
                 QString());
    }

    QHash<QString, const StoryImage *> oldImages;
    for (const StoryImage &image : older.images)
        oldImages.insert(image.id, &image);
    seen.clear();
    const auto pictureName = [](const StoryImage &image) {
        return image.fileName.isEmpty() ? u"picture"_qs : image.fileName;
    };
    for (const StoryImage &image : newer.images) {
        seen.insert(image.id);
        const StoryImage *old = oldImages.value(image.id);
        if (!old) {
            out.text(u"picture:"_qs + image.id, u"Picture"_qs, QString(), pictureName(image));
        } else {
            const QString from = placementText(older, old->placement);
            const QString to = placementText(newer, image.placement);
            if (movedPlacement(older, old->placement, image.placement, from, to))
                out.placed(u"picture:"_qs + image.id, u"Picture"_qs, pictureName(*old), pictureName(image),
                           u"moved from %1 to %2"_qs.arg(from, to));
            else if (old->data != image.data || old->fileName != image.fileName)
                out.placed(u"picture:"_qs + image.id, u"Picture"_qs, pictureName(*old), pictureName(image),
                           {});
        }
        out.text(u"caption:"_qs + image.id, u"Caption"_qs, old ? old->caption : QString(), image.caption);
        out.text(u"credit:"_qs + image.id, u"Credit"_qs, old ? old->credit : QString(), image.credit);
        out.text(u"alt:"_qs + image.id, u"Alt text"_qs, old ? old->altText : QString(), image.altText);
    }
    for (const StoryImage &image : older.images) {
        if (seen.contains(image.id))
            continue;
        out.text(u"picture:"_qs + image.id, u"Picture"_qs, pictureName(image), QString());
        out.text(u"caption:"_qs + image.id, u"Caption"_qs, image.caption, QString());
        out.text(u"credit:"_qs + image.id, u"Credit"_qs, image.credit, QString());
        out.text(u"alt:"_qs + image.id, u"Alt text"_qs, image.altText, QString());
    }

    const StoryMetadata &a = older.metadata;
    const StoryMetadata &b = newer.metadata;
    const auto priority = [](int value) { return value > 0 ? QString::number(value) : QString(); };
    const auto meta = [&](const char16_t *member, const QString &before, const QString &after) {
        const QString name = QString::fromUtf16(member);
        out.text(u"metadata:"_qs + name, u"Metadata: "_qs + name, before, after);
    };
    meta(u"sourceAgency", a.sourceAgency, b.sourceAgency);
    meta(u"originalId", a.originalId, b.originalId);
    meta(u"priority", priority(a.priority), priority(b.priority));
    meta(u"slugline", a.slugline, b.slugline);
    meta(u"keywords", a.keywords.join(u", "_qs), b.keywords.join(u", "_qs));
    meta(u"language", a.language, b.language);
    meta(u"firstCreated", timeText(a.firstCreated), timeText(b.firstCreated));
    meta(u"versionCreated", timeText(a.versionCreated), timeText(b.versionCreated));
    meta(u"embargo", timeText(a.embargo), timeText(b.embargo));
    return RevisionDiff{out.fields};
}

QString markedText(const QList<DiffToken> &tokens) {
    QString text;
    qsizetype i = 0;
    DiffToken::Kind previous = DiffToken::Kind::Same;
    while (i < tokens.size()) {
        const DiffToken::Kind kind = tokens.at(i).kind;
        const qsizetype start = i;
        while (i < tokens.size() && tokens.at(i).kind == kind)
            ++i;
        // A replacement reads "[-old-]{+new+}", the inserted words right after the deleted ones.
        const bool glued = kind == DiffToken::Kind::Added && previous == DiffToken::Kind::Removed;
        if (start > 0 && tokens.at(start).spaceBefore && !glued)
            text += u' ';
        QString run;
        for (qsizetype k = start; k < i; ++k)
            run += spaced(tokens.at(k), k == start);
        switch (kind) {
        case DiffToken::Kind::Same:
            text += run;
            break;
        case DiffToken::Kind::Removed:
            text += u"[-"_qs + run + u"-]"_qs;
            break;
        case DiffToken::Kind::Added:
            text += u"{+"_qs + run + u"+}"_qs;
            break;
        }
        previous = kind;
    }
    return text;
}

QString diffAsText(const RevisionDiff &diff) {
    QString text;
    for (const FieldDiff &field : diff.fields) {
        text += field.label;
        QStringList notes = field.formatting;
        if (!field.note.isEmpty())
            notes.prepend(field.note);
        if (!notes.isEmpty())
            text += u" ("_qs + notes.join(u"; "_qs) + u')';
        text += u": "_qs + markedText(field.tokens) + u'\n';
    }
    return text;
}

QJsonArray diffTokensJson(const QList<DiffToken> &tokens) {
    QJsonArray out;
    for (const DiffToken &token : tokens) {
        QJsonObject o{{u"op"_qs, token.kind == DiffToken::Kind::Same    ? u"="_qs
                                 : token.kind == DiffToken::Kind::Added ? u"+"_qs
                                                                        : u"-"_qs},
                      {u"text"_qs, token.text}};
        if (token.spaceBefore)
            o.insert(u"space"_qs, true);
        out.append(o);
    }
    return out;
}

QJsonObject diffAsJson(const RevisionDiff &diff) {
    static const char16_t *const changeNames[] = {u"changed", u"added", u"removed",
                                                  u"moved",   u"split", u"joined"};
    QJsonArray fields;
    for (const FieldDiff &field : diff.fields) {
        const QJsonArray tokens = diffTokensJson(field.tokens);
        QJsonObject o{{u"key"_qs, field.key},
                      {u"label"_qs, field.label},
                      {u"change"_qs, QString::fromUtf16(changeNames[int(field.change)])},
                      {u"text"_qs, markedText(field.tokens)},
                      {u"tokens"_qs, tokens}};
        if (!field.note.isEmpty())
            o.insert(u"note"_qs, field.note);
        if (!field.formatting.isEmpty())
            o.insert(u"formatting"_qs, QJsonArray::fromStringList(field.formatting));
        fields.append(o);
    }
    return QJsonObject{{u"fields"_qs, fields}};
}

} // namespace galley
