#include "cliverbs.h"
#include "importverb.h"

#include "storage/storylibrary.h"

#include <QDir>

namespace galley::cli {

const QList<CliVerb> &cliVerbs() {
    // The one place that knows every verb: add a line here (and its two functions) for a new one.
    static const QList<CliVerb> verbs = {
        {u"list"_qs, u"[--trash] [--db PATH]"_qs,
         u"Print every story, newest first: slug, status and headline separated by tabs (--trash: the "
         u"deleted stories, with the time each was deleted)."_qs, &configureList,
         &runList},
        {u"export"_qs, u"SLUG --out DIR [--format FORMAT] [--base-url URL] [--db PATH]"_qs,
         u"Write story SLUG as a finished page (DIR/index.html; FORMAT html, the default) or as IPTC NITF "
         u"3.6 (nitf: DIR/SLUG.xml), ninjs 2.2 (ninjs: DIR/SLUG.json) or NewsML-G2 2.35 (newsml: "
         u"DIR/SLUG.newsml.xml), with DIR/images/; warn of "
         u"anything unfinished or embargoed."_qs,
         &configureExport, &runExport},
        {u"import"_qs, u"FILE... [--db PATH] [--report] [--new]"_qs,
         u"Import text, HTML, NITF, ninjs or NewsML-G2 files; print slug and headline of each (and the "
         u"report). "
         "A later version of a wire story updates the one in the library as a new revision (--new: a "
         "separate story)."_qs,
         &configureImport, &runImport},
        {u"history"_qs, u"SLUG [--status] [--db PATH]"_qs,
         u"Print the revisions of story SLUG, newest first: number, time (UTC), author, status and what "
         u"changed, separated by tabs (--status: its status changes instead)."_qs,
         &configureHistory, &runHistory},
        {u"diff"_qs, u"SLUG REV_A REV_B [--json] [--db PATH]"_qs,
         u"Print what changed from revision REV_A to REV_B of story SLUG, word by word per field: "
         u"[-deleted-]{+inserted+} (--json: as JSON)."_qs,
         &configureDiff, &runDiff},
        {u"restore"_qs, u"SLUG REV [--db PATH]"_qs,
         u"Bring revision REV of story SLUG back as its newest revision; the current text stays in the "
         u"history."_qs,
         &configureRestore, &runRestore},
        {u"check"_qs, u"SLUG|--rules FILE [--json] [--db PATH]"_qs,
         u"Check story SLUG's spelling, house style and completeness: one finding a line (severity, field, "
         u"message) or a JSON array; exit 3 when any is an error. --rules FILE checks with that rule sheet; "
         u"without SLUG, validates it."_qs,
         &configureCheck, &runCheck},
        {u"admin"_qs, u"init|grant USER ROLE|revoke USER ROLE ADDRESS"_qs,
         u"init: make the shared library at ADDRESS (postgresql://user@host[:port]/dbname) on a PostgreSQL server: "
         u"its database when it has none yet, its tables and the roles galley_reporter, galley_editor and "
         u"galley_producer. grant / revoke: make the login USER a reporter, editor or producer there, or no longer "
         u"one. The password comes from ~/.pgpass or PGPASSWORD."_qs,
         &configureAdmin, &runAdmin},
        {u"copy-library"_qs, u"--from LIBRARY --to LIBRARY"_qs,
         u"Copy a whole library (stories, pictures, revisions, Trash, house dictionary) from a file to a server "
         u"or back, into a new file or an empty library; checked by story counts and per-story checksums."_qs,
         &configureCopyLibrary, &runCopyLibrary},
        {u"help"_qs, u"[VERB]"_qs, u"Show this help, or the help of one verb."_qs, &configureHelp, &runHelp},
    };
    return verbs;
}

const CliVerb *findVerb(const QString &name) {
    for (const CliVerb &verb : cliVerbs())
        if (verb.name == name)
            return &verb;
    return nullptr;
}

QString usageLine(const CliVerb &verb) {
    return u"Usage: galley "_qs % verb.name % u' ' % verb.synopsis;
}

QString generalUsageLine() {
    return u"Usage: galley [--db PATH] [VERB [ARGUMENTS]]"_qs;
}

int usageError(const CliVerb &verb, const QString &message, CliStreams &io) {
    io.err << u"galley: "_qs << message << u'\n' << usageLine(verb) << u'\n'
           << u"Run “galley help” for more."_qs << u'\n';
    io.err.flush();
    return ExitUsage;
}

QString oneLine(QString text) {
    for (QChar &c : text)
        if (c == u'\t' || c == u'\n' || c == u'\r' || c == QChar::LineSeparator ||
            c == QChar::ParagraphSeparator)
            c = u' ';
    return text;
}

int failure(const QString &sentence, CliStreams &io) {
    io.err << u"galley: "_qs << sentence << u'\n';
    io.err.flush();
    return ExitFailure;
}

void configureHelp(QCommandLineParser &parser) {
    parser.addPositionalArgument(u"verb"_qs, u"The verb to explain."_qs, u"[VERB]"_qs);
}

int runHelp(const CliVerb &verb, const QCommandLineParser &parser, CliStreams &io) {
    const QStringList args = parser.positionalArguments();
    if (args.size() > 1)
        return usageError(verb, u"help takes at most one verb."_qs, io);
    if (args.size() == 1) {
        const CliVerb *wanted = findVerb(args.constFirst());
        if (!wanted)
            return usageError(verb, u"There is no verb called “%1”."_qs.arg(args.constFirst()), io);
        io.out << usageLine(*wanted) << u"\n\n"_qs << wanted->summary << u'\n';
        io.out.flush();
        return ExitOk;
    }
    io.out << generalUsageLine()
           << u"\n       galley [--db PATH] FILE...\n"
              u"       galley --help | --version\n\n"
              u"Without a verb, Galley opens the editor; files named instead of a verb open in its import "
              u"review. Verbs:\n"_qs;
    // One column for the summaries, as wide as the longest verb with its arguments.
    qsizetype width = 0;
    for (const CliVerb &v : cliVerbs())
        width = qMax(width, v.name.size() + 1 + v.synopsis.size());
    for (const CliVerb &v : cliVerbs())
        io.out << u"  "_qs << QString(v.name % u' ' % v.synopsis).leftJustified(width) << u"  "_qs
               << v.summary << u'\n';
    io.out << u"\nThe library is %1 unless --db names another file or a server's postgresql://user@host/dbname.\n"
              u"Exit status: 0 done, 1 the work failed, 2 the command was not understood, 3 galley check found "
              u"an error.\n"_qs.arg(
                  QDir::toNativeSeparators(StoryLibrary::defaultPath()));
    io.out.flush();
    return ExitOk;
}

} // namespace galley::cli
