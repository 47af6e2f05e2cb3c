#pragma once

#include "benchoptions.h"
#include "model/story.h"

namespace galley::bench {

/// The recovery journal's costs for @p story (issue 13), recorded under "recovery.*.<label>": the
/// GUI thread's share of one snapshot (the Story copy and hand-over, plus the copy-on-write the
/// next keystroke then pays), the worker's time to encode and durably write one journal, and the
/// GUI thread's time for one library save (autosave now also saves while typing goes on, at most
/// every 30 s). False with @p error when a figure cannot be recorded.
bool measureJournaling(const BenchOptions &bench, const Story &story, const QString &label, QString *error);

} // namespace galley::bench
