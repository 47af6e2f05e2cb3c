#include "schemehandler.h"

#include "logging.h"
#include "export/renditions.h"
#include "previewscheme.h"
#include "render/articlerenderer.h"

#include <QBuffer>
#include <QFile>
#include <QWebEngineUrlRequestJob>

namespace galley {

namespace {

void reply(QWebEngineUrlRequestJob *job, const QByteArray &mimeType, const QByteArray &data) {
    auto *buffer = new QBuffer(job);
    buffer->setData(data);
    buffer->open(QIODevice::ReadOnly);
    job->reply(mimeType, buffer);
}

QByteArray resource(const QString &path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

void SchemeHandler::setImages(const QList<StoryImage> &images) {
    m_images.clear();
    for (const StoryImage &image : images)
        if (!image.isMissing())
            m_images.insert(image.id, image);
    m_served.removeIf([this](QHash<QString, Served>::iterator it) { return !m_images.contains(it.key()); });
}

void SchemeHandler::requestStarted(QWebEngineUrlRequestJob *job) {
    const QUrl url = job->requestUrl();
    if (job->requestMethod() != "GET") {
        job->fail(QWebEngineUrlRequestJob::RequestDenied);
        return;
    }
    const QString host = url.host();
    const QString path = url.path();
    if (host == u"preview") {
        if (path == u"/index.html") {
            reply(job, "text/html;charset=utf-8", resource(u":/galley/preview/preview.html"_qs));
            return;
        }
        if (path == u"/preview.js") {
            reply(job, "text/javascript;charset=utf-8", resource(u":/galley/preview/preview.js"_qs));
            return;
        }
        if (path == u"/qwebchannel.js") {
            // Shipped inside Qt WebChannel as a resource.
            reply(job, "text/javascript;charset=utf-8", resource(u":/qtwebchannel/qwebchannel.js"_qs));
            return;
        }
        if (path == u"/article.css") {
            reply(job, "text/css;charset=utf-8", ArticleRenderer::houseStyleSheet().toUtf8());
            return;
        }
    } else if (host == u"image") {
        const QString id = QUrl::fromPercentEncoding(path.mid(1).toUtf8());
        const auto it = m_images.constFind(id);
        if (it != m_images.constEnd()) {
            // The same turn (EXIF orientation) and crop as the export, by the same code.
            const QString version = previewImageUrl(*it);
            Served &served = m_served[id];
            if (served.url != version) {
                served.bytes = previewPictureBytes(*it, &served.mimeType);
                served.url = version;
            }
            reply(job, served.mimeType.toUtf8(), served.bytes);
            return;
        }
    }
    qCDebug(lcPreview) << "Not found:" << url.toDisplayString();
    job->fail(QWebEngineUrlRequestJob::UrlNotFound);
}

} // namespace galley
