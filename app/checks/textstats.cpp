#include "textstats.h"

#include "wordscan.h"

#include <QLocale>
#include <QTextBoundaryFinder>

namespace galley {

TextStats textStats(const QString &text) {
    TextStats stats;
    stats.words = int(scanWords(text).size());
    QTextBoundaryFinder finder(QTextBoundaryFinder::Grapheme, text);
    qsizetype at = 0;
    while (at >= 0 && at < text.size()) {
        const QChar c = text.at(at);
        const qsizetype next = finder.toNextBoundary();
        if (c != u'\n' && c != QChar::ParagraphSeparator && c != QChar::LineSeparator)
            ++stats.characters;
        at = next;
    }
    stats.readingSeconds = (stats.words * 60 + 237) / 238;
    return stats;
}

QString TextStats::charactersAndReading() const {
    return summary().section(u" · "_qs, 1);
}

QString TextStats::summary() const {
    const QLocale locale;
    const int minutes = (readingSeconds + 30) / 60;
    const QString reading = minutes < 1 ? u"under 1 min read"_qs : u"%1 min read"_qs.arg(minutes);
    return u"%1 %2 · %3 %4 · %5"_qs.arg(locale.toString(words), words == 1 ? u"word"_qs : u"words"_qs,
                                         locale.toString(characters),
                                         characters == 1 ? u"character"_qs : u"characters"_qs, reading);
}

} // namespace galley
