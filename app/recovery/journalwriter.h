#pragma once

#include "journalformat.h"

#include <QMutex>
#include <QString>
#include <QWaitCondition>

#include <deque>
#include <functional>
#include <memory>

class QThread;

namespace galley {

/// Writes and removes journal files on a thread of its own, in the order asked, so the GUI thread
/// only hands over a snapshot (a copy of a Story: its containers are implicitly shared, so the
/// copy costs a few reference counts) and never waits for JSON, hashing or the disk.
///
/// A journal write still waiting when a newer one for the same file arrives is replaced by it (the
/// worker never falls behind typing); a removal cancels writes of that file still waiting and runs
/// after the one in progress, so a removed journal never comes back.
class JournalWriter final {
public:
    /// Called on the worker thread after each write or removal: the file, and an empty string or
    /// why it failed (a plain sentence).
    using Done = std::function<void(const QString &path, const QString &error)>;

    explicit JournalWriter(Done done = {});
    /// Finishes everything asked so far, then stops the thread.
    ~JournalWriter();
    Q_DISABLE_COPY_MOVE(JournalWriter)

    /// Queues writing @p journal to @p path (writeFileDurably(), encodeJournal() against @p saved).
    void write(const QString &path, const RecoveryJournal &journal, const Story &saved);
    /// Queues removing @p path (a missing file is fine).
    void remove(const QString &path);
    /// Blocks until everything queued so far is done (tests, and quitting).
    void waitUntilIdle();

private:
    struct Job {
        QString path;
        bool remove = false;
        std::shared_ptr<const RecoveryJournal> journal;
        std::shared_ptr<const Story> saved;
    };
    void run();

    Done m_done;
    QMutex m_mutex;
    QWaitCondition m_wake; ///< jobs arrived or stopping
    QWaitCondition m_idle; ///< the queue ran dry
    std::deque<Job> m_jobs;
    bool m_busy = false;
    bool m_stopping = false;
    QThread *m_thread = nullptr;
};

} // namespace galley
