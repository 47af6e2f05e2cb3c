#include "icons.h"

#include <QApplication>
#include <QFileInfo>
#include <QFont>
#include <QPainter>
#include <QPalette>
#include <QPixmap>
#include <QStandardPaths>

namespace galley {

namespace {

QPixmap glyphPixmap(const QString &glyph, int size, bool bold, bool italic) {
    const qreal ratio = qApp ? qApp->devicePixelRatio() : 1.0;
    QPixmap pixmap(QSize(size, size) * ratio);
    pixmap.setDevicePixelRatio(ratio);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::TextAntialiasing);
    QFont font = QApplication::font();
    font.setBold(bold);
    font.setItalic(italic);
    font.setPixelSize(glyph.size() > 1 ? size * 9 / 16 : size * 13 / 16);
    painter.setFont(font);
    painter.setPen(QApplication::palette().color(QPalette::ButtonText));
    painter.drawText(QRect(0, 0, size, size), Qt::AlignCenter, glyph);
    return pixmap;
}

} // namespace

void setUpIconTheme() {
    QStringList paths = QIcon::themeSearchPaths();
    const QStringList dataDirs = QStandardPaths::standardLocations(QStandardPaths::GenericDataLocation);
    for (const QString &dir : dataDirs) {
        const QString icons = dir + u"/icons"_qs;
        if (!paths.contains(icons) && QFileInfo::exists(icons))
            paths.append(icons);
    }
    if (!paths.contains(u"/usr/share/icons"_qs) && QFileInfo::exists(u"/usr/share/icons"_qs))
        paths.append(u"/usr/share/icons"_qs);
    QIcon::setThemeSearchPaths(paths);
    QIcon::setFallbackThemeName(u"Adwaita"_qs);
    // Without a desktop theme Qt looks in no theme at all, not even the fallback.
    if (QIcon::themeName().isEmpty() || QIcon::themeName() == u"hicolor")
        QIcon::setThemeName(u"Adwaita"_qs);
}

QIcon themedIcon(const QString &themeName, const QString &glyph, bool bold, bool italic) {
    const QIcon icon = themeName.isEmpty() ? QIcon() : QIcon::fromTheme(themeName);
    if (!icon.isNull() && !icon.availableSizes().isEmpty())
        return icon;
    QIcon drawn;
    for (int size : {16, 22, 24, 32})
        drawn.addPixmap(glyphPixmap(glyph, size, bold, italic));
    return drawn;
}

} // namespace galley
