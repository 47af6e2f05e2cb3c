#include "settings.h"

#include "recovery/recoverystore.h"
#include "render/pagehead.h"

#include <QByteArray>
#include <QString>

#ifdef Q_OS_UNIX
#include <pwd.h>
#include <unistd.h>
#endif

namespace galley {

namespace {

// The account's full name (the first field of the passwd GECOS entry), else its login name.
QString systemUserName() {
#ifdef Q_OS_UNIX
    if (const passwd *entry = getpwuid(getuid())) {
        const QString fullName = QString::fromLocal8Bit(entry->pw_gecos).section(u',', 0, 0).trimmed();
        return fullName.isEmpty() ? QString::fromLocal8Bit(entry->pw_name) : fullName;
    }
#endif
    return qEnvironmentVariable("USER", qEnvironmentVariable("USERNAME"));
}

struct KeyInfo {
    Settings::Key key;
    const char16_t *name;
    QVariant (*defaultValue)();
};

const KeyInfo keyTable[] = {
    {Settings::Key::WindowGeometry, u"window/geometry", [] { return QVariant(QByteArray()); }},
    {Settings::Key::WindowState, u"window/state", [] { return QVariant(QByteArray()); }},
    {Settings::Key::SplitterState, u"window/splitter", [] { return QVariant(QByteArray()); }},
    {Settings::Key::LastStoryId, u"library/lastStory", [] { return QVariant(QString()); }},
    {Settings::Key::LastExportFolder, u"export/lastFolder", [] { return QVariant(QString()); }},
    {Settings::Key::UserName, u"user/name", [] { return QVariant(systemUserName()); }},
    {Settings::Key::RecoveryFolder, u"recovery/folder",
     [] { return QVariant(RecoveryStore::defaultFolder()); }},
    {Settings::Key::MarkFindingsInPreview, u"checks/markInPreview", [] { return QVariant(false); }},
    {Settings::Key::ShowStoryList, u"view/storyList", [] { return QVariant(true); }},
    {Settings::Key::ShowPreview, u"view/preview", [] { return QVariant(true); }},
    {Settings::Key::CurlyQuotes, u"editing/curlyQuotes", [] { return QVariant(true); }},
    // Spelled in render/pagehead.h: `galley export` reads it too, without this class.
    {Settings::Key::SiteBaseUrl, SiteBaseUrlSettingsKey, [] { return QVariant(QString()); }},
    {Settings::Key::DeskName, u"user/desk", [] { return QVariant(QString()); }},
    {Settings::Key::RecentLibraries, u"library/recent", [] { return QVariant(QStringList()); }},
};

const KeyInfo &info(Settings::Key key) {
    for (const auto &entry : keyTable)
        if (entry.key == key)
            return entry;
    Q_UNREACHABLE();
}

} // namespace

QString Settings::keyName(Key key) {
    return QString::fromUtf16(info(key).name);
}

QVariant Settings::value(Key key) const {
    return m_settings.value(keyName(key), info(key).defaultValue());
}

void Settings::setValue(Key key, const QVariant &value) {
    m_settings.setValue(keyName(key), value);
}

} // namespace galley
