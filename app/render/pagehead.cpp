#include "pagehead.h"

#include "inlinemarkup.h"
#include "logging.h"
#include "model/slug.h"
#include "storytimes.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>
#include <QUrl>

namespace galley {

namespace {

QString isoUtc(const QDateTime &time) {
    return time.isValid() ? time.toUTC().toString(Qt::ISODate) : QString();
}

/// The picture a shared link shows: the lead picture, else the first one that is present.
const StoryImage *socialPicture(const Story &story) {
    if (const StoryImage *lead = story.leadImage(); lead && !lead->isMissing())
        return lead;
    for (const StoryImage &image : story.images)
        if (!image.isMissing())
            return &image;
    return nullptr;
}

/// @p url made absolute below the page's canonical URL; unchanged when it already is, or when
/// there is no canonical URL.
QString absoluteUrl(const QString &url, const QString &canonical) {
    if (canonical.isEmpty() || url.isEmpty())
        return url;
    return QUrl(canonical).resolved(QUrl(url)).toString(QUrl::FullyEncoded);
}

QStringList bylineNames(const Story &story) {
    QStringList names;
    for (const Byline &byline : story.bylines)
        if (const QString name = detail::bylineName(byline.name); !name.isEmpty())
            names.append(name);
    return names;
}

} // namespace

QString siteBaseUrlFromSettings() {
    const QString typed = QSettings().value(QString::fromUtf16(SiteBaseUrlSettingsKey)).toString();
    QString error;
    const std::optional<QString> base = normalizeSiteBaseUrl(typed, &error);
    if (!base) {
        qCWarning(lcRender) << "Ignoring the site base URL in the settings:" << error;
        return {};
    }
    return *base;
}

std::optional<QString> normalizeSiteBaseUrl(const QString &typed, QString *error) {
    QString text = typed.trimmed();
    while (text.endsWith(u'/'))
        text.chop(1);
    if (text.isEmpty())
        return QString();
    const QUrl url(text, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    QString problem;
    if (!url.isValid() || (scheme != u"http" && scheme != u"https") || url.host().isEmpty())
        problem = u"“%1” is not a web address: the site base URL must start with https:// or http:// "
                  u"and name a host, like https://news.example.org/stories."_qs.arg(typed.trimmed());
    else if (url.hasQuery() || url.hasFragment())
        problem = u"The site base URL “%1” must not have a ? query or # fragment."_qs.arg(typed.trimmed());
    if (!problem.isEmpty()) {
        if (error)
            *error = problem;
        return std::nullopt;
    }
    return url.toString(QUrl::FullyEncoded);
}

QString canonicalUrl(const Story &story, const QString &siteBaseUrl) {
    if (siteBaseUrl.isEmpty())
        return {};
    const QString slug = story.slug.trimmed().isEmpty() ? slugify(story.headline) : story.slug.trimmed();
    return siteBaseUrl % u'/' % QString::fromLatin1(QUrl::toPercentEncoding(slug)) % u'/';
}

QString shortHeadline(const QString &headline, int limit) {
    const QString text = headline.trimmed();
    if (text.size() <= limit)
        return text;
    const QString ellipsis = u"\u2026"_qs;
    const qsizetype room = limit - ellipsis.size();
    // The last space that keeps the word before it whole within the room.
    qsizetype cut = text.lastIndexOf(u' ', room);
    if (cut <= 0) {
        cut = room;
        if (text.at(cut - 1).isHighSurrogate())
            --cut;
    }
    QString head = text.left(cut).trimmed();
    // "Harbour vote, " -> "Harbour vote…": a dangling comma or dash reads as a typo.
    while (!head.isEmpty() && (head.back().isPunct() || head.back().isSpace()) && head.back() != u'?' &&
           head.back() != u'!' && head.back() != u'"' && head.back() != u'\u201d' && head.back() != u')')
        head.chop(1);
    return head % ellipsis;
}

QString pageLanguage(const Story &story, const RenderOptions &options) {
    const QString language = story.metadata.language.trimmed();
    if (!language.isEmpty())
        return language;
    return options.language.isEmpty() ? u"en"_qs : options.language;
}

QList<HeadTag> pageHeadTags(const Story &story, const RenderOptions &options) {
    QList<HeadTag> tags;
    const auto property = [&tags](const QString &name, const QString &content) {
        if (!content.isEmpty())
            tags.append({u"property"_qs, name, content});
    };
    const auto twitter = [&tags](const QString &name, const QString &content) {
        if (!content.isEmpty())
            tags.append({u"name"_qs, name, content});
    };
    const QString headline = story.headline.trimmed();
    const QString deck = story.deck.trimmed();
    const QString canonical = canonicalUrl(story, options.siteBaseUrl);
    const StoryImage *picture = canonical.isEmpty() ? nullptr : socialPicture(story);
    PictureSources sources;
    if (picture)
        sources = resolvePictureSources(story, *picture, options);
    const QString imageUrl = picture ? absoluteUrl(sources.src, canonical) : QString();
    const QString alt = picture ? picture->altText.trimmed() : QString();

    property(u"og:type"_qs, u"article"_qs);
    property(u"og:title"_qs, headline);
    property(u"og:description"_qs, deck);
    property(u"og:url"_qs, canonical);
    if (!imageUrl.isEmpty()) {
        property(u"og:image"_qs, imageUrl);
        if (sources.width > 0 && sources.height > 0) {
            property(u"og:image:width"_qs, QString::number(sources.width));
            property(u"og:image:height"_qs, QString::number(sources.height));
        }
        property(u"og:image:alt"_qs, alt);
    }
    property(u"article:published_time"_qs, isoUtc(publicationTime(story)));
    property(u"article:modified_time"_qs, isoUtc(story.updated));
    property(u"article:section"_qs, story.section.trimmed());
    for (const QString &name : bylineNames(story))
        property(u"article:author"_qs, name);
    twitter(u"twitter:card"_qs, imageUrl.isEmpty() ? u"summary"_qs : u"summary_large_image"_qs);
    twitter(u"twitter:title"_qs, headline);
    twitter(u"twitter:description"_qs, deck);
    if (!imageUrl.isEmpty()) {
        twitter(u"twitter:image"_qs, imageUrl);
        twitter(u"twitter:image:alt"_qs, alt);
    }
    return tags;
}

QString newsArticleJsonLd(const Story &story, const RenderOptions &options) {
    QJsonObject article{{u"@context"_qs, u"https://schema.org"_qs},
                        {u"@type"_qs, u"NewsArticle"_qs},
                        {u"headline"_qs, shortHeadline(story.headline)}};
    if (!story.deck.trimmed().isEmpty())
        article.insert(u"description"_qs, story.deck.trimmed());
    if (!story.section.trimmed().isEmpty())
        article.insert(u"articleSection"_qs, story.section.trimmed());
    article.insert(u"inLanguage"_qs, pageLanguage(story, options));
    const QString canonical = canonicalUrl(story, options.siteBaseUrl);
    if (!canonical.isEmpty())
        article.insert(u"mainEntityOfPage"_qs, canonical);
    QJsonArray images;
    const StoryImage *first = socialPicture(story);
    if (first)
        images.append(absoluteUrl(resolvePictureSources(story, *first, options).src, canonical));
    for (const StoryImage &image : story.images)
        if (!image.isMissing() && &image != first)
            images.append(absoluteUrl(resolvePictureSources(story, image, options).src, canonical));
    if (!images.isEmpty())
        article.insert(u"image"_qs, images);
    QJsonArray authors;
    for (const Byline &byline : story.bylines) {
        const QString name = detail::bylineName(byline.name);
        if (name.isEmpty())
            continue;
        QJsonObject person{{u"@type"_qs, u"Person"_qs}, {u"name"_qs, name}};
        if (!byline.title.trimmed().isEmpty())
            person.insert(u"jobTitle"_qs, byline.title.trimmed());
        authors.append(person);
    }
    if (!authors.isEmpty())
        article.insert(u"author"_qs, authors);
    if (story.created.isValid()) {
        article.insert(u"dateCreated"_qs, isoUtc(story.created));
        article.insert(u"datePublished"_qs, isoUtc(publicationTime(story)));
    }
    if (story.updated.isValid())
        article.insert(u"dateModified"_qs, isoUtc(story.updated));
    article.insert(u"wordCount"_qs, story.wordCount());
    QString json = QString::fromUtf8(QJsonDocument(article).toJson(QJsonDocument::Compact));
    // Inside a string these are the same characters to a JSON reader, but no HTML parser sees a
    // tag, a comment or an entity in them.
    json.replace(u'<', u"\\u003c"_qs);
    json.replace(u'>', u"\\u003e"_qs);
    json.replace(u'&', u"\\u0026"_qs);
    return json;
}

} // namespace galley
