#include "slug.h"

#include <QRegularExpression>

namespace galley {

QString slugify(const QString &text)
{
    const QString folded = text.normalized(QString::NormalizationForm_KD);
    QString slug;
    slug.reserve(folded.size());
    bool pendingHyphen = false;
    auto append = [&](QChar c) {
        if (pendingHyphen && !slug.isEmpty())
            slug.append(u'-');
        pendingHyphen = false;
        slug.append(c);
    };
    for (const QChar c : folded) {
        if (c.category() == QChar::Mark_NonSpacing)
            continue; // the accent NFKD split off its letter
        if (c.unicode() < 128 && c.isLetterOrNumber()) {
            append(c.toLower());
        } else if (c == u'&') {
            pendingHyphen = true;
            for (const QChar a : QStringView(u"and"))
                append(a);
            pendingHyphen = true;
        } else if (c == u'\'' || c == u'\u2019') {
            continue; // "Jerry's" reads better as "jerrys" than "jerry-s"
        } else {
            pendingHyphen = true;
        }
    }
    if (slug.size() > MaxSlugLength) {
        slug.truncate(MaxSlugLength);
        const qsizetype cut = slug.lastIndexOf(u'-');
        if (cut > MaxSlugLength / 2)
            slug.truncate(cut);
        while (slug.endsWith(u'-'))
            slug.chop(1);
    }
    return slug.isEmpty() ? QStringLiteral("story") : slug;
}

bool isValidSlug(const QString &slug)
{
    static const QRegularExpression rule(QStringLiteral("^[a-z0-9]+(-[a-z0-9]+)*$"));
    return slug.size() <= 100 && rule.match(slug).hasMatch();
}

QString uniqueSlug(const QString &base, const std::function<bool(const QString &)> &taken)
{
    if (!taken(base))
        return base;
    for (int n = 2;; ++n) {
        const QString candidate = base + u'-' + QString::number(n);
        if (!taken(candidate))
            return candidate;
    }
}

} // namespace galley
