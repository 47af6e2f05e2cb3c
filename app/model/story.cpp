#include "story.h"

#include <QHash>
#include <QSet>
#include <QUuid>

namespace galley {

namespace {

struct StatusInfo {
    StoryStatus status;
    const char16_t *key;
    const char16_t *name;
};

constexpr StatusInfo statusTable[] = {
    {StoryStatus::Draft, u"draft", u"Draft"},
    {StoryStatus::CopyEdit, u"copy-edit", u"Copy edit"},
    {StoryStatus::Ready, u"ready", u"Ready"},
    {StoryStatus::Published, u"published", u"Published"},
};

struct KindInfo {
    BlockKind kind;
    const char16_t *key;
};

constexpr KindInfo kindTable[] = {
    {BlockKind::Paragraph, u"paragraph"},        {BlockKind::Subhead, u"subhead"},
    {BlockKind::BulletList, u"bullet-list"},     {BlockKind::NumberedList, u"numbered-list"},
    {BlockKind::BlockQuote, u"block-quote"},     {BlockKind::Table, u"table"},
    {BlockKind::SectionBreak, u"section-break"},
};

} // namespace

QString statusName(StoryStatus status) {
    for (const auto &info : statusTable)
        if (info.status == status)
            return QString::fromUtf16(info.name);
    return {};
}

QString statusKey(StoryStatus status) {
    for (const auto &info : statusTable)
        if (info.status == status)
            return QString::fromUtf16(info.key);
    return {};
}

std::optional<StoryStatus> statusFromString(const QString &text) {
    const QString wanted = text.trimmed();
    for (const auto &info : statusTable) {
        if (wanted.compare(QString::fromUtf16(info.key), Qt::CaseInsensitive) == 0 ||
            wanted.compare(QString::fromUtf16(info.name), Qt::CaseInsensitive) == 0)
            return info.status;
    }
    return std::nullopt;
}

QList<StoryStatus> allStatuses() {
    QList<StoryStatus> out;
    for (const auto &info : statusTable)
        out.append(info.status);
    return out;
}

QString blockKindKey(BlockKind kind) {
    for (const auto &info : kindTable)
        if (info.kind == kind)
            return QString::fromUtf16(info.key);
    return {};
}

std::optional<BlockKind> blockKindFromKey(const QString &key) {
    for (const auto &info : kindTable)
        if (key == QString::fromUtf16(info.key))
            return info.kind;
    return std::nullopt;
}

QString newId() {
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString InlineText::plainText() const {
    QString out;
    for (const auto &run : runs)
        out += run.text;
    return out;
}

bool InlineText::isEmpty() const {
    for (const auto &run : runs)
        if (!run.text.isEmpty())
            return false;
    return true;
}

InlineText InlineText::normalized() const {
    InlineText out;
    for (const auto &run : runs) {
        if (run.text.isEmpty())
            continue;
        if (!out.runs.isEmpty()) {
            InlineRun &last = out.runs.last();
            if (last.sameStyle(run)) {
                last.text += run.text;
                continue;
            }
        }
        out.runs.append(run);
    }
    return out;
}

InlineText InlineText::plain(const QString &text) {
    InlineText out;
    if (!text.isEmpty())
        out.runs.append(InlineRun{text});
    return out;
}

bool InlineRun::sameStyle(const InlineRun &other) const {
    return bold == other.bold && italic == other.italic && href == other.href && strike == other.strike &&
           baseline == other.baseline;
}

QString Block::plainText() const {
    QStringList parts;
    if (kind == BlockKind::Table) {
        for (const auto &row : rows) {
            QStringList cells;
            for (const auto &cell : row)
                cells.append(cell.plainText());
            parts.append(cells.join(u'\t'));
        }
        return parts.join(u'\n');
    }
    for (const auto &line : lines)
        parts.append(line.plainText());
    return parts.join(u'\n');
}

ListItem Block::item(qsizetype line) const {
    if (line >= 0 && line < items.size())
        return items.at(line);
    return ListItem{0, kind == BlockKind::NumberedList};
}

QString Byline::text() const {
    return title.isEmpty() ? name : name % QStringLiteral(", ") % title;
}

Byline Byline::fromText(const QString &text) {
    const qsizetype comma = text.indexOf(u',');
    if (comma < 0)
        return Byline{text.trimmed(), {}};
    return Byline{text.left(comma).trimmed(), text.mid(comma + 1).trimmed()};
}

QString bylinesText(const QList<Byline> &bylines) {
    QStringList parts;
    for (const auto &byline : bylines)
        parts.append(byline.text());
    return parts.join(QStringLiteral("; "));
}

QList<Byline> bylinesFromText(const QString &text) {
    QList<Byline> out;
    for (const QString &part : text.split(u';')) {
        const Byline byline = Byline::fromText(part);
        if (!byline.name.isEmpty() || !byline.title.isEmpty())
            out.append(byline);
    }
    return out;
}

bool StoryMetadata::isEmpty() const {
    return *this == StoryMetadata{};
}

Block Block::make(BlockKind kind, const QString &text) {
    return Block{newId(), kind, {InlineText::plain(text)}};
}

bool StoryImage::hasFocus() const {
    return !qFuzzyCompare(focus.x(), 0.5) || !qFuzzyCompare(focus.y(), 0.5);
}

QString StoryImage::fileExtension() const {
    static const QHash<QString, QString> extensions = {
        {QStringLiteral("image/jpeg"), QStringLiteral("jpg")},
        {QStringLiteral("image/png"), QStringLiteral("png")},
        {QStringLiteral("image/webp"), QStringLiteral("webp")},
        {QStringLiteral("image/gif"), QStringLiteral("gif")},
    };
    return extensions.value(mimeType, QStringLiteral("bin"));
}

Story Story::create() {
    Story story;
    story.id = newId();
    story.created = QDateTime::currentDateTimeUtc();
    story.updated = story.created;
    return story;
}

qsizetype Story::blockIndex(const QString &blockId) const {
    for (qsizetype i = 0; i < body.size(); ++i)
        if (body.at(i).id == blockId)
            return i;
    return -1;
}

QString Story::bodyPlainText() const {
    QStringList parts;
    for (const auto &block : body)
        parts.append(block.plainText());
    return parts.join(QStringLiteral("\n\n"));
}

int Story::wordCount() const {
    int words = 0;
    for (const auto &block : body) {
        bool inWord = false;
        for (const QChar c : block.plainText()) {
            const bool wordChar = c.isLetterOrNumber();
            if (wordChar && !inWord)
                ++words;
            inWord = wordChar || (inWord && (c == u'\'' || c == u'\u2019' || c == u'-'));
        }
    }
    return words;
}

const StoryImage *Story::leadImage() const {
    for (const auto &image : images)
        if (image.placement.isLead())
            return &image;
    return nullptr;
}

void Story::replaceBody(const QList<Block> &newBody) {
    QSet<QString> surviving;
    for (const auto &block : newBody)
        surviving.insert(block.id);

    // For every old block, the nearest block at or above it that survives the edit.
    QHash<QString, QString> fallback;
    QString lastSurvivor;
    for (const auto &block : std::as_const(body)) {
        if (surviving.contains(block.id))
            lastSurvivor = block.id;
        fallback.insert(block.id, lastSurvivor);
    }
    // With nothing left above it, an item goes after the new first block rather than jumping to
    // the top of the page, where a pull quote would open the story and a picture become the lead.
    const QString firstBlock = newBody.isEmpty() ? QString() : newBody.constFirst().id;
    auto keep = [&](Placement &placement) {
        if (placement.isLead() || surviving.contains(placement.afterBlockId))
            return;
        placement.afterBlockId = fallback.value(placement.afterBlockId);
        if (placement.afterBlockId.isEmpty())
            placement.afterBlockId = firstBlock;
    };
    for (auto &quote : pullQuotes)
        keep(quote.placement);
    for (auto &image : images)
        keep(image.placement);
    body = newBody;
}

} // namespace galley
