#pragma once

#include "checktext.h"
#include "finding.h"
#include "rulesheet.h"

#include <QList>

namespace galley {

class SpellChecker;

/// Runs the rules that read one text at a time (every kind but consistency) over @p text.
/// @p speller tells common words from names for capitalization rules (sentence case flags a
/// capitalised word only when the dictionary knows it in lowercase and the story does not use it
/// as a name); capitalization rules are skipped without one. Findings in rule order, then position.
QList<Finding> runTextRules(const QList<StyleRule> &rules, const CheckText &text, const SpellChecker *speller);

/// Runs the consistency rules over the whole story: when two spellings of one rule both appear,
/// every use of the ones not preferred is a finding whose replacement is the preferred one (the
/// rule's replacement, else the spelling used most, the first used on a tie).
QList<Finding> runConsistencyRules(const QList<StyleRule> &rules, const QList<CheckText> &texts);

/// @p replacement with the case of @p matched: capitalised when @p matched is or @p sentenceStart,
/// all capitals when @p matched is.
QString matchCase(const QString &replacement, const QString &matched, bool sentenceStart);

} // namespace galley
