#include "journalbench.h"

#include "benchreport.h"
#include "recovery/durablefile.h"
#include "recovery/journalformat.h"
#include "recovery/journalkeeper.h"
#include "storage/storylibrary.h"

#include <QTemporaryDir>

#include <ctime>

namespace galley::bench {

namespace {

double threadCpuMs() {
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return now.tv_sec * 1e3 + now.tv_nsec / 1e6;
}

double wallMs() {
    timespec now{};
    clock_gettime(CLOCK_MONOTONIC, &now);
    return now.tv_sec * 1e3 + now.tv_nsec / 1e6;
}

// What typing one letter does to the story on screen: its block is replaced in place
// (StoryEditor::syncEditedBlock()), which detaches the body list if a snapshot shares it.
void typeLetter(Story &story, qsizetype index, int i) {
    Block block = story.body.at(index);
    if (!block.lines.isEmpty() && !block.lines.first().runs.isEmpty())
        block.lines.first().runs.last().text += QChar(u'a' + i % 26);
    story.body[index] = block;
}

} // namespace

bool measureJournaling(const BenchOptions &bench, const Story &generated, const QString &label,
                       QString *error) {
    QTemporaryDir dir;
    Story onScreen = generated;
    const qsizetype middle = onScreen.body.size() / 2;
    QList<double> snapshot;
    QList<double> write;
    {
        JournalKeeper keeper(
            dir.filePath(u"library.sqlite"_qs), [&]() -> const Story & { return onScreen; },
            RecoveryStore(dir.filePath(u"recovery"_qs)));
        keeper.storyOpened(generated);
        for (int i = 0; i < 200; ++i) {
            typeLetter(onScreen, middle, i);
            keeper.edited();
            const double start = threadCpuMs();
            keeper.writeNow();
            typeLetter(onScreen, middle, i); // the next key pays the copy-on-write
            snapshot.append(threadCpuMs() - start);
            keeper.waitUntilWritten();
        }
        // The worker's part, timed alone: encode and write one journal, fsync included.
        RecoveryJournal journal;
        journal.libraryPath = dir.filePath(u"library.sqlite"_qs);
        journal.storyId = onScreen.id;
        journal.written = QDateTime::currentDateTimeUtc();
        journal.story = onScreen;
        const QString path = dir.filePath(u"timed.journal"_qs);
        for (int i = 0; i < 30; ++i) {
            const double start = wallMs();
            if (!writeFileDurably(path, encodeJournal(journal, generated), error))
                return false;
            write.append(wallMs() - start);
        }
    }
    QList<double> save;
    StoryLibrary library;
    if (!library.open(dir.filePath(u"library.sqlite"_qs), error))
        return false;
    Story story = generated;
    for (int i = 0; i < 20; ++i) {
        typeLetter(story, middle, i);
        const double start = wallMs();
        if (!library.save(story, error))
            return false;
        save.append(wallMs() - start);
    }
    const QString what = u"%1 words, %2 blocks"_qs.arg(generated.wordCount()).arg(generated.body.size());
    return recordMeasurement(
               bench.results,
               {u"recovery.snapshot-main-thread.%1"_qs.arg(label), u"ms"_qs, snapshot, std::nullopt,
                u"GUI-thread CPU time of one journal snapshot (Story copy, hand-over to the worker) "
                u"plus the copy-on-write it costs the next key; once a second while typing; "_qs %
                    what},
               error) &&
           recordMeasurement(bench.results,
                             {u"recovery.journal-write.%1"_qs.arg(label), u"ms"_qs, write, std::nullopt,
                              u"Worker thread, wall time: encode one journal (JSON, SHA-256) and write it "
                              u"durably (temporary file, fsync, rename, folder fsync); "_qs %
                                  what},
                             error) &&
           recordMeasurement(
               bench.results,
               {u"recovery.autosave-during-typing.%1"_qs.arg(label), u"ms"_qs, save, std::nullopt,
                u"GUI thread, wall time of one StoryLibrary::save(), which autosave now also runs "
                u"during continuous typing, at most every 30 s; "_qs %
                    what},
               error);
}

} // namespace galley::bench
