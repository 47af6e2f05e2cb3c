#include "inlinemarkup.h"

#include "articlerenderer.h"

namespace galley::detail {

namespace {

QString styledRun(const InlineRun &run) {
    QString html = escapeHtml(run.text);
    if (run.baseline == Baseline::Superscript)
        html = u"<sup>" % html % u"</sup>";
    else if (run.baseline == Baseline::Subscript)
        html = u"<sub>" % html % u"</sub>";
    if (run.strike)
        html = u"<s>" % html % u"</s>";
    if (run.italic)
        html = u"<em>" % html % u"</em>";
    if (run.bold)
        html = u"<strong>" % html % u"</strong>";
    return html;
}

} // namespace

QString renderInline(const InlineText &line) {
    const QList<InlineRun> runs = line.normalized().runs;
    QString html;
    // Neighbouring runs with the same target become one anchor, so a link with a bold word in it
    // is one link to a reader and to a screen reader.
    for (qsizetype i = 0; i < runs.size();) {
        const QString href = runs.at(i).href.trimmed();
        qsizetype end = i + 1;
        while (end < runs.size() && runs.at(end).href.trimmed() == href)
            ++end;
        QString inner;
        for (qsizetype k = i; k < end; ++k)
            inner += styledRun(runs.at(k));
        if (!href.isEmpty() && isSafeLinkUrl(href))
            html += u"<a href=\"" % escapeHtml(href) % u"\" rel=\"noopener\">" % inner % u"</a>";
        else
            html += inner;
        i = end;
    }
    return html;
}

QString bylineName(const QString &typed) {
    QString name = typed.trimmed();
    if (name.startsWith(u"by ", Qt::CaseInsensitive))
        name = name.mid(3).trimmed();
    return name;
}

} // namespace galley::detail
