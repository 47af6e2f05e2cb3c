#pragma once

#include "model/story.h"
#include "render/articlerenderer.h"

#include <QJsonArray>
#include <QWidget>

class QComboBox;
class QLabel;
class QStackedWidget;
class QThread;
class QWebEngineProfile;
class QWebEngineView;

namespace galley {

class PreviewBridge;
class PreviewPage;
class SchemeHandler;

/// The live preview: the published layout of the story being edited.
///
/// start() creates the web view (late, so the form is usable before WebEngine has started) with
/// its own off-the-record profile, a request interceptor and the galley: scheme handler, and loads
/// the page shell once; the page is never reloaded. showStory() takes a copy of the story (cheap:
/// Story shares its data) and returns at once. A worker thread compares it with the story the page
/// shows and renders only the changed elements (diffArticle()); the patch goes into the page with
/// runJavaScript. At most one update is in flight: stories shown meanwhile are folded into the
/// next one, so a fast typist never queues work.
///
/// Above the page, a width menu shows the page as a phone (375 px), tablet (768 px) or desktop
/// (1280 px) browser would (scaled down and centred when the pane is narrower), or as printed.
class PreviewPane final : public QWidget {
    Q_OBJECT

public:
    /// Widths the page can be shown at; Fit follows the pane.
    enum class Width { Fit, Phone, Tablet, Desktop, Print };
    Q_ENUM(Width)

    explicit PreviewPane(QWidget *parent = nullptr);
    ~PreviewPane() override;

    /// Creates the web view and loads the shell; does nothing the second time.
    void start();
    /// Schedules the preview of @p story; returns without rendering.
    void showStory(const Story &story);
    /// Brings body block @p blockId into view in the page if it is not visible (now, and after
    /// each update while it stays the block being edited).
    void revealBlock(const QString &blockId);

    /// Lays tracked-change marks over the page (previewChangeMarks(): inserted and deleted words of
    /// a comparison of revisions), now and after every update, until called with an empty array;
    /// the page is rendered whole again either way so no old mark stays. The marks are the
    /// preview's only: the renderer and the export never see them.
    void setChangeMarks(const QJsonArray &marks);
    bool showsChangeMarks() const { return !m_changeMarks.isEmpty(); }

    /// Marks the copy desk's findings on the page (previewFindingMarks()) now and after every
    /// whole-page update, until called with an empty array, which takes the marks away. An element
    /// that changes loses its marks until the next check gives new ones. Preview only, like the
    /// change marks. Emits findingsMarked() with how many the page found.
    void setFindingMarks(const QJsonArray &marks);

    /// Shows the page at @p width.
    void setPreviewWidth(Width width);
    Width previewWidth() const;
    /// CSS pixels of the page's viewport for @p width (0 for Fit).
    static int cssWidth(Width width);

    /// Writes the page as printed (A4, the print stylesheet, white to the sheet's edges) to the PDF
    /// file @p path, titled with the story's headline ("Untitled story" without one); shows the
    /// print width meanwhile and the width shown before once done, then emits pdfFinished(). False
    /// when the preview has not started.
    bool printToPdf(const QString &path);

    /// The options the preview renders with (pictures through galley://image/<id>, the sections'
    /// time zones from the settings, as the export).
    static RenderOptions renderOptions();

    /// The web view, or nullptr before start().
    QWebEngineView *view() const { return m_view; }
    /// Number of showStory() calls so far; an update's sequence is the count it includes.
    quint64 generation() const { return m_generation; }
    /// True while an update is being rendered or applied.
    bool isUpdating() const { return m_inFlight; }
    /// CPU time the GUI thread has spent in the pane's update work so far (showStory(), starting
    /// the worker, handing the patch to the page and its answer), in milliseconds; for benchmarks.
    double updateWorkMs() const { return m_updateWorkNs / 1e6; }
    /// True when the page shows the story last given to showStory().
    bool isUpToDate() const { return m_shellLoaded && !m_inFlight && m_shownGeneration == m_generation; }

Q_SIGNALS:
    /// The page now shows the story of update @p sequence (its generation()).
    void articleUpdated();
    /// Update @p sequence was painted: the first animation frame after it ran at @p pageTimeMs
    /// (milliseconds since the Unix epoch).
    void painted(quint64 sequence, double pageTimeMs);
    /// The reader clicked body block @p blockId in the page.
    void blockClicked(const QString &blockId);
    /// The page marked @p count of the findings given to setFindingMarks().
    void findingsMarked(int count);
    /// printToPdf() finished; @p ok false when the file could not be written.
    void pdfFinished(const QString &path, bool ok);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void scheduleUpdate();
    void startUpdate();
    void onPatchReady(const QByteArray &json);
    void applyChangeMarks();
    void applyFindingMarks();
    void applyWidth();

    QComboBox *m_widthBox;
    QStackedWidget *m_stack;
    QLabel *m_placeholder;
    QWidget *m_host;
    QWebEngineProfile *m_profile = nullptr;
    PreviewPage *m_page = nullptr;
    QWebEngineView *m_view = nullptr;
    SchemeHandler *m_handler = nullptr;
    PreviewBridge *m_bridge;
    QThread *m_thread; ///< renders patches, so typing never waits for the renderer
    QObject *m_worker; ///< lives in m_thread

    Story m_latest; ///< the story last given to showStory()
    quint64 m_generation = 0;
    quint64 m_renderingGeneration = 0;
    quint64 m_shownGeneration = 0;
    QString m_revealId;
    QJsonArray m_changeMarks;
    QJsonArray m_findingMarks;
    bool m_findingMarksShown = false; ///< the page may hold finding marks
    bool m_renderingWhole = false;    ///< the update in flight sends the whole article
    bool m_marksChangedInFlight = false;
    bool m_hasStory = false;
    bool m_hasShown = false; ///< false: the next update sends the whole article
    bool m_shellLoaded = false;
    bool m_inFlight = false;
    bool m_updateQueued = false;
    bool m_printView = false;
    bool m_printing = false;          ///< a printToPdf() is writing its file
    Width m_widthBeforePrint = Width::Fit; ///< the width to show again when it is done
    qint64 m_updateWorkNs = 0;
};

} // namespace galley
