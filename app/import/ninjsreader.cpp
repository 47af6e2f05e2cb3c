// IPTC ninjs 1.x, 2.x and 3.x (News in JSON) to stories. Member names are matched without regard
// to case, so 1.x/2.x "versioncreated" and 3.x "versionCreated" read alike; 1.x pattern members
// (body_html, description_text, headline_main) and 2.x/3.x arrays (bodies, descriptions, headlines)
// both count. See https://iptc.org/standards/ninjs/.
#include "ninjsitem.h"
#include "readers.h"
#include "structuredparts.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace galley {

namespace {

using namespace structured;
using ninjs::Item;

/// A JSON string's text as a one-line field: HTML markup (a headline given as text/html) is dropped.
QString fieldText(const QString &value, const QString &contentType) {
    if (!contentType.contains(u"html"_qs, Qt::CaseInsensitive) && !value.trimmed().startsWith(u'<'))
        return oneLine(value);
    const auto segments = readHtml(value.toUtf8(), nullptr);
    QStringList lines;
    for (const Segment &segment : segments.value_or(QList<Segment>{}))
        lines << segment.text.plainText();
    return oneLine(lines.join(u' '));
}

/// The story body of @p item: HTML first (the agency's structure), then NITF, then plain text.
/// Fills @p parts.body; nullopt with @p error when the chosen body cannot be read.
bool readBody(const Item &item, StoryParts &parts, QStringList *reportNotes, QString *error) {
    const ninjs::Body body = item.body(reportNotes);
    if (body.value.trimmed().isEmpty())
        return true;
    const int line = item.line(body.member);
    if (body.kind == ninjs::BodyKind::Html) {
        QString htmlError;
        auto segments = readHtml(body.value.toUtf8(), &htmlError);
        if (!segments) {
            *error = u"The ninjs body (%1) cannot be read as HTML: %2"_qs.arg(body.member, htmlError);
            return false;
        }
        parts.body = *segments;
    } else if (body.kind == ninjs::BodyKind::Nitf) {
        if (const int depth = xmlDepth(body.value); depth > MaxNesting) {
            *error = tooDeep(u"The ninjs body (%1)"_qs.arg(body.member), depth);
            return false;
        }
        QString nitfError;
        auto nitf = readNitf(body.value, &nitfError);
        if (!nitf) {
            *error = u"The ninjs body (%1) is NITF that cannot be read: %2"_qs.arg(body.member, nitfError);
            return false;
        }
        parts.body = nitf->segments; // the item's own metadata wins over the body's
        parts.bodyNotes = nitf->notes;
    } else {
        parts.body = plainBody(body.value, line);
        return true;
    }
    placeAt(parts.body, line);
    markAsBody(parts.body, parts);
    return true;
}

/// One ninjs item as a story; nullopt with @p error when it holds nothing a story takes.
std::optional<ReadStory> readItem(const Item &item, QString *error) {
    ReadStory story;
    StoryMetadata &meta = story.metadata;
    meta.sourceAgency = item.agency();
    meta.originalId = item.originalId();
    meta.slugline = oneLine(item.text(u"slugline"));
    meta.language = oneLine(item.text(u"language")).replace(u'_', u'-');
    meta.keywords = item.keywords();
    meta.priority = item.priority();
    auto time = [&](std::initializer_list<const char16_t *> names, const QString &what) {
        for (const char16_t *name : names) {
            const QString text = item.text(name);
            if (text.trimmed().isEmpty())
                continue;
            const QDateTime parsed = parseTime(text);
            if (!parsed.isValid())
                story.reportNotes.append(
                    u"The %1 “%2” is not a time Galley reads; it is left out."_qs.arg(what, oneLine(text)));
            return parsed;
        }
        return QDateTime();
    };
    meta.versionCreated = time({u"versioncreated"}, u"version time"_qs);
    meta.firstCreated = time({u"firstcreated"}, u"first-created time"_qs);
    meta.embargo = time({u"embargoeduntil", u"embargoed"}, u"embargo time"_qs);
    if (meta.embargo.isValid())
        story.reportNotes.append(
            u"The agency embargoes this story until %1: it must not be published before then."_qs.arg(
                timeText(meta.embargo)));
    notePubStatus(item.text(u"pubstatus"), meta.sourceAgency, meta.versionCreated, &story.reportNotes,
                  &story.notes);
    addWireNote(item.text(u"ednote"), meta.sourceAgency, meta.versionCreated, &story.notes);

    StoryParts parts;
    if (const QString section = item.section(); !section.isEmpty())
        parts.section = headSegment(SegmentRole::Section, section, item.line(u"subjects"_qs));
    if (const ninjs::Field headline = item.headline(); !headline.text.isEmpty())
        parts.headline = headSegment(SegmentRole::Headline, fieldText(headline.text, headline.contentType),
                                     item.line(headline.member));
    if (const ninjs::Field sub = item.subheadline(); !sub.text.isEmpty())
        parts.deck = headSegment(SegmentRole::Deck, sub.text, item.line(sub.member));
    // A picture's byline is its photographer: the image's credit, not the story's.
    for (const Byline &byline : item.isPicture() ? QList<Byline>() : item.bylines())
        parts.bylines.append(
            headSegment(SegmentRole::Byline, byline.name, item.line(item.bylineMember()), byline.title));
    const QString datelineMember =
        item.text(u"dateline").trimmed().isEmpty() ? u"located"_qs : u"dateline"_qs;
    if (const QString dateline = oneLine(item.text(datelineMember)); !dateline.isEmpty())
        parts.dateline = headSegment(SegmentRole::Dateline, dateline, item.line(datelineMember));
    if (!item.isPicture()) {
        const ninjs::Field summary = item.description(false);
        const QString text = fieldText(summary.text, summary.contentType);
        if (!parts.deck && !text.isEmpty())
            parts.deck = headSegment(SegmentRole::Deck, text, item.line(summary.member));
        else if (!text.isEmpty())
            story.reportNotes.append(unusedSummary(text));
        if (!readBody(item, parts, &story.reportNotes, error))
            return std::nullopt;
        takeBodyNotes(parts, story.metadata.sourceAgency, &story.notes);
    }
    QList<Picture> pictures = item.pictures(&story.reportNotes);
    if (item.isPicture())
        pictures.prepend(item.asPicture());
    parts.pictures = matchFigures(parts.body, pictures);
    story.segments = assemble(parts, &story.reportNotes);
    if (story.segments.isEmpty()) {
        *error = u"The ninjs item%1 has no headline, body or picture to import."_qs.arg(
            meta.originalId.isEmpty() ? QString() : u" “"_qs % meta.originalId % u"”"_qs);
        return std::nullopt;
    }
    return story;
}

QString damaged(const QString &json, const QJsonParseError &parseError) {
    const QByteArray utf8 = json.toUtf8().left(parseError.offset);
    const QString before = QString::fromUtf8(utf8);
    const int line = int(before.count(u'\n')) + 1;
    const int column = int(before.size() - before.lastIndexOf(u'\n'));
    return u"The JSON file is damaged at line %1, column %2 (%3): it cannot be read as ninjs."_qs.arg(
        QString::number(line), QString::number(column), parseError.errorString());
}

} // namespace

std::optional<QList<ReadStory>> readNinjs(const QString &json, QString *error) {
    QString ignored;
    QString &message = error ? *error : ignored;
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json.toUtf8(), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        message = damaged(json, parseError);
        return std::nullopt;
    }
    const auto found = ninjs::findItems(document, json);
    if (!found.error.isEmpty()) {
        message = found.error;
        return std::nullopt;
    }
    QList<ReadStory> stories;
    QStringList skipped;
    for (const Item &item : found.items) {
        if (item.isMedia()) {
            skipped << item.kindName();
            continue;
        }
        QString itemError;
        auto story = readItem(item, &itemError);
        if (!story) {
            if (found.items.size() == 1) {
                message = itemError;
                return std::nullopt;
            }
            skipped << itemError;
            continue;
        }
        stories.append(*story);
    }
    if (stories.isEmpty()) {
        message = found.items.size() == 1
                      ? u"The ninjs item is a %1, not a story: Galley imports text and pictures."_qs.arg(
                            found.items.first().kindName())
                      : u"None of the %1 ninjs items in the file is a story."_qs.arg(found.items.size());
        return std::nullopt;
    }
    for (const QString &what : std::as_const(skipped))
        stories.first().reportNotes.append(u"An item of the file is left out: %1."_qs.arg(what));
    return stories;
}

} // namespace galley
