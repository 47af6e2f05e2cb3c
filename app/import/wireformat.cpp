#include "wireformat.h"

#include <QHash>
#include <QRegularExpression>
#include <QTimeZone>

namespace galley::wire {

namespace {

/// @p line without the framing and padding characters a caller may have left on it, and without
/// trailing white space (CR included).
QString bare(const QString &line) {
    QString out;
    out.reserve(line.size());
    for (const QChar c : line) {
        const char16_t u = c.unicode();
        if (u == Soh || u == Stx || u == Etx || u == Eot || u == Syn || u == 0 || u == 0x7f)
            continue;
        out += c;
    }
    while (!out.isEmpty() && out.back().isSpace())
        out.chop(1);
    return out;
}

bool isLetters(const QString &token) {
    if (token.isEmpty())
        return false;
    for (const QChar c : token)
        if (!c.isLetter())
            return false;
    return true;
}

/// The agency a 7901 header's optional information names: a word with a capital ("EXW", "KNA")
/// wins, else the word before a number ("dpa 0027"); a lower-case product suffix ("dpa-tns") is
/// dropped.
QString agencyIn(const QStringList &tokens) {
    QString candidate;
    for (qsizetype i = 0; i < tokens.size(); ++i) {
        QString token = tokens.at(i);
        const qsizetype dash = token.indexOf(u'-');
        if (dash > 0 && isLetters(token.mid(dash + 1)) &&
            token.mid(dash + 1) == token.mid(dash + 1).toLower())
            token.truncate(dash);
        if (!isLetters(token) || token.size() < 2 || token.size() > 12)
            continue;
        if (token != token.toLower())
            return token;
        const bool numberFollows =
            i + 1 < tokens.size() && !tokens.at(i + 1).isEmpty() && tokens.at(i + 1).front().isDigit();
        if (numberFollows && candidate.isEmpty())
            candidate = token;
    }
    return candidate;
}

int monthNumber(const QString &name) {
    static const QHash<QString, int> months = {
        {u"jan"_qs, 1},  {u"feb"_qs, 2}, {u"mar"_qs, 3},  {u"m\u00e4r"_qs, 3}, {u"mrz"_qs, 3},
        {u"apr"_qs, 4},  {u"may"_qs, 5}, {u"mai"_qs, 5},  {u"jun"_qs, 6},      {u"jul"_qs, 7},
        {u"aug"_qs, 8},  {u"sep"_qs, 9}, {u"oct"_qs, 10}, {u"okt"_qs, 10},     {u"nov"_qs, 11},
        {u"dec"_qs, 12}, {u"dez"_qs, 12}};
    return months.value(name.left(3).toLower(), 0);
}

int fullYear(int twoOrFour) {
    if (twoOrFour >= 100)
        return twoOrFour;
    // Wire formats date from 1979; a two-digit year below 70 is this century's.
    return twoOrFour < 70 ? 2000 + twoOrFour : 1900 + twoOrFour;
}

/// The zone a wire time names: a fixed offset for explicit zones, the IANA zone for the US
/// "ET"-style names that follow daylight saving. Invalid for an unknown name.
QTimeZone zoneFor(const QString &name) {
    static const QHash<QString, int> offsets = {
        {u"GMT"_qs, 0},         {u"UTC"_qs, 0},         {u"UT"_qs, 0},          {u"Z"_qs, 0},
        {u"WET"_qs, 0},         {u"BST"_qs, 3600},      {u"CET"_qs, 3600},      {u"MEZ"_qs, 3600},
        {u"CEST"_qs, 7200},     {u"MESZ"_qs, 7200},     {u"EET"_qs, 7200},      {u"EST"_qs, -5 * 3600},
        {u"EDT"_qs, -4 * 3600}, {u"CST"_qs, -6 * 3600}, {u"CDT"_qs, -5 * 3600}, {u"MST"_qs, -7 * 3600},
        {u"MDT"_qs, -6 * 3600}, {u"PST"_qs, -8 * 3600}, {u"PDT"_qs, -7 * 3600}};
    static const QHash<QString, QByteArray> regions = {{u"ET"_qs, "America/New_York"},
                                                       {u"CT"_qs, "America/Chicago"},
                                                       {u"MT"_qs, "America/Denver"},
                                                       {u"PT"_qs, "America/Los_Angeles"}};
    const QString upper = name.toUpper();
    if (const auto it = offsets.constFind(upper); it != offsets.constEnd())
        return QTimeZone(*it);
    if (const auto it = regions.constFind(upper); it != regions.constEnd()) {
        QTimeZone zone(*it);
        // Without the time zone database, standard time is the better guess than nothing.
        return zone.isValid() ? zone
                              : QTimeZone(upper == u"ET"   ? -5 * 3600
                                          : upper == u"CT" ? -6 * 3600
                                          : upper == u"MT" ? -7 * 3600
                                                           : -8 * 3600);
    }
    return {};
}

std::optional<TrailerTime> timeAt(int year, int month, int day, int hour, int minute, const QString &zoneName,
                                  const QString &agency) {
    const QDate date(fullYear(year), month, day);
    const QTime clock(hour, minute);
    const QTimeZone zone = zoneName.isEmpty() ? QTimeZone::utc() : zoneFor(zoneName);
    if (!date.isValid() || !clock.isValid() || !zone.isValid())
        return TrailerTime{QDateTime(), agency};
    return TrailerTime{QDateTime(date, clock, zone).toUTC(), agency};
}

bool isUnexpectedControl(unsigned char c) {
    // Everything the formats use: framing, tab and line controls, BEL (flash bells), BS (ANPA's tab
    // line indicator), DLE (its space band), DC1-DC4 (format codes), ESC and the separators FS-US.
    switch (c) {
    case 0x05:
    case 0x06:
    case 0x0e:
    case 0x0f:
    case 0x15:
    case 0x17:
    case 0x18:
    case 0x19:
    case 0x1a:
        return true;
    default:
        return false;
    }
}

} // namespace

std::optional<Header> parseIptc7901Header(const QString &raw) {
    static const QRegularExpression shape(
        uR"(^\s*([A-Za-z]{1,8})(\d{1,6})[ \t]+([0-9A-Za-z])[ \t]+([A-Za-z]{1,4})[ \t]+(\d{1,6})(?:[ \t]+(.*))?$)"_qs);
    const auto match = shape.match(bare(raw));
    if (!match.hasMatch())
        return std::nullopt;
    Header header;
    header.standard = Standard::Iptc7901;
    header.service = match.captured(1);
    header.sequence = match.captured(2).toInt();
    header.priority = match.captured(3);
    const QChar priority = header.priority.front();
    header.urgency = priority.isDigit() ? iptc7901Urgency(priority) : anpaUrgency(priority);
    header.category = match.captured(4);
    header.wordCount = match.captured(5).toInt();
    header.extra = match.captured(6).simplified();
    const QStringList tokens = header.extra.split(u' ', Qt::SkipEmptyParts);
    header.agency = agencyIn(tokens);
    static const QRegularExpression clock(uR"(^(?:\d\d)?(?:[01]\d|2[0-3])[0-5]\d$)"_qs);
    if (!tokens.isEmpty() && clock.match(tokens.last()).hasMatch())
        header.time = tokens.last();
    return header;
}

std::optional<Header> parseAnpaServiceLine(const QString &raw) {
    const QString line = bare(raw).trimmed();
    static const QRegularExpression withUs(
        uR"(^([A-Za-z]?)(\d{4})([^\x{1f}\s]{0,16})\x{1f}([A-Za-z-]{0,5})$)"_qs);
    static const QRegularExpression withoutUs(uR"(^([A-Za-z])(\d{4})([A-Za-z-]{1,5})$)"_qs);
    Header header;
    header.standard = Standard::Anpa1312;
    if (const auto match = withUs.match(line); match.hasMatch()) {
        header.service = match.captured(1);
        header.sequence = match.captured(2).toInt();
        header.upi = match.captured(3);
        header.selector = match.captured(4);
        return header;
    }
    if (const auto match = withoutUs.match(line); match.hasMatch()) {
        header.service = match.captured(1);
        header.sequence = match.captured(2).toInt();
        header.selector = match.captured(3);
        return header;
    }
    return std::nullopt;
}

std::optional<Header> parseAnpaStoryLine(const QString &raw) {
    static const QRegularExpression shape(
        uR"(^([A-Za-z]) ([A-Za-z])([\x{11}-\x{14}]{0,2}) ?([^\s\x{11}-\x{14}]\S{0,23})(?: +(\S+)(?: +(\S+))?)?? +(\d\d-\d\d)(?: +(\d{1,4}))?$)"_qs);
    const auto match = shape.match(bare(raw));
    if (!match.hasMatch())
        return std::nullopt;
    Header header;
    header.standard = Standard::Anpa1312;
    header.priority = match.captured(1);
    header.urgency = anpaUrgency(header.priority.front());
    header.category = match.captured(2);
    const QString format = match.captured(3);
    header.tabular =
        (!format.isEmpty() && format.front() == u'\x14') || (format.size() == 2 && format.at(1) == u'\x12');
    header.keyword = match.captured(4);
    header.version = match.captured(5);
    header.reference = match.captured(6);
    header.filingDate = match.captured(7);
    header.wordCount = match.captured(8).isEmpty() ? -1 : match.captured(8).toInt();
    return header;
}

int iptc7901Urgency(QChar priority) {
    const int digit = priority.digitValue();
    return digit >= 1 && digit <= 6 ? digit : 0;
}

int anpaUrgency(QChar priority) {
    switch (priority.toLower().unicode()) {
    case u'f':
        return 1;
    case u'b':
        return 2;
    case u'u':
        return 3;
    case u'r':
        return 5;
    case u'd':
        return 7;
    case u'a':
        return 8;
    default:
        return 0;
    }
}

int takeUrgency(const QString &take) {
    const QString upper = take.trimmed().toUpper();
    if (upper.contains(u"FLASH"_qs))
        return 1;
    if (upper.contains(u"BULLETIN"_qs))
        return 2;
    if (upper.contains(u"URGENT"_qs))
        return 3;
    return 0;
}

bool isUpdateTake(const QString &take) {
    static const QRegularExpression update(
        uR"(writethru|write-thru|\d+(?:st|nd|rd|th) ?(?:ld|lead|add)\b|\bld\b|\blead\b|correct|\bsub\b|refile|update|insert|precede|kill|withdraw|\d+(?:st|nd|rd|th) ?version|berichtigung|korrektur|neufassung|zusammenfassung)"_qs,
        QRegularExpression::CaseInsensitiveOption);
    // A take key is a few words; a sentence that mentions a lead singer is not one.
    return take.split(u' ', Qt::SkipEmptyParts).size() <= 4 && update.match(take).hasMatch();
}

bool isTakeLine(const QString &raw) {
    const QString line = bare(raw).trimmed();
    if (line.isEmpty() || line.size() > 40)
        return false;
    static const QRegularExpression parenthesised(uR"(^\([\p{L} ]{2,30}\)$)"_qs);
    if (parenthesised.match(line).hasMatch())
        return true;
    static const QRegularExpression handling(
        uR"(^(?:EXTRA|URGENT|BULLETIN|FLASH|REFILE|CORRECTION|CORRECTED|CORRECTS|ADVISORY|EILT|EILMELDUNG|VORRANG|BLITZ)!?$)"_qs,
        QRegularExpression::CaseInsensitiveOption);
    if (handling.match(line).hasMatch())
        return true;
    if (line.split(u' ', Qt::SkipEmptyParts).size() > 4)
        return false;
    return isUpdateTake(line) && line.size() <= 30 && !line.endsWith(u'.');
}

std::optional<KeywordLine> parseAnpaKeywordLine(const QString &raw) {
    QString line = bare(raw).trimmed();
    if (line.startsWith(u'^'))
        line.remove(0, 1);
    while (!line.isEmpty() &&
           (line.back() == u'<' || line.back() == u'=' || line.back() == u'@' || line.back().isSpace()))
        line.chop(1);
    QStringList parts = line.split(u',');
    if (parts.isEmpty() || parts.size() > 3)
        return std::nullopt;
    KeywordLine out;
    static const QRegularExpression number(uR"(^\s*(\d{1,5})\s*$)"_qs);
    if (parts.size() > 1) {
        if (const auto match = number.match(parts.last()); match.hasMatch()) {
            out.wordCount = match.captured(1).toInt();
            parts.removeLast();
        }
    }
    if (parts.size() > 2)
        return std::nullopt;
    out.slug = parts.first().trimmed();
    if (parts.size() == 2) {
        out.take = parts.at(1).trimmed();
        if (out.take.isEmpty() || out.take.split(u' ', Qt::SkipEmptyParts).size() > 4)
            return std::nullopt;
    }
    static const QRegularExpression compact(uR"(^[A-Za-z0-9]+(?:-[A-Za-z0-9.&]*)*-[A-Za-z0-9.&]+$)"_qs);
    static const QRegularExpression desk(
        uR"(^[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*-- ?[\p{L}\d][\p{L}\d .'&/-]{0,60}$)"_qs);
    if (!compact.match(out.slug).hasMatch() && !desk.match(out.slug).hasMatch())
        return std::nullopt;
    if (out.slug.split(u' ', Qt::SkipEmptyParts).size() > 8)
        return std::nullopt;
    return out;
}

QStringList slugKeywords(const QString &slug) {
    QString rest = slug.trimmed();
    static const QRegularExpression cycle(uR"(^(?:AM|PM|BC)-(?=\S))"_qs);
    rest.remove(cycle);
    const qsizetype desk = rest.indexOf(u"--"_qs);
    if (desk >= 0)
        rest = rest.mid(desk + 2);
    QStringList out;
    static const QRegularExpression separators(uR"([/\-]+)"_qs);
    for (const QString &part : rest.split(separators, Qt::SkipEmptyParts)) {
        const QString word = part.simplified();
        if (!word.isEmpty() && !out.contains(word))
            out << word;
    }
    return out;
}

std::optional<TrailerTime> parseTrailerTime(const QString &raw) {
    QString line = bare(raw).trimmed();
    if (line.endsWith(u'<'))
        line.chop(1);
    line = line.trimmed();
    static const QRegularExpression anpa(
        uR"(^(?:([A-Za-z]{1,6})-(?:[A-Za-z]{1,4}-)?)?(\d\d)-(\d\d)-(\d\d) (\d\d)(\d\d) ?([A-Za-z]{1,4})$)"_qs);
    if (const auto m = anpa.match(line); m.hasMatch())
        return timeAt(m.captured(4).toInt(), m.captured(2).toInt(), m.captured(3).toInt(),
                      m.captured(5).toInt(), m.captured(6).toInt(), m.captured(7), m.captured(1));
    static const QRegularExpression canadian(
        uR"(^(\d{1,2}):(\d\d) ?([A-Za-z]{1,4}) (\d\d)-(\d\d)-(\d\d)$)"_qs);
    if (const auto m = canadian.match(line); m.hasMatch())
        return timeAt(m.captured(6).toInt(), m.captured(5).toInt(), m.captured(4).toInt(),
                      m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3), {});
    static const QRegularExpression iptc(
        uR"(^(\d\d)(\d\d)(\d\d)(?: ([A-Za-z]{1,4}))? (\p{L}{3,9})\.? (\d{2}|\d{4})$)"_qs);
    if (const auto m = iptc.match(line); m.hasMatch()) {
        const int month = monthNumber(m.captured(5));
        if (month == 0)
            return std::nullopt;
        return timeAt(m.captured(6).toInt(), month, m.captured(1).toInt(), m.captured(2).toInt(),
                      m.captured(3).toInt(), m.captured(4), {});
    }
    return std::nullopt;
}

bool hasWireFraming(const QByteArray &bytes) {
    const qsizetype n = std::min<qsizetype>(bytes.size(), 64 * 1024);
    qsizetype i = 0;
    while (i < n && i < 4096) {
        const auto c = static_cast<unsigned char>(bytes.at(i));
        if (c != 0 && c != 0x7f && c != 0x16 && c != ' ' && c != '\t' && c != '\r' && c != '\n' && c != '\f')
            break;
        ++i;
    }
    if (i >= n)
        return false;
    const auto first = static_cast<unsigned char>(bytes.at(i));
    if (first != 0x01 && first != 0x02)
        return false;
    bool later = false;
    qsizetype unexpected = 0;
    for (qsizetype j = i + 1; j < n; ++j) {
        const auto c = static_cast<unsigned char>(bytes.at(j));
        if (c >= 0x20)
            continue;
        later = later || (c == 0x02 && first == 0x01) || c == 0x03 || c == 0x04;
        unexpected += isUnexpectedControl(c);
    }
    // Random bytes show these about 3% of the time; real wire copy hardly ever (a stray one or two).
    return later && (unexpected <= 2 || unexpected * 200 <= n - i);
}

QByteArray withoutWirePadding(const QByteArray &bytes) {
    QByteArray out = bytes;
    out.removeIf([](char c) { return c == '\0' || c == '\x7f'; });
    return out;
}

bool looksLikeWireText(const QString &text) {
    const QStringView head = QStringView(text).left(8192);
    qsizetype start = 0;
    while (start < head.size() && (head.at(start).isSpace() || head.at(start) == QChar(Syn) ||
                                   head.at(start).unicode() == 0 || head.at(start).unicode() == 0x7f))
        ++start;
    const qsizetype soh = head.indexOf(QChar(Soh));
    const qsizetype stx = head.indexOf(QChar(Stx));
    if (soh >= 0 && stx > soh)
        return true;
    // As hasWireFraming() judged the bytes: SOH or STX first, the end of text or transmission later.
    if (start < head.size() && (head.at(start) == QChar(Stx) || head.at(start) == QChar(Soh)) &&
        (text.indexOf(QChar(Etx), start) > start || text.indexOf(QChar(Eot), start) > start))
        return true;

    // Framing lost (saved as text, pasted from a terminal): the header lines still show.
    QStringList lines;
    for (const QStringView raw : head.split(u'\n')) {
        const QString line = bare(raw.toString());
        if (!line.trimmed().isEmpty())
            lines << line;
        if (lines.size() >= 14)
            break;
    }
    if (lines.isEmpty())
        return false;
    if (parseIptc7901Header(lines.first())) {
        for (qsizetype i = 1; i < std::min<qsizetype>(lines.size(), 10); ++i)
            if (lines.at(i).trimmed().endsWith(u'='))
                return true;
    }
    if (lines.size() >= 2 && parseAnpaServiceLine(lines.at(0)) && parseAnpaStoryLine(lines.at(1)))
        return true;
    int carets = 0;
    int firstCaret = -1;
    for (int i = 0; i < lines.size(); ++i) {
        const QString line = lines.at(i).trimmed();
        if (line.startsWith(u'^') && (line.endsWith(u'<') || line.endsWith(u'='))) {
            ++carets;
            if (firstCaret < 0)
                firstCaret = i;
        }
    }
    return carets >= 2 && firstCaret <= 3;
}

} // namespace galley::wire
