#include "stylerules.h"

#include "spelling.h"
#include "wordscan.h"

#include <QHash>

namespace galley {

namespace {

QString fill(QString message, const QString &match, const QString &replacement) {
    message.replace(u"{match}"_qs, match);
    message.replace(u"{replacement}"_qs, replacement);
    return message;
}

Finding finding(const StyleRule &rule, const CheckText &text, int start, int length) {
    Finding f;
    f.field = text.field;
    f.item = text.item;
    f.start = start;
    f.length = length;
    f.rule = rule.id;
    f.severity = rule.severity;
    f.matched = text.text.mid(start, length);
    return f;
}

/// Words a title-case headline leaves in lowercase (AP and Chicago agree on these).
bool isSmallWord(const QString &word) {
    static const QSet<QString> small = {u"a"_qs,   u"an"_qs,  u"the"_qs, u"and"_qs, u"but"_qs, u"or"_qs,
                                        u"nor"_qs, u"for"_qs, u"so"_qs,  u"yet"_qs, u"as"_qs,  u"at"_qs,
                                        u"by"_qs,  u"in"_qs,  u"of"_qs,  u"off"_qs, u"on"_qs,  u"per"_qs,
                                        u"to"_qs,  u"up"_qs,  u"via"_qs, u"vs"_qs};
    return small.contains(word.toLower());
}

void runCapitalization(const StyleRule &rule, const CheckText &text, const SpellChecker *speller,
                       QList<Finding> &out) {
    if (!speller || !speller->isAvailable())
        return;
    const QList<ScannedWord> words = scanWords(text.text);
    for (qsizetype i = 1; i < words.size(); ++i) {
        const ScannedWord &w = words.at(i);
        if (w.hasDigit || w.sentenceStart)
            continue;
        // After a colon or a dash a headline starts again ("Sea wall: Council votes ...").
        const QString before = text.text.left(w.start).trimmed();
        if (before.endsWith(u':') || before.endsWith(u'—') || before.endsWith(u'–'))
            continue;
        const QString word = w.in(text.text);
        const QChar first = word.at(0);
        if (rule.titleCase) {
            if (!first.isLower() || isSmallWord(word))
                continue;
            QString fixed = word;
            fixed[0] = first.toUpper();
            Finding f = finding(rule, text, w.start, w.length);
            f.replacement = fixed;
            f.message = fill(rule.message, word, fixed);
            out.append(f);
        } else {
            if (!first.isUpper() || word.size() < 2 || word == word.toUpper())
                continue;
            const QString lower = word.toLower();
            const QString bare = straightApostrophes(word);
            if (speller->context().names.contains(bare) || !speller->isCorrect(lower))
                continue;
            // A word the dictionary knows only capitalised is a name ("London", "Monday").
            Finding f = finding(rule, text, w.start, w.length);
            f.replacement = lower;
            f.message = fill(rule.message, word, lower);
            out.append(f);
        }
    }
}

void runMetric(const StyleRule &rule, const CheckText &text, QList<Finding> &out) {
    auto report = [&](int start, int length, int count) {
        Finding f = finding(rule, text, start, length);
        f.matched.clear(); // an ignored length limit stays ignored while the text changes
        f.message = fill(rule.message, QString(), QString()).replace(u"{count}"_qs, QString::number(count));
        out.append(f);
    };
    if (rule.measure == u"characters") {
        if (text.text.size() > rule.limit)
            report(0, int(text.text.size()), int(text.text.size()));
    } else if (rule.measure == u"words") {
        const int n = int(scanWords(text.text).size());
        if (n > rule.limit)
            report(0, int(text.text.size()), n);
    } else {
        for (const SentenceRange &s : scanSentences(text.text)) {
            const int n = int(scanWords(text.text.mid(s.start, s.length)).size());
            if (n > rule.limit)
                report(s.start, s.length, n);
        }
    }
}

} // namespace

QString matchCase(const QString &replacement, const QString &matched, bool sentenceStart) {
    if (replacement.isEmpty() || matched.isEmpty())
        return replacement;
    if (matched.size() > 1 && matched == matched.toUpper() && matched != matched.toLower())
        return replacement.toUpper();
    if (sentenceStart || matched.at(0).isUpper()) {
        QString out = replacement;
        out[0] = out.at(0).toUpper();
        return out;
    }
    return replacement;
}

QList<Finding> runTextRules(const QList<StyleRule> &rules, const CheckText &text, const SpellChecker *speller) {
    QList<Finding> out;
    if (text.text.isEmpty())
        return out;
    for (const StyleRule &rule : rules) {
        if (!rule.appliesTo(text.field))
            continue;
        switch (rule.kind) {
        case RuleKind::Existence:
        case RuleKind::Substitution:
        case RuleKind::Repetition: {
            auto it = rule.regex.globalMatch(text.text);
            while (it.hasNext()) {
                const auto m = it.next();
                Finding f = finding(rule, text, int(m.capturedStart()), int(m.capturedLength()));
                QString replacement;
                if (rule.kind == RuleKind::Substitution) {
                    replacement = matchCase(rule.replacement, f.matched, isSentenceStart(text.text, f.start));
                    f.replacement = replacement;
                } else if (rule.kind == RuleKind::Repetition) {
                    replacement = m.captured(1);
                    f.replacement = replacement;
                }
                f.message = fill(rule.message, f.matched, replacement);
                out.append(f);
            }
            break;
        }
        case RuleKind::Capitalization:
            runCapitalization(rule, text, speller, out);
            break;
        case RuleKind::Metric:
            runMetric(rule, text, out);
            break;
        case RuleKind::Consistency:
            break;
        }
    }
    return out;
}

QList<Finding> runConsistencyRules(const QList<StyleRule> &rules, const QList<CheckText> &texts) {
    QList<Finding> out;
    for (const StyleRule &rule : rules) {
        if (rule.kind != RuleKind::Consistency)
            continue;
        struct Use {
            qsizetype text;
            int start;
            int length;
            qsizetype variant;
        };
        QList<Use> uses;
        QList<int> counts(rule.variants.size(), 0);
        for (qsizetype t = 0; t < texts.size(); ++t) {
            const CheckText &text = texts.at(t);
            if (!rule.appliesTo(text.field))
                continue;
            for (const ScannedWord &w : scanWords(text.text)) {
                const qsizetype v = rule.variants.indexOf(straightApostrophes(w.in(text.text)).toLower());
                if (v < 0)
                    continue;
                uses.append({t, w.start, w.length, v});
                ++counts[v];
            }
        }
        int used = 0;
        for (int c : counts)
            used += c > 0 ? 1 : 0;
        if (used < 2)
            continue;
        qsizetype preferred = rule.variants.indexOf(rule.replacement.toLower());
        if (preferred < 0) {
            preferred = uses.constFirst().variant;
            for (qsizetype v = 0; v < counts.size(); ++v)
                if (counts.at(v) > counts.at(preferred))
                    preferred = v;
        }
        for (const Use &use : uses) {
            if (use.variant == preferred)
                continue;
            const CheckText &text = texts.at(use.text);
            Finding f = finding(rule, text, use.start, use.length);
            const QString replacement =
                matchCase(rule.variants.at(preferred), f.matched, isSentenceStart(text.text, use.start));
            f.replacement = replacement;
            f.message = fill(rule.message, f.matched, replacement);
            out.append(f);
        }
    }
    return out;
}

} // namespace galley
