#include "deskcheck.h"

#include "desklog.h"
#include "storage/storylibrary.h"

#include <QDateTime>
#include <QFile>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <algorithm>
#include <cmath>

namespace galley::drill {

namespace {

struct Save {
    QString story;
    QString marker;
    QString base;
    QString updated;
    QString log; ///< "file:line", for the sentences
};

double percentile(QList<double> samples, double p) {
    if (samples.isEmpty())
        return 0;
    std::sort(samples.begin(), samples.end());
    // Nearest rank, as the benchmarks' summarize().
    const auto rank = qsizetype(std::ceil(p * double(samples.size())));
    return samples.at(std::clamp<qsizetype>(rank - 1, 0, samples.size() - 1));
}

void problem(CheckReport *report, const QString &sentence) {
    if (report->problems.size() < 20)
        report->problems.append(sentence);
}

} // namespace

bool checkDrill(const QString &db, const QStringList &logs, CheckReport *report, QString *error) {
    *report = {};
    QList<Save> saves;
    QSet<QString> typed;
    QSet<QString> landed;
    QHash<QString, QDateTime> firstFailure;
    for (const QString &path : logs) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
            *error = u"Cannot read the log %1: %2"_qs.arg(path, file.errorString());
            return false;
        }
        int number = 0;
        while (!file.atEnd()) {
            const QByteArray text = file.readLine().trimmed();
            ++number;
            if (text.isEmpty())
                continue;
            const QJsonObject line = QJsonDocument::fromJson(text).object();
            if (line.isEmpty()) {
                *error = u"Line %1 of %2 is not a JSON object."_qs.arg(number).arg(path);
                return false;
            }
            const QString kind = line.value(u"kind"_qs).toString();
            const QString outcome = line.value(u"outcome"_qs).toString();
            const QString marker = line.value(u"marker"_qs).toString();
            if (kind == u"search"_qs) {
                if (outcome == u"searched"_qs) {
                    ++report->searches;
                    report->searchMs.append(line.value(u"ms"_qs).toDouble());
                } else {
                    ++report->errors;
                }
                continue;
            }
            if (kind == u"reconnect"_qs) {
                if (outcome == u"reconnected"_qs)
                    ++report->reconnects;
                continue;
            }
            if (kind != u"save"_qs)
                continue;
            if (outcome == u"locked"_qs) {
                ++report->locked;
                continue;
            }
            if (outcome == u"abandoned"_qs) {
                ++report->abandoned;
                continue;
            }
            ++report->attempts;
            const QDateTime at = QDateTime::fromString(line.value(u"t"_qs).toString(), Qt::ISODateWithMs);
            // A lock refused for an error happens before anything is typed; a save's error after.
            if (outcome != u"error"_qs || line.contains(u"base"_qs))
                typed.insert(marker);
            if (outcome == u"refused-stale"_qs) {
                ++report->refusedStale;
            } else if (outcome == u"error"_qs) {
                ++report->errors;
                if (typed.contains(marker) && !firstFailure.contains(marker))
                    firstFailure.insert(marker, at);
            } else if (outcome == u"saved"_qs) {
                ++report->saved;
                landed.insert(marker);
                if (firstFailure.contains(marker))
                    report->landMs.append(double(firstFailure.value(marker).msecsTo(at)));
                if (line.value(u"recovered"_qs).toBool())
                    ++report->recovered;
                else
                    report->saveMs.append(line.value(u"ms"_qs).toDouble());
                saves.append({line.value(u"story"_qs).toString(), marker, line.value(u"base"_qs).toString(),
                              line.value(u"updated"_qs).toString(), u"%1:%2"_qs.arg(path).arg(number)});
            }
        }
    }
    report->markersTyped = int(typed.size());
    for (const QString &marker : typed) {
        if (!landed.contains(marker)) {
            ++report->lost;
            problem(report, u"Lost: %1 was typed but has no saved line."_qs.arg(marker));
        }
    }

    StoryLibrary library;
    if (!library.open(db, error, StoryLibrary::Access::ReadOnly))
        return false;

    QHash<QString, QList<Save>> byStory;
    for (const Save &save : saves)
        byStory[save.story].append(save);
    for (auto it = byStory.begin(); it != byStory.end(); ++it) {
        const QList<RevisionInfo> revisions = library.revisions(it.key(), error);
        if (revisions.isEmpty())
            return false;
        report->revisions += int(revisions.size());
        // Oldest first, by saved time; the history numbers them in the order they were written.
        QHash<QString, qsizetype> bySaved;
        QList<RevisionInfo> oldestFirst(revisions.crbegin(), revisions.crend());
        for (qsizetype i = 0; i < oldestFirst.size(); ++i)
            bySaved.insert(drillTime(oldestFirst.at(i).saved), i);
        // A save with no revision of its time is lost; the chain is checked over the others.
        QList<Save> storySaves;
        for (const Save &save : it.value()) {
            if (bySaved.contains(save.updated)) {
                storySaves.append(save);
                continue;
            }
            ++report->lost;
            problem(report, u"Lost: %1 (%2) saved at %3, but story %4 has no revision of that time."_qs.arg(
                                save.marker, save.log, save.updated, save.story));
        }
        std::sort(storySaves.begin(), storySaves.end(),
                  [](const Save &a, const Save &b) { return a.updated < b.updated; });
        for (qsizetype s = 0; s < storySaves.size(); ++s) {
            const Save &save = storySaves.at(s);
            const qsizetype index = bySaved.value(save.updated);
            const std::optional<Story> revision =
                library.loadRevision(save.story, oldestFirst.at(index).number, error);
            if (!revision)
                return false;
            if (!revision->bodyPlainText().contains(save.marker)) {
                ++report->lost;
                problem(report, u"Lost: revision %1 of story %2 does not hold %3 (%4)."_qs.arg(
                                    QString::number(oldestFirst.at(index).number), save.story, save.marker,
                                    save.log));
            }
            const QString before = index > 0 ? drillTime(oldestFirst.at(index - 1).saved) : QString();
            const bool onHistory = before == save.base;
            const bool onLog = s == 0 || storySaves.at(s - 1).updated == save.base;
            if (!onHistory || !onLog) {
                ++report->overwrites;
                problem(report,
                        u"Overwrite: %1 (%2) was saved on %3, but the version before it is %4 in the history "
                        u"and %5 in the logs."_qs.arg(save.marker, save.log, save.base, before,
                                                      s == 0 ? u"(first)"_qs : storySaves.at(s - 1).updated));
            }
        }
    }
    return true;
}

QString formatReport(const CheckReport &r) {
    QString text;
    text +=
        u"save attempts %1: saved %2 (%3 found in the history after a lost connection), refused as stale %4, "
        u"errors %5\n"_qs.arg(r.attempts)
            .arg(r.saved)
            .arg(r.recovered)
            .arg(r.refusedStale)
            .arg(r.errors);
    text +=
        u"lock refusals %1, searches %2, reconnects %3, abandoned %4, revisions checked %5\n"_qs.arg(r.locked)
            .arg(r.searches)
            .arg(r.reconnects)
            .arg(r.abandoned)
            .arg(r.revisions);
    text += u"save ms p50 %1 p95 %2; ranked search ms p50 %3 p95 %4\n"_qs
                .arg(percentile(r.saveMs, 0.5), 0, 'f', 1)
                .arg(percentile(r.saveMs, 0.95), 0, 'f', 1)
                .arg(percentile(r.searchMs, 0.5), 0, 'f', 1)
                .arg(percentile(r.searchMs, 0.95), 0, 'f', 1);
    if (!r.landMs.isEmpty())
        text +=
            u"texts whose save failed (connection lost) %1: landed p50 %2 ms, max %3 ms after the failure\n"_qs
                .arg(r.landMs.size())
                .arg(percentile(r.landMs, 0.5), 0, 'f', 0)
                .arg(percentile(r.landMs, 1.0), 0, 'f', 0);
    text += u"texts typed %1, lost %2, silent overwrites %3\n"_qs.arg(r.markersTyped)
                .arg(r.lost)
                .arg(r.overwrites);
    for (const QString &sentence : r.problems)
        text += u"  "_qs + sentence + u'\n';
    return text;
}

} // namespace galley::drill
