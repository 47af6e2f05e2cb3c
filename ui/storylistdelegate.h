#pragma once

#include <QStyledItemDelegate>

namespace galley {

/// Item roles of the story list beside Qt::DisplayRole (the headline).
enum StoryListRole { StoryIdRole = Qt::UserRole + 1, StoryMetaRole };

/// Paints a story list row as two lines: the headline in bold, then section, status and time in
/// a quieter colour.
class StoryListDelegate final : public QStyledItemDelegate {
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace galley
