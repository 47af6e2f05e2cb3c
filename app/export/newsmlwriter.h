#pragma once

#include "model/story.h"
#include "renditions.h"

#include <QByteArray>
#include <QHash>
#include <QString>

namespace galley {

/// The story as an IPTC NewsML-G2 2.35 news item (namespace http://iptc.org/std/nar/2006-10-01/,
/// conformance "power"), UTF-8 with an XML declaration, for partners that take NewsML-G2.
///
/// newsItem/@guid is the original id when the story has one, else "urn:uuid:" and the story id;
/// @version 1; xml:lang the story's language. itemMeta: itemClass ninat:text, provider (the story's
/// source agency, else "Galley"), versionCreated / firstCreated (ISO 8601, UTC), embargoed when the
/// story has an embargo, pubStatus stat:usable, and one link rel="irel:seeAlso" per picture naming
/// its file in @p imagePaths (else its source address), with its type. contentMeta: urgency (the
/// priority), language, keyword per keyword, slugline, headline, dateline, one "by" per byline
/// ("Name, Title"), description role="drol:summary" (the deck). contentSet: one inlineXML
/// contenttype="application/nitf+xml" holding the whole story as writeNitf() writes it (the same
/// code: body, pull quotes, pictures with caption, credit and alt text and a media-reference per
/// file of @p renditions, section). Editor's notes
/// are never written. Every value is escaped by QXmlStreamWriter; control characters XML forbids
/// become U+FFFD. Fields that would be empty are left out.
QByteArray writeNewsMl(const Story &story, const QHash<QString, QString> &imagePaths,
                       const PictureFileRefs &renditions = {});

/// A time as NewsML-G2's DateTimePropType wants it: ISO 8601 extended in UTC
/// ("2026-12-03T10:15:00Z"); empty when invalid.
QString newsMlTime(const QDateTime &time);

} // namespace galley
