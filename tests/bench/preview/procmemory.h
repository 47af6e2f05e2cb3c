#pragma once

#include <QList>
#include <QtGlobal>

namespace galley::bench {

/// Proportional set size of process @p pid in kibibytes, the "Pss:" line of
/// /proc/<pid>/smaps_rollup (Linux 4.14+): its private pages plus its share of pages it shares, so
/// the figures of a process tree add up without counting shared libraries twice. -1 when the file
/// cannot be read (the process is gone, or another user's).
qint64 pssKib(qint64 pid);

/// @p pid followed by all its descendants (children, their children...), found by the parent ids
/// in /proc/<pid>/stat. Processes that end meanwhile are simply missing.
QList<qint64> processTree(qint64 pid);

} // namespace galley::bench
