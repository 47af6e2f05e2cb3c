#include "xmlguard.h"

#include "importlimits.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>

#include <libxml/HTMLparser.h>

namespace galley {

namespace {

bool isNameStart(QChar c) {
    return c.isLetter() || c == u'_' || c == u':';
}

bool isNameChar(QChar c) {
    return c.isLetterOrNumber() || c == u'_' || c == u':' || c == u'-' || c == u'.';
}

bool isDigit(QChar c, bool hex) {
    const char16_t u = c.unicode();
    return (u >= u'0' && u <= u'9') || (hex && ((u >= u'a' && u <= u'f') || (u >= u'A' && u <= u'F')));
}

/// The code point HTML 4 gives the entity @p name, or 0.
uint htmlEntity(QStringView name) {
    const QByteArray utf8 = name.toUtf8();
    const htmlEntityDesc *entity = htmlEntityLookup(reinterpret_cast<const xmlChar *>(utf8.constData()));
    return entity ? entity->value : 0;
}

class Guard final {
public:
    Guard(const QString &in, const QString &format)
        : m_in(in)
        , m_format(format) {
        m_out.reserve(in.size() + in.size() / 16);
    }

    std::optional<GuardedXml> run(QString *error) {
        const qsizetype n = m_in.size();
        // Feeds often send a blank line before the XML declaration, which the parser refuses; the
        // declaration says nothing once the text is decoded, so it goes (its line stays).
        qsizetype first = 0;
        while (first < n && m_in.at(first).isSpace())
            ++first;
        if (first > 0 && QStringView(m_in).mid(first).startsWith(u"<?xml")) {
            while (m_i < first)
                put(m_in.at(m_i));
            const qsizetype end = m_in.indexOf(u"?>"_qs, first);
            blank(end < 0 ? n : end + 2);
        }
        while (m_i < n && m_error.isEmpty()) {
            const QChar c = m_in.at(m_i);
            if (c == u'<')
                markup();
            else if (c == u'&')
                reference();
            else
                put(c);
        }
        if (!m_error.isEmpty()) {
            if (error)
                *error = m_error;
            return std::nullopt;
        }
        return GuardedXml{m_out, notes()};
    }

private:
    bool at(QStringView what) const { return QStringView(m_in).mid(m_i).startsWith(what); }

    /// Copies one character, counting lines.
    void put(QChar c) {
        if (c == u'\n')
            ++m_line;
        m_out += c;
        ++m_i;
    }

    /// Copies everything up to and including @p end (or to the end of the input) unchanged.
    void copyThrough(QStringView end) {
        const qsizetype found = m_in.indexOf(end, m_i);
        const qsizetype stop = found < 0 ? m_in.size() : found + end.size();
        while (m_i < stop)
            put(m_in.at(m_i));
    }

    void markup() {
        if (at(u"<!--"))
            return copyThrough(u"-->");
        if (at(u"<![CDATA["))
            return copyThrough(u"]]>");
        if (at(u"<?"))
            return copyThrough(u"?>");
        if (at(u"<!DOCTYPE"))
            return doctype();
        if (at(u"</")) {
            m_depth = std::max(0, m_depth - 1);
            if (!m_scopes.isEmpty())
                m_namespaces -= m_scopes.takeLast();
            return copyThrough(u">");
        }
        if (m_i + 1 < m_in.size() && isNameStart(m_in.at(m_i + 1)))
            return startTag();
        put(m_in.at(m_i)); // a stray "<": the parser names the line
    }

    /// A start tag: attribute values get their references rewritten; attributes and depth counted.
    void startTag() {
        const int line = m_line;
        int attributes = 0;
        int namespaces = 0;
        QChar quote;
        QChar last;
        put(m_in.at(m_i));
        while (m_i < m_in.size()) {
            const QChar c = m_in.at(m_i);
            if (!quote.isNull()) {
                if (c == quote)
                    quote = QChar();
                if (c == u'&')
                    reference();
                else
                    put(c);
                continue;
            }
            if (c == u'<')
                break; // malformed: the parser reports it
            if (c == u'"' || c == u'\'')
                quote = c;
            else if (c == u'=')
                ++attributes;
            else if (c.isSpace() && QStringView(m_in).mid(m_i + 1, 6).startsWith(u"xmlns") &&
                     m_i + 6 < m_in.size() &&
                     (m_in.at(m_i + 6) == u'=' || m_in.at(m_i + 6) == u':' || m_in.at(m_i + 6).isSpace()))
                ++namespaces;
            if (attributes > MaxAttributesPerElement) {
                m_error = u"The %1 file has an element with more than %2 attributes (line %3): Galley does "
                          "not read files shaped like that."_qs.arg(m_format)
                              .arg(MaxAttributesPerElement)
                              .arg(line);
                return;
            }
            put(c);
            if (c == u'>') {
                if (last == u'/')
                    return;
                m_scopes.append(namespaces);
                m_namespaces += namespaces;
                if (++m_depth > MaxNestingDepth)
                    m_error = u"The %1 file nests elements more than %2 deep (line %3): Galley does not "
                              "read files shaped like that."_qs.arg(m_format)
                                  .arg(MaxNestingDepth)
                                  .arg(line);
                else if (m_namespaces > MaxNamespacesInScope)
                    m_error = u"The %1 file declares more than %2 namespaces at once (line %3): Galley does "
                              "not read files shaped like that."_qs.arg(m_format)
                                  .arg(MaxNamespacesInScope)
                                  .arg(line);
                return;
            }
            if (!c.isSpace())
                last = c;
        }
    }

    /// "<!DOCTYPE name PUBLIC ... [ internal subset ]>": the internal subset is blanked so that no
    /// entity the file declares is ever expanded.
    void doctype() {
        QChar quote;
        while (m_i < m_in.size()) {
            const QChar c = m_in.at(m_i);
            if (!quote.isNull()) {
                if (c == quote)
                    quote = QChar();
            } else if (c == u'"' || c == u'\'') {
                quote = c;
            } else if (c == u'>') {
                put(c);
                return;
            } else if (c == u'[') {
                put(c);
                internalSubset();
                continue;
            }
            put(c);
        }
    }

    void internalSubset() {
        const qsizetype start = m_i;
        QChar quote;
        while (m_i < m_in.size()) {
            const QChar c = m_in.at(m_i);
            if (quote.isNull() && QStringView(m_in).mid(m_i).startsWith(u"<!--")) {
                const qsizetype end = m_in.indexOf(u"-->"_qs, m_i);
                blank(end < 0 ? m_in.size() : end + 3);
                continue;
            }
            if (!quote.isNull()) {
                if (c == quote)
                    quote = QChar();
            } else if (c == u'"' || c == u'\'') {
                quote = c;
            } else if (c == u']') {
                break;
            }
            blank(m_i + 1);
        }
        static const QRegularExpression entity(uR"(<!ENTITY\s+([^\s%][^\s]*))"_qs);
        auto matches = entity.globalMatch(QStringView(m_in).mid(start, m_i - start));
        while (matches.hasNext())
            m_declared.insert(matches.next().captured(1));
    }

    /// Replaces the input up to @p end by spaces, keeping line breaks.
    void blank(qsizetype end) {
        while (m_i < end) {
            const QChar c = m_in.at(m_i);
            put(c == u'\n' ? c : QChar(u' '));
        }
    }

    /// An "&" in text or an attribute value.
    void reference() {
        const qsizetype n = m_in.size();
        qsizetype k = m_i + 1;
        if (k < n && m_in.at(k) == u'#') {
            ++k;
            const bool hex = k < n && (m_in.at(k) == u'x' || m_in.at(k) == u'X');
            k += hex ? 1 : 0;
            const qsizetype digits = k;
            while (k < n && k - digits < 8 && isDigit(m_in.at(k), hex))
                ++k;
            if (k > digits && k < n && m_in.at(k) == u';') {
                while (m_i <= k)
                    put(m_in.at(m_i));
                return;
            }
            return bare();
        }
        if (k >= n || !isNameStart(m_in.at(k)))
            return bare();
        while (k < n && k - m_i < 64 && isNameChar(m_in.at(k)))
            ++k;
        if (k >= n || m_in.at(k) != u';')
            return bare();
        const QStringView name = QStringView(m_in).mid(m_i + 1, k - m_i - 1);
        if (name == u"lt" || name == u"gt" || name == u"amp" || name == u"apos" || name == u"quot") {
            while (m_i <= k)
                put(m_in.at(m_i));
            return;
        }
        auto cached = m_entities.constFind(name.toString());
        if (cached == m_entities.constEnd())
            cached = m_entities.insert(name.toString(), htmlEntity(name));
        if (const uint code = *cached) {
            m_out += u"&#"_qs % QString::number(code) % u';';
        } else {
            const QString key = name.toString();
            if (!m_dropped.contains(key))
                m_droppedOrder.append(key);
            ++m_dropped[key];
        }
        m_i = k + 1;
    }

    void bare() {
        m_out += u"&amp;"_qs;
        ++m_i;
        ++m_bare;
    }

    QStringList notes() const {
        QStringList declared;
        QStringList unknown;
        // The first names are enough to recognise the problem; the rest only lengthen the sentence.
        constexpr qsizetype Listed = 20;
        for (const QString &name : m_droppedOrder.mid(0, Listed)) {
            const int count = m_dropped.value(name);
            const QString shown = u'&' % name % u';' % (count > 1 ? u" (%1 times)"_qs.arg(count) : QString());
            (m_declared.contains(name) ? declared : unknown).append(shown);
        }
        if (m_droppedOrder.size() > Listed)
            unknown << u"and %1 more names"_qs.arg(m_droppedOrder.size() - Listed);
        QStringList out;
        if (!declared.isEmpty())
            out << u"The file declares entities of its own; Galley never expands them, so these references "
                   "are left out: %1."_qs.arg(declared.join(u", "_qs));
        if (!unknown.isEmpty())
            out << u"The file names entities that are neither XML's nor HTML's; these references are left "
                   "out: %1."_qs.arg(unknown.join(u", "_qs));
        if (m_bare == 1)
            out << u"One “&” in the file starts no entity; it is kept as an ampersand."_qs;
        else if (m_bare > 1)
            out << u"%1 “&” characters in the file start no entity; they are kept as ampersands."_qs.arg(
                m_bare);
        return out;
    }

    const QString &m_in;
    const QString m_format;
    QString m_out;
    qsizetype m_i = 0;
    int m_line = 1;
    int m_depth = 0;
    /// Namespace declarations of each open element, and their sum: the parser looks a prefix up
    /// through all of them, so many in scope make every element slow.
    QList<int> m_scopes;
    int m_namespaces = 0;
    QString m_error;
    QSet<QString> m_declared;
    QHash<QString, int> m_dropped;
    QHash<QString, uint> m_entities; ///< HTML lookups, which libxml2 does by a linear search
    QStringList m_droppedOrder;
    int m_bare = 0;
};

} // namespace

std::optional<GuardedXml> guardXml(const QString &text, const QString &format, QString *error) {
    return Guard(text, format).run(error);
}

} // namespace galley
