#include "previewpane.h"

#include "articlepatch.h"
#include "export/pdftitle.h"
#include "logging.h"
#include "previewbridge.h"
#include "previewpage.h"
#include "previewscheme.h"
#include "requestinterceptor.h"
#include "schemehandler.h"

#include <QComboBox>
#include <QDesktopServices>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QPageLayout>
#include <QPageSize>
#include <QPointer>
#include <QSaveFile>
#include <QStackedWidget>
#include <QThread>
#include <QTimer>
#include <QVBoxLayout>
#include <QWebChannel>
#include <QWebEngineProfile>
#include <QWebEngineSettings>
#include <QWebEngineView>

#include <ctime>

namespace galley {

namespace {

// Adds the CPU time the calling thread spends in the scope to a nanosecond counter (CPU rather
// than wall time: on a busy machine the wall clock mostly measures waiting for a core).
class WorkTimer final {
public:
    explicit WorkTimer(qint64 &total)
        : m_total(total)
        , m_start(threadCpuNs()) {}
    ~WorkTimer() { m_total += threadCpuNs() - m_start; }
    Q_DISABLE_COPY_MOVE(WorkTimer)

private:
    static qint64 threadCpuNs() {
        timespec now{};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
        return qint64(now.tv_sec) * 1000000000 + now.tv_nsec;
    }

    qint64 &m_total;
    qint64 m_start;
};

QByteArray makePatch(const Story &before, bool haveBefore, const Story &after, quint64 sequence,
                     const QString &reveal) {
    const RenderOptions options = PreviewPane::renderOptions();
    const ArticlePatch patch = haveBefore ? diffArticle(before, after, options) : fullArticle(after, options);
    return patch.isEmpty() ? QByteArray() : patch.toJson(sequence, reveal);
}

// Lives in the pane's thread and keeps the story the page shows, so the old versions of a long
// story's body are released there rather than on the GUI thread.
class PatchWorker final : public QObject {
public:
    Story shown;
    bool haveShown = false;
};

QString jsString(const QString &text) {
    // A one-element JSON array is a safe JavaScript literal for any string.
    const QByteArray json = QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(json.mid(1, json.size() - 2));
}

} // namespace

PreviewPane::PreviewPane(QWidget *parent)
    : QWidget(parent)
    , m_widthBox(new QComboBox(this))
    , m_stack(new QStackedWidget(this))
    , m_placeholder(new QLabel(tr("Preparing the preview…"), this))
    , m_host(new QWidget(this))
    , m_bridge(new PreviewBridge(this))
    , m_thread(new QThread(this))
    , m_worker(new PatchWorker) {
    setObjectName(u"previewPane"_qs);
    setMinimumWidth(240); // a phone-width page scaled down still reads; the form needs the room more
    m_widthBox->setObjectName(u"previewWidthBox"_qs);
    m_widthBox->setToolTip(tr("Show the page as a reader's screen of this width would, or as printed"));
    m_widthBox->addItem(tr("Fit to pane"), QVariant::fromValue(Width::Fit));
    m_widthBox->addItem(tr("Phone (375 px)"), QVariant::fromValue(Width::Phone));
    m_widthBox->addItem(tr("Tablet (768 px)"), QVariant::fromValue(Width::Tablet));
    m_widthBox->addItem(tr("Desktop (1280 px)"), QVariant::fromValue(Width::Desktop));
    m_widthBox->addItem(tr("Print (A4)"), QVariant::fromValue(Width::Print));
    connect(m_widthBox, &QComboBox::currentIndexChanged, this, &PreviewPane::applyWidth);

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(6, 4, 6, 4);
    auto *label = new QLabel(tr("Preview &width:"), this);
    label->setBuddy(m_widthBox);
    bar->addWidget(label);
    bar->addWidget(m_widthBox);
    bar->addStretch(1);

    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setStyleSheet(u"color: #5f6368; background: white;"_qs);
    m_stack->addWidget(m_placeholder);
    m_stack->addWidget(m_host);
    auto *hostLayout = new QHBoxLayout(m_host);
    hostLayout->setContentsMargins(0, 0, 0, 0);
    hostLayout->setSpacing(0);
    m_host->setAutoFillBackground(true);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(bar);
    layout->addWidget(m_stack, 1);

    // A thread of its own rather than a pool: starting a pool task waits on the pool's lock while
    // the previous task is being torn down, which cost milliseconds per key on a long story.
    m_thread->setObjectName(u"galley preview"_qs);
    m_worker->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread->start();
    connect(m_bridge, &PreviewBridge::blockActivated, this, &PreviewPane::blockClicked);
    connect(m_bridge, &PreviewBridge::framePainted, this, &PreviewPane::painted);
}

PreviewPane::~PreviewPane() {
    // The worker owns copies of everything it reads; stop it so it posts nothing to a dead pane.
    m_thread->quit();
    m_thread->wait();
    // The page must go before its profile.
    delete m_view;
    delete m_page;
}

RenderOptions PreviewPane::renderOptions() {
    RenderOptions options;
    options.imageUrl = [](const Story &, const StoryImage &image) { return previewImageUrl(image); };
    // Read each time (on the worker thread, off the typing): a changed zone shows at the next update.
    options.timeZones = SectionTimeZones::fromSettings();
    return options;
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
    auto *channel = new QWebChannel(m_page);
    channel->registerObject(u"bridge"_qs, m_bridge);
    m_page->setWebChannel(channel);
    connect(m_page, &PreviewPage::linkClicked, this, [](const QUrl &url) { QDesktopServices::openUrl(url); });
    connect(m_page, &QWebEnginePage::loadFinished, this, [this](bool ok) {
        if (!ok) {
            qCWarning(lcPreview) << "The preview page did not load";
            return;
        }
        m_shellLoaded = true;
        m_stack->setCurrentWidget(m_host);
        applyWidth();
        scheduleUpdate();
    });

    m_view = new QWebEngineView(m_host);
    m_view->setObjectName(u"previewWebView"_qs);
    m_view->setPage(m_page);
    m_view->setContextMenuPolicy(Qt::NoContextMenu);
    m_view->setAcceptDrops(false);
    m_host->layout()->addWidget(m_view);
    m_page->load(previewShellUrl());
}

void PreviewPane::showStory(const Story &story) {
    const WorkTimer work(m_updateWorkNs);
    m_latest = story;
    m_hasStory = true;
    ++m_generation;
    scheduleUpdate();
}

void PreviewPane::setChangeMarks(const QJsonArray &marks) {
    m_changeMarks = marks;
    // The whole article again: marked elements lose their marks, new marks go on fresh ones.
    m_marksChangedInFlight = m_inFlight;
    m_hasShown = false;
    m_shownGeneration = 0;
    scheduleUpdate();
}

void PreviewPane::setFindingMarks(const QJsonArray &marks) {
    if (marks.isEmpty() && !m_findingMarksShown && m_findingMarks.isEmpty())
        return;
    m_findingMarks = marks;
    applyFindingMarks();
}

void PreviewPane::applyFindingMarks() {
    if (!m_shellLoaded || !m_hasShown)
        return; // applied when the article arrives
    m_findingMarksShown = !m_findingMarks.isEmpty();
    QPointer<PreviewPane> self(this);
    m_page->runJavaScript(u"galleyPreview.markFindings("_qs +
                              QString::fromUtf8(QJsonDocument(m_findingMarks).toJson(QJsonDocument::Compact)) + u')',
                          [self](const QVariant &found) {
                              if (self)
                                  Q_EMIT self->findingsMarked(found.toInt());
                          });
}

void PreviewPane::applyChangeMarks() {
    // Each mark's html was escaped by changeMarksHtml(); ids are looked up with CSS.escape.
    static const QString script = uR"((function (marks) {
    if (!document.getElementById('galley-change-style')) {
        const style = document.createElement('style');
        style.id = 'galley-change-style';
        style.textContent = 'ins.galley-change{background:#c8f0c8;color:#0b3d0b;text-decoration:none}' +
            'del.galley-change{background:#f8d0d0;color:#6b0f0f}' +
            '.galley-removed-block{opacity:.8}';
        document.head.appendChild(style);
    }
    const byData = (name, id) => document.querySelector('[' + name + '="' + CSS.escape(id) + '"]');
    for (const mark of marks) {
        let element = null;
        if (mark.target === 'headline') element = document.querySelector('.story-header .headline');
        else if (mark.target === 'deck') element = document.querySelector('.story-header .deck');
        else if (mark.target === 'block') {
            element = byData('data-block', mark.id);
            if (element && mark.tokens && galleyPreview.markChanges(element, mark.tokens)) continue;
        }
        else if (mark.target === 'pull-quote') {
            const quote = byData('data-pull-quote', mark.id);
            element = quote && quote.querySelector('blockquote p');
        } else if (mark.target === 'caption') {
            const figure = byData('data-image', mark.id);
            const caption = figure && figure.querySelector('figcaption');
            if (caption) {
                const credit = caption.querySelector('.credit');
                caption.innerHTML = mark.html;
                if (credit) caption.append(' ', credit);
            }
            continue;
        } else if (mark.target === 'removed-block') {
            const removed = document.createElement('p');
            removed.className = 'galley-removed-block';
            removed.innerHTML = mark.html;
            const after = mark.id ? byData('data-block', mark.id) : null;
            const body = document.querySelector('.story-body');
            if (after) after.after(removed);
            else if (body) body.prepend(removed);
            continue;
        }
        if (element) element.innerHTML = mark.html;
    }
    return true;
}))"_qs;
    m_page->runJavaScript(script + u'(' + QString::fromUtf8(QJsonDocument(m_changeMarks).toJson(QJsonDocument::Compact)) +
                          u')');
}

void PreviewPane::revealBlock(const QString &blockId) {
    if (blockId == m_revealId)
        return;
    m_revealId = blockId;
    if (m_shellLoaded && !blockId.isEmpty())
        m_page->runJavaScript(u"galleyPreview.reveal("_qs + jsString(blockId) + u')');
}

void PreviewPane::scheduleUpdate() {
    // Edits made in one pass of the event loop (a paste, a replace-all) make one update.
    if (m_updateQueued || m_inFlight || !m_shellLoaded || !m_hasStory)
        return;
    m_updateQueued = true;
    QTimer::singleShot(0, this, &PreviewPane::startUpdate);
}

void PreviewPane::startUpdate() {
    const WorkTimer work(m_updateWorkNs);
    m_updateQueued = false;
    if (m_inFlight || !m_shellLoaded || !m_hasStory || m_shownGeneration == m_generation)
        return;
    m_inFlight = true;
    m_renderingGeneration = m_generation;
    m_renderingWhole = !m_hasShown;
    m_handler->setImages(m_latest.images);
    auto *worker = static_cast<PatchWorker *>(m_worker);
    const bool forget = !m_hasShown;
    QMetaObject::invokeMethod(
        worker,
        [this, worker, forget, after = m_latest, sequence = m_renderingGeneration, reveal = m_revealId] {
            if (forget)
                worker->haveShown = false;
            const QByteArray json = makePatch(worker->shown, worker->haveShown, after, sequence, reveal);
            // Optimistic: when the page refuses the patch, the next update forgets this.
            worker->shown = after;
            worker->haveShown = true;
            QMetaObject::invokeMethod(
                this, [this, json] { onPatchReady(json); }, Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

void PreviewPane::onPatchReady(const QByteArray &json) {
    const WorkTimer work(m_updateWorkNs);
    const auto done = [this](bool ok) {
        const WorkTimer work(m_updateWorkNs);
        m_inFlight = false;
        if (ok && m_marksChangedInFlight) {
            // The marks changed while this update was on its way: the whole page again.
            m_hasShown = false;
            m_shownGeneration = 0;
            ok = false;
        } else if (ok) {
            m_hasShown = true;
            m_shownGeneration = m_renderingGeneration;
        } else {
            qCWarning(lcPreview) << "The preview page refused a patch; sending the whole article";
            m_hasShown = false;
            m_shownGeneration = 0;
        }
        m_marksChangedInFlight = false;
        if (ok && !m_changeMarks.isEmpty())
            applyChangeMarks();
        // A whole article (or change marks, which rewrite elements) has none of the marks.
        if (ok && !m_findingMarks.isEmpty() && (m_renderingWhole || !m_changeMarks.isEmpty()))
            applyFindingMarks();
        Q_EMIT articleUpdated();
        scheduleUpdate();
    };
    if (json.isEmpty()) {
        done(true);
        return;
    }
    m_page->runJavaScript(u"galleyPreview.apply("_qs + QString::fromUtf8(json) + u')',
                          [done](const QVariant &result) { done(result.toBool()); });
}

int PreviewPane::cssWidth(Width width) {
    switch (width) {
    case Width::Phone:
        return 375;
    case Width::Tablet:
        return 768;
    case Width::Desktop:
        return 1280;
    case Width::Print:
        return 900; // A4 at 96 dpi with the sheet's grey surround
    case Width::Fit:
        break;
    }
    return 0;
}

void PreviewPane::setPreviewWidth(Width width) {
    m_widthBox->setCurrentIndex(m_widthBox->findData(QVariant::fromValue(width)));
}

PreviewPane::Width PreviewPane::previewWidth() const {
    return m_widthBox->currentData().value<Width>();
}

void PreviewPane::resizeEvent(QResizeEvent *event) {
    QWidget::resizeEvent(event);
    applyWidth();
}

void PreviewPane::applyWidth() {
    if (!m_view)
        return;
    const int wanted = cssWidth(previewWidth());
    const int available = m_host->width();
    auto *layout = static_cast<QHBoxLayout *>(m_host->layout());
    layout->setAlignment(m_view, wanted > 0 ? Qt::AlignHCenter : Qt::Alignment());
    if (wanted <= 0) {
        m_view->setMinimumWidth(0);
        m_view->setMaximumWidth(QWIDGETSIZE_MAX);
        m_view->setZoomFactor(1.0);
    } else {
        // A narrower pane shows the whole width scaled down, so media queries see the preset.
        const int shown = qMin(wanted, available);
        m_view->setFixedWidth(shown);
        m_view->setZoomFactor(qBound(0.25, qreal(shown) / wanted, 1.0));
    }
    m_host->setStyleSheet(wanted > 0 ? u"background: #8a8d91;"_qs : QString());
    const bool print = previewWidth() == Width::Print;
    if (m_shellLoaded && print != m_printView) {
        m_printView = print;
        m_page->runJavaScript(print ? u"galleyPreview.setPrintView(true)"_qs
                                    : u"galleyPreview.setPrintView(false)"_qs);
    }
}

bool PreviewPane::printToPdf(const QString &path) {
    if (!m_page || !m_shellLoaded)
        return false;
    // The reader sees the sheet while it prints; the width they chose comes back when it is done.
    if (!m_printing) {
        m_printing = true;
        m_widthBeforePrint = previewWidth();
    }
    setPreviewWidth(Width::Print);
    const QString headline = m_latest.headline.simplified();
    const QString title = headline.isEmpty() ? tr("Untitled story") : headline;
    m_page->printToPdf(
        [this, path, title](const QByteArray &pdf) {
            // Chromium leaves the title out of the PDF's document information; Galley adds it.
            QString error;
            const QByteArray titled = pdf.isEmpty() ? QByteArray() : withPdfTitle(pdf, title, &error);
            if (!error.isEmpty())
                qCWarning(lcPreview) << error;
            QSaveFile file(path);
            const QByteArray &bytes = titled.isEmpty() ? pdf : titled;
            const bool ok = !pdf.isEmpty() && file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size() &&
                            file.commit();
            if (m_printing) {
                m_printing = false;
                setPreviewWidth(m_widthBeforePrint);
            }
            Q_EMIT pdfFinished(path, ok);
        },
        QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(16, 18, 16, 18),
                    QPageLayout::Millimeter));
    return true;
}

} // namespace galley
