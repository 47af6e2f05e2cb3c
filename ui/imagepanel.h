#pragma once

#include "model/story.h"

#include <QWidget>

class QLabel;
class QLayout;
class QVBoxLayout;

namespace galley {

/// The story's pictures, one row each: the picture with its crop and focal point (CropView: drag to
/// crop, click for the focal point), caption, credit, alt text, placement (lead image at top, or
/// after a body block), up, down, remove. Pictures come in through a file dialog or by
/// dropping JPEG, PNG, WebP or GIF files on the panel; other or damaged files are refused with a
/// message shown in the panel, and the pictures that were fine are still added.
class ImagePanel final : public QWidget {
    Q_OBJECT

public:
    explicit ImagePanel(QWidget *parent = nullptr);

    void setImages(const QList<StoryImage> &images, const QList<Block> &body);
    void updatePlacements(const QList<StoryImage> &images, const QList<Block> &body);
    QList<StoryImage> images() const { return m_images; }

    /// Imports the files at @p paths; returns how many were added. Refusals show in the panel.
    /// Each picture's own metadata (readPictureMetadata()) fills its empty caption, credit and alt
    /// text; metadataFilled() says which.
    int addFiles(const QStringList &paths);
    /// The message about refused files, empty when the last import went well.
    QString lastError() const;

Q_SIGNALS:
    /// The user changed, added, moved or removed a picture.
    void imagesChanged();
    /// Adding pictures filled fields from their own metadata: one sentence per picture
    /// (filledFieldsSentence()), joined by spaces.
    void metadataFilled(const QString &sentence);

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void chooseFiles();
    void rebuild();
    void remove(int index);
    /// The picture of row @p index for @p row: its CropView with a Whole picture button, or the
    /// "Picture missing" box.
    QLayout *pictureColumn(int index, QWidget *row);

    QList<StoryImage> m_images;
    QList<Block> m_body;
    QVBoxLayout *m_rows;
    QLabel *m_empty;
    QLabel *m_error;
};

} // namespace galley
