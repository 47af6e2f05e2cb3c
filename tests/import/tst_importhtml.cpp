// The HTML reader on its own: word-processor styling, page titles, the limits that keep a hostile
// page from crashing, hanging or silently losing text, and the clipboard path giving what the file
// gives. Invented inputs, exact results.
#include "import/htmlstyles.h"
#include "import/importer.h"
#include "importtesthelpers.h"
#include "import/pagemetadata.h"
#include "import/readers.h"
#include "storysnapshot.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QStandardPaths>
#include <QTest>

using namespace galley;

namespace {

/// The reader's own budget: 2 seconds per MB (never less than half a second).
qint64 budgetMs(qsizetype bytes) {
    return std::max<qint64>(500, qint64(2000.0 * double(bytes) / (1024.0 * 1024.0)));
}

QString allText(const ReadStory &story) {
    QStringList out;
    for (const Segment &segment : story.segments)
        out << segment.text.plainText();
    return out.join(u' ');
}

QStringList notesOf(const ReadStory &story) {
    QStringList out;
    for (const Segment &segment : story.segments)
        for (const ReaderNote &note : segment.notes)
            out << note.original % u'>' % note.note;
    return out;
}

} // namespace

class TestImportHtml final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void inlineStyles_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("style");
        QTest::addColumn<QString>("id");
        QTest::addColumn<bool>("bold");
        QTest::addColumn<bool>("italic");
        QTest::addColumn<bool>("strike");
        QTest::newRow("docs 700") << u"span"_qs << u"font-weight:700"_qs << QString() << true << false
                                  << false;
        QTest::newRow("docs 400") << u"span"_qs << u"font-weight:400;font-style:normal"_qs << QString()
                                  << false << false << false;
        QTest::newRow("600") << u"span"_qs << u"font-weight: 600"_qs << QString() << true << false << false;
        QTest::newRow("bolder") << u"span"_qs << u"FONT-WEIGHT:bolder"_qs << QString() << true << false
                                << false;
        QTest::newRow("word bidi is not normal")
            << u"b"_qs << u"mso-bidi-font-weight:normal"_qs << QString() << true << false << false;
        QTest::newRow("word bidi bold is not bold")
            << u"span"_qs << u"mso-bidi-font-weight:bold"_qs << QString() << false << false << false;
        QTest::newRow("docs wrapper") << u"b"_qs << u"font-weight:normal;"_qs
                                      << u"docs-internal-guid-1a2b3c4d-7fff"_qs << false << false << false;
        QTest::newRow("docs wrapper without style")
            << u"b"_qs << QString() << u"docs-internal-guid-1a2b3c4d-7fff"_qs << false << false << false;
        QTest::newRow("italic") << u"span"_qs << u"font-style:italic"_qs << QString() << false << true
                                << false;
        QTest::newRow("word bidi italic")
            << u"i"_qs << u"mso-bidi-font-style:normal"_qs << QString() << false << true << false;
        QTest::newRow("line-through") << u"span"_qs << u"text-decoration:underline line-through"_qs
                                      << QString() << false << false << true;
        QTest::newRow("del") << u"del"_qs << QString() << QString() << false << false << true;
    }

    void inlineStyles() {
        QFETCH(QString, name);
        QFETCH(QString, style);
        QFETCH(QString, id);
        const htmlstyles::InlineStyle got =
            htmlstyles::applyInline({}, name, htmlstyles::Declarations(style), id);
        QTEST(got.bold, "bold");
        QTEST(got.italic, "italic");
        QTEST(got.strike, "strike");
    }

    void baselines() {
        using htmlstyles::applyInline;
        using htmlstyles::Declarations;
        QCOMPARE(applyInline({}, u"sup", Declarations(), {}).baseline, Baseline::Superscript);
        QCOMPARE(applyInline({}, u"span", Declarations(u"vertical-align:sub"_qs), {}).baseline,
                 Baseline::Subscript);
        // Docs puts vertical-align:baseline on every span; inside <sup> it changes nothing.
        const auto sup = applyInline({}, u"sup", Declarations(), {});
        QCOMPARE(applyInline(sup, u"span", Declarations(u"vertical-align:baseline"_qs), {}).baseline,
                 Baseline::Superscript);
    }

    void listMarkers_data() {
        QTest::addColumn<QString>("marker");
        QTest::addColumn<bool>("numbered");
        for (const char *yes : {"1.", "12)", "a)", "iv.", "(3)", "B.", "1", "2.1."})
            QTest::newRow(yes) << QString::fromUtf8(yes) << true;
        for (const char *no : {"·", "o", "§", "•", "-", "Ø", "ü", "v", "q", ""})
            QTest::newRow(no) << QString::fromUtf8(no) << false;
    }

    void listMarkers() {
        QFETCH(QString, marker);
        QTEST(htmlstyles::isNumberMarker(marker), "numbered");
    }

    void wordListLevels() {
        const auto list =
            htmlstyles::wordList(htmlstyles::Declarations(u"text-indent:-18.0pt;mso-list:l3 level2 lfo4"_qs));
        QVERIFY(list);
        QCOMPARE(list->list, u"l3"_qs);
        QCOMPARE(list->level, 1);
        QVERIFY(!htmlstyles::wordList(htmlstyles::Declarations(u"mso-list:Ignore"_qs)));
        QCOMPARE(htmlstyles::docsList(u"c5 lst-kix_w8kq2r1vb7tn-2 start"_qs)->level, 2);
        QCOMPARE(htmlstyles::marginLevel(htmlstyles::Declarations(u"margin-left:72pt"_qs)), 1);
    }

    // Google Docs wraps every link in a redirect; the story links straight to the page and the
    // report says so (the rule itself: redirectTarget(), tested with the paste sanitiser).
    void googleRedirects() {
        const ImportResult result = testing::importText(
            u"<html><body><h1>Tide tables move</h1><p>The <a href=\"https://www.google.com/url?q=https://"
            "example.org/a%3Fb%3D1&amp;sa=D&amp;source=editors&amp;ust=1&amp;usg=x\">new tables</a> are out "
            "today for every pier on the estuary and the two river crossings.</p></body></html>"_qs,
            ImportFormat::Html);
        const Story story = result.story();
        QCOMPARE(story.body.size(), 1);
        QCOMPARE(story.body[0].lines[0].runs[1].text, u"new tables"_qs);
        QCOMPARE(story.body[0].lines[0].runs[1].href, u"https://example.org/a?b=1"_qs);
        QCOMPARE(testing::changesOf(result.report(), ImportChangeKind::UnwrappedLink),
                 QStringList{u"https://www.google.com/url?q=https://example.org/a%3Fb%3D1&sa=D&source=editors&ust=1"
                             "&usg=x>https://example.org/a?b=1"_qs});
    }

    void siteNames_data() {
        QTest::addColumn<QString>("title");
        QTest::addColumn<QStringList>("sites");
        QTest::addColumn<QString>("headline");
        QTest::addColumn<QString>("removed");
        QTest::newRow("domain") << u"Mayor resigns over parking fund - Example.com"_qs << QStringList()
                                << u"Mayor resigns over parking fund"_qs << u"- Example.com"_qs;
        QTest::newRow("known site") << u"Mayor resigns | The Example Times"_qs
                                    << QStringList{u"The Example Times"_qs} << u"Mayor resigns"_qs
                                    << u"| The Example Times"_qs;
        QTest::newRow("capitalised name") << u"Mayor resigns – Eastvale Courier"_qs << QStringList()
                                          << u"Mayor resigns"_qs << u"– Eastvale Courier"_qs;
        QTest::newRow("site first") << u"The Example Times: Mayor resigns over parking fund"_qs
                                    << QStringList{u"The Example Times"_qs}
                                    << u"Mayor resigns over parking fund"_qs << u"The Example Times:"_qs;
        QTest::newRow("colon headline kept") << u"Budget 2026: what it means for you"_qs << QStringList()
                                             << u"Budget 2026: what it means for you"_qs << QString();
        QTest::newRow("lower-case part kept") << u"Fire at the docks - what we know"_qs << QStringList()
                                              << u"Fire at the docks - what we know"_qs << QString();
        QTest::newRow("hyphenated word")
            << u"Two-year rebuild ends"_qs << QStringList() << u"Two-year rebuild ends"_qs << QString();
    }

    void siteNames() {
        QFETCH(QString, title);
        QFETCH(QStringList, sites);
        QString removed;
        QTEST(stripSiteName(title, sites, &removed), "headline");
        QTEST(removed, "removed");
    }

    void languageTags() {
        QCOMPARE(bcp47(u"en_gb"_qs), u"en-GB"_qs);
        QCOMPARE(bcp47(u"ZH-hant-tw"_qs), u"zh-Hant-TW"_qs);
        QCOMPARE(bcp47(u"es-419"_qs), u"es-419"_qs);
        QCOMPARE(bcp47(u"english please"_qs), QString());
    }

    /// An old page whose h1 is the site's logo and whose headline is an h2 the title names; its date
    /// line's <time> becomes the first-created time when no metadata gives one.
    void logoHeadingAndPageTime() {
        const QByteArray html =
            R"(<html><head><title>Ferry fares frozen for a year - Eastport Echo</title></head>
<body><div id="header"><h1 class="logo">Eastport Echo</h1><ul class="menu"><li><a href="/">Home</a></li></ul></div>
<div id="main"><div class="post">
<h2 class="post-title">Ferry fares frozen for a year</h2>
<p class="post-date">Published <time datetime="2026-03-02T09:30:00+01:00">2 March 2026</time></p>
<div class="post-body">
<p>Fares on the island ferry will not rise this year, the operator said on Monday, after the county agreed to cover higher fuel costs until next spring.</p>
<p>Season tickets bought before April will be honoured at the old price, and the operator will add a late sailing on Fridays from May.</p>
<p>Islanders had warned that a rise of ten per cent, as first planned, would push young families to leave for the mainland.</p>
<p>The county’s transport committee will review the subsidy in the autumn, its chair said, once the new fuel contract is signed.</p>
</div></div></div></body></html>)";
        QString error;
        const auto result = importBytes(html, ImportOptions{u"page.html"_qs, ImportFormat::Html}, &error);
        QVERIFY2(result, qPrintable(error));
        const Story story = result->story();
        QCOMPARE(story.headline, u"Ferry fares frozen for a year"_qs);
        QCOMPARE(story.metadata.firstCreated, QDateTime(QDate(2026, 3, 2), QTime(8, 30), Qt::UTC));
        QCOMPARE(story.body.size(), 4);
        QVERIFY(!story.bodyPlainText().contains(u"Eastport Echo"_qs));
    }

    void creditsApart_data() {
        QTest::addColumn<QByteArray>("figure");
        QTest::addColumn<QString>("caption");
        QTest::addColumn<QString>("credit");
        QTest::newRow("credit span")
            << QByteArray(
                   R"(<figcaption>Boats in the basin. <span class="credit">Ines Marlo</span></figcaption>)")
            << u"Boats in the basin."_qs << u"Ines Marlo"_qs;
        QTest::newRow("labelled span first")
            << QByteArray(R"(<figcaption><span>Photo: Ines Marlo</span> Boats in the basin.</figcaption>)")
            << u"Boats in the basin."_qs << u"Ines Marlo"_qs;
        QTest::newRow("small")
            << QByteArray(R"(<figcaption>Boats in the basin. <small>Example Wire</small></figcaption>)")
            << u"Boats in the basin."_qs << u"Example Wire"_qs;
        QTest::newRow("unmarked at the end")
            << QByteArray(
                   R"(<figcaption>Boats in the basin on Sunday. Photograph: Ines Marlo/Example Wire</figcaption>)")
            << u"Boats in the basin on Sunday."_qs << u"Ines Marlo/Example Wire"_qs;
        QTest::newRow("data-credit") << QByteArray(R"(<figcaption>Boats in the basin.</figcaption>)")
                                     << u"Boats in the basin."_qs << u"Harbour Trust"_qs;
    }

    void creditsApart() {
        QFETCH(QByteArray, figure);
        const QByteArray html =
            R"(<p>The basin was full on Sunday.</p><figure data-credit="Harbour Trust"><img src="https://example.org/basin.jpg" alt="Boats">)" +
            figure + "</figure><p>It will be dredged in May.</p>";
        QString error;
        const auto result = importBytes(html, ImportOptions{u"clipboard"_qs, ImportFormat::Html}, &error);
        QVERIFY2(result, qPrintable(error));
        const Story story = result->story();
        QCOMPARE(story.images.size(), 1);
        QTEST(story.images.first().caption, "caption");
        QTEST(story.images.first().credit, "credit");
    }

    void metadataAgainstPage_data() {
        QTest::addColumn<QByteArray>("head");
        QTest::addColumn<QString>("headline");
        QTest::addColumn<QString>("deck");
        QTest::addColumn<QString>("reportNote");
        QTest::newRow("JSON-LD headline wins over a different h1")
            << QByteArray(
                   R"(<script type="application/ld+json">{"@type":"NewsArticle","headline":"Ferry fares frozen",
"description":"Fares on the island ferry will not rise this year"}</script>)")
            << u"Ferry fares frozen"_qs << QString() << QString();
        QTest::newRow("cut JSON-LD headline gives way to the fuller h1")
            << QByteArray(
                   R"(<script type="application/ld+json">{"@type":["Article"],"headline":"Island ferry fares frozen…"}</script>)")
            << u"Island ferry fares frozen until 2027"_qs << QString() << QString();
        QTest::newRow("a social title does not outrank the h1")
            << QByteArray(
                   R"(<meta property="og:title" content="You will not believe what the ferry costs now">
<meta property="og:description" content="The county steps in to keep island fares where they are">)")
            << u"Island ferry fares frozen until 2027"_qs
            << u"The county steps in to keep island fares where they are"_qs << QString();
        QTest::newRow("broken JSON-LD is reported")
            << QByteArray(
                   R"(<script type="application/ld+json">{"@type":"NewsArticle","headline":"Oops",}</script>)")
            << u"Island ferry fares frozen until 2027"_qs << QString()
            << u"The page's JSON-LD block at line 1 is not valid JSON (object is missing after a comma); it is not read."_qs;
    }

    void metadataAgainstPage() {
        QFETCH(QByteArray, head);
        const QByteArray html = "<html><head>" + head + R"(</head><body><article>
<h1>Island ferry fares frozen until 2027</h1>
<p>Fares on the island ferry will not rise this year, the operator said on Monday, after the county agreed to cover higher fuel costs until next spring.</p>
<p>Season tickets bought before April will be honoured at the old price, and the operator will add a late sailing on Fridays from May.</p>
<p>Islanders had warned that a rise of ten per cent, as first planned, would push young families to leave for the mainland.</p>
<p>The county’s transport committee will review the subsidy in the autumn, its chair said, once the new fuel contract is signed.</p>
</article></body></html>)";
        QString error;
        const auto result = importBytes(html, ImportOptions{u"page.html"_qs, ImportFormat::Html}, &error);
        QVERIFY2(result, qPrintable(error));
        const Story story = result->story();
        QTEST(story.headline, "headline");
        QTEST(story.deck, "deck");
        QCOMPARE(story.body.size(), 4);
        QFETCH(QString, reportNote);
        if (!reportNote.isEmpty())
            QCOMPARE(result->report().notes, QStringList{reportNote});
    }

    /// Past libxml2's 256 levels everything is read (the parse has no depth limit of its own and the
    /// reader's walks are iterative).
    void deepNestingReadWhole() {
        const QByteArray html = "<html><body><h1>Deep</h1>" + QByteArray("<div>").repeated(3000) +
                                "<p>Bottom line.</p>" + QByteArray("</div>").repeated(3000) +
                                "<p>After the nesting.</p></body></html>";
        QString error;
        const auto story = readHtmlStory(html, &error);
        QVERIFY2(story, qPrintable(error));
        QVERIFY(allText(*story).contains(u"Bottom line."_qs));
        QVERIFY(allText(*story).contains(u"After the nesting."_qs));
    }

    void limitsRefuse_data() {
        QTest::addColumn<QByteArray>("html");
        QTest::addColumn<QString>("error");
        QTest::newRow("nesting")
            << QByteArray("<p>x</p>") + QByteArray("<b>").repeated(200'000)
            << u"The page's markup is nested more than 10,000 levels deep (from line 1); "
               "Galley does not import it."_qs;
        QTest::newRow("blocks")
            << QByteArray("<p>Paragraph.</p>").repeated(20'001)
            << u"The page holds more than 20,000 paragraphs, list items, table rows and other "
               "blocks: that is not one story, and Galley does not import it."_qs;
        QTest::newRow("table cells")
            << "<table>" + QByteArray("<tr><td>1</td><td>2</td></tr>").repeated(50'001) + "</table>"
            << u"The page's tables hold more than 100,000 cells: that is not one story, "
               "and Galley does not import it."_qs;
        QTest::newRow("elements")
            << QByteArray("<p>x</p>") + QByteArray("<br>").repeated(250'000)
            << u"The page has more than 200,000 elements, far more than a story's page; "
               "Galley does not import it."_qs;
    }

    void limitsRefuse() {
        QFETCH(QByteArray, html);
        QElapsedTimer timer;
        timer.start();
        QString error;
        QVERIFY(!readHtmlStory(html, &error));
        QTEST(error, "error");
        QVERIFY(timer.elapsed() < budgetMs(html.size()));
        // The whole import refuses with the same sentence.
        QVERIFY(!importBytes(html, ImportOptions{u"clipboard"_qs, ImportFormat::Html}, &error));
        QTEST(error, "error");
    }

    void attributesCapped() {
        QByteArray tag = "<html><body><h1>Tag soup</h1><p";
        for (int i = 0; i < 200'000; ++i)
            tag += " a" + QByteArray::number(i) + "=\"1\"";
        tag += ">The text after the tag is kept.</p></body></html>";
        QElapsedTimer timer;
        timer.start();
        QString error;
        const auto story = readHtmlStory(tag, &error);
        QVERIFY2(story, qPrintable(error));
        QVERIFY(timer.elapsed() < budgetMs(tag.size()));
        QVERIFY(allText(*story).contains(u"The text after the tag is kept."_qs));
        QCOMPARE(notesOf(*story).first(),
                 u"<p>>A <p> tag has more than 64 attributes; only the first 64 are read."_qs);
    }

    void largeInputsInTime_data() {
        QTest::addColumn<QByteArray>("html");
        QTest::addColumn<QString>("tail");
        QTest::newRow("16 MB single line")
            << "<p>" + QByteArray("word, ").repeated(2'700'000) + "end.</p>" << u"end."_qs;
        QTest::newRow("nested inline tags") << "<p>" + QByteArray("<span><i>").repeated(4'000) + "deep" +
                                                   QByteArray("</i></span>").repeated(4'000) + " end.</p>"
                                            << u"deep end."_qs;
        QTest::newRow("many small blocks")
            << QByteArray("<div><p>A short paragraph.</p></div>").repeated(19'000) + "<p>end.</p>"
            << u"end."_qs;
    }

    void largeInputsInTime() {
        QFETCH(QByteArray, html);
        QFETCH(QString, tail);
        QElapsedTimer timer;
        timer.start();
        QString error;
        const auto story = readHtmlStory(html, &error);
        QVERIFY2(story, qPrintable(error));
        const qint64 elapsed = timer.elapsed();
        qInfo("%lld bytes read in %lld ms", qint64(html.size()), elapsed);
        QVERIFY(elapsed < budgetMs(html.size()));
        QVERIFY(allText(*story).endsWith(tail));
    }

    /// Hostile pages (tests/data/import/regressions/html/): each imports or is refused with a
    /// sentence, in time.
    void regressions_data() {
        QTest::addColumn<QString>("path");
        const QDir dir(QStringLiteral(GALLEY_TEST_DATA "/import/regressions/html"));
        for (const QString &name : dir.entryList(QDir::Files, QDir::Name))
            QTest::newRow(qPrintable(name)) << dir.filePath(name);
    }

    void regressions() {
        QFETCH(QString, path);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QElapsedTimer timer;
        timer.start();
        QString error;
        const auto result = importBytes(bytes, ImportOptions{u"clipboard"_qs, ImportFormat::Html}, &error);
        QVERIFY(timer.elapsed() < budgetMs(bytes.size()) * 2); // the whole import, cleanup included
        if (!result) {
            QVERIFY(!error.isEmpty());
            QVERIFY2(error.endsWith(u'.'), qPrintable(error));
        }
    }

    /// 20,000 section breaks after one another: 200 listed, the rest counted in one sentence.
    void repeatedNotesCounted() {
        QFile file(QStringLiteral(GALLEY_TEST_DATA "/import/regressions/html/hr-flood.html"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QString error;
        const auto story = readHtmlStory(file.readAll(), &error);
        QVERIFY2(story, qPrintable(error));
        const QStringList notes = notesOf(*story);
        QCOMPARE(notes.size(), 201);
        QCOMPARE(notes.last(),
                 u"19799 more>19799 more changes like this were made and are not listed one by one: A "
                 "section break before all the text, after it, or right after another break separates "
                 "nothing; it is left out."_qs);
    }

    void windowsClipboardHeader() {
        QFile file(QStringLiteral(GALLEY_TEST_DATA "/import/regressions/html/cf-html-header.html"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QString error;
        const auto story = readHtmlStory(file.readAll(), &error);
        QVERIFY2(story, qPrintable(error));
        QCOMPARE(allText(*story), u"Pasted on Windows."_qs);
        QCOMPARE(story->segments.first().line, 6);
    }

    /// The window's paste (importBytes with ImportFormat::Html) gives what importing the file gives.
    void clipboardSameAsFile_data() {
        QTest::addColumn<QString>("input");
        const QDir cases(QStringLiteral(GALLEY_TEST_DATA "/import/cases"));
        for (const QString &name : cases.entryList({u"html-*"_qs}, QDir::Dirs, QDir::Name))
            QTest::newRow(qPrintable(name)) << cases.filePath(name + u"/input.html"_qs);
    }

    void clipboardSameAsFile() {
        QFETCH(QString, input);
        QFile file(input);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QString error;
        const auto fromFile = importFile(input, &error);
        QVERIFY2(fromFile, qPrintable(error));
        const auto pasted =
            importBytes(file.readAll(), ImportOptions{u"clipboard"_qs, ImportFormat::Html}, &error);
        QVERIFY2(pasted, qPrintable(error));
        QCOMPARE(test::snapshot(pasted->story(), pasted->report()),
                 test::snapshot(fromFile->story(), fromFile->report()));
    }
};

QTEST_GUILESS_MAIN(TestImportHtml)
#include "tst_importhtml.moc"
