#include "revisions.h"

#include <QSettings>

#ifdef Q_OS_UNIX
#include <pwd.h>
#include <unistd.h>
#endif

namespace galley {

namespace {

struct KindKey {
    RevisionKind kind;
    const char16_t *key;
};

constexpr KindKey kindKeys[] = {
    {RevisionKind::Save, u"save"},       {RevisionKind::Autosave, u"autosave"},
    {RevisionKind::Restore, u"restore"}, {RevisionKind::Revert, u"revert"},
    {RevisionKind::Import, u"import"},   {RevisionKind::Migrated, u"migrated"},
    {RevisionKind::TakeOver, u"takeover"},
};

} // namespace

QString revisionKindKey(RevisionKind kind) {
    for (const auto &entry : kindKeys)
        if (entry.kind == kind)
            return QString::fromUtf16(entry.key);
    return u"save"_qs;
}

RevisionKind revisionKindFromKey(const QString &key) {
    for (const auto &entry : kindKeys)
        if (key == QString::fromUtf16(entry.key))
            return entry.kind;
    return RevisionKind::Save;
}

QString accountFullName() {
#ifdef Q_OS_UNIX
    if (const passwd *entry = getpwuid(getuid())) {
        const QString fullName = QString::fromLocal8Bit(entry->pw_gecos).section(u',', 0, 0).trimmed();
        return fullName.isEmpty() ? QString::fromLocal8Bit(entry->pw_name) : fullName;
    }
#endif
    return qEnvironmentVariable("USER", qEnvironmentVariable("USERNAME"));
}

QString defaultAuthorName() {
    // The key ui/settings.cpp writes for Settings::Key::UserName.
    const QString name = QSettings().value(u"user/name"_qs).toString().trimmed();
    return name.isEmpty() ? accountFullName() : name;
}

} // namespace galley
