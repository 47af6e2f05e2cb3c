// Start-up order: the editor paints first, then WebEngine starts; and the timestamps of both for the
// cold-start benchmark (GALLEY_TIMING).

#include "bodyeditor.h"
#include "mainwindow.h"
#include "preview/previewpane.h"
#include "storyeditor.h"

#include <QDateTime>
#include <QEvent>
#include <QTimer>

#include <cstdio>
#include <functional>

namespace galley {

namespace {

// Runs a function once, just after the first paint of the widget it watches has been handled.
class AfterFirstPaint final : public QObject {
public:
    AfterFirstPaint(QWidget *watched, std::function<void()> run)
        : QObject(watched)
        , m_run(std::move(run)) {
        watched->installEventFilter(this);
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override {
        if (event->type() == QEvent::Paint) {
            watched->removeEventFilter(this);
            QTimer::singleShot(0, this, [this] {
                m_run();
                deleteLater();
            });
        }
        return false;
    }

private:
    std::function<void()> m_run;
};

// Prints one timestamp once the body's viewport has painted while it holds text.
class FirstPaintWatcher final : public QObject {
public:
    explicit FirstPaintWatcher(BodyEditor *body)
        : QObject(body)
        , m_body(body) {}

protected:
    bool eventFilter(QObject *watched, QEvent *event) override {
        if (event->type() == QEvent::Paint && !m_body->document()->isEmpty() && m_body->isEnabled()) {
            // After the paint has been handled, not before.
            QMetaObject::invokeMethod(
                this,
                [this] {
                    std::fprintf(stderr, "galley-timing editable %lld\n",
                                 QDateTime::currentMSecsSinceEpoch());
                    std::fflush(stderr);
                    deleteLater();
                },
                Qt::QueuedConnection);
            watched->removeEventFilter(this);
        }
        return false;
    }

private:
    BodyEditor *m_body;
};

} // namespace

void MainWindow::startPreviewAfterFirstPaint() {
    QWidget *first = m_editor->bodyEditor()->viewport();
    new AfterFirstPaint(first, [preview = m_preview] { preview->start(); });
    // A hidden body (another tab current) never paints: start anyway. start() runs only once.
    QTimer::singleShot(PreviewStartFallbackMs, m_preview, &PreviewPane::start);
}

void MainWindow::reportStartupTimes() {
    BodyEditor *body = m_editor->bodyEditor();
    body->viewport()->installEventFilter(new FirstPaintWatcher(body));
    auto reported = std::make_shared<bool>(false);
    connect(m_preview, &PreviewPane::painted, this, [reported](quint64, double pageTimeMs) {
        if (*reported)
            return;
        *reported = true;
        std::fprintf(stderr, "galley-timing preview %lld\n", qint64(pageTimeMs));
        std::fflush(stderr);
    });
}

} // namespace galley
