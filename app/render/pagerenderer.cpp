#include "articlerenderer.h"

#include "logging.h"
#include "pagehead.h"

#include <QFile>

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
    using Data = kainjow::mustache::data;
    const auto flag = [](bool on) { return on ? Data::type::bool_true : Data::type::bool_false; };
    Data data;
    data.set("language", utf8(pageLanguage(story, options)));
    data.set("title", utf8(headline.isEmpty() ? u"Untitled story"_qs : headline));
    data.set("hasDescription", flag(!deck.isEmpty()));
    data.set("description", utf8(deck));
    const QString canonical = canonicalUrl(story, options.siteBaseUrl);
    data.set("hasCanonical", flag(!canonical.isEmpty()));
    data.set("canonical", utf8(canonical));
    kainjow::mustache::list tags;
    for (const HeadTag &tag : pageHeadTags(story, options)) {
        Data entry;
        entry.set("attribute", utf8(tag.attribute));
        entry.set("name", utf8(tag.name));
        entry.set("content", utf8(tag.content));
        tags.push_back(entry);
    }
    data.set("headTags", tags);
    data.set("stylesheet", utf8(houseStyleSheet()));
    data.set("jsonLd", utf8(newsArticleJsonLd(story, options)));
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
