#include "wordsplitter.h"

#include "importlimits.h"
#include "speller.h"

#include <QSet>

namespace galley {

namespace {

// Words short enough to be cut off anything, so a split needs one of them when a part is shorter
// than four letters. "said" and "says" are here because reported speech runs into names.
const QSet<QString> &functionWords() {
    static const QSet<QString> words = {
        u"the"_qs,   u"and"_qs,  u"or"_qs,    u"but"_qs,  u"nor"_qs,  u"of"_qs,   u"to"_qs,   u"in"_qs,
        u"on"_qs,    u"at"_qs,   u"by"_qs,    u"for"_qs,  u"from"_qs, u"with"_qs, u"is"_qs,   u"was"_qs,
        u"are"_qs,   u"were"_qs, u"has"_qs,   u"had"_qs,  u"have"_qs, u"his"_qs,  u"her"_qs,  u"their"_qs,
        u"our"_qs,   u"its"_qs,  u"said"_qs,  u"says"_qs, u"that"_qs, u"this"_qs, u"than"_qs, u"who"_qs,
        u"which"_qs, u"will"_qs, u"would"_qs, u"not"_qs,  u"into"_qs,
    };
    return words;
}

// Letters that follow a number as a unit or an ordinal, never a separate word.
const QSet<QString> &unitSuffixes() {
    static const QSet<QString> units = {
        u"st"_qs,  u"nd"_qs,  u"rd"_qs,  u"th"_qs,   u"am"_qs,  u"pm"_qs,   u"km"_qs,  u"kg"_qs,  u"mg"_qs,
        u"mm"_qs,  u"cm"_qs,  u"ml"_qs,  u"ft"_qs,   u"lb"_qs,  u"lbs"_qs,  u"oz"_qs,  u"mph"_qs, u"kmh"_qs,
        u"kph"_qs, u"mb"_qs,  u"gb"_qs,  u"kb"_qs,   u"tb"_qs,  u"hz"_qs,   u"khz"_qs, u"mhz"_qs, u"ghz"_qs,
        u"kw"_qs,  u"kwh"_qs, u"mw"_qs,  u"gw"_qs,   u"bn"_qs,  u"mn"_qs,   u"yo"_qs,  u"yr"_qs,  u"yrs"_qs,
        u"hr"_qs,  u"hrs"_qs, u"min"_qs, u"mins"_qs, u"sec"_qs, u"secs"_qs, u"ish"_qs, u"s"_qs,
    };
    return units;
}

// Function words a capitalised token may end with. Short ones ("by", "on", "ton") end too many
// place names (Kettleby, Easton) to be cut off a capitalised word.
const QSet<QString> &trailingFunctionWords() {
    static const QSet<QString> words = {u"and"_qs,  u"the"_qs,  u"said"_qs, u"says"_qs, u"was"_qs,
                                        u"were"_qs, u"has"_qs,  u"had"_qs,  u"have"_qs, u"with"_qs,
                                        u"from"_qs, u"that"_qs, u"this"_qs, u"will"_qs, u"would"_qs,
                                        u"who"_qs,  u"which"_qs};
    return words;
}

// "shewould", "Theyhad": a subject pronoun run into an auxiliary is never one word.
const QStringList &pronouns() {
    static const QStringList words = {u"they"_qs, u"she"_qs, u"you"_qs, u"he"_qs, u"we"_qs, u"it"_qs};
    return words;
}

const QSet<QString> &auxiliaries() {
    static const QSet<QString> words = {u"would"_qs, u"will"_qs,  u"could"_qs, u"should"_qs, u"can"_qs,
                                        u"may"_qs,   u"might"_qs, u"must"_qs,  u"had"_qs,    u"has"_qs,
                                        u"have"_qs,  u"was"_qs,   u"were"_qs,  u"are"_qs,    u"is"_qs,
                                        u"did"_qs,   u"does"_qs,  u"said"_qs,  u"told"_qs};
    return words;
}

// Months and weekdays are capitalised words that start sentences' worth of joins ("Marchafter").
const QSet<QString> &calendarWords() {
    static const QSet<QString> words = {u"January"_qs,   u"February"_qs, u"March"_qs,     u"April"_qs,
                                        u"May"_qs,       u"June"_qs,     u"July"_qs,      u"August"_qs,
                                        u"September"_qs, u"October"_qs,  u"November"_qs,  u"December"_qs,
                                        u"Monday"_qs,    u"Tuesday"_qs,  u"Wednesday"_qs, u"Thursday"_qs,
                                        u"Friday"_qs,    u"Saturday"_qs, u"Sunday"_qs};
    return words;
}

// Endings of place and family names made of a capitalised word and a common one (Johnstone,
// Jordanvale, Germanton): never cut off a capitalised word.
const QSet<QString> &nameEndings() {
    static const QSet<QString> words = {
        u"town"_qs,   u"ville"_qs, u"field"_qs,  u"land"_qs,  u"burg"_qs,  u"berg"_qs,  u"ford"_qs,
        u"wood"_qs,   u"port"_qs,  u"stone"_qs,  u"shire"_qs, u"dale"_qs,  u"worth"_qs, u"mouth"_qs,
        u"bury"_qs,   u"vale"_qs,  u"view"_qs,   u"side"_qs,  u"hurst"_qs, u"mere"_qs,  u"brook"_qs,
        u"bridge"_qs, u"gate"_qs,  u"haven"_qs,  u"hill"_qs,  u"wick"_qs,  u"well"_qs,  u"more"_qs,
        u"stead"_qs,  u"ridge"_qs, u"castle"_qs, u"water"_qs, u"ham"_qs,   u"ton"_qs,   u"son"_qs};
    return words;
}

bool isWordChar(QChar c) {
    return c.isLetter() || c == u'\'' || c == u'\u2019';
}

bool isClosingQuote(QChar c) {
    return c == u'"' || c == u'\'' || c == u'\u201D' || c == u'\u2019' || c == u')';
}

bool isAllLower(QStringView s) {
    for (const QChar c : s)
        if (!c.isLower())
            return false;
    return true;
}

bool isCapitalisedWord(QStringView s) {
    if (s.size() < 2 || !s.front().isUpper())
        return false;
    for (const QChar c : s.mid(1))
        if (!c.isLower())
            return false;
    return true;
}

/// Links, addresses, handles, tags, file and domain names, code and other languages' words are not
/// English prose run together: no token of that kind is ever split.
bool isProse(const QString &t) {
    if (t.contains(u'@') || t.contains(u'#') || t.contains(u'/') || t.contains(u'\\') || t.contains(u'_') ||
        t.contains(u'=') || t.contains(u'<') || t.contains(u'>') || t.contains(u'&'))
        return false;
    if (t.contains(u"www."_qs, Qt::CaseInsensitive))
        return false;
    for (qsizetype i = 0; i < t.size(); ++i) {
        const QChar c = t.at(i);
        if (c.isLetter() && c.unicode() > 0x7F)
            return false;
        // "example.com", "e.g.", "report.pdf": a dot between letters with a lowercase one after it.
        if (c == u'.' && i > 0 && i + 1 < t.size() && t.at(i - 1).isLetter() && t.at(i + 1).isLower())
            return false;
    }
    return true;
}

qsizetype letterCount(const QString &t) {
    qsizetype n = 0;
    for (const QChar c : t)
        n += c.isLetter();
    return n;
}

size_t pairHash(QStringView first, QStringView second) {
    return qHashMulti(0, first, second);
}

} // namespace

void StoryWords::add(QStringView text) {
    qsizetype start = -1;
    QStringView previous;
    qsizetype previousEnd = -2;
    for (qsizetype i = 0; i <= text.size(); ++i) {
        const bool inWord =
            i < text.size() && (text.at(i).isLetter() || (start >= 0 && isWordChar(text.at(i))));
        if (inWord && start < 0) {
            start = i;
        } else if (!inWord && start >= 0) {
            QStringView word = text.mid(start, i - start);
            while (!word.isEmpty() && !word.back().isLetter())
                word.chop(1);
            if (word.size() <= MaxSplitTokenLetters) {
                const size_t key = qHash(word);
                auto it = m_counts.find(key);
                if (it != m_counts.end())
                    ++*it;
                else if (m_counts.size() < MaxStoryWords)
                    m_counts.insert(key, 1);
                // Names side by side: "Ines Varga", one space apart.
                if (previousEnd == start - 1 && text.at(previousEnd) == u' ' && isCapitalisedWord(previous) &&
                    isCapitalisedWord(word) && m_pairs.size() < MaxStoryWords)
                    m_pairs.insert(pairHash(previous, word));
            }
            previous = word;
            previousEnd = start + word.size();
            start = -1;
        }
    }
}

bool StoryWords::hasPair(QStringView first, QStringView second) const {
    return m_pairs.contains(pairHash(first, second));
}

WordSplitter::WordSplitter(const Speller &speller, const StoryWords &storyWords, qsizetype lookupBudget)
    : m_speller(speller)
    , m_storyWords(storyWords)
    , m_budget(lookupBudget) {}

bool WordSplitter::dictionaryKnows(QStringView word) const {
    const size_t key = qHash(word);
    const auto it = m_known.constFind(key);
    if (it != m_known.constEnd())
        return *it;
    if (m_lookups >= m_budget) {
        m_exhausted = true;
        return false;
    }
    ++m_lookups;
    const bool known = m_speller.isKnown(word.toString());
    m_known.insert(key, known);
    return known;
}

bool WordSplitter::isWord(QStringView part) const {
    return m_storyWords.count(part) > 0 || dictionaryKnows(part);
}

void WordSplitter::measureEnglish(QStringView text, Share &share, int maxMeasured) const {
    qsizetype i = 0;
    while (i < text.size() && share.measured < maxMeasured) {
        if (!text.at(i).isLetter()) {
            ++i;
            continue;
        }
        const qsizetype start = i;
        bool lower = true;
        bool ascii = true;
        while (i < text.size() && text.at(i).isLetter()) {
            lower = lower && text.at(i).isLower();
            ascii = ascii && text.at(i).unicode() <= 0x7F;
            ++i;
        }
        if (!lower || i - start < 4 || i - start > MaxSplitTokenLetters)
            continue;
        ++share.measured;
        if (ascii && dictionaryKnows(text.mid(start, i - start)))
            ++share.known;
    }
}

QList<WordSplit> WordSplitter::find(const QString &text) const {
    QList<WordSplit> out;
    qsizetype i = 0;
    while (i < text.size() && !m_exhausted) {
        while (i < text.size() && text.at(i).isSpace())
            ++i;
        const qsizetype start = i;
        while (i < text.size() && !text.at(i).isSpace())
            ++i;
        if (i - start < 4)
            continue;
        const QList<qsizetype> cuts = cutsOf(QStringView(text).mid(start, i - start));
        // An answer made with the budget spent may rest on look-ups that were never made.
        if (cuts.isEmpty() || m_exhausted)
            continue;
        const QString token = text.mid(start, i - start);
        QString result = token;
        bool runOn = cuts.size() > 1;
        for (const qsizetype cut : cuts)
            runOn = runOn || !token.at(cut - 1).isLetter() ||
                    (token.at(cut).isUpper() && token.at(cut - 1).isLower());
        for (auto it = cuts.crbegin(); it != cuts.crend(); ++it) {
            // "HollisterSaid": the capital came from the lost line break, not from the word.
            qsizetype end = *it;
            while (end < result.size() && result.at(end).isLetter())
                ++end;
            const QString next = result.mid(*it, end - *it);
            if (*it > 0 && result.at(*it - 1).isLetter() && isCapitalisedWord(next) &&
                trailingFunctionWords().contains(next.toLower()))
                result[*it] = result.at(*it).toLower();
            result.insert(*it, u' ');
        }
        out.append(WordSplit{start, token, result, runOn});
    }
    return out;
}

QList<qsizetype> WordSplitter::cutsOf(QStringView token) const {
    const size_t key = qHash(token);
    const auto it = m_tokens.constFind(key);
    if (it != m_tokens.constEnd())
        return *it;
    QList<qsizetype> cuts = repairToken(token.toString());
    if (!m_exhausted && m_tokens.size() < MaxStoryWords)
        m_tokens.insert(key, cuts);
    return cuts;
}

QList<qsizetype> WordSplitter::repairToken(const QString &t) const {
    if (!isProse(t) || letterCount(t) > MaxSplitTokenLetters)
        return {};
    for (const QChar c : t)
        if (c.isDigit())
            return numberCut(t);
    QList<qsizetype> cuts;
    const qsizetype n = t.size();
    for (qsizetype i = 2; i + 1 < n; ++i) {
        const QChar c = t.at(i);
        if (!(t.at(i - 1).isLower() && t.at(i - 2).isLower()))
            continue;
        if (c == u'.' || c == u'!' || c == u'?') {
            qsizetype j = i + 1;
            while (j < n && isClosingQuote(t.at(j)))
                ++j;
            if (j + 1 < n && t.at(j).isUpper() && t.at(j + 1).isLower())
                cuts.append(j);
        } else if ((c == u',' || c == u';' || c == u':') && i + 2 < n && t.at(i + 1).isLetter() &&
                   t.at(i + 2).isLetter()) {
            cuts.append(i + 1);
        }
    }
    qsizetype i = 0;
    while (i < n) {
        if (!t.at(i).isLetter()) {
            ++i;
            continue;
        }
        const qsizetype start = i;
        while (i < n && t.at(i).isLetter())
            ++i;
        // A word with an apostrophe ("Okonkwo's") is a possessive or a contraction, not a join.
        if (i < n && (t.at(i) == u'\'' || t.at(i) == u'\u2019') && i + 1 < n && t.at(i + 1).isLetter())
            continue;
        for (const qsizetype cut : repairWord(t.mid(start, i - start)))
            cuts.append(start + cut);
    }
    std::sort(cuts.begin(), cuts.end());
    cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
    return cuts;
}

QList<qsizetype> WordSplitter::numberCut(const QString &t) const {
    // Only "14,000daily" (a number, then one lowercase dictionary word) is split in a token with
    // digits; codes and amounts ("EUR1million", "A1road", "mp3player") stay as written.
    static const QString opening = u"\"\u201C\u2018'([$\u20AC\u00A3\u00A5"_qs;
    static const QString closing = u".,;:!?\"\u201D\u2019')]"_qs;
    const qsizetype n = t.size();
    qsizetype i = 0;
    while (i < n && opening.contains(t.at(i)))
        ++i;
    if (i >= n || !t.at(i).isDigit())
        return {};
    while (i < n && (t.at(i).isDigit() ||
                     ((t.at(i) == u',' || t.at(i) == u'.') && i + 1 < n && t.at(i + 1).isDigit())))
        ++i;
    const qsizetype start = i;
    while (i < n && t.at(i).isLower())
        ++i;
    const qsizetype end = i;
    while (i < n && closing.contains(t.at(i)))
        ++i;
    if (i != n || end - start < 3)
        return {};
    const QString word = t.mid(start, end - start);
    if (unitSuffixes().contains(word) || !dictionaryKnows(word))
        return {};
    return {start};
}

QList<qsizetype> WordSplitter::repairWord(const QString &w) const {
    if (w.size() < 4 || m_storyWords.count(w) >= 2 || dictionaryKnows(w))
        return {};
    // Cut before capitals that start a known word ("ofNorthgate", "HollisterSaid"), keeping brand
    // and name shapes like "McDonald" or "YouTube" whole: the left part must be lowercase, or the
    // right part a function word, or both parts names the story also has apart ("InesVarga").
    QList<qsizetype> cuts;
    qsizetype pieceStart = 0;
    for (qsizetype k = 1; k < w.size(); ++k) {
        if (!(w.at(k - 1).isLower() && w.at(k).isUpper()))
            continue;
        qsizetype end = k + 1;
        while (end < w.size() && w.at(end).isLower())
            ++end;
        const QString left = w.mid(pieceStart, k - pieceStart);
        const QString right = w.mid(k, end - k);
        if (!isCapitalisedWord(right))
            continue;
        if (isCapitalisedWord(left) && m_storyWords.hasPair(left, right)) {
            cuts.append(k);
            pieceStart = k;
            continue;
        }
        if (!isWord(right) || !isWord(left))
            continue;
        const bool leftLower = isAllLower(left) && left.size() >= 2;
        const bool rightFunction = trailingFunctionWords().contains(right.toLower()) && left.size() >= 4;
        if (leftLower || rightFunction) {
            cuts.append(k);
            pieceStart = k;
        }
    }
    QList<qsizetype> pieceStarts = {0};
    pieceStarts.append(cuts);
    for (qsizetype p = 0; p < pieceStarts.size(); ++p) {
        const qsizetype from = pieceStarts.at(p);
        const qsizetype to = p + 1 < pieceStarts.size() ? pieceStarts.at(p + 1) : w.size();
        const QString piece = w.mid(from, to - from);
        // The whole word is known not to be one; a piece cut off it may be a word in its own right.
        if (pieceStarts.size() > 1 && isWord(piece))
            continue;
        for (const qsizetype cut : splitJoined(piece))
            cuts.append(from + cut);
    }
    std::sort(cuts.begin(), cuts.end());
    return cuts;
}

bool WordSplitter::isProperAdjective(const QString &word) const {
    // "Canadian", "Chinese", "British", "Arabic", "Iraqi", "French", "Greek": adjectives of
    // nations, faiths and regions, which the dictionary knows capitalised.
    static const QStringList endings = {u"an"_qs, u"ese"_qs, u"ish"_qs, u"ic"_qs,
                                        u"i"_qs,  u"ch"_qs,  u"ek"_qs};
    if (word.size() < 4)
        return false;
    bool ending = false;
    for (const QString &e : endings)
        ending = ending || word.endsWith(e);
    return ending && dictionaryKnows(word);
}

qsizetype WordSplitter::commonShape(const QString &piece) const {
    const QString lower = piece.toLower();
    for (const QString &pronoun : pronouns()) {
        if (lower.startsWith(pronoun) && auxiliaries().contains(lower.mid(pronoun.size())))
            return pronoun.size();
    }
    if (!isCapitalisedWord(piece))
        return -1;
    // "Canadianofficials", "Marchafter", "Sundayschool": the longest capitalised word that is a
    // month, a weekday or a proper adjective, then a lowercase word.
    for (qsizetype a = piece.size() - 3; a >= 3; --a) {
        const QString left = piece.left(a);
        const QString right = piece.mid(a);
        if (!(right.size() >= 4 || (right.size() == 3 && functionWords().contains(right))) ||
            nameEndings().contains(right))
            continue;
        if ((calendarWords().contains(left) || isProperAdjective(left)) && dictionaryKnows(right))
            return a;
    }
    return -1;
}

QList<qsizetype> WordSplitter::splitJoined(const QString &piece) const {
    const qsizetype n = piece.size();
    if (n < 5 || !(isAllLower(piece) || isCapitalisedWord(piece)))
        return {};
    if (const qsizetype common = commonShape(piece); common > 0)
        return {common};
    const bool capitalised = piece.front().isUpper();
    auto partOk = [&](qsizetype from, qsizetype to) {
        const QString part = piece.mid(from, to - from);
        return (part.size() >= 4 || functionWords().contains(part.toLower())) && isWord(part);
    };
    auto isFunction = [&](qsizetype from, qsizetype to) {
        return trailingFunctionWords().contains(piece.mid(from, to - from));
    };
    // Fewest parts first (two, then three); among equals the most even-handed lengths lose to the
    // one with the longest parts (sum of squares), which prefers real words over fragments.
    QList<qsizetype> best;
    qsizetype bestScore = -1;
    for (qsizetype a = 2; a <= n - 2; ++a) {
        if (capitalised && (a < 4 || !isFunction(a, n)))
            continue;
        if (!partOk(0, a) || !partOk(a, n))
            continue;
        const qsizetype score = a * a + (n - a) * (n - a);
        if (score > bestScore) {
            bestScore = score;
            best = {a};
        }
    }
    if (!best.isEmpty())
        return best;
    for (qsizetype a = 2; a <= n - 4; ++a) {
        if (!partOk(0, a))
            continue;
        for (qsizetype b = a + 2; b <= n - 2; ++b) {
            if (capitalised && !isFunction(a, b) && !isFunction(b, n))
                continue;
            if (!partOk(a, b) || !partOk(b, n))
                continue;
            const qsizetype score = a * a + (b - a) * (b - a) + (n - b) * (n - b);
            if (score > bestScore) {
                bestScore = score;
                best = {a, b};
            }
        }
    }
    return best;
}

} // namespace galley
