#include "storylistdelegate.h"

#include <QApplication>
#include <QPainter>
#include <QTextLayout>

namespace galley {

namespace {

constexpr int Padding = 6;

} // namespace

void StoryListDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                              const QModelIndex &index) const {
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString headline = opt.text;
    opt.text.clear();
    QStyle *style = opt.widget ? opt.widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);

    const bool selected = opt.state & QStyle::State_Selected;
    const QRect area = opt.rect.adjusted(Padding + 2, Padding, -Padding, -Padding);
    QFont bold = opt.font;
    bold.setBold(true);
    const QFontMetrics boldMetrics(bold);
    painter->save();
    painter->setFont(bold);
    painter->setPen(opt.palette.color(selected ? QPalette::HighlightedText : QPalette::Text));
    // The headline wraps onto two lines at most; an ellipsis ends the second when it is longer.
    QTextLayout layout(headline, bold);
    layout.beginLayout();
    QStringList lines;
    for (int i = 0; i < 2; ++i) {
        QTextLine line = layout.createLine();
        if (!line.isValid())
            break;
        line.setLineWidth(area.width());
        lines.append(headline.mid(line.textStart(), line.textLength()));
        if (i == 1 && line.textStart() + line.textLength() < headline.size())
            lines[1] = boldMetrics.elidedText(headline.mid(line.textStart()), Qt::ElideRight, area.width());
    }
    layout.endLayout();
    for (qsizetype i = 0; i < lines.size(); ++i)
        painter->drawText(QRect(area.left(), area.top() + int(i) * boldMetrics.height(), area.width(),
                                boldMetrics.height()),
                          Qt::AlignLeft | Qt::AlignVCenter, lines[i].trimmed());
    painter->setFont(opt.font);
    QColor meta = opt.palette.color(selected ? QPalette::HighlightedText : QPalette::PlaceholderText);
    painter->setPen(meta);
    const QFontMetrics metrics(opt.font);
    painter->drawText(
        QRect(area.left(), area.bottom() - metrics.height() + 1, area.width(), metrics.height()),
        Qt::AlignLeft | Qt::AlignVCenter,
        metrics.elidedText(index.data(StoryMetaRole).toString(), Qt::ElideRight, area.width()));
    painter->restore();
}

QSize StoryListDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const {
    QFont bold = option.font;
    bold.setBold(true);
    const int height = QFontMetrics(bold).height() * 2 + QFontMetrics(option.font).height() + 2 * Padding + 2;
    return {200, height};
}

} // namespace galley
