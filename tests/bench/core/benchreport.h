#pragma once

// The one way a Galley benchmark records a figure: every measurement becomes one object in the
// shared results file (bench-results.json) and one row of the table bench.sh prints. A new
// benchmark (the preview's keystroke-to-paint, cold start, memory...) times its runs, fills a
// Measurement and calls recordMeasurement(); nothing else needs to change.

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace galley::bench {

/// Which figure of a measurement a goal is judged on.
enum class Statistic { Median, P95, Max };

/// A target a figure should meet, in the measurement's own unit: the figure must be <= @c limit
/// (or < @c limit when @c strict). @c text is how the table shows it ("p95 <= 50 ms").
struct Goal {
    QString text;
    Statistic statistic = Statistic::Median;
    double limit = 0;
    bool strict = false;
};

/// One measured quantity: its samples (one per repetition, in @c unit, e.g. "ms", "MB", "x"),
/// an optional goal and an optional note (what was measured, how, caveats) kept in the JSON.
/// @c name is a dotted key, unique in the results file ("library.load", "preview.keystroke").
struct Measurement {
    QString name;
    QString unit;
    QList<double> samples;
    std::optional<Goal> goal;
    QString note;
};

/// Order statistics of a sample set. p95 is the nearest-rank 95th percentile (the smallest sample
/// that at least 95% of the samples do not exceed); all zero for no samples.
struct Summary {
    double min = 0;
    double median = 0;
    double p95 = 0;
    double max = 0;
    int n = 0;
};

Summary summarize(QList<double> samples);

/// The figure of @p summary that @p statistic names.
double pick(const Summary &summary, Statistic statistic);

/// JSON object of @p m: {"name", "unit", "min", "median", "p95", "max", "n", "note",
/// "goal": {"text", "statistic" ("median" | "p95" | "max"), "limit", "strict", "result" ("pass" |
/// "miss")} or null}.
QJsonObject toJson(const Measurement &m);

/// Adds @p m to the JSON array in @p resultsPath (created if missing), replacing an earlier
/// measurement of the same name, and prints its row to standard output. Returns false with a
/// sentence in @p error when the file cannot be read as a results array or cannot be written.
bool recordMeasurement(const QString &resultsPath, const Measurement &m, QString *error);

/// Plain-text table of a results array as toJson() writes it: name, median, p95, max, n, unit,
/// goal and pass/miss, one row per measurement in file order.
QString formatTable(const QJsonArray &results);

/// Runs @p run once to warm up, then times it (wall clock, milliseconds) at least @p minRuns and
/// at most @p maxRuns times, stopping early once @p budgetMs of timed work have passed.
QList<double> timeRuns(const std::function<void()> &run, int minRuns, int maxRuns, double budgetMs);

} // namespace galley::bench
