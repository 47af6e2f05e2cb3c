// Drives the editor window the way a copy editor works real copy: nested lists with Tab, tables
// typed cell by cell, struck and raised text and section breaks by their shortcuts, the Metadata
// tab (slugline, language, embargo) and the Notes tab (a note, a reply, deleting one's own). Each
// step asserts the exact story, and what the library holds after the save.

#include "bodyeditor.h"
#include "guitestsupport.h"
#include "mainwindow.h"
#include "metadata/metadatapanel.h"
#include "notes/notespanel.h"
#include "storage/storylibrary.h"
#include "storyeditor.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QDockWidget>
#include <QTest>
#include <QTextBlock>
#include <QTextTable>
#include <QTimer>
#include <QToolButton>

#include <memory>

using namespace galley;

namespace {

InlineText plain(const QString &text) {
    return InlineText::plain(text);
}

Block withId(Block block, const QList<Block> &actual, qsizetype index) {
    block.id = index < actual.size() ? actual.at(index).id : QString();
    return block;
}

} // namespace

class TestStructuredEditing final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        testsupport::useTestSettings(m_dir);
    }

    void cleanup() {
        m_window.reset();
        m_library.reset();
    }

    void tabNestsTheListItemBeingTyped() {
        openWindow(Story::create());
        BodyEditor *body = m_window->storyEditor()->bodyEditor();
        testsupport::typeInto(body, u"Closures"_qs);
        action(u"bulletListAction"_qs)->trigger();
        QTest::keyClicks(body, u"\rLower car park\t"_qs);
        QCOMPARE(body->hasFocus(), true);
        QTest::keyClicks(body, u"\rBoat ramp\r\r"_qs);
        // The empty item went up a level; one more Enter would leave the list.
        QTest::keyClicks(body, u"Flood boards"_qs);
        const QList<Block> actual = story().body;
        Block list{QString(),
                   BlockKind::BulletList,
                   {plain(u"Closures"_qs), plain(u"Lower car park"_qs), plain(u"Boat ramp"_qs),
                    plain(u"Flood boards"_qs)}};
        list.items = {{0, false}, {1, false}, {1, false}, {0, false}};
        QCOMPARE(actual, QList<Block>{withId(list, actual, 0)});
        // Shift+Tab takes "Boat ramp" back to the top; a numbered sub-list letters its items.
        QTextCursor cursor(body->document()->findBlockByNumber(2));
        body->setTextCursor(cursor);
        QTest::keyClick(body, Qt::Key_Backtab, Qt::ShiftModifier);
        list.items[2] = {0, false};
        QCOMPARE(story().body, QList<Block>{withId(list, actual, 0)});
        saveAndCompare();
    }

    void tableTypedCellByCell() {
        openWindow(Story::create());
        BodyEditor *body = m_window->storyEditor()->bodyEditor();
        testsupport::typeInto(body, u"Turnout by ward."_qs);
        QTimer dialogs;
        int seen = 0;
        testsupport::acceptModalDialogs(dialogs, this, &seen);
        QTest::keyClick(body, Qt::Key_T, Qt::ControlModifier | Qt::ShiftModifier);
        dialogs.stop();
        QCOMPARE(seen, 1);
        QVERIFY(body->textCursor().currentTable());
        // Tab goes from cell to cell and, from the last one, into a new row.
        QTest::keyClicks(body, u"Ward\tTurnout\tNorth\t41%\tSouth\t38%\tTotal"_qs);
        QTest::keyClick(body, Qt::Key_Return); // down a row: out of the table from the last one
        QTest::keyClicks(body, u"Figures from the count."_qs);
        const QList<Block> actual = story().body;
        Block table{QString(), BlockKind::Table};
        table.headerRow = true;
        table.rows = {{plain(u"Ward"_qs), plain(u"Turnout"_qs)},
                      {plain(u"North"_qs), plain(u"41%"_qs)},
                      {plain(u"South"_qs), plain(u"38%"_qs)},
                      {plain(u"Total"_qs), InlineText()}};
        QCOMPARE(
            actual,
            (QList<Block>{
                withId(Block{QString(), BlockKind::Paragraph, {plain(u"Turnout by ward."_qs)}}, actual, 0),
                withId(table, actual, 1),
                withId(Block{QString(), BlockKind::Paragraph, {plain(u"Figures from the count."_qs)}}, actual,
                       2)}));
        QCOMPARE(m_window->storyEditor()->wordCount(), story().wordCount());
        saveAndCompare();
        // Deleting the table leaves the two paragraphs as they were.
        body->setTextCursor(QTextCursor(body->document()->findBlockByNumber(2)));
        action(u"deleteTableAction"_qs)->trigger();
        QCOMPARE(story().body, (QList<Block>{actual[0], actual[2]}));
    }

    void strikeRaiseLowerAndBreakByShortcut() {
        openWindow(Story::create());
        BodyEditor *body = m_window->storyEditor()->bodyEditor();
        testsupport::typeInto(body, u"CO2 rose on the 4th, not the 3rd"_qs);
        const auto select = [&](int from, int to) {
            QTextCursor cursor(body->document());
            cursor.setPosition(from);
            cursor.setPosition(to, QTextCursor::KeepAnchor);
            body->setTextCursor(cursor);
        };
        select(2, 3);
        QTest::keyClick(body, Qt::Key_Comma, Qt::ControlModifier);
        select(17, 19);
        QTest::keyClick(body, Qt::Key_Period, Qt::ControlModifier);
        select(29, 32);
        QTest::keyClick(body, Qt::Key_X, Qt::ControlModifier | Qt::ShiftModifier);
        QTextCursor end(body->document());
        end.movePosition(QTextCursor::End);
        body->setTextCursor(end);
        QTest::keyClick(body, Qt::Key_Return, Qt::ControlModifier | Qt::ShiftModifier);
        QTest::keyClicks(body, u"Next part"_qs);
        InlineRun sub{u"2"_qs};
        sub.baseline = Baseline::Subscript;
        InlineRun sup{u"th"_qs};
        sup.baseline = Baseline::Superscript;
        InlineRun struck{u"3rd"_qs};
        struck.strike = true;
        const QList<Block> actual = story().body;
        QCOMPARE(actual,
                 (QList<Block>{
                     withId(Block{QString(),
                                  BlockKind::Paragraph,
                                  {InlineText{{InlineRun{u"CO"_qs}, sub, InlineRun{u" rose on the 4"_qs}, sup,
                                               InlineRun{u", not the "_qs}, struck}}}},
                            actual, 0),
                     withId(Block{QString(), BlockKind::SectionBreak}, actual, 1),
                     withId(Block{QString(), BlockKind::Paragraph, {plain(u"Next part"_qs)}}, actual, 2)}));
        QVERIFY(action(u"strikeAction"_qs)->toolTip().contains(u"Ctrl+Shift+X"_qs));
        saveAndCompare();
        // Backspace at the start of the paragraph under a break removes the break, not the text.
        body->setTextCursor(QTextCursor(body->document()->lastBlock()));
        QTest::keyClick(body, Qt::Key_Backspace);
        QCOMPARE(story().body, (QList<Block>{actual[0], actual[2]}));
    }

    void metadataPanelEditsAreSaved() {
        Story wire = Story::create();
        wire.headline = u"Ferry crews walk out"_qs;
        wire.metadata.sourceAgency = u"Example Wire"_qs;
        wire.metadata.originalId = u"urn:example:wire:20250314:ferry"_qs;
        wire.metadata.priority = 2;
        wire.metadata.firstCreated = QDateTime(QDate(2025, 3, 14), QTime(5, 2), Qt::UTC);
        openWindow(wire);
        selectTab(u"Metadata"_qs);
        auto *panel = m_window->storyEditor()->metadataPanel();
        auto *originalId = testsupport::requireChild<QLineEdit>(panel, u"originalIdEdit"_qs);
        QVERIFY(originalId->isReadOnly());
        QCOMPARE(originalId->text(), wire.metadata.originalId);
        testsupport::typeAtEnd(testsupport::requireChild<QLineEdit>(panel, u"sluglineEdit"_qs),
                               u"BC-Ferry-Strike"_qs);
        testsupport::typeAtEnd(testsupport::requireChild<QLineEdit>(panel, u"keywordsEdit"_qs),
                               u"ferries, strike , ,harbour"_qs);
        auto *language = testsupport::requireChild<QLineEdit>(panel, u"languageEdit"_qs);
        testsupport::typeAtEnd(language, u"e"_qs);
        QVERIFY(testsupport::requireChild<QLabel>(panel, u"languageNote"_qs)->isVisible());
        testsupport::typeAtEnd(language, u"n-gb"_qs);
        QVERIFY(!testsupport::requireChild<QLabel>(panel, u"languageNote"_qs)->isVisible());
        auto *warning = testsupport::requireChild<QLabel>(m_window->storyEditor(), u"embargoWarning"_qs);
        QVERIFY(!warning->isVisible());
        QTest::mouseClick(testsupport::requireChild<QCheckBox>(panel, u"embargoCheck"_qs), Qt::LeftButton, {},
                          QPoint(4, 4));
        const QDateTime embargo(QDate::currentDate().addDays(3), QTime(6, 0));
        testsupport::requireChild<QDateTimeEdit>(panel, u"embargoEdit"_qs)->setDateTime(embargo);
        QVERIFY(warning->isVisible());
        QVERIFY(warning->text().startsWith(u"Embargoed until "_qs));
        if (const QString folder = qEnvironmentVariable("GALLEY_SCREENSHOT_DIR"); !folder.isEmpty())
            QVERIFY(m_window->grab().save(folder + u"/embargo.png"_qs));

        StoryMetadata expected = wire.metadata;
        expected.slugline = u"BC-Ferry-Strike"_qs;
        expected.keywords = {u"ferries"_qs, u"strike"_qs, u"harbour"_qs};
        expected.language = u"en-GB"_qs;
        expected.embargo = embargo.toUTC();
        QCOMPARE(story().metadata, expected);
        // Autosave, as for any other field.
        QVERIFY(m_window->hasUnsavedChanges());
        QTRY_VERIFY_WITH_TIMEOUT(!m_window->hasUnsavedChanges(), MainWindow::AutosaveDelayMs + 3000);
        QString error;
        QCOMPARE(m_library->load(story().id, &error)->metadata, expected);
        // No embargo: the box unticked clears it.
        QTest::mouseClick(testsupport::requireChild<QCheckBox>(panel, u"embargoCheck"_qs), Qt::LeftButton, {},
                          QPoint(4, 4));
        QVERIFY(!story().metadata.embargo.isValid());
        QVERIFY(!warning->isVisible());
    }

    void notesAddReplyAndDeleteOwn() {
        QSettings().setValue(u"user/name"_qs, u"Cleo Marsh"_qs);
        Story story = Story::create();
        story.notes = {EditorNote{u"n1"_qs,
                                  u"Night desk"_qs,
                                  QDateTime(QDate(2025, 3, 14), QTime(22, 5), Qt::UTC),
                                  u"Check the crew numbers"_qs,
                                  {}}};
        openWindow(story);
        // The notes sit in their own panel beside the checks, titled with their count.
        auto *dock = testsupport::requireChild<QDockWidget>(m_window.get(), u"notesDock"_qs);
        QCOMPARE(dock->windowTitle(), u"Notes (1)"_qs);
        dock->raise();
        QTRY_VERIFY(m_window->storyEditor()->notesPanel()->isVisible());
        NotesPanel *panel = m_window->storyEditor()->notesPanel();
        auto *text = testsupport::requireChild<QPlainTextEdit>(panel, u"noteTextEdit"_qs);
        auto *send = testsupport::requireChild<QPushButton>(panel, u"addNoteButton"_qs);
        QVERIFY(!send->isEnabled());
        // The night desk's note is theirs to delete: it offers only Reply.
        QVERIFY(card(u"n1"_qs)->findChild<QToolButton *>(u"replyNoteButton"_qs));
        QVERIFY(!card(u"n1"_qs)->findChild<QToolButton *>(u"deleteNoteButton"_qs));

        testsupport::typeInto(text, u"Who took the photo?"_qs);
        QTest::mouseClick(send, Qt::LeftButton);
        QTest::mouseClick(card(u"n1"_qs)->findChild<QToolButton *>(u"replyNoteButton"_qs), Qt::LeftButton);
        QCOMPARE(testsupport::requireChild<QLabel>(panel, u"replyingLabel"_qs)->text(),
                 u"Replying to Night desk"_qs);
        QCOMPARE(send->text(), u"Send &reply"_qs);
        testsupport::typeInto(text, u"Union says 212"_qs);
        QTest::mouseClick(send, Qt::LeftButton);
        QList<EditorNote> notes = this->story().notes;
        QCOMPARE(notes.size(), 3);
        QCOMPARE(notes[0], story.notes[0]);
        QCOMPARE(notes[1].author, u"Cleo Marsh"_qs);
        QCOMPARE(notes[1].text, u"Who took the photo?"_qs);
        QCOMPARE(notes[1].replyTo, QString());
        QCOMPARE(notes[2].author, u"Cleo Marsh"_qs);
        QCOMPARE(notes[2].text, u"Union says 212"_qs);
        QCOMPARE(notes[2].replyTo, u"n1"_qs);
        QVERIFY(qAbs(notes[2].time.secsTo(QDateTime::currentDateTimeUtc())) < 60);
        // The reply is shown under the note it answers, before the later thread.
        QStringList order;
        for (const QFrame *frame : panel->findChildren<QFrame *>())
            if (frame->objectName().startsWith(u"note:"_qs))
                order.append(frame->findChild<QLabel *>(u"noteText"_qs)->text());
        QCOMPARE(order, (QStringList{u"Check the crew numbers"_qs, u"Union says 212"_qs,
                                     u"Who took the photo?"_qs}));

        QTest::mouseClick(card(notes[1].id)->findChild<QToolButton *>(u"deleteNoteButton"_qs),
                          Qt::LeftButton);
        notes.removeAt(1);
        QCOMPARE(this->story().notes, notes);
        QCOMPARE(dock->windowTitle(), u"Notes (2)"_qs);
        saveAndCompare();
    }

private:
    void openWindow(const Story &story) {
        m_library = std::make_unique<StoryLibrary>();
        QString error;
        QVERIFY2(m_library->open(m_dir.filePath(u"library-%1.sqlite"_qs.arg(++m_count)), &error),
                 qPrintable(error));
        Story saved = story;
        QVERIFY2(m_library->save(saved, &error), qPrintable(error));
        m_window = std::make_unique<MainWindow>(*m_library);
        m_window->resize(1400, 900);
        m_window->openStory(saved.id);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        m_window->activateWindow();
        QCOMPARE(m_window->currentStoryId(), saved.id);
    }

    const Story &story() const { return m_window->storyEditor()->story(); }

    QFrame *card(const QString &noteId) const {
        return testsupport::requireChild<QFrame>(m_window->storyEditor()->notesPanel(), u"note:"_qs + noteId);
    }

    QAction *action(const QString &name) const {
        return testsupport::requireChild<QAction>(m_window->storyEditor()->bodyEditor(), name);
    }

    QString tabText(const QString &startsWith) const {
        auto *tabs = testsupport::requireChild<QTabWidget>(m_window.get(), u"storyTabs"_qs);
        for (int i = 0; i < tabs->count(); ++i)
            if (tabs->tabText(i).startsWith(startsWith))
                return tabs->tabText(i);
        return {};
    }

    void selectTab(const QString &text) {
        auto *tabs = testsupport::requireChild<QTabWidget>(m_window.get(), u"storyTabs"_qs);
        for (int i = 0; i < tabs->count(); ++i)
            if (tabs->tabText(i) == text)
                return tabs->setCurrentIndex(i);
        QFAIL(qPrintable(u"no tab "_qs + text));
    }

    // Saves with Ctrl+S's action and checks the library holds exactly the story on screen.
    void saveAndCompare() {
        QVERIFY(m_window->saveStory());
        QString error;
        const std::optional<Story> loaded = m_library->load(story().id, &error);
        QVERIFY2(loaded, qPrintable(error));
        QCOMPARE(loaded->body, story().body);
        QCOMPARE(loaded->metadata, story().metadata);
        QCOMPARE(loaded->notes, story().notes);
    }

    QTemporaryDir m_dir;
    std::unique_ptr<StoryLibrary> m_library;
    std::unique_ptr<MainWindow> m_window;
    int m_count = 0;
};

int main(int argc, char **argv) {
    QTEST_SET_MAIN_SOURCE_PATH
    return galley::testsupport::runGuiTest<TestStructuredEditing>(argc, argv, u"tst_structuredediting"_qs);
}

#include "tst_structuredediting.moc"
