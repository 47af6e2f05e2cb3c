// The live preview keeps up with typing: random edits made through the real widgets are patched
// into the page, and the patched article must equal a fresh render of the same story. Also: a story
// too big for setHtml, the width presets and print view, and scroll sync both ways.
// Set GALLEY_SCREENSHOT_DIR=/folder to write the window at each width preset as PNG files.

#include "bodyeditor.h"
#include "editing/documentconverter.h"
#include "guitestsupport.h"
#include "mainwindow.h"
#include "pictures/cropview.h"
#include "placementcombo.h"
#include "preview/previewpane.h"
#include "preview/previewscheme.h"
#include "render/articlerenderer.h"
#include "storage/storylibrary.h"
#include "storyeditor.h"

#include <QApplication>
#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLineEdit>
#include <QPainter>
#include <QRandomGenerator>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QWebEnginePage>
#include <QWebEngineView>

#include <memory>

using namespace galley;

namespace {

constexpr int PreviewTimeoutMs = 30000;

const QStringList &words() {
    static const QStringList list = u"harbour council ferry levy tannery quay ward budget vote mayor "
                                    "bridge repair tide crane market school"_qs.split(u' ');
    return list;
}

QByteArray picture(QColor colour) {
    QImage image(64, 40, QImage::Format_RGB32);
    image.fill(colour);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

StoryImage makeImage(const QString &caption, QColor colour, const Placement &placement) {
    StoryImage image;
    image.id = newId();
    image.data = picture(colour);
    image.mimeType = u"image/png"_qs;
    image.fileName = u"picture.png"_qs;
    image.caption = caption;
    image.credit = u"Staff"_qs;
    image.altText = caption;
    image.placement = placement;
    return image;
}

// An invented story with every kind of block, a lead picture, a picture and pull quotes in the body.
Story sampleStory() {
    Story story = Story::create();
    story.headline = u"Quay repairs start before the winter tides"_qs;
    story.deck = u"The council voted the levy through after a long night"_qs;
    story.bylines = {Byline{u"Ada Brightwater"_qs}};
    story.dateline = u"PORT ELMSBY"_qs;
    for (int i = 0; i < 10; ++i)
        story.body.append(Block::make(BlockKind::Paragraph,
                                      u"Paragraph %1 says the %2 and the %3 need work."_qs.arg(i).arg(
                                          words()[i % words().size()], words()[(i * 3) % words().size()])));
    story.body.insert(4, Block::make(BlockKind::Subhead, u"What the vote means"_qs));
    Block list = Block::make(BlockKind::BulletList, u"First point"_qs);
    list.lines.append(InlineText::plain(u"Second point"_qs));
    story.body.insert(7, list);
    Block quote = Block::make(BlockKind::BlockQuote, u"We will rebuild the quay."_qs);
    story.body.insert(9, quote);
    story.images.append(makeImage(u"The old quay"_qs, Qt::darkBlue, Placement::lead()));
    story.images.append(makeImage(u"A crane"_qs, Qt::darkGreen, Placement::after(story.body[2].id)));
    story.pullQuotes.append(
        {newId(), u"Not one more winter"_qs, u"A. Mayor"_qs, Placement::after(story.body[3].id)});
    story.pullQuotes.append({newId(), u"The tide waits for nobody"_qs, u"B. Pilot"_qs, Placement::lead()});
    return story;
}

// Kind, id and text of each block, one a line, for failure messages.
QString shape(const QList<Block> &blocks) {
    QStringList lines;
    for (const Block &block : blocks)
        lines.append(blockKindKey(block.kind) + u' ' + block.id.left(8) + u' ' +
                     block.plainText().replace(u'\n', u'|').left(60));
    return lines.join(u'\n');
}

// sampleStory() with what real copy brings too: a table with a header row and a ragged row, section
// breaks, a nested list mixing numbers and bullets, struck and raised text.
Story structuredStory() {
    Story story = sampleStory();
    Block table{newId(), BlockKind::Table};
    table.headerRow = true;
    table.rows = {{InlineText::plain(u"Ward"_qs), InlineText::plain(u"Turnout"_qs)},
                  {InlineText::plain(u"Saltmarsh"_qs), InlineText::plain(u"41%"_qs)},
                  {InlineText::plain(u"Quayside"_qs)}};
    story.body.insert(2, table);
    story.body.insert(5, Block{newId(), BlockKind::SectionBreak});
    Block nested{newId(), BlockKind::NumberedList};
    const QList<std::pair<QString, ListItem>> items = {{u"Close the quay"_qs, {0, true}},
                                                       {u"North berth"_qs, {1, false}},
                                                       {u"South berth"_qs, {1, false}},
                                                       {u"Rebuild"_qs, {0, true}}};
    for (const auto &[text, item] : items) {
        nested.lines.append(InlineText::plain(text));
        nested.items.append(item);
    }
    story.body.insert(8, nested);
    InlineRun struck{u"old levy"_qs};
    struck.strike = true;
    InlineRun raised{u"2"_qs};
    raised.baseline = Baseline::Superscript;
    story.body.append(
        Block{newId(),
              BlockKind::Paragraph,
              {InlineText{{InlineRun{u"The "_qs}, struck, InlineRun{u" new levy, 4 m"_qs}, raised}}}});
    story.body.append(Block{newId(), BlockKind::SectionBreak});
    return story;
}

QString jsString(const QString &text) {
    const QByteArray json = QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(json.mid(1, json.size() - 2));
}

// Notes whether the preview's web view existed when the watched widget first painted.
class FirstPaintProbe final : public QObject {
public:
    explicit FirstPaintProbe(PreviewPane *pane)
        : m_pane(pane) {}
    bool painted = false;
    bool viewExisted = false;

protected:
    bool eventFilter(QObject *, QEvent *event) override {
        if (event->type() == QEvent::Paint && !painted) {
            painted = true;
            viewExisted = m_pane->view() != nullptr;
        }
        return false;
    }

private:
    PreviewPane *m_pane;
};

} // namespace

class TestPreview final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        testsupport::useTestSettings(m_dir);
    }

    // A picture replaced under the same id gets a new address, so the page does not show the old
    // one from WebEngine's cache; the same bytes keep the same address, so typing reloads nothing.
    void pictureAddressFollowsItsBytes() {
        StoryImage image;
        image.id = u"a1/b2"_qs;
        image.data = QByteArray(10000, 'x');
        const QString first = previewImageUrl(image);
        QVERIFY(first.startsWith(u"galley://image/a1%2Fb2?v="_qs));
        QCOMPARE(previewImageUrl(StoryImage(image)), first);
        image.data[9999] = 'y';
        QVERIFY(previewImageUrl(image) != first);
        image.data = QByteArray(10001, 'x');
        QVERIFY(previewImageUrl(image) != first);
    }

    void cleanup() {
        m_window.reset();
        m_library.reset();
    }

    void webViewStartsAfterEditorPaints() {
        m_library = std::make_unique<StoryLibrary>();
        QString error;
        QVERIFY2(m_library->open(m_dir.filePath(u"library-%1.sqlite"_qs.arg(++m_count)), &error),
                 qPrintable(error));
        Story story = sampleStory();
        QVERIFY2(m_library->save(story, &error), qPrintable(error));
        m_window = std::make_unique<MainWindow>(*m_library);
        FirstPaintProbe probe(m_window->previewPane());
        m_window->storyEditor()->bodyEditor()->viewport()->installEventFilter(&probe);
        m_window->openInitialStory();
        QVERIFY(m_window->previewPane()->view() == nullptr);
        m_window->show();
        QTRY_VERIFY(probe.painted);
        QVERIFY(!probe.viewExisted);
        QTRY_VERIFY_WITH_TIMEOUT(m_window->previewPane()->view() != nullptr, PreviewTimeoutMs);
        m_window->storyEditor()->bodyEditor()->viewport()->removeEventFilter(&probe);
    }

    void randomEditsMatchFreshRender_data() {
        QTest::addColumn<quint32>("seed");
        QTest::addColumn<bool>("structured");
        QTest::newRow("seed 1") << 1u << false;
        QTest::newRow("seed 7") << 7u << false;
        QTest::newRow("seed 42") << 42u << false;
        QTest::newRow("table, breaks, nested list, seed 3") << 3u << true;
        QTest::newRow("table, breaks, nested list, seed 11") << 11u << true;
        QTest::newRow("table, breaks, nested list, seed 99") << 99u << true;
    }

    void randomEditsMatchFreshRender() {
        QFETCH(quint32, seed);
        QFETCH(bool, structured);
        openStory(structured ? structuredStory() : sampleStory());
        QCOMPARE(js(u"window.galleyMarker = 42"_qs).toInt(), 42);
        QRandomGenerator random(seed);
        StoryEditor *editor = m_window->storyEditor();
        BodyEditor *body = editor->bodyEditor();
        QTextDocument *document = body->document();
        QStringList done;
        for (int step = 0; step < 40; ++step) {
            // Structured stories also see Tab and Shift+Tab (list levels, table cells) and new breaks.
            const int op = random.bounded(structured ? 112 : 100);
            const QTextBlock block = document->findBlockByNumber(random.bounded(document->blockCount()));
            const int inBlock = block.length() > 1 ? random.bounded(block.length()) : 0;
            auto placeCursor = [&](int position) {
                body->setFocus();
                QTextCursor cursor(document);
                cursor.setPosition(qBound(0, position, document->characterCount() - 1));
                body->setTextCursor(cursor);
            };
            if (op < 35) {
                placeCursor(block.position() + inBlock);
                QTest::keyClicks(body, u" "_qs + words()[random.bounded(words().size())]);
                done << u"type"_qs;
            } else if (op < 50) {
                placeCursor(block.position() + inBlock);
                for (int n = random.bounded(1, 4); n > 0; --n)
                    QTest::keyClick(body, random.bounded(2) ? Qt::Key_Backspace : Qt::Key_Delete);
                done << u"delete"_qs;
            } else if (op < 62) {
                placeCursor(block.position() + inBlock);
                QTest::keyClick(body, Qt::Key_Return);
                done << u"split"_qs;
            } else if (op < 72) {
                placeCursor(block.position());
                QTest::keyClick(body, Qt::Key_Backspace);
                done << u"merge up"_qs;
            } else if (op < 80) {
                placeCursor(block.position() + block.length() - 1);
                QTest::keyClick(body, Qt::Key_Delete);
                done << u"merge down"_qs;
            } else if (op < 88) {
                done << (moveItem(u"pullQuotePlacement%1"_qs.arg(random.bounded(2)), random)
                             ? u"move quote"_qs
                             : u"no quote"_qs);
            } else if (op < 96) {
                done << (moveItem(u"imagePlacement%1"_qs.arg(random.bounded(2)), random) ? u"move picture"_qs
                                                                                         : u"no picture"_qs);
            } else if (op < 100) {
                auto *dateline = m_window->findChild<QLineEdit *>(u"datelineEdit"_qs);
                dateline->setFocus();
                QTest::keyClick(dateline, Qt::Key_Backspace);
                done << u"dateline"_qs;
            } else if (op < 108) {
                placeCursor(block.position() + inBlock);
                const bool back = random.bounded(2);
                QTest::keyClick(body, Qt::Key_Tab, back ? Qt::ShiftModifier : Qt::NoModifier);
                done << (back ? u"shift+tab"_qs : u"tab"_qs);
            } else {
                placeCursor(block.position() + inBlock);
                body->insertSectionBreak();
                done << u"break"_qs;
            }
            const QString context = done.join(u", "_qs);
            // The editor's story is what a whole-document read gives.
            if (editor->story().body != readBlocks(document))
                qWarning().noquote() << shape(editor->story().body) << "\n--- read whole:\n"
                                     << shape(readBlocks(document));
            QVERIFY2(editor->story().body == readBlocks(document), qPrintable(u"after "_qs + context));
            QCOMPARE(editor->wordCount(), editor->story().wordCount());
            QTRY_VERIFY_WITH_TIMEOUT(m_window->previewPane()->isUpToDate(), PreviewTimeoutMs);
            const QString fresh =
                ArticleRenderer().renderArticle(editor->story(), PreviewPane::renderOptions());
            const QString expected =
                js(u"galleyPreview.serializeFresh("_qs + jsString(fresh) + u')').toString();
            const QString live = js(u"galleyPreview.articleHtml()"_qs).toString();
            QVERIFY2(!expected.isEmpty(), qPrintable(context));
            if (live != expected) {
                qsizetype at = 0;
                while (at < live.size() && at < expected.size() && live.at(at) == expected.at(at))
                    ++at;
                qWarning().noquote() << "live:    " << live.mid(std::max<qsizetype>(0, at - 200), 400)
                                     << "\nexpected:" << expected.mid(std::max<qsizetype>(0, at - 200), 400);
            }
            QVERIFY2(live == expected, qPrintable(u"after "_qs + context));
        }
        // Patched all along: the page never reloaded and never needed the whole article again.
        QCOMPARE(js(u"window.galleyMarker"_qs).toInt(), 42);
        QCOMPARE(js(u"galleyPreview.fullUpdates()"_qs).toInt(), 1);
    }

    void storyOverTwoMegabytesPreviews() {
        Story story = sampleStory();
        const QString filler =
            u"The harbour levy will pay for new quay stones, says the council. "_qs.repeated(8);
        for (int i = 0; i < 4200; ++i)
            story.body.append(Block::make(BlockKind::Paragraph, u"Part %1. "_qs.arg(i) + filler));
        story.body.append(Block::make(BlockKind::Paragraph, u"The very last paragraph."_qs));
        openStory(story);
        QTRY_VERIFY_WITH_TIMEOUT(m_window->previewPane()->isUpToDate(), PreviewTimeoutMs);
        QVERIFY(js(u"galleyPreview.articleHtml().length"_qs).toInt() > 2 * 1024 * 1024);
        QCOMPARE(js(u"document.querySelector('.story-body > p:last-of-type').textContent"_qs).toString(),
                 u"The very last paragraph."_qs);
        QTRY_COMPARE_WITH_TIMEOUT(
            js(u"document.querySelector('figure.lead-image img').naturalWidth"_qs).toInt(), 64,
            PreviewTimeoutMs);
        // Typing still patches rather than reloads.
        BodyEditor *body = m_window->storyEditor()->bodyEditor();
        body->setFocus();
        body->moveCursor(QTextCursor::End);
        QTest::keyClicks(body, u" Really."_qs);
        QTRY_COMPARE_WITH_TIMEOUT(
            js(u"document.querySelector('.story-body > p:last-of-type').textContent"_qs).toString(),
            u"The very last paragraph. Really."_qs, PreviewTimeoutMs);
        QCOMPARE(js(u"galleyPreview.fullUpdates()"_qs).toInt(), 1);
    }

    // A crop drawn and a focal point clicked in the Pictures panel reach the preview: the picture is
    // served cut to the crop (as the export's renditions are) and the img gets object-position.
    void cropAndFocusReachThePreview() {
        const Story story = sampleStory();
        openStory(story);
        auto *view = m_window->findChild<CropView *>(u"imageCrop0"_qs);
        QVERIFY(view);
        const QString img = u"document.querySelector('figure.lead-image img')"_qs;
        QTRY_COMPARE_WITH_TIMEOUT(js(img + u".naturalWidth"_qs).toInt(), 64, PreviewTimeoutMs);
        // The left half of the 64 x 40 picture.
        const QPoint from = view->widgetPoint({0.0, 0.0});
        const QPoint to = view->widgetPoint({0.5, 1.0});
        QTest::mousePress(view, Qt::LeftButton, {}, from);
        QTest::mouseMove(view, from + QPoint(12, 12));
        QTest::mouseMove(view, to);
        QTest::mouseRelease(view, Qt::LeftButton, {}, to);
        QTRY_COMPARE_WITH_TIMEOUT(js(img + u".naturalWidth"_qs).toInt(), 32, PreviewTimeoutMs);
        QCOMPARE(js(img + u".naturalHeight"_qs).toInt(), 40);
        // A click at a quarter across and down the whole picture: half across, a quarter down the crop.
        QTest::mouseClick(view, Qt::LeftButton, {}, view->widgetPoint({0.25, 0.25}));
        const StoryImage shown = m_window->storyEditor()->story().images.at(0);
        QVERIFY(qAbs(shown.crop.width() - 0.5) < 0.01 && qAbs(shown.crop.height() - 1.0) < 0.01);
        QVERIFY(qAbs(shown.focus.x() - 0.5) < 0.02 && qAbs(shown.focus.y() - 0.25) < 0.02);
        // The widget's pixels make the fractions a hair off the round ones: the page says the story's.
        const auto percent = [](qreal f) -> QString { return QString::number(qRound(f * 1000) / 10.0, 'g', 4) + u'%'; };
        QTRY_COMPARE_WITH_TIMEOUT(js(img + u".style.objectPosition"_qs).toString(),
                                  percent(shown.focus.x()) + u' ' + percent(shown.focus.y()), PreviewTimeoutMs);
    }

    void widthPresets() {
        openStory(sampleStory());
        PreviewPane *pane = m_window->previewPane();
        QTRY_VERIFY_WITH_TIMEOUT(pane->isUpToDate(), PreviewTimeoutMs);
        const struct {
            PreviewPane::Width width;
            int css;
        } presets[] = {{PreviewPane::Width::Phone, 375},
                       {PreviewPane::Width::Tablet, 768},
                       {PreviewPane::Width::Desktop, 1280}};
        for (const auto &preset : presets) {
            pane->setPreviewWidth(preset.width);
            QTRY_COMPARE_WITH_TIMEOUT(js(u"window.innerWidth"_qs).toInt(), preset.css, 10000);
            QVERIFY(pane->view()->width() <= pane->width());
            QVERIFY(pane->view()->width() <= preset.css);
            screenshot(u"preview-%1.png"_qs.arg(preset.css));
        }
        pane->setPreviewWidth(PreviewPane::Width::Print);
        QTRY_VERIFY_WITH_TIMEOUT(js(u"document.documentElement.classList.contains('print-view')"_qs).toBool(),
                                 10000);
        // The print rules apply on screen: the headline is set in 24 pt (32 CSS px).
        QTRY_COMPARE_WITH_TIMEOUT(
            js(u"getComputedStyle(document.querySelector('.headline')).fontSize"_qs).toString(), u"32px"_qs,
            10000);
        screenshot(u"preview-print.png"_qs);
        pane->setPreviewWidth(PreviewPane::Width::Fit);
        QTRY_VERIFY_WITH_TIMEOUT(
            !js(u"document.documentElement.classList.contains('print-view')"_qs).toBool(), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(js(u"window.innerWidth"_qs).toInt(), pane->view()->width(), 10000);
    }

    void scrollSyncBothWays() {
        Story story = sampleStory();
        for (int i = 0; i < 80; ++i)
            story.body.append(
                Block::make(BlockKind::Paragraph, u"Filler paragraph %1 about the tide."_qs.arg(i)));
        openStory(story);
        PreviewPane *pane = m_window->previewPane();
        QTRY_VERIFY_WITH_TIMEOUT(pane->isUpToDate(), PreviewTimeoutMs);
        StoryEditor *editor = m_window->storyEditor();
        const QString lastId = editor->story().body.last().id;
        const QString inView = u"(function(){var r=document.querySelector('[data-block=\"%1\"]')"
                               u".getBoundingClientRect();return r.top>=0&&r.bottom<=innerHeight;})()"_qs;
        QVERIFY(!js(inView.arg(lastId)).toBool());
        // The cursor goes to the last block: the preview brings it into view.
        BodyEditor *body = editor->bodyEditor();
        body->setFocus();
        body->moveCursor(QTextCursor::End);
        QTRY_VERIFY_WITH_TIMEOUT(js(inView.arg(lastId)).toBool(), 10000);
        // A click on a block in the preview puts the cursor at its start.
        const QString target = editor->story().body.at(5).id;
        QTRY_VERIFY_WITH_TIMEOUT(js(u"typeof galleyPreview === 'object'"_qs).toBool(), 10000);
        js(u"document.querySelector('[data-block=\"%1\"]').click(); true"_qs.arg(target));
        QTRY_COMPARE_WITH_TIMEOUT(editor->currentBlockId(), target, 10000);
        QCOMPARE(body->textCursor().positionInBlock(), 0);

        // Typing in a block that is in view patches it without moving the page.
        body->moveCursor(QTextCursor::End);
        QTRY_VERIFY_WITH_TIMEOUT(js(inView.arg(lastId)).toBool(), 10000);
        QTest::qWait(100);
        const int scrolled = js(u"window.scrollY"_qs).toInt();
        QVERIFY(scrolled > 0);
        QTest::keyClicks(body, u" More"_qs);
        QTRY_VERIFY_WITH_TIMEOUT(pane->isUpToDate(), PreviewTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(
            js(u"document.querySelector('[data-block=\"%1\"]').textContent.endsWith(' More')"_qs.arg(lastId))
                .toBool(),
            10000);
        QCOMPARE(js(u"window.scrollY"_qs).toInt(), scrolled);
    }

    void editsMadeMeanwhileAreFolded() {
        openStory(sampleStory());
        PreviewPane *pane = m_window->previewPane();
        int updates = 0;
        connect(pane, &PreviewPane::articleUpdated, this, [&updates] { ++updates; });
        BodyEditor *body = m_window->storyEditor()->bodyEditor();
        body->setFocus();
        body->moveCursor(QTextCursor::End);
        const quint64 before = pane->generation();
        // Thirty keys without the event loop running in between, as when the GUI thread is busy.
        QTest::keyClicks(body, u" and thirty more keys typed fast"_qs.left(30));
        QCOMPARE(pane->generation(), before + 30);
        QTRY_VERIFY_WITH_TIMEOUT(pane->isUpToDate(), PreviewTimeoutMs);
        QCOMPARE(updates, 1);
        QVERIFY(js(u"document.querySelector('.story-body > p:last-of-type').textContent"_qs)
                    .toString()
                    .endsWith(u" and thirty more keys typed fa"_qs));
    }

    void printsToPdf() {
        openStory(sampleStory());
        const QString path = m_dir.filePath(u"story.pdf"_qs);
        QSignalSpy finished(m_window->previewPane(), &PreviewPane::pdfFinished);
        QVERIFY(m_window->previewPane()->printToPdf(path));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, PreviewTimeoutMs);
        QCOMPARE(finished.at(0).at(0).toString(), path);
        QVERIFY(finished.at(0).at(1).toBool());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.read(5), QByteArray("%PDF-"));
    }

private:
    void openStory(const Story &story) {
        m_library = std::make_unique<StoryLibrary>();
        QString error;
        QVERIFY2(m_library->open(m_dir.filePath(u"library-%1.sqlite"_qs.arg(++m_count)), &error),
                 qPrintable(error));
        Story saved = story;
        QVERIFY2(m_library->save(saved, &error), qPrintable(error));
        m_window = std::make_unique<MainWindow>(*m_library);
        m_window->resize(1500, 940);
        m_window->openInitialStory();
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QCOMPARE(m_window->currentStoryId(), saved.id);
        QTRY_VERIFY_WITH_TIMEOUT(m_window->previewPane()->view() != nullptr, PreviewTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(m_window->previewPane()->isUpToDate(), PreviewTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(js(u"galleyPreview.articleHtml().length > 0"_qs).toBool(), PreviewTimeoutMs);
    }

    // Picks another placement in the combo @p name as a user would; false when it does not exist.
    bool moveItem(const QString &name, QRandomGenerator &random) {
        QTest::qWait(1); // the panels rebuild their rows after the event that changed them
        auto *combo = m_window->findChild<PlacementCombo *>(name);
        if (!combo || combo->count() < 2)
            return false;
        const int index = random.bounded(combo->count());
        combo->setCurrentIndex(index);
        Q_EMIT combo->activated(index);
        return true;
    }

    void screenshot(const QString &name) {
        const QString folder = qEnvironmentVariable("GALLEY_SCREENSHOT_DIR");
        if (folder.isEmpty())
            return;
        QTest::qWait(300);
        QVERIFY(m_window->grab().save(QDir(folder).filePath(name)));
    }

    QVariant js(const QString &script) {
        return testsupport::runPageScript(m_window->previewPane()->view(), script, 10000);
    }

    QTemporaryDir m_dir;
    std::unique_ptr<StoryLibrary> m_library;
    std::unique_ptr<MainWindow> m_window;
    int m_count = 0;
};

int main(int argc, char **argv) {
    QTEST_SET_MAIN_SOURCE_PATH
    return galley::testsupport::runGuiTest<TestPreview>(argc, argv, u"tst_preview"_qs);
}

#include "tst_preview.moc"
