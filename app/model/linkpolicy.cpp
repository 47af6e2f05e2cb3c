#include "linkpolicy.h"

#include <QUrl>

namespace galley {

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
