// Start-up timestamps for the cold-start benchmark (GALLEY_TIMING); nothing happens without it.

#include "bodyeditor.h"
#include "mainwindow.h"
#include "preview/previewpane.h"
#include "storyeditor.h"

#include <QDateTime>
#include <QEvent>

#include <cstdio>

namespace galley {

namespace {

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
                    std::fprintf(stderr, "galley-timing editable %lld\n", QDateTime::currentMSecsSinceEpoch());
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
