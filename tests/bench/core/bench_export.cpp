// Export of the generated 10,000-word story with 10 pictures in every format Galley writes (the
// page, NITF 3.6, ninjs 2.2, NewsML-G2 2.35), side by side with pandoc making a standalone HTML page
// from the same text written as Markdown. Both are timed as the whole operation a user waits for:
// a process run from start to exit (`galley export --db --out --format FORMAT SLUG`, which opens
// the library and loads the story; `pandoc -s -f markdown -t html -o out.html in.md`). The two
// runs alternate so a busy moment on the machine hits both. Galley also writes the ten pictures,
// each with its caption, credit and alt text written into its metadata; pandoc only links them.
// exportStory() in process is timed too, for each format.

#include "benchoptions.h"
#include "benchreport.h"
#include "export/exportformat.h"
#include "export/storyexporter.h"
#include "storage/storylibrary.h"
#include "storygenerator.h"
#include "storymarkdown.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QMap>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>

#include <functional>

using namespace galley;
using namespace galley::bench;

namespace {

constexpr int ProcessRuns = 15;

/// Wall time of one process run in ms; -1 with @p error set when it fails to start or exits non-zero.
double timeProcess(const QString &program, const QStringList &arguments, const QString &workDir,
                   QString *error) {
    QProcess process;
    process.setWorkingDirectory(workDir);
    process.setProcessChannelMode(QProcess::MergedChannels);
    QElapsedTimer timer;
    timer.start();
    process.start(program, arguments);
    const bool finished = process.waitForFinished(120000);
    const double ms = double(timer.nsecsElapsed()) / 1e6;
    if (!finished || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        *error = u"%1 %2 failed: %3"_qs.arg(program, arguments.join(u' '),
                                            QString::fromLocal8Bit(process.readAll()).trimmed());
        return -1;
    }
    return ms;
}

bool writeFile(const QString &path, const QByteArray &bytes, QString *error) {
    QFile file(path);
    if (file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size())
        return true;
    *error = u"Cannot write %1: %2."_qs.arg(path, file.errorString());
    return false;
}

bool compare(const BenchOptions &bench, ExportFormat format,
             const std::function<QString(ExportFormat, const QString &)> &key, const Story &story,
             const QString &db, const QString &pandocDir, const QStringList &pandocArgs,
             const QList<double> &inProcess, const QString &workDir, QString *error);

bool run(const BenchOptions &bench, QString *error) {
    QTemporaryDir work;
    if (!work.isValid()) {
        *error = u"Cannot make a temporary folder: %1."_qs.arg(work.errorString());
        return false;
    }
    StoryGenerator generator(20260402 + 10000);
    Story story = generator.longStory(10000);
    const QString words = QString::number(story.wordCount());

    const QList<ExportFormat> formats{ExportFormat::Html, ExportFormat::Nitf, ExportFormat::Ninjs,
                                      ExportFormat::NewsMl};
    // The page keeps the names it always had; the syndication formats say theirs.
    const auto key = [](ExportFormat format, const QString &what) -> QString {
        if (format == ExportFormat::Html)
            return u"export.galley."_qs % what;
        return u"export.galley."_qs % exportFormatName(format) % u'.' % what;
    };
    QMap<ExportFormat, QList<double>> inProcess;
    for (const ExportFormat format : formats) {
        const QString inProcessDir = work.filePath(u"galley-in-process-"_qs % exportFormatName(format));
        QString exportError;
        inProcess[format] =
            timeRuns([&] { exportStory(story, inProcessDir, &exportError, format); }, 30, 100, 3000);
        if (!exportError.isEmpty()) {
            *error = exportError;
            return false;
        }
        if (!recordMeasurement(
                bench.results,
                {key(format, u"in-process"_qs), u"ms"_qs, inProcess.value(format), std::nullopt,
                 u"exportStory() of the %1-word story with 10 pictures as %2, in process"_qs.arg(
                     words, exportFormatName(format))},
                error))
            return false;
    }

    if (bench.pandoc.isEmpty()) {
        QTextStream(stdout) << "pandoc is not installed: the export comparison is skipped.\n";
        return true;
    }
    // The pandoc input: the same story as Markdown, its pictures beside it where the text links them.
    // Kept in the data folder so the input and pandoc's page can be looked at after a run.
    const QString pandocDir = bench.data % u"/export-pandoc"_qs;
    QDir().mkpath(pandocDir % u"/images"_qs);
    auto imagePath = [](const StoryImage &image) -> QString { return u"images/"_qs % image.fileName; };
    for (const StoryImage &image : story.images)
        if (!writeFile(pandocDir % u'/' % imagePath(image), image.data, error))
            return false;
    if (!writeFile(pandocDir % u"/in.md"_qs, storyToMarkdown(story, imagePath).toUtf8(), error))
        return false;
    const QStringList pandocArgs = {u"-s"_qs,   u"-f"_qs, u"markdown"_qs, u"-t"_qs,
                                    u"html"_qs, u"-o"_qs, u"out.html"_qs, u"in.md"_qs};

    const bool haveGalley = !bench.galley.isEmpty();
    const QString db = work.filePath(u"library.sqlite"_qs);
    if (haveGalley) {
        StoryLibrary library;
        if (!library.open(db, error) || !library.save(story, error))
            return false;
    }
    for (const ExportFormat format : formats)
        if (!compare(bench, format, key, story, db, pandocDir, pandocArgs, inProcess.value(format),
                     work.path(), error))
            return false;
    return true;
}

/// `galley export --format @p format` against pandoc, run by run, and their ratio.
bool compare(const BenchOptions &bench, ExportFormat format,
             const std::function<QString(ExportFormat, const QString &)> &key, const Story &story,
             const QString &db, const QString &pandocDir, const QStringList &pandocArgs,
             const QList<double> &inProcess, const QString &workDir, QString *error) {
    const bool haveGalley = !bench.galley.isEmpty();
    QStringList galleyArgs;
    if (haveGalley)
        galleyArgs = {u"export"_qs,   story.slug,
                      u"--db"_qs,     db,
                      u"--format"_qs, exportFormatName(format),
                      u"--out"_qs,    workDir % u"/galley-process-"_qs % exportFormatName(format)};
    const QString formatName = exportFormatName(format);

    QList<double> galleyRuns;
    QList<double> pandocRuns;
    QList<double> ratios;
    // One untimed run of each first, so neither pays for a cold disk cache alone.
    if (timeProcess(bench.pandoc, pandocArgs, pandocDir, error) < 0 ||
        (haveGalley && timeProcess(bench.galley, galleyArgs, workDir, error) < 0))
        return false;
    for (int i = 0; i < ProcessRuns; ++i) {
        const double pandoc = timeProcess(bench.pandoc, pandocArgs, pandocDir, error);
        if (pandoc < 0)
            return false;
        pandocRuns.append(pandoc);
        double galley = inProcess.isEmpty() ? 0 : inProcess.at(i % inProcess.size());
        if (haveGalley) {
            galley = timeProcess(bench.galley, galleyArgs, workDir, error);
            if (galley < 0)
                return false;
            galleyRuns.append(galley);
        }
        ratios.append(galley / pandoc);
    }
    if (haveGalley &&
        !recordMeasurement(bench.results,
                           {key(format, u"process"_qs), u"ms"_qs, galleyRuns, std::nullopt,
                            u"`galley export --format %1` process: start, open library, load, write the file "
                            u"and the pictures"_qs.arg(formatName)},
                           error))
        return false;
    const QString pandocKey = format == ExportFormat::Html
                                  ? u"export.pandoc.process"_qs
                                  : QString(u"export.pandoc.process.vs-"_qs % formatName);
    if (!recordMeasurement(
            bench.results,
            {pandocKey, u"ms"_qs, pandocRuns, std::nullopt,
             u"`pandoc -s -f markdown -t html` of the same story as Markdown (%1 bytes)"_qs.arg(
                 QFile(pandocDir % u"/in.md"_qs).size())},
            error))
        return false;
    const Goal faster{u"< 1 (faster than pandoc)"_qs, Statistic::Median, 1.0, true};
    return recordMeasurement(
        bench.results,
        {format == ExportFormat::Html ? u"export.ratio.galley-to-pandoc"_qs
                                      : QString(u"export.ratio."_qs % formatName % u"-to-pandoc"_qs),
         u"x"_qs, ratios, faster,
         haveGalley ? u"per pair: galley export --format %1 process / pandoc process"_qs.arg(formatName)
                    : u"galley binary not built: in-process exportStory / pandoc process "
                      u"(not a like-for-like comparison)"_qs},
        error);
}

} // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    const BenchOptions bench = parseBenchOptions();
    QString error;
    if (!run(bench, &error)) {
        QTextStream(stderr) << "bench_export: " << error << '\n';
        return 1;
    }
    return 0;
}
