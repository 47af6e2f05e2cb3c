#pragma once

#include "model/story.h"
#include "renditions.h"

#include <QByteArray>
#include <QHash>
#include <QString>

namespace galley {

/// The story as an IPTC ninjs 2.2 news item (JSON, UTF-8, indented), for partners that take ninjs.
///
/// uri (urn:uuid: of the story id, or the original id when it is a URI), type "text", version,
/// standard, firstcreated / versioncreated / embargoed (ISO 8601, UTC), pubstatus, urgency from the
/// priority, language, slugline, headlines (role main; the deck as role sub), descriptions (the deck
/// as role summary), by (the bylines as the form writes them, "Name, Title; Name") and people (each
/// byline's name, rel "author"), located (the dateline), subjects (keywords, by name, and the
/// section as a subject with rel "section": ninjs 2.2 has no section member), bodies
/// (text/html: the body's elements exactly as ArticleRenderer writes them, pull quotes included,
/// pictures left to the associations; text/plain: Story::bodyPlainText(); each with its word and
/// character count) and associations, one picture per image ("featuremedia" for the lead picture,
/// then "picture1"...): descriptions role caption, creditline and alt, and renditions: one per file
/// of @p renditions named by its width ("w480", "w960", "w1600"; the full-size file "original"),
/// else "original" alone with the file from @p imagePaths (else the picture's source address);
/// each with its type, pixel size and bytes. Editor's notes are never written. Members that would
/// be empty are left out.
QByteArray writeNinjs(const Story &story, const QHash<QString, QString> &imagePaths,
                      const PictureFileRefs &renditions = {});

/// A time as ninjs wants it: ISO 8601 extended in UTC ("2026-12-03T10:15:00Z"); empty when invalid.
QString ninjsTime(const QDateTime &time);

} // namespace galley
