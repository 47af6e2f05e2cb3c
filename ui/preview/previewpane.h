#pragma once

#include "model/story.h"

#include <QWidget>

class QLabel;
class QStackedLayout;
class QTimer;
class QWebEngineProfile;
class QWebEngineView;

namespace galley {

class PreviewPage;
class SchemeHandler;

/// The live preview: the published layout of the story being edited.
///
/// start() creates the web view (late, so the form is usable before WebEngine has started) with
/// its own off-the-record profile, a request interceptor and the galley: scheme handler, and loads
/// the page shell once. showStory() restarts a short single-shot timer; when it fires the article
/// is rendered with ArticleRenderer and pushed into the page with runJavaScript, replacing the
/// article element only, so the scroll position stays put.
class PreviewPane final : public QWidget {
    Q_OBJECT

public:
    /// Delay between the last edit and the re-render, in milliseconds.
    static constexpr int UpdateDelayMs = 75;

    explicit PreviewPane(QWidget *parent = nullptr);
    ~PreviewPane() override;

    /// Creates the web view and loads the shell; does nothing the second time.
    void start();
    /// Schedules the preview of @p story.
    void showStory(const Story &story);

    /// The web view, or nullptr before start().
    QWebEngineView *view() const { return m_view; }
    /// The rendered article HTML last pushed into the page.
    QString lastArticleHtml() const { return m_lastHtml; }

Q_SIGNALS:
    /// The page now shows the latest rendered article.
    void articleUpdated();

private:
    void render();
    void push();

    QStackedLayout *m_stack;
    QLabel *m_placeholder;
    QTimer *m_timer;
    QWebEngineProfile *m_profile = nullptr;
    PreviewPage *m_page = nullptr;
    QWebEngineView *m_view = nullptr;
    SchemeHandler *m_handler = nullptr;
    Story m_story;
    QString m_lastHtml;
    bool m_hasStory = false;
    bool m_shellLoaded = false;
    bool m_pushPending = false;
};

} // namespace galley
