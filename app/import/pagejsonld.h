#pragma once

#include "pagemetadata.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

/// Reading schema.org JSON-LD (https://schema.org/NewsArticle) out of a page. Internal to the importer.
namespace galley::jsonld {

/// Every JSON-LD object of a page, nested @graph arrays and a WebPage's mainEntity flattened, with a
/// lookup by @id (Yoast and similar write authors, publisher and pictures as references).
class JsonLd final {
public:
    /// Adds the objects of one parsed ld+json block found at @p line.
    void add(const QJsonValue &value, int line);
    /// @p value itself, or the object its "@id" names.
    QJsonObject resolve(const QJsonValue &value) const;
    /// The first article object and its line: a news article type (NewsArticle,
    /// ReportageNewsArticle...) before any other article type (Article, BlogPosting...).
    std::optional<std::pair<QJsonObject, int>> article() const;
    /// The object's types without their schema.org prefix ("@type" may be an array).
    static QStringList typesOf(const QJsonObject &object);
    /// The names a value gives: a string, an object's "name", arrays of either, @id references.
    QStringList names(const QJsonValue &value) const;
    /// A picture given as an address, an ImageObject (url or contentUrl, width, height, caption,
    /// creditText or copyrightHolder), an @id reference, or an array of them (the first).
    PagePicture picture(const QJsonValue &value) const;

private:
    QList<std::pair<QJsonObject, int>> m_objects;
    QHash<QString, QJsonObject> m_ids;
};

/// A JSON-LD string as text: tags dropped, entities a CMS left encoded ("&#8217;", "&amp;") decoded,
/// whitespace collapsed.
QString cleanText(QString text);
/// A time as pages write it, in UTC (see parsePageTime()).
QDateTime parseTime(QString text);
/// A width or height given as a number, a string ("1200px") or a QuantitativeValue.
int number(const QJsonValue &value);
/// The first non-empty text of a string, an object's name or an array of either.
QString firstText(const QJsonValue &value);
/// Keywords given as an array or a comma-separated string.
QStringList keywordList(const QJsonValue &value);
/// True for a web address rather than a name (Open Graph's article:author is often a profile link).
bool looksLikeAddress(const QString &text);
/// @p list without repeats, ignoring case, in order.
QStringList unique(const QStringList &list);

} // namespace galley::jsonld
