#include "mainwindow.h"

#include "editing/startfolder.h"
#include "export/exportwarnings.h"
#include "export/storyexporter.h"
#include "render/pagehead.h"
#include "settings.h"
#include "storyeditor.h"

#include <QDesktopServices>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardPaths>
#include <QStatusBar>
#include <QUrl>

namespace galley {

// File > Export: the story as it stands on screen (saved or not) becomes a page folder (or a
// NITF / ninjs / NewsML-G2 file with its pictures) named after its slug inside the folder the user picks.
void MainWindow::exportCurrent(ExportFormat format) {
    if (!m_hasStory)
        return;
    // The folder used last time may have gone since; then Documents, then home.
    QString start = m_settings->value(Settings::Key::LastExportFolder).toString();
    if (!QFileInfo(start).isDir())
        start = startFolder(QStandardPaths::DocumentsLocation);
    const QString parent = QFileDialog::getExistingDirectory(this, tr("Export story to folder"), start);
    if (parent.isEmpty())
        return;
    m_settings->setValue(Settings::Key::LastExportFolder, parent);
    exportCurrentTo(parent, format);
}

void MainWindow::exportCurrentTo(const QString &parentFolder, ExportFormat format) {
    QString error;
    const QString folder = exportToFolder(parentFolder, &error, format);
    if (folder.isEmpty()) {
        QMessageBox::warning(this, tr("Story not exported"), error);
        return;
    }
    // The page is written either way; what is unfinished is said before anyone publishes it.
    const QStringList warnings = exportWarnings(m_editor->story());
    QString text = format == ExportFormat::Html
                       ? tr("The page is in %1.").arg(QDir::toNativeSeparators(folder))
                       : tr("%1 is in %2.")
                             .arg(exportMainFileName(m_editor->story(), format), QDir::toNativeSeparators(folder));
    if (!warnings.isEmpty())
        text += u"\n\n"_qs + tr("Before it is published:") + u"\n• "_qs + warnings.join(u"\n• "_qs);
    QMessageBox done(warnings.isEmpty() ? QMessageBox::Information : QMessageBox::Warning, tr("Story exported"),
                     text, QMessageBox::Ok, this);
    done.setObjectName(u"exportDoneBox"_qs);
    QPushButton *open = done.addButton(tr("Open folder"), QMessageBox::ActionRole);
    done.exec();
    if (done.clickedButton() == open)
        QDesktopServices::openUrl(QUrl::fromLocalFile(folder));
}

QString MainWindow::exportToFolder(const QString &parentFolder, QString *error, ExportFormat format) {
    const Story &story = m_editor->story();
    const QString folder = QDir(parentFolder).filePath(story.slug.isEmpty() ? u"story"_qs : story.slug);
    ExportOptions options;
    options.siteBaseUrl =
        normalizeSiteBaseUrl(m_settings->value(Settings::Key::SiteBaseUrl).toString()).value_or(QString());
    return exportStory(story, folder, error, format, options) ? folder : QString();
}

void MainWindow::chooseSiteBaseUrl() {
    QString text = m_settings->value(Settings::Key::SiteBaseUrl).toString();
    QString problem;
    for (;;) {
        QString prompt = tr("Where your site publishes stories. An exported page's canonical link is this "
                            "address followed by the story's slug, and its pictures for social sites are "
                            "below it. Leave it empty for none.");
        if (!problem.isEmpty())
            prompt = problem + u"\n\n"_qs + prompt;
        bool ok = false;
        text = QInputDialog::getText(this, tr("Site address for web pages"), prompt, QLineEdit::Normal, text, &ok);
        if (!ok)
            return;
        const std::optional<QString> base = normalizeSiteBaseUrl(text, &problem);
        if (base) {
            m_settings->setValue(Settings::Key::SiteBaseUrl, *base);
            statusBar()->showMessage(base->isEmpty() ? tr("Exported pages will have no site address.")
                                                     : tr("Exported pages will live under %1.").arg(*base),
                                     5000);
            return;
        }
    }
}

} // namespace galley
