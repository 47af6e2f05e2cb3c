#include "ninjsitem.h"

#include <QJsonArray>

namespace galley::ninjs {

namespace {

/// A subject object with rel "section": Galley's ninjs export carries the story's section so.
bool isSectionSubject(const QJsonValue &subject) {
    return subject.isObject() && subject.toObject().value(u"rel"_qs).toString().trimmed().compare(
                                     u"section"_qs, Qt::CaseInsensitive) == 0;
}

using structured::oneLine;
using structured::Picture;
using structured::Rendition;

/// Member names that a ninjs object has and other JSON rarely does together.
bool looksLikeNinjs(const QJsonObject &object) {
    bool uri = false;
    bool itemish = false;
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString key = it.key().toLower();
        if (key == u"headline" || key == u"headlines" || key == u"bodies" || key.startsWith(u"body_") ||
            key.startsWith(u"headline_"))
            return true;
        if ((key == u"$standard" || key == u"standard") &&
            it.value().toObject().value(u"name"_qs).toString().contains(u"ninjs"_qs, Qt::CaseInsensitive))
            return true;
        if ((key == u"$schema" || key == u"$id") &&
            it.value().toString().contains(u"ninjs"_qs, Qt::CaseInsensitive))
            return true;
        uri = uri || key == u"uri" || key == u"guid";
        itemish = itemish || key == u"type" || key == u"versioncreated" || key == u"firstcreated" ||
                  key == u"pubstatus" || key == u"renditions" || key == u"descriptions" ||
                  key.startsWith(u"description_");
    }
    return uri && itemish;
}

/// The input line of every member of each object at nesting @p depth (1: the top-level object), in
/// the order the objects open; names lowercased, the first occurrence kept.
QList<QHash<QString, int>> memberLines(const QString &json, int depth) {
    QList<QHash<QString, int>> out;
    QList<QChar> stack;
    bool expectKey = false;
    int line = 1;
    const qsizetype size = json.size();
    for (qsizetype i = 0; i < size; ++i) {
        const QChar c = json.at(i);
        if (c == u'\n') {
            ++line;
        } else if (c == u'"') {
            const qsizetype start = i + 1;
            const int startLine = line;
            for (++i; i < size && json.at(i) != u'"'; ++i) {
                if (json.at(i) == u'\\')
                    ++i;
                else if (json.at(i) == u'\n')
                    ++line;
            }
            if (expectKey && stack.size() == depth && !out.isEmpty()) {
                const QString key = json.mid(start, i - start).toLower();
                if (!out.last().contains(key))
                    out.last().insert(key, startLine);
            }
            expectKey = false;
        } else if (c == u'{') {
            stack.append(c);
            expectKey = true;
            if (stack.size() == depth)
                out.append(QHash<QString, int>());
        } else if (c == u'[') {
            stack.append(c);
        } else if (c == u'}' || c == u']') {
            if (!stack.isEmpty())
                stack.removeLast();
        } else if (c == u',') {
            expectKey = !stack.isEmpty() && stack.last() == u'{';
        }
    }
    return out;
}

} // namespace

Item::Item(const QJsonObject &object, QHash<QString, int> lines)
    : m_lines(std::move(lines)) {
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString key = it.key().toLower();
        if (!m_members.contains(key))
            m_members.insert(key, it.value());
    }
}

QJsonValue Item::value(QStringView name) const {
    return m_members.value(name.toString().toLower(), QJsonValue(QJsonValue::Undefined));
}

QString Item::text(QStringView name) const {
    const QJsonValue v = value(name);
    if (v.isString())
        return v.toString();
    if (v.isDouble())
        return QString::number(v.toDouble());
    return {};
}

int Item::line(const QString &name) const {
    const QString key = name.toLower().section(u'[', 0, 0);
    return m_lines.value(key, m_lines.value(u"uri"_qs, 0));
}

QString Item::kindName() const {
    const QString type = oneLine(text(u"type")).toLower();
    if (!type.isEmpty())
        return type;
    const QString mime = text(u"mimetype").isEmpty() ? text(u"contenttype") : text(u"mimetype");
    if (mime.startsWith(u"image/"_qs, Qt::CaseInsensitive))
        return u"picture"_qs;
    return u"text"_qs;
}

bool Item::isPicture() const {
    const QString kind = kindName();
    return kind == u"picture" || kind == u"graphic";
}

bool Item::isMedia() const {
    const QString kind = kindName();
    return kind == u"video" || kind == u"audio" || kind == u"event" || kind == u"planning";
}

Field Item::headline() const {
    if (const QString h = oneLine(text(u"headline")); !h.isEmpty())
        return {h, u"headline"_qs, {}};
    if (const QString h = oneLine(text(u"headline_main")); !h.isEmpty())
        return {h, u"headline_main"_qs, {}};
    // ninjs 1.0's draft examples write "headline": [{"name": "main", "text": "…"}].
    const bool draftList = value(u"headline").isArray();
    const QJsonArray headlines = draftList ? value(u"headline").toArray() : value(u"headlines").toArray();
    std::optional<Field> first;
    for (const QJsonValue &entry : headlines) {
        const Item h(entry.toObject(), {});
        const QString role = (h.text(u"role").isEmpty() ? h.text(u"name") : h.text(u"role")).toLower();
        const Field field{oneLine(h.text(u"value").isEmpty() ? h.text(u"text") : h.text(u"value")),
                          draftList ? u"headline"_qs : u"headlines"_qs, h.text(u"contenttype")};
        if (field.text.isEmpty() || role.contains(u"sub"))
            continue;
        if (role.isEmpty() || role == u"main" || role.endsWith(u":main") || role == u"simple")
            return field;
        if (!first)
            first = field;
    }
    if (first)
        return *first;
    if (const QString t = oneLine(text(u"title")); !t.isEmpty())
        return {t, u"title"_qs, {}};
    return {};
}

Field Item::subheadline() const {
    for (const QJsonValue &entry : value(u"headlines").toArray()) {
        const QJsonObject o = entry.toObject();
        if (o.value(u"role"_qs).toString().contains(u"sub"_qs, Qt::CaseInsensitive))
            if (const QString h = oneLine(o.value(u"value"_qs).toString()); !h.isEmpty())
                return {h, u"headlines"_qs, {}};
    }
    for (auto it = m_members.begin(); it != m_members.end(); ++it)
        if (it.key().startsWith(u"headline_sub") && !oneLine(it.value().toString()).isEmpty())
            return {oneLine(it.value().toString()), it.key(), {}};
    return {};
}

Field Item::description(bool caption) const {
    // 2.x/3.x: descriptions[] with roles. A summary role first; a picture wants its caption.
    const QStringList wanted =
        caption ? QStringList{u"caption"_qs, u"text"_qs, u""_qs, u"summary"_qs}
                : QStringList{u"summary"_qs, u"abstract"_qs, u"teaser"_qs, u"standfirst"_qs,
                              u"lead"_qs,    u"ingress"_qs,  u"text"_qs,   u""_qs};
    const QJsonArray descriptions = value(u"descriptions").toArray();
    for (const QString &role : wanted) {
        std::optional<Field> html;
        for (const QJsonValue &entry : descriptions) {
            const Item d(entry.toObject(), {});
            const QString r = d.text(u"role").toLower().section(u':', -1);
            if (r != role || d.text(u"value").trimmed().isEmpty())
                continue;
            const Field field{d.text(u"value"), u"descriptions"_qs, d.text(u"contenttype")};
            if (field.contentType.contains(u"html"_qs, Qt::CaseInsensitive) ||
                field.contentType.contains(u"xml"))
                html = html.value_or(field);
            else
                return field;
        }
        if (html)
            return *html;
    }
    // 1.x: description_text, description_caption..., description_html; "summary" from some feeds.
    const QStringList members =
        caption
            ? QStringList{u"description_caption"_qs, u"description_text"_qs,  u"description_caption_xhtml"_qs,
                          u"description_html"_qs,    u"description_xhtml"_qs, u"description_richtext"_qs}
            : QStringList{u"description_summary"_qs, u"description_text"_qs,  u"summary"_qs,
                          u"description_html"_qs,    u"description_xhtml"_qs, u"description_richtext"_qs};
    for (const QString &member : members)
        if (const QString t = text(member); !t.trimmed().isEmpty())
            return {t, member,
                    member.contains(u"html") || member.contains(u"rich") ? u"text/html"_qs : QString()};
    return {};
}

QString Item::bylineMember() const {
    for (const auto name : {u"byline", u"by", u"bylines", u"people"})
        if (!value(name).isUndefined())
            return QString::fromUtf16(name);
    return {};
}

/// The people an item relates as its authors, in the file's order, with a title when one is given.
QList<Byline> Item::authors() const {
    QList<Byline> out;
    for (const QJsonValue &entry : value(u"people").toArray()) {
        const Item p(entry.toObject(), {});
        const QString rel = p.text(u"rel").toLower();
        if (!(rel.endsWith(u"author") || rel.endsWith(u"creator") || rel.endsWith(u"byline") ||
              rel.endsWith(u"writer") || rel.endsWith(u"reporter")))
            continue;
        QString title = oneLine(p.text(u"title").isEmpty() ? p.text(u"jobtitle") : p.text(u"title"));
        if (title.isEmpty() && !p.text(u"role").contains(u':') && !p.text(u"role").contains(u'/'))
            title = oneLine(p.text(u"role"));
        if (const QString name = oneLine(p.text(u"name")); !name.isEmpty())
            out.append(Byline{name, title});
    }
    return out;
}

QList<Byline> Item::bylines() const {
    QList<Byline> out;
    // ninjs 2.x people cannot hold a job title, so Galley's export writes "Name, Title; Name" in
    // `by` beside people naming the same authors: when the names agree one for one, the titles
    // are read from `by` (a feed's own "By Ann Lee, AP" stays one byline as before).
    if (const QList<Byline> people = authors(); !people.isEmpty()) {
        const QList<Byline> typed = bylinesFromText(text(u"by"));
        bool same = typed.size() == people.size();
        for (qsizetype i = 0; same && i < typed.size(); ++i)
            same = typed.at(i).name == people.at(i).name;
        if (same)
            return typed;
    }
    for (const auto name : {u"byline", u"by"})
        if (const QString by = structured::bylineText(text(name)); !by.isEmpty())
            return {Byline{by, {}}};
    for (const QJsonValue &entry : value(u"bylines").toArray()) {
        if (entry.isString()) {
            if (const QString by = structured::bylineText(entry.toString()); !by.isEmpty())
                out.append(Byline{by, {}});
            continue;
        }
        const Item b(entry.toObject(), {});
        const QString by = structured::bylineText(b.text(u"by").isEmpty() ? b.text(u"name") : b.text(u"by"));
        const QString title = oneLine(b.text(u"title").isEmpty() ? b.text(u"jobtitle") : b.text(u"title"));
        if (!by.isEmpty())
            out.append(Byline{by, title});
    }
    if (!out.isEmpty())
        return out;
    return authors();
}

Body Item::body(QStringList *notes) const {
    auto kindOf = [](const QString &contentType, const QString &value) {
        const QString type = contentType.toLower();
        const QString start = value.left(200).trimmed().toLower();
        if (type.contains(u"nitf") || start.startsWith(u"<nitf") || start.contains(u"<nitf "))
            return std::optional(BodyKind::Nitf);
        if (type.contains(u"html"))
            return std::optional(BodyKind::Html);
        if (type.contains(u"xml"))
            return std::optional<BodyKind>(); // another agency's own XML (TT's TTNITF): not read
        if (start.startsWith(u'<') && value.contains(u'>'))
            return std::optional(BodyKind::Html);
        return std::optional(BodyKind::Text);
    };
    QList<Body> candidates;
    // ninjs 1.0's draft examples write "body": [{"name": "xhtml", "value": "…"}]: the name says the
    // kind.
    const bool draftList = value(u"body").isArray();
    const QJsonArray bodies = draftList ? value(u"body").toArray() : value(u"bodies").toArray();
    for (const QJsonValue &entry : bodies) {
        const Item b(entry.toObject(), {});
        const QString value = b.text(u"value");
        if (value.trimmed().isEmpty())
            continue;
        const QString role = b.text(u"role").isEmpty() ? b.text(u"name") : b.text(u"role");
        QString type = b.text(u"contenttype").isEmpty() ? b.text(u"mimetype") : b.text(u"contenttype");
        if (type.isEmpty() && draftList) {
            const QString name = role.toLower();
            type = name.contains(u"html") ? u"text/html"_qs : name.contains(u"nitf") ? u"nitf"_qs : QString();
        }
        if (const auto kind = kindOf(type, value))
            candidates.append(
                Body{u"%1[%2]"_qs.arg(draftList ? u"body"_qs : u"bodies"_qs, role.isEmpty() ? type : role),
                     value, *kind});
    }
    // 1.x: body_html, body_xhtml, body_text and other body_* members (sorted for a stable choice).
    QStringList names = m_members.keys();
    names.sort();
    for (const QString &name : std::as_const(names)) {
        if (!name.startsWith(u"body_"))
            continue;
        const QString value = m_members.value(name).toString();
        if (value.trimmed().isEmpty())
            continue;
        const bool markup = name.contains(u"html") || name.contains(u"rich");
        if (const auto kind =
                kindOf(markup ? u"text/html"_qs : (name.contains(u"nitf") ? u"nitf"_qs : QString()), value))
            candidates.append(Body{name, value, *kind});
    }
    for (const BodyKind kind : {BodyKind::Html, BodyKind::Nitf, BodyKind::Text}) {
        for (const Body &candidate : std::as_const(candidates)) {
            if (candidate.kind != kind)
                continue;
            if (notes && bodies.size() > 1)
                notes->append(u"The item carries %1 versions of its body; Galley read “%2”."_qs.arg(
                    QString::number(bodies.size()), candidate.member));
            return candidate;
        }
    }
    return {};
}

QString Item::agency() const {
    for (const auto name : {u"source", u"provider", u"copyrightholder"}) {
        const QJsonValue v = value(name);
        QString text = v.isObject() ? Item(v.toObject(), {}).text(u"name") : v.toString();
        if (text.isEmpty() && v.isObject())
            text = structured::nameFromCode(Item(v.toObject(), {}).text(u"uri"));
        if (!oneLine(text).isEmpty())
            return oneLine(text);
    }
    return {};
}

QString Item::originalId() const {
    if (const QString guid = oneLine(text(u"guid")); !guid.isEmpty())
        return guid;
    const QJsonValue altids = value(u"altids");
    if (altids.isObject())
        if (const QString id = oneLine(Item(altids.toObject(), {}).text(u"itemid")); !id.isEmpty())
            return id;
    return oneLine(text(u"uri"));
}

QStringList Item::keywords() const {
    QStringList out;
    auto add = [&out](const QString &raw) {
        const QString keyword = oneLine(raw);
        if (!keyword.isEmpty() && !out.contains(keyword, Qt::CaseInsensitive))
            out << keyword;
    };
    for (const QJsonValue &k : value(u"keywords").toArray())
        add(k.toString());
    for (const auto name : {u"subject", u"subjects"})
        for (const QJsonValue &s : value(name).toArray())
            if (!isSectionSubject(s))
                add(s.isString() ? s.toString() : s.toObject().value(u"name"_qs).toString());
    return out;
}

QString Item::section() const {
    for (const auto name : {u"subject", u"subjects"})
        for (const QJsonValue &s : value(name).toArray())
            if (isSectionSubject(s))
                return oneLine(s.toObject().value(u"name"_qs).toString());
    return {};
}

int Item::priority() const {
    for (const auto name : {u"urgency", u"priority"}) {
        const QJsonValue v = value(name);
        const int n = v.isDouble() ? v.toInt() : v.toString().trimmed().toInt();
        if (n >= 1 && n <= 9)
            return n;
    }
    return 0;
}

Found findItems(const QJsonDocument &document, const QString &json) {
    Found found;
    if (document.isArray()) {
        const QJsonArray array = document.array();
        const auto lines = memberLines(json, 2);
        qsizetype objectIndex = 0;
        for (const QJsonValue &entry : array) {
            if (!entry.isObject())
                continue;
            const QHash<QString, int> itemLines = lines.value(objectIndex++);
            if (looksLikeNinjs(entry.toObject()))
                found.items.append(Item(entry.toObject(), itemLines));
        }
        if (found.items.isEmpty())
            found.error =
                u"The file is JSON but not ninjs: it holds a list of %1 values, none of them a news item."_qs
                    .arg(array.size());
        return found;
    }
    const QJsonObject root = document.object();
    if (looksLikeNinjs(root)) {
        found.items.append(Item(root, memberLines(json, 1).value(0)));
        return found;
    }
    // An API's envelope around the item: {"data": {"item": {...}}}, {"items": [...]}.
    QList<QJsonValue> level{QJsonValue(root)};
    for (int depth = 0; depth < 3 && found.items.isEmpty(); ++depth) {
        QList<QJsonValue> next;
        for (const QJsonValue &v : std::as_const(level)) {
            const QJsonObject o = v.toObject();
            for (auto it = o.begin(); it != o.end(); ++it) {
                if (it.value().isObject() && looksLikeNinjs(it.value().toObject()))
                    found.items.append(Item(it.value().toObject(), {}));
                for (const QJsonValue &entry : it.value().toArray())
                    if (entry.isObject() && looksLikeNinjs(entry.toObject()))
                        found.items.append(Item(entry.toObject(), {}));
                if (it.value().isObject())
                    next.append(it.value());
            }
        }
        level = next;
    }
    if (found.items.isEmpty())
        found.error = u"The file is JSON but not ninjs: it has no headline or body."_qs;
    return found;
}

} // namespace galley::ninjs
