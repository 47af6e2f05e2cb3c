#include "guitestsupport.h"

#include "icons.h"
#include "preview/previewscheme.h"
#include "wrappinglineedit.h"

#include <QApplication>
#include <QDeadlineTimer>
#include <QDialog>
#include <QLineEdit>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QWebEnginePage>
#include <QWebEngineView>

namespace galley::testsupport {

void useTestSettings(const QTemporaryDir &dir) {
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, dir.filePath(u"settings"_qs));
    QSettings().setValue(u"recovery/folder"_qs, dir.filePath(u"recovery"_qs));
}

QVariant runPageScript(QWebEngineView *view, const QString &script, int timeoutMs) {
    if (!view)
        return {};
    QVariant result;
    bool done = false;
    view->page()->runJavaScript(script, [&](const QVariant &value) {
        result = value;
        done = true;
    });
    // The callback only runs from the event loop, so wait in small steps rather than block.
    QDeadlineTimer deadline(timeoutMs);
    while (!done && !deadline.hasExpired())
        QTest::qWait(5);
    return result;
}

void typeAtEnd(QLineEdit *edit, const QString &text) {
    edit->setFocus();
    edit->end(false);
    QTest::keyClicks(edit, text);
}

void typeAtEnd(WrappingLineEdit *edit, const QString &text) {
    edit->setFocus();
    edit->end(false);
    QTest::keyClicks(edit, text);
}

void typeInto(QWidget *widget, const QString &text) {
    widget->setFocus();
    QTest::keyClicks(widget, text);
}

void acceptModalDialogs(QTimer &timer, QObject *context, int *seen) {
    QObject::connect(&timer, &QTimer::timeout, context, [seen] {
        if (auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget())) {
            if (seen)
                ++*seen;
            dialog->accept();
        }
    });
    timer.start(50);
}

void prepareGuiTestApplication() {
    registerPreviewScheme();
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
}

void nameGuiTestApplication(const QString &name) {
    QCoreApplication::setOrganizationName(u"GalleyTest"_qs);
    QCoreApplication::setApplicationName(name);
    setUpIconTheme();
}

} // namespace galley::testsupport
