#include "benchreport.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>
#include <QTextStream>

#include <algorithm>
#include <cmath>

namespace galley::bench {

namespace {

QString statisticKey(Statistic statistic) {
    switch (statistic) {
    case Statistic::Median:
        return u"median"_qs;
    case Statistic::P95:
        return u"p95"_qs;
    case Statistic::Max:
        return u"max"_qs;
    }
    return {};
}

/// About three significant figures, so 0.00412 ms and 4120 ms both read at a glance.
QString figure(double value) {
    if (std::abs(value) >= 100)
        return QString::number(value, 'f', 0);
    if (std::abs(value) >= 10)
        return QString::number(value, 'f', 1);
    if (std::abs(value) >= 1 || value == 0)
        return QString::number(value, 'f', 2);
    return QString::number(value, 'g', 3);
}

QString padded(const QString &text, qsizetype width, bool right) {
    return right ? text.rightJustified(width) : text.leftJustified(width);
}

} // namespace

Summary summarize(QList<double> samples) {
    Summary out;
    if (samples.isEmpty())
        return out;
    std::sort(samples.begin(), samples.end());
    const qsizetype n = samples.size();
    out.n = int(n);
    out.min = samples.first();
    out.max = samples.last();
    out.median = n % 2 ? samples.at(n / 2) : (samples.at(n / 2 - 1) + samples.at(n / 2)) / 2;
    const auto rank = qsizetype(std::ceil(0.95 * double(n)));
    out.p95 = samples.at(std::clamp<qsizetype>(rank - 1, 0, n - 1));
    return out;
}

double pick(const Summary &summary, Statistic statistic) {
    switch (statistic) {
    case Statistic::Median:
        return summary.median;
    case Statistic::P95:
        return summary.p95;
    case Statistic::Max:
        return summary.max;
    }
    return 0;
}

QJsonObject toJson(const Measurement &m) {
    const Summary s = summarize(m.samples);
    QJsonObject out{
        {u"name"_qs, m.name}, {u"unit"_qs, m.unit}, {u"min"_qs, s.min}, {u"median"_qs, s.median},
        {u"p95"_qs, s.p95},   {u"max"_qs, s.max},   {u"n"_qs, s.n},     {u"note"_qs, m.note},
    };
    if (m.goal) {
        const double value = pick(s, m.goal->statistic);
        const bool pass = s.n > 0 && (m.goal->strict ? value < m.goal->limit : value <= m.goal->limit);
        out.insert(u"goal"_qs, QJsonObject{
                                   {u"text"_qs, m.goal->text},
                                   {u"statistic"_qs, statisticKey(m.goal->statistic)},
                                   {u"limit"_qs, m.goal->limit},
                                   {u"strict"_qs, m.goal->strict},
                                   {u"result"_qs, pass ? u"pass"_qs : u"miss"_qs},
                               });
    } else {
        out.insert(u"goal"_qs, QJsonValue::Null);
    }
    return out;
}

bool recordMeasurement(const QString &resultsPath, const Measurement &m, QString *error) {
    QJsonArray results;
    if (QFileInfo::exists(resultsPath)) {
        QFile in(resultsPath);
        if (!in.open(QIODevice::ReadOnly)) {
            *error = u"Cannot read the results file %1: %2."_qs.arg(resultsPath, in.errorString());
            return false;
        }
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(in.readAll(), &parseError);
        if (!doc.isArray()) {
            *error = u"The results file %1 is not a JSON array of measurements (%2)."_qs.arg(
                resultsPath, parseError.errorString());
            return false;
        }
        results = doc.array();
    }
    const QJsonObject object = toJson(m);
    bool replaced = false;
    for (qsizetype i = 0; i < results.size(); ++i) {
        if (results.at(i).toObject().value(u"name"_qs).toString() == m.name) {
            results.replace(i, object);
            replaced = true;
        }
    }
    if (!replaced)
        results.append(object);

    QSaveFile out(resultsPath);
    if (!out.open(QIODevice::WriteOnly) || out.write(QJsonDocument(results).toJson()) < 0 || !out.commit()) {
        *error = u"Cannot write the results file %1: %2."_qs.arg(resultsPath, out.errorString());
        return false;
    }
    QTextStream(stdout) << formatTable(QJsonArray{object}).section(u'\n', 2, 2) << '\n';
    return true;
}

QString formatTable(const QJsonArray &results) {
    const QStringList header = {u"measurement"_qs, u"median"_qs, u"p95"_qs,   u"max"_qs,
                                u"n"_qs,           u"goal"_qs,   u"result"_qs};
    QList<QStringList> rows;
    for (const auto &value : results) {
        const QJsonObject m = value.toObject();
        const QString unit = m.value(u"unit"_qs).toString();
        auto cell = [&](const QString &key) -> QString {
            return figure(m.value(key).toDouble()) % u' ' % unit;
        };
        const QJsonObject goal = m.value(u"goal"_qs).toObject();
        rows.append({m.value(u"name"_qs).toString(), cell(u"median"_qs), cell(u"p95"_qs), cell(u"max"_qs),
                     QString::number(m.value(u"n"_qs).toInt()), goal.value(u"text"_qs).toString(),
                     goal.value(u"result"_qs).toString()});
    }
    QList<qsizetype> widths;
    for (qsizetype c = 0; c < header.size(); ++c) {
        qsizetype width = header.at(c).size();
        for (const QStringList &row : rows)
            width = std::max(width, row.at(c).size());
        widths.append(width);
    }
    auto line = [&](const QStringList &cells) {
        QStringList out;
        for (qsizetype c = 0; c < cells.size(); ++c)
            out.append(padded(cells.at(c), widths.at(c), c >= 1 && c <= 4));
        return out.join(u"  "_qs).trimmed();
    };
    QString table = line(header) % u'\n';
    QStringList rules;
    for (const qsizetype width : widths)
        rules.append(QString(width, u'-'));
    table += rules.join(u"  "_qs) % u'\n';
    for (const QStringList &row : rows)
        table += line(row) % u'\n';
    return table;
}

QList<double> timeRuns(const std::function<void()> &run, int minRuns, int maxRuns, double budgetMs) {
    run();
    QList<double> samples;
    double spent = 0;
    QElapsedTimer timer;
    while (samples.size() < maxRuns && (samples.size() < minRuns || spent < budgetMs)) {
        timer.start();
        run();
        const double ms = double(timer.nsecsElapsed()) / 1e6;
        samples.append(ms);
        spent += ms;
    }
    return samples;
}

} // namespace galley::bench
