// The editor window's side of recovery: typing keeps a journal until the story saves, autosave
// during continuous typing, and what the window offers at start for good and bad journals.
// Set GALLEY_RECOVERY_SCREENSHOT=/path.png to keep a picture of the recovery dialog.

#include "bodyeditor.h"
#include "guitestsupport.h"
#include "mainwindow.h"
#include "recovery/journalkeeper.h"
#include "recovery/recoveryscan.h"
#include "recoverydialog.h"
#include "recoverytestdata.h"
#include "settings.h"
#include "storage/storylibrary.h"
#include "storyeditor.h"

#include <QAbstractButton>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTimer>

#include <memory>

using namespace galley;
using namespace galley::recoverytest;

namespace {

QString bodyText(const Story &story) {
    QStringList lines;
    for (const auto &block : story.body)
        lines.append(block.plainText());
    return lines.join(u'\n');
}

QByteArray readAll(const QString &path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Presses the button named @p name in the recovery dialog as soon as it is up.
void answerRecoveryDialog(QTimer &timer, QObject *context, const QString &name, int *seen) {
    QObject::connect(&timer, &QTimer::timeout, context, [name, seen] {
        auto *dialog = qobject_cast<RecoveryDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        ++*seen;
        if (name.isEmpty())
            dialog->reject();
        else if (auto *button = dialog->findChild<QAbstractButton *>(name))
            button->click();
    });
    timer.start(50);
}

} // namespace

class TestRecoveryWindow final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        testsupport::useTestSettings(m_dir);
    }

    void init() {
        m_library = std::make_unique<StoryLibrary>();
        QString error;
        QVERIFY2(m_library->open(m_dir.filePath(u"library-%1.sqlite"_qs.arg(++m_count)), &error),
                 qPrintable(error));
        m_saved = savedStory();
        QVERIFY2(m_library->save(m_saved, &error), qPrintable(error));
        m_window = std::make_unique<MainWindow>(*m_library);
        m_window->openInitialStory();
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        m_store = std::make_unique<RecoveryStore>(m_window->journalKeeper()->store());
        QCOMPARE(m_store->folder(), m_dir.filePath(u"recovery"_qs));
    }

    void cleanup() {
        m_window.reset();
        m_library.reset();
        QDir(m_store->folder()).removeRecursively();
        m_store.reset();
    }

    void typingKeepsAJournalUntilSaved() {
        const QString path = m_window->journalKeeper()->journalPath();
        QVERIFY(!path.isEmpty());
        QVERIFY(!QFile::exists(path));
        BodyEditor *body = m_window->storyEditor()->bodyEditor();
        body->setFocus();
        body->moveCursor(QTextCursor::End);
        QElapsedTimer clock;
        clock.start();
        QTest::keyClicks(body, u" Talks resume."_qs);
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(path), 3000);
        QVERIFY2(clock.elapsed() < 2000, qPrintable(QString::number(clock.elapsed())));
        m_window->journalKeeper()->waitUntilWritten();
        const JournalReadResult read = decodeJournal(readAll(path));
        QCOMPARE(read.status, JournalReadResult::Status::Ok);
        QCOMPARE(bodyText(read.journal.story), FirstParagraph + u" Talks resume."_qs);
        QCOMPARE(read.journal.libraryPath, canonicalLibraryPath(m_library->path()));
        QCOMPARE(read.journal.savedAt, m_saved.updated);

        QTest::keyClick(m_window.get(), Qt::Key_S, Qt::ControlModifier);
        QVERIFY(!m_window->hasUnsavedChanges());
        m_window->journalKeeper()->waitUntilWritten();
        QVERIFY(!QFile::exists(path));
    }

    void autosaveDuringContinuousTyping() {
        m_window->setAutosaveDelaysForTesting(3000, 1500);
        BodyEditor *body = m_window->storyEditor()->bodyEditor();
        body->setFocus();
        body->moveCursor(QTextCursor::End);
        QElapsedTimer clock;
        clock.start();
        qint64 savedAfter = -1;
        QString error;
        // A key every 100 ms for 3 s: never the 3-second pause the old autosave waited for.
        const QString typed = u" Talks resume on Tuesday at the town hall."_qs;
        for (int i = 0; clock.elapsed() < 3000; ++i) {
            QTest::keyClick(body, typed.at(i % typed.size()).toLatin1());
            QTest::qWait(100);
            if (savedAfter < 0 && m_library->load(m_saved.id, &error)->updated != m_saved.updated)
                savedAfter = clock.elapsed();
        }
        QVERIFY2(savedAfter >= 1400 && savedAfter < 2500, qPrintable(QString::number(savedAfter)));
    }

    void restoreAtStart() {
        writeJournal(*m_store,
                     journalOf(typedStory(m_saved), m_saved, m_library->path(), m_saved.updated.addSecs(1)),
                     m_saved);
        QTimer answer;
        int dialogs = 0;
        answerRecoveryDialog(answer, this, u"restoreButton"_qs, &dialogs);
        m_window->offerRecovery();
        QCOMPARE(dialogs, 1);
        QString error;
        QCOMPARE(bodyText(*m_library->load(m_saved.id, &error)), FirstParagraph + u'\n' + TypedParagraph);
        QCOMPARE(bodyText(m_window->storyEditor()->story()), FirstParagraph + u'\n' + TypedParagraph);
        QVERIFY(!m_window->hasUnsavedChanges());
        const QString message = m_window->statusBar()->currentMessage();
        QVERIFY2(message.startsWith(
                     u"Restored ‘Harbour ferry strike…’. The version saved before is kept in %1/"_qs.arg(
                         QDir::toNativeSeparators(m_store->replacedFolder()))),
                 qPrintable(message));
        QCOMPARE(m_store->journalFiles(), QStringList());
        // Typing on goes on being journaled and saved as usual.
        QTest::keyClicks(m_window->storyEditor()->bodyEditor(), u"x"_qs);
        QVERIFY(m_window->hasUnsavedChanges());
    }

    void discardAtStart() {
        writeJournal(*m_store,
                     journalOf(typedStory(m_saved), m_saved, m_library->path(), m_saved.updated.addSecs(1)),
                     m_saved);
        QTimer answer;
        int dialogs = 0;
        answerRecoveryDialog(answer, this, u"discardButton"_qs, &dialogs);
        m_window->offerRecovery();
        QCOMPARE(dialogs, 1);
        QString error;
        QCOMPARE(bodyText(*m_library->load(m_saved.id, &error)), FirstParagraph);
        QCOMPARE(m_store->journalFiles(), QStringList());
        QCOMPARE(QDir(m_store->discardedFolder()).entryList(QDir::Files).size(), 1);
    }

    void closingTheDialogAsksAgainNextTime() {
        const QString path = writeJournal(
            *m_store, journalOf(typedStory(m_saved), m_saved, m_library->path(), m_saved.updated.addSecs(1)),
            m_saved);
        QTimer answer;
        int dialogs = 0;
        answerRecoveryDialog(answer, this, QString(), &dialogs);
        m_window->offerRecovery();
        QCOMPARE(dialogs, 1);
        QVERIFY(QFile::exists(path));
        m_window->offerRecovery();
        QCOMPARE(dialogs, 2);
    }

    void badJournalsAreToldWithoutBlocking() {
        // Damaged, and from another library: one message, and the window is free at once.
        const QString damaged = writeJournal(
            *m_store, journalOf(typedStory(m_saved), m_saved, m_library->path(), m_saved.updated.addSecs(1)),
            m_saved);
        QFile file(damaged);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write("GALLEY-RECOVERY 1\n999 ");
        file.close();
        Story elsewhere = savedStory();
        writeJournal(*m_store,
                     journalOf(elsewhere, Story(), u"/srv/other-desk/library.sqlite"_qs,
                               QDateTime::currentDateTimeUtc()),
                     Story());
        QElapsedTimer clock;
        clock.start();
        m_window->offerRecovery();
        QVERIFY(clock.elapsed() < 2000);
        QCOMPARE(QApplication::activeModalWidget(), nullptr);
        auto *notice = m_window->findChild<QMessageBox *>(u"recoveryNotice"_qs);
        QVERIFY(notice);
        QVERIFY(notice->isVisible());
        QVERIFY(!notice->isModal());
        QCOMPARE(
            notice->text(),
            u"Unsaved text of ‘Harbour ferry strike…’ belongs to the library %1, which is no longer there. "
            u"It stays in %2 in case that library comes back.\n\n"
            u"A recovery file (%3) is cut off, so Galley cannot tell what it held. The file is cut off in "
            u"its header. It was set aside in %4, where it is kept for 7 days."_qs.arg(
                QDir::toNativeSeparators(u"/srv/other-desk/library.sqlite"_qs),
                QDir::toNativeSeparators(m_store->folder()), QFileInfo(damaged).fileName(),
                QDir::toNativeSeparators(m_store->discardedFolder())));
        notice->close();
        // The story on screen is untouched and can be typed in.
        QCOMPARE(bodyText(m_window->storyEditor()->story()), FirstParagraph);
    }

    void recoveryFolderSetting() {
        QCOMPARE(Settings::keyName(Settings::Key::RecoveryFolder), u"recovery/folder"_qs);
        Settings settings;
        QCOMPARE(settings.value(Settings::Key::RecoveryFolder).toString(), m_dir.filePath(u"recovery"_qs));
        QSettings().remove(u"recovery/folder"_qs);
        QCOMPARE(settings.value(Settings::Key::RecoveryFolder).toString(), RecoveryStore::defaultFolder());
        settings.setValue(Settings::Key::RecoveryFolder, m_dir.filePath(u"recovery"_qs));
    }

    void dialogReadsAtAGlance() {
        // The example: 62 words typed into ‘Harbour ferry strike…’ since its last save.
        Story typed = m_saved;
        typed.body.append(Block::make(
            BlockKind::Paragraph,
            u"Council officers met union leaders again on Sunday, without result, officials said. The union "
            u"wants the night crossings staffed by two deckhands instead of one, and says the harbour board "
            u"has known about the problem since the spring. Commuters queued for buses along the coast road "
            u"from six in the morning; the first ferry is not expected to sail again before Thursday."_qs));
        writeJournal(*m_store, journalOf(typed, m_saved, m_library->path(), m_saved.updated.addSecs(95)),
                     m_saved);
        const RecoveryCase recovery = findRecoveries(*m_store, *m_library).value(0);
        QCOMPARE(recovery.diff.wordsAdded, 62);
        RecoveryDialog dialog(recovery, recovery.journal.written.addSecs(300), m_window.get());
        QCOMPARE(dialog.findChild<QLabel *>(u"recoveryQuestion"_qs)->text(),
                 u"Galley closed before 62 words of ‘Harbour ferry strike…’ were saved. Restore them?"_qs);
        QVERIFY(!dialog.findChild<QTextBrowser *>(u"recoveryDifferences"_qs)->isVisibleTo(&dialog));
        auto *differences = dialog.findChild<QAbstractButton *>(u"differencesButton"_qs);
        QCOMPARE(differences->text(), u"&Show differences"_qs);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        const QImage closed = dialog.grab().toImage();
        differences->click();
        QVERIFY(dialog.findChild<QTextBrowser *>(u"recoveryDifferences"_qs)->isVisible());
        QCOMPARE(differences->text(), u"&Hide differences"_qs);
        QVERIFY(dialog.findChild<QTextBrowser *>(u"recoveryDifferences"_qs)
                    ->toPlainText()
                    .contains(u"deckhands"_qs));
        QTest::qWait(50);
        const QImage open = dialog.grab().toImage();
        QVERIFY(open.height() > closed.height());
        const QString shot = qEnvironmentVariable("GALLEY_RECOVERY_SCREENSHOT");
        if (!shot.isEmpty()) {
            QVERIFY(closed.save(shot));
            QVERIFY(open.save(QFileInfo(shot).path() + u'/' + QFileInfo(shot).completeBaseName() +
                              u"-differences.png"_qs));
        }
    }

private:
    QTemporaryDir m_dir;
    int m_count = 0;
    std::unique_ptr<StoryLibrary> m_library;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<RecoveryStore> m_store;
    Story m_saved;
};

int main(int argc, char **argv) {
    return testsupport::runGuiTest<TestRecoveryWindow>(argc, argv, u"tst_recoverywindow"_qs);
}
#include "tst_recoverywindow.moc"
