// Edit locks in the window (issue 10), with two desks' windows on one library file: a story another
// desk edits opens read-only under the lock bar; the bar offers Edit now when the lock frees; Take
// over keeps the holder's last text as a revision and turns the holder's window read-only, its
// text kept on screen and in its recovery journal. Set GALLEY_SCREENSHOT=/path.png to write a
// picture of the read-only window.

#include "conflict/conflictdialog.h"
#include "guitestsupport.h"
#include "locks/lockbar.h"
#include "mainwindow.h"
#include "recovery/journalkeeper.h"
#include "settings.h"
#include "storage/storylibrary.h"
#include "storyeditor.h"
#include "wrappinglineedit.h"

#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QTextBrowser>
#include <QTimer>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace galley;

namespace {

bool failEverySave(StoryLibrary::SaveStep) {
    return false;
}

} // namespace

class TestEditLockWindow final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        testsupport::useTestSettings(m_dir);
    }

    void init() {
        const QString path = m_dir.filePath(u"library-%1.sqlite"_qs.arg(++m_count));
        QString error;
        QVERIFY2(m_anaLibrary.open(path, &error), qPrintable(error));
        QVERIFY2(m_benLibrary.open(path, &error), qPrintable(error));
        Story story = Story::create();
        story.headline = u"Ferry timetable changes"_qs;
        QVERIFY2(m_anaLibrary.save(story, &error), qPrintable(error));
        m_storyId = story.id;
        // Ana's window opens the story first and holds it.
        signInAs(u"Ana Ruiz"_qs, u"Sport desk"_qs);
        m_ana = std::make_unique<MainWindow>(m_anaLibrary);
        QVERIFY(m_ana->openStory(m_storyId));
        QVERIFY(!m_ana->isReadOnly());
        signInAs(u"Ben Ode"_qs, {});
        m_ben = std::make_unique<MainWindow>(m_benLibrary);
        QVERIFY(m_ben->openStory(m_storyId));
    }

    void cleanup() {
        StoryLibrary::setSaveHookForTesting(nullptr);
        m_ben.reset();
        m_ana.reset();
        m_benLibrary.close();
        m_anaLibrary.close();
    }

    void anotherDeskReadsUntilTheLockFrees() {
        QString error;
        const std::optional<EditLock> lock = m_benLibrary.editLock(m_storyId, &error);
        QVERIFY(lock);
        QCOMPARE(lock->holder, u"Ana Ruiz (Sport desk)"_qs);
        const QString since = lock->since.toLocalTime().toString(u"HH:mm"_qs);

        QVERIFY(m_ben->isReadOnly());
        QVERIFY(!m_ben->lockBar()->isHidden());
        QCOMPARE(barText(*m_ben), u"Being edited by Ana Ruiz (Sport desk) since %1. You can read it; it opens for "
                                  u"editing when they close it."_qs.arg(since));
        QCOMPARE(barButton(*m_ben)->text(), u"Take over"_qs);
        QVERIFY(m_ana->lockBar()->isHidden());

        // Nothing typed in the read-only window changes the story.
        auto *headline = testsupport::requireChild<WrappingLineEdit>(m_ben.get(), u"headlineEdit"_qs);
        m_ben->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_ben.get()));
        testsupport::typeAtEnd(headline, u" tomorrow"_qs);
        QCOMPARE(m_ben->storyEditor()->story().headline, u"Ferry timetable changes"_qs);
        QVERIFY(!m_ben->hasUnsavedChanges());
        QVERIFY(!testsupport::requireChild<QWidget>(m_ben.get(), u"statusCombo"_qs)->isEnabled());
        screenshot(*m_ben);

        // Ana closes her window: Ben's bar says so at its next look and offers Edit now.
        m_ana->close();
        m_ben->checkEditLock();
        QCOMPARE(barText(*m_ben), u"Ana Ruiz (Sport desk) has closed the story: you can edit it now."_qs);
        QCOMPARE(barButton(*m_ben)->text(), u"Edit now"_qs);
        QTest::mouseClick(barButton(*m_ben), Qt::LeftButton);
        QVERIFY(!m_ben->isReadOnly());
        QVERIFY(m_ben->lockBar()->isHidden());
        QVERIFY(testsupport::requireChild<QWidget>(m_ben.get(), u"statusCombo"_qs)->isEnabled());
        QCOMPARE(m_benLibrary.editLock(m_storyId, &error)->holder, u"Ben Ode"_qs);
        testsupport::typeAtEnd(headline, u" tomorrow"_qs);
        QCOMPARE(m_ben->storyEditor()->story().headline, u"Ferry timetable changes tomorrow"_qs);
        QVERIFY(m_ben->saveStory());
        QCOMPARE(m_benLibrary.load(m_storyId, &error)->headline, u"Ferry timetable changes tomorrow"_qs);
    }

    // Ana's autosave could not save (the library refused) but her text went up with the lock; Ben
    // takes over: her text becomes a revision and his story, and her window turns read-only.
    void takeOverKeepsTheHoldersText() {
        auto *anaHeadline = testsupport::requireChild<WrappingLineEdit>(m_ana.get(), u"headlineEdit"_qs);
        m_ana->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_ana.get()));
        testsupport::typeAtEnd(anaHeadline, u" from Monday"_qs);
        QVERIFY(m_ana->hasUnsavedChanges());
        StoryLibrary::setSaveHookForTesting(failEverySave);
        QVERIFY(!m_ana->saveStory(true));
        StoryLibrary::setSaveHookForTesting(nullptr);
        testsupport::typeAtEnd(anaHeadline, u" on"_qs); // after the last autosave pause

        signInAs(u"Ben Ode"_qs, {});
        QTest::mouseClick(barButton(*m_ben), Qt::LeftButton);
        QVERIFY(!m_ben->isReadOnly());
        QVERIFY(m_ben->lockBar()->isHidden());
        QCOMPARE(m_ben->storyEditor()->story().headline, u"Ferry timetable changes from Monday"_qs);
        QString error;
        const QList<RevisionInfo> revisions = m_benLibrary.revisions(m_storyId, &error);
        QCOMPARE(revisions.size(), 2);
        QCOMPARE(revisions.first().kind, RevisionKind::TakeOver);
        QCOMPARE(revisions.first().author, u"Ana Ruiz (Sport desk)"_qs);
        QCOMPARE(revisions.first().summary, u"Ben Ode took over from Ana Ruiz (Sport desk); kept Ana Ruiz (Sport "
                                            u"desk)’s unsaved text: headline, slug"_qs);
        const std::optional<EditLock> lock = m_benLibrary.editLock(m_storyId, &error);
        QCOMPARE(lock->holder, u"Ben Ode"_qs);

        // Ana's window learns it at its next look, keeps her text on screen and in her journal.
        m_ana->checkEditLock();
        QVERIFY(m_ana->isReadOnly());
        QCOMPARE(barText(*m_ana), u"Ben Ode took over this story at %1; your text is kept as a revision."_qs.arg(
                                      lock->since.toLocalTime().toString(u"HH:mm"_qs)));
        QCOMPARE(m_ana->storyEditor()->story().headline, u"Ferry timetable changes from Monday on"_qs);
        QVERIFY(!m_ana->hasUnsavedChanges());
        m_ana->journalKeeper()->waitUntilWritten();
        QVERIFY(QFile::exists(m_ana->journalKeeper()->journalPath()));
        // Ctrl+S there has nothing to save: the story stays as Ben has it.
        m_ana->saveStory(true);
        QCOMPARE(m_benLibrary.load(m_storyId, &error)->headline, u"Ferry timetable changes from Monday"_qs);
    }

    // Without a lock check in between, the holder's next save is what finds the lock gone.
    void theHoldersNextSaveFindsItTaken() {
        auto *anaHeadline = testsupport::requireChild<WrappingLineEdit>(m_ana.get(), u"headlineEdit"_qs);
        m_ana->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_ana.get()));
        QTest::mouseClick(barButton(*m_ben), Qt::LeftButton);
        QVERIFY(!m_ben->isReadOnly());
        testsupport::typeAtEnd(anaHeadline, u" again"_qs);
        QVERIFY(!m_ana->saveStory(true));
        QVERIFY(m_ana->isReadOnly());
        QVERIFY2(barText(*m_ana).startsWith(u"Ben Ode took over this story at "_qs), qPrintable(barText(*m_ana)));
        QString error;
        QCOMPARE(m_benLibrary.load(m_storyId, &error)->headline, u"Ferry timetable changes"_qs);
        QCOMPARE(m_benLibrary.revisions(m_storyId, &error).first().summary,
                 u"Ben Ode took over from Ana Ruiz (Sport desk)"_qs);
    }

    // A save refused because the story was saved elsewhere (here straight into the library, as the
    // command line does, lock or not) shows their changes and merges them into the user's text.
    void savedElsewhereMergesOrKeepsMine() {
        QString error;
        Story theirs = *m_benLibrary.load(m_storyId, &error);
        theirs.deck = u"Winter sailings start in November"_qs;
        QVERIFY2(m_benLibrary.save(theirs, &error), qPrintable(error));

        auto *anaHeadline = testsupport::requireChild<WrappingLineEdit>(m_ana.get(), u"headlineEdit"_qs);
        m_ana->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_ana.get()));
        testsupport::typeAtEnd(anaHeadline, u" again"_qs);
        QString diff;
        answerConflict(u"conflictMerge"_qs, &diff);
        QVERIFY(!m_ana->saveStory(true));
        QTRY_VERIFY(!m_ana->hasUnsavedChanges());
        QCOMPARE(diff, u"Deck\nWinter sailings start in November"_qs);
        std::optional<Story> stored = m_benLibrary.load(m_storyId, &error);
        QCOMPARE(stored->headline, u"Ferry timetable changes again"_qs);
        QCOMPARE(stored->deck, u"Winter sailings start in November"_qs);
        QCOMPARE(m_ana->storyEditor()->story().deck, u"Winter sailings start in November"_qs);

        // Both change the headline: Keep mine saves Ana's over Ben's, whose stays in the history.
        theirs = *stored;
        theirs.headline = u"Ferry timetable changes twice"_qs;
        QVERIFY2(m_benLibrary.save(theirs, &error), qPrintable(error));
        testsupport::typeAtEnd(anaHeadline, u" and again"_qs);
        answerConflict(u"conflictKeepMine"_qs, nullptr);
        QVERIFY(!m_ana->saveStory(true));
        QTRY_VERIFY(!m_ana->hasUnsavedChanges());
        stored = m_benLibrary.load(m_storyId, &error);
        QCOMPARE(stored->headline, u"Ferry timetable changes again and again"_qs);
        QCOMPARE(stored->deck, u"Winter sailings start in November"_qs);
        const QList<RevisionInfo> revisions = m_benLibrary.revisions(m_storyId, &error);
        const std::optional<Story> bens = m_benLibrary.loadRevision(m_storyId, revisions.at(1).number, &error);
        QCOMPARE(bens->headline, u"Ferry timetable changes twice"_qs);
    }

private:
    /// Clicks @p button of the ConflictDialog when it comes up, first copying its diff's text.
    void answerConflict(const QString &button, QString *diffText) {
        auto *timer = new QTimer(this);
        timer->setInterval(50);
        connect(timer, &QTimer::timeout, this, [timer, button, diffText] {
            auto *dialog = qobject_cast<ConflictDialog *>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            timer->stop();
            timer->deleteLater();
            if (diffText)
                *diffText = testsupport::requireChild<QTextBrowser>(dialog, u"conflictDiff"_qs)->toPlainText();
            testsupport::requireChild<QPushButton>(dialog, button)->click();
        });
        timer->start();
    }

    void signInAs(const QString &name, const QString &desk) {
        Settings settings;
        settings.setValue(Settings::Key::UserName, name);
        settings.setValue(Settings::Key::DeskName, desk);
    }

    static QString barText(const MainWindow &window) {
        return testsupport::requireChild<QLabel>(window.lockBar(), u"lockBarText"_qs)->text();
    }

    static QPushButton *barButton(const MainWindow &window) {
        return testsupport::requireChild<QPushButton>(window.lockBar(), u"lockBarButton"_qs);
    }

    static void screenshot(MainWindow &window) {
        const QString path = qEnvironmentVariable("GALLEY_SCREENSHOT");
        if (!path.isEmpty())
            window.grab().save(path);
    }

    QTemporaryDir m_dir;
    int m_count = 0;
    StoryLibrary m_anaLibrary;
    StoryLibrary m_benLibrary;
    QString m_storyId;
    std::unique_ptr<MainWindow> m_ana;
    std::unique_ptr<MainWindow> m_ben;
};

int main(int argc, char **argv) {
    return galley::testsupport::runGuiTest<TestEditLockWindow>(argc, argv, u"tst_editlockwindow"_qs);
}

#include "tst_editlockwindow.moc"
