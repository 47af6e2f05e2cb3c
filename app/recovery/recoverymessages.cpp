// The sentences recovery says at start. A reporter on deadline reads them once, quickly: which
// story, how much text, and what each button does.

#include "recoveryscan.h"
#include "storage/serveraddress.h"

#include <QDir>
#include <QFileInfo>

namespace galley {

namespace {

// The example, ‘Harbour ferry strike…’, cuts a long headline to its first words.
constexpr int HeadlineChars = 24;

QString words(int count) {
    return count == 1 ? u"1 word"_qs : u"%1 words"_qs.arg(count);
}

QString when(const QDateTime &time, const QDateTime &now) {
    const QDateTime local = time.toLocalTime();
    const QDate today = now.toLocalTime().date();
    if (local.date() == today)
        return u"today at "_qs + local.toString(u"HH:mm"_qs);
    if (local.date() == today.addDays(-1))
        return u"yesterday at "_qs + local.toString(u"HH:mm"_qs);
    return u"on "_qs + local.toString(u"d MMMM yyyy 'at' HH:mm"_qs);
}

QString folderName(const QString &folder) {
    return QDir::toNativeSeparators(folder);
}

QString storyName(const RecoveryCase &recovery) {
    return quotedHeadline(recovery.journal.story.headline);
}

} // namespace

QString quotedHeadline(const QString &headline) {
    const QString text = headline.simplified();
    if (text.isEmpty())
        return u"an untitled story"_qs;
    if (text.size() <= HeadlineChars)
        return u"‘"_qs + text + u"’"_qs;
    qsizetype cut = text.lastIndexOf(u' ', HeadlineChars);
    if (cut <= 0)
        cut = HeadlineChars;
    QString shortened = text.left(cut);
    while (!shortened.isEmpty() && !shortened.back().isLetterOrNumber())
        shortened.chop(1);
    return u"‘"_qs + shortened + u"…’"_qs;
}

QString recoveryQuestion(const RecoveryCase &recovery) {
    const StoryDiff &diff = recovery.diff;
    const QString story = storyName(recovery);
    if (recovery.kind == RecoveryCase::Kind::StoryDeleted) {
        return u"Galley closed before %1 of %2 were saved, and the story has since been deleted. "
               u"Restore it as a new story?"_qs.arg(words(diff.wordsAdded), story);
    }
    if (diff.wordsAdded > 0) {
        return u"Galley closed before %1 of %2 were saved. Restore %3?"_qs.arg(
            words(diff.wordsAdded), story, diff.wordsAdded == 1 ? u"it"_qs : u"them"_qs);
    }
    if (diff.wordsRemoved > 0) {
        return u"Galley closed before changes to %1 were saved: %2 taken out. Restore the changes?"_qs.arg(
            story, words(diff.wordsRemoved));
    }
    return u"Galley closed before changes to %1 were saved (its formatting or settings, not its "
           u"words). Restore the changes?"_qs.arg(story);
}

QString recoveryDetails(const RecoveryCase &recovery, const QDateTime &now) {
    QString details = u"Last typed %1."_qs.arg(when(recovery.journal.written, now));
    if (recovery.saved && recovery.saved->updated.isValid())
        details += u" The story was last saved %1."_qs.arg(when(recovery.saved->updated, now));
    if (recovery.diff.wordsAdded > 0 && recovery.diff.wordsRemoved > 0)
        details += u" Restoring also takes out %1."_qs.arg(words(recovery.diff.wordsRemoved));
    return details;
}

QString recoveryNotice(const RecoveryCase &recovery, const RecoveryStore &store) {
    const QString fileName = QFileInfo(recovery.path).fileName();
    const QString setAside =
        u"It was set aside in %1, where it is kept for %2 days."_qs.arg(folderName(store.discardedFolder()))
            .arg(RecoveryStore::DiscardedKeepDays);
    switch (recovery.kind) {
    case RecoveryCase::Kind::OtherLibrary: {
        const QString library = folderName(recovery.journal.libraryPath);
        if (!isServerLocation(recovery.journal.libraryPath) && !QFileInfo::exists(recovery.journal.libraryPath)) {
            return u"Unsaved text of %1 belongs to the library %2, which is no longer there. It stays "
                   u"in %3 in case that library comes back."_qs.arg(storyName(recovery), library,
                                                                    folderName(store.folder()));
        }
        return u"Unsaved text of %1 belongs to another library, %2. To get it back, open that library: "
               u"galley --db \"%2\""_qs.arg(storyName(recovery), library);
    }
    case RecoveryCase::Kind::Unreadable:
        return (recovery.truncated
                    ? u"A recovery file (%1) is cut off, so Galley cannot tell what it held. %2 %3"_qs
                    : u"A recovery file (%1) is damaged and cannot be read. %2 %3"_qs)
            .arg(fileName, recovery.problem, setAside);
    case RecoveryCase::Kind::OlderThanSave:
        return u"Unsaved text of %1 is older than the story's last save, %2, so the story stays as "
               u"saved. %3"_qs.arg(storyName(recovery),
                                   when(recovery.saved->updated, QDateTime::currentDateTimeUtc()), setAside);
    case RecoveryCase::Kind::Unsaved:
    case RecoveryCase::Kind::StoryDeleted:
    case RecoveryCase::Kind::AlreadySaved:
        break;
    }
    return {};
}

} // namespace galley
