#include "htmlnodes.h"

#include <QRegularExpression>

namespace galley::htmlnodes {

QString attribute(xmlNode *node, const char *name) {
    xmlChar *value = xmlGetProp(node, reinterpret_cast<const xmlChar *>(name));
    if (!value)
        return {};
    const QString out = QString::fromUtf8(reinterpret_cast<const char *>(value));
    xmlFree(value);
    return out;
}

QString styleOf(xmlNode *node) {
    QString style = attribute(node, "style").toLower();
    style.remove(u' ');
    return style;
}

const QSet<QString> &skippedElements() {
    // Not text a reader sees.
    static const QSet<QString> names = {u"script"_qs,   u"style"_qs,  u"noscript"_qs, u"template"_qs,
                                        u"svg"_qs,      u"iframe"_qs, u"head"_qs,     u"object"_qs,
                                        u"embed"_qs,    u"canvas"_qs, u"video"_qs,    u"audio"_qs,
                                        u"textarea"_qs, u"select"_qs, u"input"_qs};
    return names;
}

const QSet<QString> &chromeElements() {
    static const QSet<QString> names = {u"nav"_qs,    u"footer"_qs, u"aside"_qs, u"form"_qs,
                                        u"button"_qs, u"menu"_qs,   u"dialog"_qs};
    return names;
}

const QSet<QString> &blockElements() {
    static const QSet<QString> names = {
        u"p"_qs,       u"div"_qs,        u"h1"_qs,      u"h2"_qs,      u"h3"_qs,    u"h4"_qs,
        u"h5"_qs,      u"h6"_qs,         u"li"_qs,      u"ul"_qs,      u"ol"_qs,    u"blockquote"_qs,
        u"figure"_qs,  u"figcaption"_qs, u"caption"_qs, u"pre"_qs,     u"dt"_qs,    u"dd"_qs,
        u"dl"_qs,      u"td"_qs,         u"th"_qs,      u"tr"_qs,      u"table"_qs, u"section"_qs,
        u"article"_qs, u"header"_qs,     u"main"_qs,    u"address"_qs, u"hr"_qs,    u"body"_qs,
        u"html"_qs,    u"nav"_qs,        u"footer"_qs,  u"aside"_qs,   u"form"_qs,  u"center"_qs,
        u"title"_qs,   u"button"_qs,
    };
    return names;
}

/// Class names web pages give the standfirst under the headline.
bool isDeckClass(const QString &className) {
    static const QRegularExpression deck(
        uR"((^|[\s_-])(standfirst|dek|deck|strapline|subtitle|summary)($|[\s_-]))"_qs,
        QRegularExpression::CaseInsensitiveOption);
    return !className.isEmpty() && deck.match(className).hasMatch();
}

QString nameOf(const xmlNode *node) {
    if (!node || node->type != XML_ELEMENT_NODE || !node->name)
        return {};
    return QString::fromUtf8(reinterpret_cast<const char *>(node->name)).toLower();
}

bool isElement(const xmlNode *node, const char *name) {
    return node && node->type == XML_ELEMENT_NODE && node->name &&
           xmlStrcasecmp(node->name, reinterpret_cast<const xmlChar *>(name)) == 0;
}

QString classAndId(xmlNode *node) {
    const QString className = attribute(node, "class");
    const QString id = attribute(node, "id");
    if (id.isEmpty())
        return className.toLower();
    return (className % u' ' % id).toLower();
}

QString nodeText(const xmlNode *node) {
    return node && node->content ? QString::fromUtf8(reinterpret_cast<const char *>(node->content))
                                 : QString();
}

QString textOf(xmlNode *node) {
    QString out;
    traverse(
        node,
        [&out](xmlNode *n) {
            if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
                out += nodeText(n);
                return false;
            }
            if (n->type != XML_ELEMENT_NODE)
                return false;
            if (skippedElements().contains(nameOf(n)))
                return false;
            // Blocks and breaks separate words.
            if (isElement(n, "br") || blockElements().contains(nameOf(n)))
                out += u' ';
            return true;
        },
        [](xmlNode *) {});
    return out.simplified();
}

} // namespace galley::htmlnodes
