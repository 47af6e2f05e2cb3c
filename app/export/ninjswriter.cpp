#include "ninjswriter.h"

#include "render/articlerenderer.h"
#include "render/inlinemarkup.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>

namespace galley {

namespace {

QJsonObject described(const QString &role, const QString &value) {
    return QJsonObject{{u"role"_qs, role}, {u"value"_qs, value}};
}

/// The body's elements as the page has them, without the header and the pictures.
QString bodyHtml(const Story &story) {
    const ArticleRenderer renderer;
    const ArticleLayout layout = ArticleRenderer::layout(story);
    QStringList parts;
    for (const QList<ArticleItem> *items : {&layout.top, &layout.body}) {
        for (const ArticleItem &item : *items) {
            if (item.kind == ArticleItem::Kind::Block)
                parts.append(renderer.renderBlock(story, story.body.at(item.index).id));
            else if (item.kind == ArticleItem::Kind::PullQuote)
                parts.append(renderer.renderPullQuote(story, story.pullQuotes.at(item.index).id));
        }
    }
    parts.removeAll(QString());
    return parts.join(u'\n');
}

QJsonObject body(const QString &contentType, const QString &value, const Story &story) {
    return QJsonObject{{u"role"_qs, u"main"_qs},
                       {u"contenttype"_qs, contentType},
                       {u"charcount"_qs, story.bodyPlainText().size()},
                       {u"wordcount"_qs, story.wordCount()},
                       {u"value"_qs, value}};
}

QJsonObject rendition(const QString &name, const PictureFileRef &file) {
    QJsonObject out{{u"name"_qs, name}, {u"href"_qs, file.href}};
    if (!file.mimeType.isEmpty())
        out.insert(u"contenttype"_qs, file.mimeType);
    if (file.width > 0 && file.height > 0) {
        out.insert(u"width"_qs, file.width);
        out.insert(u"height"_qs, file.height);
    }
    if (file.bytes > 0)
        out.insert(u"sizeinbytes"_qs, file.bytes);
    return out;
}

QJsonObject picture(const StoryImage &image, const QString &name, const QHash<QString, QString> &paths,
                    const QList<PictureFileRef> &files) {
    QJsonObject out{{u"name"_qs, name},
                    {u"uri"_qs, QString(u"urn:uuid:"_qs % image.id)},
                    {u"type"_qs, u"picture"_qs}};
    QJsonArray descriptions;
    if (!image.caption.trimmed().isEmpty())
        descriptions.append(described(u"caption"_qs, image.caption.trimmed()));
    if (!image.credit.trimmed().isEmpty())
        descriptions.append(described(u"creditline"_qs, image.credit.trimmed()));
    if (!image.altText.trimmed().isEmpty())
        descriptions.append(described(u"alt"_qs, image.altText.trimmed()));
    if (!descriptions.isEmpty())
        out.insert(u"descriptions"_qs, descriptions);
    QJsonArray renditions;
    for (qsizetype i = 0; i < files.size(); ++i) {
        const bool fullSize = i == files.size() - 1;
        renditions.append(rendition(fullSize ? u"original"_qs : u"w"_qs + QString::number(files.at(i).width), files.at(i)));
    }
    const QString href = paths.value(image.id, image.sourceHref);
    if (files.isEmpty() && !href.isEmpty())
        renditions.append(rendition(u"original"_qs, {href, image.mimeType, image.width, image.height, image.data.size()}));
    if (!renditions.isEmpty())
        out.insert(u"renditions"_qs, renditions);
    return out;
}

} // namespace

QString ninjsTime(const QDateTime &time) {
    return time.isValid() ? time.toUTC().toString(Qt::ISODate) : QString();
}

QByteArray writeNinjs(const Story &story, const QHash<QString, QString> &imagePaths,
                      const PictureFileRefs &renditions) {
    const StoryMetadata &meta = story.metadata;
    QJsonObject item;
    const QUrl original(meta.originalId.trimmed(), QUrl::StrictMode);
    item.insert(u"uri"_qs, original.isValid() && !original.scheme().isEmpty() && !original.isRelative()
                               ? meta.originalId.trimmed()
                               : QString(u"urn:uuid:"_qs % story.id));
    item.insert(u"type"_qs, u"text"_qs);
    item.insert(u"version"_qs, u"1"_qs);
    item.insert(u"standard"_qs, QJsonObject{{u"name"_qs, u"ninjs"_qs},
                                            {u"version"_qs, u"2.2"_qs},
                                            {u"schema"_qs, u"http://www.iptc.org/std/ninjs/ninjs-schema_2.2.json"_qs}});
    const auto time = [&item](const QString &name, const QDateTime &value) {
        if (value.isValid())
            item.insert(name, ninjsTime(value));
    };
    time(u"firstcreated"_qs, meta.firstCreated.isValid() ? meta.firstCreated : story.created);
    time(u"versioncreated"_qs, meta.versionCreated.isValid() ? meta.versionCreated : story.updated);
    time(u"embargoed"_qs, meta.embargo);
    item.insert(u"pubstatus"_qs, u"usable"_qs);
    if (meta.priority >= 1 && meta.priority <= 9)
        item.insert(u"urgency"_qs, meta.priority);
    if (!meta.language.trimmed().isEmpty())
        item.insert(u"language"_qs, meta.language.trimmed());
    if (!meta.slugline.trimmed().isEmpty())
        item.insert(u"slugline"_qs, meta.slugline.trimmed());

    QJsonArray headlines{described(u"main"_qs, story.headline)};
    if (!story.deck.trimmed().isEmpty()) {
        headlines.append(described(u"sub"_qs, story.deck.trimmed()));
        item.insert(u"descriptions"_qs, QJsonArray{described(u"summary"_qs, story.deck.trimmed())});
    }
    item.insert(u"headlines"_qs, headlines);

    QList<Byline> bylines;
    QJsonArray people;
    for (const Byline &byline : story.bylines) {
        const QString name = detail::bylineName(byline.name);
        if (name.isEmpty())
            continue;
        bylines.append(Byline{name, byline.title.trimmed()});
        people.append(QJsonObject{{u"name"_qs, name}, {u"rel"_qs, u"author"_qs}});
    }
    if (!bylines.isEmpty()) {
        item.insert(u"by"_qs, bylinesText(bylines));
        item.insert(u"people"_qs, people);
    }
    if (!story.dateline.trimmed().isEmpty())
        item.insert(u"located"_qs, story.dateline.trimmed());
    QJsonArray subjects;
    for (const QString &keyword : meta.keywords)
        subjects.append(QJsonObject{{u"name"_qs, keyword}});
    // ninjs 2.2 has no member for the section: a subject related as "section" says it.
    if (!story.section.trimmed().isEmpty())
        subjects.append(QJsonObject{{u"name"_qs, story.section.trimmed()}, {u"rel"_qs, u"section"_qs}});
    if (!subjects.isEmpty())
        item.insert(u"subjects"_qs, subjects);

    item.insert(u"bodies"_qs, QJsonArray{body(u"text/html"_qs, bodyHtml(story), story),
                                         body(u"text/plain"_qs, story.bodyPlainText(), story)});

    QJsonArray associations;
    const StoryImage *lead = story.leadImage();
    int n = 0;
    for (const StoryImage &image : story.images) {
        const bool isLead = lead && lead->id == image.id;
        associations.append(
            picture(image, isLead ? u"featuremedia"_qs : QString(u"picture"_qs % QString::number(++n)), imagePaths,
                    renditions.value(image.id)));
    }
    if (!associations.isEmpty())
        item.insert(u"associations"_qs, associations);
    return QJsonDocument(item).toJson(QJsonDocument::Indented);
}

} // namespace galley
