#include "cliverbs.h"

#include "export/exportwarnings.h"
#include "export/storyexporter.h"
#include "render/pagehead.h"
#include "logging.h"
#include "storage/serveraddress.h"
#include "storage/storylibrary.h"

#include <QDir>
#include <QFileInfo>

namespace galley::cli {

namespace {

const QString DbOption = u"db"_qs;
const QString OutOption = u"out"_qs;
const QString TrashOption = u"trash"_qs;

} // namespace

void addDbOption(QCommandLineParser &parser) {
    parser.addOption({DbOption,
                      u"The story library: a file, or a library on a PostgreSQL server as "
                      u"postgresql://user@host[:port]/dbname (default: Galley's own library file)."_qs,
                      u"PATH"_qs});
}

// A missing file is an error rather than a new empty library: a mistyped --db must not look like a
// library with no stories.
bool openLibrary(StoryLibrary &library, const QCommandLineParser &parser, CliStreams &io,
                 StoryLibrary::Access access) {
    const QString path = parser.isSet(DbOption) ? parser.value(DbOption) : StoryLibrary::defaultPath();
    const QFileInfo info(path);
    if (!isServerLocation(path) && !info.exists()) {
        const QString hint = parser.isSet(DbOption)
                                 ? QString()
                                 : u" Open Galley once to make it, or name a library with --db PATH."_qs;
        failure(u"There is no story library at %1."_qs.arg(QDir::toNativeSeparators(path)) % hint, io);
        return false;
    }
    QString error;
    if (!library.open(path, &error, access)) {
        failure(error.isEmpty()
                    ? u"Cannot open the story library at %1."_qs.arg(QDir::toNativeSeparators(path))
                    : error,
                io);
        return false;
    }
    qCDebug(lcCli) << "Opened library" << path;
    return true;
}

void configureList(QCommandLineParser &parser) {
    addDbOption(parser);
    parser.addOption({TrashOption, u"List the stories in the Trash instead, most recently deleted first, with the "
                                   u"time each was deleted (UTC)."_qs});
}

int runList(const CliVerb &verb, const QCommandLineParser &parser, CliStreams &io) {
    if (!parser.positionalArguments().isEmpty())
        return usageError(verb, u"list takes no arguments, only --trash and --db."_qs, io);
    StoryLibrary library;
    if (!openLibrary(library, parser, io, StoryLibrary::Access::ReadOnly))
        return ExitFailure;
    QString error;
    if (parser.isSet(TrashOption)) {
        const QList<TrashedStory> trashed = library.trashedStories(&error);
        if (!error.isEmpty())
            return failure(error, io);
        for (const TrashedStory &row : trashed)
            io.out << row.story.slug << u'\t' << statusName(row.story.status) << u'\t'
                   << oneLine(row.story.headline) << u'\t' << row.trashed.toUTC().toString(Qt::ISODate) << u'\n';
        io.out.flush();
        return ExitOk;
    }
    const QList<StorySummary> stories = library.list({}, &error);
    if (!error.isEmpty())
        return failure(error, io);
    for (const StorySummary &story : stories)
        io.out << story.slug << u'\t' << statusName(story.status) << u'\t' << oneLine(story.headline)
               << u'\n';
    io.out.flush();
    return ExitOk;
}

void configureExport(QCommandLineParser &parser) {
    addDbOption(parser);
    parser.addOption({OutOption, u"The folder to write the page into (created if needed)."_qs, u"DIR"_qs});
    parser.addOption({u"format"_qs,
                      u"What to write: html (the page, DIR/index.html; the default), nitf (IPTC NITF 3.6, "
                      u"DIR/SLUG.xml), ninjs (IPTC ninjs 2.2, DIR/SLUG.json) or newsml (IPTC NewsML-G2 "
                      u"2.35, DIR/SLUG.newsml.xml); pictures go in DIR/images/."_qs,
                      u"FORMAT"_qs, u"html"_qs});
    parser.addOption({u"base-url"_qs,
                      u"Where the site publishes stories (https://news.example.org/stories): the page's "
                      u"canonical URL is URL/SLUG/ and its social pictures are absolute below it. Default: "
                      u"the site base URL in the settings."_qs,
                      u"URL"_qs});
    parser.addPositionalArgument(u"slug"_qs, u"The story to export."_qs, u"SLUG"_qs);
}

int runExport(const CliVerb &verb, const QCommandLineParser &parser, CliStreams &io) {
    const QStringList args = parser.positionalArguments();
    if (args.isEmpty())
        return usageError(verb, u"Say which story to export: its slug is missing."_qs, io);
    if (args.size() > 1)
        return usageError(verb, u"export takes one slug; got %1."_qs.arg(args.size()), io);
    if (!parser.isSet(OutOption) || parser.value(OutOption).isEmpty())
        return usageError(verb, u"Say where to write the page with --out DIR."_qs, io);
    const std::optional<ExportFormat> format = exportFormatFromName(parser.value(u"format"_qs));
    if (!format)
        return usageError(verb,
                          u"“%1” is not a format Galley writes: use html, nitf, ninjs or newsml."_qs.arg(
                              parser.value(u"format"_qs)),
                          io);

    ExportOptions options;
    if (parser.isSet(u"base-url"_qs)) {
        QString problem;
        const std::optional<QString> base = normalizeSiteBaseUrl(parser.value(u"base-url"_qs), &problem);
        if (!base)
            return usageError(verb, problem, io);
        options.siteBaseUrl = *base;
    } else {
        options.siteBaseUrl = siteBaseUrlFromSettings();
    }

    StoryLibrary library;
    if (!openLibrary(library, parser, io, StoryLibrary::Access::ReadOnly))
        return ExitFailure;
    const QString slug = args.constFirst();
    QString error;
    const std::optional<Story> story = library.loadBySlug(slug, &error);
    if (!story)
        return failure(error.isEmpty() ? u"There is no story with the slug “%1”."_qs.arg(slug) : error, io);

    const QString dir = QDir(parser.value(OutOption)).absolutePath();
    if (!exportStory(*story, dir, &error, *format, options))
        return failure(error, io);
    // The page is written, but a producer must know what is unfinished in it.
    for (const QString &warning : exportWarnings(*story))
        io.err << u"galley: warning: "_qs << warning << u'\n';
    io.err.flush();
    io.out << QDir::toNativeSeparators(dir % u'/' % exportMainFileName(*story, *format)) << u'\n';
    io.out.flush();
    return ExitOk;
}

} // namespace galley::cli
