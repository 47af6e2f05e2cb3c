#pragma once

// Stories and journals for the recovery tests: a saved story, the same story with text typed on
// top, and journal files written the way the running editor writes them.

#include "model/story.h"
#include "recovery/journalformat.h"
#include "recovery/recoverystore.h"

#include <QDateTime>
#include <QFile>
#include <QString>

namespace galley::recoverytest {

inline const QString Headline = QStringLiteral("Harbour ferry strike halts morning crossings");
inline const QString FirstParagraph =
    QStringLiteral("The harbour ferry strike entered its third day on Monday.");
/// 12 words typed after the last save.
inline const QString TypedParagraph =
    QStringLiteral("Council officers met union leaders again on Sunday, without result, officials said.");

/// A story as the library would hold it: a headline and one paragraph.
inline Story savedStory() {
    Story story = Story::create();
    story.headline = Headline;
    story.body = {Block::make(BlockKind::Paragraph, FirstParagraph)};
    return story;
}

/// @p saved with TypedParagraph added at the end, as it stood on screen.
inline Story typedStory(const Story &saved) {
    Story story = saved;
    story.body.append(Block::make(BlockKind::Paragraph, TypedParagraph));
    return story;
}

/// A journal of @p onScreen, typed on top of @p saved, by a session that is no longer running.
inline RecoveryJournal journalOf(const Story &onScreen, const Story &saved, const QString &libraryPath,
                                 const QDateTime &written) {
    RecoveryJournal journal;
    journal.libraryPath = canonicalLibraryPath(libraryPath);
    journal.storyId = onScreen.id;
    journal.session = QStringLiteral("0badc0de-dead-4bad-8bad-000000000001");
    journal.written = written;
    journal.savedAt = saved.updated;
    journal.story = onScreen;
    return journal;
}

/// Writes @p journal where RecoveryStore puts it; returns the path.
inline QString writeJournal(const RecoveryStore &store, const RecoveryJournal &journal, const Story &saved) {
    const QString path = store.journalPath(journal.libraryPath, journal.storyId, journal.session);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(encodeJournal(journal, saved)) < 0)
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

} // namespace galley::recoverytest
