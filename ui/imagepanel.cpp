#include "imagepanel.h"

#include "editing/imageimport.h"
#include "editing/startfolder.h"
#include "icons.h"
#include "panelrow.h"
#include "pictures/picturemetadata.h"
#include "pictures/cropview.h"
#include "placementcombo.h"
#include "wrappinglineedit.h"

#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QMimeData>
#include <QPixmap>
#include <QPushButton>
#include <QScrollArea>
#include <QStandardPaths>
#include <QVBoxLayout>

namespace galley {

namespace {

constexpr QSize ThumbnailSize(128, 96);

QStringList localFiles(const QMimeData *mime) {
    QStringList paths;
    if (!mime->hasUrls())
        return paths;
    for (const QUrl &url : mime->urls())
        if (url.isLocalFile())
            paths.append(url.toLocalFile());
    return paths;
}

QLabel *thumbnail(const StoryImage &image, QWidget *parent) {
    auto *label = new QLabel(parent);
    label->setFixedSize(ThumbnailSize);
    label->setAlignment(Qt::AlignCenter);
    label->setFrameShape(QFrame::StyledPanel);
    QImage decoded;
    if (!image.isMissing())
        decoded.loadFromData(image.data);
    if (decoded.isNull()) {
        label->setText(QObject::tr("Picture\nmissing"));
        label->setStyleSheet(u"color: #b3261e;"_qs);
    } else {
        label->setPixmap(QPixmap::fromImage(
            decoded.scaled(ThumbnailSize - QSize(4, 4), Qt::KeepAspectRatio, Qt::SmoothTransformation)));
    }
    label->setToolTip(image.fileName);
    return label;
}

} // namespace

ImagePanel::ImagePanel(QWidget *parent)
    : QWidget(parent)
    , m_rows(new QVBoxLayout)
    , m_empty(new QLabel(tr("No pictures yet. Add JPEG, PNG, WebP or GIF files with the button, or "
                            "drop them here."),
                         this))
    , m_error(new QLabel(this)) {
    setObjectName(u"imagePanel"_qs);
    setAcceptDrops(true);
    auto *add = new QPushButton(themedIcon(u"insert-image"_qs, u"+"_qs), tr("Add &picture…"), this);
    add->setObjectName(u"addImageButton"_qs);
    connect(add, &QPushButton::clicked, this, &ImagePanel::chooseFiles);
    m_error->setObjectName(u"imageErrorLabel"_qs);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(u"background: #fce8e6; color: #8c1d18; padding: 6px; border-radius: 4px;"_qs);
    m_error->setVisible(false);

    QScrollArea *scroll = PanelRow::listArea(m_empty, m_rows, this);

    auto *top = new QHBoxLayout;
    top->addWidget(add);
    top->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_error);
    layout->addWidget(scroll, 1);
}

void ImagePanel::setImages(const QList<StoryImage> &images, const QList<Block> &body) {
    m_images = images;
    m_body = body;
    m_error->setVisible(false);
    rebuild();
}

void ImagePanel::updatePlacements(const QList<StoryImage> &images, const QList<Block> &body) {
    m_body = body;
    for (qsizetype i = 0; i < m_images.size() && i < images.size(); ++i)
        m_images[i].placement = images[i].placement;
    const QList<PlacementCombo *> combos = findChildren<PlacementCombo *>();
    for (PlacementCombo *combo : combos) {
        const int index = combo->property("imageIndex").toInt();
        if (index >= 0 && index < m_images.size())
            combo->setChoices(m_body, m_images[index].placement);
    }
}

QString ImagePanel::lastError() const {
    return m_error->text();
}

int ImagePanel::addFiles(const QStringList &paths) {
    QStringList problems;
    QStringList filled;
    int added = 0;
    for (const QString &path : paths) {
        QString error;
        std::optional<StoryImage> image = importImageFile(path, &error);
        if (!image) {
            problems.append(error);
            continue;
        }
        // The photo desk's caption, credit and alt text travel in the file (IPTC, XMP, EXIF).
        const QStringList filledFields = fillEmptyPictureFields(*image, readPictureMetadata(image->data));
        if (!filledFields.isEmpty())
            filled.append(filledFieldsSentence(filledFields, image->fileName));
        bool hasLead = false;
        for (const StoryImage &existing : std::as_const(m_images))
            hasLead = hasLead || existing.placement.isLead();
        if (hasLead && !m_body.isEmpty())
            image->placement = Placement::after(m_body.first().id);
        m_images.append(*image);
        ++added;
    }
    m_error->setText(problems.isEmpty() ? QString() : tr("Not added: %1").arg(problems.join(u"\n"_qs)));
    m_error->setVisible(!problems.isEmpty());
    if (added > 0) {
        rebuild();
        Q_EMIT imagesChanged();
    }
    if (!filled.isEmpty())
        Q_EMIT metadataFilled(filled.join(u' '));
    return added;
}

void ImagePanel::chooseFiles() {
    const QStringList paths = QFileDialog::getOpenFileNames(
        this, tr("Add pictures"), startFolder(QStandardPaths::PicturesLocation), imageFileDialogFilter());
    if (!paths.isEmpty())
        addFiles(paths);
}

void ImagePanel::dragEnterEvent(QDragEnterEvent *event) {
    if (!localFiles(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void ImagePanel::dropEvent(QDropEvent *event) {
    const QStringList paths = localFiles(event->mimeData());
    if (paths.isEmpty())
        return;
    event->acceptProposedAction();
    addFiles(paths);
}

void ImagePanel::rebuild() {
    PanelRow::clearRows(m_rows);
    m_empty->setVisible(m_images.isEmpty());
    const int count = int(m_images.size());
    for (int i = 0; i < count; ++i) {
        const StoryImage &image = m_images[i];
        auto *row = new PanelRow(i, count, tr("picture"), this);
        auto *caption = new WrappingLineEdit(image.caption, row);
        caption->setObjectName(u"imageCaption%1"_qs.arg(i));
        caption->setPlaceholderText(tr("What the picture shows"));
        auto *credit = new QLineEdit(image.credit, row);
        credit->setObjectName(u"imageCredit%1"_qs.arg(i));
        credit->setPlaceholderText(tr("Photographer / agency"));
        auto *alt = new WrappingLineEdit(image.altText, row);
        alt->setObjectName(u"imageAlt%1"_qs.arg(i));
        alt->setPlaceholderText(tr("Description for readers who cannot see it"));
        auto *placement = new PlacementCombo(tr("Lead image at top"), row);
        placement->setObjectName(u"imagePlacement%1"_qs.arg(i));
        placement->setProperty("imageIndex", i);
        placement->setChoices(m_body, image.placement);

        auto *fields = new QFormLayout;
        fields->addRow(tr("Caption:"), caption);
        fields->addRow(tr("Credit:"), credit);
        fields->addRow(tr("Alt text:"), alt);
        fields->addRow(tr("Placement:"), placement);
        row->content()->addLayout(pictureColumn(i, row), 0);
        row->content()->addLayout(fields, 1);
        m_rows->addWidget(row);

        caption->setCursorPosition(0);
        credit->setCursorPosition(0);
        alt->setCursorPosition(0);
        auto bind = [this, i](auto *edit, QString StoryImage::*field) {
            using Edit = std::remove_pointer_t<decltype(edit)>;
            connect(edit, &Edit::textChanged, this, [this, i, field](const QString &value) {
                m_images[i].*field = value;
                Q_EMIT imagesChanged();
            });
        };
        bind(caption, &StoryImage::caption);
        bind(credit, &StoryImage::credit);
        bind(alt, &StoryImage::altText);
        connect(placement, &PlacementCombo::placementChosen, this, [this, i](const Placement &where) {
            m_images[i].placement = where;
            Q_EMIT imagesChanged();
        });
        row->onActions(
            this, m_images, i,
            [this] {
                rebuild();
                Q_EMIT imagesChanged();
            },
            [this, i] { remove(i); });
    }
}

QLayout *ImagePanel::pictureColumn(int index, QWidget *row) {
    auto *column = new QVBoxLayout;
    const StoryImage &image = m_images[index];
    if (image.isMissing()) {
        column->addWidget(thumbnail(image, row), 0, Qt::AlignTop);
        column->addStretch();
        return column;
    }
    // The picture itself: drag to crop, click for the focal point (renditions and preview follow).
    auto *view = new CropView(row);
    view->setObjectName(u"imageCrop%1"_qs.arg(index));
    view->setFixedSize(view->sizeHint());
    view->setPicture(image);
    auto *whole = new QPushButton(tr("Whole picture"), row);
    whole->setObjectName(u"imageCropReset%1"_qs.arg(index));
    whole->setToolTip(tr("Undo the crop and centre the focal point"));
    whole->setEnabled(!image.crop.isNull() || image.hasFocus());
    connect(whole, &QPushButton::clicked, view, &CropView::reset);
    connect(view, &CropView::changed, this, [this, index, whole](const QRectF &crop, const QPointF &focus) {
        m_images[index].crop = crop;
        m_images[index].focus = focus;
        whole->setEnabled(!crop.isNull() || m_images[index].hasFocus());
        Q_EMIT imagesChanged();
    });
    auto *hint = new QLabel(tr("Drag to crop · click: focal point"), row);
    hint->setStyleSheet(u"color: palette(mid); font-size: small;"_qs);
    column->addWidget(view, 0, Qt::AlignTop);
    column->addWidget(hint);
    column->addWidget(whole, 0, Qt::AlignLeft);
    column->addStretch();
    return column;
}

void ImagePanel::remove(int index) {
    const QString name = m_images[index].fileName.isEmpty() ? tr("this picture")
                                                            : u"“"_qs + m_images[index].fileName + u"”"_qs;
    if (QMessageBox::question(this, tr("Remove picture"), tr("Remove %1 from the story?").arg(name)) !=
        QMessageBox::Yes)
        return;
    m_images.removeAt(index);
    rebuild();
    Q_EMIT imagesChanged();
}

} // namespace galley
