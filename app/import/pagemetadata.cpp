#include "pagemetadata.h"

#include "htmlnodes.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <libxml/HTMLparser.h>

namespace galley {

using namespace htmlnodes;

namespace {

/// Most JSON-LD objects read from one page (a page lists its breadcrumbs, pictures, people...).
constexpr int MaxJsonObjects = 2000;

/// Entities a CMS left encoded inside JSON-LD ("Mayor&#8217;s", "&amp;"), and tags in its text.
QString cleanText(QString text) {
    if (text.contains(u'<')) {
        static const QRegularExpression tags(uR"(<[^>]{0,500}>)"_qs);
        text.replace(tags, u" "_qs);
    }
    if (text.contains(u'&')) {
        static const QRegularExpression entity(
            uR"(&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});)"_qs);
        QString out;
        qsizetype last = 0;
        for (auto it = entity.globalMatch(text); it.hasNext();) {
            const auto match = it.next();
            const QString name = match.captured(1);
            QString value;
            if (name.startsWith(u'#')) {
                bool ok = false;
                const uint code = name.startsWith(u"#x"_qs, Qt::CaseInsensitive)
                                      ? name.mid(2).toUInt(&ok, 16)
                                      : name.mid(1).toUInt(&ok, 10);
                if (ok && code > 0 && code <= 0x10FFFF && !(code >= 0xD800 && code <= 0xDFFF))
                    value = QString::fromUcs4(reinterpret_cast<const char32_t *>(&code), 1);
            } else if (const htmlEntityDesc *desc =
                           htmlEntityLookup(reinterpret_cast<const xmlChar *>(name.toUtf8().constData()))) {
                const char32_t code = desc->value;
                value = QString::fromUcs4(&code, 1);
            }
            if (value.isEmpty())
                continue;
            out += QStringView(text).mid(last, match.capturedStart() - last) % value;
            last = match.capturedEnd();
        }
        if (last > 0)
            text = out + QStringView(text).mid(last);
    }
    return text.simplified();
}

QDateTime parseTime(QString text) {
    text = text.trimmed();
    if (text.isEmpty())
        return {};
    // "+0000" offsets and a space for the T are common in page metadata.
    static const QRegularExpression compactOffset(uR"(([+-]\d\d)(\d\d)$)"_qs);
    if (text.size() > 10 && text.at(10) == u' ')
        text[10] = u'T';
    if (text.size() > 19)
        text.replace(compactOffset, u"\\1:\\2"_qs);
    QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!time.isValid()) {
        const QDate date = QDate::fromString(text.left(10), Qt::ISODate);
        if (!date.isValid())
            return {};
        time = QDateTime(date, QTime(0, 0), Qt::UTC);
    }
    // No zone given: taken as UTC, the same on every machine.
    if (time.timeSpec() == Qt::LocalTime)
        time.setTimeSpec(Qt::UTC);
    return time.toUTC();
}

int number(const QJsonValue &value) {
    if (value.isDouble())
        return int(value.toDouble());
    if (value.isString())
        return QStringView(value.toString()).trimmed().toString().remove(u"px"_qs).toInt();
    if (value.isObject())
        return number(value.toObject().value(u"value"_qs));
    return 0;
}

/// Every JSON-LD object of a page, nested @graph arrays flattened, with a lookup by @id.
class JsonLd final {
public:
    void add(const QJsonValue &value, int line) {
        if (m_objects.size() >= MaxJsonObjects)
            return;
        if (value.isArray()) {
            for (const QJsonValue &item : value.toArray())
                add(item, line);
            return;
        }
        if (!value.isObject())
            return;
        const QJsonObject object = value.toObject();
        if (object.contains(u"@graph"_qs))
            add(object.value(u"@graph"_qs), line);
        if (object.contains(u"@type"_qs)) {
            m_objects.append({object, line});
            const QString id = object.value(u"@id"_qs).toString();
            if (!id.isEmpty() && !m_ids.contains(id))
                m_ids.insert(id, object);
        }
        // A WebPage whose main entity is the article.
        const QJsonValue main = object.value(u"mainEntity"_qs);
        if (main.isObject() || main.isArray())
            add(main, line);
    }

    /// @p value itself, or the object its "@id" names.
    QJsonObject resolve(const QJsonValue &value) const {
        const QJsonObject object = value.toObject();
        if (object.size() == 1 && object.contains(u"@id"_qs))
            return m_ids.value(object.value(u"@id"_qs).toString(), object);
        return object;
    }

    /// The first article object: a news article type before any other article type.
    std::optional<std::pair<QJsonObject, int>> article() const {
        static const QStringList news = {u"NewsArticle"_qs,          u"ReportageNewsArticle"_qs,
                                         u"AnalysisNewsArticle"_qs,  u"BackgroundNewsArticle"_qs,
                                         u"OpinionNewsArticle"_qs,   u"ReviewNewsArticle"_qs,
                                         u"AskPublicNewsArticle"_qs, u"LiveBlogPosting"_qs};
        static const QStringList other = {
            u"Article"_qs,          u"BlogPosting"_qs,        u"Report"_qs,
            u"SatiricalArticle"_qs, u"SocialMediaPosting"_qs, u"TechArticle"_qs};
        for (const QStringList *types : {&news, &other})
            for (const auto &[object, line] : m_objects)
                for (const QString &type : typesOf(object))
                    if (types->contains(type))
                        return std::pair{object, line};
        return std::nullopt;
    }

    static QStringList typesOf(const QJsonObject &object) {
        const QJsonValue type = object.value(u"@type"_qs);
        QStringList out;
        if (type.isArray()) {
            for (const QJsonValue &item : type.toArray())
                out << item.toString().section(u'/', -1);
        } else {
            out << type.toString().section(u'/', -1);
        }
        return out;
    }

    /// The names a value gives: a string, an object's "name", arrays of either, @id references.
    QStringList names(const QJsonValue &value) const {
        QStringList out;
        if (value.isArray()) {
            for (const QJsonValue &item : value.toArray())
                out << names(item);
        } else if (value.isString()) {
            out << cleanText(value.toString());
        } else if (value.isObject()) {
            const QJsonObject object = resolve(value);
            const QJsonValue name = object.value(u"name"_qs);
            out << (name.isArray() ? names(name) : QStringList{cleanText(name.toString())});
        }
        out.removeAll(QString());
        return out;
    }

    PagePicture picture(const QJsonValue &value) const {
        PagePicture out;
        if (value.isArray()) {
            const QJsonArray array = value.toArray();
            return array.isEmpty() ? out : picture(array.first());
        }
        if (value.isString()) {
            out.url = value.toString().trimmed();
            return out;
        }
        const QJsonObject object = resolve(value);
        out.url = object.value(u"url"_qs).toString().trimmed();
        if (out.url.isEmpty())
            out.url = object.value(u"contentUrl"_qs).toString().trimmed();
        out.width = number(object.value(u"width"_qs));
        out.height = number(object.value(u"height"_qs));
        out.caption = cleanText(object.value(u"caption"_qs).toString());
        out.credit = cleanText(object.value(u"creditText"_qs).toString());
        if (out.credit.isEmpty())
            out.credit = names(object.value(u"copyrightHolder"_qs)).value(0);
        if (out.credit.isEmpty())
            out.credit = names(object.value(u"author"_qs)).value(0);
        return out;
    }

private:
    QList<std::pair<QJsonObject, int>> m_objects;
    QHash<QString, QJsonObject> m_ids;
};

QString firstText(const QJsonValue &value) {
    if (value.isArray()) {
        for (const QJsonValue &item : value.toArray())
            if (const QString text = firstText(item); !text.isEmpty())
                return text;
        return {};
    }
    if (value.isObject())
        return cleanText(value.toObject().value(u"name"_qs).toString());
    return cleanText(value.toString());
}

QStringList keywordList(const QJsonValue &value) {
    QStringList out;
    if (value.isArray()) {
        for (const QJsonValue &item : value.toArray())
            out << keywordList(item);
    } else {
        for (const QString &part : cleanText(value.toString()).split(u',', Qt::SkipEmptyParts))
            out << part.trimmed();
    }
    out.removeAll(QString());
    return out;
}

bool looksLikeAddress(const QString &text) {
    return text.startsWith(u"http"_qs, Qt::CaseInsensitive) || text.startsWith(u"www."_qs) ||
           text.contains(u"://"_qs);
}

QStringList unique(const QStringList &list) {
    QStringList out;
    for (const QString &item : list) {
        bool seen = false;
        for (const QString &kept : std::as_const(out))
            seen = seen || kept.compare(item, Qt::CaseInsensitive) == 0;
        if (!seen)
            out << item;
    }
    return out;
}

/// The raw text of a script element (its JSON).
QString textOfScript(xmlNode *node) {
    QString out;
    for (xmlNode *child = node->children; child; child = child->next)
        out += nodeText(child);
    return out;
}

/// One <meta> of the page: its key (name, property or itemprop, lowercased) and content.
struct Meta {
    QString key;
    QString content;
    int line = 0;
};

} // namespace

QDateTime parsePageTime(const QString &text) {
    return parseTime(text);
}

QString bcp47(const QString &tag) {
    static const QRegularExpression shape(uR"(^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$)"_qs);
    const QString trimmed = tag.trimmed();
    if (!shape.match(trimmed).hasMatch())
        return {};
    QStringList parts = trimmed.split(QRegularExpression(uR"([-_])"_qs));
    for (qsizetype i = 0; i < parts.size(); ++i) {
        QString &part = parts[i];
        if (i == 0)
            part = part.toLower();
        else if (part.size() == 4 && part.front().isLetter())
            part = part.left(1).toUpper() + part.mid(1).toLower();
        else if (part.size() == 2 || (part.size() == 3 && part.front().isDigit()))
            part = part.toUpper();
        else
            part = part.toLower();
    }
    return parts.join(u'-');
}

QString stripSiteName(const QString &title, const QStringList &siteNames, QString *removed) {
    const QString text = title.simplified();
    static const QRegularExpression separator(
        uR"(\s+[|\-\x{2013}\x{2014}\\/>\x{00bb}\x{00b7}\x{2022}]\s+|\s*\|\s*|\s+::\s+|:\s+)"_qs);
    QList<QRegularExpressionMatch> cuts;
    for (auto it = separator.globalMatch(text); it.hasNext();)
        cuts << it.next();
    if (cuts.isEmpty())
        return text;
    auto isSite = [&](const QString &part) {
        for (const QString &site : siteNames)
            if (!site.isEmpty() && part.compare(site.simplified(), Qt::CaseInsensitive) == 0)
                return true;
        static const QRegularExpression domain(uR"(^(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}$)"_qs,
                                               QRegularExpression::CaseInsensitiveOption);
        return domain.match(part).hasMatch();
    };
    auto words = [](const QString &part) { return int(part.split(u' ', Qt::SkipEmptyParts).size()); };
    auto capitalised = [](const QString &part) {
        for (const QString &word : part.split(u' ', Qt::SkipEmptyParts))
            if (!word.front().isUpper() && !word.front().isDigit())
                return false;
        return true;
    };
    const auto &last = cuts.last();
    const QString before = text.left(last.capturedStart());
    const QString after = text.mid(last.capturedEnd());
    const auto &first = cuts.first();
    const QString lead = text.left(first.capturedStart());
    const QString rest = text.mid(first.capturedEnd());
    QString kept;
    if (isSite(after)) {
        kept = before;
    } else if (isSite(lead)) {
        kept = rest;
    } else if (!last.captured(0).contains(u':') && words(after) <= 4 && words(before) >= 2 &&
               capitalised(after)) {
        // Readability's rule (a short last part after a separator), kept to parts written as a
        // name: "- what we know" is part of the headline.
        kept = before;
    } else {
        return text;
    }
    if (removed)
        *removed = kept == before ? text.mid(last.capturedStart()).trimmed()
                                  : text.left(first.capturedEnd()).trimmed();
    return kept.trimmed();
}

PageMetadata readPageMetadata(xmlNode *root) {
    PageMetadata out;
    QList<Meta> metas;
    QList<std::pair<QString, int>> scripts;
    QString htmlLang;
    QString base;
    QString canonical;
    traverse(
        root,
        [&](xmlNode *node) {
            if (node->type != XML_ELEMENT_NODE)
                return false;
            if (isElement(node, "html") && htmlLang.isEmpty()) {
                htmlLang = attribute(node, "lang");
                if (htmlLang.isEmpty())
                    htmlLang = attribute(node, "xml:lang");
            } else if (isElement(node, "meta")) {
                QString key = attribute(node, "property");
                if (key.isEmpty())
                    key = attribute(node, "name");
                if (key.isEmpty())
                    key = attribute(node, "itemprop");
                if (key.isEmpty())
                    key = attribute(node, "http-equiv");
                const QString content = attribute(node, "content").simplified();
                if (!key.isEmpty() && !content.isEmpty())
                    metas.append(Meta{key.trimmed().toLower(), content, int(xmlGetLineNo(node))});
                return false;
            } else if (isElement(node, "script")) {
                if (attribute(node, "type").trimmed().toLower() == u"application/ld+json")
                    scripts.append({textOfScript(node), int(xmlGetLineNo(node))});
                return false;
            } else if (isElement(node, "base") && base.isEmpty()) {
                base = attribute(node, "href").trimmed();
            } else if (isElement(node, "link") && canonical.isEmpty() &&
                       attribute(node, "rel").toLower().split(u' ').contains(u"canonical"_qs)) {
                canonical = attribute(node, "href").trimmed();
            } else if (isElement(node, "title")) {
                if (out.title.isEmpty()) {
                    out.title = textOf(node);
                    out.titleLine = int(xmlGetLineNo(node));
                }
                return false;
            } else if (skippedElements().contains(nameOf(node)) && !isElement(node, "head")) {
                return false;
            }
            return true;
        },
        [](xmlNode *) {});

    auto meta = [&metas](std::initializer_list<const char16_t *> keys) -> const Meta * {
        for (const char16_t *key : keys)
            for (const Meta &m : std::as_const(metas))
                if (m.key == QStringView(key))
                    return &m;
        return nullptr;
    };

    JsonLd json;
    for (const auto &[text, line] : std::as_const(scripts)) {
        QString cleaned = text.trimmed();
        cleaned.remove(QRegularExpression(uR"(^(?://)?\s*<!\[CDATA\[|(?://)?\s*\]\]>$|^<!--|-->$)"_qs));
        // Raw line breaks and tabs inside strings are common and not valid JSON; between tokens they
        // are only spaces.
        for (QChar &c : cleaned)
            if (c == u'\n' || c == u'\r' || c == u'\t')
                c = u' ';
        while (cleaned.endsWith(u';'))
            cleaned.chop(1);
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(cleaned.toUtf8(), &error);
        if (error.error != QJsonParseError::NoError) {
            out.problems << u"The page's JSON-LD block at line %1 is not valid JSON (%2); it is not read."_qs
                                .arg(line)
                                .arg(error.errorString());
            continue;
        }
        json.add(doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object()), line);
    }

    // JSON-LD article first.
    if (const auto found = json.article()) {
        const auto &[article, line] = *found;
        out.article = true;
        out.headline = cleanText(article.value(u"headline"_qs).toString());
        if (out.headline.isEmpty())
            out.headline = cleanText(article.value(u"name"_qs).toString());
        if (!out.headline.isEmpty()) {
            out.headlineLine = line;
            out.headlineSource = u"JSON-LD"_qs;
        }
        out.authors = json.names(article.value(u"author"_qs));
        if (out.authors.isEmpty())
            out.authors = json.names(article.value(u"creator"_qs));
        out.authorsLine = line;
        out.published = parseTime(article.value(u"datePublished"_qs).toString());
        if (!out.published.isValid())
            out.published = parseTime(article.value(u"dateCreated"_qs).toString());
        out.modified = parseTime(article.value(u"dateModified"_qs).toString());
        out.section = firstText(article.value(u"articleSection"_qs));
        out.sectionLine = line;
        out.picture = json.picture(article.value(u"image"_qs));
        out.pictureLine = line;
        out.description = cleanText(article.value(u"description"_qs).toString());
        out.descriptionLine = line;
        out.keywords = keywordList(article.value(u"keywords"_qs));
        const QJsonValue language = article.value(u"inLanguage"_qs);
        out.language = bcp47(language.isObject() ? language.toObject().value(u"alternateName"_qs).toString()
                                                 : language.toString());
        out.publisher = json.names(article.value(u"publisher"_qs)).value(0);
    }

    // Open Graph and meta for what JSON-LD did not give.
    auto fill = [&](QString &field, int *line, std::initializer_list<const char16_t *> keys) {
        if (!field.isEmpty())
            return;
        if (const Meta *m = meta(keys)) {
            field = m->content;
            if (line)
                *line = m->line;
        }
    };
    out.siteName = meta({u"og:site_name", u"application-name"})
                       ? meta({u"og:site_name", u"application-name"})->content
                       : QString();
    if (out.headline.isEmpty()) {
        fill(out.headline, &out.headlineLine, {u"og:title", u"twitter:title"});
        if (!out.headline.isEmpty())
            out.headlineSource = u"Open Graph"_qs;
    }
    fill(out.description, &out.descriptionLine, {u"og:description", u"description", u"twitter:description"});
    fill(out.section, &out.sectionLine, {u"article:section", u"section"});
    fill(out.publisher, nullptr, {u"og:site_name"});
    if (out.authors.isEmpty()) {
        for (const char16_t *key :
             {u"article:author", u"author", u"byl", u"sailthru.author", u"parsely-author"}) {
            for (const Meta &m : std::as_const(metas)) {
                if (m.key != QStringView(key) || looksLikeAddress(m.content) ||
                    m.content.compare(out.siteName, Qt::CaseInsensitive) == 0 ||
                    m.content.compare(out.publisher, Qt::CaseInsensitive) == 0)
                    continue;
                out.authors << m.content;
                out.authorsLine = m.line;
            }
            if (!out.authors.isEmpty())
                break;
        }
    }
    // An author who is the publisher itself is no byline.
    out.authors.removeIf([&](const QString &name) {
        return !out.publisher.isEmpty() && name.compare(out.publisher, Qt::CaseInsensitive) == 0 &&
               out.authors.size() > 1;
    });
    for (QString &name : out.authors) {
        static const QRegularExpression by(uR"(^by\s+)"_qs, QRegularExpression::CaseInsensitiveOption);
        name = name.simplified().remove(by);
    }
    out.authors = unique(out.authors);
    if (!out.published.isValid())
        if (const Meta *m = meta({u"article:published_time", u"datepublished", u"date", u"pubdate"}))
            out.published = parseTime(m->content);
    if (!out.modified.isValid())
        if (const Meta *m = meta({u"article:modified_time", u"datemodified", u"og:updated_time"}))
            out.modified = parseTime(m->content);
    if (out.picture.url.isEmpty()) {
        if (const Meta *m = meta({u"og:image", u"og:image:url", u"og:image:secure_url", u"twitter:image"})) {
            out.picture.url = m->content;
            out.pictureLine = m->line;
            if (const Meta *w = meta({u"og:image:width"}))
                out.picture.width = w->content.toInt();
            if (const Meta *h = meta({u"og:image:height"}))
                out.picture.height = h->content.toInt();
            if (const Meta *a = meta({u"og:image:alt", u"twitter:image:alt"}))
                out.picture.alt = a->content;
        }
    }
    if (out.keywords.isEmpty())
        if (const Meta *m = meta({u"keywords", u"news_keywords"}))
            out.keywords = keywordList(m->content);
    if (out.keywords.isEmpty())
        for (const Meta &m : std::as_const(metas))
            if (m.key == u"article:tag")
                out.keywords << m.content;
    out.keywords = unique(out.keywords);
    if (const Meta *type = meta({u"og:type"}); type && type->content.toLower() == u"article")
        out.article = true;

    out.baseUrl = !base.isEmpty()        ? base
                  : !canonical.isEmpty() ? canonical
                  : meta({u"og:url"})    ? meta({u"og:url"})->content
                                         : QString();

    // The page's own language attribute first: it is what the page is in.
    const QString lang = bcp47(htmlLang);
    if (!lang.isEmpty())
        out.language = lang;
    if (out.language.isEmpty())
        if (const Meta *m = meta({u"og:locale", u"content-language", u"language"}))
            out.language = bcp47(m->content.section(u',', 0, 0));
    return out;
}

} // namespace galley
