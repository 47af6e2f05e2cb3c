#include "nitfparts.h"

#include "lineshapes.h"

#include <QLocale>
#include <QRegularExpression>
#include <QSet>

namespace galley::nitf {

namespace {

QString lettersKey(const QString &text) {
    QString key;
    key.reserve(text.size());
    for (const QChar c : text)
        if (c.isLetterOrNumber())
            key += c.toLower();
    return key;
}

} // namespace

std::optional<QDateTime> parseDate(QStringView raw) {
    const QString text = raw.trimmed().toString();
    if (text.isEmpty() || text.size() > 64)
        return std::nullopt;
    // NITF 3.1+ recommends YYYYMMDDTHHMMSS-HHMM; agencies also send ISO 8601 extended form.
    static const QRegularExpression iso(
        uR"(^(\d{4})-?(\d{2})-?(\d{2})(?:[T ](\d{2}):?(\d{2})(?::?(\d{2}))?(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$)"_qs);
    const auto m = iso.match(text);
    if (m.hasMatch()) {
        const QDate date(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
        const QTime time(m.captured(4).toInt(), m.captured(5).toInt(), m.captured(6).toInt());
        if (!date.isValid() || !time.isValid())
            return std::nullopt;
        int offset = 0;
        const QString zone = m.captured(7).remove(u':');
        if (!zone.isEmpty() && zone != u"Z") {
            offset = zone.mid(1, 2).toInt() * 3600 + zone.mid(3, 2).toInt() * 60;
            if (zone.front() == u'-')
                offset = -offset;
        }
        return QDateTime(date, time, Qt::OffsetFromUTC, offset).toUTC();
    }
    // "March 2, 2026", "Mar 2, 2026", "2 March 2026" in a story.date without @norm.
    const QLocale c = QLocale::c();
    const QString simple = text.simplified().remove(u'.');
    for (const auto format : {u"MMMM d, yyyy", u"MMM d, yyyy", u"d MMMM yyyy", u"d MMM yyyy"}) {
        const QDate date = c.toDate(simple, QString::fromUtf16(format));
        if (date.isValid())
            return QDateTime(date, QTime(0, 0), Qt::UTC);
    }
    return std::nullopt;
}

QString languageTag(QStringView value) {
    QString tag = value.trimmed().toString().replace(u'_', u'-');
    static const QRegularExpression shape(uR"(^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$)"_qs);
    if (!shape.match(tag).hasMatch())
        return {};
    QStringList parts = tag.split(u'-');
    parts[0] = parts[0].toLower();
    for (qsizetype i = 1; i < parts.size(); ++i) {
        if (parts.at(i).size() == 2)
            parts[i] = parts.at(i).toUpper(); // region
        else if (parts.at(i).size() == 4)
            parts[i] = parts.at(i).left(1).toUpper() + parts.at(i).mid(1).toLower(); // script
        else
            parts[i] = parts.at(i).toLower();
    }
    return parts.join(u'-');
}

bool isEndMark(const QString &raw) {
    const QString text = raw.trimmed();
    if (text.size() > 40)
        return false;
    // Transmission marks: rules, "-30-", "ENDS", "(MORE)"; sign-offs: "/ritzau/", "(NTB)", and the
    // editors' initials AFP and EFE close with ("ab/de/dl/hmw").
    static const QRegularExpression mark(
        uR"(^(?:_{3,}|-{3,}|={3,}|#{3,}|-+ ?30 ?-+|-0-|x{3,}|\(?(?:ends?|more|slutt?|ende)\)?|end of (?:story|item|text)|/[\p{L}.\- ]{2,20}/|\(\p{L}{2,12}\)|[a-z]{1,5}(?:/[a-z]{1,5}){1,8})$)"_qs,
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption);
    // Initials are lower case: "AB/CD" could be a real abbreviation.
    static const QRegularExpression upperInitials(uR"(^[A-Z/]+$)"_qs);
    if (text.contains(u'/') && !text.startsWith(u'/') && upperInitials.match(text).hasMatch())
        return false;
    return mark.match(text).hasMatch();
}

bool isEmbedCode(const QString &raw) {
    const QString text = raw.trimmed();
    static const QRegularExpression code(uR"(^<[a-zA-Z][^>]*>.*</[a-zA-Z]+>$|<script\b|<iframe\b)"_qs,
                                         QRegularExpression::CaseInsensitiveOption);
    return text.startsWith(u'<') && code.match(text).hasMatch();
}

bool isEdsLine(const QString &text) {
    static const QRegularExpression eds(uR"(^\s*(?:Eds?|EDS?)\s*:\s*\S)"_qs);
    return eds.match(text).hasMatch();
}

bool isCopyOf(const QString &a, const QString &b) {
    const QString key = lettersKey(a);
    return !key.isEmpty() && key == lettersKey(b);
}

bool isCapitalsHeading(const QString &raw) {
    const QString text = raw.simplified();
    int letters = 0;
    for (const QChar c : text) {
        if (c.isLower() || c.isDigit())
            return false;
        letters += c.isLetter();
    }
    return letters >= 4 && lineshape::isSubhead(text) && lineshape::wordCount(text) <= 8;
}

bool readsAsClause(const QString &raw) {
    const QString text = raw.simplified();
    const QStringList words = text.split(u' ', Qt::SkipEmptyParts);
    if (words.size() < 4 || words.size() > 45 || text.endsWith(u':'))
        return false;
    int upper = 0;
    int lower = 0;
    for (const QChar c : text) {
        upper += c.isUpper();
        lower += c.isLower();
    }
    if (lower == 0 || upper > lower)
        return false; // "HONDURAS GOVERNMENT STATEMENT": a slug or a label
    if (words.size() >= 5 || QStringLiteral(".!?").contains(text.back()))
        return true;
    // Four words: a clause has a word beyond the small ones in lower case ("Residents asked to
    // vote"); a kicker has not ("Canada and the EU").
    static const QSet<QString> small = {u"a"_qs,  u"an"_qs,   u"the"_qs, u"and"_qs, u"or"_qs,  u"of"_qs,
                                        u"in"_qs, u"on"_qs,   u"at"_qs,  u"to"_qs,  u"for"_qs, u"with"_qs,
                                        u"by"_qs, u"from"_qs, u"vs"_qs,  u"og"_qs,  u"i"_qs,   u"på"_qs,
                                        u"av"_qs, u"und"_qs,  u"der"_qs, u"die"_qs, u"das"_qs, u"et"_qs,
                                        u"le"_qs, u"la"_qs,   u"de"_qs,  u"du"_qs,  u"y"_qs,   u"el"_qs};
    for (const QString &word : words)
        if (word.front().isLower() && !small.contains(word.toLower()))
            return true;
    return false;
}

bool isInitials(const QString &text) {
    static const QRegularExpression initials(uR"(^\s*[a-z]{1,5}(?:\s*/\s*[a-z]{1,5})+\s*$)"_qs);
    return initials.match(text).hasMatch();
}

QString nameCase(const QString &name) {
    bool anyLower = false;
    int letters = 0;
    for (const QChar c : name) {
        anyLower = anyLower || c.isLower();
        letters += c.isLetter();
    }
    if (anyLower || letters < 2)
        return name;
    QString out = name.toLower();
    bool partStart = true;
    for (qsizetype i = 0; i < out.size(); ++i) {
        const QChar c = out.at(i);
        if (c.isLetter() && partStart)
            out[i] = c.toUpper();
        // After a space, hyphen, apostrophe or full stop a new part of the name starts.
        partStart = !c.isLetter() && (c.isSpace() || c == u'-' || c == u'\'' || c == u'\u2019' || c == u'.');
    }
    // "MCDONALD" -> "McDonald"
    static const QRegularExpression mc(uR"(\bMc(\p{Ll})(?=\p{L}))"_qs,
                                       QRegularExpression::UseUnicodePropertiesOption);
    QRegularExpressionMatchIterator it = mc.globalMatch(out);
    while (it.hasNext()) {
        const auto m = it.next();
        out[m.capturedStart(1)] = out.at(m.capturedStart(1)).toUpper();
    }
    return out;
}

namespace {

/// The end of a wire dateline after its place: an optional ", date", an optional agency in
/// parentheses or between slashes, then a dash, an underscore or a colon.
const QString &datelineTail() {
    static const QString tail =
        uR"((?:,[^()/:\x{2013}\x{2014}\-]{1,40}?)?\s*(\([^()]{1,40}\)|/[^/\s][^/]{0,30}/)?\s*\.?\s*(?:--|-|\x{2013}|\x{2014}|_|:)\s+)"_qs;
    return tail;
}

} // namespace

qsizetype repeatedDateline(const QString &paragraph, const QString &place) {
    if (place.trimmed().isEmpty())
        return 0;
    const QRegularExpression shape(u"^\\s*"_qs % QRegularExpression::escape(place.trimmed()) % datelineTail(),
                                   QRegularExpression::CaseInsensitiveOption |
                                       QRegularExpression::UseUnicodePropertiesOption);
    const auto m = shape.match(paragraph);
    if (!m.hasMatch() || m.capturedLength(0) >= paragraph.size())
        return 0;
    return m.capturedLength(0);
}

std::optional<std::pair<QString, qsizetype>> agencyDateline(const QString &paragraph) {
    static const QRegularExpression shape(uR"(^\s*(\p{Lu}[\p{L}'.\-]*(?: \p{Lu}[\p{L}'.\-]*){0,3}))"_qs %
                                              datelineTail(),
                                          QRegularExpression::UseUnicodePropertiesOption);
    const auto m = shape.match(paragraph);
    // Without the agency's name the opening could be anything ("Residents - and ..."); with it,
    // it is the wire's dateline.
    if (!m.hasMatch() || m.captured(2).isEmpty() || m.capturedLength(0) >= paragraph.size())
        return std::nullopt;
    return std::pair{m.captured(1), m.capturedLength(0)};
}

InlineText dropLeading(const InlineText &text, qsizetype count) {
    InlineText out;
    for (const auto &run : text.runs) {
        InlineRun kept = run;
        const qsizetype cut = std::min(count, kept.text.size());
        kept.text.remove(0, cut);
        count -= cut;
        if (out.runs.isEmpty())
            while (!kept.text.isEmpty() && kept.text.front().isSpace())
                kept.text.remove(0, 1);
        if (!kept.text.isEmpty())
            out.runs.append(kept);
    }
    return out.normalized();
}

} // namespace galley::nitf
