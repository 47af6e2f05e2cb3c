#pragma once

#include "model/story.h"

#include <QDateTime>
#include <QStringList>

namespace galley {

/// What a producer must know before a story ships, one plain sentence per problem, in page order:
/// an embargo still running (its time in UTC, English month names), an empty headline, each picture that has not arrived (the page shows "Picture missing" there),
/// each picture without alt text. Empty when the story is ready. `galley export` prints these as
/// warnings; the editor can show the same list.
QStringList exportWarnings(const Story &story);
/// The same, with @p now (UTC) as the time an embargo is compared with.
QStringList exportWarnings(const Story &story, const QDateTime &now);

} // namespace galley
