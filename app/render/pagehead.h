#pragma once

#include "render/articlerenderer.h"

#include <QList>
#include <QString>

#include <optional>

namespace galley {

/// QSettings key of the site base URL (a QString, empty by default): where the site publishes
/// stories. Settings::Key::SiteBaseUrl in the window and siteBaseUrlFromSettings() on the command
/// line both read it under this one name.
inline constexpr char16_t SiteBaseUrlSettingsKey[] = u"page/siteBaseUrl";

/// The site base URL stored in the settings (SiteBaseUrlSettingsKey), normalized; empty when unset
/// or not a usable address (a warning is logged then, so a typo shows).
QString siteBaseUrlFromSettings();

/// Checks and tidies a site base URL as a producer types it: an absolute http or https address
/// with a host, without query or fragment; surrounding spaces and trailing slashes are dropped
/// ("https://news.example.org/stories/" -> "https://news.example.org/stories"). An empty text is
/// valid and means "none". Returns nullopt with a plain sentence in @p error (may be null).
std::optional<QString> normalizeSiteBaseUrl(const QString &typed, QString *error = nullptr);

/// The page's canonical URL, "<base>/<slug>/" (the slug percent-encoded, else made from the
/// headline); empty when @p siteBaseUrl is empty.
QString canonicalUrl(const Story &story, const QString &siteBaseUrl);

/// @p headline as schema.org's "headline" for Google: unchanged when at most @p limit characters
/// (UTF-16 units), else cut at the last space that leaves room for "…" and trailing punctuation
/// dropped, so the result with its "…" is at most @p limit long. A single word longer than the
/// limit is cut inside it (never inside a surrogate pair).
QString shortHeadline(const QString &headline, int limit = 110);

/// One <meta> of the page head: @c attribute is "property" (Open Graph, article:) or "name"
/// (Twitter), @c name its key, @c content the unescaped value (the template escapes it).
struct HeadTag {
    QString attribute;
    QString name;
    QString content;

    friend bool operator==(const HeadTag &, const HeadTag &) = default;
};

/// The social tags of @p story's page, in page order: og:type "article", og:title (the headline),
/// og:description (the deck), og:url (canonicalUrl()), og:image with og:image:width, :height and
/// :alt (the lead picture, else the first present one: its full-size file from
/// resolvePictureSources(), absolute below the canonical URL), article:published_time
/// (Story::created) and article:modified_time (Story::updated) in ISO 8601 UTC, article:section,
/// one article:author per byline name, then twitter:card ("summary_large_image" with a picture,
/// else "summary"), twitter:title, twitter:description, twitter:image and twitter:image:alt. Tags
/// with nothing to say are left out; og:url and the image tags need options.siteBaseUrl (Open
/// Graph wants absolute URLs). Follows https://ogp.me and X's card markup reference.
QList<HeadTag> pageHeadTags(const Story &story, const RenderOptions &options);

/// schema.org NewsArticle (https://schema.org/NewsArticle) as JSON-LD for a <script> element, with
/// what Google's article structured data asks: headline (shortHeadline()), image (the present
/// pictures' full-size files, lead first, absolute when options.siteBaseUrl is set), datePublished
/// (Story::created), dateModified (Story::updated), author (Person with name and jobTitle), and
/// description, articleSection, inLanguage, mainEntityOfPage (canonical URL), dateCreated and
/// wordCount. Compact JSON; "<", ">" and "&" are written as \u003c, \u003e, \u0026 (the same JSON
/// strings) so no "</script>" or "<!--" in user text can end or change the script element.
QString newsArticleJsonLd(const Story &story, const RenderOptions &options);

/// The language of @p story's page: StoryMetadata::language when set, else options.language, else
/// "en".
QString pageLanguage(const Story &story, const RenderOptions &options);

} // namespace galley
