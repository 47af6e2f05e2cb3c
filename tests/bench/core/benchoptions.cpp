#include "benchoptions.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QLoggingCategory>

namespace galley::bench {

BenchOptions parseBenchOptions() {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"A Galley benchmark: prints its figures and adds them to a results file."_qs);
    parser.addHelpOption();
    const QCommandLineOption results(u"results"_qs, u"Results JSON file to add to."_qs, u"PATH"_qs,
                                     u"bench-results.json"_qs);
    const QCommandLineOption data(u"data"_qs, u"Folder for cached generated inputs."_qs, u"DIR"_qs,
                                  u"bench-data"_qs);
    const QCommandLineOption galley(u"galley"_qs, u"The galley binary, for process timings."_qs, u"PATH"_qs);
    const QCommandLineOption pandoc(u"pandoc"_qs, u"The pandoc binary, for the export comparison."_qs,
                                    u"PATH"_qs);
    const QCommandLineOption stories(u"stories"_qs, u"Stories in the generated library."_qs, u"N"_qs,
                                     u"100000"_qs);
    parser.addOptions({results, data, galley, pandoc, stories});
    parser.process(QCoreApplication::arguments());
    // "Migrating library..." and the like would land between the figures.
    QLoggingCategory::setFilterRules(u"galley.*.info=false"_qs);

    BenchOptions out;
    out.results = QDir(parser.value(results)).absolutePath();
    out.data = QDir(parser.value(data)).absolutePath();
    QDir().mkpath(out.data);
    out.galley = parser.value(galley);
    out.pandoc = parser.value(pandoc);
    bool ok = false;
    out.stories = parser.value(stories).toInt(&ok);
    if (!ok || out.stories < 1)
        parser.showHelp(2);
    return out;
}

} // namespace galley::bench
