#pragma once

#include "segment.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

// libxml2's node, declared as libxml/tree.h does, so that users of this header need not see libxml2.
struct _xmlNode;
typedef struct _xmlNode xmlNode;

namespace galley {

/// A page's lead picture as its metadata names it; never fetched.
struct PagePicture {
    QString url;
    int width = 0;
    int height = 0;
    QString caption;
    QString credit;
    QString alt;
};

/// What a saved web page says about its story in machine-readable form, before any guessing from
/// its shape: schema.org JSON-LD (NewsArticle, Article, ReportageNewsArticle and their kin, also
/// inside @graph arrays and with arrays of types), Open Graph (og:title, og:description,
/// og:site_name, og:image, article:section, article:published_time, article:modified_time,
/// article:author, article:tag), `<meta name="author|description|keywords|news_keywords">`, the
/// `<title>` and `<html lang>`. Each field comes from the first source that has it, in that order
/// (the language from `<html lang>` first). Internal to the importer.
struct PageMetadata {
    QString headline;
    int headlineLine = 0;
    /// Where the headline came from ("JSON-LD", "Open Graph"), for the report.
    QString headlineSource;
    /// The page's <title>, as written, and its line.
    QString title;
    int titleLine = 0;
    QStringList authors;
    int authorsLine = 0;
    QDateTime published;
    QDateTime modified;
    QString section;
    int sectionLine = 0;
    PagePicture picture;
    int pictureLine = 0;
    QString description;
    int descriptionLine = 0;
    QString language; ///< BCP 47, cased ("en-GB")
    QStringList keywords;
    QString publisher;
    QString siteName;
    /// The page's own address (<base href>, else rel=canonical, else og:url), to resolve its
    /// relative links against; empty when it gives none.
    QString baseUrl;
    /// True when the page has news-article data (JSON-LD of an article type, or og:type article).
    bool article = false;
    /// Sentences for the report about metadata that could not be read.
    QStringList problems;
};

/// Reads the metadata of the page whose root element is @p root, without recursion.
PageMetadata readPageMetadata(xmlNode *root);

/// @p title without a site name after (or before) it: "Mayor resigns - Example.com",
/// "Mayor resigns | The Example Times", "Example Times: Mayor resigns". A part is the site name when
/// it matches one of @p siteNames (og:site_name, the publisher) or looks like one (a domain, or a
/// short part beside a longer headline, as Readability judges titles). @p removed gets what was cut.
QString stripSiteName(const QString &title, const QStringList &siteNames, QString *removed);

/// Puts what @p meta says into @p story: the story metadata (language, keywords, publisher as source
/// agency, first created and version created) and, as segments with markup roles placed at the
/// head of the story, the headline (the page's h1 stays when it is the same or the fuller text;
/// without any, the <title> without its site name), section, bylines (the page's own byline line
/// then goes), deck (unless the description only repeats the lede) and the lead picture as a
/// missing-picture entry (unless the page's own lead figure is there). What is replaced or dropped
/// is in the segments' notes; the lead picture's address is in the report's notes.
void applyPageMetadata(const PageMetadata &meta, ReadStory &story);

/// A page's time ("2026-03-02T09:30:00+01:00", "2026-03-02 09:30:00", "2026-03-02") in UTC; a time
/// without a zone is taken as UTC. Invalid when it is not one.
QDateTime parsePageTime(const QString &text);

/// The file name at the end of a picture address, without query or fragment.
QString pictureFileName(const QString &url);

/// @p tag in BCP 47 case ("en_gb" -> "en-GB", "ZH-hant-tw" -> "zh-Hant-TW"); empty when it is not a
/// language tag.
QString bcp47(const QString &tag);

} // namespace galley
