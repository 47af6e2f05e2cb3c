#include "commandline.h"

#include "cliverbs.h"
#include "logging.h"

#include <QCommandLineParser>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QTextStream>

#include <cstdio>

namespace galley {

namespace {

const QStringList HelpFlags = {u"--help"_qs, u"-h"_qs};
const QStringList VersionFlags = {u"--version"_qs, u"-v"_qs};

/// Index of the first argument after the leading "--db PATH" pairs (or "--db=PATH"): where the
/// verb is, if there is one.
qsizetype verbIndex(const QStringList &arguments) {
    qsizetype i = 1;
    while (i < arguments.size()) {
        const QString &argument = arguments.at(i);
        if (argument == u"--db"_qs || argument == u"-db"_qs)
            i += 2;
        else if (argument.startsWith(u"--db="_qs) || argument.startsWith(u"-db="_qs))
            i += 1;
        else
            break;
    }
    return i;
}

/// The option as the user typed it ("--bogus", "-x"), without any "=value", for a name the parser
/// reports without its dashes.
QString typedOption(const QString &name, const QStringList &arguments) {
    for (const QString &argument : arguments) {
        if (argument == u"--"_qs)
            break;
        if (!argument.startsWith(u'-'))
            continue;
        QString option = argument.section(u'=', 0, 0);
        QString bare = option;
        while (bare.startsWith(u'-'))
            bare.remove(0, 1);
        if (bare == name)
            return option;
    }
    return (name.size() == 1 ? u"-"_qs : u"--"_qs) % name;
}

/// A plain sentence, in Galley's quotes, for why the parser refused @p arguments; Qt's own texts
/// ("Unknown option 'x'.") are replaced.
QString parseProblem(const QCommandLineParser &parser, const QStringList &arguments, const QString &verb) {
    const QStringList unknown = parser.unknownOptionNames();
    if (unknown.size() == 1)
        return u"“%1” is not an option of galley %2."_qs.arg(typedOption(unknown.constFirst(), arguments),
                                                             verb);
    if (unknown.size() > 1) {
        QStringList typed;
        for (const QString &name : unknown)
            typed.append(u"“"_qs % typedOption(name, arguments) % u"”"_qs);
        return u"%1 are not options of galley %2."_qs.arg(typed.join(u", "_qs), verb);
    }
    static const QRegularExpression missing(u"^Missing value after '(.*)'\\.$"_qs);
    static const QRegularExpression unexpected(u"^Unexpected value after '(.*)'\\.$"_qs);
    const QString text = parser.errorText();
    if (const auto m = missing.match(text); m.hasMatch())
        return u"“%1” needs a value after it."_qs.arg(m.captured(1));
    if (const auto m = unexpected.match(text); m.hasMatch())
        return u"“%1” takes no value."_qs.arg(m.captured(1).section(u'=', 0, 0));
    QString plain = text;
    static const QRegularExpression quoted(u"'([^']*)'"_qs);
    return plain.replace(quoted, u"“\\1”"_qs);
}

/// The first option that takes a value and was given more than once, as typed; empty if none.
/// Two --out (or --db) would leave one silently ignored, so that is a usage error.
QString repeatedValueOption(const QCommandLineParser &parser, const QStringList &arguments) {
    QStringList seen;
    for (const QString &name : parser.optionNames()) {
        if (seen.contains(name) && !parser.values(name).isEmpty())
            return typedOption(name, arguments);
        seen.append(name);
    }
    return {};
}

int runVerb(const QStringList &arguments, cli::CliStreams &io) {
    const qsizetype at = verbIndex(arguments);
    const QString name = arguments.value(at);
    if (VersionFlags.contains(name)) {
        io.out << u"galley "_qs << QStringLiteral(GALLEY_VERSION) << u'\n';
        io.out.flush();
        return cli::ExitOk;
    }
    const cli::CliVerb *verb = cli::findVerb(HelpFlags.contains(name) ? u"help"_qs : name);
    if (!verb) {
        if (name.isEmpty())
            io.err << u"galley: Say what to do: name a verb such as “list”.\n"_qs;
        else
            io.err << u"galley: “%1” is not a verb Galley knows, nor a file to import.\n"_qs.arg(name);
        io.err << cli::generalUsageLine() << u"   Run “galley help” for the list of verbs.\n"_qs;
        io.err.flush();
        return cli::ExitUsage;
    }

    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsOptions);
    const QCommandLineOption helpOption({u"h"_qs, u"help"_qs}, u"Show the help of this verb."_qs);
    parser.addOption(helpOption);
    verb->configure(parser);

    // The parser sees "galley <options before the verb> <rest>": the verb itself is not one of
    // its arguments.
    QStringList rest = arguments.mid(1, at - 1) + arguments.mid(at + 1);
    rest.prepend(arguments.value(0, u"galley"_qs));
    if (!parser.parse(rest))
        return cli::usageError(*verb, parseProblem(parser, rest, verb->name), io);
    if (const QString repeated = repeatedValueOption(parser, rest); !repeated.isEmpty())
        return cli::usageError(*verb, u"“%1” is given more than once; give it once."_qs.arg(repeated), io);
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
    const qsizetype at = verbIndex(arguments);
    if (at >= arguments.size())
        return false;
    // Any word that is not an option is meant as a verb: an unknown one gets the usage error it
    // deserves instead of an editor window that silently ignores it. Other options (Qt's own,
    // such as -platform) belong to the editor.
    const QString first = arguments.at(at);
    if (HelpFlags.contains(first) || VersionFlags.contains(first))
        return true;
    if (first.startsWith(u'-'))
        return false;
    // A verb wins over a file of the same name (`galley ./list` opens that file).
    return cli::findVerb(first) || !QFileInfo::exists(first);
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
