#pragma once

#include <QString>

namespace galley {

/// Why @p line (one line or paragraph of a web page, as plain text) is site chrome rather than
/// story, as a short phrase for the import report ("navigation bar", "sign-up or login prompt",
/// "share or advertising line", "cookie notice"); empty when it is story text.
///
/// Only short lines are judged by their words (a story may mention logging in), except cookie
/// notices, which are long but unmistakable.
QString chromeReason(const QString &line);

} // namespace galley
