#include "journalkeeper.h"

#include "journalwriter.h"
#include "recoverylog.h"

#include <QDateTime>
#include <QTimer>

namespace galley {

JournalKeeper::JournalKeeper(const QString &libraryPath, std::function<const Story &()> onScreen,
                             const RecoveryStore &store, QObject *parent)
    : QObject(parent)
    , m_libraryPath(canonicalLibraryPath(libraryPath))
    , m_onScreen(std::move(onScreen))
    , m_store(store)
    , m_session(std::make_unique<RecoverySession>(m_store))
    , m_timer(new QTimer(this)) {
    m_writer = std::make_unique<JournalWriter>([this](const QString &path, const QString &error) {
        // On the worker thread: hop to this object's thread to tell the window.
        QMetaObject::invokeMethod(
            this, [this, path, error] { onDone(path, error); }, Qt::QueuedConnection);
    });
    m_timer->setSingleShot(true);
    m_timer->setInterval(JournalDelayMs);
    connect(m_timer, &QTimer::timeout, this, &JournalKeeper::snapshot);
}

JournalKeeper::~JournalKeeper() {
    m_writer.reset(); // waits for the queue
}

QString JournalKeeper::sessionId() const {
    return m_session->id();
}

void JournalKeeper::setLibraryPath(const QString &libraryPath) {
    m_timer->stop();
    m_libraryPath = canonicalLibraryPath(libraryPath);
    m_path.clear();
}

void JournalKeeper::storyOpened(const Story &saved) {
    m_timer->stop();
    m_saved = saved;
    if (m_session->id().isEmpty()) {
        if (!m_failing)
            Q_EMIT writeFailed(u"The folder %1 cannot be written."_qs.arg(m_store.folder()));
        m_failing = true;
        m_path.clear();
        return;
    }
    m_path = m_store.journalPath(m_libraryPath, saved.id, m_session->id());
}

void JournalKeeper::edited() {
    // Not restarted by later keys: continuous typing still gets a journal every JournalDelayMs.
    if (!m_path.isEmpty() && !m_timer->isActive())
        m_timer->start();
}

void JournalKeeper::storySaved(const Story &saved) {
    m_timer->stop();
    m_saved = saved;
    if (!m_path.isEmpty())
        m_writer->remove(m_path);
}

void JournalKeeper::changesDropped() {
    m_timer->stop();
    if (!m_path.isEmpty())
        m_writer->remove(m_path);
}

void JournalKeeper::writeNow() {
    if (m_timer->isActive())
        snapshot();
}

void JournalKeeper::waitUntilWritten() {
    m_writer->waitUntilIdle();
}

void JournalKeeper::setDelayForTesting(int ms) {
    m_timer->setInterval(ms);
}

void JournalKeeper::snapshot() {
    m_timer->stop();
    if (m_path.isEmpty())
        return;
    RecoveryJournal journal;
    journal.libraryPath = m_libraryPath;
    journal.session = m_session->id();
    journal.written = QDateTime::currentDateTimeUtc();
    journal.savedAt = m_saved.updated;
    journal.story = m_onScreen();
    journal.storyId = journal.story.id;
    m_writer->write(m_path, journal, m_saved);
}

void JournalKeeper::onDone(const QString &path, const QString &error) {
    Q_UNUSED(path);
    if (error.isEmpty()) {
        m_failing = false;
        return;
    }
    if (!m_failing)
        Q_EMIT writeFailed(error);
    m_failing = true;
}

} // namespace galley
