#include "exportwarnings.h"

namespace galley {

namespace {

/// "picture 2 (harbour.jpg)": its number in story order, and the file name or caption a producer
/// recognises it by when it has one.
QString pictureName(const StoryImage &image, qsizetype index) {
    QString known = image.fileName.trimmed();
    if (known.isEmpty())
        known = image.caption.trimmed();
    const QString number = u"Picture "_qs % QString::number(index + 1);
    return known.isEmpty() ? number : number % u" (“"_qs % known % u"”)"_qs;
}

} // namespace

QStringList exportWarnings(const Story &story) {
    return exportWarnings(story, QDateTime::currentDateTimeUtc());
}

QStringList exportWarnings(const Story &story, const QDateTime &now) {
    QStringList warnings;
    const QDateTime embargo = story.metadata.embargo;
    if (embargo.isValid() && embargo > now)
        warnings.append(u"The story is embargoed until %1 UTC: it must not be published before then. "
                        u"The export carries the embargo time."_qs.arg(
                            embargo.toUTC().toString(u"d MMMM yyyy, HH:mm"_qs)));
    if (story.headline.trimmed().isEmpty())
        warnings.append(u"The headline is empty: the page is titled “Untitled story”."_qs);
    for (qsizetype i = 0; i < story.images.size(); ++i) {
        const StoryImage &image = story.images.at(i);
        if (image.isMissing())
            warnings.append(pictureName(image, i) %
                            u" has not arrived: the page shows “Picture missing” in its place."_qs);
        if (image.altText.trimmed().isEmpty())
            warnings.append(pictureName(image, i) % u" has no alt text for readers who cannot see it."_qs);
    }
    return warnings;
}

} // namespace galley
