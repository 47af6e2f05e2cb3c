// Issue 14's copy-desk work, driven through the real story editor: Word's and Google Docs' lists
// pasted into the body become real lists; quotes typed or pasted in any field come out curly.

#include "bodyeditor.h"
#include "guitestsupport.h"
#include "settings.h"
#include "storyeditor.h"
#include "wrappinglineedit.h"

#include <QApplication>
#include <QPlainTextEdit>
#include <QContextMenuEvent>
#include <QTimer>
#include <QMenu>
#include <QCheckBox>
#include <QLabel>
#include <QPushButton>
#include <QTabWidget>
#include <QClipboard>
#include <QLineEdit>
#include <QMimeData>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace galley;

namespace {

// "kind: text" per line; list items as ">" per level and "#" when numbered, bold as *bold*.
QString describe(const QList<Block> &blocks) {
    QStringList out;
    for (const Block &block : blocks)
        for (qsizetype i = 0; i < block.lines.size(); ++i) {
            QString text;
            for (const InlineRun &r : block.lines.at(i).runs)
                text += r.bold ? u'*' + r.text + u'*' : r.text;
            QString prefix;
            if (block.isList())
                prefix = QString(block.item(i).level, u'>') + (block.item(i).numbered ? u"#"_qs : QString());
            out.append(blockKindKey(block.kind) + u": "_qs + prefix + text);
        }
    return out.join(u'\n');
}

// A Word list item as Word 365 puts it on the clipboard (class, mso-list style, the conditional
// comment around the drawn marker, its &nbsp; run, o:p).
QString wordItem(const QString &position, int level, const QString &font, const QString &marker,
                 const QString &text, const QString &list = u"l0"_qs) {
    return u"<p class=MsoListParagraphCxSp%1 style='margin-left:%2pt;mso-add-space:auto;text-indent:-18.0pt;"
           "mso-list:%3 level%4 lfo1'><![if !supportLists]><span style='font-family:%5;"
           "mso-fareast-font-family:%5'><span style='mso-list:Ignore'>%6<span style='font:7.0pt "
           "\"Times New Roman\"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span></span><![endif]>"
           "<span lang=EN-GB>%7</span><o:p></o:p></p>\r\n"_qs.arg(position)
        .arg(36 * level)
        .arg(list)
        .arg(level)
        .arg(font, marker, text);
}

QString wordClipboard(const QString &body) {
    return u"<html xmlns:v=\"urn:schemas-microsoft-com:vml\" xmlns:o=\"urn:schemas-microsoft-com:office:office\" "
           "xmlns:w=\"urn:schemas-microsoft-com:office:word\">\r\n<head>\r\n<meta name=ProgId "
           "content=Word.Document>\r\n<meta name=Generator content=\"Microsoft Word 15\">\r\n<!--[if gte mso 9]><xml>"
           "<w:WordDocument><w:View>Normal</w:View></w:WordDocument></xml><![endif]-->\r\n<style>\r\n<!--\r\n"
           "p.MsoListParagraphCxSpFirst {margin-left:36.0pt;}\r\n@list l0:level1 {mso-level-number-format:bullet;"
           "mso-level-text:\\F0B7;}\r\n-->\r\n</style>\r\n</head>\r\n<body lang=EN-GB style='tab-interval:36.0pt'>"
           "\r\n<!--StartFragment-->"_qs +
           body + u"<!--EndFragment-->\r\n</body>\r\n</html>"_qs;
}

} // namespace

class TestCopyEditing final : public QObject {
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
        story.body = {Block::make(BlockKind::Paragraph, u"The new timetable starts on Monday."_qs)};
        m_editor->setStory(story);
        m_editor->resize(900, 700);
        m_editor->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_editor.get()));
    }

    void cleanup() { m_editor.reset(); }

    // Word's bulleted and numbered lists pasted after a paragraph: real lists, nesting kept, the
    // drawn markers ("·", "o", "§", "1.", "a)", "i.") gone.
    void wordListsPasteAsLists() {
        BodyEditor *body = m_editor->bodyEditor();
        body->setFocus();
        QTest::keyClick(body, Qt::Key_End, Qt::ControlModifier);
        QTest::keyClick(body, Qt::Key_Return);
        const QString html = wordClipboard(
            wordItem(u"First"_qs, 1, u"Symbol"_qs, u"·"_qs, u"Ferries leave at noon"_qs) +
            wordItem(u"Middle"_qs, 2, u"\"Courier New\""_qs, u"o"_qs, u"Weekdays only"_qs) +
            wordItem(u"Middle"_qs, 3, u"Wingdings"_qs, u"§"_qs, u"Not on holidays"_qs) +
            wordItem(u"Last"_qs, 1, u"Symbol"_qs, u"·"_qs, u"<b>Tickets</b> on board"_qs) +
            u"<p class=MsoNormal><span lang=EN-GB>To travel:<o:p></o:p></span></p>\r\n"_qs +
            wordItem(u"First"_qs, 1, u"Calibri"_qs, u"1."_qs, u"Buy a ticket"_qs, u"l1"_qs) +
            wordItem(u"Middle"_qs, 2, u"Calibri"_qs, u"a)"_qs, u"Online"_qs, u"l1"_qs) +
            wordItem(u"Middle"_qs, 3, u"Calibri"_qs, u"i."_qs, u"At the kiosk"_qs, u"l1"_qs) +
            wordItem(u"Last"_qs, 1, u"Calibri"_qs, u"2."_qs, u"Board the ferry"_qs, u"l1"_qs));
        paste(html, u"·       Ferries leave at noon\no   Weekdays only"_qs);
        QCOMPARE(describe(m_editor->story().body),
                 u"paragraph: The new timetable starts on Monday.\n"
                 "bullet-list: Ferries leave at noon\n"
                 "bullet-list: >Weekdays only\n"
                 "bullet-list: >>Not on holidays\n"
                 "bullet-list: *Tickets* on board\n"
                 "paragraph: To travel:\n"
                 "numbered-list: #Buy a ticket\n"
                 "numbered-list: >#Online\n"
                 "numbered-list: >>#At the kiosk\n"
                 "numbered-list: #Board the ferry"_qs);
    }

    // Google Docs' lists (nested as sibling lists, levels in aria-level) paste as lists too.
    void googleDocsListsPasteAsLists() {
        BodyEditor *body = m_editor->bodyEditor();
        body->setFocus();
        QTest::keyClick(body, Qt::Key_End, Qt::ControlModifier);
        QTest::keyClick(body, Qt::Key_Return);
        paste(u"<meta charset=\"utf-8\"><b style=\"font-weight:normal;\" id=\"docs-internal-guid-5c2a\">"
              "<ol style=\"margin-top:0;margin-bottom:0;padding-inline-start:48px;\"><li dir=\"ltr\" "
              "style=\"list-style-type:decimal;font-size:11pt;\" aria-level=\"1\"><p dir=\"ltr\" "
              "style=\"line-height:1.38;margin-top:0pt;\" role=\"presentation\"><span style=\"font-size:11pt;\">"
              "Check the board</span></p></li><ol><li dir=\"ltr\" style=\"list-style-type:lower-alpha;\" "
              "aria-level=\"2\"><p dir=\"ltr\" role=\"presentation\"><span>Platform</span></p></li></ol>"
              "<li dir=\"ltr\" style=\"list-style-type:decimal;\" aria-level=\"1\"><p dir=\"ltr\" "
              "role=\"presentation\"><span>Board</span></p></li></ol></b>"_qs,
              u"Check the board\nPlatform\nBoard"_qs);
        QCOMPARE(describe(m_editor->story().body),
                 u"paragraph: The new timetable starts on Monday.\n"
                 "numbered-list: #Check the board\n"
                 "numbered-list: >#Platform\n"
                 "numbered-list: #Board"_qs);
    }

    // Straight quotes typed in every text field of the story come out curly, apostrophes included.
    void quotesCurlAsYouTypeInEveryField() {
        Story story = m_editor->story();
        story.pullQuotes = {PullQuote{newId(), {}, {}, {}}};
        StoryImage image;
        image.id = newId();
        story.images = {image};
        m_editor->setStory(story);
        const QString typed = u"\"Don't\" she said of the '90s rock 'n' roll 'tide'"_qs;
        const QString curly = u"“Don’t” she said of the ’90s rock ’n’ roll ‘tide’"_qs;
        for (const char *name : {"headlineEdit", "deckEdit", "bylineEdit", "datelineEdit", "pullQuoteText0",
                                 "pullQuoteAttribution0", "imageCaption0", "imageCredit0", "imageAlt0"}) {
            auto *field = m_editor->findChild<QWidget *>(QString::fromLatin1(name));
            QVERIFY2(field, name);
            selectAll(field);
            testsupport::typeInto(field, typed);
        }
        m_editor->bodyEditor()->setFocus();
        QTest::keyClick(m_editor->bodyEditor(), Qt::Key_End, Qt::ControlModifier);
        testsupport::typeInto(m_editor->bodyEditor(), u" "_qs + typed);
        const Story &result = m_editor->story();
        QCOMPARE(result.headline, curly);
        QCOMPARE(result.deck, curly);
        QCOMPARE(result.bylines.size(), 1);
        QCOMPARE(result.bylines[0].name, curly);
        QCOMPARE(result.dateline, curly);
        QCOMPARE(result.pullQuotes[0].text, curly);
        QCOMPARE(result.pullQuotes[0].attribution, curly);
        QCOMPARE(result.images[0].caption, curly);
        QCOMPARE(result.images[0].credit, curly);
        QCOMPARE(result.images[0].altText, curly);
        QCOMPARE(result.body.size(), 1);
        QCOMPARE(result.body[0].lines[0].plainText(), u"The new timetable starts on Monday. "_qs + curly);
    }

    // Ctrl+Z right after a quote was curled gives back the straight one; the next Ctrl+Z goes on
    // with the usual undo.
    void undoGivesBackTheStraightQuote() {
        auto *headline = m_editor->findChild<WrappingLineEdit *>(u"headlineEdit"_qs);
        selectAll(headline);
        testsupport::typeInto(headline, u"Say \"yes"_qs);
        QCOMPARE(headline->text(), u"Say “yes"_qs);
        testsupport::typeInto(headline, u"\""_qs);
        QCOMPARE(headline->text(), u"Say “yes”"_qs);
        QTest::keyClick(headline, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(headline->text(), u"Say “yes\""_qs);
        QCOMPARE(m_editor->story().headline, u"Say “yes\""_qs);

        BodyEditor *body = m_editor->bodyEditor();
        body->setFocus();
        QTest::keyClick(body, Qt::Key_End, Qt::ControlModifier);
        QTest::keyClicks(body, u" It's"_qs);
        QCOMPARE(m_editor->story().body[0].lines[0].plainText(), u"The new timetable starts on Monday. It’s"_qs);
        QTest::keyClick(body, Qt::Key_Backspace);
        QTest::keyClick(body, Qt::Key_Backspace);
        QTest::keyClicks(body, u"'"_qs);
        QTest::keyClick(body, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(m_editor->story().body[0].lines[0].plainText(), u"The new timetable starts on Monday. It'"_qs);
    }

    // With the setting off, quotes stay as typed.
    void settingTurnsCurlingOff() {
        Settings().setValue(Settings::Key::CurlyQuotes, false);
        auto *headline = m_editor->findChild<WrappingLineEdit *>(u"headlineEdit"_qs);
        selectAll(headline);
        testsupport::typeInto(headline, u"Say \"don't\""_qs);
        Settings().setValue(Settings::Key::CurlyQuotes, true);
        QCOMPARE(m_editor->story().headline, u"Say \"don't\""_qs);
    }

    // Pasted text is curled the same way, in the body (rich and plain) and in one-line fields; one
    // Undo takes the whole paste back.
    void pastedQuotesCurl() {
        BodyEditor *body = m_editor->bodyEditor();
        body->setFocus();
        QTest::keyClick(body, Qt::Key_End, Qt::ControlModifier);
        QTest::keyClick(body, Qt::Key_Return);
        paste(u"<p>The \"<b>old</b>\" quay's gate</p>"_qs, u"The \"old\" quay's gate"_qs);
        QTest::keyClick(body, Qt::Key_Return);
        paste(QString(), u"'90s \"plain\" text"_qs);
        QCOMPARE(describe(m_editor->story().body),
                 u"paragraph: The new timetable starts on Monday.\n"
                 "paragraph: The “*old*” quay’s gate\n"
                 "paragraph: ’90s “plain” text"_qs);
        QTest::keyClick(body, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(body->toPlainText(), u"The new timetable starts on Monday.\nThe “old” quay’s gate\n"_qs);

        auto *byline = m_editor->findChild<QLineEdit *>(u"bylineEdit"_qs);
        selectAll(byline);
        paste(QString(), u"Jo \"Tide\" O'Hara"_qs, byline);
        QCOMPARE(m_editor->story().bylines.value(0).name, u"Jo “Tide” O’Hara"_qs);

        auto *deck = m_editor->findChild<QWidget *>(u"deckEdit"_qs);
        selectAll(deck);
        paste(QString(), u"The \"new\" '24 timetable"_qs, deck);
        QCOMPARE(m_editor->story().deck, u"The “new” ’24 timetable"_qs);
    }

    // Paste from the right-click menu curls the quotes as Ctrl+V does, in one-line fields and the
    // wrapping ones; Undo then gives the straight quotes back.
    void contextMenuPasteCurls() {
        auto *byline = m_editor->findChild<QLineEdit *>(u"bylineEdit"_qs);
        selectAll(byline);
        QApplication::clipboard()->setText(u"Jo \"Tide\" O'Hara"_qs);
        pasteFromMenu(byline);
        QCOMPARE(m_editor->story().bylines.value(0).name, u"Jo “Tide” O’Hara"_qs);
        QTest::keyClick(byline, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(byline->text(), u"Jo \"Tide\" O'Hara"_qs);

        auto *deck = m_editor->findChild<QPlainTextEdit *>(u"deckEdit"_qs);
        selectAll(deck);
        QApplication::clipboard()->setText(u"The \"new\" '24 timetable"_qs);
        pasteFromMenu(deck->viewport());
        QCOMPARE(m_editor->story().deck, u"The “new” ’24 timetable"_qs);
    }

    // Ctrl+F finds in every field, F3 / Shift+F3 go round with a count; Ctrl+H replaces one and
    // all; one Undo in the body takes back a Replace all.
    void findAndReplaceInEveryField() {
        Story story = m_editor->story();
        story.headline = u"Quay wall plan"_qs;
        story.deck = u"The quay gets a new wall"_qs;
        story.bylines = {Byline{u"Jo Quayle"_qs, {}}};
        story.body = {Block::make(BlockKind::Paragraph, u"The quay wall is old. Quay traders wait."_qs),
                      Block::make(BlockKind::Paragraph, u"A quay-side vote follows."_qs)};
        story.pullQuotes = {PullQuote{newId(), u"Build the quay"_qs, u"A quay trader"_qs, {}}};
        StoryImage image;
        image.id = newId();
        image.caption = u"The quay at dawn"_qs;
        image.altText = u"Boats at the Quay"_qs;
        story.images = {image};
        m_editor->setStory(story);

        BodyEditor *body = m_editor->bodyEditor();
        body->setFocus();
        QTest::keyClick(body, Qt::Key_F, Qt::ControlModifier);
        auto *bar = m_editor->findChild<QWidget *>(u"findBar"_qs);
        auto *find = m_editor->findChild<QLineEdit *>(u"findEdit"_qs);
        auto *count = m_editor->findChild<QLabel *>(u"findCount"_qs);
        QVERIFY(bar->isVisible());
        QVERIFY(find->hasFocus());
        QVERIFY(!m_editor->findChild<QWidget *>(u"replaceEdit"_qs)->isVisible());
        QTest::keyClicks(find, u"quay"_qs);
        // headline 1, deck 1, body 3, pull quote 2, caption 1, alt 1 ("Quayle" inside a word too).
        QCOMPARE(count->text(), u"1 of 10"_qs);
        QCOMPARE(m_editor->findChild<WrappingLineEdit *>(u"headlineEdit"_qs)->textCursor().selectedText(), u"Quay"_qs);
        auto *whole = m_editor->findChild<QCheckBox *>(u"findWholeWords"_qs);
        whole->setChecked(true);
        QCOMPARE(count->text(), u"1 of 9"_qs); // the headline's match is still the current one
        QTest::keyClick(find, Qt::Key_Return);
        QCOMPARE(count->text(), u"2 of 9"_qs);
        QTest::keyClick(find, Qt::Key_F3);
        QCOMPARE(count->text(), u"3 of 9"_qs);
        QCOMPARE(body->textCursor().selectedText(), u"quay"_qs);
        QCOMPARE(body->textCursor().selectionStart(), 4);
        QTest::keyClick(find, Qt::Key_F3, Qt::ShiftModifier);
        QCOMPARE(count->text(), u"2 of 9"_qs);
        QTest::keyClick(find, Qt::Key_F3, Qt::ShiftModifier);
        QTest::keyClick(find, Qt::Key_F3, Qt::ShiftModifier);
        QCOMPARE(count->text(), u"9 of 9"_qs); // round to the last: the alt text
        auto *tabs = m_editor->findChild<QTabWidget *>(u"storyTabs"_qs);
        QCOMPARE(tabs->currentWidget()->objectName(), u"imagePanel"_qs);
        auto *matchCase = m_editor->findChild<QCheckBox *>(u"findMatchCase"_qs);
        matchCase->setChecked(true);
        QCOMPARE(count->text(), u"6 matches"_qs);

        // Replace: Ctrl+H shows the replace row; Replace changes the selected match only.
        QTest::keyClick(find, Qt::Key_H, Qt::ControlModifier);
        auto *replace = m_editor->findChild<QLineEdit *>(u"replaceEdit"_qs);
        QVERIFY(replace->isVisible());
        QTest::keyClicks(replace, u"harbour"_qs);
        QTest::keyClick(find, Qt::Key_Return); // selects the first match: the deck's "quay"
        QCOMPARE(count->text(), u"1 of 6"_qs);
        // GALLEY_SCREENSHOT=<file.png> saves the editor with the bar open, for the docs.
        if (const QString shot = qEnvironmentVariable("GALLEY_SCREENSHOT"); !shot.isEmpty())
            QVERIFY(m_editor->grab().save(shot));
        QTest::keyClick(replace, Qt::Key_Return);
        QCOMPARE(m_editor->story().deck, u"The harbour gets a new wall"_qs);
        QCOMPARE(count->text(), u"1 of 5"_qs);
        QCOMPARE(body->textCursor().selectedText(), u"quay"_qs);

        QTest::mouseClick(m_editor->findChild<QPushButton *>(u"replaceAllButton"_qs), Qt::LeftButton);
        QCOMPARE(count->text(), u"5 replaced"_qs);
        const Story &after = m_editor->story();
        QCOMPARE(after.headline, u"Quay wall plan"_qs);
        QCOMPARE(after.body[0].plainText(), u"The harbour wall is old. Quay traders wait."_qs);
        QCOMPARE(after.body[1].plainText(), u"A harbour-side vote follows."_qs);
        QCOMPARE(after.pullQuotes[0].text, u"Build the harbour"_qs);
        QCOMPARE(after.pullQuotes[0].attribution, u"A harbour trader"_qs);
        QCOMPARE(after.images[0].caption, u"The harbour at dawn"_qs);
        QCOMPARE(after.images[0].altText, u"Boats at the Quay"_qs);
        QCOMPARE(after.bylines[0].name, u"Jo Quayle"_qs);

        // One Undo in the body takes back its whole Replace all.
        body->setFocus();
        QTest::keyClick(body, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(m_editor->story().body[0].plainText(), u"The quay wall is old. Quay traders wait."_qs);
        QCOMPARE(m_editor->story().body[1].plainText(), u"A quay-side vote follows."_qs);

        QTest::keyClick(find, Qt::Key_Escape);
        QVERIFY(!bar->isVisible());
    }

private:
    // Puts @p html (when not empty) and @p text on the clipboard and presses Ctrl+V in @p field
    // (the body when null).
    void paste(const QString &html, const QString &text, QWidget *field = nullptr) {
        auto *mime = new QMimeData;
        if (!html.isEmpty())
            mime->setHtml(html);
        mime->setText(text);
        QApplication::clipboard()->setMimeData(mime);
        QWidget *target = field ? field : m_editor->bodyEditor();
        target->setFocus();
        QTest::keyClick(target, Qt::Key_V, Qt::ControlModifier);
    }

    // Opens @p target's context menu as a right-click does and chooses its Paste. The menu is
    // looked for from a timer, whether the field shows it with exec() or popup().
    void pasteFromMenu(QWidget *target) {
        bool chosen = false;
        QTimer look;
        look.setInterval(10);
        connect(&look, &QTimer::timeout, this, [&] {
            for (QWidget *top : QApplication::topLevelWidgets()) {
                auto *menu = qobject_cast<QMenu *>(top);
                if (!menu || !menu->isVisible())
                    continue;
                for (QAction *action : menu->actions())
                    if (QString(action->text()).remove(u'&').startsWith(u"Paste"_qs) && action->isEnabled()) {
                        action->trigger();
                        chosen = true;
                    }
                menu->close();
                look.stop();
            }
        });
        look.start();
        const QPoint at(5, 5);
        QContextMenuEvent event(QContextMenuEvent::Mouse, at, target->mapToGlobal(at));
        QApplication::sendEvent(target, &event);
        QTRY_VERIFY2(chosen, "the context menu had no Paste");
    }

    // Selects all of @p field with Ctrl+A, so that typing replaces it.
    static void selectAll(QWidget *field) {
        field->setFocus();
        QTest::keyClick(field, Qt::Key_A, Qt::ControlModifier);
    }

    QTemporaryDir m_dir;
    std::unique_ptr<StoryEditor> m_editor;
};

int main(int argc, char **argv) {
    return testsupport::runGuiTest<TestCopyEditing>(argc, argv, u"tst_copyediting"_qs);
}

#include "tst_copyediting.moc"
