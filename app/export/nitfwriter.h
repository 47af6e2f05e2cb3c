#pragma once

#include "model/story.h"
#include "renditions.h"

#include <QByteArray>
#include <QHash>
#include <QString>

class QXmlStreamWriter;

namespace galley {

/// The story as an IPTC NITF 3.6 document (namespace http://iptc.org/std/NITF/2006-10-18/), UTF-8
/// with an XML declaration, for partners and aggregators that take NITF.
///
/// head: title (headline), docdata (doc-id from the original id or the story id, urgency from the
/// priority, date.issue from the version time, date.release with management-status="embargoed"
/// when the story has an embargo, du-key from the slugline, key-list of keywords), pubdata with the
/// section. body.head: hedline (hl1 headline, hl2 deck), one byline per byline (person and byttl),
/// dateline. body.content in page order (ArticleRenderer::layout()): p, hl2 for subheads, ul/ol
/// (nested lists inside their li), bq/block/p for block quotes, table, hr, bq class="pullquote" (block/p, credit) for
/// pull quotes, media for pictures (one media-reference per file of @p renditions, narrowest first,
/// else one to @p imagePaths' file, else to the picture's source address; each with mime-type,
/// alternate-text and size; media-caption; media-producer for the credit). Inline: em (italic), em class="bold", em class="strike", sup and sub inside num (as NITF 3.6 allows them), a href (only for links
/// isSafeLinkUrl() allows; others keep their text unlinked, as on the page). The language
/// is nitf/@baselang. Editor's notes are never written. Every value is escaped by QXmlStreamWriter;
/// control characters XML forbids become U+FFFD.
QByteArray writeNitf(const Story &story, const QHash<QString, QString> &imagePaths,
                     const PictureFileRefs &renditions = {});

/// The same <nitf> element written into @p xml where it stands (no XML declaration), declaring
/// NITF's namespace on itself: how NewsML-G2's inlineXML carries the story (writeNewsMl()).
void writeNitfElement(QXmlStreamWriter &xml, const Story &story, const QHash<QString, QString> &imagePaths,
                      const PictureFileRefs &renditions = {});

/// A time as NITF's norm attributes want it: ISO 8601 basic, UTC ("20261203T101500Z"); empty for
/// an invalid time.
QString nitfTime(const QDateTime &time);

} // namespace galley
