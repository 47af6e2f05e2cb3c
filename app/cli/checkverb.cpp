#include "cliverbs.h"

#include "checks/rulesheet.h"
#include "checks/storychecker.h"
#include "storage/storylibrary.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace galley::cli {

namespace {

const QString RulesOption = u"rules"_qs;
const QString JsonOption = u"json"_qs;

QJsonObject findingJson(const Finding &f) {
    QJsonObject o{{u"field"_qs, f.field},
                  {u"start"_qs, f.start},
                  {u"length"_qs, f.length},
                  {u"rule"_qs, f.rule},
                  {u"message"_qs, f.message},
                  {u"severity"_qs, severityKey(f.severity)},
                  {u"replacement"_qs, f.replacement ? QJsonValue(*f.replacement) : QJsonValue(QJsonValue::Null)}};
    if (!f.item.isEmpty())
        o.insert(u"item"_qs, f.item);
    return o;
}

/// `galley check --rules FILE` without a slug: says what is wrong with the sheet, line by line.
int validateRules(const QString &path, CliStreams &io) {
    const RuleSheet sheet = readRuleSheet(path);
    const QString name = QDir::toNativeSeparators(path);
    for (const RuleProblem &problem : sheet.problems)
        io.out << name << u':' << oneLine(problem.text()) << u'\n';
    io.out.flush();
    if (!sheet.problems.isEmpty()) {
        io.err << u"galley: %1 of the rule sheet's lines cannot be used; %2 rules load."_qs.arg(sheet.problems.size())
                      .arg(sheet.rules.size())
               << u'\n';
        io.err.flush();
        return ExitFailure;
    }
    io.out << u"%1: %2 rules, no problems.\n"_qs.arg(name).arg(sheet.rules.size());
    io.out.flush();
    return ExitOk;
}

} // namespace

void configureCheck(QCommandLineParser &parser) {
    addDbOption(parser);
    parser.addOption({RulesOption, u"The house-style rule sheet to use, or to validate when no slug is given."_qs,
                      u"FILE"_qs});
    parser.addOption({JsonOption, u"Print the findings as a JSON array."_qs});
    parser.addPositionalArgument(u"slug"_qs, u"The story to check."_qs, u"SLUG"_qs);
}

int runCheck(const CliVerb &verb, const QCommandLineParser &parser, CliStreams &io) {
    const QStringList args = parser.positionalArguments();
    if (args.size() > 1)
        return usageError(verb, u"check takes one slug; got %1."_qs.arg(args.size()), io);
    if (args.isEmpty()) {
        if (parser.isSet(RulesOption))
            return validateRules(parser.value(RulesOption), io);
        return usageError(verb, u"Say which story to check: its slug is missing."_qs, io);
    }

    RuleSheet sheet = parser.isSet(RulesOption) ? readRuleSheet(parser.value(RulesOption)) : houseRuleSheet();
    // A bad line is skipped, not fatal: the rest of the sheet still checks the story.
    for (const RuleProblem &problem : sheet.problems)
        io.err << u"galley: warning: "_qs << QDir::toNativeSeparators(sheet.source) << u": "_qs
               << oneLine(problem.text()) << u'\n';
    io.err.flush();

    StoryLibrary library;
    if (!openLibrary(library, parser, io, StoryLibrary::Access::ReadOnly))
        return ExitFailure;
    const QString slug = args.constFirst();
    QString error;
    const std::optional<Story> story = library.loadBySlug(slug, &error);
    if (!story)
        return failure(error.isEmpty() ? u"There is no story with the slug “%1”."_qs.arg(slug) : error, io);
    const QStringList houseWords = library.houseWords(&error);
    if (!error.isEmpty())
        return failure(error, io);
    const QStringList ignored = library.ignoredFindings(story->id, &error);
    if (!error.isEmpty())
        return failure(error, io);

    StoryChecker checker(std::move(sheet));
    checker.setHouseWords(houseWords);
    const QList<Finding> findings = checker.check(*story, ignored);
    if (parser.isSet(JsonOption)) {
        QJsonArray array;
        for (const Finding &f : findings)
            array.append(findingJson(f));
        io.out << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
    } else {
        for (const Finding &f : findings)
            io.out << severityKey(f.severity) << u'\t' << f.field << u'\t' << oneLine(f.message) << u'\n';
    }
    io.out.flush();
    for (const Finding &f : findings)
        if (f.severity == Severity::Error)
            return ExitFindings;
    return ExitOk;
}

} // namespace galley::cli
