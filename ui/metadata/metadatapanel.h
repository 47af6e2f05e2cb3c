#pragma once

#include "model/story.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;

namespace galley {

/// The story's wire metadata (StoryMetadata, as IPTC ninjs / NewsML-G2 / NITF carry it): source
/// agency, original id (read-only, selectable), priority (IPTC urgency 1-9 or none), slugline,
/// keywords (comma-separated), language (a BCP 47 tag checked as typed; empty is the house
/// default), first created and version created (read-only), and the embargo (a local date and
/// time, or "no embargo"). Times are shown in local time and kept in UTC.
class MetadataPanel final : public QWidget {
    Q_OBJECT

public:
    explicit MetadataPanel(QWidget *parent = nullptr);

    /// Shows @p metadata; emits nothing.
    void setMetadata(const StoryMetadata &metadata);
    /// The metadata as on screen: the fields read back, the read-only ones as last set. A language
    /// tag that is not valid BCP 47 keeps the last valid one.
    StoryMetadata metadata() const;

    /// True for a well-formed BCP 47 language tag (RFC 5646 shape: language, optional script,
    /// region, variants, extensions, private use), or the empty string.
    static bool isLanguageTag(const QString &tag);
    /// @p tag in BCP 47's conventional case: "en-gb" -> "en-GB", "sr-latn-rs" -> "sr-Latn-RS".
    static QString canonicalLanguageTag(const QString &tag);

Q_SIGNALS:
    /// The user changed a field.
    void edited();

private:
    void onLanguageEdited();
    void onEmbargoToggled(bool on);
    void changed();

    QLineEdit *m_agency;
    QLineEdit *m_originalId;
    QComboBox *m_priority;
    QLineEdit *m_slugline;
    QLineEdit *m_keywords;
    QLineEdit *m_language;
    QLabel *m_languageNote;
    QLabel *m_firstCreated;
    QLabel *m_versionCreated;
    QCheckBox *m_embargoOn;
    QDateTimeEdit *m_embargo;
    StoryMetadata m_metadata;
    bool m_loading = false;
};

/// "Embargoed until Tue 14 Mar 2025, 06:00" (local time) when @p metadata has an embargo later
/// than @p now, else empty: the warning the story form shows.
QString embargoWarning(const StoryMetadata &metadata, const QDateTime &now);

} // namespace galley
