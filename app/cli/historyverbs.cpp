// The history verbs (issue 9): `galley history`, `galley diff` and `galley restore`.

#include "cliverbs.h"

#include "history/revisiondiff.h"
#include "storage/storylibrary.h"

#include <QJsonDocument>

namespace galley::cli {

namespace {

const QString JsonOption = u"json"_qs;
const QString StatusOption = u"status"_qs;

QString timeText(const QDateTime &time) {
    return time.toUTC().toString(Qt::ISODate);
}

/// The revision number @p text names, or 0 after a usage error.
int revisionNumber(const QString &text) {
    bool ok = false;
    const int number = text.toInt(&ok);
    return ok && number > 0 ? number : 0;
}

/// The story with @p slug, or nullopt after writing why.
std::optional<Story> storyBySlug(const StoryLibrary &library, const QString &slug, CliStreams &io) {
    QString error;
    std::optional<Story> story = library.loadBySlug(slug, &error);
    if (!story)
        failure(error, io);
    return story;
}

} // namespace

void configureHistory(QCommandLineParser &parser) {
    addDbOption(parser);
    parser.addOption(
        {StatusOption, u"Print the story's status changes instead: time, author, old and new status."_qs});
    parser.addPositionalArgument(u"slug"_qs, u"The story whose history to print."_qs, u"SLUG"_qs);
}

int runHistory(const CliVerb &verb, const QCommandLineParser &parser, CliStreams &io) {
    const QStringList args = parser.positionalArguments();
    if (args.size() != 1)
        return usageError(verb, u"Say which story: history takes one slug."_qs, io);
    StoryLibrary library;
    if (!openLibrary(library, parser, io, StoryLibrary::Access::ReadOnly))
        return ExitFailure;
    const std::optional<Story> story = storyBySlug(library, args.constFirst(), io);
    if (!story)
        return ExitFailure;
    QString error;
    if (parser.isSet(StatusOption)) {
        const QList<StatusChange> changes = library.statusChanges(story->id, &error);
        if (!error.isEmpty())
            return failure(error, io);
        for (const StatusChange &change : changes)
            io.out << timeText(change.time) << u'\t' << oneLine(change.author) << u'\t'
                   << (change.from ? statusName(*change.from) : u"—"_qs) << u'\t' << statusName(change.to)
                   << u'\n';
        io.out.flush();
        return ExitOk;
    }
    const QList<RevisionInfo> revisions = library.revisions(story->id, &error);
    if (!error.isEmpty())
        return failure(error, io);
    for (const RevisionInfo &revision : revisions) {
        QString summary = revision.summary;
        if (!revision.autosaves.isEmpty())
            summary += revision.autosaves.size() == 1 ? u" (1 autosave)"_qs
                                                      : u" (%1 autosaves)"_qs.arg(revision.autosaves.size());
        io.out << revision.number << u'\t' << timeText(revision.saved) << u'\t'
               << (revision.author.isEmpty() ? u"unknown"_qs : oneLine(revision.author)) << u'\t'
               << statusName(revision.status) << u'\t' << oneLine(summary) << u'\n';
    }
    io.out.flush();
    return ExitOk;
}

void configureDiff(QCommandLineParser &parser) {
    addDbOption(parser);
    parser.addOption({JsonOption, u"Print the comparison as JSON."_qs});
    parser.addPositionalArgument(u"slug"_qs, u"The story."_qs, u"SLUG"_qs);
    parser.addPositionalArgument(u"from"_qs, u"The older revision's number."_qs, u"REV_A"_qs);
    parser.addPositionalArgument(u"to"_qs, u"The newer revision's number."_qs, u"REV_B"_qs);
}

int runDiff(const CliVerb &verb, const QCommandLineParser &parser, CliStreams &io) {
    const QStringList args = parser.positionalArguments();
    if (args.size() != 3)
        return usageError(verb, u"diff takes a slug and two revision numbers."_qs, io);
    const int from = revisionNumber(args.at(1));
    const int to = revisionNumber(args.at(2));
    if (from == 0 || to == 0)
        return usageError(verb, u"A revision is a number from 1 up, as “galley history” lists them."_qs, io);
    StoryLibrary library;
    if (!openLibrary(library, parser, io, StoryLibrary::Access::ReadOnly))
        return ExitFailure;
    const std::optional<Story> story = storyBySlug(library, args.constFirst(), io);
    if (!story)
        return ExitFailure;
    QString error;
    const std::optional<Story> older = library.loadRevision(story->id, from, &error);
    if (!older)
        return failure(error, io);
    const std::optional<Story> newer = library.loadRevision(story->id, to, &error);
    if (!newer)
        return failure(error, io);
    const RevisionDiff diff = diffStories(*older, *newer);
    if (parser.isSet(JsonOption))
        io.out << QString::fromUtf8(QJsonDocument(diffAsJson(diff)).toJson(QJsonDocument::Indented));
    else
        io.out << diffAsText(diff);
    io.out.flush();
    return ExitOk;
}

void configureRestore(QCommandLineParser &parser) {
    addDbOption(parser);
    parser.addPositionalArgument(u"slug"_qs, u"The story."_qs, u"SLUG"_qs);
    parser.addPositionalArgument(u"revision"_qs, u"The revision to bring back."_qs, u"REV"_qs);
}

int runRestore(const CliVerb &verb, const QCommandLineParser &parser, CliStreams &io) {
    const QStringList args = parser.positionalArguments();
    if (args.size() != 2)
        return usageError(verb, u"restore takes a slug and a revision number."_qs, io);
    const int number = revisionNumber(args.at(1));
    if (number == 0)
        return usageError(verb, u"A revision is a number from 1 up, as “galley history” lists them."_qs, io);
    StoryLibrary library;
    if (!openLibrary(library, parser, io, StoryLibrary::Access::ReadWrite))
        return ExitFailure;
    const std::optional<Story> story = storyBySlug(library, args.constFirst(), io);
    if (!story)
        return ExitFailure;
    QString error;
    const std::optional<Story> restored = library.restoreRevision(story->id, number, SaveOptions(), &error);
    if (!restored)
        return failure(error, io);
    const QList<RevisionInfo> revisions = library.revisions(story->id, &error);
    io.out << restored->slug << u'\t'
           << u"revision %1 restored as revision %2"_qs.arg(number).arg(
                  revisions.isEmpty() ? 0 : revisions.first().number)
           << u'\n';
    io.out.flush();
    return ExitOk;
}

} // namespace galley::cli
