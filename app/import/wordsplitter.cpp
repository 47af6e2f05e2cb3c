#include "wordsplitter.h"

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

bool isWordChar(QChar c) {
    return c.isLetter() || c == u'\'' || c == u'\u2019';
}

bool isClosingQuote(QChar c) {
    return c == u'"' || c == u'\'' || c == u'\u201D' || c == u'\u2019' || c == u')';
}

bool isAllLower(const QString &s) {
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

} // namespace

WordSplitter::WordSplitter(const Speller &speller, QHash<QString, int> storyWords)
    : m_speller(speller)
    , m_storyWords(std::move(storyWords)) {}

void WordSplitter::countWords(const QString &text, QHash<QString, int> &counts) {
    qsizetype start = -1;
    for (qsizetype i = 0; i <= text.size(); ++i) {
        const bool inWord =
            i < text.size() && (text.at(i).isLetter() || (start >= 0 && isWordChar(text.at(i))));
        if (inWord && start < 0)
            start = i;
        else if (!inWord && start >= 0) {
            QString word = text.mid(start, i - start);
            while (!word.isEmpty() && !word.back().isLetter())
                word.chop(1);
            ++counts[word];
            start = -1;
        }
    }
}

bool WordSplitter::dictionaryKnows(const QString &word) const {
    const auto it = m_known.constFind(word);
    if (it != m_known.constEnd())
        return *it;
    const bool known = m_speller.isKnown(word);
    m_known.insert(word, known);
    return known;
}

bool WordSplitter::isWord(const QString &part) const {
    return m_storyWords.value(part) > 0 || dictionaryKnows(part);
}

QList<WordSplit> WordSplitter::find(const QString &text) const {
    QList<WordSplit> out;
    qsizetype i = 0;
    while (i < text.size()) {
        while (i < text.size() && text.at(i).isSpace())
            ++i;
        const qsizetype start = i;
        while (i < text.size() && !text.at(i).isSpace())
            ++i;
        if (i - start < 4)
            continue;
        const QString token = text.mid(start, i - start);
        const QList<qsizetype> cuts = repairToken(token);
        if (cuts.isEmpty())
            continue;
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

QList<qsizetype> WordSplitter::repairToken(const QString &t) const {
    // Addresses and links are not prose.
    if (t.contains(u'@') || t.contains(u"://"_qs) || t.startsWith(u"www."_qs, Qt::CaseInsensitive))
        return {};
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
        const QString word = t.mid(start, i - start);
        if (start > 0 && t.at(start - 1).isDigit() && word.size() >= 3 && isAllLower(word) &&
            !unitSuffixes().contains(word) && dictionaryKnows(word))
            cuts.append(start);
        for (const qsizetype cut : repairWord(word))
            cuts.append(start + cut);
    }
    std::sort(cuts.begin(), cuts.end());
    cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
    return cuts;
}

QList<qsizetype> WordSplitter::repairWord(const QString &w) const {
    if (w.size() < 4 || m_storyWords.value(w) >= 2 || dictionaryKnows(w))
        return {};
    // Cut before capitals that start a known word ("ofNorthgate", "HollisterSaid"), keeping brand
    // and name shapes like "McDonald" or "YouTube" whole: the left part must be lowercase, or the
    // right part a function word.
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
        if (!isCapitalisedWord(right) || !isWord(right) || !isWord(left))
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

QList<qsizetype> WordSplitter::splitJoined(const QString &piece) const {
    const qsizetype n = piece.size();
    if (n < 5 || !(isAllLower(piece) || isCapitalisedWord(piece)))
        return {};
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
        if (!partOk(0, a) || !partOk(a, n) || (capitalised && (!isFunction(a, n) || a < 4)))
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
            if (!partOk(a, b) || !partOk(b, n))
                continue;
            if (capitalised && !isFunction(a, b) && !isFunction(b, n))
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
