#pragma once

#include <QString>

namespace galley {

/// Why @p line (one line or paragraph of a web page, as plain text) is site chrome rather than
/// story, as a short phrase for the import report ("navigation bar", "sign-up or login prompt",
/// "share or advertising line", "cookie notice", and for wire copy "wire priority line" (URGENT,
/// FLASH, BULLETIN, ROUTINE, "PRIORITY: ROUTINE"), "wire slug line" ("BC-Harbour-Dredging/ 1st
/// Ld-Writethru") and "wire end mark" (ENDS, -30-, ###, (END))); empty when it is story text.
///
/// Only short lines are judged by their words (a story may mention logging in), except cookie
/// notices, which are long but unmistakable.
QString chromeReason(const QString &line);

} // namespace galley
