#pragma once

#include "model/story.h"
#include "render/articlerenderer.h"

#include <QByteArray>
#include <QHash>
#include <QImage>
#include <QList>
#include <QString>

namespace galley {

/// The widths, in pixels, a web page offers each picture at besides its full size. A width at or
/// above the picture's own is skipped: a picture is never upscaled.
inline constexpr int RenditionWidths[] = {480, 960, 1600};

/// The sizes attribute of every exported picture: the full width of a phone (the house stylesheet's
/// one-column layout below 40em), else the article's measure (38em).
QString renditionSizes();

/// A picture as the page shows it: decoded with its EXIF orientation applied
/// (QImageReader::setAutoTransform), then cut to StoryImage::crop.
struct PreparedPicture {
    QImage image;      ///< null when the stored bytes are not a picture Qt can read
    QByteArray format; ///< QImageReader's name of the stored format: "jpeg", "png", "webp", "gif"
    /// True when the stored bytes already show exactly this to a browser (no turn to apply, no
    /// crop), so they can be shipped as they are.
    bool asStored = false;
};

/// Decodes @p image for the page. A GIF is never cropped (its animation would be lost); it and any
/// picture Qt cannot read are left asStored with whatever image could be read (null if none).
PreparedPicture preparePicture(const StoryImage &image);

/// One file of a picture's renditions, before it is made.
struct RenditionSpec {
    QString relativePath; ///< where it goes in the export folder: "images/1-quay-480.jpg"
    int width = 0;        ///< pixel width; the prepared picture's own for the full-size file
    QByteArray format;    ///< "jpeg", "png" or "webp"
    bool fullSize = false;
};

/// One made file: its bytes and pixel size.
struct RenditionFile {
    QString relativePath;
    QByteArray bytes;
    int width = 0;
    int height = 0;
};

/// The files of one picture, narrowest first, the full-size file last, in @p format (the stored
/// picture's, or "webp"): "<base>-480.<ext>", "<base>-960.<ext>", "<base>-1600.<ext>" for the widths
/// below the picture's own, then "<base>.<ext>". @p fullSizePath is exportImagePaths()' name for
/// the picture ("images/1-quay.jpg"); <base> is it without its extension.
QList<RenditionSpec> planRenditions(const QString &fullSizePath, const PreparedPicture &picture,
                                    const QByteArray &format);

/// Makes the one file @p spec names from @p picture: the stored bytes of @p image for a full-size
/// file in the stored format when the picture is asStored, else the picture scaled (smooth) to
/// spec.width and encoded (JPEG quality 85; PNG; WebP quality 80, lossless for a PNG picture).
/// Every rendition file of an export is made here and nowhere else, so this is where anything
/// written into each file (IPTC/XMP metadata from @p image) belongs. Empty bytes when encoding
/// failed.
RenditionFile makeRenditionFile(const StoryImage &image, const PreparedPicture &picture,
                                const RenditionSpec &spec);

/// What a web page export writes for one picture, and how the page refers to the files.
struct PictureRenditions {
    QList<RenditionFile> files; ///< to write, full-size last; always at least the full-size file
    PictureSources sources;     ///< for the <img>/<picture> markup and og:image
};

/// Which files makeRenditions() makes: a web page's (WebP too when smaller) or a syndication
/// format's (the picture's own format only: partners' systems take what the photo desk sent).
enum class RenditionSet { WebPage, Syndication };

/// One file of a picture as NITF's media-reference and ninjs' renditions name it.
struct PictureFileRef {
    QString href;     ///< relative path in the export folder ("images/1-quay-480.jpg")
    QString mimeType; ///< "image/jpeg"
    int width = 0;    ///< pixels; 0 when unknown
    int height = 0;
    qint64 bytes = 0; ///< file size
};

/// The exported files of each picture by StoryImage::id, narrowest first, the full-size file last.
using PictureFileRefs = QHash<QString, QList<PictureFileRef>>;

/// @p renditions' files as a syndication format names them (mime type from each file's extension).
QList<PictureFileRef> fileRefsOf(const PictureRenditions &renditions, const StoryImage &image);

/// Every file of @p image for a web page (see planRenditions(), makeRenditionFile()): the stored
/// format at each width and full size, plus the same in WebP when the WebP files together are
/// smaller and Qt has a WebP writer. A GIF, or a picture Qt cannot read, is written as stored
/// alone (no srcset). @p fullSizePath as for planRenditions().
/// With RenditionSet::Syndication no WebP files are made and @c sources holds the stored-format
/// candidates alone.
PictureRenditions makeRenditions(const StoryImage &image, const QString &fullSizePath,
                                 RenditionSet set = RenditionSet::WebPage);

/// The picture the preview shows for @p image, turned and cropped as the export's: the stored
/// bytes when they already are, else the prepared picture at most 1600 pixels wide, in the stored
/// format (PNG for a picture Qt can read but not write). @p mimeType gets the bytes' type.
QByteArray previewPictureBytes(const StoryImage &image, QString *mimeType);

} // namespace galley
