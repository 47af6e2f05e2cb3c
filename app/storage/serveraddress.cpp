#include "serveraddress.h"

#include <QStringList>
#include <QUrl>

namespace galley {

namespace {

const QString PostgresqlScheme = u"postgresql://"_qs;
const QString PostgresScheme = u"postgres://"_qs;

QString decoded(const QString &part) {
    return QUrl::fromPercentEncoding(part.toUtf8());
}

std::optional<ServerAddress> refuse(const QString &uri, const QString &why, QString *error) {
    if (error)
        *error = u"“%1” is not a library address Galley can use: %2"_qs.arg(uri, why);
    return std::nullopt;
}

QString passwordAdvice() {
    return u"it holds a password. Give the address without it and put the password in ~/.pgpass (or the "
           u"PGPASSWORD environment variable), so it is never stored in Galley's settings."_qs;
}

} // namespace

bool isServerLocation(const QString &location) {
    return location.startsWith(PostgresqlScheme, Qt::CaseInsensitive) ||
           location.startsWith(PostgresScheme, Qt::CaseInsensitive);
}

std::optional<ServerAddress> ServerAddress::parse(const QString &uri, QString *error) {
    if (!isServerLocation(uri))
        return refuse(uri, u"it must start with postgresql://."_qs, error);
    QString rest = uri.mid(uri.indexOf(u"://"_qs) + 3);
    QString query;
    if (const qsizetype mark = rest.indexOf(u'?'); mark >= 0) {
        query = rest.mid(mark + 1);
        rest.truncate(mark);
    }
    const qsizetype slash = rest.indexOf(u'/');
    const QString authority = slash < 0 ? rest : rest.left(slash);
    ServerAddress address;
    address.shown = uri;
    address.database = slash < 0 ? QString() : decoded(rest.mid(slash + 1));

    QString hostPort = authority;
    if (const qsizetype at = authority.lastIndexOf(u'@'); at >= 0) {
        const QString userInfo = authority.left(at);
        if (userInfo.contains(u':'))
            return refuse(uri, passwordAdvice(), error);
        address.user = decoded(userInfo);
        hostPort = authority.mid(at + 1);
    }
    // "[::1]:5432": the brackets keep an IPv6 address's colons apart from the port's.
    QString portText;
    if (hostPort.startsWith(u'[')) {
        const qsizetype close = hostPort.indexOf(u']');
        if (close < 0)
            return refuse(uri, u"the host's “[” has no “]”."_qs, error);
        address.host = hostPort.mid(1, close - 1);
        const QString after = hostPort.mid(close + 1);
        if (after.startsWith(u':'))
            portText = after.mid(1);
    } else if (const qsizetype colon = hostPort.lastIndexOf(u':'); colon >= 0) {
        address.host = decoded(hostPort.left(colon));
        portText = hostPort.mid(colon + 1);
    } else {
        address.host = decoded(hostPort);
    }

    QStringList options;
    for (const QString &pair : query.split(u'&', Qt::SkipEmptyParts)) {
        const qsizetype equals = pair.indexOf(u'=');
        const QString key = decoded(pair.left(equals));
        const QString value = equals < 0 ? QString() : decoded(pair.mid(equals + 1));
        if (key == u"host"_qs)
            address.host = value;
        else if (key == u"port"_qs)
            portText = value;
        else if (key == u"user"_qs)
            address.user = value;
        else if (key == u"dbname"_qs)
            address.database = value;
        else if (key == u"password"_qs)
            return refuse(uri, passwordAdvice(), error);
        else if (key == u"sslmode"_qs || key == u"connect_timeout"_qs || key == u"application_name"_qs ||
                   key == u"options"_qs) {
            // libpq's conninfo takes the value as one word; anything else could smuggle in keywords.
            if (value.isEmpty() || value.contains(u' ') || value.contains(u';') || value.contains(u'\''))
                return refuse(uri, u"the value of “%1” must be one word."_qs.arg(key), error);
            options.append(key + u'=' + value);
        } else {
            return refuse(uri, u"Galley does not know the parameter “%1” (it knows host, port, user, dbname, "
                               u"sslmode, connect_timeout, application_name and options)."_qs.arg(key),
                          error);
        }
    }
    if (!portText.isEmpty()) {
        bool ok = false;
        address.port = portText.toInt(&ok);
        if (!ok || address.port < 1 || address.port > 65535)
            return refuse(uri, u"“%1” is not a port number."_qs.arg(portText), error);
    }
    if (address.database.isEmpty() || address.database.contains(u'/'))
        return refuse(uri, u"it names no database; add one after the host, as in postgresql://ana@db.example/newsroom."_qs,
                      error);
    address.connectOptions = options.join(u';');
    return address;
}

ServerAddress ServerAddress::maintenance() const {
    ServerAddress other = *this;
    other.database = u"postgres"_qs;
    return other;
}

} // namespace galley
