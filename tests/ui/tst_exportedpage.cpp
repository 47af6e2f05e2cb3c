// A story shaped by the editor (blocks through the body editor's document and back) with a table, a
// section break, a nested mixed list, struck and raised text and editor's notes exports to a page
// that HTML Tidy finds clean, that holds each structure, and that never shows the notes.

#include "editing/documentconverter.h"
#include "export/storyexporter.h"
#include "render/articlerenderer.h"

#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>

using namespace galley;

namespace {

InlineRun run(const QString &text) {
    return InlineRun{text};
}

Story editedStory() {
    Story story = Story::create();
    story.slug = u"tide-table"_qs;
    story.headline = u"Spring tides reach the quay steps"_qs;
    story.bylines = {Byline{u"Ada Brightwater"_qs, u"Harbour Reporter"_qs}};
    story.dateline = u"PORT ELMSBY"_qs;
    Block table{newId(), BlockKind::Table};
    table.headerRow = true;
    table.rows = {{InlineText::plain(u"Day"_qs), InlineText::plain(u"High water"_qs), InlineText::plain(u"Height"_qs)},
                  {InlineText::plain(u"Mon"_qs), InlineText::plain(u"06:12"_qs), InlineText::plain(u"5.9 m"_qs)},
                  {InlineText::plain(u"Tue"_qs), InlineText::plain(u"06:58"_qs)}};
    Block list{newId(), BlockKind::NumberedList};
    for (const auto &[text, item] : QList<std::pair<QString, ListItem>>{{u"Close the lower car park"_qs, {0, true}},
                                                                        {u"From 05:00"_qs, {1, false}},
                                                                        {u"Signs at both gates"_qs, {2, true}},
                                                                        {u"Open the flood boards"_qs, {0, true}}}) {
        list.lines.append(InlineText::plain(text));
        list.items.append(item);
    }
    InlineRun struck = run(u"Tuesday"_qs);
    struck.strike = true;
    InlineRun sup = run(u"th"_qs);
    sup.baseline = Baseline::Superscript;
    InlineRun sub = run(u"2"_qs);
    sub.baseline = Baseline::Subscript;
    story.body = {
        Block{newId(), BlockKind::Paragraph,
              {InlineText{{run(u"The 14"_qs), sup, run(u" tide, not "_qs), struck, run(u"'s, is the highest."_qs)}}}},
        table,
        Block{newId(), BlockKind::SectionBreak},
        list,
        Block{newId(), BlockKind::Paragraph, {InlineText{{run(u"Sea water carries CO"_qs), sub, run(u"."_qs)}}}},
    };
    story.notes = {EditorNote{newId(), u"Night desk"_qs, QDateTime::currentDateTimeUtc(),
                              u"Check the tide heights with the harbourmaster"_qs, {}},
                   EditorNote{newId(), u"Ada Brightwater"_qs, QDateTime::currentDateTimeUtc(),
                              u"Confirmed by phone at nine"_qs, {}}};
    story.notes[1].replyTo = story.notes[0].id;
    // What the window saves: the body as the editor's document reads it back.
    QTextDocument document;
    blocksToDocument(story.body, &document);
    story.body = documentToBlocks(&document);
    return story;
}

QString exportedPage(const Story &story, QTemporaryDir &dir) {
    QString error;
    if (!exportStory(story, dir.path(), &error))
        qFatal("export failed: %s", qPrintable(error));
    QFile file(dir.filePath(u"index.html"_qs));
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

} // namespace

class TestExportedPage final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void tidyFindsNothing() {
        const QString tidy = QStandardPaths::findExecutable(u"tidy"_qs);
        QVERIFY2(!tidy.isEmpty(), "HTML Tidy (Debian package tidy) is needed to check the exported page.");
        QTemporaryDir dir;
        exportedPage(editedStory(), dir);
        QProcess process;
        process.start(tidy, {u"-errors"_qs, u"-quiet"_qs, u"-utf8"_qs, dir.filePath(u"index.html"_qs)});
        QVERIFY(process.waitForFinished(30000));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        // Neither errors (2) nor warnings (1).
        QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
    }

    void pageHoldsEveryStructure() {
        QTemporaryDir dir;
        const QString html = exportedPage(editedStory(), dir);
        for (const QString &markup :
             {u"<thead><tr><th>Day</th><th>High water</th><th>Height</th></tr></thead>"_qs,
              u"<tr><td>Tue</td><td>06:58</td><td></td></tr>"_qs,
              u"<li>Close the lower car park<ul><li>From 05:00<ol><li>Signs at both gates</li></ol></li></ul></li>"_qs,
              u"The 14<sup>th</sup> tide, not <s>Tuesday</s>"_qs, u"CO<sub>2</sub>"_qs,
              u"<span class=\"author-title\">Harbour Reporter</span>"_qs})
            QVERIFY2(html.contains(markup), qPrintable(markup));
        QCOMPARE(html.count(u"<hr "_qs), 1);
        QCOMPARE(html.count(u"<div class=\"story-table\""_qs), 1);
    }

    void notesAreNeverExported() {
        QTemporaryDir dir;
        const QString html = exportedPage(editedStory(), dir);
        QVERIFY(!html.contains(u"harbourmaster"_qs));
        QVERIFY(!html.contains(u"Confirmed by phone"_qs));
        QVERIFY(!html.contains(u"Night desk"_qs));
    }

    void stylesheetLetsTablesScrollOnPhones() {
        const QString css = ArticleRenderer::houseStyleSheet();
        const qsizetype rule = css.indexOf(u".story-table {"_qs);
        QVERIFY(rule >= 0);
        QVERIFY(css.mid(rule, css.indexOf(u'}', rule) - rule).contains(u"overflow-x: auto"_qs));
        // Nested numbered lists letter and then number in roman, as the editor shows them.
        QVERIFY(css.contains(u"list-style-type: lower-alpha"_qs));
        QVERIFY(css.contains(u"list-style-type: lower-roman"_qs));
    }
};

QTEST_MAIN(TestExportedPage)
#include "tst_exportedpage.moc"
