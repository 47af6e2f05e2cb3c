#include "storytimes.h"

#include "articlerenderer.h"
#include "logging.h"

#include <QLocale>
#include <QSettings>

namespace galley {

namespace {

QString shownTime(const QDateTime &utc, const QTimeZone &zone) {
    const QDateTime local = utc.toTimeZone(zone);
    QString abbreviation = zone.abbreviation(local);
    // Some zones have no letters for their time ("+03"): the offset says it plainly.
    bool letters = !abbreviation.isEmpty();
    for (QChar c : abbreviation)
        letters = letters && c.isLetter();
    if (!letters) {
        const int offset = local.offsetFromUtc();
        const int minutes = qAbs(offset) / 60;
        abbreviation = offset == 0 ? u"UTC"_qs
                                   : u"UTC%1%2:%3"_qs.arg(offset < 0 ? u'−' : u'+')
                                         .arg(minutes / 60, 2, 10, QChar(u'0'))
                                         .arg(minutes % 60, 2, 10, QChar(u'0'));
    }
    const QString datetime = zone == QTimeZone::utc() ? utc.toString(Qt::ISODate)
                                                       : local.toOffsetFromUtc(local.offsetFromUtc()).toString(Qt::ISODate);
    const QString text = QLocale(QLocale::English, QLocale::UnitedKingdom).toString(local, u"d MMMM yyyy, HH:mm"_qs) +
                         u' ' + abbreviation;
    return u"<time datetime=\""_qs + escapeHtml(datetime) + u"\">"_qs + escapeHtml(text) + u"</time>"_qs;
}

} // namespace

QTimeZone SectionTimeZones::zoneFor(const QString &section) const {
    const QString wanted = section.trimmed();
    for (auto it = bySection.cbegin(); it != bySection.cend(); ++it)
        if (it.key().trimmed().compare(wanted, Qt::CaseInsensitive) == 0)
            return it.value();
    return fallback;
}

SectionTimeZones SectionTimeZones::fromSettings() {
    SectionTimeZones zones;
    zones.fallback = QTimeZone::systemTimeZone();
    QSettings settings;
    const QByteArray fallback = settings.value(u"timeZone/default"_qs).toString().toUtf8();
    if (!fallback.isEmpty()) {
        if (QTimeZone(fallback).isValid())
            zones.fallback = QTimeZone(fallback);
        else
            qCWarning(lcRender) << "Unknown time zone in timeZone/default:" << fallback;
    }
    settings.beginGroup(u"timeZone/section"_qs);
    const QStringList sections = settings.allKeys();
    for (const QString &section : sections) {
        const QByteArray name = settings.value(section).toString().toUtf8();
        const QTimeZone zone(name);
        if (zone.isValid())
            zones.bySection.insert(section, zone);
        else
            qCWarning(lcRender) << "Unknown time zone for section" << section << ":" << name;
    }
    return zones;
}

QDateTime publicationTime(const Story &story) {
    return (story.published.isValid() ? story.published : story.created).toUTC();
}

QString renderStoryTimes(const Story &story, const QTimeZone &zone) {
    const QDateTime published = publicationTime(story);
    if (!published.isValid())
        return {};
    QString html = u"<p class=\"story-time\">"_qs + shownTime(published, zone);
    if (story.updated.isValid()) {
        const QDateTime updated = story.updated.toUTC();
        // Shown to the minute: an update within the minute of publication is no update to a reader.
        const qint64 publishedMinute = published.toSecsSinceEpoch() / 60;
        if (updated.toSecsSinceEpoch() / 60 > publishedMinute)
            html += u"<span class=\"updated\"> · Updated "_qs + shownTime(updated, zone) + u"</span>"_qs;
    }
    return html + u"</p>\n"_qs;
}

} // namespace galley
