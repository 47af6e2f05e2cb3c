#include "articlerenderer.h"

#include "inlinemarkup.h"
#include "logging.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <kainjow/mustache.hpp>

namespace galley {

namespace {

QString readResource(const QString &path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        // Only a broken build gets here: the resources are compiled into the program.
        qCCritical(lcRender) << "Cannot read resource" << path << file.errorString();
        return {};
    }
    return QString::fromUtf8(file.readAll());
}

std::string utf8(const QString &text) {
    return text.toStdString();
}

/// schema.org NewsArticle metadata (https://schema.org/NewsArticle) as JSON-LD. Dates are ISO 8601
/// UTC. "<" becomes \u003c (still the same JSON string) so no "</script>" in a headline can end
/// the script element early.
QString newsArticleJsonLd(const Story &story) {
    QJsonObject article{{u"@context"_qs, u"https://schema.org"_qs},
                        {u"@type"_qs, u"NewsArticle"_qs},
                        {u"headline"_qs, story.headline.trimmed()}};
    if (!story.deck.trimmed().isEmpty())
        article.insert(u"description"_qs, story.deck.trimmed());
    if (!story.section.trimmed().isEmpty())
        article.insert(u"articleSection"_qs, story.section.trimmed());
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
    if (story.created.isValid())
        article.insert(u"dateCreated"_qs, story.created.toUTC().toString(Qt::ISODate));
    if (story.updated.isValid())
        article.insert(u"dateModified"_qs, story.updated.toUTC().toString(Qt::ISODate));
    article.insert(u"wordCount"_qs, story.wordCount());
    QString json = QString::fromUtf8(QJsonDocument(article).toJson(QJsonDocument::Compact));
    json.replace(u'<', u"\\u003c"_qs);
    return json;
}

} // namespace

QString ArticleRenderer::houseStyleSheet() {
    return readResource(u":/galley/css/article.css"_qs);
}

QString ArticleRenderer::renderPage(const Story &story, const RenderOptions &options) const {
    kainjow::mustache::mustache page(utf8(readResource(u":/galley/templates/page.mustache"_qs)));
    // Every {{variable}} goes through the same escaper as the article, so there is one to audit.
    page.set_custom_escape([](const std::string &text) {
        return utf8(escapeHtml(QString::fromUtf8(text.data(), qsizetype(text.size()))));
    });
    if (!page.is_valid()) {
        qCCritical(lcRender) << "Page template is broken:" << page.error_message().c_str();
        return {};
    }
    const QString headline = story.headline.trimmed();
    const QString deck = story.deck.trimmed();
    kainjow::mustache::data data;
    data.set("language", utf8(options.language.isEmpty() ? u"en"_qs : options.language));
    data.set("title", utf8(headline.isEmpty() ? u"Untitled story"_qs : headline));
    data.set("hasDescription", deck.isEmpty() ? kainjow::mustache::data::type::bool_false
                                              : kainjow::mustache::data::type::bool_true);
    data.set("description", utf8(deck));
    data.set("stylesheet", utf8(houseStyleSheet()));
    data.set("jsonLd", utf8(newsArticleJsonLd(story)));
    data.set("article", utf8(renderArticle(story, options)));
    const std::string html = page.render(data);
    return QString::fromUtf8(html.data(), qsizetype(html.size()));
}

bool ArticleRenderer::writePage(const Story &story, const RenderOptions &options, QIODevice *device,
                                QString *error) const {
    const QByteArray bytes = renderPage(story, options).toUtf8();
    if (device->write(bytes) != bytes.size()) {
        if (error)
            *error = u"Could not write the page: %1."_qs.arg(device->errorString());
        return false;
    }
    return true;
}

} // namespace galley
