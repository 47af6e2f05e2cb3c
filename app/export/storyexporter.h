#pragma once

#include "exportformat.h"
#include "model/story.h"

#include <QString>

namespace galley {

/// Choices for one export beyond its format.
struct ExportOptions {
    /// Where the site publishes stories (normalizeSiteBaseUrl()): the web page's canonical URL and
    /// its absolute social picture URLs are built from it, and ninjs' rendition hrefs (absolute picture
    /// addresses beside the page); empty leaves them out (ninjs then names the files in the folder).
    QString siteBaseUrl;
};

/// Writes a story as a finished page folder: DIR/index.html (HTML5, UTF-8, from ArticleRenderer),
/// or with @p format Nitf / Ninjs / NewsMl DIR/<slug>.xml (writeNitf()) / DIR/<slug>.json
/// (writeNinjs()) / DIR/<slug>.newsml.xml (writeNewsMl()),
/// and DIR/images/<n>-<slug>.<ext> for each picture that is present (exportImagePaths()); a web page
/// also gets each picture's renditions beside it (makeRenditions(): narrower copies and WebP). DIR and its parents are
/// created when missing; files of an earlier export in DIR are replaced (pictures the story no
/// longer has are removed), other files left alone.
///
/// All or nothing: the page is written into a hidden folder beside DIR and moved into place only
/// when every file is written, so on failure DIR is exactly as it was before (or absent).
/// Returns false with a plain sentence in @p error (may be null) ending in "nothing was exported."
/// for a failed write; a full disk reads "The disk is full: could not write FILE; nothing was
/// exported." and other failures name the system's reason.
bool exportStory(const Story &story, const QString &dir, QString *error,
                 ExportFormat format = ExportFormat::Html, const ExportOptions &options = {});

} // namespace galley
