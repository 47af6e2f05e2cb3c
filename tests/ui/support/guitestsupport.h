#pragma once
// Small helpers shared by the GUI tests (tests/ui and tests/import): hermetic settings, the preview
// page's JavaScript, typing into fields and answering modal dialogs. Test-only; never linked into Galley.

#include <QApplication>
#include <QObject>
#include <QTest>
#include <QString>
#include <QVariant>

class QLineEdit;
class QTemporaryDir;
class QTimer;
class QWebEngineView;
class QWidget;

namespace galley {
class WrappingLineEdit;
}

namespace galley::testsupport {

/// Makes the test hermetic: QStandardPaths test mode on, QSettings as an INI file named
/// "settings" inside @p dir (which must be valid), so no test reads or writes the user's settings,
/// and the windows' recovery journals in @p dir too ("recovery/folder" set to <dir>/recovery).
void useTestSettings(const QTemporaryDir &dir);

/// Runs @p script in the page of @p view and spins the event loop until its result arrives or
/// @p timeoutMs milliseconds pass. Returns the script's value; an invalid QVariant when @p view is
/// null (the preview is not up yet) or on time-out, so QTRY_ loops simply try again.
QVariant runPageScript(QWebEngineView *view, const QString &script, int timeoutMs = 5000);

/// Types @p text at the end of @p edit, with the focus there, as a user would.
void typeAtEnd(QLineEdit *edit, const QString &text);
/// The same for a wrapping one-line field (the headline, deck, captions, alt text).
void typeAtEnd(WrappingLineEdit *edit, const QString &text);

/// Gives @p widget the focus and types @p text where its cursor is.
void typeInto(QWidget *widget, const QString &text);

/// Accepts every modal QDialog that comes up while @p timer runs (checked every 50 ms), adding one
/// to @p *seen for each when @p seen is not null. @p context owns the connection; the caller stops
/// the timer (or lets it go out of scope) when the dialogs are done.
void acceptModalDialogs(QTimer &timer, QObject *context, int *seen = nullptr);

/// The child of @p parent named @p name; aborts the test run (qFatal) when there is none, because
/// every later step would crash on it anyway.
template <typename T> T *requireChild(const QObject *parent, const QString &name) {
    T *child = parent->findChild<T *>(name);
    if (!child)
        qFatal("no child %s", qPrintable(name));
    return child;
}

/// What a GUI test needs before its QApplication exists: Galley's galley: scheme registered (WebEngine
/// refuses schemes registered later) and shared GL contexts (WebEngine needs them).
void prepareGuiTestApplication();

/// Names the running application @p name under the "GalleyTest" organisation and sets Galley's
/// icon theme, as main() does for the real window.
void nameGuiTestApplication(const QString &name);

/// The body of a GUI test's main(): the QApplication set up as above, then every test of
/// @p TestClass; returns QTest's exit code.
template <typename TestClass> int runGuiTest(int argc, char **argv, const QString &name) {
    prepareGuiTestApplication();
    QApplication app(argc, argv);
    nameGuiTestApplication(name);
    TestClass test;
    return QTest::qExec(&test, argc, argv);
}

} // namespace galley::testsupport
