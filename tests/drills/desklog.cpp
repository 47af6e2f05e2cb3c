#include "desklog.h"

#include <QJsonDocument>

namespace galley::drill {

QString drillTime(const QDateTime &time) {
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString();
}

DeskLog::DeskLog(const QString &path)
    : m_file(path) {
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Text))
        qWarning("galley-desk: cannot write the log %s: %s", qPrintable(path),
                 qPrintable(m_file.errorString()));
}

void DeskLog::write(QJsonObject entry) {
    if (!m_file.isOpen())
        return;
    entry.insert(u"t"_qs, drillTime(QDateTime::currentDateTimeUtc()));
    m_file.write(QJsonDocument(entry).toJson(QJsonDocument::Compact) + '\n');
    m_file.flush();
}

} // namespace galley::drill
