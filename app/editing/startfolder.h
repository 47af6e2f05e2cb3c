#pragma once

#include <QStandardPaths>
#include <QString>

namespace galley {

/// Where a file dialog should open: @p folder when it names an existing folder, else the user's
/// home folder. Qt's dialogs put a path that does not exist into the file-name box ("Pictures"),
/// so a missing standard folder must never be passed on.
QString existingFolderOrHome(const QString &folder);

/// existingFolderOrHome() of the standard @p location (QStandardPaths::PicturesLocation, ...).
QString startFolder(QStandardPaths::StandardLocation location);

} // namespace galley
