#include "importsource.h"

#include "importreviewdialog.h"
#include "logging.h"

#include <QMessageBox>
#include <QMimeData>
#include <QUrl>

namespace galley {

namespace {

QStringList localFiles(const QMimeData *mime) {
    QStringList out;
    if (!mime || !mime->hasUrls())
        return out;
    for (const QUrl &url : mime->urls())
        if (url.isLocalFile())
            out << url.toLocalFile();
    return out;
}

ImportAttempt attempt(const QString &sourceName, std::optional<ImportResult> result, const QString &error) {
    return ImportAttempt{sourceName, std::move(result), error};
}

} // namespace

QStringList importFileFilters() {
    return {QObject::tr("Stories (*.txt *.text *.html *.htm *.nitf *.xml *.json)"),
            QObject::tr("Text (*.txt *.text)"), QObject::tr("Web pages and pasted documents (*.html *.htm)"),
            QObject::tr("NITF (*.nitf *.xml)"), QObject::tr("Agency wire: NewsML-G2 and ninjs (*.xml *.json)"),
            QObject::tr("All files (*)")};
}

bool canImportMimeData(const QMimeData *mime) {
    return mime && (!localFiles(mime).isEmpty() || mime->hasHtml() || mime->hasText());
}

QList<ImportAttempt> importPaths(const QStringList &paths) {
    QList<ImportAttempt> out;
    for (const QString &path : paths) {
        QString error;
        auto results = importAllFromFile(path, &error);
        if (!results) {
            out.append(attempt(path, std::nullopt, error));
            continue;
        }
        // A news message holds several stories: each is reviewed on its own.
        for (const ImportResult &result : std::as_const(*results))
            out.append(attempt(path, result, {}));
    }
    return out;
}

QList<ImportAttempt> importMimeData(const QMimeData *mime) {
    if (!mime)
        return {};
    const QStringList files = localFiles(mime);
    if (!files.isEmpty())
        return importPaths(files);
    const QString clipboard = QObject::tr("clipboard");
    QString error;
    if (mime->hasHtml()) {
        auto result =
            importBytes(mime->html().toUtf8(), ImportOptions{clipboard, ImportFormat::Html}, &error);
        return {attempt(clipboard, std::move(result), error)};
    }
    if (mime->hasText()) {
        auto result =
            importBytes(mime->text().toUtf8(), ImportOptions{clipboard, ImportFormat::PlainText}, &error);
        return {attempt(clipboard, std::move(result), error)};
    }
    return {};
}

QList<Story> reviewImportAttempts(const QList<ImportAttempt> &attempts, QWidget *parent,
                                  const EarlierVersionFinder &findEarlier) {
    QList<Story> accepted;
    for (const ImportAttempt &attempt : attempts) {
        if (!attempt.result) {
            qCInfo(lcUi) << "import refused:" << attempt.error;
            QMessageBox box(QMessageBox::Warning, QObject::tr("Cannot import"), attempt.error,
                            QMessageBox::Ok, parent);
            box.setTextFormat(Qt::PlainText); // the sentence quotes a file name: never rich text
            box.exec();
            continue;
        }
        const std::optional<Story> earlier =
            findEarlier ? findEarlier(attempt.result->story()) : std::optional<Story>();
        if (auto story = reviewImport(*attempt.result, parent, earlier))
            accepted.append(*story);
    }
    return accepted;
}

} // namespace galley
