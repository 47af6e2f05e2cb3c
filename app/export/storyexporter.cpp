#include "storyexporter.h"

#include "logging.h"
#include "model/slug.h"
#include "render/articlerenderer.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QSaveFile>

namespace galley {

namespace {

/// Relative file name of each present picture, "images/<n>-<slug>.<ext>", n counting the present
/// pictures from 1 in story order, slug from the imported file name (else the story's slug).
QHash<QString, QString> imagePaths(const Story &story) {
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

bool writeFile(const QString &path, const std::function<bool(QSaveFile &, QString *)> &fill, QString *error) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = u"Could not write %1: %2."_qs.arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    QString fillError;
    if (!fill(file, &fillError)) {
        file.cancelWriting();
        *error = u"Could not write %1: %2"_qs.arg(QDir::toNativeSeparators(path), fillError);
        return false;
    }
    // Small writes sit in Qt's buffer, so a full disk shows only when it is flushed; Qt 6.4's
    // commit() ignores a failed flush and would rename an empty file over the old one. Flush here,
    // check, and only then let commit() put the file in place.
    if (!file.flush() || file.error() != QFileDevice::NoError || !file.commit()) {
        const QString reason = file.errorString();
        file.cancelWriting();
        *error = u"Could not finish writing %1 (is the disk full?): %2."_qs.arg(
            QDir::toNativeSeparators(path), reason);
        return false;
    }
    return true;
}

bool makeFolder(const QString &path, QString *error) {
    const QFileInfo info(path);
    if (info.exists() && !info.isDir()) {
        *error = u"Cannot create the folder %1: a file with that name is in the way."_qs.arg(
            QDir::toNativeSeparators(path));
        return false;
    }
    if (!QDir().mkpath(path)) {
        *error = u"Cannot create the folder %1. Check that the place exists and you may write there."_qs.arg(
            QDir::toNativeSeparators(path));
        return false;
    }
    return true;
}

} // namespace

bool exportStory(const Story &story, const QString &dir, QString *error) {
    QString localError;
    QString &message = error ? *error : localError;
    const QString root = QDir::cleanPath(QDir(dir).absolutePath());
    const QHash<QString, QString> paths = imagePaths(story);

    if (!makeFolder(root, &message))
        return false;
    if (!paths.isEmpty() && !makeFolder(root % u"/images", &message))
        return false;

    for (const StoryImage &image : story.images) {
        if (image.isMissing())
            continue;
        const bool ok = writeFile(
            root % u'/' % paths.value(image.id),
            [&image](QSaveFile &file, QString *why) {
                if (file.write(image.data) == image.data.size())
                    return true;
                *why = file.errorString() % u'.';
                return false;
            },
            &message);
        if (!ok)
            return false;
    }

    RenderOptions options;
    options.imageUrl = [&paths](const Story &, const StoryImage &image) { return paths.value(image.id); };
    const ArticleRenderer renderer;
    const bool ok = writeFile(
        root % u"/index.html",
        [&](QSaveFile &file, QString *why) {
            if (renderer.writePage(story, options, &file, nullptr))
                return true;
            *why = file.errorString() % u'.';
            return false;
        },
        &message);
    if (ok)
        qCDebug(lcExport) << "Exported" << story.slug << "to" << root;
    return ok;
}

} // namespace galley
