#include "linkpolicy.h"

#include <QRegularExpression>
#include <QUrl>
#include <QUrlQuery>

namespace galley {

bool isSafeLinkUrl(const QString &url) {
    const QString trimmed = url.trimmed();
    if (trimmed.isEmpty())
        return false;
    for (const QChar c : trimmed)
        if (c.isSpace() || c.category() == QChar::Other_Control || c.category() == QChar::Other_Format)
            return false;
    const QUrl parsed(trimmed, QUrl::StrictMode);
    if (!parsed.isValid())
        return false;
    const QString scheme = parsed.scheme(); // QUrl lower-cases it, so "JaVaScRiPt:" is caught too
    if (scheme == u"http" || scheme == u"https")
        return !parsed.host().isEmpty();
    if (scheme == u"mailto")
        return !parsed.path().isEmpty();
    return false;
}

QString redirectTarget(const QString &url) {
    const QUrl parsed(url.trimmed(), QUrl::TolerantMode);
    const QString scheme = parsed.scheme();
    if (!parsed.isValid() || (scheme != u"http" && scheme != u"https"))
        return {};
    const QString host = parsed.host().toLower();
    const QString path = parsed.path();
    QStringList keys;
    // Google's own domains only: google.com, www.google.co.uk, google.de, google.com.au.
    static const QRegularExpression googleHost(QStringLiteral(R"(^(www\.)?google\.(com|[a-z]{2}|com?\.[a-z]{2})$)"));
    if (googleHost.match(host).hasMatch() && path == u"/url")
        keys = {u"q"_qs, u"url"_qs};
    else if ((host == u"l.facebook.com" || host == u"lm.facebook.com") && path == u"/l.php")
        keys = {u"u"_qs};
    else if (host.endsWith(u".safelinks.protection.outlook.com"_qs))
        keys = {u"url"_qs};
    else if ((host == u"www.youtube.com" || host == u"youtube.com") && path == u"/redirect")
        keys = {u"q"_qs};
    else
        return {};
    const QUrlQuery query(parsed);
    for (const QString &key : std::as_const(keys)) {
        const QString value = query.queryItemValue(key, QUrl::FullyDecoded).trimmed();
        if (value.isEmpty())
            continue;
        const QString target = QUrl(value, QUrl::TolerantMode).toString(QUrl::FullyEncoded);
        if (isSafeLinkUrl(target))
            return target;
    }
    return {};
}

} // namespace galley
