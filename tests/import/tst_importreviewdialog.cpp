// The review dialog: every report change listed with a checkbox; unticking undoes exactly that
// change in the story the dialog gives.
#include "import/importreviewdialog.h"
#include "import/importsource.h"

#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTest>
#include <QTreeWidget>

using namespace galley;

class TestImportReviewDialog final : public QObject {
    Q_OBJECT

private:
    std::optional<ImportResult> m_result;

private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QString error;
        m_result = importFile(QStringLiteral(GALLEY_TEST_DATA "/import/webpage-dump-transit.txt"), &error);
        QVERIFY2(m_result, qPrintable(error));
    }

    void listsEveryChange() {
        ImportReviewDialog dialog(*m_result);
        auto *tree = dialog.findChild<QTreeWidget *>(u"importChanges"_qs);
        QVERIFY(tree);
        int items = 0;
        for (int g = 0; g < tree->topLevelItemCount(); ++g)
            items += tree->topLevelItem(g)->childCount();
        QCOMPARE(items, m_result->report().changes.size());
        // Groups in report order: chrome first, with its count.
        QCOMPARE(tree->topLevelItem(0)->text(0), u"Removed site chrome (6)"_qs);
        QCOMPARE(tree->topLevelItem(0)->child(0)->text(2), u"Home | Mail | Register or Login"_qs);
        QCOMPARE(tree->topLevelItem(0)->child(0)->text(3), u"(removed)"_qs);
        QCOMPARE(dialog.acceptedChanges(), QList<bool>(m_result->report().changes.size(), true));
        QCOMPARE(dialog.acceptedStory(), m_result->story());
    }

    void offersToUpdateAnEarlierVersion() {
        Story existing = Story::create();
        existing.slug = u"council-votes"_qs;
        existing.headline = u"Council votes on the light rail"_qs;
        existing.status = StoryStatus::Ready;
        ImportReviewDialog dialog(*m_result);
        dialog.offerUpdate(existing);
        auto *update = dialog.findChild<QPushButton *>(u"updateExisting"_qs);
        auto *asNew = dialog.findChild<QPushButton *>(u"importAsNew"_qs);
        QVERIFY(update && asNew);
        QCOMPARE(update->text(), u"Update “Council votes on the light rail”"_qs);
        QCOMPARE(asNew->text(), u"Import as a new story"_qs);
        QVERIFY(update->isDefault());

        update->click();
        QVERIFY(dialog.updateChosen());
        const Story updated = dialog.resultStory();
        QCOMPARE(updated.id, existing.id);
        QCOMPARE(updated.slug, existing.slug);
        QCOMPARE(updated.status, StoryStatus::Ready);
        QCOMPARE(updated.headline, m_result->story().headline);

        ImportReviewDialog other(*m_result);
        other.offerUpdate(existing);
        other.findChild<QPushButton *>(u"importAsNew"_qs)->click();
        QCOMPARE(other.result(), int(QDialog::Accepted));
        QVERIFY(!other.updateChosen());
        QCOMPARE(other.resultStory(), m_result->story());
    }

    void untickingUndoesOneChange() {
        ImportReviewDialog dialog(*m_result);
        const int split = int(m_result->report().indexesOf(ImportChangeKind::SplitWords).first());
        dialog.setChangeAccepted(split, false);
        QList<bool> expected(m_result->report().changes.size(), true);
        expected[split] = false;
        QCOMPARE(dialog.acceptedChanges(), expected);
        QCOMPARE(dialog.acceptedStory(), m_result->story(expected));
        QVERIFY(dialog.acceptedStory().bodyPlainText().contains(u"councilvoted"_qs));
        auto *preview = dialog.findChild<QPlainTextEdit *>(u"importPreview"_qs);
        QVERIFY(preview->toPlainText().contains(u"councilvoted"_qs));
    }

    void untickingAGroup() {
        ImportReviewDialog dialog(*m_result);
        auto *tree = dialog.findChild<QTreeWidget *>(u"importChanges"_qs);
        QTreeWidgetItem *chrome = tree->topLevelItem(0);
        chrome->setCheckState(0, Qt::Unchecked);
        const QList<bool> accepted = dialog.acceptedChanges();
        for (const int i : m_result->report().indexesOf(ImportChangeKind::RemovedChrome))
            QVERIFY(!accepted.at(i));
        QCOMPARE(accepted.count(false), 6);
        QCOMPARE(dialog.acceptedStory().body.first().plainText(), u"Home | Mail | Register or Login"_qs);
    }

    void untickAllGivesTheInput() {
        ImportReviewDialog dialog(*m_result);
        const auto buttons = dialog.findChildren<QPushButton *>();
        for (QPushButton *button : buttons)
            if (button->text() == u"Untick all"_qs)
                button->click();
        QCOMPARE(dialog.acceptedChanges().count(true), 0);
        const Story story = dialog.acceptedStory();
        QVERIFY(story.headline.isEmpty());
        QCOMPARE(story.body.size(), 26);
    }

    void previewText() {
        const QString text = storyPreviewText(m_result->story());
        QVERIFY(text.startsWith(
            u"LOCAL\n\nCouncil approves $48-million light rail extension after marathon vote\n\n"
            "Opponents say"_qs));
        QVERIFY(text.contains(u"[Picture missing] Councillor Adaeze Okonkwo speaks to reporters"_qs));
        QVERIFY(text.contains(
            u"\u00BB We have waited twenty years for this line. \u2014 Councillor Adaeze Okonkwo"_qs));
        QVERIFY(text.contains(u"\n\nQUESTIONS ABOUT RIDERSHIP\n\n"_qs));
    }

    void pasteAndDrop() {
        QMimeData html;
        html.setHtml(
            u"<h1>Market hall gets a new roof</h1><p>The market hall will reopen in May after repairs.</p>"_qs);
        QVERIFY(canImportMimeData(&html));
        const auto pasted = importMimeData(&html);
        QCOMPARE(pasted.size(), 1);
        QVERIFY(pasted.first().result);
        QCOMPARE(pasted.first().result->report().format, u"html"_qs);
        QCOMPARE(pasted.first().result->story().headline, u"Market hall gets a new roof"_qs);

        QMimeData files;
        files.setUrls({QUrl::fromLocalFile(QStringLiteral(GALLEY_TEST_DATA "/import/cases/nitf/input.nitf")),
                       QUrl::fromLocalFile(u"/nonexistent/story.txt"_qs)});
        const auto dropped = importMimeData(&files);
        QCOMPARE(dropped.size(), 2);
        QVERIFY(dropped.at(0).result);
        QVERIFY(!dropped.at(1).result);
        QCOMPARE(dropped.at(1).error, u"There is no file “/nonexistent/story.txt”."_qs);
        QVERIFY(!canImportMimeData(nullptr));
    }
};

QTEST_MAIN(TestImportReviewDialog)
#include "tst_importreviewdialog.moc"
