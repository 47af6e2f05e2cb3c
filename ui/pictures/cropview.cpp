#include "cropview.h"

#include <QApplication>
#include <QBuffer>
#include <QImageReader>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>

namespace galley {

namespace {

/// The largest picture kept for drawing: the view is small, the file may be 6000 pixels wide.
constexpr QSize KeptSize(640, 480);
/// A drawn crop thinner than this (a fraction of the picture) is taken as a slipped click.
constexpr qreal SmallestCrop = 0.02;

const QRectF Whole(0, 0, 1, 1);

QRectF cropOrWhole(const QRectF &crop) {
    return crop.isNull() ? Whole : crop;
}

QPointF clampedInto(const QPointF &point, const QRectF &rect) {
    return {std::clamp(point.x(), rect.left(), rect.right()), std::clamp(point.y(), rect.top(), rect.bottom())};
}

} // namespace

CropView::CropView(QWidget *parent) : QWidget(parent) {
    setObjectName(u"cropView"_qs);
    setMinimumSize(160, 120);
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    setCursor(Qt::CrossCursor);
    setToolTip(tr("Drag across the picture to crop it; click to set the point the page keeps in view. "
                  "Double-click for the whole picture."));
}

QSize CropView::sizeHint() const {
    return {240, 180};
}

void CropView::setPicture(const StoryImage &image) {
    QBuffer buffer;
    buffer.setData(image.data);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer);
    reader.setAutoTransform(true); // as the page shows it (renditions.cpp does the same)
    QImage picture = reader.read();
    if (!picture.isNull() && (picture.width() > KeptSize.width() || picture.height() > KeptSize.height()))
        picture = picture.scaled(KeptSize, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    m_picture = picture;
    m_crop = image.crop;
    m_focus = image.focus;
    m_pressed = m_dragging = false;
    setAccessibleDescription(m_picture.isNull() ? tr("The picture cannot be shown.")
                                                : tr("Crop and focal point of the picture"));
    update();
}

void CropView::reset() {
    setCropAndFocus(QRectF(), QPointF(0.5, 0.5));
}

QRectF CropView::pictureRect() const {
    if (m_picture.isNull())
        return {};
    const QRectF area = QRectF(rect()).adjusted(2, 2, -2, -2);
    QSizeF size = m_picture.size();
    size.scale(area.size(), Qt::KeepAspectRatio);
    return QRectF(area.center() - QPointF(size.width() / 2, size.height() / 2), size);
}

QPointF CropView::fractionAt(const QPointF &point) const {
    const QRectF picture = pictureRect();
    if (picture.isEmpty())
        return {0.5, 0.5};
    return clampedInto(QPointF((point.x() - picture.left()) / picture.width(),
                               (point.y() - picture.top()) / picture.height()),
                       Whole);
}

QPoint CropView::widgetPoint(const QPointF &fraction) const {
    const QRectF picture = pictureRect();
    return QPointF(picture.left() + fraction.x() * picture.width(), picture.top() + fraction.y() * picture.height())
        .toPoint();
}

QRectF CropView::shownCrop() const {
    if (m_dragging)
        return QRectF(m_pressFraction, m_dragFraction).normalized();
    return cropOrWhole(m_crop);
}

void CropView::setCropAndFocus(const QRectF &crop, const QPointF &focus) {
    if (crop == m_crop && focus == m_focus)
        return;
    m_crop = crop;
    m_focus = focus;
    update();
    Q_EMIT changed(m_crop, m_focus);
}

void CropView::paintEvent(QPaintEvent *) {
    QPainter painter(this);
    painter.fillRect(rect(), palette().color(QPalette::Mid));
    const QRectF picture = pictureRect();
    if (picture.isEmpty()) {
        painter.setPen(QColor(0xb3, 0x26, 0x1e));
        painter.drawText(rect(), Qt::AlignCenter | Qt::TextWordWrap, tr("Picture\nmissing"));
        return;
    }
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.drawImage(picture, m_picture);

    const QRectF crop = shownCrop();
    const QRectF cropRect(picture.left() + crop.left() * picture.width(), picture.top() + crop.top() * picture.height(),
                          crop.width() * picture.width(), crop.height() * picture.height());
    if (crop != Whole) {
        QPainterPath outside;
        outside.addRect(picture);
        outside.addRect(cropRect);
        outside.setFillRule(Qt::OddEvenFill);
        painter.fillPath(outside, QColor(0, 0, 0, 150));
        painter.setPen(QPen(Qt::white, 1.5, Qt::DashLine));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(cropRect);
    }
    if (m_dragging)
        return;
    // The focal point: a ring a reader's eye finds on any picture (white on a dark edge).
    const QPointF focus(cropRect.left() + m_focus.x() * cropRect.width(),
                        cropRect.top() + m_focus.y() * cropRect.height());
    painter.setBrush(Qt::NoBrush);
    painter.setPen(QPen(QColor(0, 0, 0, 180), 4));
    painter.drawEllipse(focus, 7, 7);
    painter.setPen(QPen(Qt::white, 2));
    painter.drawEllipse(focus, 7, 7);
    painter.drawPoint(focus);
}

void CropView::mousePressEvent(QMouseEvent *event) {
    if (event->button() != Qt::LeftButton || m_picture.isNull())
        return QWidget::mousePressEvent(event);
    m_pressed = true;
    m_dragging = false;
    m_pressFraction = m_dragFraction = fractionAt(event->position());
    event->accept();
}

void CropView::mouseMoveEvent(QMouseEvent *event) {
    if (!m_pressed)
        return QWidget::mouseMoveEvent(event);
    m_dragFraction = fractionAt(event->position());
    const QPoint travelled = event->position().toPoint() - widgetPoint(m_pressFraction);
    if (!m_dragging && travelled.manhattanLength() >= QApplication::startDragDistance())
        m_dragging = true;
    if (m_dragging)
        update();
}

void CropView::mouseReleaseEvent(QMouseEvent *event) {
    if (!m_pressed || event->button() != Qt::LeftButton)
        return QWidget::mouseReleaseEvent(event);
    m_pressed = false;
    const QPointF at = fractionAt(event->position());
    const QRectF oldCrop = cropOrWhole(m_crop);
    // The focal point as a spot on the whole picture, so a new crop keeps it where it was.
    const QPointF spot(oldCrop.left() + m_focus.x() * oldCrop.width(), oldCrop.top() + m_focus.y() * oldCrop.height());
    if (m_dragging) {
        m_dragging = false;
        const QRectF drawn = QRectF(m_pressFraction, at).normalized();
        if (drawn.width() < SmallestCrop || drawn.height() < SmallestCrop) {
            update();
            return;
        }
        const QPointF inside = clampedInto(spot, drawn);
        const QPointF focus((inside.x() - drawn.left()) / drawn.width(), (inside.y() - drawn.top()) / drawn.height());
        setCropAndFocus(drawn == Whole ? QRectF() : drawn, focus);
        update();
        return;
    }
    // A click: the focal point, kept inside the crop.
    const QPointF inside = clampedInto(at, oldCrop);
    setCropAndFocus(m_crop, QPointF((inside.x() - oldCrop.left()) / oldCrop.width(),
                                    (inside.y() - oldCrop.top()) / oldCrop.height()));
}

void CropView::mouseDoubleClickEvent(QMouseEvent *event) {
    if (event->button() != Qt::LeftButton)
        return QWidget::mouseDoubleClickEvent(event);
    m_pressed = m_dragging = false;
    reset();
}

void CropView::resizeEvent(QResizeEvent *event) {
    QWidget::resizeEvent(event);
    update();
}

} // namespace galley
