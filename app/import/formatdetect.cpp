#include "formatdetect.h"

#include "wireformat.h"

#include <QFileInfo>

#include <optional>

namespace galley {

namespace {

/// IPTC 7901 or ANPA-1312 wire copy: by its framing characters, or, when a program dropped them,
/// by its header lines (see wire::looksLikeWireText()).
bool isWireText(const QString &text) {
    return wire::looksLikeWireText(text);
}

const QString NarNamespace = u"http://iptc.org/std/nar/2006-10-01/"_qs;
const QString XhtmlNamespace = u"http://www.w3.org/1999/xhtml"_qs;

/// How far into the text the root element is looked for: past an XML declaration, comments and a
/// DOCTYPE with an internal subset.
constexpr qsizetype RootSearchLength = 64 * 1024;

qsizetype skipSpace(const QString &text, qsizetype at) {
    while (at < text.size() && (text.at(at).isSpace() || text.at(at) == QChar(0xFEFF)))
        ++at;
    return at;
}

/// The root element's start tag as XML shows it.
struct XmlRoot {
    QString qualifiedName;
    QString localName;
    QString namespaceUri;     ///< of its prefix (or the default namespace), from the tag's own xmlns
    bool declared = false;    ///< an XML declaration or DOCTYPE came first
    bool htmlDoctype = false; ///< <!DOCTYPE html ...>: a web page, whatever tag follows
};

/// The root element of @p text when it starts like XML (declaration, comments, DOCTYPE, then a
/// start tag); nullopt otherwise. Reads only the opening, never the whole file.
std::optional<XmlRoot> xmlRoot(const QString &text) {
    XmlRoot root;
    const qsizetype limit = std::min(text.size(), RootSearchLength);
    qsizetype at = skipSpace(text, 0);
    while (at < limit && text.at(at) == u'<') {
        if (text.mid(at, 4) == u"<!--") {
            const qsizetype end = text.indexOf(u"-->"_qs, at + 4);
            if (end < 0)
                return std::nullopt;
            at = skipSpace(text, end + 3);
        } else if (text.mid(at, 2) == u"<?") {
            const qsizetype end = text.indexOf(u"?>"_qs, at + 2);
            if (end < 0)
                return std::nullopt;
            root.declared = true;
            at = skipSpace(text, end + 2);
        } else if (text.mid(at, 9).compare(u"<!DOCTYPE"_qs, Qt::CaseInsensitive) == 0) {
            // An internal subset may hold '>' inside its brackets.
            int brackets = 0;
            qsizetype end = at + 9;
            for (; end < limit; ++end) {
                const QChar c = text.at(end);
                if (c == u'[')
                    ++brackets;
                else if (c == u']')
                    --brackets;
                else if (c == u'>' && brackets <= 0)
                    break;
            }
            if (end >= limit)
                return std::nullopt;
            root.declared = true;
            root.htmlDoctype = text.mid(at + 9, end - at - 9)
                                   .trimmed()
                                   .section(u' ', 0, 0)
                                   .compare(u"html"_qs, Qt::CaseInsensitive) == 0;
            at = skipSpace(text, end + 1);
        } else {
            break;
        }
    }
    if (at >= limit || text.at(at) != u'<')
        return std::nullopt;
    qsizetype end = at + 1;
    while (end < limit && !text.at(end).isSpace() && text.at(end) != u'>' && text.at(end) != u'/')
        ++end;
    root.qualifiedName = text.mid(at + 1, end - at - 1);
    if (root.qualifiedName.isEmpty() ||
        !(root.qualifiedName.front().isLetter() || root.qualifiedName.front() == u'_'))
        return std::nullopt;
    const QString prefix =
        root.qualifiedName.contains(u':') ? root.qualifiedName.section(u':', 0, 0) : QString();
    root.localName = root.qualifiedName.section(u':', -1);
    const qsizetype close = text.indexOf(u'>', end);
    const QString tag = text.mid(end, (close < 0 ? limit : close) - end);
    const QString xmlns = prefix.isEmpty() ? u"xmlns"_qs : u"xmlns:"_qs % prefix;
    for (qsizetype pos = tag.indexOf(xmlns); pos >= 0; pos = tag.indexOf(xmlns, pos + 1)) {
        qsizetype eq = skipSpace(tag, pos + xmlns.size());
        if (eq >= tag.size() || tag.at(eq) != u'=')
            continue;
        const qsizetype quote = skipSpace(tag, eq + 1);
        if (quote >= tag.size() || (tag.at(quote) != u'"' && tag.at(quote) != u'\''))
            continue;
        const qsizetype endQuote = tag.indexOf(tag.at(quote), quote + 1);
        if (endQuote > quote)
            root.namespaceUri = tag.mid(quote + 1, endQuote - quote - 1).trimmed();
        break;
    }
    return root;
}

bool isNewsMlRoot(const QString &name) {
    return name == u"newsItem" || name == u"newsMessage" || name == u"packageItem" ||
           name == u"conceptItem" || name == u"knowledgeItem" || name == u"planningItem" ||
           name == u"catalogItem";
}

/// JSON or XML by content: ninjs (any JSON object or list: the reader refuses JSON that is not
/// ninjs with a sentence), NITF, NewsML-G2 or XHTML by the root element; any other XML goes to the
/// NewsML-G2 reader, which refuses it naming its root. nullopt when the text is neither.
std::optional<ImportFormat> detectStructured(const QString &text) {
    const qsizetype start = skipSpace(text, 0);
    if (start >= text.size())
        return std::nullopt;
    const QChar first = text.at(start);
    if (first == u'{' || first == u'[') {
        // "{\"" or "[{" is JSON; "[Updated 5 pm] Ferry…" is a story.
        const qsizetype next = skipSpace(text, start + 1);
        if (next < text.size()) {
            const QChar c = text.at(next);
            if ((first == u'{' && (c == u'"' || c == u'}')) || (first == u'[' && (c == u'{' || c == u'[')))
                return ImportFormat::Ninjs;
            // ["a", "b"] is JSON too; ["Quoted" headline] is not.
            if (first == u'[' && c == u'"' && text.trimmed().endsWith(u']'))
                return ImportFormat::Ninjs;
        }
        return std::nullopt;
    }
    const auto root = xmlRoot(text);
    if (!root)
        return std::nullopt;
    if (root->htmlDoctype)
        return ImportFormat::Html;
    if (root->localName == u"nitf")
        return ImportFormat::Nitf;
    if (root->localName.compare(u"html"_qs, Qt::CaseInsensitive) == 0 || root->namespaceUri == XhtmlNamespace)
        return ImportFormat::Html;
    if (isNewsMlRoot(root->localName) && (root->namespaceUri.isEmpty() || root->namespaceUri == NarNamespace))
        return ImportFormat::NewsMLG2;
    // Other XML that says it is XML: refused by name, never read as HTML or text. Bare tags without a
    // declaration or namespace are left to the HTML check (a pasted "<p>" fragment).
    if (root->declared || !root->namespaceUri.isEmpty())
        return ImportFormat::NewsMLG2;
    return std::nullopt;
}

} // namespace

ImportFormat detectImportFormat(const QString &text, const QString &sourceName) {
    if (const auto structured = detectStructured(text))
        return *structured;
    const QString head = text.left(4096).trimmed().toLower();
    if (head.contains(u"<nitf"_qs))
        return ImportFormat::Nitf;
    if (head.startsWith(u"<?xml"_qs) && !head.contains(u"<html"_qs))
        return ImportFormat::Nitf; // the reader says plainly when it is not NITF
    if (isWireText(text))
        return ImportFormat::WireText;
    for (const auto tag : {u"<html", u"<body", u"<!doctype html", u"<p>", u"<p ", u"<div", u"<meta", u"<span",
                           u"<h1", u"<article"}) {
        if (head.contains(QStringView(tag)))
            return ImportFormat::Html;
    }
    const QString suffix = QFileInfo(sourceName).suffix().toLower();
    if (suffix == u"nitf" || suffix == u"xml")
        return ImportFormat::Nitf;
    if (suffix == u"html" || suffix == u"htm" || suffix == u"xhtml")
        return ImportFormat::Html;
    return ImportFormat::PlainText;
}

} // namespace galley
