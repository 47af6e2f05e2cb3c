#include "pagemetadata.h"

#include "htmlnodes.h"
#include "pagejsonld.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <libxml/HTMLparser.h>

namespace galley {

using namespace htmlnodes;
using namespace jsonld;

namespace {

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
