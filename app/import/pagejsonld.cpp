#include "pagejsonld.h"

#include <QJsonArray>
#include <QRegularExpression>

#include <libxml/HTMLparser.h>

namespace galley::jsonld {

/// Most JSON-LD objects read from one page (a page lists its breadcrumbs, pictures, people...).
constexpr int MaxJsonObjects = 2000;

/// Entities a CMS left encoded inside JSON-LD ("Mayor&#8217;s", "&amp;"), and tags in its text.
QString cleanText(QString text) {
    if (text.contains(u'<')) {
        static const QRegularExpression tags(uR"(<[^>]{0,500}>)"_qs);
        text.replace(tags, u" "_qs);
    }
    if (text.contains(u'&')) {
        static const QRegularExpression entity(
            uR"(&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});)"_qs);
        QString out;
        qsizetype last = 0;
        for (auto it = entity.globalMatch(text); it.hasNext();) {
            const auto match = it.next();
            const QString name = match.captured(1);
            QString value;
            if (name.startsWith(u'#')) {
                bool ok = false;
                const uint code = name.startsWith(u"#x"_qs, Qt::CaseInsensitive)
                                      ? name.mid(2).toUInt(&ok, 16)
                                      : name.mid(1).toUInt(&ok, 10);
                if (ok && code > 0 && code <= 0x10FFFF && !(code >= 0xD800 && code <= 0xDFFF))
                    value = QString::fromUcs4(reinterpret_cast<const char32_t *>(&code), 1);
            } else if (const htmlEntityDesc *desc =
                           htmlEntityLookup(reinterpret_cast<const xmlChar *>(name.toUtf8().constData()))) {
                const char32_t code = desc->value;
                value = QString::fromUcs4(&code, 1);
            }
            if (value.isEmpty())
                continue;
            out += QStringView(text).mid(last, match.capturedStart() - last) % value;
            last = match.capturedEnd();
        }
        if (last > 0)
            text = out + QStringView(text).mid(last);
    }
    return text.simplified();
}

QDateTime parseTime(QString text) {
    text = text.trimmed();
    if (text.isEmpty())
        return {};
    // "+0000" offsets and a space for the T are common in page metadata.
    static const QRegularExpression compactOffset(uR"(([+-]\d\d)(\d\d)$)"_qs);
    if (text.size() > 10 && text.at(10) == u' ')
        text[10] = u'T';
    if (text.size() > 19)
        text.replace(compactOffset, u"\\1:\\2"_qs);
    QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!time.isValid()) {
        const QDate date = QDate::fromString(text.left(10), Qt::ISODate);
        if (!date.isValid())
            return {};
        time = QDateTime(date, QTime(0, 0), Qt::UTC);
    }
    // No zone given: taken as UTC, the same on every machine.
    if (time.timeSpec() == Qt::LocalTime)
        time.setTimeSpec(Qt::UTC);
    return time.toUTC();
}

int number(const QJsonValue &value) {
    if (value.isDouble())
        return int(value.toDouble());
    if (value.isString())
        return QStringView(value.toString()).trimmed().toString().remove(u"px"_qs).toInt();
    if (value.isObject())
        return number(value.toObject().value(u"value"_qs));
    return 0;
}

void JsonLd::add(const QJsonValue &value, int line) {
    if (m_objects.size() >= MaxJsonObjects)
        return;
    if (value.isArray()) {
        for (const QJsonValue &item : value.toArray())
            add(item, line);
        return;
    }
    if (!value.isObject())
        return;
    const QJsonObject object = value.toObject();
    if (object.contains(u"@graph"_qs))
        add(object.value(u"@graph"_qs), line);
    if (object.contains(u"@type"_qs)) {
        m_objects.append({object, line});
        const QString id = object.value(u"@id"_qs).toString();
        if (!id.isEmpty() && !m_ids.contains(id))
            m_ids.insert(id, object);
    }
    // A WebPage whose main entity is the article.
    const QJsonValue main = object.value(u"mainEntity"_qs);
    if (main.isObject() || main.isArray())
        add(main, line);
}

QJsonObject JsonLd::resolve(const QJsonValue &value) const {
    const QJsonObject object = value.toObject();
    if (object.size() == 1 && object.contains(u"@id"_qs))
        return m_ids.value(object.value(u"@id"_qs).toString(), object);
    return object;
}

std::optional<std::pair<QJsonObject, int>> JsonLd::article() const {
    static const QStringList news = {u"NewsArticle"_qs,          u"ReportageNewsArticle"_qs,
                                     u"AnalysisNewsArticle"_qs,  u"BackgroundNewsArticle"_qs,
                                     u"OpinionNewsArticle"_qs,   u"ReviewNewsArticle"_qs,
                                     u"AskPublicNewsArticle"_qs, u"LiveBlogPosting"_qs};
    static const QStringList other = {u"Article"_qs,          u"BlogPosting"_qs,        u"Report"_qs,
                                      u"SatiricalArticle"_qs, u"SocialMediaPosting"_qs, u"TechArticle"_qs};
    for (const QStringList *types : {&news, &other})
        for (const auto &[object, line] : m_objects)
            for (const QString &type : typesOf(object))
                if (types->contains(type))
                    return std::pair{object, line};
    return std::nullopt;
}

QStringList JsonLd::typesOf(const QJsonObject &object) {
    const QJsonValue type = object.value(u"@type"_qs);
    QStringList out;
    if (type.isArray()) {
        for (const QJsonValue &item : type.toArray())
            out << item.toString().section(u'/', -1);
    } else {
        out << type.toString().section(u'/', -1);
    }
    return out;
}

QStringList JsonLd::names(const QJsonValue &value) const {
    QStringList out;
    if (value.isArray()) {
        for (const QJsonValue &item : value.toArray())
            out << names(item);
    } else if (value.isString()) {
        out << cleanText(value.toString());
    } else if (value.isObject()) {
        const QJsonObject object = resolve(value);
        const QJsonValue name = object.value(u"name"_qs);
        out << (name.isArray() ? names(name) : QStringList{cleanText(name.toString())});
    }
    out.removeAll(QString());
    return out;
}

PagePicture JsonLd::picture(const QJsonValue &value) const {
    PagePicture out;
    if (value.isArray()) {
        const QJsonArray array = value.toArray();
        return array.isEmpty() ? out : picture(array.first());
    }
    if (value.isString()) {
        out.url = value.toString().trimmed();
        return out;
    }
    const QJsonObject object = resolve(value);
    out.url = object.value(u"url"_qs).toString().trimmed();
    if (out.url.isEmpty())
        out.url = object.value(u"contentUrl"_qs).toString().trimmed();
    out.width = number(object.value(u"width"_qs));
    out.height = number(object.value(u"height"_qs));
    out.caption = cleanText(object.value(u"caption"_qs).toString());
    out.credit = cleanText(object.value(u"creditText"_qs).toString());
    if (out.credit.isEmpty())
        out.credit = names(object.value(u"copyrightHolder"_qs)).value(0);
    if (out.credit.isEmpty())
        out.credit = names(object.value(u"author"_qs)).value(0);
    return out;
}

QString firstText(const QJsonValue &value) {
    if (value.isArray()) {
        for (const QJsonValue &item : value.toArray())
            if (const QString text = firstText(item); !text.isEmpty())
                return text;
        return {};
    }
    if (value.isObject())
        return cleanText(value.toObject().value(u"name"_qs).toString());
    return cleanText(value.toString());
}

QStringList keywordList(const QJsonValue &value) {
    QStringList out;
    if (value.isArray()) {
        for (const QJsonValue &item : value.toArray())
            out << keywordList(item);
    } else {
        for (const QString &part : cleanText(value.toString()).split(u',', Qt::SkipEmptyParts))
            out << part.trimmed();
    }
    out.removeAll(QString());
    return out;
}

bool looksLikeAddress(const QString &text) {
    return text.startsWith(u"http"_qs, Qt::CaseInsensitive) || text.startsWith(u"www."_qs) ||
           text.contains(u"://"_qs);
}

QStringList unique(const QStringList &list) {
    QStringList out;
    for (const QString &item : list) {
        bool seen = false;
        for (const QString &kept : std::as_const(out))
            seen = seen || kept.compare(item, Qt::CaseInsensitive) == 0;
        if (!seen)
            out << item;
    }
    return out;
}

} // namespace galley::jsonld
