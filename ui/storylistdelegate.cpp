#include "storylistdelegate.h"

#include <QApplication>
#include <QPainter>

namespace galley {

namespace {

constexpr int Padding = 6;

} // namespace

void StoryListDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
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
    const QRect headlineRect(area.left(), area.top(), area.width(), boldMetrics.height() * 2);
    painter->drawText(headlineRect, Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap,
                      boldMetrics.elidedText(headline, Qt::ElideRight, area.width() * 2 - 20));
    painter->setFont(opt.font);
    QColor meta = opt.palette.color(selected ? QPalette::HighlightedText : QPalette::PlaceholderText);
    painter->setPen(meta);
    const QFontMetrics metrics(opt.font);
    painter->drawText(QRect(area.left(), area.bottom() - metrics.height() + 1, area.width(), metrics.height()),
                      Qt::AlignLeft | Qt::AlignVCenter,
                      metrics.elidedText(index.data(StoryMetaRole).toString(), Qt::ElideRight, area.width()));
    painter->restore();
}

QSize StoryListDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    QFont bold = option.font;
    bold.setBold(true);
    const int height = QFontMetrics(bold).height() * 2 + QFontMetrics(option.font).height() + 2 * Padding + 2;
    return {200, height};
}

} // namespace galley
