#include "journalwriter.h"

#include "durablefile.h"
#include "recoverylog.h"

#include <QFile>
#include <QFileInfo>
#include <QThread>

namespace galley {

JournalWriter::JournalWriter(Done done)
    : m_done(std::move(done)) {
    m_thread = QThread::create([this] { run(); });
    m_thread->setObjectName(u"galley-journal"_qs);
    m_thread->start(QThread::LowPriority);
}

JournalWriter::~JournalWriter() {
    {
        QMutexLocker locker(&m_mutex);
        m_stopping = true;
        m_wake.wakeAll();
    }
    m_thread->wait();
    delete m_thread;
}

void JournalWriter::write(const QString &path, const RecoveryJournal &journal, const Story &saved) {
    auto job = Job{path, false, std::make_shared<const RecoveryJournal>(journal),
                   std::make_shared<const Story>(saved)};
    QMutexLocker locker(&m_mutex);
    for (Job &waiting : m_jobs) {
        if (waiting.path == path && !waiting.remove) {
            waiting = std::move(job);
            return;
        }
    }
    m_jobs.push_back(std::move(job));
    m_wake.wakeOne();
}

void JournalWriter::remove(const QString &path) {
    QMutexLocker locker(&m_mutex);
    std::erase_if(m_jobs, [&](const Job &job) { return job.path == path; });
    m_jobs.push_back(Job{path, true, nullptr, nullptr});
    m_wake.wakeOne();
}

void JournalWriter::waitUntilIdle() {
    QMutexLocker locker(&m_mutex);
    while (m_busy || !m_jobs.empty())
        m_idle.wait(&m_mutex);
}

void JournalWriter::run() {
    QMutexLocker locker(&m_mutex);
    for (;;) {
        while (m_jobs.empty() && !m_stopping)
            m_wake.wait(&m_mutex);
        if (m_jobs.empty())
            return; // stopping, and nothing left to do
        Job job = std::move(m_jobs.front());
        m_jobs.pop_front();
        m_busy = true;
        locker.unlock();

        QString error;
        if (job.remove) {
            if (QFile::exists(job.path) && !QFile::remove(job.path))
                error = u"Could not remove %1."_qs.arg(job.path);
            else
                syncFolder(QFileInfo(job.path).absolutePath());
        } else {
            writeFileDurably(job.path, encodeJournal(*job.journal, *job.saved), &error);
        }
        if (!error.isEmpty())
            qCWarning(lcRecovery) << error;
        // The snapshot's containers are released here, off the GUI thread, too.
        const QString path = job.path;
        job = Job();
        if (m_done)
            m_done(path, error);

        locker.relock();
        m_busy = false;
        if (m_jobs.empty())
            m_idle.wakeAll();
    }
}

} // namespace galley
