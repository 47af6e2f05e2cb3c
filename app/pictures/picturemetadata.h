#pragma once

#include "model/story.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace galley {

/// What a picture file says about itself, as photo desks and cameras write it (IPTC Photo Metadata
/// Standard 2023.1: the IPTC Core fields in XMP and their IIM and EXIF counterparts). Every value
/// is plain text, trimmed, one line per value as the file has it; empty when the file does not say.
struct PictureMetadata {
    QString caption;             ///< Description: XMP dc:description, IIM 2:120, EXIF ImageDescription
    QString creditLine;          ///< Credit Line: XMP photoshop:Credit, IIM 2:110
    QString creator;             ///< Creator: XMP dc:creator (names joined by "; "), IIM 2:80, EXIF Artist
    QString copyrightNotice;     ///< Copyright Notice: XMP dc:rights, IIM 2:116, EXIF Copyright
    QString altText;             ///< Alt Text (Accessibility): XMP Iptc4xmpCore:AltTextAccessibility
    QString extendedDescription; ///< Extended Description: XMP Iptc4xmpCore:ExtDescrAccessibility

    bool isEmpty() const;

    friend bool operator==(const PictureMetadata &, const PictureMetadata &) = default;
};

/// Reads the metadata of the encoded picture @p data (JPEG, PNG, WebP, GIF, TIFF: what Exiv2
/// reads) with Exiv2. Where a field is in several places the XMP value wins, then IIM, then EXIF
/// (the order the IPTC and the Metadata Working Group give for reading). XMP language
/// alternatives give their "x-default" text, else the first. IIM text is decoded as its
/// CodedCharacterSet (1:90) says: "ESC % G" is UTF-8; without it, text that is valid UTF-8 is
/// read as UTF-8 and anything else as ISO 8859-1 (Latin-1), as older desk systems wrote it. No
/// entity or markup is decoded: "&" stays "&". A file Exiv2 cannot read gives empty metadata and,
/// in @p error (may be null), a plain sentence; a file without metadata is no error.
PictureMetadata readPictureMetadata(const QByteArray &data, QString *error = nullptr);

/// Fills the fields of @p image that are empty (only blank ones; typed text is never replaced)
/// from @p metadata: the caption from the description, the credit from the credit line (else the
/// creator), the alt text from the accessibility alt text. Returns what it filled, in that order,
/// in the words the Pictures panel uses: "caption", "credit", "alt text".
QStringList fillEmptyPictureFields(StoryImage &image, const PictureMetadata &metadata);

/// "Filled from the picture's own metadata: caption, credit and alt text." for @p fields (as
/// fillEmptyPictureFields() returns them), naming the file @p fileName when given; empty when
/// nothing was filled.
QString filledFieldsSentence(const QStringList &fields, const QString &fileName = {});

} // namespace galley
