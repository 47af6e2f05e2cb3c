#include "chromefilter.h"

#include <QRegularExpression>
#include <QSet>

namespace galley {

namespace {

int wordCount(const QString &line) {
    return int(line.split(u' ', Qt::SkipEmptyParts).size());
}

bool isNavigationBar(const QString &line) {
    // "Home | Mail | Register or Login": three or more short items between bars or bullets.
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

QString chromeReason(const QString &raw) {
    const QString line = raw.simplified();
    if (line.isEmpty())
        return {};
    // Wire copy's header and end lines are transmission chrome, never a section or a headline.
    static const QRegularExpression priority(
        uR"(^(?:(?:URGENT|FLASH|BULLETIN|ROUTINE|PRIORITY|ADVISORY)!?|PRIORITY: ?[A-Z]+)$)"_qs);
    if (priority.match(line).hasMatch())
        return u"wire priority line"_qs;
    static const QRegularExpression slug(uR"(^[A-Z]{2,4}-[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*(?: ?/ ?\S.*)?$)"_qs);
    if (!line.contains(u' ') || line.contains(u'/')) {
        const auto match = slug.match(line);
        if (match.hasMatch() && (line.contains(u'/') || line.count(u'-') >= 2))
            return u"wire slug line"_qs;
    }
    static const QRegularExpression endMark(
        uR"(^(?:ENDS?|-30-|-0-|#{3}|\((?:END|ENDS|MORE)\)|XXX|MORE)$)"_qs);
    if (endMark.match(line).hasMatch())
        return u"wire end mark"_qs;
    if (isNavigationBar(line))
        return u"navigation bar"_qs;

    const QString lower = line.toLower();
    static const QRegularExpression cookie(
        uR"(\bcookies?\b.*\b(use|uses|accept|consent|settings|policy|preferences)\b|\b(use|uses|using|accept|consent)\b.*\bcookies?\b)"_qs);
    if (wordCount(line) <= 80 && cookie.match(lower).hasMatch())
        return u"cookie notice"_qs;
    if (wordCount(line) > 12)
        return {};

    static const QRegularExpression account(
        uR"(\b(sign up|sign in|sign out|log in|log out|login|logout|create an account|have an account|forgot (your )?password|register now|subscribe (now|today|to our)|newsletter|my account)\b)"_qs);
    if (account.match(lower).hasMatch())
        return u"sign-up or login prompt"_qs;
    static const QRegularExpression promo(
        uR"(\b(advertisement|advertise with us|sponsored content|share (this|on|via)|follow us|skip to (main )?content|all rights reserved|click here|read more|most popular|related (stories|articles))\b)"_qs);
    if (promo.match(lower).hasMatch())
        return u"share or advertising line"_qs;
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
