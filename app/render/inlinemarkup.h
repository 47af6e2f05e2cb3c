#pragma once

#include "model/story.h"

#include <QString>

namespace galley::detail {

/// HTML for one line of styled text: bold → <strong>, italic → <em>, a run of text sharing one
/// safe link → one <a href rel="noopener">. Unsafe links keep their text and styling, unlinked.
/// Text and URLs are escaped with escapeHtml().
QString renderInline(const InlineText &line);

/// A byline as the page shows it: trimmed, without a leading "By " the reporter may have typed
/// (the renderer writes "By" once for all names). Plain text, not escaped.
QString bylineName(const QString &typed);

} // namespace galley::detail
