#include "desk.h"

#include "desklog.h"
#include "storage/storylibrary.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QThread>
#include <QUuid>

#include <optional>

namespace galley::drill {

namespace {

constexpr int Paragraphs = 5;

// Invented words only: the drills never carry real articles.
const QStringList &searchWords() {
    static const QStringList words = {u"harbour"_qs, u"levy"_qs, u"council"_qs, u"ferry timetable"_qs,
                                      u"desk"_qs,    u"harb"_qs, u"drill"_qs};
    return words;
}

bool isServer(const QString &db) {
    return db.startsWith(u"postgresql://"_qs) || db.startsWith(u"postgres://"_qs);
}

double msSince(const QElapsedTimer &timer) {
    return double(timer.nsecsElapsed()) / 1e6;
}

/// What the desk typed and must land: paragraph @c paragraph of story @c storyId becomes @c text.
struct Pending {
    QString storyId;
    int paragraph = 0;
    QString text;
    QString marker;
};

class Desk final {
public:
    explicit Desk(const DeskOptions &options)
        : m_options(options)
        , m_log(options.log)
        , m_random(options.seed ? options.seed
                                : quint32(options.desk * 7919 + QDateTime::currentMSecsSinceEpoch()))
        , m_session(
              u"desk-%1-%2"_qs.arg(options.desk).arg(QUuid::createUuid().toString(QUuid::WithoutBraces)))
        , m_author(u"Desk %1"_qs.arg(options.desk)) {}

    bool logOpen() const { return m_log.isOpen(); }

    /// Opens the library, retrying with backoff (100 ms doubling to 2 s) until @p until.
    bool reopen(const QDateTime &until) {
        m_library.close();
        int wait = 100;
        int tries = 0;
        QElapsedTimer timer;
        timer.start();
        QString error;
        while (true) {
            ++tries;
            if (m_library.open(m_options.db, &error))
                break;
            if (QDateTime::currentDateTimeUtc() > until) {
                entry(u"reconnect"_qs, u"error"_qs, {{u"error"_qs, error}, {u"tries"_qs, tries}});
                return false;
            }
            QThread::msleep(wait);
            wait = std::min(wait * 2, 2000);
        }
        if (m_opened)
            entry(u"reconnect"_qs, u"reconnected"_qs, {{u"tries"_qs, tries}, {u"ms"_qs, msSince(timer)}});
        m_opened = true;
        return true;
    }

    int run() {
        const QDateTime start = QDateTime::currentDateTimeUtc();
        const QDateTime end = start.addMSecs(qint64(m_options.seconds * 1000));
        const QDateTime hardEnd = end.addMSecs(qint64(m_options.graceSeconds * 1000));
        if (!reopen(end))
            return 1;
        entry(u"start"_qs, u"started"_qs, {{u"session"_qs, m_session}});
        int seq = 0;
        while (QDateTime::currentDateTimeUtc() < end) {
            ++seq;
            if (m_options.searchEvery > 0 && seq % m_options.searchEvery == 0) {
                search(seq, hardEnd);
                continue;
            }
            Pending pending;
            pending.storyId = drillStoryId(int(m_random.bounded(m_options.stories)));
            pending.paragraph = seq % Paragraphs;
            pending.marker = u"[d%1-%2]"_qs.arg(m_options.desk).arg(seq);
            pending.text =
                u"Desk %1 rewrote this paragraph of the harbour levy story for the %2th time, checking the "
                u"ferry timetable figures again. %3"_qs.arg(m_options.desk)
                    .arg(seq)
                    .arg(pending.marker);
            const bool unlocked = int(m_random.bounded(100)) < m_options.unlockedPercent;
            land(pending, unlocked, seq, hardEnd);
        }
        entry(u"end"_qs, u"ended"_qs, {{u"attempts"_qs, seq}});
        m_library.close();
        return 0;
    }

    int hold() {
        const QDateTime end = QDateTime::currentDateTimeUtc().addMSecs(qint64(m_options.seconds * 1000));
        if (!reopen(end))
            return 1;
        std::optional<EditLock> heldBy;
        QString error;
        if (!m_library.takeEditLock(drillStoryId(0), m_author, m_session, &heldBy, &error)) {
            entry(u"lock"_qs, heldBy ? u"locked"_qs : u"error"_qs, {{u"error"_qs, error}});
            return 1;
        }
        entry(u"lock"_qs, u"holding"_qs, {{u"story"_qs, drillStoryId(0)}});
        while (QDateTime::currentDateTimeUtc() < end)
            QThread::msleep(50);
        return 0;
    }

    int take() {
        const QDateTime end = QDateTime::currentDateTimeUtc().addMSecs(qint64(m_options.seconds * 1000));
        if (!reopen(end))
            return 1;
        int refusals = 0;
        QElapsedTimer timer;
        timer.start();
        while (QDateTime::currentDateTimeUtc() < end) {
            std::optional<EditLock> heldBy;
            QString error;
            if (m_library.takeEditLock(drillStoryId(0), m_author, m_session, &heldBy, &error)) {
                entry(u"lock"_qs, u"taken"_qs,
                      {{u"story"_qs, drillStoryId(0)},
                       {u"refusals"_qs, refusals},
                       {u"epoch_ms"_qs, QDateTime::currentMSecsSinceEpoch()},
                       {u"ms"_qs, msSince(timer)}});
                return 0;
            }
            if (refusals++ == 0)
                entry(u"lock"_qs, heldBy ? u"locked"_qs : u"error"_qs, {{u"error"_qs, error}});
            QThread::msleep(5);
        }
        entry(u"lock"_qs, u"gave-up"_qs, {{u"refusals"_qs, refusals}});
        return 1;
    }

private:
    void entry(const QString &kind, const QString &outcome, const QJsonObject &fields = {}) {
        QJsonObject line = fields;
        line.insert(u"desk"_qs, m_options.desk);
        line.insert(u"kind"_qs, kind);
        line.insert(u"outcome"_qs, outcome);
        m_log.write(line);
    }

    void search(int seq, const QDateTime &hardEnd) {
        StoryFilter filter{searchWords().at(int(m_random.bounded(int(searchWords().size()))))};
        filter.order = StoryOrder::Relevance;
        filter.limit = 20;
        QString error;
        QElapsedTimer timer;
        timer.start();
        const QList<StorySummary> rows = m_library.list(filter, &error);
        const double ms = msSince(timer);
        if (rows.isEmpty() && !error.isEmpty()) {
            entry(u"search"_qs, u"error"_qs, {{u"seq"_qs, seq}, {u"error"_qs, error}, {u"ms"_qs, ms}});
            reopen(hardEnd);
            return;
        }
        entry(u"search"_qs, u"searched"_qs,
              {{u"seq"_qs, seq}, {u"text"_qs, filter.text}, {u"rows"_qs, int(rows.size())}, {u"ms"_qs, ms}});
    }

    /// The newest revision of @p storyId saved after @p since whose text holds @p marker, as
    /// (its saved time, the saved time of the revision before it); nullopt when none.
    std::optional<std::pair<QString, QString>> landedSince(const QString &storyId, const QString &since,
                                                           const QString &marker, QString *error) {
        const QList<RevisionInfo> revisions = m_library.revisions(storyId, error);
        for (qsizetype i = 0; i < revisions.size(); ++i) {
            const QString saved = drillTime(revisions.at(i).saved);
            if (saved <= since)
                break; // newest first
            const std::optional<Story> old = m_library.loadRevision(storyId, revisions.at(i).number, error);
            if (old && old->bodyPlainText().contains(marker))
                return std::pair{saved,
                                 i + 1 < revisions.size() ? drillTime(revisions.at(i + 1).saved) : QString()};
        }
        return std::nullopt;
    }

    void land(const Pending &pending, bool unlocked, int seq, const QDateTime &hardEnd) {
        QJsonObject base{{u"seq"_qs, seq}, {u"story"_qs, pending.storyId}, {u"marker"_qs, pending.marker}};
        bool typed = false;     // the text reached a save attempt at least once
        QString uncertainSince; // set after a failed save: it may have committed
        int tries = 0;
        while (true) {
            ++tries;
            base.insert(u"try"_qs, tries);
            if (QDateTime::currentDateTimeUtc() > hardEnd) {
                entry(u"save"_qs, u"abandoned"_qs, base);
                return;
            }
            QString error;
            bool locked = false;
            if (!unlocked) {
                std::optional<EditLock> heldBy;
                if (!m_library.takeEditLock(pending.storyId, m_author, m_session, &heldBy, &error)) {
                    QJsonObject line = base;
                    line.insert(u"error"_qs, error);
                    if (heldBy) {
                        entry(u"save"_qs, u"locked"_qs, line);
                        if (!typed)
                            return; // nothing typed yet: this desk picks another story
                        QThread::msleep(20);
                    } else {
                        entry(u"save"_qs, u"error"_qs, line);
                        reopen(hardEnd);
                    }
                    continue;
                }
                locked = true;
            }
            const auto release = [&] {
                if (!locked)
                    return;
                QString releaseError;
                if (!m_library.releaseEditLock(pending.storyId, m_session, &releaseError))
                    entry(u"release"_qs, u"error"_qs,
                          {{u"story"_qs, pending.storyId}, {u"error"_qs, releaseError}});
            };
            std::optional<Story> story = m_library.load(pending.storyId, &error);
            if (!story) {
                QJsonObject line = base;
                line.insert(u"error"_qs, error);
                entry(u"save"_qs, u"error"_qs, line);
                reopen(hardEnd);
                continue;
            }
            const QString loadedAt = drillTime(story->updated);
            if (!uncertainSince.isEmpty()) {
                const std::optional<std::pair<QString, QString>> landed =
                    landedSince(pending.storyId, uncertainSince, pending.marker, &error);
                if (landed) {
                    QJsonObject line = base;
                    line.insert(u"base"_qs, landed->second);
                    line.insert(u"updated"_qs, landed->first);
                    line.insert(u"recovered"_qs, true);
                    entry(u"save"_qs, u"saved"_qs, line);
                    release();
                    return;
                }
                if (!error.isEmpty()) {
                    QJsonObject line = base;
                    line.insert(u"error"_qs, error);
                    entry(u"save"_qs, u"error"_qs, line);
                    reopen(hardEnd);
                    continue;
                }
            }
            Block &paragraph = story->body[pending.paragraph % story->body.size()];
            paragraph.lines = {InlineText::plain(pending.text)};
            if (m_options.thinkMs > 0)
                QThread::msleep(m_random.bounded(m_options.thinkMs + 1));
            SaveOptions saveOptions;
            saveOptions.author = m_author;
            saveOptions.session = m_session;
            typed = true;
            QElapsedTimer timer;
            timer.start();
            const bool saved = m_library.save(*story, saveOptions, &error);
            QJsonObject line = base;
            line.insert(u"base"_qs, loadedAt);
            line.insert(u"ms"_qs, msSince(timer));
            line.insert(u"locked"_qs, locked);
            if (saved) {
                line.insert(u"updated"_qs, drillTime(story->updated));
                entry(u"save"_qs, u"saved"_qs, line);
                release();
                return;
            }
            line.insert(u"error"_qs, error);
            if (error.contains(u", after you opened it, so your version was not saved over it."_qs)) {
                // Refused inside the transaction: nothing was written. Write the text again into
                // the newer version, under the lock this time.
                entry(u"save"_qs, u"refused-stale"_qs, line);
                release();
                unlocked = false;
                continue;
            }
            entry(u"save"_qs, u"error"_qs, line);
            if (uncertainSince.isEmpty())
                uncertainSince = loadedAt;
            reopen(hardEnd);
        }
    }

    DeskOptions m_options;
    DeskLog m_log;
    StoryLibrary m_library;
    QRandomGenerator m_random;
    QString m_session;
    QString m_author;
    bool m_opened = false;
};

} // namespace

QString drillStoryId(int index) {
    static const QUuid space(u"6f1d2c1e-0a51-4c1b-9d8e-2b7f3e5a9c10"_qs);
    return QUuid::createUuidV5(space, u"drill-story-%1"_qs.arg(index)).toString(QUuid::WithoutBraces);
}

bool setUpLibrary(const DeskOptions &options, QString *error) {
    if (isServer(options.db) && !StoryLibrary::createServerDatabase(options.db, error))
        return false;
    StoryLibrary library;
    if (!library.open(options.db, error, StoryLibrary::Access::Initialize))
        return false;
    for (int i = 0; i < options.stories; ++i) {
        const QString id = drillStoryId(i);
        QString missing;
        if (library.load(id, &missing))
            continue;
        Story story = Story::create();
        story.id = id;
        story.headline = u"Drill story %1: the harbour levy vote"_qs.arg(i);
        story.section = u"Drill"_qs;
        for (int p = 0; p < Paragraphs; ++p)
            story.body.append(Block::make(
                BlockKind::Paragraph,
                u"Paragraph %1 of drill story %2, before any desk touched it: the council meets on the levy."_qs
                    .arg(p + 1)
                    .arg(i)));
        SaveOptions saveOptions;
        saveOptions.author = u"Drill set-up"_qs;
        if (!library.save(story, saveOptions, error))
            return false;
    }
    return true;
}

int runDesk(const DeskOptions &options) {
    Desk desk(options);
    return desk.logOpen() ? desk.run() : 1;
}

int holdLock(const DeskOptions &options) {
    Desk desk(options);
    return desk.logOpen() ? desk.hold() : 1;
}

int takeLock(const DeskOptions &options) {
    Desk desk(options);
    return desk.logOpen() ? desk.take() : 1;
}

} // namespace galley::drill
