// The copy desk's checks in the editor window: the spelling underline as a reporter types, a
// suggestion applied from the spelling actions, the Checks panel's select, fix and ignore, the
// house dictionary, and the status bar's counts. Set GALLEY_SCREENSHOT=/path.png to also write a
// picture of the window with the panel.

#include "bodyeditor.h"
#include "checks/checkscontroller.h"
#include "checks/checkspanel.h"
#include "checks/spellhighlighter.h"
#include "guitestsupport.h"
#include "mainwindow.h"
#include "preview/previewpane.h"
#include "storage/storylibrary.h"
#include "storyeditor.h"
#include "wrappinglineedit.h"

#include <QAction>
#include <QApplication>
#include <QContextMenuEvent>
#include <QMenu>
#include <QBuffer>
#include <QImage>
#include <QCheckBox>
#include <QSettings>
#include <QSignalSpy>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextLayout>
#include <QTreeWidget>

using namespace galley;

namespace {

/// The words of @p block drawn with the spelling underline, in order.
QStringList underlined(const QTextBlock &block) {
    QStringList out;
    for (const Misspelling &m : SpellHighlighter::underlined(block))
        out.append(block.text().mid(m.start, m.length));
    return out;
}

/// Whether the field's viewport shows the underline's red in the band under the text from
/// document position @p from to @p to (one line).
bool redUnder(QTextEdit *edit, int from, int to) {
    QTextCursor start(edit->document());
    start.setPosition(from);
    QTextCursor end(edit->document());
    end.setPosition(to);
    const QRect a = edit->cursorRect(start);
    const QRect b = edit->cursorRect(end);
    const QImage shot = edit->viewport()->grab().toImage();
    const qreal ratio = shot.devicePixelRatio();
    for (int y = a.top() + a.height() / 2; y <= a.bottom() + 2; ++y)
        for (int x = a.left() + 2; x < b.left() - 1; ++x) {
            const QColor c = shot.pixelColor(QPoint(int(x * ratio), int(y * ratio)));
            if (c.red() - c.green() > 50 && c.red() - c.blue() > 50) // the wave's red, antialiased
                return true;
        }
    return false;
}

} // namespace

class TestChecksPanel final : public QObject {
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
        Story story = Story::create();
        story.headline = u"Ferry timetable changes"_qs;
        story.bylines = {Byline{u"Maren Holt"_qs, {}}};
        story.dateline = u"PORT EXAMPLE"_qs;
        story.section = u"Local"_qs;
        QVERIFY2(m_library->save(story, &error), qPrintable(error));
        m_window = std::make_unique<MainWindow>(*m_library);
        m_window->openInitialStory();
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void cleanup() {
        m_window.reset();
        m_library.reset();
    }

    void underliningIsNotAnEdit() {
        // Drawing underlines re-highlights documents; that must never count as typing.
        auto *deck = testsupport::requireChild<WrappingLineEdit>(m_window.get(), u"deckEdit"_qs);
        QVERIFY(!m_window->hasUnsavedChanges());
        m_window->checks()->storyShown();
        QTest::qWait(SpellHighlighter::PauseMs + ChecksController::CheckDelayMs);
        QVERIFY(!m_window->hasUnsavedChanges());
        testsupport::typeInto(deck, u"A recieved plan"_qs);
        m_window->saveStory();
        QVERIFY(!m_window->hasUnsavedChanges());
        QTRY_COMPARE(underlined(deck->document()->firstBlock()), QStringList{u"recieved"_qs});
        QVERIFY(!m_window->hasUnsavedChanges());
    }

    void typedMisspellingIsUnderlinedAndASuggestionFixesIt() {
        BodyEditor *body = m_window->storyEditor()->bodyEditor();
        testsupport::typeInto(body, u"The counsil met"_qs);
        const QTextBlock block = body->document()->firstBlock();
        // After the pause; the word being typed ("met") is never marked.
        QTRY_COMPARE(underlined(block), QStringList{u"counsil"_qs});
        // Painted over the text: red under "counsil", none under "The".
        QVERIFY(redUnder(body, block.position() + 4, block.position() + 11));
        QVERIFY(!redUnder(body, block.position(), block.position() + 3));
        // Typing on at the end of a misspelled word: it is the word under the cursor, so unmarked.
        testsupport::typeInto(body, u" teh"_qs);
        QTest::qWait(SpellHighlighter::PauseMs * 2);
        QCOMPARE(underlined(block), QStringList{u"counsil"_qs});
        testsupport::typeInto(body, u" end."_qs);
        QTRY_COMPARE(underlined(block), (QStringList{u"counsil"_qs, u"teh"_qs}));

        QTextCursor at(block);
        at.setPosition(block.position() + 6); // inside "counsil"
        const QList<QAction *> actions = m_window->checks()->spellingActions(body, at, this);
        QStringList texts;
        for (QAction *a : actions)
            texts.append(a->text());
        QVERIFY2(texts.contains(u"council"_qs), qPrintable(texts.join(u", "_qs)));
        QCOMPARE(texts.value(texts.size() - 2), u"Add “counsil” to House Dictionary"_qs);
        QCOMPARE(texts.constLast(), u"Ignore “counsil” in This Story"_qs);
        for (QAction *a : actions)
            if (a->text() == u"council")
                a->trigger();
        QCOMPARE(block.text(), u"The council met teh end."_qs);
        QTRY_COMPARE(m_window->storyEditor()->story().body.value(0).plainText(), u"The council met teh end."_qs);
        body->setFocus();
        QTRY_COMPARE(underlined(body->document()->firstBlock()), QStringList{u"teh"_qs});
        // A correct word has no spelling actions.
        at.setPosition(block.position() + 1);
        QCOMPARE(m_window->checks()->spellingActions(body, at, this).size(), 0);
        qDeleteAll(actions);
    }

    void underlinesNeverWidenTheBody() {
        // Underlined words made Qt's layout a fraction of a pixel wider than the editor: a
        // horizontal scroll bar appeared and every key repainted the whole editor.
        m_window->resize(1500, 940);
        BodyEditor *body = m_window->storyEditor()->bodyEditor();
        testsupport::typeInto(body, u"Difficult of could branal of been banness sea shenment later said banive branish "
                                    u"jinment on baner jendish. Haning ropewalk at grinal drinded difficult the for with "
                                    u"sea into in traffic tanive sea baned baner the. Then"_qs);
        QTRY_COMPARE(underlined(body->document()->firstBlock()).size(), 15);
        // Which line overshoots depends on the fonts; the policy is what keeps it from mattering.
        QCOMPARE(body->horizontalScrollBarPolicy(), Qt::ScrollBarAlwaysOff);
        QVERIFY(!body->horizontalScrollBar()->isVisible());
    }

    void panelListsSelectsFixesAndIgnores() {
        BodyEditor *body = m_window->storyEditor()->bodyEditor();
        testsupport::typeInto(body, u"They utilize the the boats."_qs);
        m_window->checks()->checkNow();
        ChecksPanel *panel = m_window->checksPanel();
        QStringList rules;
        for (const Finding &f : panel->findings())
            rules.append(f.rule);
        QCOMPARE(rules, (QStringList{u"double-word"_qs, u"utilize"_qs}));
        auto *tree = testsupport::requireChild<QTreeWidget>(panel, u"checksTree"_qs);
        QCOMPARE(tree->topLevelItem(0)->text(0), u"Errors (1)"_qs);
        QCOMPARE(tree->topLevelItem(1)->text(0), u"Warnings (1)"_qs);
        QCOMPARE(tree->topLevelItem(1)->child(0)->text(0), u"Say “use”, not “utilize”. (fix: “use”)"_qs);
        QCOMPARE(tree->topLevelItem(1)->child(0)->text(1), u"Body, block 1"_qs);

        // Clicking selects the text in its field.
        const QRect rect = tree->visualItemRect(tree->topLevelItem(1)->child(0));
        QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, rect.center());
        QCOMPARE(body->textCursor().selectedText(), u"utilize"_qs);
        QCOMPARE(testsupport::requireChild<QLabel>(m_window.get(), u"textStats"_qs)->text(),
                 u"Selection: 1 word · 7 characters"_qs);

        // One click fixes it.
        auto *fix = testsupport::requireChild<QPushButton>(panel, u"checksFixButton"_qs);
        QVERIFY(fix->isEnabled());
        QTest::mouseClick(fix, Qt::LeftButton);
        QCOMPARE(body->document()->firstBlock().text(), u"They use the the boats."_qs);
        QCOMPARE(panel->findings().size(), 1);

        // Ignore the doubled word: saved with the story, still ignored after reopening.
        panel->setCurrentIndex(0);
        QTest::mouseClick(testsupport::requireChild<QPushButton>(panel, u"checksIgnoreButton"_qs), Qt::LeftButton);
        QCOMPARE(panel->findings().size(), 0);
        QCOMPARE(m_library->ignoredFindings(m_window->currentStoryId()).size(), 1);
        QVERIFY(m_window->saveStory());
        const QString id = m_window->currentStoryId();
        m_window.reset();
        m_window = std::make_unique<MainWindow>(*m_library);
        QVERIFY(m_window->openStory(id));
        QCOMPARE(m_window->storyEditor()->story().body.value(0).plainText(), u"They use the the boats."_qs);
        QCOMPARE(m_window->checksPanel()->findings().size(), 0);
        QCOMPARE(testsupport::requireChild<QLabel>(m_window.get(), u"textStats"_qs)->text(),
                 u"23 characters · under 1 min read"_qs);
    }

    void findingsMarkedOnThePreview() {
        BodyEditor *body = m_window->storyEditor()->bodyEditor();
        testsupport::typeInto(body, u"They "_qs);
        QTest::keyClick(body, Qt::Key_B, Qt::ControlModifier);
        testsupport::typeInto(body, u"utilize"_qs);
        QTest::keyClick(body, Qt::Key_B, Qt::ControlModifier);
        testsupport::typeInto(body, u" the the boats."_qs);
        auto *toggle = testsupport::requireChild<QCheckBox>(m_window->checksPanel(), u"checksPreviewToggle"_qs);
        QVERIFY(!toggle->isChecked());
        QTest::mouseClick(toggle, Qt::LeftButton);
        QSignalSpy marked(m_window->previewPane(), &PreviewPane::findingsMarked);
        m_window->checks()->checkNow();
        // Each finding wrapped where it is, inside the bold text it is in; the headline has none.
        const QString marks = u"Array.from(document.querySelectorAll('mark.galley-finding'))"
                              u".map(m => m.className + ':' + m.textContent + ':' + m.parentElement.tagName).join('|')"_qs;
        QTRY_COMPARE_WITH_TIMEOUT(js(marks).toString(),
                                  u"galley-finding galley-finding-warning:utilize:STRONG|"
                                  u"galley-finding galley-finding-error:the the:P"_qs,
                                  10000);
        QCOMPARE(js(u"document.querySelector('.story-body p').textContent"_qs).toString(),
                 u"PORT EXAMPLE — They utilize the the boats."_qs);
        QCOMPARE(js(u"document.querySelector('mark.galley-finding').title"_qs).toString(),
                 u"Say “use”, not “utilize”."_qs);
        QVERIFY(!marked.isEmpty());
        QCOMPARE(marked.constLast().at(0).toInt(), 2);
        QVERIFY(QSettings().value(u"checks/markInPreview"_qs).toBool());

        // Off: every mark goes, the words and the bold stay.
        QTest::mouseClick(toggle, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(js(u"document.querySelectorAll('mark').length"_qs).toInt(), 0, 10000);
        QCOMPARE(js(u"document.querySelector('.story-body p').innerHTML"_qs).toString(),
                 u"<span class=\"dateline\">PORT EXAMPLE</span> — They <strong>utilize</strong> the the boats."_qs);
    }

    void oneLineFieldsHaveTheSpellingMenu() {
        Story story = Story::create();
        story.headline = u"Ferry timetable changes"_qs;
        StoryImage image;
        image.id = u"p1"_qs;
        QImage pixels(8, 8, QImage::Format_RGB32);
        pixels.fill(Qt::darkCyan);
        QBuffer buffer(&image.data);
        buffer.open(QIODevice::WriteOnly);
        pixels.save(&buffer, "PNG");
        image.mimeType = u"image/png"_qs;
        image.fileName = u"quay.png"_qs;
        image.caption = u"The ferrry at the quay"_qs;
        image.credit = u"Photo: Staf"_qs;
        image.altText = u"A ferry at a quay"_qs;
        story.images = {image};
        QString error;
        QVERIFY2(m_library->save(story, &error), qPrintable(error));
        QVERIFY(m_window->openStory(story.id));

        auto *caption = testsupport::requireChild<QPlainTextEdit>(m_window.get(), u"imageCaption0"_qs);
        QTextCursor word(caption->document());
        word.setPosition(6); // in "ferrry"
        // A right-click on the word opens the field's menu with the spelling actions on top.
        const QPoint at = caption->cursorRect(word).center();
        QContextMenuEvent click(QContextMenuEvent::Mouse, at, caption->viewport()->mapToGlobal(at));
        QCoreApplication::sendEvent(caption->viewport(), &click);
        QTRY_VERIFY(qobject_cast<QMenu *>(QApplication::activePopupWidget()));
        auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
        QStringList menuTexts;
        for (QAction *a : menu->actions())
            menuTexts.append(a->text());
        QVERIFY2(menuTexts.contains(u"ferry"_qs) && menuTexts.contains(u"Ignore “ferrry” in This Story"_qs),
                 qPrintable(menuTexts.join(u", "_qs)));
        for (QAction *a : menu->actions())
            if (a->text() == u"ferry")
                a->trigger();
        menu->close();
        QTRY_VERIFY(!QApplication::activePopupWidget());
        QCOMPARE(caption->toPlainText(), u"The ferry at the quay"_qs);
        QTRY_COMPARE(m_window->storyEditor()->story().images.value(0).caption, u"The ferry at the quay"_qs);
        QCOMPARE(m_window->checks()->spellingActions(caption, word, this).size(), 0); // spelled right now

        // A credit is a one-line field: the same menu from the word under the mouse.
        auto *credit = testsupport::requireChild<QLineEdit>(m_window.get(), u"imageCredit0"_qs);
        credit->setCursorPosition(9); // in "Staf"
        const QPoint creditAt = credit->inputMethodQuery(Qt::ImCursorRectangle).toRect().center();
        QContextMenuEvent creditClick(QContextMenuEvent::Mouse, creditAt, credit->mapToGlobal(creditAt));
        QCoreApplication::sendEvent(credit, &creditClick);
        QTRY_VERIFY(qobject_cast<QMenu *>(QApplication::activePopupWidget()));
        menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
        for (QAction *a : menu->actions())
            if (a->objectName() == u"spellingAddToHouse")
                a->trigger();
        menu->close();
        QCOMPARE(m_library->houseWords(), QStringList{u"Staf"_qs});
    }

    void houseDictionaryFromTheMenu() {
        BodyEditor *body = m_window->storyEditor()->bodyEditor();
        testsupport::typeInto(body, u"The Galleyware team met."_qs);
        m_window->checks()->checkNow();
        QCOMPARE(m_window->checksPanel()->findings().size(), 1);
        QTextCursor at(body->document()->firstBlock());
        at.setPosition(6);
        const QList<QAction *> actions = m_window->checks()->spellingActions(body, at, this);
        for (QAction *a : actions)
            if (a->objectName() == u"spellingAddToHouse")
                a->trigger();
        QCOMPARE(m_library->houseWords(), QStringList{u"Galleyware"_qs});
        QCOMPARE(m_window->checksPanel()->findings().size(), 0);
        QCOMPARE(underlined(body->document()->firstBlock()), QStringList());
        qDeleteAll(actions);
    }

    void deckIsUnderlinedAndHeadlineFixed() {
        auto *headline = testsupport::requireChild<WrappingLineEdit>(m_window.get(), u"headlineEdit"_qs);
        headline->selectAll();
        testsupport::typeAtEnd(headline, u" Utilize"_qs);
        auto *deck = testsupport::requireChild<WrappingLineEdit>(m_window.get(), u"deckEdit"_qs);
        testsupport::typeInto(deck, u"A recieved plan"_qs);
        QTRY_COMPARE(underlined(deck->document()->firstBlock()), QStringList{u"recieved"_qs});
        m_window->checks()->checkNow();
        const QList<Finding> findings = m_window->checksPanel()->findings();
        qsizetype utilize = -1;
        for (qsizetype i = 0; i < findings.size(); ++i)
            if (findings.at(i).rule == u"utilize")
                utilize = i;
        QVERIFY(utilize >= 0);
        QVERIFY(m_window->checks()->fix(findings.at(utilize)));
        QCOMPARE(headline->text(), u"Ferry timetable changes Use"_qs);

        if (const QString path = qEnvironmentVariable("GALLEY_SCREENSHOT"); !path.isEmpty()) {
            BodyEditor *body = m_window->storyEditor()->bodyEditor();
            testsupport::typeInto(body, u"The counsil voted on Tuesday to raise the the sea wall by 3 feet.  "
                                        u"Mayor Brannagh said the \"plan\" was very unique. Brannagh left."_qs);
            testsupport::typeAtEnd(headline, u" on the harbur line"_qs);
            body->setFocus();
            m_window->resize(1440, 900);
            QTest::qWait(SpellHighlighter::PauseMs * 2);
            m_window->checks()->checkNow();
            // Select the misspelling in the panel, which selects it in the body.
            const QList<Finding> all = m_window->checksPanel()->findings();
            for (qsizetype i = 0; i < all.size(); ++i)
                if (all.at(i).matched == u"counsil") {
                    m_window->checksPanel()->setCurrentIndex(int(i));
                    m_window->checks()->reveal(all.at(i));
                }
            QSignalSpy marked(m_window->previewPane(), &PreviewPane::findingsMarked);
            m_window->checksPanel()->setMarksInPreview(true);
            QVERIFY(marked.wait(10000));
            QTest::qWait(300);
            QVERIFY(m_window->grab().save(path));
            m_window->checksPanel()->setMarksInPreview(false);
        }
    }

private:
    QVariant js(const QString &script) {
        return testsupport::runPageScript(m_window->previewPane()->view(), script, 10000);
    }

    QTemporaryDir m_dir;
    std::unique_ptr<StoryLibrary> m_library;
    std::unique_ptr<MainWindow> m_window;
    int m_count = 0;
};

int main(int argc, char **argv) {
    return galley::testsupport::runGuiTest<TestChecksPanel>(argc, argv, u"tst_checkspanel"_qs);
}

#include "tst_checkspanel.moc"
