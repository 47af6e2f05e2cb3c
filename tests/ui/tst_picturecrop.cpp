#include "imagepanel.h"
#include "pictures/cropview.h"

#include <QFile>
#include <QPushButton>
#include <QTest>

using namespace galley;

namespace {

StoryImage samplePicture() {
    StoryImage image;
    image.id = u"pic"_qs;
    QFile file(QStringLiteral(GALLEY_TEST_DATA) + u"/../../resources/samples/images/seawall-storm.jpg"_qs);
    if (file.open(QIODevice::ReadOnly))
        image.data = file.readAll();
    image.mimeType = u"image/jpeg"_qs;
    image.fileName = u"seawall-storm.jpg"_qs;
    image.caption = u"Waves over the sea wall on a test evening."_qs;
    image.credit = u"Test Desk"_qs;
    image.altText = u"Grey waves breaking over a stone wall"_qs;
    return image;
}

bool near(qreal a, qreal b) {
    return qAbs(a - b) < 0.02;
}

} // namespace

class TestPictureCrop final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void dragCropsAndClickSetsFocus();
};

// The desk drags across the picture in the Pictures panel to crop it and clicks to set the focal
// point; the panel's pictures carry both, and Whole picture gives the picture back.
void TestPictureCrop::dragCropsAndClickSetsFocus() {
    const StoryImage image = samplePicture();
    QVERIFY(!image.data.isEmpty());
    ImagePanel panel;
    panel.resize(720, 360);
    panel.setImages({image}, {});
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    auto *view = panel.findChild<CropView *>(u"imageCrop0"_qs);
    QVERIFY(view);
    auto *whole = panel.findChild<QPushButton *>(u"imageCropReset0"_qs);
    QVERIFY(whole);
    QVERIFY(!whole->isEnabled());

    int changes = 0;
    connect(&panel, &ImagePanel::imagesChanged, this, [&changes] { ++changes; });
    // Drag from a quarter across and a fifth down to nine tenths across and four fifths down.
    const QPoint from = view->widgetPoint({0.25, 0.2});
    const QPoint to = view->widgetPoint({0.9, 0.8});
    QTest::mousePress(view, Qt::LeftButton, {}, from);
    QTest::mouseMove(view, from + QPoint(10, 6));
    QTest::mouseMove(view, to);
    QTest::mouseRelease(view, Qt::LeftButton, {}, to);
    QCOMPARE(changes, 1);
    QRectF crop = panel.images().at(0).crop;
    QVERIFY2(near(crop.left(), 0.25) && near(crop.top(), 0.2) && near(crop.right(), 0.9) && near(crop.bottom(), 0.8),
             qPrintable(u"%1 %2 %3 %4"_qs.arg(crop.left()).arg(crop.top()).arg(crop.right()).arg(crop.bottom())));
    // The focal point stays on the same spot of the picture: the centre of the whole picture.
    QPointF focus = panel.images().at(0).focus;
    QVERIFY(near(focus.x(), (0.5 - crop.left()) / crop.width()));
    QVERIFY(near(focus.y(), (0.5 - crop.top()) / crop.height()));
    QVERIFY(whole->isEnabled());

    // A click inside the crop sets the focal point there, as a fraction of the cropped picture.
    QTest::mouseClick(view, Qt::LeftButton, {}, view->widgetPoint({0.4, 0.35}));
    QCOMPARE(changes, 2);
    focus = panel.images().at(0).focus;
    QVERIFY2(near(focus.x(), (0.4 - crop.left()) / crop.width()) && near(focus.y(), (0.35 - crop.top()) / crop.height()),
             qPrintable(u"%1 %2"_qs.arg(focus.x()).arg(focus.y())));
    QCOMPARE(panel.images().at(0).crop, crop); // a click never changes the crop
    // Outside the crop, it is held at the crop's edge.
    QTest::mouseClick(view, Qt::LeftButton, {}, view->widgetPoint({0.05, 0.5}));
    QCOMPARE(panel.images().at(0).focus.x(), 0.0);

    if (const QString shot = qEnvironmentVariable("GALLEY_SCREENSHOT"); !shot.isEmpty()) {
        QTest::mouseClick(view, Qt::LeftButton, {}, view->widgetPoint({0.4, 0.35}));
        QVERIFY(panel.grab().save(shot));
    }

    QTest::mouseClick(whole, Qt::LeftButton);
    QVERIFY(panel.images().at(0).crop.isNull());
    QCOMPARE(panel.images().at(0).focus, QPointF(0.5, 0.5));
    QVERIFY(!whole->isEnabled());
    // A crop set before is shown again when the story is opened.
    StoryImage cropped = image;
    cropped.crop = QRectF(0.1, 0.1, 0.5, 0.5);
    panel.setImages({cropped}, {});
    view = panel.findChild<CropView *>(u"imageCrop0"_qs);
    QCOMPARE(view->crop(), QRectF(0.1, 0.1, 0.5, 0.5));
    QVERIFY(panel.findChild<QPushButton *>(u"imageCropReset0"_qs)->isEnabled());
}

QTEST_MAIN(TestPictureCrop)
#include "tst_picturecrop.moc"
