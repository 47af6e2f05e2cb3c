#include "ninjsitem.h"

#include <QCollator>
#include <QJsonArray>
#include <QRegularExpression>

// The pictures of a ninjs item: its own renditions (a picture item) and its associations
// (featuremedia, the pictures a body embeds). Credit and alternative text live in different
// members in different versions and feeds; see credit() and altText().

namespace galley::ninjs {

namespace {

using structured::oneLine;
using structured::Picture;
using structured::Rendition;

bool isLeadName(const QString &name) {
    static const QStringList lead = {u"featuremedia"_qs, u"featureimage"_qs, u"featuredimage"_qs,
                                     u"mainpic"_qs,      u"mainimage"_qs,    u"leadimage"_qs,
                                     u"lead"_qs,         u"main"_qs,         u"primary"_qs};
    return lead.contains(name.toLower());
}

} // namespace

QList<Rendition> Item::renditions() const {
    QList<Rendition> out;
    auto add = [&out](const QString &name, const QJsonObject &o) {
        const Item r(o, {});
        const QString type = r.text(u"contenttype").isEmpty() ? r.text(u"mimetype") : r.text(u"contenttype");
        out.append(Rendition{name, oneLine(r.text(u"href")), oneLine(type), r.value(u"width").toInt(),
                             r.value(u"height").toInt()});
    };
    const QJsonValue renditions = value(u"renditions");
    if (renditions.isObject()) {
        const QJsonObject o = renditions.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            add(it.key(), it.value().toObject());
    } else {
        for (const QJsonValue &entry : renditions.toArray())
            add(entry.toObject().value(u"name"_qs).toString(), entry.toObject());
    }
    return out;
}

QString Item::credit() const {
    QString name;
    for (const auto member : {u"byline", u"by"})
        if (name.isEmpty())
            name = structured::bylineText(text(member));
    const QJsonValue photographer = value(u"photographer");
    if (name.isEmpty())
        name = oneLine(photographer.isObject() ? Item(photographer.toObject(), {}).text(u"name")
                                               : photographer.toString());
    QString creditline = oneLine(text(u"creditline"));
    for (const QJsonValue &entry : value(u"descriptions").toArray()) {
        const Item d(entry.toObject(), {});
        const QString role = d.text(u"role").toLower();
        if (creditline.isEmpty() && (role.endsWith(u"creditline") || role.endsWith(u"credit")))
            creditline = oneLine(d.text(u"value"));
    }
    if (!name.isEmpty() && !creditline.isEmpty() && !name.contains(creditline, Qt::CaseInsensitive))
        return name % u'/' % creditline;
    return name.isEmpty() ? creditline : name;
}

QString Item::altText() const {
    for (const QJsonValue &entry : value(u"descriptions").toArray()) {
        const Item d(entry.toObject(), {});
        const QString role = d.text(u"role").toLower();
        if (role.contains(u"alt") || role.contains(u"accessib"))
            return oneLine(d.text(u"value"));
    }
    for (auto it = m_members.begin(); it != m_members.end(); ++it)
        if (it.key().startsWith(u"description_alt") && !oneLine(it.value().toString()).isEmpty())
            return oneLine(it.value().toString());
    // Superdesk and other 1.x feeds put a picture's alternative text in body_text.
    return oneLine(text(u"body_text"));
}

Picture Item::asPicture() const {
    Picture picture;
    picture.id = oneLine(text(u"uri"));
    picture.name = oneLine(text(u"name"));
    const Field caption = description(true);
    picture.caption = oneLine(caption.contentType.contains(u"html")
                                  ? QString(caption.text).remove(QRegularExpression(u"<[^>]*>"_qs))
                                  : caption.text);
    if (picture.caption.isEmpty())
        picture.caption = headline().text;
    picture.credit = credit();
    picture.altText = altText();
    picture.renditions = renditions();
    picture.line = line(u"renditions"_qs);
    return picture;
}

QList<Picture> Item::pictures(QStringList *notes) const {
    QList<std::pair<QString, QJsonObject>> associations;
    const QJsonValue value = this->value(u"associations");
    if (value.isObject()) {
        const QJsonObject o = value.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            associations.append({it.key(), it.value().toObject()});
        // "editor_2" before "editor_10", as the body places them.
        QCollator collator;
        collator.setNumericMode(true);
        std::stable_sort(associations.begin(), associations.end(), [&](const auto &a, const auto &b) {
            return collator.compare(a.first, b.first) < 0;
        });
    } else {
        for (const QJsonValue &entry : value.toArray())
            associations.append({entry.toObject().value(u"name"_qs).toString(), entry.toObject()});
    }
    std::stable_sort(associations.begin(), associations.end(), [](const auto &a, const auto &b) {
        return isLeadName(a.first) && !isLeadName(b.first);
    });
    QList<Picture> out;
    for (const auto &[name, object] : std::as_const(associations)) {
        const Item associated(object, {});
        if (name.contains(u"logo"_qs, Qt::CaseInsensitive) || associated.text(u"rel").contains(u"logo"_qs)) {
            // A press release's company logo is no picture of the story.
            if (notes)
                notes->append(u"The sender's logo (“%1”) is left out."_qs.arg(name));
            continue;
        }
        if (!associated.isPicture()) {
            if (notes && !object.isEmpty())
                notes->append(u"The associated %1 “%2” is not kept: a story holds text and pictures."_qs.arg(
                    associated.kindName(),
                    associated.headline().text.isEmpty() ? name : associated.headline().text));
            continue;
        }
        Picture picture = associated.asPicture();
        picture.name = name;
        if (picture.id.isEmpty())
            picture.id = name;
        picture.line = line(u"associations"_qs);
        out.append(picture);
    }
    return out;
}

} // namespace galley::ninjs
