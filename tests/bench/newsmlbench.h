#pragma once

#include <QJsonObject>
#include <QTextStream>

namespace galley::bench {

/// Times `galley import`'s work (decode, read, clean up, build every story) on a generated 1 MB
/// NewsML-G2 newsMessage of 50 text items, each with inline NITF and a linked picture item, and
/// measures the peak resident memory while doing it. Prints a line to @p out and returns the
/// figures ("newsml_message" in bench_import.json). The budget is 300 ms per import.
QJsonObject benchNewsMessage(QTextStream &out);

} // namespace galley::bench
