#pragma once

#include "import/importer.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

class QMimeData;
class QWidget;

namespace galley {

/// One file or clipboard content offered for import, and what importing it gave: a result to
/// review, or a plain sentence saying why it cannot be imported.
struct ImportAttempt {
    QString sourceName;
    std::optional<ImportResult> result;
    QString error;
};

/// Name filters for File > Import's file dialog ("Stories (*.txt ... *.xml *.json)", ...).
QStringList importFileFilters();

/// True when @p mime holds something the importer reads: local files (a drop from a file manager),
/// HTML (a paste from Word, LibreOffice, Google Docs or a browser) or plain text.
bool canImportMimeData(const QMimeData *mime);

/// Imports what @p mime holds: each local file, else the HTML (preferred, since it keeps headings
/// and styles), else the plain text, as "clipboard". Never writes anything.
QList<ImportAttempt> importMimeData(const QMimeData *mime);

/// Imports each of @p paths (File > Import).
QList<ImportAttempt> importPaths(const QStringList &paths);

/// Finds the library's earlier version of an imported story (same wire id, or agency and slug),
/// loaded whole; nullopt when there is none.
using EarlierVersionFinder = std::function<std::optional<Story>(const Story &incoming)>;

/// Shows each failed attempt's sentence in a message box and each result in an
/// ImportReviewDialog; returns the stories the editor accepted, in order. When @p findEarlier finds
/// an earlier version of a story, its review offers to update that one: the story returned is then
/// the existing story updated (same id). The caller saves them (StoryLibrary::save) and opens them.
QList<Story> reviewImportAttempts(const QList<ImportAttempt> &attempts, QWidget *parent,
                                  const EarlierVersionFinder &findEarlier = {});

} // namespace galley
