#include "storyexporter.h"

#include "logging.h"
#include "model/slug.h"
#include "newsmlwriter.h"
#include "ninjswriter.h"
#include "nitfwriter.h"
#include "pictures/picturemetadatawriter.h"
#include "renditions.h"
#include "render/articlerenderer.h"
#include "render/pagehead.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QStorageInfo>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QUrl>

#include <cerrno>
#include <filesystem>
#include <optional>
#include <utility>

namespace galley {

namespace {

/// One file of the page: where it goes relative to the export folder, and its bytes.
struct PageFile {
    QString relativePath;
    QByteArray bytes;
};

/// Every file of the export, pictures first (story order, each picture's renditions,
/// makeRenditions(): WebP too for a web page, the stored format alone for syndication), each file with the picture's caption, credit and alt text
/// written into its own XMP and IPTC (withPictureMetadata()), the main file (index.html, <slug>.xml or <slug>.json) last.
QList<PageFile> pageFiles(const Story &story, ExportFormat format, const ExportOptions &exportOptions) {
    const QHash<QString, QString> paths = exportImagePaths(story);
    QList<PageFile> files;
    QHash<QString, PictureSources> sources;
    PictureFileRefs syndicated;
    // A picture saved off the page keeps its credit; one whose metadata cannot be written goes as
    // it is.
    for (const StoryImage &image : story.images) {
        if (image.isMissing())
            continue;
        const bool page = format == ExportFormat::Html;
        const PictureRenditions renditions =
            makeRenditions(image, paths.value(image.id), page ? RenditionSet::WebPage : RenditionSet::Syndication);
        PictureRenditions written = renditions;
        for (RenditionFile &file : written.files) {
            file.bytes = withPictureMetadata(file.bytes, image);
            files.append({file.relativePath, file.bytes});
        }
        if (page)
            sources.insert(image.id, renditions.sources);
        else
            syndicated.insert(image.id, fileRefsOf(written, image)); // sizes as written, metadata included
    }
    const QString main = exportMainFileName(story, format);
    switch (format) {
    case ExportFormat::Html: {
        RenderOptions options;
        options.timeZones = SectionTimeZones::fromSettings();
        options.siteBaseUrl = exportOptions.siteBaseUrl;
        options.imageUrl = [&paths](const Story &, const StoryImage &image) { return paths.value(image.id); };
        options.pictureSources = [&sources](const Story &, const StoryImage &image) {
            return sources.value(image.id);
        };
        files.append({main, ArticleRenderer().renderPage(story, options).toUtf8()});
        break;
    }
    case ExportFormat::Nitf:
        files.append({main, writeNitf(story, paths, syndicated)});
        break;
    case ExportFormat::Ninjs: {
        // ninjs 2.2 wants each rendition's href to be a URI: with a site address it is where the
        // picture is published beside the page (as og:image); without one, the file in the folder.
        const QString canonical = canonicalUrl(story, exportOptions.siteBaseUrl);
        if (!canonical.isEmpty()) {
            for (QList<PictureFileRef> &refs : syndicated)
                for (PictureFileRef &ref : refs)
                    ref.href = QUrl(canonical).resolved(QUrl(ref.href)).toString(QUrl::FullyEncoded);
        }
        files.append({main, writeNinjs(story, paths, syndicated)});
        break;
    }
    case ExportFormat::NewsMl:
        files.append({main, writeNewsMl(story, paths, syndicated)});
        break;
    }
    return files;
}

QString native(const QString &path) {
    return QDir::toNativeSeparators(path);
}

/// The sentence for a failed write of @p path (where the user will look for it, not the staging
/// copy). @p errnum is errno right after the failing call (0 if unknown), @p qtReason Qt's error
/// string, @p needed the bytes that did not fit, @p folder where they were going. A full disk is
/// said in plain words however it was reported; "Unknown error" is never passed on.
QString writeProblem(const QString &path, int errnum, const QString &qtReason, qint64 needed,
                     const QString &folder) {
    const bool full = errnum == ENOSPC || errnum == EDQUOT || qtReason == qt_error_string(ENOSPC) ||
                      qtReason == qt_error_string(EDQUOT) ||
                      (needed > 0 && QStorageInfo(folder).bytesAvailable() < needed);
    if (full)
        return u"The disk is full: could not write %1; nothing was exported."_qs.arg(native(path));
    QString reason = errnum != 0 ? qt_error_string(errnum) : qtReason;
    if (reason.isEmpty() || reason.startsWith(u"Unknown error"_qs))
        reason = u"the system gave no reason"_qs;
    while (reason.endsWith(u'.'))
        reason.chop(1);
    return u"Could not write %1: %2; nothing was exported."_qs.arg(native(path), reason);
}

/// Writes @p bytes to the new file @p stagingPath unbuffered, so a full disk shows on the write
/// itself with errno intact. @p finalPath names the file in messages.
bool writeStagedFile(const QString &stagingPath, const QString &finalPath, const QByteArray &bytes,
                     QString *error) {
    QFile file(stagingPath);
    errno = 0;
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly | QIODevice::Unbuffered)) {
        const int errnum = errno;
        *error = writeProblem(finalPath, errnum, file.errorString(), bytes.size(),
                              QFileInfo(stagingPath).absolutePath());
        return false;
    }
    errno = 0;
    const qint64 written = file.write(bytes);
    const int errnum = errno;
    const QString reason = file.errorString();
    if (written != bytes.size()) {
        *error = writeProblem(finalPath, errnum, reason, bytes.size() - qMax<qint64>(written, 0),
                              QFileInfo(stagingPath).absolutePath());
        return false;
    }
    file.close();
    if (file.error() != QFileDevice::NoError) { // some file systems report a full disk on close
        *error = writeProblem(finalPath, 0, file.errorString(), 0, QFileInfo(stagingPath).absolutePath());
        return false;
    }
    return true;
}

bool makeStagingFolder(const QString &path, const QString &finalPath, QString *error) {
    errno = 0;
    if (QDir().mkdir(path))
        return true;
    const int errnum = errno;
    *error = writeProblem(finalPath, errnum, QString(), 0, QFileInfo(path).absolutePath());
    return false;
}

/// Renames @p from to @p to, replacing a file at @p to (POSIX rename(2) semantics: atomic on one
/// file system, and needing no free space). Returns errno on failure, 0 on success.
int move(const QString &from, const QString &to) {
    std::error_code code;
    std::filesystem::rename(from.toStdU16String(), to.toStdU16String(), code);
    return code.value();
}

/// Folders from @p folder upwards that do not exist yet, deepest first.
QStringList missingFolders(const QString &folder) {
    QStringList missing;
    QString path = QDir::cleanPath(folder);
    while (!QFileInfo::exists(path)) {
        missing.append(path);
        const QString up = QFileInfo(path).absolutePath();
        if (up == path)
            break;
        path = up;
    }
    return missing;
}

void removeEmptyFolders(const QStringList &deepestFirst) {
    for (const QString &folder : deepestFirst)
        QDir().rmdir(folder);
}

/// Checks what is already at @p root before anything is written, so a folder where a file must go
/// (or the reverse) fails the export with nothing touched.
bool checkTarget(const QString &root, const QList<PageFile> &files, QString *error) {
    const QFileInfo info(root);
    if (info.exists() && !info.isDir()) {
        *error = u"Cannot create the folder %1: a file with that name is in the way."_qs.arg(native(root));
        return false;
    }
    if (!info.exists())
        return true;
    const QFileInfo images(root % u"/images");
    if (images.exists() && !images.isDir()) {
        *error = u"Cannot create the folder %1: a file with that name is in the way."_qs.arg(
            native(images.filePath()));
        return false;
    }
    for (const PageFile &file : files) {
        const QFileInfo target(root % u'/' % file.relativePath);
        if (target.exists() && !target.isFile()) {
            *error =
                u"Could not write %1: a folder with that name is in the way; nothing was exported."_qs.arg(
                    native(target.filePath()));
            return false;
        }
    }
    return true;
}

/// Moves the staged files into the existing folder @p root one by one, keeping each file it
/// replaces in @p backup until all are in, so a failure puts every old file back.
bool moveIntoExistingFolder(const QString &staging, const QString &backup, const QString &root,
                            const QList<PageFile> &files, QString *error) {
    QList<std::pair<QString, QString>> done; // (from, to) of every rename made, to undo in reverse
    const auto undo = [&done] {
        for (auto it = done.crbegin(); it != done.crend(); ++it)
            move(it->second, it->first);
    };
    for (const PageFile &file : files) {
        const QString target = root % u'/' % file.relativePath;
        if (QFileInfo::exists(target)) {
            const QString aside = backup % u'/' % file.relativePath;
            if (const int errnum = move(target, aside)) {
                undo();
                *error = writeProblem(target, errnum, QString(), 0, root);
                return false;
            }
            done.append({target, aside});
        }
        const QString staged = staging % u'/' % file.relativePath;
        if (const int errnum = move(staged, target)) {
            undo();
            *error = writeProblem(target, errnum, QString(), 0, root);
            return false;
        }
        done.append({staged, target});
    }
    // Pictures an earlier export of this page wrote and this one no longer has are set aside too,
    // or the folder would go on publishing photos the story dropped. Only names this exporter
    // writes ("<n>-<slug>.<ext>") are touched; anything else in images/ is the producer's.
    static const QRegularExpression ours(u"^[0-9]+-[a-z0-9-]*\\.(jpg|png|webp|gif|bin)$"_qs);
    QSet<QString> current;
    for (const PageFile &file : files)
        current.insert(file.relativePath);
    const QFileInfoList existing = QDir(root % u"/images"_qs).entryInfoList(QDir::Files | QDir::Hidden);
    for (const QFileInfo &info : existing) {
        const QString relative = u"images/"_qs % info.fileName();
        if (current.contains(relative) || !ours.match(info.fileName()).hasMatch())
            continue;
        const QString aside = backup % u'/' % relative;
        const int errnum = QDir().mkpath(backup % u"/images"_qs) ? move(info.filePath(), aside) : EACCES;
        if (errnum) {
            undo();
            *error = writeProblem(info.filePath(), errnum, QString(), 0, root);
            return false;
        }
        done.append({info.filePath(), aside});
    }
    return true;
}

} // namespace

bool exportStory(const Story &story, const QString &dir, QString *error, ExportFormat format,
                 const ExportOptions &options) {
    QString localError;
    QString &message = error ? *error : localError;
    const QString root = QDir::cleanPath(QDir(dir).absolutePath());
    const QList<PageFile> files = pageFiles(story, format, options);
    const bool hasImages = files.size() > 1;
    if (!checkTarget(root, files, &message))
        return false;

    // Everything is written into a hidden folder beside the target and moved into place at the
    // end, so a full disk or a crash never leaves half a page: the target ends complete or as it
    // was. Beside, not in /tmp, so the moves stay on one file system and cannot run out of space.
    const QString parent = QFileInfo(root).absolutePath();
    const QStringList createdParents = missingFolders(parent);
    if (!QDir().mkpath(parent)) {
        removeEmptyFolders(createdParents);
        message = u"Cannot create the folder %1. Check that the place exists and you may write there."_qs.arg(
            native(root));
        return false;
    }
    std::optional<QTemporaryDir> staging(std::in_place, parent % u"/.galley-export-XXXXXX");
    int stagingErrno = errno;
    // A folder the producer may write into can sit in one they may not: stage inside it then
    // (still one file system; the files are then moved in one by one and the staging folder removed).
    if (!staging->isValid() && QFileInfo(root).isDir()) {
        staging.emplace(root % u"/.galley-export-XXXXXX");
        stagingErrno = errno;
    }
    if (!staging->isValid()) {
        removeEmptyFolders(createdParents);
        message = writeProblem(root, stagingErrno, staging->errorString(), 0, parent);
        return false;
    }
    const QString page = staging->filePath(u"page"_qs);
    const QString backup = staging->filePath(u"replaced"_qs);
    const bool targetExists = QFileInfo::exists(root);
    bool ok = makeStagingFolder(page, root, &message) &&
              (!hasImages || makeStagingFolder(page % u"/images", root % u"/images", &message));
    if (ok && targetExists)
        ok = makeStagingFolder(backup, root, &message) &&
             (!hasImages || makeStagingFolder(backup % u"/images", root % u"/images", &message));
    for (qsizetype i = 0; ok && i < files.size(); ++i)
        ok = writeStagedFile(page % u'/' % files.at(i).relativePath, root % u'/' % files.at(i).relativePath,
                             files.at(i).bytes, &message);

    bool madeImagesFolder = false;
    if (ok && targetExists && hasImages && !QFileInfo::exists(root % u"/images")) {
        ok = makeStagingFolder(root % u"/images", root % u"/images", &message);
        madeImagesFolder = ok;
    }
    if (ok && targetExists) {
        ok = moveIntoExistingFolder(page, backup, root, files, &message);
        if (!ok && madeImagesFolder)
            QDir().rmdir(root % u"/images");
    } else if (ok) {
        // QTemporaryDir made the folder private (0700); a published page is for everyone to read.
        QFile::setPermissions(page, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner |
                                        QFile::ReadGroup | QFile::ExeGroup | QFile::ReadOther |
                                        QFile::ExeOther);
        if (const int errnum = move(page, root)) {
            message = writeProblem(root, errnum, QString(), 0, parent);
            ok = false;
        }
    }
    if (!ok) {
        staging->remove();
        removeEmptyFolders(createdParents);
        qCDebug(lcExport) << "Export of" << story.slug << "failed:" << message;
        return false;
    }
    qCDebug(lcExport) << "Exported" << story.slug << "to" << root;
    return true;
}

} // namespace galley
