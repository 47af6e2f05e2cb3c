#include "exportformat.h"

#include "model/slug.h"
#include "model/story.h"

#include <QFileInfo>

namespace galley {

QString exportFormatName(ExportFormat format) {
    switch (format) {
    case ExportFormat::Html:
        return u"html"_qs;
    case ExportFormat::Nitf:
        return u"nitf"_qs;
    case ExportFormat::Ninjs:
        return u"ninjs"_qs;
    case ExportFormat::NewsMl:
        return u"newsml"_qs;
    }
    return u"html"_qs;
}

std::optional<ExportFormat> exportFormatFromName(const QString &name) {
    const QString key = name.trimmed().toLower();
    for (const ExportFormat format :
         {ExportFormat::Html, ExportFormat::Nitf, ExportFormat::Ninjs, ExportFormat::NewsMl})
        if (key == exportFormatName(format))
            return format;
    return std::nullopt;
}

QHash<QString, QString> exportImagePaths(const Story &story) {
    QHash<QString, QString> paths;
    int n = 0;
    for (const StoryImage &image : story.images) {
        if (image.isMissing())
            continue;
        QString name = QFileInfo(image.fileName).completeBaseName().trimmed();
        if (name.isEmpty())
            name = story.slug.isEmpty() ? story.headline : story.slug;
        paths.insert(image.id, u"images/"_qs % QString::number(++n) % u'-' % slugify(name) % u'.' %
                                   image.fileExtension());
    }
    return paths;
}

QString exportMainFileName(const Story &story, ExportFormat format) {
    if (format == ExportFormat::Html)
        return u"index.html"_qs;
    QString base = slugify(story.slug.isEmpty() ? story.headline : story.slug);
    if (base.isEmpty())
        base = u"story"_qs;
    switch (format) {
    case ExportFormat::Nitf:
        return base % u".xml"_qs;
    case ExportFormat::NewsMl:
        return base % u".newsml.xml"_qs;
    default:
        return base % u".json"_qs;
    }
}

} // namespace galley
