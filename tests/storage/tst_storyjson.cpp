// Whole-story JSON (storyToJson / storyFromJson), the form of the sample stories.

#include "model/storyjson.h"
#include "storytestdata.h"

#include <QJsonDocument>
#include <QTest>

using namespace galley;

class TestStoryJson final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void roundTripKeepsEverythingButPictureBytes();
    void problems_data();
    void problems();
    void missingMembersStayEmpty();
};

void TestStoryJson::roundTripKeepsEverythingButPictureBytes()
{
    Story story = testdata::fullStory(u"Island ferry returns"_qs);
    story.slug = u"island-ferry-returns"_qs;
    story.images.first().sourceHref = u"https://media.example.org/ferry.jpg"_qs;
    story.images.first().width = 1200;
    story.images.first().height = 800;
    story.images.first().crop = QRectF(0.25, 0.125, 0.5, 0.75);
    story.images.first().focus = QPointF(0.625, 0.375);
    const QByteArray text = QJsonDocument(storyToJson(story)).toJson();
    QString error = u"unset"_qs;
    const Story read = storyFromJson(QJsonDocument::fromJson(text).object(), &error);
    QCOMPARE(error, QString());
    Story expected = story;
    for (StoryImage &image : expected.images)
        image.data.clear(); // bytes travel beside the JSON, by file name
    QVERIFY(read == expected);
    QCOMPARE(storyToJson(story).value(u"status"_qs).toString(), u"copy-edit"_qs);
    QCOMPARE(storyToJson(story).value(u"images"_qs).toArray().at(1).toObject().value(u"file"_qs).toString(),
             u"map.png"_qs);
}

void TestStoryJson::problems_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("problem");
    QTest::addColumn<QString>("headline");
    QTest::newRow("unknown status") << QByteArray(R"({"headline": "Kept", "status": "spiked"})")
                                    << u"“spiked” is not a story status; the story was read as a draft."_qs
                                    << u"Kept"_qs;
    QTest::newRow("bad time")
        << QByteArray(R"({"headline": "Kept too", "created": "yesterday"})")
        << u"The story's “created” time “yesterday” is not an ISO-8601 date and time."_qs << u"Kept too"_qs;
    QTest::newRow("bad block") << QByteArray(R"({"headline": "Still kept", "body": [42]})")
                               << u"Body block 1 is not a JSON object."_qs << u"Still kept"_qs;
}

void TestStoryJson::problems()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, problem);
    QFETCH(QString, headline);
    QString error;
    const Story story = storyFromJson(QJsonDocument::fromJson(json).object(), &error);
    QCOMPARE(error, problem);
    QCOMPARE(story.headline, headline);
    QCOMPARE(story.status, StoryStatus::Draft);
}

void TestStoryJson::missingMembersStayEmpty()
{
    QString error;
    const Story story = storyFromJson(QJsonObject{}, &error);
    QCOMPARE(error, QString());
    QVERIFY(story == Story());
}

QTEST_GUILESS_MAIN(TestStoryJson)
#include "tst_storyjson.moc"
