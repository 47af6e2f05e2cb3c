#include "htmldocument.h"

#include <libxml/globals.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>

#include <cstring>

namespace galley::htmldoc {

namespace {

bool startsWith(const QByteArray &in, qsizetype at, const char *prefix) {
    const auto length = qsizetype(std::strlen(prefix));
    return at + length <= in.size() && std::memcmp(in.constData() + at, prefix, size_t(length)) == 0;
}

bool startsWithNoCase(const QByteArray &in, qsizetype at, const char *prefix) {
    const auto length = qsizetype(std::strlen(prefix));
    return at + length <= in.size() && qstrnicmp(in.constData() + at, prefix, size_t(length)) == 0;
}

bool isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/// Elements that never nest (void) or whose end tag a page may leave out, so that a page that
/// leaves them open is not counted as deeply nested.
bool isFlatElement(const QByteArray &name) {
    static const QList<QByteArray> flat = {
        "area",  "base",   "br",    "col",   "embed",  "hr",       "img",      "input",   "link", "meta",
        "param", "source", "track", "wbr",   "p",      "li",       "dt",       "dd",      "tr",   "td",
        "th",    "thead",  "tbody", "tfoot", "option", "optgroup", "colgroup", "caption", "html", "head",
        "body",  "rb",     "rt",    "rp",    "o:p",    "basefont", "frame",    "keygen"};
    return flat.contains(name);
}

/// What an <ol> start tag becomes before parsing (see Preparer::startTag()).
constexpr const char *OrderedListMark = "<ul data-galley-ol=\"\"";

/// One pass over the bytes: rewrites Word's conditionals, caps attributes, counts tags and nesting.
class Preparer final {
public:
    explicit Preparer(const QByteArray &in)
        : m_in(in) {}

    bool run(QString *error) {
        m_out.reserve(m_in.size() + 64);
        qsizetype i = skipClipboardHeader();
        const qsizetype n = m_in.size();
        while (i < n) {
            const char *start = m_in.constData() + i;
            const void *found = std::memchr(start, '<', size_t(n - i));
            const qsizetype next = found ? qsizetype(static_cast<const char *>(found) - m_in.constData()) : n;
            copy(i, next);
            i = next;
            if (i >= n)
                break;
            i = markup(i);
            if (!m_error.isEmpty()) {
                if (error)
                    *error = m_error;
                return false;
            }
        }
        return true;
    }

    QByteArray m_out;
    QList<ReaderNote> notes;

private:
    void copy(qsizetype from, qsizetype to) {
        if (to <= from)
            return;
        const char *p = m_in.constData() + from;
        m_line += int(std::count(p, p + (to - from), '\n'));
        m_out.append(p, to - from);
    }

    /// Drops a Windows clipboard header ("Version:0.9 StartHTML:..."), keeping its line breaks.
    qsizetype skipClipboardHeader() {
        if (!startsWith(m_in, 0, "Version:") || !m_in.left(400).contains("StartHTML:"))
            return 0;
        const qsizetype first = m_in.indexOf('<');
        if (first < 0)
            return 0;
        const auto lines = std::count(m_in.constData(), m_in.constData() + first, '\n');
        m_out.append(QByteArray(lines, '\n'));
        m_line += int(lines);
        return first;
    }

    /// Copies through to the end of @p terminator (or the end of input); returns the new position.
    qsizetype copyThrough(qsizetype i, const char *terminator) {
        qsizetype end = m_in.indexOf(terminator, i);
        end = end < 0 ? m_in.size() : end + qsizetype(std::strlen(terminator));
        copy(i, end);
        return end;
    }

    qsizetype markup(qsizetype i) {
        const bool downlevel = startsWith(m_in, i, "<![if ");
        if (downlevel || startsWith(m_in, i, "<!--[if ")) {
            // Word's conditionals whose content a browser shows: only the markers go. Those around
            // list bullets become an mso-list:Ignore span so the bullet is read as a marker.
            const qsizetype close = m_in.indexOf(']', i);
            const bool revealed =
                close >= 0 && (downlevel ? startsWith(m_in, close, "]>") : startsWith(m_in, close, "]-->"));
            if (revealed) {
                const bool listMarker = m_in.mid(i, close - i).contains("!supportLists");
                if (listMarker)
                    m_out.append("<span style=\"mso-list:Ignore\">");
                m_conditionals.append(listMarker);
                return close + (downlevel ? 2 : 4);
            }
        }
        const bool endif = startsWith(m_in, i, "<![endif]>");
        if (endif || startsWith(m_in, i, "<!--[endif]-->")) {
            if (!m_conditionals.isEmpty() && m_conditionals.takeLast())
                m_out.append("</span>");
            return i + (endif ? 10 : 14);
        }
        if (startsWith(m_in, i, "<!--"))
            return copyThrough(i, "-->");
        if (startsWith(m_in, i, "<![CDATA["))
            return copyThrough(i, "]]>");
        if (startsWith(m_in, i, "<!") || startsWith(m_in, i, "<?"))
            return copyThrough(i, ">");
        if (startsWith(m_in, i, "</") && i + 2 < m_in.size() && isAsciiLetter(m_in.at(i + 2)))
            return endTag(i);
        if (i + 1 < m_in.size() && isAsciiLetter(m_in.at(i + 1)))
            return startTag(i);
        copy(i, i + 1);
        return i + 1;
    }

    QByteArray tagName(qsizetype from, qsizetype *end) const {
        qsizetype j = from;
        while (j < m_in.size() && !isSpace(m_in.at(j)) && m_in.at(j) != '>' && m_in.at(j) != '/')
            ++j;
        *end = j;
        return m_in.mid(from, j - from).toLower();
    }

    qsizetype endTag(qsizetype i) {
        qsizetype nameEnd = 0;
        const QByteArray name = tagName(i + 2, &nameEnd);
        if (!isFlatElement(name) && m_depth > 0)
            --m_depth;
        if (name == "ol") {
            m_out.append("</ul");
            return copyThrough(i + 4, ">");
        }
        return copyThrough(i, ">");
    }

    qsizetype startTag(qsizetype i) {
        const int line = m_line;
        if (++m_elements > MaxHtmlElements) {
            m_error = u"The page has more than %L1 elements, far more than a story's page; Galley does not "
                      "import it."_qs.arg(MaxHtmlElements);
            return m_in.size();
        }
        qsizetype j = 0;
        const QByteArray name = tagName(i + 1, &j);
        const qsizetype n = m_in.size();
        if (name == "ol") {
            // libxml2 lets an <ol> start close an open <ul> (and the reverse), which breaks the
            // lists Google Docs nests as siblings (<ul><li>a</li><ol>...</ol></ul>). Every list is a
            // <ul> to the parser; the mark says which were numbered.
            m_out.append(OrderedListMark);
            i += 3;
        }
        int attributes = 0;
        bool selfClosing = false;
        while (j < n && m_in.at(j) != '>') {
            const char c = m_in.at(j);
            if (isSpace(c) || c == '/') {
                selfClosing = c == '/';
                ++j;
                continue;
            }
            selfClosing = false;
            if (attributes == MaxAttributesPerElement) {
                // Keep the tag's first attributes; skip the rest to the tag's end, keeping line breaks.
                copy(i, j);
                qsizetype end = j;
                while (end < n && m_in.at(end) != '>')
                    end = skipAttribute(end);
                const auto lines = std::count(m_in.constData() + j, m_in.constData() + end, '\n');
                m_out.append(QByteArray(lines, '\n'));
                m_line += int(lines);
                notes.append(ReaderNote{ImportChangeKind::RemovedElement,
                                        u"<%1>"_qs.arg(QString::fromUtf8(name)),
                                        {},
                                        u"A <%1> tag has more than %2 attributes; only the first %2 are "
                                        "read."_qs.arg(QString::fromUtf8(name))
                                            .arg(MaxAttributesPerElement),
                                        line});
                i = j = end;
                break;
            }
            ++attributes;
            j = skipAttribute(j);
        }
        const qsizetype end = j < n ? j + 1 : n;
        copy(i, end);
        if (name == "script" || name == "style") {
            // Raw text: "<div" inside a script is not markup.
            const QByteArray close = "</" + name;
            qsizetype k = end;
            while (k < n) {
                const qsizetype at = m_in.indexOf('<', k);
                if (at < 0 || startsWithNoCase(m_in, at, close.constData())) {
                    k = at < 0 ? n : at;
                    break;
                }
                k = at + 1;
            }
            copy(end, k);
            return k;
        }
        if (!selfClosing && !isFlatElement(name) && ++m_depth > MaxHtmlNesting) {
            m_error = u"The page's markup is nested more than %L1 levels deep (from line %2); Galley does "
                      "not import it."_qs.arg(MaxHtmlNesting)
                          .arg(line);
            return n;
        }
        return end;
    }

    /// Skips one attribute (name, optional "= value" quoted or not) starting at @p j.
    qsizetype skipAttribute(qsizetype j) const {
        const qsizetype n = m_in.size();
        const qsizetype start = j;
        while (j < n && !isSpace(m_in.at(j)) && m_in.at(j) != '>' && m_in.at(j) != '=')
            ++j;
        qsizetype k = j;
        while (k < n && isSpace(m_in.at(k)))
            ++k;
        if (k >= n || m_in.at(k) != '=')
            return j == start ? j + 1 : j;
        ++k;
        while (k < n && isSpace(m_in.at(k)))
            ++k;
        if (k < n && (m_in.at(k) == '"' || m_in.at(k) == '\'')) {
            const qsizetype close = m_in.indexOf(m_in.at(k), k + 1);
            return close < 0 ? n : close + 1;
        }
        while (k < n && !isSpace(m_in.at(k)) && m_in.at(k) != '>')
            ++k;
        return k;
    }

    const QByteArray &m_in;
    int m_line = 1;
    int m_elements = 0;
    int m_depth = 0;
    QList<bool> m_conditionals; ///< open revealed conditionals: true for a list marker
    QString m_error;
};

/// libxml2's messages for one parse, collected instead of printed.
struct ParseErrors {
    int fatalLine = 0;
    QString fatalMessage;
};

void collectError(void *context, xmlErrorPtr error) {
    auto *errors = static_cast<ParseErrors *>(context);
    if (!error || error->level != XML_ERR_FATAL || !errors->fatalMessage.isEmpty())
        return;
    errors->fatalLine = error->line;
    errors->fatalMessage = QString::fromUtf8(error->message ? error->message : "").trimmed();
}

/// Routes libxml2's structured errors of this thread to @p errors while alive.
class ErrorScope final {
public:
    explicit ErrorScope(ParseErrors *errors)
        : m_handler(xmlStructuredError)
        , m_context(xmlStructuredErrorContext) {
        xmlSetStructuredErrorFunc(errors, collectError);
    }
    ~ErrorScope() { xmlSetStructuredErrorFunc(m_context, m_handler); }
    Q_DISABLE_COPY_MOVE(ErrorScope)

private:
    xmlStructuredErrorFunc m_handler;
    void *m_context;
};

struct ContextFree {
    void operator()(htmlParserCtxt *context) const { htmlFreeParserCtxt(context); }
};

} // namespace

bool isOrderedList(xmlNode *node) {
    return node && node->type == XML_ELEMENT_NODE &&
           (xmlStrcasecmp(node->name, BAD_CAST "ol") == 0 || xmlHasProp(node, BAD_CAST "data-galley-ol"));
}

std::optional<ParsedHtml> parseHtml(const QByteArray &utf8, QString *error) {
    Preparer preparer(utf8);
    if (!preparer.run(error))
        return std::nullopt;
    const QByteArray &prepared = preparer.m_out;
    auto refuse = [error](const QString &message) -> std::optional<ParsedHtml> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    if (prepared.size() > std::numeric_limits<int>::max())
        return refuse(u"The HTML is too large to read."_qs);

    ParseErrors errors;
    const ErrorScope scope(&errors);
    std::unique_ptr<htmlParserCtxt, ContextFree> context(htmlNewParserCtxt());
    if (!context)
        return refuse(u"The HTML could not be read: Galley ran out of memory."_qs);
    const int options =
        HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET | XML_PARSE_HUGE;
    DocPtr doc(htmlCtxtReadMemory(context.get(), prepared.constData(), int(prepared.size()), "import.html",
                                  "UTF-8", options));
    if (context->disableSAX != 0 || context->errNo == XML_ERR_NO_MEMORY) {
        // The parser gave up part-way: reading on would lose the rest of the page without a word.
        const QString where = errors.fatalLine > 0 ? u" at line %1"_qs.arg(errors.fatalLine) : QString();
        const QString why =
            errors.fatalMessage.isEmpty() ? QString() : u" (libxml2: %1)"_qs.arg(errors.fatalMessage);
        return refuse(u"The HTML could not be read to its end: the parser stopped%1%2."_qs.arg(where, why));
    }
    if (!doc || !xmlDocGetRootElement(doc.get()))
        return refuse(u"The HTML could not be read: it holds no document Galley can parse."_qs);
    return ParsedHtml{std::move(doc), preparer.notes};
}

} // namespace galley::htmldoc
