#include "requestinterceptor.h"

#include "logging.h"
#include "previewscheme.h"

#include <QUrl>

namespace galley {

bool RequestInterceptor::isAllowed(const QUrl &url) {
    const QString scheme = url.scheme().toLower();
    return scheme == QLatin1String(PreviewScheme) || scheme == u"data" || scheme == u"about";
}

void RequestInterceptor::interceptRequest(QWebEngineUrlRequestInfo &info) {
    if (isAllowed(info.requestUrl()))
        return;
    qCInfo(lcPreview) << "Blocked request" << info.requestUrl().toDisplayString();
    info.block(true);
}

} // namespace galley
