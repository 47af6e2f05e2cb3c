#pragma once

#include "checktext.h"
#include "finding.h"

#include <QList>

namespace galley {

struct Story;

/// The copy desk's built-in checks that read one text at a time, each with its rule id:
/// "straight-quote" (advisory; the curly quote as replacement), "double-space" (warning; one space),
/// "unbalanced-quote" and "unbalanced-bracket" (warning; a body paragraph left open because the
/// next one opens the same quote is the newsroom's convention for a quote running on),
/// "spell-out-number" (advisory; AP style: one to nine in words outside ages, percentages, money,
/// dimensions, times, scores and numbered things). @p next is the next body block's text when
/// @p text is a body block, else nullptr.
QList<Finding> runTextChecks(const CheckText &text, const CheckText *next);

/// The built-in checks over the story as a whole: "missing-headline" (error), "missing-byline",
/// "missing-section" (warnings), "missing-dateline" (advisory); "pullquote-attribution" and
/// "pullquote-not-in-body" (warnings); "image-caption", "image-credit" (warnings) and "image-alt"
/// (error); "alt-repeats-caption" and "alt-image-of" (warnings); "link-text" (warning: "click
/// here", "read more", "here"); "subhead-first" (warning: a subhead before any paragraph);
/// "embargo-time" (error: a story marked Ready or Published whose slugline, keywords, headline,
/// deck or first paragraph says it is embargoed, without an embargo time).
QList<Finding> runStoryChecks(const Story &story);

} // namespace galley
