#include "panelrow.h"

#include "icons.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QScrollArea>
#include <QToolButton>
#include <QVBoxLayout>

namespace galley {

PanelRow::PanelRow(int index, int count, const QString &what, QWidget *parent)
    : QFrame(parent)
    , m_content(new QHBoxLayout) {
    setFrameShape(QFrame::StyledPanel);
    setObjectName(u"panelRow%1"_qs.arg(index));
    auto makeButton = [this](const QString &name, const QIcon &icon, const QString &tip) {
        auto *button = new QToolButton(this);
        button->setObjectName(name);
        button->setIcon(icon);
        button->setToolTip(tip);
        button->setAutoRaise(true);
        return button;
    };
    QToolButton *up =
        makeButton(u"moveUpButton"_qs, themedIcon(u"go-up"_qs, u"▲"_qs), tr("Move %1 up").arg(what));
    QToolButton *down =
        makeButton(u"moveDownButton"_qs, themedIcon(u"go-down"_qs, u"▼"_qs), tr("Move %1 down").arg(what));
    QToolButton *remove =
        makeButton(u"removeButton"_qs, themedIcon(u"edit-delete"_qs, u"✕"_qs), tr("Remove %1").arg(what));
    up->setEnabled(index > 0);
    down->setEnabled(index < count - 1);
    connect(up, &QToolButton::clicked, this, &PanelRow::moveUpRequested);
    connect(down, &QToolButton::clicked, this, &PanelRow::moveDownRequested);
    connect(remove, &QToolButton::clicked, this, &PanelRow::removeRequested);

    auto *buttons = new QVBoxLayout;
    buttons->setSpacing(0);
    buttons->addWidget(up);
    buttons->addWidget(down);
    buttons->addStretch();
    buttons->addWidget(remove);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 8, 4, 8);
    layout->addLayout(m_content, 1);
    layout->addLayout(buttons);
}

QScrollArea *PanelRow::listArea(QLabel *empty, QVBoxLayout *rows, QWidget *parent) {
    empty->setWordWrap(true);
    empty->setStyleSheet(u"color: #5f6368;"_qs);
    auto *inner = new QWidget;
    auto *innerLayout = new QVBoxLayout(inner);
    innerLayout->addWidget(empty);
    innerLayout->addLayout(rows);
    innerLayout->addStretch();
    auto *scroll = new QScrollArea(parent);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(inner);
    return scroll;
}

void PanelRow::clearRows(QVBoxLayout *rows) {
    while (QLayoutItem *item = rows->takeAt(0)) {
        if (QWidget *widget = item->widget()) {
            widget->hide();
            widget->setParent(nullptr);
            widget->deleteLater();
        }
        delete item;
    }
}

} // namespace galley
