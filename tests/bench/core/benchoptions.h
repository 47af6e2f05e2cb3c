#pragma once

#include <QString>

namespace galley::bench {

/// What bench.sh tells every benchmark program on its command line.
struct BenchOptions {
    QString results;      ///< --results PATH: the JSON array recordMeasurement() adds to
    QString data;         ///< --data DIR: where generated inputs are cached between runs (created)
    QString galley;       ///< --galley PATH: the built galley binary; empty when it did not build
    QString pandoc;       ///< --pandoc PATH: the pandoc binary; empty when it is not installed
    int stories = 100000; ///< --stories N: size of the generated library
};

/// Parses the process arguments (after QCoreApplication exists); prints usage and exits with 2 on
/// unknown options. Defaults: results "bench-results.json" and data "bench-data" in the working folder.
BenchOptions parseBenchOptions();

} // namespace galley::bench
