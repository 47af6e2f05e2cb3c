#include "commandline.h"

#include "cliverbs.h"
#include "logging.h"

#include <QCommandLineParser>
#include <QFile>
#include <QLoggingCategory>
#include <QTextStream>

#include <cstdio>

namespace galley {

namespace {

const QStringList HelpFlags = {u"--help"_qs, u"-h"_qs};

int runVerb(const QStringList &arguments, cli::CliStreams &io) {
    const QString name = arguments.value(1);
    const cli::CliVerb *verb = cli::findVerb(HelpFlags.contains(name) ? u"help"_qs : name);
    if (!verb) {
        io.err << u"galley: \"%1\" is not a verb Galley knows.\n"_qs.arg(name)
               << u"Usage: galley [VERB [ARGUMENTS]]   Run \"galley help\" for the list of verbs.\n"_qs;
        io.err.flush();
        return cli::ExitUsage;
    }

    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsOptions);
    const QCommandLineOption helpOption({u"h"_qs, u"help"_qs}, u"Show the help of this verb."_qs);
    parser.addOption(helpOption);
    verb->configure(parser);

    // The parser sees "galley <rest>": the verb itself is not one of its arguments.
    QStringList rest = arguments.mid(2);
    rest.prepend(arguments.value(0, u"galley"_qs));
    if (!parser.parse(rest))
        return cli::usageError(*verb, parser.errorText(), io);
    if (parser.isSet(helpOption) && verb->name != u"help") {
        io.out << cli::usageLine(*verb) << u"\n\n"_qs << verb->summary << u'\n';
        io.out.flush();
        return cli::ExitOk;
    }
    qCDebug(lcCli) << "Running verb" << verb->name;
    return verb->run(*verb, parser, io);
}

} // namespace

bool isCommandLineVerb(const QStringList &arguments) {
    if (arguments.size() < 2)
        return false;
    // Any word that is not an option is meant as a verb: an unknown one gets the usage error it
    // deserves instead of an editor window that silently ignores it.
    const QString first = arguments.at(1);
    return HelpFlags.contains(first) || !first.startsWith(u'-');
}

int runCommandLine(const QStringList &arguments, QIODevice *out, QIODevice *err) {
    QTextStream outStream(out);
    QTextStream errStream(err);
    outStream.setEncoding(QStringConverter::Utf8);
    errStream.setEncoding(QStringConverter::Utf8);
    cli::CliStreams io{outStream, errStream};
    const int code = runVerb(arguments, io);
    outStream.flush();
    errStream.flush();
    return code;
}

int runCommandLine(const QStringList &arguments) {
    // stderr is for the one plain sentence a user reads; the modules' diagnostics stay quiet unless
    // asked for (QT_LOGGING_RULES is applied after these rules, so it still wins).
    QLoggingCategory::setFilterRules(u"galley.*.info=false\ngalley.*.warning=false"_qs);
    QFile out;
    QFile err;
    if (!out.open(stdout, QIODevice::WriteOnly) || !err.open(stderr, QIODevice::WriteOnly))
        return cli::ExitFailure;
    return runCommandLine(arguments, &out, &err);
}

} // namespace galley
