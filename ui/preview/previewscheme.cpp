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

QString previewImageUrl(const QString &imageId) {
    return u"galley://image/"_qs + QString::fromLatin1(QUrl::toPercentEncoding(imageId));
}

} // namespace galley
