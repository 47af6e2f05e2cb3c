#pragma once

#include "finding.h"

#include <QList>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

namespace galley {

/// What a house-style rule does (Vale's kinds, as the Guardian's Typerighter sheet uses them).
enum class RuleKind {
    Existence,      ///< the pattern is flagged wherever it occurs ("very unique")
    Substitution,   ///< the pattern is replaced ("utilize" → "use"), capitalised at a sentence start
    Repetition,     ///< a word twice in a row ("the the"); the pattern, if any, limits which words
    Consistency,    ///< "adviser|advisor": spellings that must not both appear in one story
    Capitalization, ///< the field in "sentence" or "title" case
    Metric,         ///< a length limit: "characters <= 70", "words <= 30", "sentence-words <= 40"
};

/// "existence", "substitution", ... as the sheet's kind column spells them; nullopt for others.
std::optional<RuleKind> ruleKindFromKey(const QString &key);
QString ruleKindKey(RuleKind kind);

/// One line of the rule sheet, checked and ready to run.
struct StyleRule {
    QString id;
    RuleKind kind = RuleKind::Existence;
    QString pattern;     ///< as written in the sheet
    QString replacement; ///< substitution: the text to use
    QStringList fields;  ///< Finding::field names it reads; empty means every prose field
    Severity severity = Severity::Warning;
    QString message; ///< may hold {match} and {replacement}
    int line = 0;    ///< line number in the sheet (1-based)

    /// Existence, substitution, repetition: the compiled pattern (case-insensitive, whole words).
    QRegularExpression regex;
    /// Consistency: the spellings, lowercase, in the sheet's order.
    QStringList variants;
    /// Capitalization: true for title case, false for sentence case.
    bool titleCase = false;
    /// Metric: what is measured ("characters", "words", "sentence-words") and the largest allowed.
    QString measure;
    int limit = 0;

    /// True when the rule reads @p field.
    bool appliesTo(const QString &field) const;
};

/// A line of the sheet that could not be read: its 1-based number and why, in a plain sentence.
struct RuleProblem {
    int line = 0;
    QString message;

    /// "line 12: ..." as `galley check --rules` prints it.
    QString text() const;
};

/// The rules read from a sheet, and the lines that were refused (the rest still load).
struct RuleSheet {
    QList<StyleRule> rules;
    QList<RuleProblem> problems;
    QString source; ///< the file read, for messages; empty for text
};

/// Reads a rule sheet: UTF-8 tab-separated text as a spreadsheet saves it. The first line that is
/// not blank or a "#" comment is the header naming the columns (any order; id, kind, pattern,
/// replacement, fields, severity, message; unknown columns are ignored); each later line is one
/// rule. Fields are comma-separated Finding::field names or "all"; severity is error, warning or
/// advisory (warning when blank). A spreadsheet's quoted cells ("a ""b""") are unquoted.
RuleSheet parseRuleSheet(const QString &text);
/// parseRuleSheet() on the file at @p path; a file that cannot be read is one problem at line 0.
RuleSheet readRuleSheet(const QString &path);

/// The built-in sheet (resources/style/house-style.tsv, compiled in).
QString builtInRuleSheetPath();
/// The user's copy, which replaces the built-in sheet when it exists:
/// <AppConfigLocation>/house-style.tsv (~/.config/Galley/Galley/house-style.tsv).
QString userRuleSheetPath();
/// The house sheet in force: the user's copy when there is one, else the built-in one.
RuleSheet houseRuleSheet();

} // namespace galley
