#include "importverb.h"
#include "storage/serveraddress.h"

#include "import/importer.h"
#include "logging.h"
#include "model/storyversion.h"
#include "storage/storylibrary.h"
#include "storage/storyversions.h"

#include <QDir>
#include <QFileInfo>

namespace galley::cli {

namespace {

const QString DbOption = u"db"_qs;
const QString ReportOption = u"report"_qs;
const QString NewOption = u"new"_qs;

} // namespace

void configureImport(QCommandLineParser &parser) {
    parser.addOption({DbOption, u"The story library file (default: Galley's own library)."_qs, u"PATH"_qs});
    parser.addOption(
        {ReportOption, u"Also print the import report: every removed line and every change."_qs});
    parser.addOption({NewOption,
                      u"Import a later version of a wire story already in the library as a separate "
                      "story instead of updating that one."_qs});
    parser.addPositionalArgument(
        u"files"_qs,
        u"Text, HTML, NITF, ninjs or NewsML-G2 files to import. A later version of a wire story already in "
        "the library (the same original id, or a write-thru with the same agency and slug) updates that "
        "story: its text and wire details are replaced and the older text is not kept; its slug, status "
        "and the desk's notes stay."_qs,
        u"FILE..."_qs);
}

int runImport(const CliVerb &verb, const QCommandLineParser &parser, CliStreams &io) {
    const QStringList files = parser.positionalArguments();
    if (files.isEmpty())
        return usageError(verb, u"Name at least one file to import."_qs, io);

    // Check every file before touching the library, so a bad file leaves it unchanged.
    QList<ImportResult> results;
    QStringList problems;
    for (const QString &file : files) {
        QString error;
        if (auto stories = importAllFromFile(file, &error))
            results.append(*stories);
        else
            problems.append(error);
    }
    if (!problems.isEmpty()) {
        for (const QString &problem : std::as_const(problems))
            failure(problem, io);
        return failure(u"Nothing was imported."_qs, io);
    }

    const QString path = parser.isSet(DbOption) ? parser.value(DbOption) : StoryLibrary::defaultPath();
    const bool existed = isServerLocation(path) || QFileInfo::exists(path);
    StoryLibrary library;
    QString error;
    if (!library.open(path, &error))
        return failure(error, io);
    if (!existed)
        io.err << u"galley: Created a new story library at %1.\n"_qs.arg(QDir::toNativeSeparators(path));

    const bool alwaysNew = parser.isSet(NewOption);
    for (const ImportResult &result : std::as_const(results)) {
        Story story = result.story();
        bool updated = false;
        if (const QString earlier = alwaysNew ? QString() : earlierVersionId(library, story.metadata);
            !earlier.isEmpty()) {
            const auto existing = library.load(earlier, &error);
            if (!existing)
                return failure(u"%1: %2"_qs.arg(result.report().sourceName, error), io);
            story = laterVersion(*existing, story);
            updated = true;
        }
        SaveOptions options;
        options.kind = RevisionKind::Import;
        if (updated)
            options.summary = u"wire update: "_qs + result.report().sourceName;
        if (!library.save(story, options, &error))
            return failure(u"%1: %2"_qs.arg(result.report().sourceName, error), io);
        qCDebug(lcCli) << (updated ? "updated" : "imported") << result.report().sourceName << "as"
                       << story.slug;
        io.out << story.slug << u'\t' << oneLine(story.headline) << (updated ? u"\tupdated"_qs : QString())
               << u'\n';
        if (parser.isSet(ReportOption))
            io.out << formatImportReport(result.report());
    }
    io.out.flush();
    io.err.flush();
    return ExitOk;
}

} // namespace galley::cli
