#include "previewpage.h"

#include "logging.h"
#include "previewscheme.h"

namespace galley {

PreviewPage::PreviewPage(QWebEngineProfile *profile, QObject *parent)
    : QWebEnginePage(profile, parent) {}

bool PreviewPage::acceptNavigationRequest(const QUrl &url, NavigationType type, bool isMainFrame) {
    if (type == NavigationTypeLinkClicked) {
        const QString scheme = url.scheme().toLower();
        if (scheme == u"http" || scheme == u"https" || scheme == u"mailto")
            Q_EMIT linkClicked(url);
        return false;
    }
    if (isMainFrame && !m_shellRequested && url == previewShellUrl()) {
        m_shellRequested = true;
        return true;
    }
    qCInfo(lcPreview) << "Refused navigation to" << url.toDisplayString();
    return false;
}

QWebEnginePage *PreviewPage::createWindow(WebWindowType) {
    return nullptr;
}

void PreviewPage::javaScriptConsoleMessage(JavaScriptConsoleMessageLevel, const QString &message, int line,
                                           const QString &source) {
    qCDebug(lcPreview) << "console:" << message << source << line;
}

} // namespace galley
