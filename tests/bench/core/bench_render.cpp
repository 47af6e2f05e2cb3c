// Full render of a generated 10,000- and 100,000-word story to a standalone HTML page
// (ArticleRenderer::renderPage), the work the preview redoes when it cannot patch, and the render
// of a single block, the work it does per keystroke when it can.

#include "benchoptions.h"
#include "benchreport.h"
#include "render/articlerenderer.h"
#include "storygenerator.h"

#include <QCoreApplication>
#include <QTextStream>

using namespace galley;
using namespace galley::bench;

namespace {

RenderOptions renderOptions() {
    RenderOptions options;
    options.imageUrl = [](const Story &, const StoryImage &image) -> QString {
        return u"images/"_qs % image.id % u'.' % image.fileExtension();
    };
    return options;
}

bool measureStory(const BenchOptions &bench, int words, int minRuns, QString *error) {
    StoryGenerator generator(20260402 + quint32(words));
    const Story story = generator.longStory(words);
    const ArticleRenderer renderer;
    const RenderOptions options = renderOptions();
    qsizetype bytes = 0;
    const QList<double> full =
        timeRuns([&] { bytes = renderer.renderPage(story, options).size(); }, minRuns, 200, 4000);
    const QString what =
        u"%1 words, %2 blocks, %3 pictures, %4 pull quotes; page %5 UTF-16 chars"_qs.arg(story.wordCount())
            .arg(story.body.size())
            .arg(story.images.size())
            .arg(story.pullQuotes.size())
            .arg(bytes);
    const QString label = words >= 1000 ? QString::number(words / 1000) % u'k' : QString::number(words);
    if (!recordMeasurement(bench.results,
                           {u"render.page.%1-words"_qs.arg(label), u"ms"_qs, full, std::nullopt,
                            u"ArticleRenderer::renderPage, in process; "_qs % what},
                           error))
        return false;

    // One paragraph from the middle, as the preview re-renders the block being typed in.
    const QString blockId = story.body.at(story.body.size() / 2).id;
    const QList<double> block = timeRuns([&] { (void)renderer.renderBlock(story, blockId); }, 200, 2000, 500);
    return recordMeasurement(bench.results,
                             {u"render.block.%1-words"_qs.arg(label), u"ms"_qs, block, std::nullopt,
                              u"ArticleRenderer::renderBlock of one paragraph in the middle of the story"_qs},
                             error);
}

} // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    const BenchOptions bench = parseBenchOptions();
    QString error;
    if (!measureStory(bench, 10000, 30, &error) || !measureStory(bench, 100000, 10, &error)) {
        QTextStream(stderr) << error << '\n';
        return 1;
    }
    return 0;
}
