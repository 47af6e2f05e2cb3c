#pragma once

// The desks' log: one JSON object a line (JSON Lines), flushed after each line so that a desk killed
// with SIGKILL leaves every attempt it finished on disk.

#include <QDateTime>
#include <QFile>
#include <QJsonObject>
#include <QString>

namespace galley::drill {

/// A time as the drills write it: UTC, ISO 8601 with milliseconds ("2026-12-03T15:30:00.123Z"), the
/// form the library stores, so logged and stored times compare as strings.
QString drillTime(const QDateTime &time);

/// Appends JSON lines to one file.
class DeskLog final {
public:
    /// Opens @p path for appending (created when missing); isOpen() says whether it worked.
    explicit DeskLog(const QString &path);
    bool isOpen() const { return m_file.isOpen(); }
    /// Writes @p entry with "t" (now, drillTime) added, as one line, and flushes it.
    void write(QJsonObject entry);

private:
    QFile m_file;
};

} // namespace galley::drill
