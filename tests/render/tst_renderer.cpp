#include "render/articlerenderer.h"
#include "storyfixture.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTest>

using namespace galley;

namespace {

RenderOptions testOptions() {
    RenderOptions options;
    options.imageUrl = &test::testImageUrl;
    return options;
}

Block paragraph(const QString &id, const QList<InlineRun> &runs) {
    return Block{id, BlockKind::Paragraph, {InlineText{runs}}};
}

/// The page with the inline stylesheet replaced by a marker, the form the golden files hold.
QString goldenForm(const QString &page) {
    QString out = page;
    out.replace(ArticleRenderer::houseStyleSheet(),
                u"/* house stylesheet: resources/css/article.css */\n"_qs);
    return out;
}

/// data-block / data-image / data-pull-quote values of the article's top-level elements, in order.
QStringList topLevelOrder(const QString &article) {
    static const QRegularExpression tag(
        u"^<(?:p|h2|ul|ol|blockquote|figure|aside)\\b[^>]*?data-(block|image|pull-quote)=\"([^\"]*)\""_qs,
        QRegularExpression::MultilineOption);
    QStringList order;
    auto it = tag.globalMatch(article);
    while (it.hasNext()) {
        const auto m = it.next();
        const QString kind = m.captured(1) == u"block"   ? u"b:"_qs
                             : m.captured(1) == u"image" ? u"i:"_qs
                                                         : u"q:"_qs;
        order.append(kind + m.captured(2));
    }
    return order;
}

} // namespace

class TestRenderer final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void escapeHtml_data();
    void escapeHtml();
    void safeLinks_data();
    void safeLinks();
    void linkMarkup_data();
    void linkMarkup();
    void headlineEscapedInTitleAndH1();
    void scriptInHeadlineCannotEndJsonLd();
    void bylines_data();
    void bylines();
    void datelineLeadsFirstParagraph();
    void blocksMarkup();
    void structuredBlocks_data();
    void structuredBlocks();
    void placementsFollowTheirBlocks();
    void renderBlockMatchesArticle();
    void missingPicturePlaceholder();
    void emptyPullQuoteLeftOut_data();
    void emptyPullQuoteLeftOut();
    void severalLeadPictures();
    void layoutIsTheArticlesOrder_data();
    void layoutIsTheArticlesOrder();
    void pageShell();
    void stylesheetFetchesNothing();
    void writePageIsUtf8();
    void golden_data();
    void golden();
};

void TestRenderer::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(!ArticleRenderer::houseStyleSheet().isEmpty());
}

void TestRenderer::escapeHtml_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("html");
    QTest::newRow("plain") << u"Council votes"_qs << u"Council votes"_qs;
    QTest::newRow("all five") << u"Tom & Jerry's \"Big\" <Day>"_qs
                              << u"Tom &amp; Jerry&#39;s &quot;Big&quot; &lt;Day&gt;"_qs;
    QTest::newRow("already escaped") << u"&amp;"_qs << u"&amp;amp;"_qs;
    QTest::newRow("unicode kept") << u"Zoë — “quoted”"_qs << u"Zoë — “quoted”"_qs;
    QTest::newRow("controls") << u"a\u0001b\u0000c\td\ne"_qs << u"a\uFFFDb\uFFFDc\td\ne"_qs;
}

void TestRenderer::escapeHtml() {
    QFETCH(QString, text);
    QFETCH(QString, html);
    QCOMPARE(galley::escapeHtml(text), html);
}

void TestRenderer::safeLinks_data() {
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("safe");
    QTest::newRow("http") << u"http://example.org/a?b=1"_qs << true;
    QTest::newRow("https") << u"https://example.org/"_qs << true;
    QTest::newRow("upper https") << u"HTTPS://EXAMPLE.ORG/"_qs << true;
    QTest::newRow("mailto") << u"mailto:desk@example.org"_qs << true;
    QTest::newRow("padded") << u"  https://example.org/  "_qs << true;
    QTest::newRow("javascript") << u"javascript:alert(1)"_qs << false;
    QTest::newRow("mixed case javascript") << u"JaVaScRiPt:alert(1)"_qs << false;
    QTest::newRow("javascript with tab") << u"java\tscript:alert(1)"_qs << false;
    QTest::newRow("javascript with newline") << u"java\nscript:alert(1)"_qs << false;
    QTest::newRow("leading control") << u"\u0001javascript:alert(1)"_qs << false;
    QTest::newRow("data") << u"data:text/html,<b>x</b>"_qs << false;
    QTest::newRow("vbscript") << u"vbscript:msgbox(1)"_qs << false;
    QTest::newRow("file") << u"file:///etc/passwd"_qs << false;
    QTest::newRow("relative") << u"../etc/passwd"_qs << false;
    QTest::newRow("root relative") << u"/news/1"_qs << false;
    QTest::newRow("protocol relative") << u"//example.org/"_qs << false;
    QTest::newRow("no host") << u"http:///path"_qs << false;
    QTest::newRow("empty mailto") << u"mailto:"_qs << false;
    QTest::newRow("empty") << QString() << false;
}

void TestRenderer::safeLinks() {
    QFETCH(QString, url);
    QFETCH(bool, safe);
    QCOMPARE(isSafeLinkUrl(url), safe);
}

void TestRenderer::linkMarkup_data() {
    QTest::addColumn<QString>("href");
    QTest::addColumn<QString>("html");
    const QString dead = u"<p data-block=\"b\">See <em>the plan</em>.</p>\n"_qs;
    QTest::newRow("https") << u"https://example.org/plan?a=1&b=2"_qs
                           << u"<p data-block=\"b\">See <a href=\"https://example.org/plan?a=1&amp;b=2\" "
                              u"rel=\"noopener\"><em>the plan</em></a>.</p>\n"_qs;
    QTest::newRow("http") << u"http://example.org/"_qs
                          << u"<p data-block=\"b\">See <a href=\"http://example.org/\" "
                             u"rel=\"noopener\"><em>the plan</em></a>.</p>\n"_qs;
    QTest::newRow("mailto") << u"mailto:desk@example.org"_qs
                            << u"<p data-block=\"b\">See <a href=\"mailto:desk@example.org\" "
                               u"rel=\"noopener\"><em>the plan</em></a>.</p>\n"_qs;
    QTest::newRow("javascript") << u"javascript:alert(1)"_qs << dead;
    QTest::newRow("JaVaScRiPt") << u"JaVaScRiPt:alert(1)"_qs << dead;
    QTest::newRow("data") << u"data:text/html;base64,PHNjcmlwdD4="_qs << dead;
    QTest::newRow("relative") << u"plan.html"_qs << dead;
    QTest::newRow("attribute breakout") << u"https://example.org/\" onmouseover=\"alert(1)"_qs << dead;
}

void TestRenderer::linkMarkup() {
    QFETCH(QString, href);
    QFETCH(QString, html);
    Story story;
    story.body = {paragraph(
        u"b"_qs, {InlineRun{u"See "_qs}, InlineRun{u"the plan"_qs, false, true, href}, InlineRun{u"."_qs}})};
    QCOMPARE(ArticleRenderer().renderBlock(story, u"b"_qs), html);
}

void TestRenderer::headlineEscapedInTitleAndH1() {
    Story story;
    story.headline = u"Tom & Jerry's \"Big\" <Day>"_qs;
    const QString page = ArticleRenderer().renderPage(story, testOptions());
    const QString escaped = u"Tom &amp; Jerry&#39;s &quot;Big&quot; &lt;Day&gt;"_qs;
    QVERIFY(page.contains(u"<h1 class=\"headline\">"_qs + escaped + u"</h1>"_qs));
    QVERIFY(page.contains(u"<title>"_qs + escaped + u"</title>"_qs));
    QVERIFY(!page.contains(u"<Day>"_qs));
}

void TestRenderer::scriptInHeadlineCannotEndJsonLd() {
    Story story;
    story.headline = u"</script><script>alert(1)</script>"_qs;
    const QString page = ArticleRenderer().renderPage(story, testOptions());
    QCOMPARE(page.count(u"</script>"_qs), 1); // only the JSON-LD element's own end tag
    QVERIFY(page.contains(
        u"\"headline\":\"\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e\""_qs));
}

void TestRenderer::bylines_data() {
    QTest::addColumn<QStringList>("bylines");
    QTest::addColumn<QString>("html");
    const QString a = u"<span class=\"author\">Ana Ruiz</span>"_qs;
    const QString b = u"<span class=\"author\">Bo Lindqvist</span>"_qs;
    const QString c = u"<span class=\"author\">Cy O&#39;Neil</span>"_qs;
    QTest::newRow("none") << QStringList() << QString();
    QTest::newRow("blank") << QStringList{u"  "_qs} << QString();
    QTest::newRow("one") << QStringList{u"Ana Ruiz"_qs} << u"<p class=\"byline\">By "_qs + a + u"</p>\n"_qs;
    QTest::newRow("two") << QStringList{u"Ana Ruiz"_qs, u"Bo Lindqvist"_qs}
                         << u"<p class=\"byline\">By "_qs + a + u" and "_qs + b + u"</p>\n"_qs;
    QTest::newRow("three, typed By") << QStringList{u"By Ana Ruiz"_qs, u"Bo Lindqvist"_qs, u"Cy O'Neil"_qs}
                                     << u"<p class=\"byline\">By "_qs + a + u", "_qs + b + u" and "_qs + c +
                                            u"</p>\n"_qs;
    QTest::newRow("title kept apart")
        << QStringList{u"Ana Ruiz, Business <Writer>"_qs, u"Bo Lindqvist"_qs}
        << u"<p class=\"byline\">By "_qs + a +
               u", <span class=\"author-title\">Business &lt;Writer&gt;</span> and "_qs + b + u"</p>\n"_qs;
}

void TestRenderer::bylines() {
    QFETCH(QStringList, bylines);
    QFETCH(QString, html);
    Story story;
    story.headline = u"H"_qs;
    story.bylines = bylinesFromText(bylines.join(u';'));
    QCOMPARE(ArticleRenderer().renderHeader(story),
             u"<header class=\"story-header\">\n<h1 class=\"headline\">H</h1>\n"_qs + html +
                 u"</header>\n"_qs);
}

void TestRenderer::structuredBlocks_data() {
    QTest::addColumn<Block>("block");
    QTest::addColumn<QString>("html");
    auto list = [](BlockKind kind, const QList<std::pair<QString, ListItem>> &items) {
        Block block{u"b"_qs, kind};
        for (const auto &[text, item] : items) {
            block.lines.append(InlineText::plain(text));
            block.items.append(item);
        }
        return block;
    };
    QTest::newRow("flat list") << list(BlockKind::BulletList, {{u"a"_qs, {0, false}}, {u"b"_qs, {0, false}}})
                               << u"<ul data-block=\"b\"><li>a</li><li>b</li></ul>\n"_qs;
    QTest::newRow("numbered with bulleted sub-items")
        << list(BlockKind::NumberedList,
                {{u"a"_qs, {0, true}}, {u"a1"_qs, {1, false}}, {u"a2"_qs, {1, false}}, {u"b"_qs, {0, true}}})
        << u"<ol data-block=\"b\"><li>a<ul><li>a1</li><li>a2</li></ul></li><li>b</li></ol>\n"_qs;
    QTest::newRow("two levels down, then back up")
        << list(BlockKind::BulletList,
                {{u"a"_qs, {0, false}}, {u"deep"_qs, {2, false}}, {u"b"_qs, {0, false}}})
        << u"<ul data-block=\"b\"><li>a<ul><li><ul><li>deep</li></ul></li></ul></li><li>b</li></ul>\n"_qs;
    QTest::newRow("numbering changes within a level")
        << list(BlockKind::BulletList, {{u"a"_qs, {0, false}}, {u"1"_qs, {1, true}}, {u"x"_qs, {1, false}}})
        << u"<ul data-block=\"b\"><li>a<ol><li>1</li></ol><ul><li>x</li></ul></li></ul>\n"_qs;
    Block table{u"b"_qs, BlockKind::Table};
    table.rows = {{InlineText::plain(u"Ward"_qs), InlineText::plain(u"Turnout"_qs)},
                  {InlineText::plain(u"Saltmarsh <north>"_qs)}};
    table.headerRow = true;
    QTest::newRow("table, short row padded")
        << table
        << u"<div class=\"story-table\" data-block=\"b\"><table><thead><tr><th>Ward</th><th>Turnout</th></tr>"
           u"</thead><tbody><tr><td>Saltmarsh &lt;north&gt;</td><td></td></tr></tbody></table></div>\n"_qs;
    table.headerRow = false;
    QTest::newRow("table without header")
        << table
        << u"<div class=\"story-table\" data-block=\"b\"><table><tbody><tr><td>Ward</td><td>Turnout</td></tr>"
           u"<tr><td>Saltmarsh &lt;north&gt;</td><td></td></tr></tbody></table></div>\n"_qs;
    QTest::newRow("section break") << Block{u"b"_qs, BlockKind::SectionBreak}
                                   << u"<hr data-block=\"b\">\n"_qs;
    InlineRun sup{u"st"_qs};
    sup.baseline = Baseline::Superscript;
    InlineRun sub{u"2"_qs};
    sub.baseline = Baseline::Subscript;
    InlineRun struck{u"was"_qs};
    struck.strike = true;
    QTest::newRow("superscript, subscript, struck")
        << Block{u"b"_qs,
                 BlockKind::Paragraph,
                 {InlineText{
                     {InlineRun{u"1"_qs}, sup, InlineRun{u" CO"_qs}, sub, InlineRun{u" "_qs}, struck}}}}
        << u"<p data-block=\"b\">1<sup>st</sup> CO<sub>2</sub> <s>was</s></p>\n"_qs;
}

void TestRenderer::structuredBlocks() {
    QFETCH(Block, block);
    QFETCH(QString, html);
    Story story;
    story.body = {block};
    QCOMPARE(ArticleRenderer().renderBlock(story, u"b"_qs), html);
}

void TestRenderer::datelineLeadsFirstParagraph() {
    Story story;
    story.dateline = u"RIVERTON —"_qs;
    story.body = {Block{u"s"_qs, BlockKind::Subhead, {InlineText::plain(u"Sub"_qs)}},
                  paragraph(u"p1"_qs, {InlineRun{u"First."_qs}}),
                  paragraph(u"p2"_qs, {InlineRun{u"Second."_qs}})};
    const ArticleRenderer renderer;
    QCOMPARE(renderer.renderBlock(story, u"p1"_qs),
             u"<p data-block=\"p1\"><span class=\"dateline\">RIVERTON</span> — First.</p>\n"_qs);
    QCOMPARE(renderer.renderBlock(story, u"p2"_qs), u"<p data-block=\"p2\">Second.</p>\n"_qs);
    QCOMPARE(renderer.renderBlock(story, u"s"_qs), u"<h2 data-block=\"s\">Sub</h2>\n"_qs);
    QCOMPARE(renderer.renderArticle(story, testOptions()).count(u"class=\"dateline\""_qs), 1);
    QCOMPARE(ArticleRenderer::datelineBlockId(story), u"p1"_qs);
    story.dateline = u" — "_qs; // nothing but the dash: no dateline at all
    QCOMPARE(ArticleRenderer::datelineBlockId(story), QString());
    QCOMPARE(renderer.renderBlock(story, u"p1"_qs), u"<p data-block=\"p1\">First.</p>\n"_qs);
}

void TestRenderer::blocksMarkup() {
    Story story;
    story.body = {
        Block{u"u"_qs, BlockKind::BulletList, {InlineText::plain(u"one"_qs), InlineText::plain(u"two"_qs)}},
        Block{u"o"_qs, BlockKind::NumberedList, {InlineText::plain(u"first"_qs)}},
        Block{u"q"_qs,
              BlockKind::BlockQuote,
              {InlineText::plain(u"line 1"_qs), InlineText::plain(u"line 2"_qs)}},
        paragraph(u"p"_qs, {InlineRun{u"b"_qs, true}, InlineRun{u"i"_qs, false, true},
                            InlineRun{u"bi"_qs, true, true}}),
    };
    const ArticleRenderer renderer;
    QCOMPARE(renderer.renderBlock(story, u"u"_qs),
             u"<ul data-block=\"u\"><li>one</li><li>two</li></ul>\n"_qs);
    QCOMPARE(renderer.renderBlock(story, u"o"_qs), u"<ol data-block=\"o\"><li>first</li></ol>\n"_qs);
    QCOMPARE(renderer.renderBlock(story, u"q"_qs),
             u"<blockquote data-block=\"q\"><p>line 1</p><p>line 2</p></blockquote>\n"_qs);
    QCOMPARE(renderer.renderBlock(story, u"p"_qs),
             u"<p data-block=\"p\"><strong>b</strong><em>i</em><strong><em>bi</em></strong></p>\n"_qs);
    QCOMPARE(renderer.renderBlock(story, u"nope"_qs), QString());
}

void TestRenderer::placementsFollowTheirBlocks() {
    Story story;
    story.body = {paragraph(u"A"_qs, {InlineRun{u"a"_qs}}), paragraph(u"B"_qs, {InlineRun{u"b"_qs}}),
                  paragraph(u"C"_qs, {InlineRun{u"c"_qs}})};
    story.pullQuotes = {PullQuote{u"q-top"_qs, u"t"_qs, {}, Placement::lead()},
                        PullQuote{u"q-C"_qs, u"t"_qs, {}, Placement::after(u"C"_qs)},
                        PullQuote{u"q-A"_qs, u"t"_qs, {}, Placement::after(u"A"_qs)},
                        PullQuote{u"q-gone"_qs, u"t"_qs, {}, Placement::after(u"deleted"_qs)}};
    StoryImage lead{u"i-lead"_qs, "x", u"image/png"_qs, {}, {}, {}, {}, Placement::lead()};
    StoryImage afterA{u"i-A"_qs, "x", u"image/png"_qs, {}, {}, {}, {}, Placement::after(u"A"_qs)};
    StoryImage afterB{u"i-B"_qs, {}, u"image/png"_qs, {}, {}, {}, {}, Placement::after(u"B"_qs)};
    story.images = {afterB, lead, afterA};
    const QString article = ArticleRenderer().renderArticle(story, testOptions());
    QCOMPARE(topLevelOrder(article),
             (QStringList{u"i:i-lead"_qs, u"q:q-top"_qs, u"b:A"_qs, u"i:i-A"_qs, u"q:q-A"_qs, u"b:B"_qs,
                          u"i:i-B"_qs, u"b:C"_qs, u"q:q-C"_qs, u"q:q-gone"_qs}));
    // The lead picture sits between the header and the body; the top pull quote opens the body.
    QVERIFY(article.indexOf(u"data-image=\"i-lead\""_qs) < article.indexOf(u"<div class=\"story-body\">"_qs));
    QVERIFY(article.indexOf(u"data-pull-quote=\"q-top\""_qs) >
            article.indexOf(u"<div class=\"story-body\">"_qs));
}

void TestRenderer::renderBlockMatchesArticle() {
    QString error;
    const auto story =
        test::loadStoryFixture(QStringLiteral(GALLEY_TEST_DATA) + u"/render/full-story"_qs, &error);
    QVERIFY2(story, qPrintable(error));
    const ArticleRenderer renderer;
    const RenderOptions options = testOptions();
    const QString article = renderer.renderArticle(*story, options);
    QVERIFY(article.contains(renderer.renderHeader(*story)));
    for (const Block &block : story->body) {
        const QString html = renderer.renderBlock(*story, block.id);
        QVERIFY(html.startsWith(u'<'));
        QVERIFY2(article.contains(u'\n' + html), qPrintable(block.id));
    }
    for (const PullQuote &quote : story->pullQuotes)
        QVERIFY(article.contains(u'\n' + renderer.renderPullQuote(*story, quote.id)));
    for (const StoryImage &image : story->images)
        QVERIFY(article.contains(u'\n' + renderer.renderImage(*story, image.id, options)));
    QCOMPARE(renderer.renderPullQuote(*story, u"nope"_qs), QString());
    QCOMPARE(renderer.renderImage(*story, u"nope"_qs, options), QString());
}

void TestRenderer::missingPicturePlaceholder() {
    Story story;
    story.images = {StoryImage{u"m"_qs,
                               {},
                               u"image/jpeg"_qs,
                               u"x.jpg"_qs,
                               u"Caption & more"_qs,
                               u"Staff"_qs,
                               u"A marsh"_qs,
                               Placement::lead()}};
    QCOMPARE(
        ArticleRenderer().renderImage(story, u"m"_qs, testOptions()),
        u"<figure class=\"story-image lead-image is-missing\" data-image=\"m\">"
        u"<div class=\"picture-missing\" role=\"img\" aria-label=\"Picture missing: A marsh\">"
        u"<span>Picture missing</span></div>"
        u"<figcaption>Caption &amp; more <span class=\"credit\">Staff</span></figcaption></figure>\n"_qs);
}

void TestRenderer::emptyPullQuoteLeftOut_data() {
    QTest::addColumn<QString>("text");
    QTest::newRow("empty") << QString();
    QTest::newRow("blank lines") << u"  \n \t\n"_qs;
}

// An unfinished pull quote (attribution typed, no words yet) leaves no empty box in the page.
void TestRenderer::emptyPullQuoteLeftOut() {
    QFETCH(QString, text);
    Story story;
    story.id = u"s"_qs;
    story.headline = u"H"_qs;
    story.body = {paragraph(u"A"_qs, {InlineRun{u"a"_qs}})};
    story.pullQuotes = {PullQuote{u"q-top"_qs, text, u"Mayor"_qs, Placement::lead()},
                        PullQuote{u"q-A"_qs, text, u"Mayor"_qs, Placement::after(u"A"_qs)},
                        PullQuote{u"q-gone"_qs, text, {}, Placement::after(u"deleted"_qs)}};
    const ArticleRenderer renderer;
    QCOMPARE(renderer.renderArticle(story, testOptions()),
             u"<article class=\"story\" data-story=\"s\">\n<header class=\"story-header\">\n"
             u"<h1 class=\"headline\">H</h1>\n</header>\n<div class=\"story-body\">\n"
             u"<p data-block=\"A\">a</p>\n</div>\n</article>\n"_qs);
    for (const PullQuote &quote : std::as_const(story.pullQuotes))
        QCOMPARE(renderer.renderPullQuote(story, quote.id), QString());

    story.pullQuotes[1].text = u"We build."_qs;
    QCOMPARE(renderer.renderPullQuote(story, u"q-A"_qs),
             u"<aside class=\"pull-quote\" data-pull-quote=\"q-A\"><blockquote><p>We build.</p></blockquote>"
             u"<cite>Mayor</cite></aside>\n"_qs);
}

// Two pictures placed at the top: the first is the lead, the second opens the body as a plain
// figure (before the top pull quote), so the page has exactly one lead picture.
void TestRenderer::severalLeadPictures() {
    Story story;
    story.body = {paragraph(u"A"_qs, {InlineRun{u"a"_qs}})};
    story.pullQuotes = {PullQuote{u"q-top"_qs, u"t"_qs, {}, Placement::lead()}};
    StoryImage first{u"i-1"_qs, "x", u"image/png"_qs, {}, {}, {}, u"One"_qs, Placement::lead()};
    StoryImage afterA{u"i-A"_qs, "x", u"image/png"_qs, {}, {}, {}, u"A"_qs, Placement::after(u"A"_qs)};
    StoryImage second{u"i-2"_qs, "x", u"image/png"_qs, {}, {}, {}, u"Two"_qs, Placement::lead()};
    StoryImage third{u"i-3"_qs, {}, u"image/png"_qs, {}, {}, {}, {}, Placement::lead()};
    story.images = {afterA, first, second, third};
    const ArticleRenderer renderer;
    const QString article = renderer.renderArticle(story, testOptions());
    QCOMPARE(topLevelOrder(article),
             (QStringList{u"i:i-1"_qs, u"i:i-2"_qs, u"i:i-3"_qs, u"q:q-top"_qs, u"b:A"_qs, u"i:i-A"_qs}));
    QCOMPARE(article.count(u"lead-image"_qs), 1);
    QVERIFY(article.indexOf(u"data-image=\"i-1\""_qs) < article.indexOf(u"<div class=\"story-body\">"_qs));
    QVERIFY(article.indexOf(u"data-image=\"i-2\""_qs) > article.indexOf(u"<div class=\"story-body\">"_qs));
    QCOMPARE(renderer.renderImage(story, u"i-1"_qs, testOptions()),
             u"<figure class=\"story-image lead-image\" data-image=\"i-1\">"
             u"<img src=\"img/i-1.png\" alt=\"One\"></figure>\n"_qs);
    QCOMPARE(
        renderer.renderImage(story, u"i-2"_qs, testOptions()),
        u"<figure class=\"story-image\" data-image=\"i-2\"><img src=\"img/i-2.png\" alt=\"Two\"></figure>\n"_qs);
    QCOMPARE(renderer.renderImage(story, u"i-3"_qs, testOptions()),
             u"<figure class=\"story-image is-missing\" data-image=\"i-3\"><div class=\"picture-missing\" "
             u"role=\"img\" aria-label=\"Picture missing\"><span>Picture missing</span></div></figure>\n"_qs);
}

void TestRenderer::layoutIsTheArticlesOrder_data() {
    QTest::addColumn<QString>("name");
    QTest::newRow("full story") << u"full-story"_qs;
    QTest::newRow("escaping") << u"escaping"_qs;
    QTest::newRow("empty") << u"empty"_qs;
}

// ArticleRenderer::layout() is what a preview arranges its elements by: it must name exactly the
// elements renderArticle() writes, in the same order, with only the lead picture above the body.
void TestRenderer::layoutIsTheArticlesOrder() {
    QFETCH(QString, name);
    QString error;
    auto story = test::loadStoryFixture(QStringLiteral(GALLEY_TEST_DATA) + u"/render/"_qs + name, &error);
    QVERIFY2(story, qPrintable(error));
    // Make every case interesting: an empty pull quote, a second picture at the top.
    story->pullQuotes.append(PullQuote{u"q-empty"_qs, u" "_qs, u"Nobody"_qs, Placement::lead()});
    story->images.append(StoryImage{u"i-top2"_qs, "x", u"image/png"_qs, {}, {}, {}, {}, Placement::lead()});
    const auto key = [&](const ArticleItem &item) -> QString {
        switch (item.kind) {
        case ArticleItem::Kind::Block:
            return u"b:"_qs + galley::escapeHtml(story->body.at(item.index).id);
        case ArticleItem::Kind::Image:
            return u"i:"_qs + galley::escapeHtml(story->images.at(item.index).id);
        case ArticleItem::Kind::PullQuote:
            break;
        }
        return u"q:"_qs + galley::escapeHtml(story->pullQuotes.at(item.index).id); // as in the markup
    };
    const ArticleLayout layout = ArticleRenderer::layout(*story);
    QStringList keys;
    for (const ArticleItem &item : layout.top)
        keys.append(key(item));
    QCOMPARE(layout.top.size(), story->leadImage() ? 1 : 0);
    for (const ArticleItem &item : layout.body)
        keys.append(key(item));
    QCOMPARE(keys, topLevelOrder(ArticleRenderer().renderArticle(*story, testOptions())));
    QVERIFY(!keys.contains(u"q:q-empty"_qs));
    QVERIFY(keys.contains(u"i:i-top2"_qs));
}

void TestRenderer::pageShell() {
    Story story;
    story.headline = u"Headline"_qs;
    story.deck = u"A \"deck\""_qs;
    RenderOptions options = testOptions();
    options.language = u"en-CA"_qs;
    const QString page = ArticleRenderer().renderPage(story, options);
    QVERIFY(
        page.startsWith(u"<!DOCTYPE html>\n<html lang=\"en-CA\">\n<head>\n<meta charset=\"utf-8\">\n"_qs));
    QVERIFY(page.contains(u"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"_qs));
    QVERIFY(page.contains(u"<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                          u"img-src 'self'; style-src 'unsafe-inline'\">"_qs));
    QVERIFY(!page.contains(u"galley:"_qs));
    QVERIFY(page.contains(u"<meta name=\"description\" content=\"A &quot;deck&quot;\">"_qs));
    QVERIFY(page.contains(u"<style>\n"_qs + ArticleRenderer::houseStyleSheet()));
    QVERIFY(page.endsWith(u"</body>\n</html>\n"_qs));

    story.deck.clear();
    story.headline.clear();
    const QString bare = ArticleRenderer().renderPage(story, options);
    QVERIFY(!bare.contains(u"name=\"description\""_qs));
    QVERIFY(bare.contains(u"<title>Untitled story</title>"_qs));
}

void TestRenderer::stylesheetFetchesNothing() {
    const QString css = ArticleRenderer::houseStyleSheet();
    QVERIFY(!css.contains(u"url("_qs, Qt::CaseInsensitive));
    QVERIFY(!css.contains(u"@import"_qs, Qt::CaseInsensitive));
    QVERIFY(!css.contains(u"@font-face"_qs, Qt::CaseInsensitive));
    QVERIFY(!css.contains(u"</"_qs)); // would end the inline <style> element
    QVERIFY(css.contains(u"@media print"_qs));
    QVERIFY(css.contains(u"Georgia, \"DejaVu Serif\""_qs));
}

void TestRenderer::writePageIsUtf8() {
    Story story;
    story.headline = u"Zoë’s café"_qs;
    QBuffer buffer;
    QVERIFY(buffer.open(QIODevice::WriteOnly));
    QString error;
    QVERIFY(ArticleRenderer().writePage(story, testOptions(), &buffer, &error));
    QVERIFY(buffer.data().contains("<h1 class=\"headline\">Zo\xc3\xab\xe2\x80\x99s caf\xc3\xa9</h1>"));

    QBuffer readOnly;
    QVERIFY(readOnly.open(QIODevice::ReadOnly));
    QTest::ignoreMessage(QtWarningMsg, "QIODevice::write (QBuffer): ReadOnly device");
    QVERIFY(!ArticleRenderer().writePage(story, testOptions(), &readOnly, &error));
    QVERIFY(error.startsWith(u"Could not write the page: "_qs));
}

// Golden files: tests/data/render/<case>/story.json rendered must equal expected.html byte for
// byte. Set GALLEY_REGENERATE_GOLDEN=1 to rewrite expected.html after an intended change (see
// tests/data/render/README.md); review the diff before committing.
void TestRenderer::golden_data() {
    QTest::addColumn<QString>("name");
    QTest::newRow("full story") << u"full-story"_qs;
    QTest::newRow("minimal") << u"minimal"_qs;
    QTest::newRow("escaping") << u"escaping"_qs;
    QTest::newRow("empty") << u"empty"_qs;
}

void TestRenderer::golden() {
    QFETCH(QString, name);
    const QString folder = QStringLiteral(GALLEY_TEST_DATA) + u"/render/"_qs + name;
    QString error;
    const auto story = test::loadStoryFixture(folder, &error);
    QVERIFY2(story, qPrintable(error));
    const QByteArray actual = goldenForm(ArticleRenderer().renderPage(*story, testOptions())).toUtf8();

    QFile expected(folder + u"/expected.html"_qs);
    if (qEnvironmentVariableIntValue("GALLEY_REGENERATE_GOLDEN") == 1) {
        QVERIFY(expected.open(QIODevice::WriteOnly | QIODevice::Truncate));
        QCOMPARE(expected.write(actual), actual.size());
        QSKIP("Golden file regenerated: review it with git diff.");
    }
    QVERIFY2(expected.open(QIODevice::ReadOnly), qPrintable(expected.fileName()));
    QCOMPARE(QString::fromUtf8(actual), QString::fromUtf8(expected.readAll()));
}

QTEST_GUILESS_MAIN(TestRenderer)
#include "tst_renderer.moc"
