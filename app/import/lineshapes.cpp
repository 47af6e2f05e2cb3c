#include "lineshapes.h"

#include "importlimits.h"

#include <QRegularExpression>
#include <QSet>
#include <QStringList>

namespace galley::lineshape {

namespace {

bool isClosingMark(QChar c) {
    return c == u'"' || c == u'\'' || c == u'\u201D' || c == u'\u2019' || c == u')';
}

bool endsWithAny(QStringView line, QStringView chars) {
    return !line.isEmpty() && chars.contains(line.back());
}

bool isNameWord(const QString &word) {
    static const QSet<QString> particles = {u"of"_qs,  u"de"_qs,  u"del"_qs, u"van"_qs, u"von"_qs,
                                            u"der"_qs, u"da"_qs,  u"di"_qs,  u"la"_qs,  u"le"_qs,
                                            u"the"_qs, u"and"_qs, u"for"_qs, u"bin"_qs, u"al"_qs};
    if (particles.contains(word))
        return true;
    if (word.isEmpty() || !word.front().isUpper())
        return false;
    for (const QChar c : word)
        if (!(c.isLetter() || c == u'-' || c == u'\'' || c == u'\u2019' || c == u'.'))
            return false;
    return true;
}

QString stripOuterQuotes(QString text) {
    static const QString open = u"\"\u201C\u2018'"_qs;
    static const QString close = u"\"\u201D\u2019'"_qs;
    text = text.trimmed();
    if (!text.isEmpty() && open.contains(text.front()))
        text.remove(0, 1);
    if (!text.isEmpty() && close.contains(text.back()))
        text.chop(1);
    // "....," said the speaker would leave a comma where the quote ended.
    if (text.endsWith(u','))
        text.back() = u'.';
    return text.trimmed();
}

/// Letters of scripts written without spaces between words.
bool isUnspacedScript(QChar c) {
    switch (c.script()) {
    case QChar::Script_Han:
    case QChar::Script_Hiragana:
    case QChar::Script_Katakana:
    case QChar::Script_Hangul:
    case QChar::Script_Thai:
    case QChar::Script_Lao:
    case QChar::Script_Khmer:
    case QChar::Script_Myanmar:
        return true;
    default:
        return false;
    }
}

bool isMostlyUnspaced(const QString &line) {
    int letters = 0;
    int unspaced = 0;
    for (const QChar c : line) {
        if (!c.isLetter())
            continue;
        ++letters;
        unspaced += isUnspacedScript(c);
    }
    return letters > 0 && unspaced * 2 >= letters;
}

bool isJobTitle(const QString &text) {
    static const QSet<QString> words = {
        u"writer"_qs,      u"correspondent"_qs, u"reporter"_qs, u"editor"_qs,       u"desk"_qs,
        u"bureau"_qs,      u"columnist"_qs,     u"critic"_qs,   u"photographer"_qs, u"staff"_qs,
        u"contributor"_qs, u"producer"_qs,      u"analyst"_qs,  u"chief"_qs,        u"journalist"_qs,
        u"service"_qs,     u"wire"_qs,          u"team"_qs,     u"intern"_qs};
    const QString lower = text.trimmed().toLower();
    if (lower.isEmpty())
        return false;
    if (lower.startsWith(u"special to"_qs) || lower.startsWith(u"for "_qs) ||
        !text.trimmed().front().isUpper())
        return true;
    const QStringList parts = lower.split(u' ', Qt::SkipEmptyParts);
    for (const QString &part : parts)
        if (words.contains(part))
            return true;
    return false;
}

} // namespace

int wordCount(QStringView line) {
    int words = 0;
    bool inWord = false;
    for (const QChar c : line) {
        const bool space = c == u' ';
        words += !space && !inWord;
        inWord = !space;
    }
    return words;
}

bool endsSentence(QStringView line) {
    qsizetype end = line.size();
    while (end > 0 && isClosingMark(line.at(end - 1)) && line.at(end - 1) != u')')
        --end;
    return end > 0 && QStringView(u".!?\u2026").contains(line.at(end - 1));
}

bool isSectionLabel(const QString &line) {
    const int words = wordCount(line);
    if (words < 1 || words > 3 || line.size() > 30 || !line.front().isUpper())
        return false;
    for (const QChar c : line)
        if (c.isDigit())
            return false;
    return !endsWithAny(line, u".,;:!?\"\u201D");
}

bool isHeadline(const QString &line) {
    const int words = wordCount(line);
    return words >= 3 && words <= 35 && line.size() <= 200 && !endsWithAny(line, u".,;:\u3002") &&
           !isByline(line) && !parseCaption(line);
}

bool isShortHeadline(const QString &line) {
    if (line.isEmpty() || line.size() > 200 || endsWithAny(line, u".,;:!\u3002\u3001") || isByline(line))
        return false;
    if (isMostlyUnspaced(line))
        return line.size() >= 4;
    const int words = wordCount(line);
    return words >= 2 && words <= 2 && line.front().isUpper();
}

bool isBodyText(const QString &line) {
    if (isMostlyUnspaced(line))
        return line.size() >= 20 && (endsSentence(line) || line.endsWith(u'\u3002'));
    return wordCount(line) >= 10 && endsSentence(line);
}

bool isDeck(const QString &line) {
    const int words = wordCount(line);
    // "What to bring:" introduces a list; a form's blank ("Date: ____") is no deck either.
    return words >= 4 && words <= 45 && !line.endsWith(u':') && !line.contains(u"__"_qs);
}

bool isSubhead(const QString &line) {
    const int words = wordCount(line);
    if (words < 1 || words > 10 || !line.front().isUpper() || endsWithAny(line, u".,;:!\"\u201D)") ||
        line.contains(u"__"_qs))
        return false;
    // "Northgate 1 Quarry Lane 1": a results line, not a heading.
    int numbers = 0;
    for (const QString &word : line.split(u' ', Qt::SkipEmptyParts)) {
        bool digits = !word.isEmpty();
        for (const QChar c : word)
            digits = digits && c.isDigit();
        numbers += digits;
    }
    return numbers < 2;
}

bool isByline(const QString &line) {
    return line.startsWith(u"By "_qs) && wordCount(line) <= 10 && line.size() > 3 && line.at(3).isUpper() &&
           !endsSentence(line);
}

QString bylineName(const QString &line) {
    return isByline(line) ? line.mid(3).trimmed() : line;
}

QStringList bylineNames(const QString &line) {
    const QString names = bylineName(line);
    static const QRegularExpression separators(uR"(\s+and\s+|\s*&\s*|\s*;\s*)"_qs);
    const bool list = names.contains(separators);
    QStringList out;
    for (const QString &part : names.split(separators, Qt::SkipEmptyParts)) {
        // "A, B and C": commas between names split too; "Name, Title" never does.
        const QStringList pieces = part.split(u',', Qt::SkipEmptyParts);
        bool allNames = list && pieces.size() > 1;
        for (const QString &piece : pieces)
            allNames = allNames && !isJobTitle(piece) && wordCount(piece) <= 4;
        if (allNames) {
            for (const QString &piece : pieces)
                out << piece.trimmed();
        } else {
            out << part.trimmed();
        }
    }
    if (out.isEmpty())
        out << names;
    return out;
}

std::optional<WireDateline> parseWireDateline(const QString &line) {
    // AP's wire copy types the dash as " _ ".
    static const QRegularExpression dateline(
        uR"(^([A-Z][A-Z'.\-]+(?: [A-Z][A-Z'.\-]+){0,3})(?:, [A-Z][A-Za-z.]*(?: \d{1,2}| [A-Z][a-z]+)?)?(?: \([^()]{2,40}\))?(?: (?:--|-|_|\x{2013}|\x{2014}) | ?\x{2014} ?))"_qs);
    // European agencies (IPTC 7901) write the place in upper and lower case: the agency in
    // parentheses must follow ("Geneva (dpa) - ").
    static const QRegularExpression mixedCase(
        uR"(^(\p{Lu}[\p{L}'.\-/]+(?: \p{Lu}[\p{L}'.\-/]+){0,3})(?:, \p{Lu}[\p{L}.]*(?: \d{1,2}| \p{Lu}\p{Ll}+)?)? \([^()]{2,40}\)(?: (?:--|-|_|\x{2013}|\x{2014}) | ?\x{2014} ?))"_qs);
    // Italian and Spanish agencies put the agency first: "(ANSA) - Rome, October 11 - ".
    static const QRegularExpression agencyFirst(
        uR"(^\([\p{L}\p{N} .&'\-]{2,30}\) (?:--|-|\x{2013}|\x{2014}) (\p{Lu}[\p{L}'.\-]+(?: \p{Lu}[\p{L}'.\-]+){0,3})(?:, (?:\p{Lu}\p{Ll}+\.? \d{1,2}|\d{1,2} \p{Lu}\p{Ll}+\.?|\p{Lu}\p{Ll}+))? (?:--|-|\x{2013}|\x{2014}) )"_qs);
    auto match = dateline.match(line);
    if (!match.hasMatch())
        match = mixedCase.match(line);
    if (!match.hasMatch())
        match = agencyFirst.match(line);
    if (!match.hasMatch() || match.capturedLength(0) >= line.size())
        return std::nullopt;
    const QString place = match.captured(1);
    qsizetype letters = 0;
    for (const QChar c : place)
        letters += c.isLetter();
    if (letters < 3)
        return std::nullopt;
    return WireDateline{place, match.capturedLength(0)};
}

std::optional<Caption> parseCaption(const QString &line) {
    if (!line.endsWith(u')'))
        return std::nullopt;
    const qsizetype open = line.lastIndexOf(u'(');
    if (open <= 0)
        return std::nullopt;
    const QString credit = line.mid(open + 1, line.size() - open - 2).trimmed();
    const QString caption = line.left(open).trimmed();
    const int creditWords = wordCount(credit);
    if (credit.isEmpty() || creditWords > 8 || !credit.front().isUpper() || endsWithAny(credit, u".,;:!?") ||
        wordCount(caption) < 3 || !endsSentence(caption))
        return std::nullopt;
    return Caption{caption, credit};
}

std::optional<Caption> parseCreditLabel(const QString &line) {
    // The label in the languages agencies caption in; the credit after it names a photographer or
    // an agency (at most 12 words), and ends the caption.
    static const QRegularExpression label(
        uR"((?:^|(?<=[.!?\x{201D}"]) )(?:Photo|Photos|Picture|Credit|Foto|Fotos|Bild|Kuva|Kuvat|Fotó)\s?:\s*(\S[^:]*?)\s*$)"_qs,
        QRegularExpression::CaseInsensitiveOption);
    const auto match = label.match(line.trimmed());
    if (!match.hasMatch())
        return std::nullopt;
    const QString credit = match.captured(1);
    if (wordCount(credit) > 12 || !credit.front().isLetter())
        return std::nullopt;
    return Caption{line.trimmed().left(match.capturedStart()).trimmed(), credit};
}

namespace {

/// The speaker after a pull quote. Strict: 2 to 6 name words, optionally a comma and a title of up
/// to 8 words. Loose: up to 14 words holding two capitalised name words side by side, the rest
/// lowercase role words ("harbourmaster Ines Varga", "Ines Varga, the harbourmaster"). Neither
/// ends with punctuation.
bool isSpeaker(QStringView tail, bool loose) {
    if (tail.isEmpty() || endsWithAny(tail, u".,;:!?\"\u201D)"))
        return false;
    const qsizetype comma = tail.indexOf(u',');
    const QStringView name = comma < 0 ? tail : tail.left(comma).trimmed();
    const QStringView title = comma < 0 ? QStringView() : tail.mid(comma + 1).trimmed();
    if (comma >= 0 && title.isEmpty())
        return false;
    const QStringList nameWords = name.toString().split(u' ', Qt::SkipEmptyParts);
    const int titleWords = wordCount(title.toString());
    if (!loose) {
        if (nameWords.size() < 2 || nameWords.size() > 6 || titleWords > 8 ||
            !nameWords.front().front().isUpper())
            return false;
        for (const QString &word : nameWords)
            if (!isNameWord(word))
                return false;
        return true;
    }
    if (nameWords.size() + titleWords > 14 || titleWords > 10)
        return false;
    // "…," said Ines Varga is reported speech in the body, not a pull quote's credit.
    static const QSet<QString> speech = {u"said"_qs,  u"says"_qs,      u"told"_qs,      u"added"_qs,
                                         u"asked"_qs, u"according"_qs, u"explained"_qs, u"insisted"_qs};
    for (const QString &word : tail.toString().split(u' ', Qt::SkipEmptyParts))
        if (speech.contains(word.toLower()))
            return false;
    int run = 0;
    int longestRun = 0;
    for (const QString &word : nameWords) {
        const bool capital = isNameWord(word) && word.front().isUpper();
        run = capital ? run + 1 : 0;
        longestRun = std::max(longestRun, run);
        if (!capital && !isNameWord(word)) {
            for (const QChar c : word)
                if (!c.isLower() && c != u'-')
                    return false;
        }
    }
    return longestRun >= 2;
}

/// @p head ends a quote: sentence punctuation, or (loose) a whole quotation in quote marks.
bool endsQuote(QStringView head, bool loose) {
    if (endsSentence(head))
        return true;
    if (!loose || head.size() < 2)
        return false;
    static const QString open = u"\"\u201C\u2018\u00AB"_qs;
    static const QString close = u"\"\u201D\u2019\u00BB"_qs;
    return open.contains(head.front()) && close.contains(head.back());
}

std::optional<Quote> parseQuoteShape(QStringView line, bool loose) {
    // The speaker follows the last sentence end: find ". Name" from the right, within the longest
    // speaker a pull quote has.
    constexpr int MaxSpeakerWords = 16;
    int tailWords = 0;
    for (qsizetype i = line.size() - 2; i > 0 && tailWords <= MaxSpeakerWords; --i) {
        if (line.at(i) != u' ')
            continue;
        ++tailWords;
        QStringView head = line.left(i).trimmed();
        QStringView tail = line.mid(i + 1).trimmed();
        if (loose) {
            // "… pier.” — Ines Varga": a dash between the quote and the speaker.
            static const QString dashes = u"-\u2013\u2014"_qs;
            while (!head.isEmpty() && dashes.contains(head.back()))
                head = head.chopped(1).trimmed();
            while (!tail.isEmpty() && dashes.contains(tail.front()))
                tail = tail.mid(1).trimmed();
        }
        if (!endsQuote(head, loose))
            continue;
        if (!isSpeaker(tail, loose))
            return std::nullopt;
        const QString text = stripOuterQuotes(head.toString());
        const int words = wordCount(text);
        if (words < 3 || words > 40)
            return std::nullopt;
        return Quote{text, tail.toString(), loose};
    }
    return std::nullopt;
}

} // namespace

std::optional<Quote> parsePullQuote(const QString &line) {
    // A pull quote is short: a long paragraph is never one, and the search stays linear.
    if (line.size() > MaxPullQuoteChars)
        return std::nullopt;
    if (auto strict = parseQuoteShape(line, false))
        return strict;
    return parseQuoteShape(line, true);
}

} // namespace galley::lineshape
