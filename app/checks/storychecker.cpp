#include "storychecker.h"

#include "builtinchecks.h"
#include "model/story.h"
#include "spelling.h"
#include "stylerules.h"

#include <QSet>

namespace galley {

StoryChecker::StoryChecker(RuleSheet sheet)
    : m_sheet(std::move(sheet))
    , m_speller(std::make_unique<SpellChecker>()) {
}

StoryChecker::~StoryChecker() = default;

void StoryChecker::setHouseWords(const QStringList &words) {
    m_houseWords = words;
    SpellContext context = m_speller->context();
    context.houseWords = words;
    m_speller->setContext(context);
}

QStringList StoryChecker::houseWords() const {
    return m_houseWords;
}

const SpellChecker &StoryChecker::speller() const {
    return *m_speller;
}

const RuleSheet &StoryChecker::ruleSheet() const {
    return m_sheet;
}

void StoryChecker::prepare(const Story &story, const QStringList &ignored) {
    if (story.metadata.language != m_language) {
        m_language = story.metadata.language;
        m_speller = std::make_unique<SpellChecker>(m_language);
    }
    SpellContext context;
    context.houseWords = m_houseWords;
    m_ignoredKeys = ignored;
    const QString spellingPrefix = u"spelling\x1f*\x1f"_qs;
    for (const QString &key : ignored)
        if (key.startsWith(spellingPrefix))
            context.ignoredWords.append(key.mid(spellingPrefix.size()));
    QStringList texts;
    for (const CheckText &text : checkTexts(story))
        if (isProseField(text.field))
            texts.append(text.text);
    context.names = storyNames(texts);
    m_speller->setContext(context);
}

bool StoryChecker::isIgnored(const Finding &finding) const {
    return !m_ignoredKeys.isEmpty() && m_ignoredKeys.contains(finding.ignoreKey());
}

QList<Finding> StoryChecker::checkSpelling(const CheckText &text) const {
    QList<Finding> out;
    if (!isProseField(text.field))
        return out;
    for (const Misspelling &m : m_speller->check(text.text)) {
        Finding f;
        f.field = text.field;
        f.item = text.item;
        f.start = m.start;
        f.length = m.length;
        f.rule = u"spelling"_qs;
        f.severity = Severity::Warning;
        f.message = u"“%1” is not in the dictionary."_qs.arg(m.word);
        f.matched = m.word;
        out.append(f);
    }
    return out;
}

QList<Finding> StoryChecker::checkText(const CheckText &text, const CheckText *next) const {
    QList<Finding> out = checkSpelling(text);
    out += runTextRules(m_sheet.rules, text, m_speller.get());
    out += runTextChecks(text, next);
    std::stable_sort(out.begin(), out.end(), [](const Finding &a, const Finding &b) { return a.start < b.start; });
    out.removeIf([this](const Finding &f) { return isIgnored(f); });
    return out;
}

QList<Finding> StoryChecker::check(const Story &story, const QStringList &ignored) {
    prepare(story, ignored);
    const QList<CheckText> texts = checkTexts(story);
    QList<Finding> out;
    if (!m_speller->isAvailable()) {
        Finding f;
        f.field = u"story"_qs;
        f.rule = u"spelling-dictionary"_qs;
        f.severity = Severity::Advisory;
        f.message = m_speller->errorString();
        out.append(f);
    }
    for (qsizetype i = 0; i < texts.size(); ++i) {
        const CheckText &text = texts.at(i);
        const CheckText *next = nullptr;
        if (text.field == u"body" && i + 1 < texts.size() && texts.at(i + 1).field == u"body")
            next = &texts.at(i + 1);
        out += checkText(text, next);
    }
    QList<Finding> storyWide = runConsistencyRules(m_sheet.rules, texts);
    storyWide += runStoryChecks(story);
    storyWide.removeIf([this](const Finding &f) { return isIgnored(f); });
    out += storyWide;
    sortFindings(out);
    return out;
}

} // namespace galley
