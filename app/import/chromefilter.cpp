#include "chromefilter.h"
#include "lineshapes.h"

#include <QRegularExpression>

#include <QSet>
#include <QStringMatcher>
#include <algorithm>

namespace galley {

namespace {

using lineshape::wordCount;

bool isNavigationBar(const QString &line) {
    // "Home | Mail | Register or Login": three or more short items between bars or bullets.
    if (std::none_of(line.cbegin(), line.cend(),
                     [](QChar c) { return c == u'|' || c == u'\u2022' || c == u'\u00B7' || c == u'\u00BB'; }))
        return false;
    static const QRegularExpression separators(uR"(\s*[|•·»]\s*)"_qs);
    const QStringList items = line.split(separators, Qt::SkipEmptyParts);
    if (items.size() < 3)
        return false;
    for (const QString &item : items)
        if (wordCount(item) > 5)
            return false;
    return true;
}

} // namespace

bool isEndOfStoryMark(const QString &raw) {
    // -30-, ###, ENDS, (END), NNNN (the teleprinter's end), with the spacing and dashes pastes give.
    static const QRegularExpression endMark(
        uR"(^(?:[-\x{2013}\x{2014}=]? ?(?:ENDS?|ENDIT|30|0) ?[-\x{2013}\x{2014}=]?|#{3,}|# # #|\((?:END|ENDS)\)|\[(?:END|ENDS)\]|NNNN|XXX)$)"_qs,
        QRegularExpression::CaseInsensitiveOption);
    if (raw.size() > 40)
        return false;
    const QString line = raw.simplified();
    if (line.size() > 12)
        return false;
    const auto match = endMark.match(line);
    // "30" and "0" alone are numbers: only with their dashes ("-30-", "— 30 —") are they marks.
    return match.hasMatch() && (line.contains(u'-') || line.contains(u'\u2013') || line.contains(u'\u2014') ||
                                line.contains(u'=') || !line.front().isDigit());
}

bool isContinuationMark(const QString &raw) {
    static const QRegularExpression more(uR"(^(?:MORE|\(MORE\)|-MORE-|- MORE -)$)"_qs);
    return raw.size() <= 40 && more.match(raw.simplified()).hasMatch();
}

QString chromeReason(const QString &raw) {
    // Chrome is a short line or a notice: a long paragraph is story text, and the patterns below
    // need not look at it whole.
    if (raw.size() > 4000)
        return {};
    // Readers give collapsed text already; simplify only when needed.
    bool simple = !raw.isEmpty() && !raw.front().isSpace() && !raw.back().isSpace();
    for (qsizetype i = 1; simple && i < raw.size(); ++i)
        simple = !(raw.at(i).isSpace() && (raw.at(i) != u' ' || raw.at(i - 1).isSpace()));
    const QString line = simple ? raw : raw.simplified();
    if (line.isEmpty())
        return {};
    const int words = wordCount(line);
    // Wire copy's header and end lines are transmission chrome, never a section or a headline.
    static const QRegularExpression priority(
        uR"(^(?:(?:URGENT|FLASH|BULLETIN|ROUTINE|PRIORITY|ADVISORY)!?|PRIORITY: ?[A-Z]+)$)"_qs);
    if (words <= 2 && priority.match(line).hasMatch())
        return u"wire priority line"_qs;
    static const QRegularExpression slug(uR"(^[A-Z]{2,4}-[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*(?: ?/ ?\S.*)?$)"_qs);
    if (line.size() <= 200 && line.at(0).isUpper() && (words == 1 || line.contains(u'/'))) {
        const auto match = slug.match(line);
        if (match.hasMatch() && (line.contains(u'/') || line.count(u'-') >= 2))
            return u"wire slug line"_qs;
    }
    if (line.size() <= 12 && (isEndOfStoryMark(line) || isContinuationMark(line)))
        return u"wire end mark"_qs;
    static const QRegularExpression separator(uR"(^(?:_{3,}|={3,})$)"_qs);
    if (words == 1 && separator.match(line).hasMatch())
        return u"wire separator line"_qs;
    if (isNavigationBar(line))
        return u"navigation bar"_qs;
    if (words > 80)
        return {};
    static const QStringMatcher cookieWord(u"cookie"_qs, Qt::CaseInsensitive);
    const bool cookies = cookieWord.indexIn(line) >= 0;
    if (words > 12 && !cookies)
        return {};

    const QString lower = line.toLower();
    static const QRegularExpression cookie(
        uR"(\bcookies?\b.*\b(use|uses|accept|consent|settings|policy|preferences)\b|\b(use|uses|using|accept|consent)\b.*\bcookies?\b)"_qs);
    if (cookies && cookie.match(lower).hasMatch())
        return u"cookie notice"_qs;
    if (words > 12)
        return {};

    static const QRegularExpression account(
        uR"(\b(sign up|sign in|sign out|log in|log out|login|logout|create an account|have an account|forgot (your )?password|register now|subscribe (now|today|to our)|newsletter|my account)\b)"_qs);
    if (account.match(lower).hasMatch())
        return u"sign-up or login prompt"_qs;
    static const QRegularExpression promo(
        uR"(\b(advertisement|advertise with us|sponsored( content)?|share (this|on|via)|follow us|skip to (main )?content|all rights reserved|click here|read more|most (popular|read|viewed|shared|watched)|related (stories|articles|topics|content|coverage|links)|more on this story|you (may|might) also like|recommended (for you|stories|articles|reading)|top stories|around the web|(view|show|hide) comments|leave a comment)\b)"_qs);
    if (promo.match(lower).hasMatch())
        return u"share or advertising line"_qs;
    // "Published 2 hours ago", "Updated: 14 May 2024, 09:12": the page's own time stamps.
    static const QRegularExpression stamp(
        uR"(^(published|updated|posted|last updated|first published|modified)( on| at)?:? .{0,50}(\d|\bago\b|\byesterday\b|\btoday\b)[^.!?]*$)"_qs);
    if (words <= 10 && stamp.match(lower).hasMatch())
        return u"publication time line"_qs;
    static const QSet<QString> single = {
        u"share"_qs,    u"tweet"_qs,       u"email"_qs,    u"print"_qs,     u"ad"_qs,        u"comments"_qs,
        u"menu"_qs,     u"search"_qs,      u"home"_qs,     u"subscribe"_qs, u"register"_qs,  u"close"_qs,
        u"facebook"_qs, u"twitter"_qs,     u"whatsapp"_qs, u"linkedin"_qs,  u"copy link"_qs, u"more"_qs,
        u"top"_qs,      u"back to top"_qs, u"x"_qs,
    };
    QString bare = lower;
    while (!bare.isEmpty() && !bare.back().isLetterOrNumber())
        bare.chop(1);
    if (single.contains(bare))
        return u"share or advertising line"_qs;
    return {};
}

} // namespace galley
