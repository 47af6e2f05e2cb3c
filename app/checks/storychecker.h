#pragma once

#include "checktext.h"
#include "finding.h"
#include "rulesheet.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <memory>

namespace galley {

class SpellChecker;
struct Story;

/// Every check of the copy desk over a story: spelling (rule "spelling", warning), the house rule
/// sheet and the built-in checks, less what the desk ignored in it (StoryLibrary::ignoredFindings(),
/// matched by Finding::ignoreKey()).
///
/// Typical use: one StoryChecker per window (or per `galley check`), setHouseWords() from the
/// library, then check() after each pause in typing, or checkText() for the one block that changed.
/// Not thread-safe (the speller remembers words it has looked up).
class StoryChecker final {
public:
    /// Checks with @p sheet's rules; the language is taken from each story.
    explicit StoryChecker(RuleSheet sheet = houseRuleSheet());
    ~StoryChecker();
    Q_DISABLE_COPY_MOVE(StoryChecker)

    /// The library's house dictionary (StoryLibrary::houseWords()).
    void setHouseWords(const QStringList &words);
    QStringList houseWords() const;

    /// Every finding in @p story but those whose ignoreKey() is in @p ignored, sorted by
    /// sortFindings(). Also prepares the speller for the story (its language, its names, its
    /// ignored words) for checkText() and speller().
    QList<Finding> check(const Story &story, const QStringList &ignored = {});

    /// The findings of one text as check() would give them for it, without the story-wide ones
    /// (consistency, missing fields, pictures): for re-checking the block being edited. Uses the
    /// names and ignores of the last check()ed story. @p next as in runTextChecks().
    QList<Finding> checkText(const CheckText &text, const CheckText *next = nullptr) const;

    /// Only the spelling of @p text, with the last story's context (the editor's underline).
    QList<Finding> checkSpelling(const CheckText &text) const;

    /// The speller set up for the last check()ed story (en-US before the first).
    const SpellChecker &speller() const;
    const RuleSheet &ruleSheet() const;

private:
    void prepare(const Story &story, const QStringList &ignored);
    bool isIgnored(const Finding &finding) const;

    RuleSheet m_sheet;
    QStringList m_houseWords;
    QString m_language;
    std::unique_ptr<SpellChecker> m_speller;
    QStringList m_ignoredKeys;
};

} // namespace galley
