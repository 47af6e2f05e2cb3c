#include "articlerenderer.h"


namespace galley {

QString escapeHtml(const QString &text) {
    QString out;
    out.reserve(text.size() + text.size() / 8);
    for (const QChar c : text) {
        switch (c.unicode()) {
        case u'&':
            out += u"&amp;";
            break;
        case u'<':
            out += u"&lt;";
            break;
        case u'>':
            out += u"&gt;";
            break;
        case u'"':
            out += u"&quot;";
            break;
        case u'\'':
            out += u"&#39;";
            break;
        case u'\t':
        case u'\n':
        case u'\r':
            out += c;
            break;
        default:
            // HTML forbids the other C0 controls and DEL; a visible mark keeps the reader informed.
            if (c.unicode() < 0x20 || c.unicode() == 0x7f)
                out += QChar(QChar::ReplacementCharacter);
            else
                out += c;
        }
    }
    return out;
}

} // namespace galley
