#include "newsmlbench.h"

#include "import/importer.h"
#include "import/readers.h"

#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>

#include <algorithm>

#include <time.h>

namespace galley::bench {

namespace {

constexpr int Items = 50;
constexpr int TargetBytes = 1100 * 1024; // bodies; with the markup around them just over 1 MB

const QStringList words = {
    u"harbour"_qs,  u"council"_qs,  u"ferry"_qs, u"said"_qs,    u"crews"_qs, u"island"_qs, u"union"_qs,
    u"offer"_qs,    u"week"_qs,     u"route"_qs, u"service"_qs, u"tide"_qs,  u"the"_qs,    u"and"_qs,
    u"of"_qs,       u"to"_qs,       u"in"_qs,    u"on"_qs,      u"after"_qs, u"before"_qs, u"residents"_qs,
    u"Saltmere"_qs, u"Eastport"_qs, u"pay"_qs,   u"talks"_qs,   u"boats"_qs, u"pier"_qs,   u"morning"_qs,
};

QString sentence(QRandomGenerator &random, int length) {
    QStringList out;
    for (int i = 0; i < length; ++i)
        out << words.at(random.bounded(int(words.size())));
    out.first()[0] = out.first().at(0).toUpper();
    return out.join(u' ') % u'.';
}

/// A wire-shaped news message: header, a package, and per story a text item (contentMeta head,
/// inline NITF body with hard-wrapped paragraphs and &amp; entities) and a picture item it links to.
QByteArray makeNewsMessage() {
    QRandomGenerator random(20260804);
    const int perItem = TargetBytes / Items;
    QString xml = u"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                  "<newsMessage xmlns=\"http://iptc.org/std/nar/2006-10-01/\">\n"
                  "<header><sent>2026-08-04T09:00:00Z</sent><sender>wire.example.org</sender></header>\n"
                  "<itemSet>\n"_qs;
    for (int n = 0; n < Items; ++n) {
        const QString id = u"tag:wire.example.org,2026:bench-%1"_qs.arg(n);
        QString body;
        while (body.size() < perItem - 3000) {
            QString paragraph =
                sentence(random, 14) % u" The pier &amp; the ferry. "_qs % sentence(random, 18);
            // Wire hard-wraps at about 70 characters.
            for (qsizetype at = 70; at < paragraph.size(); at += 71)
                if (const qsizetype space = paragraph.indexOf(u' ', at); space > 0)
                    paragraph[space] = u'\n';
            body += u"<p>"_qs % paragraph % u"</p>\n"_qs;
        }
        xml += u"<newsItem guid=\""_qs % id %
               u"\" version=\"1\" standard=\"NewsML-G2\" xml:lang=\"en\">\n"
               "<itemMeta><itemClass qcode=\"ninat:text\"/><provider><name>Example Wire</name></provider>"
               "<versionCreated>2026-08-04T08:40:00Z</versionCreated><pubStatus qcode=\"stat:usable\"/>"
               "<link rel=\"irel:seeAlso\" residref=\""_qs %
               id %
               u"-pic\"/></itemMeta>\n"
               "<contentMeta><headline>"_qs %
               sentence(random, 8).chopped(1) %
               u"</headline><by>Nils Petterson</by>"
               "<slugline>Bench-"_qs %
               QString::number(n) %
               u"</slugline><dateline>SALTMERE, Aug 4</dateline>"
               "<description role=\"drol:summary\">"_qs %
               sentence(random, 16) %
               u"</description>"
               "<keyword>ferries</keyword></contentMeta>\n"
               "<contentSet><inlineXML contenttype=\"application/nitf+xml\">"
               "<nitf xmlns=\"http://iptc.org/std/NITF/2006-10-18/\"><body><body.content>\n"_qs %
               body % u"</body.content></body></nitf></inlineXML></contentSet>\n</newsItem>\n"_qs;
        xml += u"<newsItem guid=\""_qs % id %
               u"-pic\" version=\"1\" standard=\"NewsML-G2\" xml:lang=\"en\">"
               "<itemMeta><itemClass qcode=\"ninat:picture\"/><versionCreated>2026-08-04T08:30:00Z"
               "</versionCreated></itemMeta><contentMeta><creditline>Example Wire</creditline>"
               "<description role=\"drol:caption\">"_qs %
               sentence(random, 12) %
               u"</description></contentMeta>"
               "<contentSet><remoteContent rendition=\"rnd:highRes\" href=\"https://media.example.org/"_qs %
               QString::number(n) %
               u".jpg\" contenttype=\"image/jpeg\" width=\"3000\" height=\"2000\"/>"
               "</contentSet></newsItem>\n"_qs;
    }
    xml += u"</itemSet>\n</newsMessage>\n"_qs;
    return xml.toUtf8();
}

/// CPU time of this thread in milliseconds: on a machine shared with builds, wall time says more
/// about the other processes than about the import.
double threadCpuMs() {
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return double(now.tv_sec) * 1e3 + double(now.tv_nsec) / 1e6;
}

/// Peak resident memory of this process in MiB (VmHWM), -1 where /proc is missing.
double peakMemoryMb() {
    QFile status(u"/proc/self/status"_qs);
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
    return -1;
}

/// Restarts the peak at the current use, so the figure is this benchmark's own (Linux 4.0+).
void resetPeakMemory() {
    QFile clear(u"/proc/self/clear_refs"_qs);
    if (clear.open(QIODevice::WriteOnly))
        clear.write("5");
}

} // namespace

QJsonObject benchNewsMessage(QTextStream &out) {
    const QByteArray message = makeNewsMessage();
    resetPeakMemory();
    QList<double> runs;
    QList<double> cpu;
    int stories = 0;
    int pictures = 0;
    QElapsedTimer timer;
    for (int i = 0; i < 15; ++i) {
        timer.start();
        const double cpuStart = threadCpuMs();
        QString error;
        const auto results = importAll(message, ImportOptions{u"bench.xml"_qs, ImportFormat::Auto}, &error);
        if (!results) {
            out << "NewsML-G2 import failed: " << error << '\n';
            return {{u"error"_qs, error}};
        }
        stories = int(results->size());
        pictures = 0;
        for (const ImportResult &result : *results)
            pictures += int(result.story().images.size());
        runs.append(double(timer.nsecsElapsed()) / 1e6);
        cpu.append(threadCpuMs() - cpuStart);
    }
    std::sort(cpu.begin(), cpu.end());
    const double cpuMedian = cpu.at(cpu.size() / 2);
    const double peak = peakMemoryMb();
    std::sort(runs.begin(), runs.end());
    const double median = runs.at(runs.size() / 2);
    // The reader's own share (XML, NITF, pictures), without decoding and the cleanup steps.
    const QString text = QString::fromUtf8(message);
    QList<double> reads;
    for (int i = 0; i < 15; ++i) {
        const double cpuStart = threadCpuMs();
        QString error;
        const auto stories = readNewsMl(text, &error);
        reads.append(threadCpuMs() - cpuStart);
        if (!stories)
            return {{u"error"_qs, error}};
    }
    std::sort(reads.begin(), reads.end());
    const double readMedian = reads.at(reads.size() / 2);
    out << "import of a " << QString::number(double(message.size()) / (1024.0 * 1024.0), 'f', 2)
        << " MB NewsML-G2 news message: " << stories << " stories, " << pictures << " pictures; median "
        << QString::number(median, 'f', 1) << " ms, min " << QString::number(runs.first(), 'f', 1)
        << " ms, max " << QString::number(runs.last(), 'f', 1) << " ms over " << runs.size()
        << " runs (budget 300 ms; CPU time median " << QString::number(cpuMedian, 'f', 1) << " ms); peak "
        << QString::number(peak, 'f', 1) << " MB resident; reading alone (no cleanup): CPU median "
        << QString::number(readMedian, 'f', 1) << " ms\n";
    return QJsonObject{
        {u"benchmark"_qs, u"import of a generated NewsML-G2 news message"_qs},
        {u"bytes"_qs, int(message.size())},
        {u"stories"_qs, stories},
        {u"pictures"_qs, pictures},
        {u"runs"_qs, int(runs.size())},
        {u"median_ms"_qs, median},
        {u"min_ms"_qs, runs.first()},
        {u"max_ms"_qs, runs.last()},
        {u"budget_ms"_qs, 300},
        {u"peak_memory_mb"_qs, peak},
        {u"cpu_median_ms"_qs, cpuMedian},
        {u"read_cpu_median_ms"_qs, readMedian},
    };
}

} // namespace galley::bench
