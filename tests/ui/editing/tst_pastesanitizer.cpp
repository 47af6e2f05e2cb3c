#include "editing/pastesanitizer.h"

#include <QTest>

using namespace galley;

namespace {

// A compact text form of blocks so each _data row reads like the body it expects:
// "kind:line|line" per block, runs written as *bold*, _italic_ and [text](href).
QString describe(const QList<Block> &blocks) {
    QStringList out;
    for (const Block &block : blocks) {
        QStringList lines;
        for (const InlineText &line : block.lines) {
            QString text;
            for (const InlineRun &run : line.runs) {
                QString piece = run.text;
                if (run.bold)
                    piece = u'*' + piece + u'*';
                if (run.italic)
                    piece = u'_' + piece + u'_';
                if (!run.href.isEmpty())
                    piece = u'[' + piece + u"]("_qs + run.href + u')';
                text += piece;
            }
            lines.append(text);
        }
        out.append(blockKindKey(block.kind) + u':' + lines.join(u'|'));
    }
    return out.join(u'\n');
}

} // namespace

class TestPasteSanitizer final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void sanitize_data() {
        QTest::addColumn<QString>("html");
        QTest::addColumn<QString>("expected");
        QTest::newRow("fonts, colours and sizes go")
            << u"<p><span style=\"color:red;font-size:30px\">Hello</span> <font face=\"Comic Sans MS\" color=\"blue\" size=\"7\">world</font></p>"_qs
            << u"paragraph:Hello world"_qs;
        QTest::newRow("scripts and styles go")
            << u"<style>p{color:red}</style><p>Safe<script>alert('x')</script> text</p><script src=\"https://evil.invalid/x.js\"></script>"_qs
            << u"paragraph:Safe text"_qs;
        QTest::newRow("headings become subheads") << u"<h1>Big</h1><p>Body</p><h4>Small</h4>"_qs
                                                  << u"subhead:Big\nparagraph:Body\nsubhead:Small"_qs;
        QTest::newRow("bold italic and safe links stay")
            << u"<p><b>Bold</b> <i>it</i> <strong>strong</strong> <em>em</em> <a href=\"https://example.org/a\">site</a> <a href=\"mailto:desk@example.org\">mail</a></p>"_qs
            << u"paragraph:*Bold* _it_ *strong* _em_ [site](https://example.org/a) [mail](mailto:desk@example.org)"_qs;
        QTest::newRow("unsafe links keep only text")
            << u"<p><a href=\"javascript:alert(1)\">click</a> <a href=\"file:///etc/passwd\">file</a> <a href=\"/relative\">rel</a></p>"_qs
            << u"paragraph:click file rel"_qs;
        QTest::newRow("lists") << u"<ul><li>One</li><li><b>Two</b></li></ul><ol><li>First</li></ol>"_qs
                               << u"bullet-list:One|*Two*\nnumbered-list:First"_qs;
        QTest::newRow("block quote")
            << u"<p>Intro</p><blockquote><p>Quoted one</p><p>Quoted two</p></blockquote>"_qs
            << u"paragraph:Intro\nblock-quote:Quoted one|Quoted two"_qs;
        QTest::newRow("images go, text stays")
            << u"<p>Before<img src=\"file:///etc/hostname\" alt=\"x\">after</p><img src=\"https://example.org/p.png\">"_qs
            << u"paragraph:Beforeafter"_qs;
        QTest::newRow("word processor wrapper")
            << u"<meta charset=\"utf-8\"><b style=\"font-weight:normal;\" id=\"docs-internal-guid-1\"><p dir=\"ltr\"><span style=\"font-weight:700;color:#222\">Strong</span><span style=\"font-style:italic\"> lean</span></p></b>"_qs
            << u"paragraph:*Strong*_ lean_"_qs;
        QTest::newRow("divs are paragraphs")
            << u"<div class=\"x\">One</div><div>Two</div>"_qs << u"paragraph:One\nparagraph:Two"_qs;
        QTest::newRow("line break starts a paragraph")
            << u"<p>Harbour Road<br>Closed until Friday</p>"_qs
            << u"paragraph:Harbour Road\nparagraph:Closed until Friday"_qs;
        QTest::newRow("line breaks keep bold and skip empty lines")
            << u"<p><b>Road</b><br><br>Closed<br></p>"_qs << u"paragraph:*Road*\nparagraph:Closed"_qs;
        QTest::newRow("line break in a list item makes two items")
            << u"<ul><li>One<br>Two</li></ul>"_qs << u"bullet-list:One|Two"_qs;
        QTest::newRow("line break in a heading makes two subheads")
            << u"<h2>Top<br>Next</h2>"_qs << u"subhead:Top\nsubhead:Next"_qs;
    }

    void sanitize() {
        QFETCH(QString, html);
        QFETCH(QString, expected);
        const QList<Block> blocks = sanitizedBlocksFromHtml(html);
        QCOMPARE(describe(blocks), expected);
        for (const Block &block : blocks)
            QCOMPARE(block.id.size(), 36);
    }

    void wholeStory_data() {
        QTest::addColumn<QString>("html");
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("whole");
        QTest::newRow("html heading and paragraph")
            << u"<h1>Quay market</h1><p>It moves.</p>"_qs << QString() << true;
        QTest::newRow("html one paragraph") << u"<p>Just <b>one</b> line.</p>"_qs << u"x\n\ny"_qs << false;
        QTest::newRow("html only styling")
            << u"<span style=\"color:red\">word</span>"_qs << QString() << false;
        QTest::newRow("text two paragraphs") << QString() << u"Headline\n \nFirst paragraph."_qs << true;
        QTest::newRow("text three lines") << QString() << u"Headline\nOne.\nTwo.\n"_qs << true;
        QTest::newRow("text two lines") << QString() << u"Headline\nOne.\n\n"_qs << false;
        QTest::newRow("text one sentence") << QString() << u"A sentence."_qs << false;
        QTest::newRow("nothing") << QString() << QString() << false;
    }

    void wholeStory() {
        QFETCH(QString, html);
        QFETCH(QString, text);
        QFETCH(bool, whole);
        QCOMPARE(isWholeStoryPaste(html, text), whole);
    }

    void fragmentKeepsStructure() {
        const QTextDocumentFragment fragment =
            sanitizedFragmentFromHtml(u"<h2>Sub</h2><p><span style=\"color:red\">plain</span></p>"_qs);
        QCOMPARE(fragment.toPlainText(), u"Sub\nplain"_qs);
        QVERIFY(!fragment.toHtml().contains(u"color"_qs));
    }

    void allowedLinks_data() {
        QTest::addColumn<QString>("href");
        QTest::addColumn<bool>("allowed");
        QTest::newRow("https") << u"https://example.org/"_qs << true;
        QTest::newRow("http") << u"http://example.org/x?y=1"_qs << true;
        QTest::newRow("mailto") << u"mailto:desk@example.org"_qs << true;
        QTest::newRow("javascript") << u"javascript:alert(1)"_qs << false;
        QTest::newRow("JavaScript mixed case") << u"JaVaScRiPt:alert(1)"_qs << false;
        QTest::newRow("data") << u"data:text/html,<b>x</b>"_qs << false;
        QTest::newRow("relative") << u"/news/story"_qs << false;
        QTest::newRow("http without host") << u"http:///x"_qs << false;
    }

    void allowedLinks() {
        QFETCH(QString, href);
        QFETCH(bool, allowed);
        QCOMPARE(isSafeLinkUrl(href), allowed);
    }
};

QTEST_MAIN(TestPasteSanitizer)
#include "tst_pastesanitizer.moc"
