#include "recoverystore.h"

#include "durablefile.h"
#include "journalformat.h"
#include "recoverylog.h"
#include "storage/serveraddress.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>
#include <QStandardPaths>
#include <QUuid>

namespace galley {

namespace {

const QString JournalSuffix = u".journal"_qs;

// A session id in the form file names can hold: the UUID without braces.
QString freshSessionId() {
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

int purgeFolder(const QString &folder, int keepDays, const QDateTime &now) {
    int removed = 0;
    const QFileInfoList files = QDir(folder).entryInfoList(QDir::Files | QDir::Hidden);
    for (const QFileInfo &file : files) {
        if (file.lastModified().daysTo(now) < keepDays)
            continue;
        if (QFile::remove(file.absoluteFilePath())) {
            ++removed;
            qCInfo(lcRecovery) << "Purged" << file.absoluteFilePath();
        }
    }
    if (removed > 0)
        syncFolder(folder);
    return removed;
}

QString stampName(const QDateTime &now) {
    return now.toUTC().toString(u"yyyyMMdd-HHmmss-zzz"_qs);
}

} // namespace

QString canonicalLibraryPath(const QString &path) {
    // A library on a server is named by its address, which is no file to resolve.
    if (isServerLocation(path))
        return path;
    const QFileInfo info(path);
    const QString canonical = info.canonicalFilePath();
    return canonical.isEmpty() ? QDir::cleanPath(info.absoluteFilePath()) : canonical;
}

RecoveryStore::RecoveryStore(const QString &folder)
    : m_folder(QDir::cleanPath(QFileInfo(folder).absoluteFilePath())) {
    if (!QFileInfo::exists(m_folder) && QDir().mkpath(m_folder)) {
        // Unpublished (maybe embargoed) copy: for its owner's eyes only, like the library itself.
        QFile::setPermissions(m_folder, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    }
}

QString RecoveryStore::defaultFolder() {
    return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) + u"/recovery"_qs;
}

QString RecoveryStore::discardedFolder() const {
    return m_folder + u"/discarded"_qs;
}

QString RecoveryStore::replacedFolder() const {
    return m_folder + u"/replaced"_qs;
}

QString RecoveryStore::journalPath(const QString &libraryPath, const QString &storyId,
                                   const QString &session) const {
    const QByteArray key = (libraryPath + u'\n' + storyId).toUtf8();
    const QString hash =
        QString::fromLatin1(QCryptographicHash::hash(key, QCryptographicHash::Sha1).toHex().left(16));
    return m_folder + u'/' + hash + u'-' + session.left(8) + JournalSuffix;
}

QStringList RecoveryStore::journalFiles() const {
    QStringList paths;
    const QFileInfoList files =
        QDir(m_folder).entryInfoList({u"*"_qs + JournalSuffix}, QDir::Files, QDir::Name);
    for (const QFileInfo &file : files)
        paths.append(file.absoluteFilePath());
    return paths;
}

bool RecoveryStore::discard(const QString &journalPath, QString *error) const {
    QDir().mkpath(discardedFolder());
    const QFileInfo source(journalPath);
    QString target = discardedFolder() + u'/' + source.completeBaseName() + u'-' +
                     stampName(QDateTime::currentDateTimeUtc()) + JournalSuffix;
    if (!QFile::rename(journalPath, target)) {
        if (error)
            *error = u"Could not move %1 to %2."_qs.arg(journalPath, discardedFolder());
        return false;
    }
    // The week counts from now, not from when the journal was written.
    QFile moved(target);
    if (moved.open(QIODevice::ReadWrite))
        moved.setFileTime(QDateTime::currentDateTimeUtc(), QFileDevice::FileModificationTime);
    syncFolder(m_folder);
    syncFolder(discardedFolder());
    return true;
}

QString RecoveryStore::keepReplaced(const Story &story, const QString &libraryPath, const QDateTime &now,
                                    QString *error) const {
    QDir().mkpath(replacedFolder());
    RecoveryJournal journal;
    journal.libraryPath = libraryPath;
    journal.storyId = story.id;
    journal.written = now.toUTC();
    journal.savedAt = story.updated;
    journal.story = story;
    const QString slug = story.slug.isEmpty() ? story.id : story.slug;
    const QString path = replacedFolder() + u'/' + slug + u'-' + stampName(now) + JournalSuffix;
    // An empty Story as the saved version: every picture's bytes go in.
    if (!writeFileDurably(path, encodeJournal(journal, Story()), error))
        return {};
    return path;
}

int RecoveryStore::purge(const QDateTime &now) const {
    return purgeFolder(discardedFolder(), DiscardedKeepDays, now) +
           purgeFolder(replacedFolder(), ReplacedKeepDays, now);
}

QString RecoveryStore::sessionLockPath(const QString &session) const {
    return m_folder + u"/sessions/"_qs + session + u".lock"_qs;
}

bool RecoveryStore::isSessionAlive(const QString &session) const {
    if (session.isEmpty() || !QFile::exists(sessionLockPath(session)))
        return false;
    QLockFile lock(sessionLockPath(session));
    // Only a dead owner makes a lock stale: a live Galley may hold its lock for days.
    lock.setStaleLockTime(0);
    if (lock.tryLock(0)) {
        lock.unlock(); // removes the dead session's file
        return false;
    }
    return lock.error() == QLockFile::LockFailedError;
}

RecoverySession::RecoverySession(const RecoveryStore &store) {
    const QString id = freshSessionId();
    QDir().mkpath(QFileInfo(store.sessionLockPath(id)).absolutePath());
    m_lock = std::make_unique<QLockFile>(store.sessionLockPath(id));
    m_lock->setStaleLockTime(0);
    if (m_lock->tryLock(0))
        m_id = id;
    else
        qCWarning(lcRecovery) << "Could not take the recovery session lock" << store.sessionLockPath(id);
}

RecoverySession::~RecoverySession() = default;

} // namespace galley
