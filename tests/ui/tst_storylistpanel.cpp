// The story list on its own: best matches first when searching, a cap that keeps a large library
// quick, with a note saying so, keyboard from the search box, and a note for a hidden open story.

#include "storage/storylibrary.h"
#include "storylistpanel.h"

#include <QListWidget>
#include <QLineEdit>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace galley;

class TestStoryListPanel final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init() {
        m_library = std::make_unique<StoryLibrary>();
        QString error;
        QVERIFY2(m_library->open(m_dir.filePath(u"list.sqlite"_qs), &error), qPrintable(error));
    }

    void cleanup() {
        m_library.reset();
        QFile::remove(m_dir.filePath(u"list.sqlite"_qs));
    }

    void searchListsBestMatchFirst() {
        save(u"Lighthouse keeper retires"_qs, u"She kept the lamp lit."_qs);
        save(u"Ferry timetable changes"_qs, u"The first boat leaves before the lighthouse switches off."_qs);
        StoryListPanel panel(*m_library);
        auto *search = panel.findChild<QLineEdit *>(u"searchEdit"_qs);
        auto *list = panel.findChild<QListWidget *>(u"storyList"_qs);
        QVERIFY(search && list);
        panel.reload();
        QCOMPARE(texts(list), (QStringList{u"Ferry timetable changes"_qs, u"Lighthouse keeper retires"_qs}));
        search->setText(u"lighthouse"_qs);
        panel.reload();
        QCOMPARE(texts(list), (QStringList{u"Lighthouse keeper retires"_qs, u"Ferry timetable changes"_qs}));
    }

    void longListIsCappedWithANote() {
        QString error;
        Story oldest = storyWith(u"Oldest story"_qs, QString());
        QVERIFY(m_library->save(oldest, &error));
        for (int i = 0; i < StoryListPanel::MaxListedStories; ++i) {
            Story story = storyWith(u"Council notice %1"_qs.arg(i + 1), QString());
            QVERIFY2(m_library->save(story, &error), qPrintable(error));
        }
        StoryListPanel panel(*m_library);
        auto *list = panel.findChild<QListWidget *>(u"storyList"_qs);
        panel.reload();
        QCOMPARE(list->count(), StoryListPanel::MaxListedStories + 1);
        QCOMPARE(list->item(0)->text(), u"Council notice 500"_qs);
        QCOMPARE(list->item(StoryListPanel::MaxListedStories - 1)->text(), u"Council notice 1"_qs);
        QCOMPARE(list->item(StoryListPanel::MaxListedStories)->text(),
                 u"Only the first 500 stories are listed: search or filter to find others."_qs);
        QCOMPARE(list->item(StoryListPanel::MaxListedStories)->flags(), Qt::NoItemFlags);

        // The story past the cap is one search away.
        panel.findChild<QLineEdit *>(u"searchEdit"_qs)->setText(u"oldest"_qs);
        panel.reload();
        QCOMPARE(texts(list), QStringList{u"Oldest story"_qs});
    }

    // From the search box, Down moves into the results (highlighting the first without opening
    // it) and Enter opens the highlighted story.
    void downAndEnterFromSearch() {
        save(u"Lighthouse keeper retires"_qs, u"She kept the lamp lit."_qs);
        save(u"Ferry timetable changes"_qs, u"The first boat leaves before the lighthouse switches off."_qs);
        StoryListPanel panel(*m_library);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        panel.reload();
        auto *search = panel.findChild<QLineEdit *>(u"searchEdit"_qs);
        auto *list = panel.findChild<QListWidget *>(u"storyList"_qs);
        QSignalSpy opened(&panel, &StoryListPanel::storySelected);
        search->setFocus();
        QTest::keyClicks(search, u"keeper"_qs);
        QTest::keyClick(search, Qt::Key_Down);
        QVERIFY(list->hasFocus());
        QCOMPARE(list->currentItem()->text(), u"Lighthouse keeper retires"_qs);
        QCOMPARE(opened.count(), 0);
        QTest::keyClick(list, Qt::Key_Return);
        QCOMPARE(opened.count(), 1);
        QCOMPARE(opened.at(0).at(0).toString(), panel.selectedStoryId());
    }

    // A search that hides the story on screen says so at the top of the list.
    void hiddenOpenStoryIsExplained() {
        save(u"Lighthouse keeper retires"_qs, u"She kept the lamp lit."_qs);
        save(u"Ferry timetable changes"_qs, u"Two sailings move."_qs);
        StoryListPanel panel(*m_library);
        panel.reload();
        auto *list = panel.findChild<QListWidget *>(u"storyList"_qs);
        const QString lighthouse = list->item(1)->data(Qt::UserRole + 1).toString();
        panel.selectStory(lighthouse);
        panel.findChild<QLineEdit *>(u"searchEdit"_qs)->setText(u"ferry"_qs);
        panel.reload();
        QCOMPARE(texts(list), (QStringList{u"The story you are editing does not match this search or filter."_qs,
                                           u"Ferry timetable changes"_qs}));
        QCOMPARE(list->item(0)->flags(), Qt::NoItemFlags);
        panel.findChild<QLineEdit *>(u"searchEdit"_qs)->setText(u"keeper"_qs);
        panel.reload();
        QCOMPARE(texts(list), QStringList{u"Lighthouse keeper retires"_qs});
    }

private:
    static Story storyWith(const QString &headline, const QString &paragraph) {
        Story story = Story::create();
        story.headline = headline;
        if (!paragraph.isEmpty())
            story.body.append(Block::make(BlockKind::Paragraph, paragraph));
        return story;
    }

    void save(const QString &headline, const QString &paragraph) {
        Story story = storyWith(headline, paragraph);
        QString error;
        QVERIFY2(m_library->save(story, &error), qPrintable(error));
    }

    static QStringList texts(const QListWidget *list) {
        QStringList out;
        for (int i = 0; i < list->count(); ++i)
            out.append(list->item(i)->text());
        return out;
    }

    QTemporaryDir m_dir;
    std::unique_ptr<StoryLibrary> m_library;
};

QTEST_MAIN(TestStoryListPanel)
#include "tst_storylistpanel.moc"
