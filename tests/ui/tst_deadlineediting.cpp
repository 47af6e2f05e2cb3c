// Issue 14's "copy damaged" defects, driven through the real body editor and link dialog: a link
// ends where its text ends, and removing or setting a link over several blocks changes the links
// only.

#include "bodyeditor.h"
#include "guitestsupport.h"
#include "storyeditor.h"

#include <QApplication>
#include <QDialog>
#include <QLineEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace galley;

namespace {

InlineRun run(const QString &text, bool bold = false, const QString &href = QString()) {
    InlineRun r{text};
    r.bold = bold;
    r.href = href;
    return r;
}

// "kind: runs" per line; a run is its text, with *bold* and [text](href) marks.
QString describe(const QList<Block> &blocks) {
    QStringList out;
    for (const Block &block : blocks)
        for (const InlineText &line : block.lines) {
            QString text;
            for (const InlineRun &r : line.runs) {
                QString piece = r.bold ? u'*' + r.text + u'*' : r.text;
                if (!r.href.isEmpty())
                    piece = u'[' + piece + u"]("_qs + r.href + u')';
                text += piece;
            }
            out.append(blockKindKey(block.kind) + u": "_qs + text);
        }
    return out.join(u'\n');
}

// Answers the link dialog that Ctrl+K opens: types @p address over the address field's text (an
// empty one clears it) and presses Enter.
void answerLinkDialog(QObject *context, const QString &address) {
    QTimer::singleShot(0, context, [address] {
        auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        auto *url = dialog->findChild<QLineEdit *>(u"linkUrlEdit"_qs);
        QVERIFY(url);
        url->selectAll();
        QTest::keyClick(url, Qt::Key_Delete);
        QTest::keyClicks(url, address);
        QTest::keyClick(url, Qt::Key_Return);
    });
}

} // namespace

class TestDeadlineEditing final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        testsupport::useTestSettings(m_dir);
    }

    void init() {
        m_editor = std::make_unique<StoryEditor>();
        Story story = Story::create();
        story.headline = u"Ferry timetable changes"_qs;
        m_editor->setStory(story);
        m_editor->resize(800, 600);
        m_editor->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_editor.get()));
    }

    void cleanup() { m_editor.reset(); }

    // Select a word, Ctrl+K, an address, then keep typing: new words, a new paragraph and bold text
    // stay outside the link.
    void typingAfterALinkDoesNotExtendIt() {
        BodyEditor *body = m_editor->bodyEditor();
        testsupport::typeInto(body, u"Read the timetable"_qs);
        QTest::keyClick(body, Qt::Key_Left, Qt::ControlModifier | Qt::ShiftModifier);
        answerLinkDialog(this, u"https://example.org/timetable"_qs);
        QTest::keyClick(body, Qt::Key_K, Qt::ControlModifier);
        reactivate();
        QTest::keyClicks(body, u" today"_qs);
        QTest::keyClick(body, Qt::Key_Return);
        QTest::keyClicks(body, u"Services resume "_qs);
        QTest::keyClick(body, Qt::Key_B, Qt::ControlModifier);
        QTest::keyClicks(body, u"Monday"_qs);
        QCOMPARE(describe(m_editor->story().body),
                 u"paragraph: Read the [timetable](https://example.org/timetable) today\n"
                 "paragraph: Services resume *Monday*"_qs);
    }

    // Coming back to a link's end later (arrow keys, or deleting what followed it) and typing does
    // not extend it either; typing inside it does, as in any editor.
    void returningToALinkEndDoesNotExtendIt() {
        Story story = m_editor->story();
        Block block = Block::make(BlockKind::Paragraph, QString());
        block.lines = {InlineText{{run(u"See "_qs), run(u"the map"_qs, false, u"https://example.org/m"_qs),
                                   run(u"!"_qs)}}};
        story.body = {block};
        m_editor->setStory(story);
        BodyEditor *body = m_editor->bodyEditor();
        body->setFocus();
        QTest::keyClick(body, Qt::Key_End);
        QTest::keyClick(body, Qt::Key_Backspace); // removes "!": the cursor is now at the link's end
        QTest::keyClicks(body, u" now"_qs);
        QTest::keyClick(body, Qt::Key_Home);
        for (int i = 0; i < 9; ++i) // to "the m|ap"
            QTest::keyClick(body, Qt::Key_Right);
        QTest::keyClicks(body, u"X"_qs);
        QCOMPARE(describe(m_editor->story().body),
                 u"paragraph: See [the mXap](https://example.org/m) now"_qs);
    }

    // OK with an empty address over a selection of several blocks removes the links only: the list,
    // the block quote and the bold stay.
    void removingLinksKeepsBlocksAndStyles() {
        Story story = m_editor->story();
        Block lede = Block::make(BlockKind::Paragraph, QString());
        lede.lines = {InlineText{{run(u"The "_qs), run(u"council"_qs, true, u"https://example.org/c"_qs),
                                  run(u" voted."_qs, true)}}};
        Block list = Block::make(BlockKind::BulletList, QString());
        list.lines = {InlineText{{run(u"Route A"_qs, false, u"https://example.org/a"_qs)}},
                      InlineText{{run(u"Route "_qs), run(u"B"_qs, true)}}};
        Block quote = Block::make(BlockKind::BlockQuote, QString());
        quote.lines = {InlineText{{run(u"We were "_qs), run(u"heard"_qs, false, u"mailto:desk@example.org"_qs)}}};
        story.body = {lede, list, quote};
        m_editor->setStory(story);
        BodyEditor *body = m_editor->bodyEditor();
        body->setFocus();
        QTest::keyClick(body, Qt::Key_A, Qt::ControlModifier);
        answerLinkDialog(this, QString());
        QTest::keyClick(body, Qt::Key_K, Qt::ControlModifier);
        QCOMPARE(describe(m_editor->story().body), u"paragraph: The *council voted.*\n"
                                                   "bullet-list: Route A\n"
                                                   "bullet-list: Route *B*\n"
                                                   "block-quote: We were heard"_qs);
    }

    // The dialog's "Remove link" button on the link under the cursor removes that link only.
    void removeLinkButtonKeepsTheWords() {
        Story story = m_editor->story();
        Block block = Block::make(BlockKind::Paragraph, QString());
        block.lines = {InlineText{{run(u"Call "_qs), run(u"the desk"_qs, true, u"mailto:desk@example.org"_qs),
                                   run(u" first"_qs)}}};
        story.body = {block};
        m_editor->setStory(story);
        BodyEditor *body = m_editor->bodyEditor();
        body->setFocus();
        QTest::keyClick(body, Qt::Key_Home);
        for (int i = 0; i < 7; ++i)
            QTest::keyClick(body, Qt::Key_Right);
        QTimer::singleShot(0, this, [] {
            auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            for (QPushButton *button : dialog->findChildren<QPushButton *>())
                if (button->text() == u"&Remove link"_qs)
                    button->click();
        });
        QTest::keyClick(body, Qt::Key_K, Qt::ControlModifier);
        QCOMPARE(describe(m_editor->story().body), u"paragraph: Call *the desk* first"_qs);
    }

    // Setting a link over two paragraphs keeps both paragraphs and their styles.
    void linkOverTwoParagraphsKeepsThem() {
        Story story = m_editor->story();
        Block first = Block::make(BlockKind::Paragraph, QString());
        first.lines = {InlineText{{run(u"Tides "_qs), run(u"high"_qs, true)}}};
        story.body = {first, Block::make(BlockKind::Subhead, u"Warnings"_qs)};
        m_editor->setStory(story);
        BodyEditor *body = m_editor->bodyEditor();
        body->setFocus();
        QTest::keyClick(body, Qt::Key_A, Qt::ControlModifier);
        answerLinkDialog(this, u"https://example.org/t"_qs);
        QTest::keyClick(body, Qt::Key_K, Qt::ControlModifier);
        QCOMPARE(describe(m_editor->story().body),
                 u"paragraph: [Tides ](https://example.org/t)[*high*](https://example.org/t)\n"
                 "subhead: [Warnings](https://example.org/t)"_qs);
    }

private:
    // The editor's window active again after a dialog, as it is for a user: window shortcuts
    // (Ctrl+B) go to the active window only.
    void reactivate() {
        m_editor->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_editor.get()));
    }

    QTemporaryDir m_dir;
    std::unique_ptr<StoryEditor> m_editor;
};

int main(int argc, char **argv) {
    return testsupport::runGuiTest<TestDeadlineEditing>(argc, argv, u"tst_deadlineediting"_qs);
}

#include "tst_deadlineediting.moc"
