#include "joinedwords.h"

#include "importlimits.h"
#include "speller.h"

#include <QSet>

namespace galley {

namespace {

/// Candidate joins in the body from which a text counts as having lost its line breaks.
constexpr int MinJoinsToSplit = 3;
/// Share of a text's lowercase words the English dictionary must know for the text to be English,
/// and how many words are enough to tell (fewer: too short to tell, taken as English).
constexpr double MinEnglishShare = 0.6;
constexpr int MinWordsToJudge = 8;
constexpr int MaxWordsToJudge = 4000;
/// The same for one paragraph: a quote in another language inside an English story.
constexpr double MinParagraphEnglishShare = 0.5;
constexpr int MinParagraphWordsToJudge = 6;
constexpr int MaxParagraphWordsToJudge = 200;

bool isEnglishTag(const QString &language) {
    const QString tag = language.trimmed().toLower();
    return tag.isEmpty() || tag == u"en" || tag.startsWith(u"en-"_qs) || tag.startsWith(u"en_"_qs);
}

/// True when one of @p wanted (lowercase phrases of words separated by one space) occurs in the
/// story text, as whole whitespace-separated words. One pass over the text whatever the phrases.
bool storyHasApart(const QList<JoinedWordsParagraph> &paragraphs, const QSet<QString> &wanted,
                   const QSet<int> &lengths) {
    if (wanted.isEmpty())
        return false;
    const int longest = *std::max_element(lengths.cbegin(), lengths.cend());
    QStringList window; // the last `longest` words, lowercase, across paragraph ends
    for (const JoinedWordsParagraph &paragraph : paragraphs) {
        if (!paragraph.storyText)
            continue;
        const QString &text = paragraph.text;
        qsizetype i = 0;
        while (i < text.size()) {
            while (i < text.size() && text.at(i).isSpace())
                ++i;
            const qsizetype start = i;
            while (i < text.size() && !text.at(i).isSpace())
                ++i;
            if (i == start)
                break;
            window.append(text.mid(start, i - start).toLower());
            if (window.size() > longest)
                window.removeFirst();
            for (const int n : lengths) {
                if (window.size() < n)
                    continue;
                QString phrase;
                for (qsizetype w = window.size() - n; w < window.size(); ++w)
                    phrase += (phrase.isEmpty() ? QString() : u" "_qs) % window.at(w);
                if (wanted.contains(phrase))
                    return true;
            }
        }
    }
    return false;
}

/// A sentence run into the next ("møtet.Flere", "vote.Several") in any language: the sign that
/// the text lost line breaks, and so that the editor should hear why no words were split.
bool showsLostBreaks(const QList<JoinedWordsParagraph> &paragraphs) {
    for (const JoinedWordsParagraph &paragraph : paragraphs) {
        if (!paragraph.eligible)
            continue;
        const QString &t = paragraph.text;
        for (qsizetype i = 2; i + 2 < t.size(); ++i) {
            if ((t.at(i) == u'.' || t.at(i) == u'!' || t.at(i) == u'?') && t.at(i - 1).isLower() &&
                t.at(i - 2).isLower() && t.at(i + 1).isUpper() && t.at(i + 2).isLower())
                return true;
        }
    }
    return false;
}

} // namespace

JoinedWords findJoinedWords(const QList<JoinedWordsParagraph> &paragraphs, const QString &language) {
    JoinedWords out;
    out.splits.resize(paragraphs.size());
    const Speller &speller = Speller::shared();
    if (!speller.isAvailable()) {
        out.notes.append(speller.errorString());
        return out;
    }
    if (!isEnglishTag(language)) {
        if (showsLostBreaks(paragraphs))
            out.notes.append(
                u"Words run together were not looked for: the file says the story is in “%1”, and "
                "Galley splits words only in English."_qs.arg(language.trimmed()));
        return out;
    }
    StoryWords words;
    qsizetype characters = 0;
    for (const JoinedWordsParagraph &paragraph : paragraphs) {
        if (!paragraph.storyText)
            continue;
        words.add(paragraph.text);
        characters += paragraph.text.size();
    }
    const WordSplitter splitter(speller, words, SplitLookupBase + characters / SplitCharsPerLookup);

    WordSplitter::Share share;
    for (const JoinedWordsParagraph &paragraph : paragraphs)
        if (paragraph.eligible && share.measured < MaxWordsToJudge)
            splitter.measureEnglish(paragraph.text, share, MaxWordsToJudge);
    if (share.measured >= MinWordsToJudge && share.known < MinEnglishShare * share.measured) {
        if (showsLostBreaks(paragraphs))
            out.notes.append(
                u"Words run together were not looked for: the text does not read as English (only "
                "%1% of its words are in the English dictionary)."_qs.arg(
                    qRound(100.0 * share.known / share.measured)));
        return out;
    }

    int joins = 0;
    bool runOn = false;
    for (qsizetype i = 0; i < paragraphs.size(); ++i) {
        const JoinedWordsParagraph &paragraph = paragraphs.at(i);
        if (!paragraph.eligible)
            continue;
        QList<WordSplit> found = splitter.find(paragraph.text);
        if (!found.isEmpty()) {
            WordSplitter::Share own;
            splitter.measureEnglish(paragraph.text, own, MaxParagraphWordsToJudge);
            if (own.measured >= MinParagraphWordsToJudge &&
                own.known < MinParagraphEnglishShare * own.measured)
                found.clear();
        }
        out.splits[i] = std::move(found);
        joins += int(out.splits.at(i).size());
        for (const WordSplit &split : std::as_const(out.splits.at(i)))
            runOn = runOn || split.runOn;
        if (splitter.exhausted()) {
            out.notes.append(
                u"Galley stopped looking for words run together at line %1: the text is too long "
                "or has too many words the dictionary does not know. What follows is left as "
                "written."_qs.arg(paragraph.line));
            break;
        }
    }
    if (joins >= MinJoinsToSplit && runOn)
        return out;
    QSet<QString> wanted;
    QSet<int> lengths;
    for (const auto &found : std::as_const(out.splits)) {
        for (const WordSplit &split : found) {
            const QString phrase = split.result.toLower();
            wanted.insert(phrase);
            lengths.insert(int(phrase.count(u' ')) + 1);
        }
    }
    if (!storyHasApart(paragraphs, wanted, lengths)) {
        for (auto &found : out.splits)
            found.clear();
    }
    return out;
}

} // namespace galley
