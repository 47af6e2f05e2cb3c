#include "startfolder.h"

#include <QDir>
#include <QFileInfo>

namespace galley {

QString existingFolderOrHome(const QString &folder) {
    if (!folder.isEmpty() && QFileInfo(folder).isDir())
        return folder;
    return QDir::homePath();
}

QString startFolder(QStandardPaths::StandardLocation location) {
    return existingFolderOrHome(QStandardPaths::writableLocation(location));
}

} // namespace galley
