#include "killdrill.h"

#include "recovery/recoveryscan.h"
#include "recovery/worddiff.h"
#include "storage/storylibrary.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>

#include <algorithm>
#include <csignal>
#include <sys/types.h>
#include <unistd.h>

namespace galley::drill {

namespace {

struct Keystroke {
    qint64 time = 0; ///< ms since the epoch, just after the key was handled
    int typed = 0;   ///< characters typed so far
};

QList<Keystroke> readLog(const QString &path) {
    QList<Keystroke> keys;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return keys;
    const QList<QByteArray> lines = file.readAll().split('\n');
    for (const QByteArray &line : lines) {
        const QList<QByteArray> parts = line.split(' ');
        // A line cut by the kill has no count yet: it never happened as far as we know.
        if (parts.size() == 2 && !parts.at(1).isEmpty())
            keys.append({parts.at(0).toLongLong(), parts.at(1).toInt()});
    }
    return keys;
}

bool writeFile(const QString &path, const QByteArray &bytes) {
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

// The body as typed text: paragraphs joined by "\n" (an empty last paragraph is a Return just
// typed, so it ends the text with "\n").
QString typedText(const Story &story) {
    QStringList lines;
    for (const auto &block : story.body)
        lines.append(block.plainText());
    return lines.join(u'\n');
}

} // namespace

QString drillText() {
    const QStringList sentences{
        u"The harbour ferry strike entered its third day on Monday."_qs,
        u"Council officers met union leaders again on Sunday, without result, officials said."_qs,
        u"The union wants the night crossings staffed by two deckhands instead of one."_qs,
        u"Commuters queued for buses along the coast road from six in the morning."_qs,
        u"The first ferry is not expected to sail before Thursday, the harbour board said."_qs,
        u"Shops on the island say trade has fallen by half since the weekend."_qs,
        u"A school trip to the mainland museum was called off for the second time."_qs,
        u"Talks are due to resume at the town hall at ten on Tuesday morning."_qs,
    };
    QString text;
    for (int i = 0; text.size() < 12000; ++i) {
        text += sentences.at(i % sentences.size());
        text += (i % 3 == 2) ? u"\n"_qs : u" "_qs;
    }
    return text;
}

bool runOnce(const DrillOptions &options, int killAfterMs, DrillRun *run, QString *error) {
    *run = DrillRun();
    run->killAfterMs = killAfterMs;
    QTemporaryDir dir;
    if (!dir.isValid()) {
        *error = u"Cannot make a temporary folder."_qs;
        return false;
    }
    dir.setAutoRemove(!options.keepFolder);
    if (options.keepFolder)
        run->folder = dir.path();
    const QString libraryPath = dir.filePath(u"library.sqlite"_qs);
    Story story = Story::create();
    story.headline = u"Harbour ferry strike halts morning crossings"_qs;
    {
        StoryLibrary library;
        if (!library.open(libraryPath, error) || !library.save(story, error))
            return false;
    }
    const QString text = drillText();
    const QString textPath = dir.filePath(u"text.txt"_qs);
    const QString logPath = dir.filePath(u"typed.log"_qs);
    if (!writeFile(textPath, text.toUtf8())) {
        *error = u"Cannot write %1."_qs.arg(textPath);
        return false;
    }

    QProcess child;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"XDG_DATA_HOME"_qs, dir.filePath(u"data"_qs));
    env.insert(u"XDG_CONFIG_HOME"_qs, dir.filePath(u"config"_qs));
    env.insert(u"XDG_CACHE_HOME"_qs, dir.filePath(u"cache"_qs));
    env.insert(u"QT_QPA_PLATFORM"_qs, u"offscreen"_qs);
    // Chromium refuses its sandbox as root; the drill's child only.
    env.insert(u"QTWEBENGINE_DISABLE_SANDBOX"_qs, u"1"_qs);
    env.insert(u"QTWEBENGINE_CHROMIUM_FLAGS"_qs,
               u"--disable-gpu --no-first-run --disable-background-networking"_qs);
    env.insert(u"GALLEY_TEST_TYPE_TEXT"_qs, textPath);
    env.insert(u"GALLEY_TEST_TYPE_LOG"_qs, logPath);
    env.insert(u"GALLEY_TEST_TYPE_INTERVAL_MS"_qs, QString::number(options.typingIntervalMs));
    child.setProcessEnvironment(env);
    child.setStandardOutputFile(dir.filePath(u"galley.out"_qs));
    child.setStandardErrorFile(dir.filePath(u"galley.err"_qs));
    // A process group of its own, so its WebEngine helpers can be cleaned up after the kill.
    child.setChildProcessModifier([] { ::setpgid(0, 0); });
    child.start(options.galley, {u"--db"_qs, libraryPath});
    if (!child.waitForStarted(10000)) {
        *error = u"Cannot start %1: %2"_qs.arg(options.galley, child.errorString());
        return false;
    }
    const pid_t pid = pid_t(child.processId());
    const auto killAll = [&] {
        ::kill(pid, SIGKILL);
        child.waitForFinished(10000);
        ::kill(-pid, SIGKILL); // the helpers left in its group
    };

    QList<Keystroke> keys;
    const qint64 startDeadline = QDateTime::currentMSecsSinceEpoch() + options.startTimeoutMs;
    while ((keys = readLog(logPath)).isEmpty()) {
        if (child.state() == QProcess::NotRunning || QDateTime::currentMSecsSinceEpoch() > startDeadline) {
            killAll();
            *error = u"galley did not start typing (see %1)."_qs.arg(dir.filePath(u"galley.err"_qs));
            return false;
        }
        QThread::msleep(5);
    }
    const qint64 killAt = keys.first().time + killAfterMs;
    while (QDateTime::currentMSecsSinceEpoch() < killAt)
        QThread::usleep(500);
    const qint64 killedAt = QDateTime::currentMSecsSinceEpoch();
    killAll();

    keys = readLog(logPath);
    run->typedChars = keys.isEmpty() ? 0 : keys.last().typed;

    // Recover as the next start would.
    StoryLibrary library;
    if (!library.open(libraryPath, error))
        return false;
    const RecoveryStore store(dir.filePath(u"data/Galley/Galley/recovery"_qs));
    run->source = u"saved story"_qs;
    for (const RecoveryCase &recovery : findRecoveries(store, library)) {
        if (recovery.kind == RecoveryCase::Kind::Unreadable) {
            *error = u"A journal could not be read: %1"_qs.arg(recovery.problem);
            return false;
        }
        if (recovery.journal.storyId != story.id || recovery.kind != RecoveryCase::Kind::Unsaved)
            continue;
        if (!restoreRecovery(recovery, library, store, error))
            return false;
        run->source = u"journal"_qs;
    }
    const std::optional<Story> recovered = library.load(story.id, error);
    if (!recovered)
        return false;
    const QString kept = typedText(*recovered);
    if (kept.isEmpty() && run->source != u"journal"_qs && recovered->updated == story.updated)
        run->source = u"nothing kept yet"_qs;
    if (!text.startsWith(kept)) {
        *error = u"The recovered text is not what was typed: %1…"_qs.arg(kept.right(80));
        return false;
    }
    run->keptChars = int(kept.size());
    // The key being handled when the kill came may be in the journal before its log line.
    run->typedChars = std::max(run->typedChars, run->keptChars);
    if (run->keptChars < run->typedChars) {
        qint64 firstMissing = killedAt;
        for (const Keystroke &key : keys) {
            if (key.typed == run->keptChars + 1) {
                firstMissing = key.time;
                break;
            }
        }
        run->lostSeconds = double(killedAt - firstMissing) / 1000.0;
        // A word cut in two by the loss counts as lost: its start alone is no word of the story.
        const bool cutMidWord = run->keptChars > 0 && !text.at(run->keptChars - 1).isSpace() &&
                                !text.at(run->keptChars).isSpace();
        run->lostWords = countWords(text.left(run->typedChars)) - countWords(text.left(run->keptChars)) +
                         (cutMidWord ? 1 : 0);
    }
    return true;
}

double median(QList<double> values) {
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const qsizetype n = values.size();
    return n % 2 ? values.at(n / 2) : (values.at(n / 2 - 1) + values.at(n / 2)) / 2;
}

double maximum(const QList<double> &values) {
    return values.isEmpty() ? 0 : *std::max_element(values.begin(), values.end());
}

} // namespace galley::drill
