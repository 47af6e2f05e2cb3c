// IPTC NewsML-G2 (2.x) news items and news messages to stories: every text item one story, the
// picture items it refers to (by link, or by sharing a package group) its image entries. The body is
// the inlineXML's NITF or XHTML, read by the NITF and HTML readers, or inlineData's plain text.
#include "newsmlitem.h"
#include "readers.h"
#include "structuredparts.h"

#include <QHash>
#include <QSet>

namespace galley {

namespace {

using namespace structured;
using newsml::Item;
using newsml::pick;

bool isText(const Item &item) {
    if (item.kind != u"newsItem")
        return false;
    if (item.itemClass.isEmpty())
        return !item.inlines.isEmpty();
    return item.itemClass == u"text" || item.itemClass == u"composite";
}

bool isPicture(const Item &item) {
    if (item.kind != u"newsItem")
        return false;
    if (item.itemClass.isEmpty()) {
        for (const Rendition &r : item.renditions)
            if (r.mimeType.startsWith(u"image/"_qs))
                return item.inlines.isEmpty();
        return false;
    }
    return item.itemClass == u"picture" || item.itemClass == u"graphic";
}

QString agencyOf(const Item &item) {
    if (!item.provider.isEmpty())
        return item.provider;
    return item.copyrightHolder;
}

Picture pictureOf(const Item &item) {
    Picture picture;
    picture.id = item.guid;
    if (const auto caption = pick(item.descriptions, item.language, u"caption"_qs))
        picture.caption = caption->text;
    else if (const auto any = pick(item.descriptions, item.language))
        picture.caption = any->text;
    else if (const auto headline = pick(item.headlines, item.language))
        picture.caption = headline->text;
    if (const auto alt = pick(item.descriptions, item.language, u"alt"_qs))
        picture.altText = alt->text;
    if (picture.altText == picture.caption)
        picture.altText.clear();
    const auto creditline = pick(item.creditline, item.language);
    const auto by = pick(item.by, item.language);
    QString name = by ? by->text : item.photographer;
    const QString line = creditline ? creditline->text : QString();
    picture.credit = !name.isEmpty() && !line.isEmpty() && !name.contains(line, Qt::CaseInsensitive)
                         ? name % u'/' % line
                         : (name.isEmpty() ? line : name);
    picture.renditions = item.renditions;
    picture.line = item.renditionLine > 0 ? item.renditionLine : item.line;
    return picture;
}

/// The body of @p item into @p parts (NITF or XHTML inline, else plain inline text); false with
/// @p error when the inline markup cannot be read.
bool readBody(const Item &item, StoryParts &parts, QStringList *notes, QString *error) {
    const newsml::Inline *chosen = nullptr;
    for (const newsml::Inline &content : item.inlines) {
        const bool nitf = content.root == u"nitf" || content.root == u"body.content";
        const bool html = content.root == u"html" || content.root == u"body" || content.root == u"div" ||
                          content.root == u"p" || content.root == u"section" || content.root == u"article";
        if (content.xml && (nitf || html)) {
            chosen = &content;
            break;
        }
        if (!content.xml && !chosen)
            chosen = &content;
    }
    if (item.inlines.size() > 1 && chosen)
        notes->append(u"The item carries its text %1 times; Galley read the one at line %2 (%3)."_qs.arg(
            QString::number(item.inlines.size()), QString::number(chosen->line),
            chosen->contentType.isEmpty() ? chosen->root : chosen->contentType));
    if (!chosen) {
        if (!item.renditions.isEmpty() && !isPicture(item))
            notes->append(u"The story's text is at an address (%1); Galley never fetches it."_qs.arg(
                item.renditions.first().href));
        return true;
    }
    if (!chosen->xml) {
        parts.body = plainBody(chosen->raw, chosen->line);
        return true;
    }
    // Blank lines before the markup keep its lines those of the file.
    const QString lead(std::max(chosen->line - 1, 0), u'\n');
    QString readError;
    std::optional<QList<Segment>> segments;
    // readNitf() gives a whole story; the item's own metadata wins, so only its text and report are taken.
    auto nitfText = [&](const QString &xml) -> std::optional<QList<Segment>> {
        auto story = readNitf(xml, &readError);
        if (!story)
            return std::nullopt;
        *notes += story->reportNotes;
        parts.bodyNotes += story->notes;
        return story->segments;
    };
    if (chosen->root == u"nitf")
        segments = nitfText(lead % chosen->raw);
    else if (chosen->root == u"body.content")
        segments = nitfText(lead % u"<nitf><body>"_qs % chosen->raw % u"</body></nitf>"_qs);
    else
        segments = readHtml((lead % chosen->raw).toUtf8(), &readError);
    if (!segments) {
        *error = u"The text of the news item at line %1 cannot be read: %2"_qs.arg(
            QString::number(chosen->line), readError);
        return false;
    }
    parts.body = *segments;
    markAsBody(parts.body, parts);
    return true;
}

std::optional<ReadStory> storyOf(const Item &item, const QList<Picture> &pictures, QString *error) {
    ReadStory story;
    StoryMetadata &meta = story.metadata;
    meta.sourceAgency = agencyOf(item);
    meta.originalId = item.guid;
    if (const auto slug = pick(item.slugline, item.language))
        meta.slugline = slug->text;
    meta.language = item.language;
    meta.priority = item.urgency >= 1 && item.urgency <= 9 ? item.urgency : 0;
    meta.keywords = item.keywords;
    for (const QString &subject : item.subjects)
        if (!meta.keywords.contains(subject, Qt::CaseInsensitive))
            meta.keywords.append(subject);
    auto time = [&](const QString &text, const QString &what) {
        const QDateTime parsed = parseTime(text);
        if (!text.isEmpty() && !parsed.isValid())
            story.reportNotes.append(
                u"The %1 “%2” is not a time Galley reads; it is left out."_qs.arg(what, text));
        return parsed;
    };
    meta.versionCreated = time(item.versionCreated, u"version time"_qs);
    meta.firstCreated = time(item.firstCreated, u"first-created time"_qs);
    meta.embargo = time(item.embargoed, u"embargo time"_qs);
    if (meta.embargo.isValid())
        story.reportNotes.append(
            u"The agency embargoes this story until %1: it must not be published before then."_qs.arg(
                timeText(meta.embargo)));
    notePubStatus(item.pubStatus, meta.sourceAgency, meta.versionCreated, &story.reportNotes, &story.notes);
    for (const newsml::Text &note : item.edNotes)
        if (note.lang.isEmpty() || item.language.isEmpty() ||
            note.lang.compare(item.language, Qt::CaseInsensitive) == 0)
            addWireNote(note.text, meta.sourceAgency, meta.versionCreated, &story.notes);
    if (item.signal == u"correction")
        story.reportNotes.append(u"The agency marks this version as a correction."_qs);

    StoryParts parts;
    std::optional<newsml::Text> headline = pick(item.headlines, item.language, u"main"_qs);
    if (!headline) {
        QList<newsml::Text> plain;
        for (const newsml::Text &h : item.headlines)
            if (!h.role.contains(u"sub"_qs, Qt::CaseInsensitive))
                plain.append(h);
        headline = pick(plain, item.language);
    }
    if (headline)
        parts.headline = headSegment(SegmentRole::Headline, headline->text, headline->line);
    else if (!item.title.isEmpty())
        parts.headline = headSegment(SegmentRole::Headline, item.title, item.line);
    const auto summary = pick(item.descriptions, item.language, u"summary"_qs);
    if (const auto sub = pick(item.headlines, item.language, u"sub"_qs)) {
        parts.deck = headSegment(SegmentRole::Deck, sub->text, sub->line);
        if (summary)
            story.reportNotes.append(unusedSummary(summary->text));
    } else if (summary) {
        parts.deck = headSegment(SegmentRole::Deck, summary->text, summary->line);
    }
    // A picture's "by" is its photographer: the image's credit, not the story's.
    for (const newsml::Text &by : isPicture(item) ? QList<newsml::Text>() : item.by)
        if (by.lang.isEmpty() || item.language.isEmpty() ||
            by.lang.compare(item.language, Qt::CaseInsensitive) == 0)
            parts.bylines.append(headSegment(SegmentRole::Byline, bylineText(by.text), by.line));
    if (const auto dateline = pick(item.dateline, item.language))
        parts.dateline = headSegment(SegmentRole::Dateline, dateline->text, dateline->line);
    else if (const auto located = pick(item.located, item.language))
        parts.dateline = headSegment(SegmentRole::Dateline, located->text, located->line);

    if (!readBody(item, parts, &story.reportNotes, error))
        return std::nullopt;
    takeBodyNotes(parts, story.metadata.sourceAgency, &story.notes);
    QList<Picture> all = pictures;
    if (isPicture(item))
        all.prepend(pictureOf(item));
    parts.pictures = matchFigures(parts.body, all);
    story.segments = assemble(parts, &story.reportNotes);
    return story;
}

/// For each text item (by index), the pictures it carries: those it links to, those sharing a
/// package group with it, and, when the message has one text item, every picture left over.
QHash<int, QList<Picture>> attachPictures(const QList<Item> &items, QStringList *notes) {
    QHash<QString, int> pictureIndex;
    QList<int> texts;
    for (int i = 0; i < items.size(); ++i) {
        if (isPicture(items.at(i)) && !items.at(i).guid.isEmpty())
            pictureIndex.insert(items.at(i).guid, i);
        if (isText(items.at(i)))
            texts.append(i);
    }
    QHash<int, QList<int>> chosen;
    QSet<int> used;
    auto give = [&](int text, int picture) {
        if (used.contains(picture))
            return;
        used.insert(picture);
        chosen[text].append(picture);
    };
    QHash<QString, int> textIndex;
    for (const int t : std::as_const(texts))
        textIndex.insert(items.at(t).guid, t);
    for (const Item &item : items) {
        for (const QStringList &group : item.groups) {
            int text = -1;
            for (const QString &ref : group)
                if (text < 0 && textIndex.contains(ref))
                    text = textIndex.value(ref);
            if (text < 0 && texts.size() == 1)
                text = texts.first();
            for (const QString &ref : group)
                if (text >= 0 && pictureIndex.contains(ref))
                    give(text, pictureIndex.value(ref));
        }
    }
    // The package's arrangement first (its first picture leads), then what each text links to.
    for (const int t : std::as_const(texts))
        for (const QString &link : items.at(t).links)
            if (pictureIndex.contains(link))
                give(t, pictureIndex.value(link));
    for (int i = 0; i < items.size(); ++i) {
        if (!isPicture(items.at(i)) || used.contains(i))
            continue;
        if (texts.size() == 1) {
            give(texts.first(), i);
        } else if (!texts.isEmpty()) {
            const Picture p = pictureOf(items.at(i));
            notes->append(
                u"The picture “%1” (line %2) belongs to no story of the message; it is left out."_qs.arg(
                    p.caption.isEmpty() ? items.at(i).guid : p.caption, QString::number(items.at(i).line)));
        }
    }
    QHash<int, QList<Picture>> out;
    for (auto it = chosen.begin(); it != chosen.end(); ++it)
        for (const int p : std::as_const(it.value()))
            out[it.key()].append(pictureOf(items.at(p)));
    return out;
}

QString kindSentence(const Item &item) {
    if (item.kind == u"packageItem")
        return u"The file is a NewsML-G2 package: it lists other items but holds no story text of its own. "
               "Import the news items it refers to."_qs;
    if (item.kind != u"newsItem")
        return u"The file is a NewsML-G2 %1, which holds no story."_qs.arg(
            item.kind.left(item.kind.size() - 4).toLower() % u" item"_qs);
    return u"The NewsML-G2 item is a %1, not a story: Galley imports text and pictures."_qs.arg(
        item.itemClass);
}

} // namespace

std::optional<QList<ReadStory>> readNewsMl(const QString &xml, QString *error) {
    QString ignored;
    QString &message = error ? *error : ignored;
    const auto document = newsml::parseDocument(xml, &message);
    if (!document)
        return std::nullopt;
    const QList<Item> &items = document->items;
    QStringList notes;
    const QHash<int, QList<Picture>> pictures = attachPictures(items, &notes);
    QList<ReadStory> stories;
    bool anyText = false;
    for (int i = 0; i < items.size(); ++i) {
        if (!isText(items.at(i)))
            continue;
        anyText = true;
        auto story = storyOf(items.at(i), pictures.value(i), &message);
        if (!story)
            return std::nullopt;
        stories.append(*story);
    }
    if (!anyText) {
        // A picture alone is a story with one image entry; anything else holds no story.
        for (const Item &item : items) {
            if (isPicture(item)) {
                auto story = storyOf(item, {}, &message);
                if (!story)
                    return std::nullopt;
                stories.append(*story);
                break;
            }
        }
    }
    if (stories.isEmpty()) {
        if (items.isEmpty())
            message = u"The NewsML-G2 news message holds no items."_qs;
        else if (items.size() == 1)
            message = kindSentence(items.first());
        else
            message = u"None of the %1 items in the NewsML-G2 news message is a story."_qs.arg(items.size());
        return std::nullopt;
    }
    stories.first().reportNotes.append(notes);
    return stories;
}

} // namespace galley
