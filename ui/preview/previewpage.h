#pragma once

#include <QWebEnginePage>

namespace galley {

/// The preview's page: it loads the shell once and then never navigates. A clicked http, https
/// or mailto link is handed to linkClicked() (the pane opens it in the system browser); every
/// other navigation, and every new window, is refused.
class PreviewPage final : public QWebEnginePage {
    Q_OBJECT

public:
    explicit PreviewPage(QWebEngineProfile *profile, QObject *parent = nullptr);

Q_SIGNALS:
    void linkClicked(const QUrl &url);

protected:
    bool acceptNavigationRequest(const QUrl &url, NavigationType type, bool isMainFrame) override;
    QWebEnginePage *createWindow(WebWindowType type) override;
    void javaScriptConsoleMessage(JavaScriptConsoleMessageLevel level, const QString &message, int line,
                                  const QString &source) override;

private:
    bool m_shellRequested = false;
};

} // namespace galley
