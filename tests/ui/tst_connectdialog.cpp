// File › Connect to newsroom… and Open local library (issue 10): the address is checked before
// anything connects (a password is refused, pointing to ~/.pgpass), a refusal stays in the dialog
// as a sentence with the address kept, recent addresses are remembered (never a failed one), and
// the window opens another library in place of its own. Set GALLEY_SCREENSHOT=/path.png to write
// a picture of the dialog.

#include "connect/connectdialog.h"
#include "guitestsupport.h"
#include "mainwindow.h"
#include "settings.h"
#include "storage/storylibrary.h"
#include "storyeditor.h"
#include "storylistpanel.h"

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QLineEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace galley;

class TestConnectDialog final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        testsupport::useTestSettings(m_dir);
    }

    void init() { Settings().setValue(Settings::Key::RecentLibraries, QStringList()); }

    void passwordRefusedBeforeConnecting() {
        QStringList opened;
        ConnectDialog dialog([&opened](const QString &address, QString *) {
            opened.append(address);
            return true;
        });
        dialog.setAddress(u"postgresql://ana:harbour@db.example/newsroom"_qs);
        testsupport::requireChild<QPushButton>(&dialog, u"connectButton"_qs)->click();
        QCOMPARE(opened, QStringList());
        QCOMPARE(dialog.errorText(),
                 u"“postgresql://ana:harbour@db.example/newsroom” is not a library address Galley can use: it holds "
                 u"a password. Give the address without it and put the password in ~/.pgpass (or the PGPASSWORD "
                 u"environment variable), so it is never stored in Galley's settings."_qs);
        QCOMPARE(Settings().value(Settings::Key::RecentLibraries).toStringList(), QStringList());

        dialog.setAddress(u"/home/ana/library.sqlite"_qs);
        dialog.connectToLibrary();
        QCOMPARE(dialog.errorText(), u"“/home/ana/library.sqlite” is not a server address: it starts with "
                                     u"postgresql://. To open a library file, use File › Open local library…."_qs);
        QCOMPARE(opened, QStringList());
    }

    void refusalStaysInTheDialog() {
        ConnectDialog dialog([](const QString &, QString *error) {
            *error = u"The server at db.example cannot be reached."_qs;
            return false;
        });
        dialog.setAddress(u"postgresql://ana@db.example/newsroom"_qs);
        dialog.connectToLibrary();
        QCOMPARE(dialog.errorText(), u"The server at db.example cannot be reached."_qs);
        QCOMPARE(dialog.address(), u"postgresql://ana@db.example/newsroom"_qs);
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        QCOMPARE(Settings().value(Settings::Key::RecentLibraries).toStringList(), QStringList());
    }

    void recentAddressesRemembered() {
        const auto connectTo = [](const QString &address) {
            ConnectDialog dialog([](const QString &, QString *) { return true; });
            dialog.setAddress(address);
            dialog.connectToLibrary();
            QCOMPARE(dialog.errorText(), QString());
            QCOMPARE(dialog.result(), int(QDialog::Accepted));
        };
        connectTo(u"postgresql://ana@db.example/newsroom"_qs);
        connectTo(u"postgresql://ana@/sport?host=/run/postgresql"_qs);
        connectTo(u"postgresql://ana@db.example/newsroom"_qs);
        QCOMPARE(Settings().value(Settings::Key::RecentLibraries).toStringList(),
                 (QStringList{u"postgresql://ana@db.example/newsroom"_qs, u"postgresql://ana@/sport?host=/run/postgresql"_qs}));
        ConnectDialog next([](const QString &, QString *) { return true; });
        auto *combo = testsupport::requireChild<QComboBox>(&next, u"connectAddress"_qs);
        QCOMPARE(combo->count(), 2);
        QCOMPARE(next.address(), u"postgresql://ana@db.example/newsroom"_qs);
        screenshot(next);
    }

    // The window's File › Connect to newsroom…, on a server that is not there: the sentence says
    // so and the window keeps its library; then a library file opened in its place.
    void windowOpensAnotherLibrary() {
        StoryLibrary library;
        QString error;
        QVERIFY2(library.open(m_dir.filePath(u"desk.sqlite"_qs), &error), qPrintable(error));
        Story mine = Story::create();
        mine.headline = u"Tide tables for the week"_qs;
        QVERIFY2(library.save(mine, &error), qPrintable(error));
        {
            StoryLibrary other;
            QVERIFY2(other.open(m_dir.filePath(u"other.sqlite"_qs), &error), qPrintable(error));
            Story theirs = Story::create();
            theirs.headline = u"Lighthouse keeper retires"_qs;
            QVERIFY2(other.save(theirs, &error), qPrintable(error));
        }
        MainWindow window(library);
        window.openInitialStory();
        QCOMPARE(window.storyEditor()->story().headline, u"Tide tables for the week"_qs);

        QString shown;
        QTimer timer;
        timer.setInterval(50);
        connect(&timer, &QTimer::timeout, this, [&timer, &shown] {
            auto *dialog = qobject_cast<ConnectDialog *>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            timer.stop();
            dialog->setAddress(u"postgresql://ana@/newsroom?host=%1&connect_timeout=2"_qs.arg(
                QDir::tempPath() + u"/galley-no-server-here"_qs));
            dialog->connectToLibrary();
            shown = dialog->errorText();
            dialog->reject();
        });
        timer.start();
        testsupport::requireChild<QAction>(&window, u"connectAction"_qs)->trigger();
        QVERIFY2(!shown.isEmpty(), "no sentence");
        QVERIFY2(shown.contains(u"server"_qs), qPrintable(shown));
        QCOMPARE(window.storyEditor()->story().headline, u"Tide tables for the week"_qs);
        QCOMPARE(library.path(), m_dir.filePath(u"desk.sqlite"_qs));

        QVERIFY2(window.openLibrary(m_dir.filePath(u"other.sqlite"_qs), &error), qPrintable(error));
        QCOMPARE(library.path(), m_dir.filePath(u"other.sqlite"_qs));
        QCOMPARE(window.storyEditor()->story().headline, u"Lighthouse keeper retires"_qs);
        QCOMPARE(window.storyList()->firstStoryId(), window.currentStoryId());

        // A path that is not a library: refused, and the window keeps the one it has.
        QVERIFY(!window.openLibrary(m_dir.path(), &error));
        QVERIFY(!error.isEmpty());
        QCOMPARE(library.path(), m_dir.filePath(u"other.sqlite"_qs));
        QCOMPARE(window.storyEditor()->story().headline, u"Lighthouse keeper retires"_qs);
    }

private:
    static void screenshot(QWidget &widget) {
        const QString path = qEnvironmentVariable("GALLEY_SCREENSHOT");
        if (path.isEmpty())
            return;
        widget.show();
        QVERIFY(QTest::qWaitForWindowExposed(&widget));
        widget.grab().save(path);
    }

    QTemporaryDir m_dir;
};

int main(int argc, char **argv) {
    return galley::testsupport::runGuiTest<TestConnectDialog>(argc, argv, u"tst_connectdialog"_qs);
}

#include "tst_connectdialog.moc"
