#pragma once

#include <QSettings>
#include <QVariant>

namespace galley {

/// The editor's remembered state, in QSettings under the application's organisation and name.
/// Every key and its default live in one table in settings.cpp, so a key is spelled once.
class Settings final {
public:
    enum class Key {
        WindowGeometry,   ///< QByteArray from QWidget::saveGeometry()
        WindowState,      ///< QByteArray from QMainWindow::saveState()
        SplitterState,    ///< QByteArray from QSplitter::saveState()
        LastStoryId,      ///< QString, the story open when the window closed
        LastExportFolder, ///< QString, the folder last chosen for File > Export
        UserName,         ///< QString, who signs editor's notes; the account's full name by default
        RecoveryFolder,   ///< QString, where recovery journals go; <AppLocalDataLocation>/recovery
        MarkFindingsInPreview, ///< bool, the Checks panel marks its findings on the preview; off
        ShowStoryList,    ///< bool, View › Story List; true by default
        ShowPreview,      ///< bool, View › Preview; true by default
        CurlyQuotes,      ///< bool, straight quotes typed or pasted in story fields become curly; on
        SiteBaseUrl,      ///< QString, where the site publishes stories (pagehead.h); empty
        DeskName,         ///< QString, the desk shown after the user's name in edit locks ("Sport desk"); empty
        RecentLibraries,  ///< QStringList, libraries last opened from File › Connect (addresses, never passwords)
    };

    Settings() = default;
    Q_DISABLE_COPY_MOVE(Settings)

    /// The stored value of @p key, or its default from the table.
    QVariant value(Key key) const;
    void setValue(Key key, const QVariant &value);

    /// QSettings path of @p key ("window/geometry", ...).
    static QString keyName(Key key);

private:
    QSettings m_settings;
};

} // namespace galley
