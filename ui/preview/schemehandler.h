#pragma once

#include "model/story.h"

#include <QHash>
#include <QWebEngineUrlSchemeHandler>

namespace galley {

/// Answers galley: requests of one preview: galley://preview/index.html, preview.js,
/// qwebchannel.js (Qt's) and article.css from resources, and galley://image/<id> with that picture
/// of the story last given to setImages(), turned and cropped as the export's renditions are. Anything else fails with "not found"; only GET is served.
class SchemeHandler final : public QWebEngineUrlSchemeHandler {
    Q_OBJECT

public:
    using QWebEngineUrlSchemeHandler::QWebEngineUrlSchemeHandler;

    /// The pictures the preview may show, replacing the previous set.
    void setImages(const QList<StoryImage> &images);

    void requestStarted(QWebEngineUrlRequestJob *job) override;

private:
    /// A picture as the preview serves it (previewPictureBytes()), made once per version.
    struct Served {
        QString url; ///< previewImageUrl() it was made for
        QString mimeType;
        QByteArray bytes;
    };

    QHash<QString, StoryImage> m_images;
    QHash<QString, Served> m_served;
};

} // namespace galley
