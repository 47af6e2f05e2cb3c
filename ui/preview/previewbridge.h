#pragma once

#include <QObject>

namespace galley {

/// The object the preview page reaches through QWebChannel (as "bridge"): it reports a click on a
/// body block and, after each patch, the moment the page painted it. Everything it receives comes
/// from the page, so it only forwards what it gets as signals; the pane checks it.
class PreviewBridge final : public QObject {
    Q_OBJECT

public:
    using QObject::QObject;

public Q_SLOTS:
    /// The reader clicked body block @p blockId (a data-block value) in the page.
    void blockClicked(const QString &blockId) { Q_EMIT blockActivated(blockId); }
    /// Patch @p sequence is on screen: the first animation frame after it was applied ran at
    /// @p pageTimeMs (milliseconds since the Unix epoch, the page's performance clock).
    void painted(double sequence, double pageTimeMs) { Q_EMIT framePainted(quint64(sequence), pageTimeMs); }

Q_SIGNALS:
    void blockActivated(const QString &blockId);
    void framePainted(quint64 sequence, double pageTimeMs);
};

} // namespace galley
