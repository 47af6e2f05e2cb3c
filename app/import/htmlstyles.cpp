#include "htmlstyles.h"

#include <QRegularExpression>
#include <QUrl>
#include <QUrlQuery>

namespace galley::htmlstyles {

Declarations::Declarations(const QString &style) {
    if (style.isEmpty())
        return;
    for (const QString &declaration : style.split(u';', Qt::SkipEmptyParts)) {
        const qsizetype colon = declaration.indexOf(u':');
        if (colon <= 0)
            continue;
        QString property = declaration.left(colon).trimmed().toLower();
        QString value = declaration.mid(colon + 1).trimmed().toLower();
        if (value.endsWith(u"!important"_qs))
            value = value.chopped(10).trimmed();
        if (!property.isEmpty())
            m_items.append({std::move(property), std::move(value)});
    }
}

QString Declarations::value(QStringView property) const {
    for (auto it = m_items.crbegin(); it != m_items.crend(); ++it)
        if (it->first == property)
            return it->second;
    return {};
}

namespace {

/// Bold from a font-weight value: nullopt when it says nothing usable.
std::optional<bool> weightIsBold(const QString &weight) {
    if (weight.isEmpty())
        return std::nullopt;
    if (weight == u"bold" || weight == u"bolder")
        return true;
    if (weight == u"normal" || weight == u"lighter")
        return false;
    bool ok = false;
    const int number = weight.toInt(&ok);
    if (!ok)
        return std::nullopt;
    return number >= 600;
}

bool isNamed(QStringView name, std::initializer_list<const char16_t *> names) {
    for (const char16_t *n : names)
        if (name == QStringView(n))
            return true;
    return false;
}

} // namespace

InlineStyle applyInline(const InlineStyle &outer, QStringView name, const Declarations &css,
                        const QString &id) {
    InlineStyle style = outer;
    if (isNamed(name, {u"b", u"strong"}) && !id.startsWith(u"docs-internal-guid"_qs))
        style.bold = true;
    if (isNamed(name, {u"i", u"em"}))
        style.italic = true;
    if (isNamed(name, {u"s", u"strike", u"del"}))
        style.strike = true;
    if (name == u"sup")
        style.baseline = Baseline::Superscript;
    else if (name == u"sub")
        style.baseline = Baseline::Subscript;
    if (css.isEmpty())
        return style;
    if (const auto bold = weightIsBold(css.value(u"font-weight")))
        style.bold = *bold;
    const QString fontStyle = css.value(u"font-style");
    if (fontStyle == u"italic" || fontStyle == u"oblique")
        style.italic = true;
    else if (fontStyle == u"normal")
        style.italic = false;
    // A decoration is drawn through everything inside, whatever the inner element says.
    if (css.value(u"text-decoration").contains(u"line-through"_qs) ||
        css.value(u"text-decoration-line").contains(u"line-through"_qs))
        style.strike = true;
    const QString align = css.value(u"vertical-align");
    if (align == u"super")
        style.baseline = Baseline::Superscript;
    else if (align == u"sub")
        style.baseline = Baseline::Subscript;
    return style;
}

std::optional<WordList> wordList(const Declarations &css) {
    const QString value = css.value(u"mso-list");
    if (value.isEmpty() || value == u"ignore" || value == u"none")
        return std::nullopt;
    static const QRegularExpression parts(uR"(^(l\d+)\s+level(\d+))"_qs);
    const auto match = parts.match(value);
    if (!match.hasMatch())
        return std::nullopt;
    return WordList{match.captured(1), std::clamp(match.captured(2).toInt() - 1, 0, MaxListLevel)};
}

bool isNumberMarker(const QString &marker) {
    static const QRegularExpression numbered(
        uR"(^\(?(\d{1,3}(\.\d{1,3})*|[a-zA-Z]|[ivxlcdmIVXLCDM]{1,6})[.)]?$)"_qs);
    const QString text = marker.simplified();
    // A lone "o" is Word's second-level bullet (Courier New), not the letter o.
    if (text == u"o" || text.isEmpty())
        return false;
    const auto match = numbered.match(text);
    if (!match.hasMatch())
        return false;
    // "1" alone is a number; a letter needs its "." or ")" (Wingdings draws bullets as "v", "q", "ü").
    if (text.back().isLetter())
        return false;
    return !text.startsWith(u'(') || text.endsWith(u')');
}

std::optional<bool> listStyleNumbered(const QString &type) {
    if (type.isEmpty() || type == u"none" || type == u"inherit" || type == u"initial")
        return std::nullopt;
    if (type == u"disc" || type == u"circle" || type == u"square" || type.startsWith(u'"') ||
        type.startsWith(u'\''))
        return false;
    return true;
}

std::optional<DocsList> docsList(const QString &className) {
    static const QRegularExpression kix(uR"(\blst-kix_([A-Za-z0-9_]+)-(\d+)\b)"_qs);
    const auto match = kix.match(className);
    if (!match.hasMatch())
        return std::nullopt;
    return DocsList{match.captured(1), std::clamp(match.captured(2).toInt(), 0, MaxListLevel)};
}

QSet<QString> numberedDocsLists(const QString &css) {
    QSet<QString> out;
    if (!css.contains(u"lst-kix_"_qs))
        return out;
    static const QRegularExpression rule(
        uR"(\.(lst-kix_[A-Za-z0-9_]+-\d+)\s*>\s*li:before\s*\{([^}]*)\})"_qs);
    for (auto it = rule.globalMatch(css); it.hasNext();) {
        const auto match = it.next();
        if (match.captured(2).contains(u"counter("_qs))
            out.insert(match.captured(1));
    }
    return out;
}

QHash<QString, QString> classRules(const QString &css) {
    QHash<QString, QString> out;
    static const QRegularExpression rule(uR"((?:(?<=\})|^)\s*\.([A-Za-z_][\w-]*)\s*\{([^{}]*)\})"_qs);
    for (auto it = rule.globalMatch(css); it.hasNext();) {
        const auto match = it.next();
        QString &declarations = out[match.captured(1)];
        declarations += match.captured(2) % u';';
    }
    return out;
}

int marginLevel(const Declarations &css) {
    QString margin = css.value(u"margin-left");
    if (margin.isEmpty())
        margin = css.value(u"padding-left");
    static const QRegularExpression length(uR"(^(-?\d+(?:\.\d+)?)(pt|px|in|cm)$)"_qs);
    const auto match = length.match(margin);
    if (!match.hasMatch())
        return -1;
    double points = match.captured(1).toDouble();
    const QString unit = match.captured(2);
    if (unit == u"px")
        points *= 0.75;
    else if (unit == u"in")
        points *= 72.0;
    else if (unit == u"cm")
        points *= 72.0 / 2.54;
    if (points < 18.0)
        return -1;
    return std::clamp(int((points + 18.0) / 36.0) - 1, 0, MaxListLevel);
}

bool isWordHeaderRow(const Declarations &css) {
    return css.value(u"mso-yfti-irow") == u"-1";
}

} // namespace galley::htmlstyles
