#pragma once

#include "model/story.h"

#include <QImage>
#include <QPointF>
#include <QRectF>
#include <QWidget>

namespace galley {

/// A picture of the Pictures panel on which the desk sets its crop and focal point: dragging across
/// the picture draws the crop rectangle (the rest is dimmed), a click sets the focal point (a ring),
/// a double click or Reset gives back the whole picture. The picture is shown as the page shows it,
/// its EXIF orientation applied. Crop and focus are StoryImage's fractions: the crop of the whole
/// picture, the focus of the cropped part (it stays on the same spot of the picture when the crop
/// changes, moved inside the new crop if it falls outside).
class CropView final : public QWidget {
    Q_OBJECT

public:
    explicit CropView(QWidget *parent = nullptr);

    /// Shows @p image's picture with its crop and focus; a picture Qt cannot read shows a note.
    void setPicture(const StoryImage &image);

    QRectF crop() const { return m_crop; }
    QPointF focusPoint() const { return m_focus; }
    /// Sets the whole picture and the centre again, emitting changed() if that changes anything.
    void reset();

    /// Where the point at @p fraction of the whole picture is drawn, in widget coordinates (for
    /// tests that drive the widget with QTest's mouse functions).
    QPoint widgetPoint(const QPointF &fraction) const;

    QSize sizeHint() const override;

Q_SIGNALS:
    /// The user drew a crop, set the focal point or reset them.
    void changed(const QRectF &crop, const QPointF &focus);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    QRectF pictureRect() const;          ///< where the whole picture is drawn
    QPointF fractionAt(const QPointF &point) const; ///< widget point -> fraction of the picture, clamped
    QRectF shownCrop() const;            ///< the crop being drawn, else the stored one, else all
    void setCropAndFocus(const QRectF &crop, const QPointF &focus);

    QImage m_picture; ///< oriented, scaled to fit the largest size the view is shown at
    QRectF m_crop;
    QPointF m_focus{0.5, 0.5};
    QPointF m_pressFraction;
    QPointF m_dragFraction;
    bool m_pressed = false;
    bool m_dragging = false;
};

} // namespace galley
