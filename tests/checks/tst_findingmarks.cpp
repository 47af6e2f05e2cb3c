// The findings the preview marks: which field each lands in on the page, the occurrence of its
// words before it, and what is left out (no range, a field the page does not show, stale text).

#include "checks/findingmarks.h"
#include "model/story.h"

#include <QJsonObject>
#include <QTest>

using namespace galley;

namespace {

Finding finding(const QString &field, const QString &item, int start, const QString &matched,
                Severity severity = Severity::Warning) {
    Finding f;
    f.field = field;
    f.item = item;
    f.start = start;
    f.length = int(matched.size());
    f.matched = matched;
    f.rule = u"test"_qs;
    f.message = u"Look at “%1”."_qs.arg(matched);
    f.severity = severity;
    return f;
}

} // namespace

class TestFindingMarks final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void marksCarryTargetOccurrenceAndSeverity() {
        Story story = Story::create();
        story.headline = u"Harbour board meets"_qs;
        const Block lede = Block::make(BlockKind::Paragraph, u"The the board met; the board voted."_qs);
        story.body = {lede};
        PullQuote quote;
        quote.id = u"q1"_qs;
        quote.text = u"We will utilize it."_qs;
        quote.attribution = u"Ann Example"_qs;
        story.pullQuotes = {quote};
        StoryImage image;
        image.id = u"p1"_qs;
        image.caption = u"The board at work"_qs;
        image.credit = u"Photo: Jo Example"_qs;
        image.altText = u"Image of the board"_qs;
        story.images = {image};

        const QList<Finding> findings{
            finding(u"headline"_qs, {}, 0, u"Harbour"_qs, Severity::Advisory),
            finding(u"body"_qs, lede.id, 23, u"board"_qs, Severity::Error), // the second "board"
            finding(u"pullquote"_qs, u"q1"_qs, 8, u"utilize"_qs),
            finding(u"caption"_qs, u"p1"_qs, 4, u"board"_qs),
            finding(u"credit"_qs, u"p1"_qs, 0, u"Photo:"_qs),
            finding(u"alt"_qs, u"p1"_qs, 0, u"Image of"_qs),    // the page shows no alt text
            finding(u"story"_qs, {}, 0, QString()),              // no range
            finding(u"body"_qs, lede.id, 0, u"An old text"_qs), // the text changed since
        };
        const QJsonArray marks = previewFindingMarks(findings, story);
        QCOMPARE(marks.size(), 5);
        const auto line = [](const QJsonValue &value) {
            const QJsonObject o = value.toObject();
            return u"%1|%2|%3|%4|%5"_qs.arg(o.value(u"target").toString(), o.value(u"id").toString(),
                                           o.value(u"text").toString())
                .arg(o.value(u"occurrence").toInt())
                .arg(o.value(u"severity").toString());
        };
        QCOMPARE(line(marks.at(0)), u"headline||Harbour|0|advisory"_qs);
        QCOMPARE(line(marks.at(1)), u"block|%1|board|1|error"_qs.arg(lede.id));
        QCOMPARE(line(marks.at(2)), u"pull-quote|q1|utilize|0|warning"_qs);
        QCOMPARE(line(marks.at(3)), u"caption|p1|board|0|warning"_qs);
        QCOMPARE(line(marks.at(4)), u"credit|p1|Photo:|0|warning"_qs);
        QCOMPARE(marks.at(2).toObject().value(u"message").toString(), u"Look at “utilize”."_qs);
    }
};

QTEST_GUILESS_MAIN(TestFindingMarks)
#include "tst_findingmarks.moc"
