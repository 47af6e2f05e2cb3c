#include "previewscheme.h"

#include <QWebEngineUrlScheme>

namespace galley {

void registerPreviewScheme() {
    QWebEngineUrlScheme scheme(PreviewScheme);
    scheme.setSyntax(QWebEngineUrlScheme::Syntax::Host);
    scheme.setDefaultPort(QWebEngineUrlScheme::PortUnspecified);
    scheme.setFlags(QWebEngineUrlScheme::SecureScheme);
    QWebEngineUrlScheme::registerScheme(scheme);
}

QUrl previewShellUrl() {
    return QUrl(u"galley://preview/index.html"_qs);
}

QString previewImageUrl(const StoryImage &image) {
    // Size plus both ends of the file tell pictures apart without hashing megabytes per keystroke.
    constexpr qsizetype Sample = 4096;
    const QByteArrayView bytes(image.data);
    // The crop too: the preview is served cut to it (previewPictureBytes()).
    const size_t version = qHashMulti(0, bytes.size(), bytes.first(qMin(Sample, bytes.size())),
                                      bytes.last(qMin(Sample, bytes.size())), image.crop.x(), image.crop.y(),
                                      image.crop.width(), image.crop.height());
    return u"galley://image/"_qs + QString::fromLatin1(QUrl::toPercentEncoding(image.id)) + u"?v="_qs +
           QString::number(version, 16);
}

} // namespace galley
