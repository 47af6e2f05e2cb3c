#include "previewpane.h"

#include "logging.h"
#include "previewpage.h"
#include "previewscheme.h"
#include "render/articlerenderer.h"
#include "requestinterceptor.h"
#include "schemehandler.h"

#include <QDesktopServices>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QStackedLayout>
#include <QTimer>
#include <QWebEngineProfile>
#include <QWebEngineSettings>
#include <QWebEngineView>

namespace galley {

PreviewPane::PreviewPane(QWidget *parent)
    : QWidget(parent)
    , m_stack(new QStackedLayout(this))
    , m_placeholder(new QLabel(tr("Preparing the preview…"), this))
    , m_timer(new QTimer(this)) {
    setObjectName(u"previewPane"_qs);
    setMinimumWidth(320);
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setStyleSheet(u"color: #5f6368; background: white;"_qs);
    m_stack->addWidget(m_placeholder);
    m_timer->setSingleShot(true);
    m_timer->setInterval(UpdateDelayMs);
    connect(m_timer, &QTimer::timeout, this, &PreviewPane::render);
}

PreviewPane::~PreviewPane() {
    // The page must go before its profile.
    delete m_view;
    delete m_page;
}

void PreviewPane::start() {
    if (m_view)
        return;
    m_profile = new QWebEngineProfile(this); // no storage name: off the record
    m_profile->setHttpCacheType(QWebEngineProfile::MemoryHttpCache);
    m_profile->setPersistentCookiesPolicy(QWebEngineProfile::NoPersistentCookies);
    m_profile->setSpellCheckEnabled(false);
    m_profile->setUrlRequestInterceptor(new RequestInterceptor(m_profile));
    m_handler = new SchemeHandler(m_profile);
    m_profile->installUrlSchemeHandler(PreviewScheme, m_handler);

    m_page = new PreviewPage(m_profile, nullptr);
    QWebEngineSettings *settings = m_page->settings();
    settings->setAttribute(QWebEngineSettings::JavascriptCanOpenWindows, false);
    settings->setAttribute(QWebEngineSettings::JavascriptCanAccessClipboard, false);
    settings->setAttribute(QWebEngineSettings::LocalContentCanAccessRemoteUrls, false);
    settings->setAttribute(QWebEngineSettings::LocalContentCanAccessFileUrls, false);
    settings->setAttribute(QWebEngineSettings::LocalStorageEnabled, false);
    settings->setAttribute(QWebEngineSettings::PluginsEnabled, false);
    settings->setAttribute(QWebEngineSettings::AutoLoadIconsForPage, false);
    settings->setAttribute(QWebEngineSettings::NavigateOnDropEnabled, false);
    connect(m_page, &PreviewPage::linkClicked, this, [](const QUrl &url) { QDesktopServices::openUrl(url); });
    connect(m_page, &QWebEnginePage::loadFinished, this, [this](bool ok) {
        if (!ok) {
            qCWarning(lcPreview) << "The preview page did not load";
            return;
        }
        m_shellLoaded = true;
        m_stack->setCurrentWidget(m_view);
        if (m_pushPending)
            push();
    });

    m_view = new QWebEngineView(this);
    m_view->setObjectName(u"previewWebView"_qs);
    m_view->setPage(m_page);
    m_view->setContextMenuPolicy(Qt::NoContextMenu);
    m_view->setAcceptDrops(false);
    m_stack->addWidget(m_view);
    m_page->load(previewShellUrl());
    if (m_hasStory)
        render();
}

void PreviewPane::showStory(const Story &story) {
    m_story = story;
    m_hasStory = true;
    m_timer->start();
}

void PreviewPane::render() {
    m_timer->stop();
    if (!m_view)
        return;
    RenderOptions options;
    options.imageUrl = [](const Story &, const StoryImage &image) { return previewImageUrl(image.id); };
    m_handler->setImages(m_story.images);
    m_lastHtml = ArticleRenderer().renderArticle(m_story, options);
    m_pushPending = true;
    if (m_shellLoaded)
        push();
}

void PreviewPane::push() {
    m_pushPending = false;
    // A one-element JSON array is a safe JavaScript literal for any string.
    const QString literal =
        QString::fromUtf8(QJsonDocument(QJsonArray{m_lastHtml}).toJson(QJsonDocument::Compact));
    m_page->runJavaScript(u"galleyPreview.update("_qs + literal + u"[0])"_qs,
                          [this](const QVariant &) { Q_EMIT articleUpdated(); });
}

} // namespace galley
