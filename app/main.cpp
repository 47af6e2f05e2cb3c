// Galley's entry point: a command-line verb runs without a window; otherwise the editor opens.

#include "cli/commandline.h"
#include "icons.h"
#include "mainwindow.h"
#include "preview/previewscheme.h"
#include "storage/samplelibrary.h"
#include "storage/serveraddress.h"
#include "storage/storylibrary.h"
#include "testtypist.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QMessageBox>
#include <QTimer>

namespace {

QStringList rawArguments(int argc, char **argv) {
    QStringList out;
    for (int i = 0; i < argc; ++i)
        out.append(QString::fromLocal8Bit(argv[i]));
    return out;
}

void setNames() {
    QCoreApplication::setOrganizationName(u"Galley"_qs);
    QCoreApplication::setOrganizationDomain(u"galley.invalid"_qs);
    QCoreApplication::setApplicationName(u"Galley"_qs);
    QCoreApplication::setApplicationVersion(QStringLiteral(GALLEY_VERSION));
}

} // namespace

int main(int argc, char **argv) {
    if (galley::isCommandLineVerb(rawArguments(argc, argv))) {
        QCoreApplication app(argc, argv);
        setNames();
        return galley::runCommandLine(QCoreApplication::arguments());
    }

    galley::registerPreviewScheme();
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    QApplication app(argc, argv);
    setNames();
    QGuiApplication::setApplicationDisplayName(u"Galley"_qs);
    QGuiApplication::setDesktopFileName(QStringLiteral(GALLEY_APP_ID));
    galley::setUpIconTheme();

    QCommandLineParser parser;
    parser.setApplicationDescription(u"Newsroom story editor with a live preview of the published page."_qs);
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption dbOption(u"db"_qs, u"Story library to open: a file, or postgresql://user@host[:port]/dbname on a server."_qs, u"PATH"_qs,
                                      galley::StoryLibrary::defaultPath());
    parser.addOption(dbOption);
    // `galley FILE...`: how a file manager opens a wire file with Galley (the desktop entry's %F).
    parser.addPositionalArgument(u"files"_qs, u"Story files to review for import."_qs, u"[FILE...]"_qs);
    parser.process(app);

    galley::StoryLibrary library;
    QString error;
    if (!library.open(parser.value(dbOption), &error)) {
        QMessageBox::critical(nullptr, u"Galley"_qs, error);
        return 1;
    }
    // A newsroom's shared library on a server starts empty: samples are for a desk's own file.
    if (!galley::isServerLocation(library.path()) && library.count() == 0 &&
        !galley::fillWithSamples(library, &error))
        QMessageBox::warning(nullptr, u"Galley"_qs, error);

    galley::MainWindow window(library);
    window.openInitialStory();
    window.show();
    // Text a crash left unsaved is offered back before anything else happens.
    QTimer::singleShot(0, &window, [&window] {
        window.offerRecovery();
        galley::startTestTypistFromEnvironment(window);
    });
    if (const QStringList files = parser.positionalArguments(); !files.isEmpty())
        window.reviewFiles(files);
    return QApplication::exec();
}
