#pragma once

#include "model/story.h"

#include <QHash>
#include <QString>
#include <QTimeZone>

namespace galley {

/// The time zone each section's pages show their times in, with one for every other section.
///
/// Kept in the settings (QSettings of the running application) as IANA zone names:
/// "timeZone/default" for every section without its own, "timeZone/section/<section name>" for
/// one section (the rest of the key after "timeZone/section/" is the name, slashes included). An
/// unknown zone name is skipped with a warning, so a typo shows the default zone, never UTC by
/// surprise.
struct SectionTimeZones {
    QTimeZone fallback = QTimeZone::utc();  ///< sections without a zone of their own
    QHash<QString, QTimeZone> bySection;    ///< section name (as typed on stories) -> zone

    /// The zone of @p section (compared trimmed and case-insensitively), else the fallback.
    QTimeZone zoneFor(const QString &section) const;

    /// The zones from the settings; the fallback is "timeZone/default" or, unset, the system's zone.
    static SectionTimeZones fromSettings();
};

/// When @p story was published, in UTC: Story::published, or for a story never published (a draft in
/// the preview, a page exported before it was marked Published) its first save, Story::created.
/// Invalid when it has neither.
QDateTime publicationTime(const Story &story);

/// The line of a page's header that dates the story, or empty when publicationTime() is invalid:
/// @code
/// <p class="story-time"><time datetime="2026-03-02T09:15:00+01:00">2 March 2026, 09:15 CET</time></p>
/// @endcode
/// The publication time is publicationTime(). When Story::updated falls in a
/// later minute, " · Updated <time …>…</time>" follows inside <span class="updated">. Times are shown
/// in @p zone: the datetime attribute is ISO 8601 with the zone's offset ("Z" for UTC), the text
/// English ("d MMMM yyyy, HH:mm" and the zone's abbreviation, or its UTC offset when it has no
/// letters for one).
QString renderStoryTimes(const Story &story, const QTimeZone &zone);

} // namespace galley
