#include "storyfixture.h"

#include "model/storyjson.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace galley::test {

namespace {

QString str(const QJsonObject &o, const char16_t *key) {
    return o.value(QString::fromUtf16(key)).toString();
}

} // namespace

std::optional<Story> loadStoryFixture(const QString &folder, QString *error) {
    QFile file(folder + u"/story.json"_qs);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.fileName() + u": "_qs + file.errorString();
        return std::nullopt;
    }
    QJsonParseError parseError;
    const QJsonObject o = QJsonDocument::fromJson(file.readAll(), &parseError).object();
    if (parseError.error != QJsonParseError::NoError) {
        *error = file.fileName() + u": "_qs + parseError.errorString();
        return std::nullopt;
    }
    Story story;
    story.id = str(o, u"id");
    story.slug = str(o, u"slug");
    story.section = str(o, u"section");
    story.headline = str(o, u"headline");
    story.deck = str(o, u"deck");
    for (const auto &b : o.value(u"bylines"_qs).toArray())
        story.bylines.append(Byline::fromText(b.toString()));
    story.dateline = str(o, u"dateline");
    story.status = statusFromString(str(o, u"status")).value_or(StoryStatus::Draft);
    story.created = QDateTime::fromString(str(o, u"created"), Qt::ISODate);
    story.updated = QDateTime::fromString(str(o, u"updated"), Qt::ISODate);
    story.body = bodyFromJson(o.value(u"body"_qs).toArray(), error);
    story.pullQuotes = pullQuotesFromJson(o.value(u"pullQuotes"_qs).toArray());
    for (const auto &value : o.value(u"images"_qs).toArray()) {
        const QJsonObject i = value.toObject();
        StoryImage image;
        image.id = str(i, u"id");
        image.mimeType = str(i, u"mimeType");
        image.fileName = str(i, u"fileName");
        image.caption = str(i, u"caption");
        image.credit = str(i, u"credit");
        image.altText = str(i, u"altText");
        image.placement.afterBlockId = str(i, u"after");
        if (!str(i, u"file").isEmpty()) {
            QFile picture(folder + u'/' + str(i, u"file"));
            if (!picture.open(QIODevice::ReadOnly)) {
                *error = picture.fileName() + u": "_qs + picture.errorString();
                return std::nullopt;
            }
            image.data = picture.readAll();
        }
        story.images.append(image);
    }
    return story;
}

QString testImageUrl(const Story &, const StoryImage &image) {
    return u"img/"_qs + image.id + u'.' + image.fileExtension();
}

} // namespace galley::test
