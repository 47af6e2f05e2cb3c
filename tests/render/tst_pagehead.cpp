#include "render/articlerenderer.h"
#include "render/pagehead.h"
#include "storyfixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace galley;

namespace {

const QString Base = u"https://news.example.org/stories"_qs;

/// Options as the export gives them: the site base URL and a picture with renditions.
RenderOptions exportLikeOptions() {
    RenderOptions options;
    options.imageUrl = &test::testImageUrl;
    options.siteBaseUrl = Base;
    options.pictureSources = [](const Story &story, const StoryImage &image) {
        PictureSources sources;
        sources.src = test::testImageUrl(story, image);
        sources.width = 1200;
        sources.height = 750;
        return sources;
    };
    return options;
}

QString unescapeHtml(QString text) {
    text.replace(u"&quot;"_qs, u"\""_qs);
    text.replace(u"&#39;"_qs, u"'"_qs);
    text.replace(u"&lt;"_qs, u"<"_qs);
    text.replace(u"&gt;"_qs, u">"_qs);
    text.replace(u"&amp;"_qs, u"&"_qs); // last: "&amp;lt;" is the text "&lt;"
    return text;
}

/// The page's <head> element's text.
QString headOf(const QString &page) {
    const qsizetype start = page.indexOf(u"<head>"_qs);
    const qsizetype end = page.indexOf(u"</head>"_qs);
    return start < 0 || end < start ? QString() : page.mid(start, end - start);
}

/// Every <meta property|name="…" content="…"> of @p head, unescaped, in order.
QList<HeadTag> metaTags(const QString &head) {
    static const QRegularExpression meta(u"<meta (property|name)=\"([^\"<>]*)\" content=\"([^\"<>]*)\">"_qs);
    QList<HeadTag> tags;
    auto it = meta.globalMatch(head);
    while (it.hasNext()) {
        const auto m = it.next();
        if (m.captured(2) == u"viewport" || m.captured(2) == u"referrer")
            continue;
        tags.append({m.captured(1), unescapeHtml(m.captured(2)), unescapeHtml(m.captured(3))});
    }
    return tags;
}

/// The JSON-LD script's raw text.
QString jsonLdText(const QString &page) {
    const QString open = u"<script type=\"application/ld+json\">"_qs;
    const qsizetype start = page.indexOf(open);
    const qsizetype end = page.indexOf(u"</script>"_qs, start);
    return start < 0 || end < 0 ? QString() : page.mid(start + open.size(), end - start - open.size());
}

Story hostileStory() {
    Story story;
    story.id = u"s1"_qs;
    story.slug = u"quay-vote"_qs;
    story.headline = u"Mayor's \"quay\" <plan> & </script><!-- vote -->"_qs;
    story.deck = u"Deck's \"text\" <b>& </script><!--"_qs;
    story.section = u"Docks & \"Quays\" </script>"_qs;
    story.bylines = {Byline{u"Ana \"Ace\" O'Neil </script>"_qs, u"Staff <!-- writer"_qs},
                     Byline{u"Bo & <Co>"_qs, QString()}};
    story.created = QDateTime(QDate(2026, 4, 1), QTime(9, 30), Qt::UTC);
    story.updated = QDateTime(QDate(2026, 4, 1), QTime(11, 5), Qt::UTC);
    StoryImage image;
    image.id = u"pic"_qs;
    image.data = QByteArray("jpeg bytes");
    image.mimeType = u"image/jpeg"_qs;
    image.altText = u"A \"quay\" at dusk & </script><!-- -->'s <img>"_qs;
    story.images = {image};
    return story;
}

} // namespace

class TestPageHead final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void headTagsOfFixture();
    void hostileTextInEveryHeadTag();
    void hostileTextInJsonLd();
    void noBaseUrlNoAbsoluteLinks();
    void articleInsideMainAndLanguage();
    void shortHeadline_data();
    void shortHeadline();
    void normalizeSiteBaseUrl_data();
    void normalizeSiteBaseUrl();
};

void TestPageHead::headTagsOfFixture() {
    QString error;
    const auto story = test::loadStoryFixture(QStringLiteral(GALLEY_TEST_DATA) + u"/render/full-story"_qs, &error);
    QVERIFY2(story, qPrintable(error));
    const QString canonical = u"https://news.example.org/stories/"_qs + story->slug + u'/';
    const QString image = canonical + u"img/img-lead.jpg"_qs;
    const QString alt = u"The east shore of Riverton harbour at dusk, seen from the water"_qs;
    const QString title = u"Harbour board approves $48-million ferry dock after 9-4 vote"_qs;
    const QString deck = u"Supporters say the new terminal will cut crossing times in half; opponents worry "
                         u"about the cost to the marsh."_qs;
    const QList<HeadTag> expected{
        {u"property"_qs, u"og:type"_qs, u"article"_qs},
        {u"property"_qs, u"og:title"_qs, title},
        {u"property"_qs, u"og:description"_qs, deck},
        {u"property"_qs, u"og:url"_qs, canonical},
        {u"property"_qs, u"og:image"_qs, image},
        {u"property"_qs, u"og:image:width"_qs, u"1200"_qs},
        {u"property"_qs, u"og:image:height"_qs, u"750"_qs},
        {u"property"_qs, u"og:image:alt"_qs, alt},
        {u"property"_qs, u"article:published_time"_qs, u"2026-03-02T08:15:00Z"_qs},
        {u"property"_qs, u"article:modified_time"_qs, u"2026-03-02T11:40:00Z"_qs},
        {u"property"_qs, u"article:section"_qs, u"Riverton"_qs},
        {u"property"_qs, u"article:author"_qs, u"Mara Quill"_qs},
        {u"property"_qs, u"article:author"_qs, u"Teodor Vance"_qs},
        {u"property"_qs, u"article:author"_qs, u"Ines Halloway"_qs},
        {u"name"_qs, u"twitter:card"_qs, u"summary_large_image"_qs},
        {u"name"_qs, u"twitter:title"_qs, title},
        {u"name"_qs, u"twitter:description"_qs, deck},
        {u"name"_qs, u"twitter:image"_qs, image},
        {u"name"_qs, u"twitter:image:alt"_qs, alt},
    };
    QCOMPARE(pageHeadTags(*story, exportLikeOptions()), expected);
    const QString page = ArticleRenderer().renderPage(*story, exportLikeOptions());
    const QString head = headOf(page);
    QCOMPARE(metaTags(head).mid(1), expected); // after the description
    QVERIFY(head.contains(u"<link rel=\"canonical\" href=\""_qs + canonical + u"\">"_qs));

    const QJsonObject ld = QJsonDocument::fromJson(jsonLdText(page).toUtf8()).object();
    QCOMPARE(ld.value(u"headline"_qs).toString(), title);
    QCOMPARE(ld.value(u"datePublished"_qs).toString(), u"2026-03-02T08:15:00Z"_qs);
    QCOMPARE(ld.value(u"dateModified"_qs).toString(), u"2026-03-02T11:40:00Z"_qs);
    QCOMPARE(ld.value(u"mainEntityOfPage"_qs).toString(), canonical);
    QCOMPARE(ld.value(u"image"_qs).toArray(),
             (QJsonArray{image, QString(canonical + u"img/img-dock.jpg"_qs)}));
    QCOMPARE(ld.value(u"author"_qs).toArray().at(0).toObject().value(u"name"_qs).toString(), u"Mara Quill"_qs);
}

// Every head tag carries the user's text exactly, escaped for its attribute: nothing in it opens a
// tag, a comment or ends the script.
void TestPageHead::hostileTextInEveryHeadTag() {
    const Story story = hostileStory();
    const QString page = ArticleRenderer().renderPage(story, exportLikeOptions());
    const QString head = headOf(page);
    const QString canonical = u"https://news.example.org/stories/quay-vote/"_qs;
    const QString image = canonical + u"img/pic.jpg"_qs;
    const QList<HeadTag> expected{
        {u"name"_qs, u"description"_qs, story.deck},
        {u"property"_qs, u"og:type"_qs, u"article"_qs},
        {u"property"_qs, u"og:title"_qs, story.headline},
        {u"property"_qs, u"og:description"_qs, story.deck},
        {u"property"_qs, u"og:url"_qs, canonical},
        {u"property"_qs, u"og:image"_qs, image},
        {u"property"_qs, u"og:image:width"_qs, u"1200"_qs},
        {u"property"_qs, u"og:image:height"_qs, u"750"_qs},
        {u"property"_qs, u"og:image:alt"_qs, story.images.at(0).altText},
        {u"property"_qs, u"article:published_time"_qs, u"2026-04-01T09:30:00Z"_qs},
        {u"property"_qs, u"article:modified_time"_qs, u"2026-04-01T11:05:00Z"_qs},
        {u"property"_qs, u"article:section"_qs, story.section},
        {u"property"_qs, u"article:author"_qs, u"Ana \"Ace\" O'Neil </script>"_qs},
        {u"property"_qs, u"article:author"_qs, u"Bo & <Co>"_qs},
        {u"name"_qs, u"twitter:card"_qs, u"summary_large_image"_qs},
        {u"name"_qs, u"twitter:title"_qs, story.headline},
        {u"name"_qs, u"twitter:description"_qs, story.deck},
        {u"name"_qs, u"twitter:image"_qs, image},
        {u"name"_qs, u"twitter:image:alt"_qs, story.images.at(0).altText},
    };
    QCOMPARE(metaTags(head), expected);
    QVERIFY(head.contains(u"<title>Mayor&#39;s &quot;quay&quot; &lt;plan&gt; &amp; &lt;/script&gt;&lt;!-- vote "
                          u"--&gt;</title>"_qs));
    // The raw head: no comment opens, the script ends once, and the only tags are the head's own.
    QVERIFY(!head.contains(u"<!--"_qs));
    QCOMPARE(head.count(u"</script>"_qs), 1);
    static const QRegularExpression tag(u"<(/?[a-zA-Z!]+)"_qs);
    QSet<QString> names;
    auto it = tag.globalMatch(head);
    while (it.hasNext())
        names.insert(it.next().captured(1));
    QCOMPARE(names, (QSet<QString>{u"head"_qs, u"meta"_qs, u"title"_qs, u"/title"_qs, u"link"_qs, u"style"_qs,
                                   u"/style"_qs, u"script"_qs, u"/script"_qs}));
    // The article's own copies are escaped too.
    QVERIFY(page.contains(u"alt=\"A &quot;quay&quot; at dusk &amp; &lt;/script&gt;&lt;!-- --&gt;&#39;s &lt;img&gt;\""_qs));
}

void TestPageHead::hostileTextInJsonLd() {
    const Story story = hostileStory();
    const QString page = ArticleRenderer().renderPage(story, exportLikeOptions());
    const QString script = jsonLdText(page);
    QVERIFY(!script.isEmpty());
    QVERIFY(!script.contains(u"</"_qs));
    QVERIFY(!script.contains(u"<!--"_qs));
    QVERIFY(!script.contains(u'<'));
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(script.toUtf8(), &parseError);
    QCOMPARE(parseError.error, QJsonParseError::NoError);
    const QJsonObject ld = document.object();
    QCOMPARE(ld.value(u"headline"_qs).toString(), story.headline);
    QCOMPARE(ld.value(u"description"_qs).toString(), story.deck);
    QCOMPARE(ld.value(u"articleSection"_qs).toString(), story.section);
    const QJsonArray authors = ld.value(u"author"_qs).toArray();
    QCOMPARE(authors.size(), 2);
    QCOMPARE(authors.at(0).toObject(),
             (QJsonObject{{u"@type"_qs, u"Person"_qs},
                          {u"name"_qs, u"Ana \"Ace\" O'Neil </script>"_qs},
                          {u"jobTitle"_qs, u"Staff <!-- writer"_qs}}));
    QCOMPARE(authors.at(1).toObject().value(u"name"_qs).toString(), u"Bo & <Co>"_qs);
    QCOMPARE(ld.value(u"image"_qs).toArray(), QJsonArray{u"https://news.example.org/stories/quay-vote/img/pic.jpg"_qs});
}

// Without a site base URL nothing claims an address: no canonical link, og:url or social picture.
void TestPageHead::noBaseUrlNoAbsoluteLinks() {
    Story story = hostileStory();
    RenderOptions options = exportLikeOptions();
    options.siteBaseUrl.clear();
    const QList<HeadTag> tags = pageHeadTags(story, options);
    for (const HeadTag &tag : tags) {
        QVERIFY2(tag.name != u"og:url" && !tag.name.startsWith(u"og:image"_qs) &&
                     !tag.name.startsWith(u"twitter:image"_qs),
                 qPrintable(tag.name));
    }
    QVERIFY(tags.contains(HeadTag{u"name"_qs, u"twitter:card"_qs, u"summary"_qs}));
    const QString page = ArticleRenderer().renderPage(story, options);
    QVERIFY(!page.contains(u"rel=\"canonical\""_qs));
    const QJsonObject ld = QJsonDocument::fromJson(jsonLdText(page).toUtf8()).object();
    QVERIFY(!ld.contains(u"mainEntityOfPage"_qs));
    QCOMPARE(ld.value(u"image"_qs).toArray(), QJsonArray{u"img/pic.jpg"_qs});
}

void TestPageHead::articleInsideMainAndLanguage() {
    Story story = hostileStory();
    story.metadata.language = u"nb"_qs;
    RenderOptions options = exportLikeOptions();
    const QString page = ArticleRenderer().renderPage(story, options);
    QVERIFY(page.contains(u"<html lang=\"nb\">"_qs));
    QVERIFY(page.contains(u"<body>\n<main>\n<article class=\"story\""_qs));
    QVERIFY(page.endsWith(u"</article>\n</main>\n</body>\n</html>\n"_qs));
    QCOMPARE(QJsonDocument::fromJson(jsonLdText(page).toUtf8()).object().value(u"inLanguage"_qs).toString(),
             u"nb"_qs);
    story.metadata.language.clear();
    options.language = u"en-GB"_qs;
    QVERIFY(ArticleRenderer().renderPage(story, options).contains(u"<html lang=\"en-GB\">"_qs));
}

void TestPageHead::shortHeadline_data() {
    QTest::addColumn<QString>("headline");
    QTest::addColumn<QString>("expected");
    const QString words = u"Harbour board approves ferry dock after long night of debate over the marsh, "
                          u"the cost and the new bicycle lane"_qs; // 110 characters
    QCOMPARE(words.size(), 110);
    QTest::newRow("110 kept") << words << words;
    QTest::newRow("short kept") << u"  Dock approved  "_qs << u"Dock approved"_qs;
    QTest::newRow("111 cut at a word")
        << words + u"s"_qs
        << u"Harbour board approves ferry dock after long night of debate over the marsh, the cost and the "
           u"new bicycle…"_qs;
    QTest::newRow("comma dropped")
        << u"Harbour board approves ferry dock after long night of debate over the marsh, the cost and the "
           u"new bicycle, lanes and more"_qs
        << u"Harbour board approves ferry dock after long night of debate over the marsh, the cost and the "
           u"new bicycle…"_qs;
    QTest::newRow("one long word") << QString(120, u'x') << QString(109, u'x') + u"…"_qs;
}

void TestPageHead::shortHeadline() {
    QFETCH(QString, headline);
    QFETCH(QString, expected);
    const QString cut = galley::shortHeadline(headline);
    QCOMPARE(cut, expected);
    QVERIFY(cut.size() <= 110);
}

void TestPageHead::normalizeSiteBaseUrl_data() {
    QTest::addColumn<QString>("typed");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("expected");
    QTest::newRow("empty") << u"  "_qs << true << QString();
    QTest::newRow("trailing slashes") << u" https://news.example.org/stories// "_qs << true << Base;
    QTest::newRow("http host") << u"http://example.org"_qs << true << u"http://example.org"_qs;
    QTest::newRow("no scheme") << u"news.example.org"_qs << false << QString();
    QTest::newRow("ftp") << u"ftp://example.org/x"_qs << false << QString();
    QTest::newRow("query") << u"https://example.org/?page=1"_qs << false << QString();
    QTest::newRow("no host") << u"https:///stories"_qs << false << QString();
}

void TestPageHead::normalizeSiteBaseUrl() {
    QFETCH(QString, typed);
    QFETCH(bool, valid);
    QFETCH(QString, expected);
    QString error;
    const std::optional<QString> base = galley::normalizeSiteBaseUrl(typed, &error);
    QCOMPARE(base.has_value(), valid);
    if (valid)
        QCOMPARE(*base, expected);
    else
        QVERIFY(!error.isEmpty());
}

QTEST_GUILESS_MAIN(TestPageHead)
#include "tst_pagehead.moc"
