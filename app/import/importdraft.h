#pragma once

#include "importreport.h"
#include "segment.h"

#include <QDateTime>

namespace galley {

/// A segment with what cleanup decided about it. Change indexes point into ImportReport::changes;
/// -1 means no such change.
struct DraftSegment {
    Segment segment;
    QString blockId; ///< id its body block gets, stable across rebuilds
    SegmentRole role = SegmentRole::Paragraph;
    bool lead = false;   ///< a caption above the body: the lead image
    int removal = -1;    ///< removed-chrome or removed-duplicate
    int roleChange = -1; ///< the recognised-* or picture-missing change giving it @c role
    QList<int> splits;   ///< split-words changes inside it
    /// A wire dateline opening the first paragraph ("EASTPORT, May 2 (Example Wire) - "): the
    /// recognised-dateline change, and how many characters of the (split) text it takes.
    int datelineChange = -1;
    qsizetype datelineLength = 0;
};

/// Everything needed to build the story again with any subset of changes. Internal to the importer.
struct ImportDraft {
    QList<DraftSegment> segments;
    ImportReport report;
    QString storyId;
    QDateTime created;
    QByteArray source;
    QString sourceFormat;
    /// Copied to the story as read: not part of any change.
    StoryMetadata metadata;
    QList<EditorNote> notes;
};

/// Runs the cleanup steps over @p segments in order (chrome and wire trailer, head, teaser,
/// duplicates, split words, roles), each adding its changes to the report. @p language is the
/// story's language as the file gives it (BCP 47, may be empty): words are split only in English.
/// Fills segments, report.changes and report.notes of the result.
ImportDraft analyseSegments(const QList<Segment> &segments, const QString &language = {});

/// @p text with the spaces of the split-words changes listed in @p splits inserted, skipping those
/// @p accepted refuses (a missing entry counts as accepted). Styles of the runs are kept.
InlineText applySplits(const InlineText &text, const QList<int> &splits, const QList<ImportChange> &changes,
                       const QList<bool> &accepted);

/// The story @p draft gives with the changes @p accepted allows.
Story buildStory(const ImportDraft &draft, const QList<bool> &accepted);

} // namespace galley
