#include "recoveryscan.h"

#include "recoverylog.h"
#include "storage/storylibrary.h"

#include <QDateTime>
#include <QFile>

#include <algorithm>

namespace galley {

namespace {

RecoveryCase readCase(const QString &path, const QString &libraryPath, const StoryLibrary &library) {
    RecoveryCase recovery;
    recovery.path = path;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        recovery.problem = u"The file cannot be opened (%1)."_qs.arg(file.errorString());
        return recovery;
    }
    JournalReadResult read = decodeJournal(file.readAll());
    if (read.status != JournalReadResult::Status::Ok) {
        recovery.problem = read.problem;
        recovery.truncated = read.status == JournalReadResult::Status::Truncated;
        return recovery;
    }
    recovery.journal = std::move(read.journal);
    const RecoveryJournal &journal = recovery.journal;
    if (journal.libraryPath != libraryPath) {
        recovery.kind = RecoveryCase::Kind::OtherLibrary;
        return recovery;
    }
    QString error;
    recovery.saved = library.load(journal.storyId, &error);
    if (!recovery.saved) {
        recovery.kind = RecoveryCase::Kind::StoryDeleted;
        recovery.diff = compareStories(Story(), journal.story);
        return recovery;
    }
    recovery.diff = compareStories(*recovery.saved, journal.story);
    if (recovery.diff.isEmpty())
        recovery.kind = RecoveryCase::Kind::AlreadySaved;
    else if (journal.written <= recovery.saved->updated)
        recovery.kind = RecoveryCase::Kind::OlderThanSave;
    else
        recovery.kind = RecoveryCase::Kind::Unsaved;
    return recovery;
}

} // namespace

QList<RecoveryCase> findRecoveries(const RecoveryStore &store, const StoryLibrary &library,
                                   const QString &ownSession) {
    const QString libraryPath = canonicalLibraryPath(library.path());
    QList<RecoveryCase> cases;
    for (const QString &path : store.journalFiles()) {
        RecoveryCase recovery = readCase(path, libraryPath, library);
        const QString session = recovery.journal.session;
        if (!session.isEmpty() && (session == ownSession || store.isSessionAlive(session)))
            continue; // a running Galley's journal, not a crash's
        cases.append(std::move(recovery));
    }
    std::stable_sort(cases.begin(), cases.end(), [](const RecoveryCase &a, const RecoveryCase &b) {
        return a.journal.written > b.journal.written;
    });
    return cases;
}

std::optional<Story> restoreRecovery(const RecoveryCase &recovery, StoryLibrary &library,
                                     const RecoveryStore &store, QString *error, QString *replacedPath) {
    if (!recovery.needsAnswer()) {
        if (error)
            *error = u"This recovery file cannot be restored."_qs;
        return std::nullopt;
    }
    const QString libraryPath = canonicalLibraryPath(library.path());
    // Read the library's version again: another window may have saved it since the scan.
    std::optional<Story> current;
    if (recovery.kind == RecoveryCase::Kind::Unsaved) {
        current = library.load(recovery.journal.storyId, error);
        if (!current)
            return std::nullopt;
    }
    Story story = resolvedStory(recovery.journal, current ? &*current : nullptr);
    if (current) {
        const QString kept =
            store.keepReplaced(*current, libraryPath, QDateTime::currentDateTimeUtc(), error);
        if (kept.isEmpty())
            return std::nullopt;
        if (replacedPath)
            *replacedPath = kept;
        story.updated = current->updated; // what the library expects of a save over it
    } else {
        // A new story: its own id, a slug of its own, its own times.
        story.id = newId();
        story.slug.clear();
        story.created = story.updated = QDateTime();
    }
    if (!library.save(story, error))
        return std::nullopt;
    if (QFile::exists(recovery.path) && !QFile::remove(recovery.path))
        qCWarning(lcRecovery) << "Restored, but could not remove" << recovery.path;
    qCInfo(lcRecovery) << "Restored story" << story.id << "from" << recovery.path;
    return story;
}

bool discardRecovery(const RecoveryCase &recovery, const RecoveryStore &store, QString *error) {
    return store.discard(recovery.path, error);
}

bool settleQuietly(const RecoveryCase &recovery, const RecoveryStore &store, QString *error) {
    switch (recovery.kind) {
    case RecoveryCase::Kind::AlreadySaved:
        if (QFile::remove(recovery.path))
            return true;
        if (error)
            *error = u"Could not remove %1."_qs.arg(recovery.path);
        return false;
    case RecoveryCase::Kind::Unreadable:
    case RecoveryCase::Kind::OlderThanSave:
        return store.discard(recovery.path, error);
    case RecoveryCase::Kind::OtherLibrary:
    case RecoveryCase::Kind::Unsaved:
    case RecoveryCase::Kind::StoryDeleted:
        break;
    }
    return true;
}

} // namespace galley
