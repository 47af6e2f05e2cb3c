#pragma once

#include <QWebEngineUrlRequestInterceptor>

namespace galley {

/// Blocks every request of the preview that is not for the galley: scheme, data: or about:, so a
/// story can never make the editor fetch from the network or read local files.
class RequestInterceptor final : public QWebEngineUrlRequestInterceptor {
    Q_OBJECT

public:
    using QWebEngineUrlRequestInterceptor::QWebEngineUrlRequestInterceptor;

    void interceptRequest(QWebEngineUrlRequestInfo &info) override;

    /// True when the preview may load @p url.
    static bool isAllowed(const QUrl &url);
};

} // namespace galley
