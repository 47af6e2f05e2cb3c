// The window with a reporter signed in to a newsroom library (issue 10): the status control offers
// only what a reporter may choose, Delete is off, and when a move the server refuses is saved anyway
// the server's plain sentence reaches the window. PostgreSQL only (tst_rolewindow_postgresql).

#include "guitestsupport.h"
#include "mainwindow.h"
#include "storage/storylibrary.h"
#include "testbackend.h"

#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardItemModel>
#include <QTemporaryDir>
#include <QTest>

using namespace galley;

namespace {

const QString Ria = u"roles_ria"_qs; // a reporter no other test uses

bool itemEnabled(QComboBox *combo, StoryStatus status) {
    auto *model = qobject_cast<QStandardItemModel *>(combo->model());
    return model->item(combo->findData(static_cast<int>(status)))->isEnabled();
}

} // namespace

class TestRoleWindow final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void reporterWindow();

private:
    QTemporaryDir m_dir;
};

void TestRoleWindow::reporterWindow() {
    if (!testbackend::onServer())
        QSKIP("needs the PostgreSQL test server");
    testsupport::useTestSettings(m_dir);
    const QString location = testbackend::newLibrary(m_dir);
    QString error;
    {
        StoryLibrary admin;
        QVERIFY2(admin.open(location, &error), qPrintable(error));
        QSqlQuery query(QSqlDatabase::database(admin.connectionNameForTesting()));
        QVERIFY2(query.exec(u"DO $$ BEGIN CREATE ROLE %1 LOGIN; EXCEPTION WHEN duplicate_object OR unique_violation "
                            u"THEN NULL; END $$"_qs.arg(Ria)),
                 qPrintable(query.lastError().text()));
        QVERIFY2(admin.setUpRoles(&error), qPrintable(error));
        QVERIFY2(admin.setRoleMember(Ria, LibraryRole::Reporter, true, &error), qPrintable(error));
    }
    QString address = location;
    address.replace(u"postgresql://galley@"_qs, u"postgresql://"_qs + Ria + u'@');
    StoryLibrary library;
    QVERIFY2(library.open(address, &error), qPrintable(error));
    Story story = Story::create();
    story.headline = u"Tide tables printed wrong"_qs;
    QVERIFY2(library.save(story, &error), qPrintable(error));

    MainWindow window(library);
    window.setAutosaveDelaysForTesting(50, 1000);
    window.openInitialStory();
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.currentStoryId(), story.id);

    auto *status = testsupport::requireChild<QComboBox>(&window, u"statusCombo"_qs);
    QVERIFY(itemEnabled(status, StoryStatus::Draft));
    QVERIFY(itemEnabled(status, StoryStatus::CopyEdit));
    QVERIFY(!itemEnabled(status, StoryStatus::Ready));
    QVERIFY(!itemEnabled(status, StoryStatus::Published));
    QVERIFY(!testsupport::requireChild<QAction>(&window, u"deleteStoryAction"_qs)->isEnabled());
    QVERIFY(!testsupport::requireChild<QPushButton>(&window, u"deleteStoryButton"_qs)->isEnabled());

    // Her own draft: she may share it with the desk, and the server then says so.
    auto *share = testsupport::requireChild<QAction>(&window, u"shareWithDeskAction"_qs);
    QVERIFY(share->isVisible());
    QVERIFY(share->isEnabled());
    QVERIFY(!share->isChecked());
    share->trigger();
    QVERIFY(share->isChecked());
    QCOMPARE(library.ownership(story.id, &error)->sharedWithDesk, true);
    share->trigger();
    QCOMPARE(library.ownership(story.id, &error)->sharedWithDesk, false);
    if (!qEnvironmentVariableIsEmpty("GALLEY_SCREENSHOT_MENU")) { // to look at: the File menu with the action
        auto *fileMenu = window.menuBar()->actions().first()->menu();
        fileMenu->popup(window.mapToGlobal(QPoint(0, window.menuBar()->height())));
        QTest::qWait(200);
        fileMenu->grab().save(qEnvironmentVariable("GALLEY_SCREENSHOT_MENU"));
        fileMenu->hide();
    }

    // Another reporter's draft: not hers to share.
    Story theirs = Story::create();
    theirs.headline = u"Lighthouse keeper retires"_qs;
    {
        StoryLibrary admin;
        QVERIFY2(admin.open(location, &error), qPrintable(error));
        QVERIFY2(admin.save(theirs, &error), qPrintable(error));
        QSqlQuery owner(QSqlDatabase::database(admin.connectionNameForTesting()));
        QVERIFY2(owner.exec(u"UPDATE stories SET owner = 'roles_someone_else' WHERE id = '%1'"_qs.arg(theirs.id)),
                 qPrintable(owner.lastError().text()));
    }
    QVERIFY(window.openStory(theirs.id));
    QVERIFY(share->isVisible());
    QVERIFY(!share->isEnabled());
    QCOMPARE(share->toolTip(), u"Only roles_someone_else, an editor or a producer can share this draft."_qs);
    QVERIFY(window.openStory(story.id));

    // As if the control had offered Ready: the server refuses, and says why.
    status->setCurrentIndex(status->findData(static_cast<int>(StoryStatus::Ready)));
    auto *notSaved = testsupport::requireChild<QLabel>(&window, u"notSavedLabel"_qs);
    QTRY_VERIFY(notSaved->isVisible());
    QCOMPARE(notSaved->toolTip(),
             u"Only editors can move a story to Ready; you are signed in to the newsroom as roles_ria (reporter)."_qs);
    QCOMPARE(library.load(story.id, &error)->status, StoryStatus::Draft);

    window.grab().save(m_dir.filePath(u"reporter-window.png"_qs));
    if (!qEnvironmentVariableIsEmpty("GALLEY_SCREENSHOT"))
        window.grab().save(qEnvironmentVariable("GALLEY_SCREENSHOT"));
}

int main(int argc, char **argv) {
    return galley::testsupport::runGuiTest<TestRoleWindow>(argc, argv, u"tst_rolewindow"_qs);
}
#include "tst_rolewindow.moc"
