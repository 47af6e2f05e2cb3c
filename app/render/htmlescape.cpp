#include "articlerenderer.h"

#include <QUrl>

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

} // namespace galley
