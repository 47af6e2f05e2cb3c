#include "editing/pastesanitizer.h"
#include "model/linkpolicy.h"

#include <QTest>

using namespace galley;

namespace {

// A compact text form of blocks so each _data row reads like the body it expects:
// "kind:line|line" per block, runs written as *bold*, _italic_, [text](href), ~struck~, ^sup^ and
// ,sub,; list items that are not plain top-level items as ">" per level and "#" when numbered;
// table rows as "cell/cell" joined by "|", "table!" for a header row.
QString describeLine(const InlineText &line) {
    QString text;
    for (const InlineRun &run : line.runs) {
        QString piece = run.text;
        if (run.bold)
            piece = u'*' + piece + u'*';
        if (run.italic)
            piece = u'_' + piece + u'_';
        if (run.strike)
            piece = u'~' + piece + u'~';
        if (run.baseline == Baseline::Superscript)
            piece = u'^' + piece + u'^';
        if (run.baseline == Baseline::Subscript)
            piece = u',' + piece + u',';
        if (!run.href.isEmpty())
            piece = u'[' + piece + u"]("_qs + run.href + u')';
        text += piece;
    }
    return text;
}

QString describe(const QList<Block> &blocks) {
    QStringList out;
    for (const Block &block : blocks) {
        QStringList lines;
        for (qsizetype i = 0; i < block.lines.size(); ++i) {
            QString prefix;
            if (!block.items.isEmpty())
                prefix = QString(block.item(i).level, u'>') + (block.item(i).numbered ? u"#"_qs : QString());
            lines.append(prefix + describeLine(block.lines.at(i)));
        }
        for (const TableRow &row : block.rows) {
            QStringList cells;
            for (const InlineText &cell : row)
                cells.append(describeLine(cell));
            lines.append(cells.join(u'/'));
        }
        out.append(blockKindKey(block.kind) + (block.headerRow ? u"!"_qs : QString()) + u':' +
                   lines.join(u'|'));
    }
    return out.join(u'\n');
}

// Word's clipboard HTML around @p body: the CF_HTML-style fragment comments, its style sheet with
// the list definitions, o:p tags and the conditional comments around each drawn marker.
QString wordListHtml(const QString &body) {
    return u"<html xmlns:o=\"urn:schemas-microsoft-com:office:office\" "
           "xmlns:w=\"urn:schemas-microsoft-com:office:word\" xmlns=\"http://www.w3.org/TR/REC-html40\">\r\n"
           "<head><meta http-equiv=Content-Type content=\"text/html; charset=utf-8\">"
           "<meta name=ProgId content=Word.Document><meta name=Generator content=\"Microsoft Word 15\">"
           "<style><!--\r\np.MsoListParagraph, li.MsoListParagraph\r\n\t{mso-style-priority:34;margin-left:.5in;}\r\n"
           "@list l0:level1\r\n\t{mso-level-number-format:bullet;mso-level-text:\\F0B7;}\r\n"
           "@list l1:level2\r\n\t{mso-level-number-format:alpha-lower;mso-level-text:\"%2\\)\";}\r\n-->"
           "</style></head>\r\n<body lang=EN-GB style='tab-interval:36.0pt'>\r\n<!--StartFragment-->"_qs +
           body + u"<!--EndFragment-->\r\n</body>\r\n</html>"_qs;
}

// One Word list paragraph: @p position First, Middle or Last, @p list "l0", @p level 1-based,
// @p marker as drawn ("·" in Symbol, "o" in Courier New, "§" in Wingdings, "1.", "a)").
QString wordItem(const QString &position, const QString &list, int level, const QString &font,
                 const QString &marker, const QString &text) {
    return u"<p class=MsoListParagraphCxSp%1 style='margin-left:%2in;mso-add-space:auto;text-indent:-18.0pt;"
           "mso-list:%3 level%4 lfo%5'><![if !supportLists]><span style='font-family:%6;"
           "mso-fareast-font-family:%6;mso-bidi-font-family:%6'><span style='mso-list:Ignore'>%7"
           "<span style='font:7.0pt \"Times New Roman\"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; "
           "</span></span></span><![endif]>%8<o:p></o:p></p>\r\n"_qs.arg(position)
        .arg(0.5 * level)
        .arg(list)
        .arg(level)
        .arg(list.mid(1).toInt() + 1)
        .arg(font, marker, text);
}

QString wordBullets() {
    return wordListHtml(
        u"<p class=MsoNormal>Before the list<o:p></o:p></p>\r\n"_qs +
        wordItem(u"First"_qs, u"l0"_qs, 1, u"Symbol"_qs, u"·"_qs, u"Ferries leave at noon"_qs) +
        wordItem(u"Middle"_qs, u"l0"_qs, 2, u"\"Courier New\""_qs, u"o"_qs, u"Weekdays only"_qs) +
        wordItem(u"Middle"_qs, u"l0"_qs, 3, u"Wingdings"_qs, u"§"_qs, u"Not on holidays"_qs) +
        wordItem(u"Last"_qs, u"l0"_qs, 1, u"Symbol"_qs, u"·"_qs, u"<b>Tickets</b> on board"_qs) +
        u"<p class=MsoNormal>After the list<o:p></o:p></p>\r\n"_qs);
}

QString wordNumbers() {
    return wordListHtml(wordItem(u"First"_qs, u"l1"_qs, 1, u"Calibri"_qs, u"1."_qs, u"Buy a ticket"_qs) +
                        wordItem(u"Middle"_qs, u"l1"_qs, 2, u"Calibri"_qs, u"a)"_qs, u"Online"_qs) +
                        wordItem(u"Middle"_qs, u"l1"_qs, 3, u"Calibri"_qs, u"i."_qs, u"At the kiosk"_qs) +
                        wordItem(u"Last"_qs, u"l1"_qs, 1, u"Calibri"_qs, u"2."_qs, u"Board the ferry"_qs));
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
        QTest::newRow("nested mixed list")
            << u"<ol><li>One<ul><li>Sub <b>a</b></li><li>Sub b<ol><li>Deep</li></ol></li></ul></li><li>Two</li></ol>"_qs
            << u"numbered-list:#One|>Sub *a*|>Sub b|>>#Deep|#Two"_qs;
        QTest::newRow("Google Docs nests lists as siblings")
            << u"<ul><li>Top</li><ul><li>Under</li></ul><li>Back</li></ul>"_qs
            << u"bullet-list:Top|>Under|Back"_qs;
        QTest::newRow("table with a head")
            << u"<table><thead><tr><th>Ward</th><th>Votes</th></tr></thead><tbody><tr><td>North <i>(new)</i></td><td>1,204</td></tr><tr><td>South</td></tr></tbody></table>"_qs
            << u"table!:Ward/Votes|North _(new)_/1,204|South/"_qs;
        QTest::newRow("table with th cells and links")
            << u"<table><tr><th>Name</th><th>Site</th></tr><tr><td>Pier</td><td><a href=\"https://example.org/p\">page</a> <a href=\"javascript:x()\">bad</a></td></tr></table>"_qs
            << u"table!:Name/Site|Pier/[page](https://example.org/p) bad"_qs;
        QTest::newRow("table with a bold first row")
            << u"<table><tr><td><b>Day</b></td><td><strong>Tide</strong></td></tr><tr><td>Mon</td><td>4.1 m</td></tr></table>"_qs
            << u"table!:Day/Tide|Mon/4.1 m"_qs;
        QTest::newRow("table without a head")
            << u"<table><tr><td><b>Day</b></td><td>Tide</td></tr><tr><td>Mon</td><td>4.1<br>m</td></tr></table>"_qs
            << u"table:*Day*/Tide|Mon/4.1 m"_qs;
        QTest::newRow("rule") << u"<p>Before</p><hr><p>After</p>"_qs
                              << u"paragraph:Before\nsection-break:\nparagraph:After"_qs;
        QTest::newRow("struck, raised and lowered")
            << u"<p><s>a</s> <strike>b</strike> <del>c</del> <span style=\"text-decoration:line-through\">d</span> x<sup>2</sup> H<sub>2</sub>O <DEL>e</DEL></p>"_qs
            << u"paragraph:~a~ ~b~ ~c~ ~d~ x^2^ H,2,O ~e~"_qs;
        // Word's list paragraphs as Word puts them on the clipboard (see wordListHtml()).
        QTest::newRow("Word bulleted list, three levels") << wordBullets() << u"paragraph:Before the list\n"
                                                                            "bullet-list:Ferries leave at noon|"
                                                                            ">Weekdays only|>>Not on holidays|"
                                                                            "*Tickets* on board\n"
                                                                            "paragraph:After the list"_qs;
        QTest::newRow("Word numbered list, 1. a) i.")
            << wordNumbers() << u"numbered-list:#Buy a ticket|>#Online|>>#At the kiosk|#Board the ferry"_qs;
        QTest::newRow("Word paragraphs without their mso-list style")
            << u"<p class=MsoListParagraphCxSpFirst style='margin-left:.5in'>One<o:p></o:p></p>"
               "<p class=MsoListParagraphCxSpLast style='margin-left:.5in'>Two<o:p></o:p></p>"_qs
            << u"bullet-list:One|Two"_qs;
        QTest::newRow("Google Docs lists")
            << u"<meta charset=\"utf-8\"><b style=\"font-weight:normal;\" id=\"docs-internal-guid-9f1e\">"
               "<ul style=\"margin-top:0;padding-inline-start:48px;\"><li dir=\"ltr\" style=\"list-style-type:disc;"
               "font-size:11pt;\" aria-level=\"1\"><p dir=\"ltr\" role=\"presentation\"><span>Top</span></p></li>"
               "<ul><li dir=\"ltr\" style=\"list-style-type:circle;\" aria-level=\"2\"><p dir=\"ltr\" "
               "role=\"presentation\"><span style=\"font-weight:700\">Under</span></p></li></ul>"
               "<li dir=\"ltr\" style=\"list-style-type:disc;\" aria-level=\"1\"><p dir=\"ltr\">Back</p></li></ul>"
               "<br><ol><li dir=\"ltr\" style=\"list-style-type:decimal;\" aria-level=\"1\"><p dir=\"ltr\">"
               "<span>First</span></p></li></ol></b>"_qs
            << u"bullet-list:Top|>*Under*|Back\nnumbered-list:First"_qs;
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

    void redirectTargets_data() {
        QTest::addColumn<QString>("href");
        QTest::addColumn<QString>("target");
        QTest::newRow("Google Docs q")
            << u"https://www.google.com/url?q=https://example.org/tides%3Fday%3D2&sa=D&source=editors&ust=1&usg=AOv"_qs
            << u"https://example.org/tides?day=2"_qs;
        QTest::newRow("Google country domain, url=")
            << u"https://www.google.co.uk/url?sa=t&url=https%3A%2F%2Fexample.org%2Fa%20b&ved=2a"_qs
            << u"https://example.org/a%20b"_qs;
        QTest::newRow("Facebook") << u"https://l.facebook.com/l.php?u=https%3A%2F%2Fexample.org%2Fp&h=AT0"_qs
                                  << u"https://example.org/p"_qs;
        QTest::newRow("Outlook safe links")
            << u"https://eur01.safelinks.protection.outlook.com/?url=http%3A%2F%2Fexample.org%2F&data=05"_qs
            << u"http://example.org/"_qs;
        QTest::newRow("YouTube") << u"https://www.youtube.com/redirect?event=x&q=https%3A%2F%2Fexample.org%2Fv"_qs
                                 << u"https://example.org/v"_qs;
        QTest::newRow("mailto target") << u"https://www.google.com/url?q=mailto:desk@example.org&sa=D"_qs
                                       << u"mailto:desk@example.org"_qs;
        QTest::newRow("unsafe target stays wrapped")
            << u"https://www.google.com/url?q=javascript:alert(1)"_qs << QString();
        QTest::newRow("Google search is no redirect") << u"https://www.google.com/search?q=tides"_qs << QString();
        QTest::newRow("look-alike host") << u"https://google.example.org/url?q=https://example.org/"_qs
                                         << QString();
        QTest::newRow("plain link") << u"https://example.org/url?q=https://example.net/"_qs << QString();
    }

    void redirectTargets() {
        QFETCH(QString, href);
        QFETCH(QString, target);
        QCOMPARE(redirectTarget(href), target);
    }

    // A Google Docs paste: its redirect links point straight at their pages, and the report says so.
    void pastedRedirectLinksAreUnwrapped() {
        PasteReport report;
        const QList<Block> blocks = sanitizedBlocksFromHtml(
            u"<p><a href=\"https://www.google.com/url?q=https://example.org/ferry&amp;sa=D\">ferry</a> and "
            "<a href=\"javascript:void(0)\">menu</a> and <a href=\"https://example.org/x\">x</a></p>"_qs,
            &report);
        QCOMPARE(blocks.size(), 1);
        QCOMPARE(blocks[0].lines[0].runs.size(), 3);
        QCOMPARE(blocks[0].lines[0].runs[0].href, u"https://example.org/ferry"_qs);
        QCOMPARE(blocks[0].lines[0].runs[1].text, u" and menu and "_qs);
        QCOMPARE(blocks[0].lines[0].runs[1].href, QString());
        QCOMPARE(blocks[0].lines[0].runs[2].href, u"https://example.org/x"_qs);
        QCOMPARE(report.unwrappedLinks, 1);
        QCOMPARE(report.droppedLinks, 1);
        QCOMPARE(report.sentence(),
                 u"1 pasted link went through a redirect page; it now points straight at its target. "
                 "1 pasted link was not a web or mail address; its words stay, without the link."_qs);
        QCOMPARE(PasteReport{}.sentence(), QString());
    }
};

QTEST_MAIN(TestPasteSanitizer)
#include "tst_pastesanitizer.moc"
