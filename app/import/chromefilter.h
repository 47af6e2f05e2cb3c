#pragma once

#include <QString>

namespace galley {

/// Why @p line (one line or paragraph of a web page, as plain text) is site chrome rather than
/// story, as a short phrase for the import report ("navigation bar", "sign-up or login prompt",
/// "share or advertising line" (also "Related topics", "More on this story", "Most read"),
/// "publication time line" ("Published 2 hours ago", "Updated: 14 May 2024"), "cookie notice", and
/// for wire copy "wire priority line" (URGENT,
/// FLASH, BULLETIN, ROUTINE, "PRIORITY: ROUTINE"), "wire slug line" ("BC-Harbour-Dredging/ 1st
/// Ld-Writethru"), "wire end mark" (isEndOfStoryMark(), isContinuationMark()) and "wire separator
/// line" (a line of only underscores or equals signs: "___"; "* * *" is a section break and stays); empty
/// when it is story text.
///
/// Only short lines are judged by their words (a story may mention logging in), except cookie
/// notices, which are long but unmistakable.
QString chromeReason(const QString &line);

/// A wire or press-release end mark closing the story: "-30-", "- 30 -", "###", "# # #", "ENDS",
/// "ends", "END", "(END)", "[END]", "ENDIT", "NNNN", "XXX". What follows it on short lines is the
/// transmission's trailer (times, codes, routing).
bool isEndOfStoryMark(const QString &line);

/// A wire continuation mark ("MORE", "(MORE)", "-MORE-"): more takes follow; nothing ends.
bool isContinuationMark(const QString &line);

} // namespace galley
