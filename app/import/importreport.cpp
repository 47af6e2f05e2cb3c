#include "importreport.h"

namespace galley {

namespace {

struct KindInfo {
    ImportChangeKind kind;
    const char16_t *key;
    const char16_t *label;
};

constexpr KindInfo kindTable[] = {
    {ImportChangeKind::RemovedChrome, u"removed-chrome", u"Removed site chrome"},
    {ImportChangeKind::RemovedDuplicate, u"removed-duplicate", u"Removed repeated paragraph"},
    {ImportChangeKind::SplitWords, u"split-words", u"Split run-together words"},
    {ImportChangeKind::RecognisedSection, u"recognised-section", u"Section label"},
    {ImportChangeKind::RecognisedHeadline, u"recognised-headline", u"Headline"},
    {ImportChangeKind::RecognisedDeck, u"recognised-deck", u"Deck"},
    {ImportChangeKind::RecognisedByline, u"recognised-byline", u"Byline"},
    {ImportChangeKind::RecognisedDateline, u"recognised-dateline", u"Dateline"},
    {ImportChangeKind::RecognisedSubhead, u"recognised-subhead", u"Subhead"},
    {ImportChangeKind::RecognisedPullQuote, u"recognised-pull-quote", u"Pull quote"},
    {ImportChangeKind::RecognisedCaption, u"recognised-caption", u"Picture with caption"},
    {ImportChangeKind::PictureMissing, u"picture-missing", u"Caption without its picture (picture missing)"},
    {ImportChangeKind::KeptAsText, u"kept-as-text", u"Kept as plain paragraphs"},
    {ImportChangeKind::RemovedElement, u"removed-element", u"Removed from the text"},
    {ImportChangeKind::UnwrappedLink, u"unwrapped-link", u"Link taken out of a redirect"},
};

QString oneLine(QString text) {
    for (QChar &c : text)
        if (c == u'\t' || c == u'\n' || c == u'\r')
            c = u' ';
    return text;
}

} // namespace

QString importChangeKey(ImportChangeKind kind) {
    for (const auto &info : kindTable)
        if (info.kind == kind)
            return QString::fromUtf16(info.key);
    return {};
}

std::optional<ImportChangeKind> importChangeKindFromKey(const QString &key) {
    for (const auto &info : kindTable)
        if (key == QString::fromUtf16(info.key))
            return info.kind;
    return std::nullopt;
}

QString importChangeLabel(ImportChangeKind kind) {
    for (const auto &info : kindTable)
        if (info.kind == kind)
            return QString::fromUtf16(info.label);
    return {};
}

QList<int> ImportReport::indexesOf(ImportChangeKind kind) const {
    QList<int> out;
    for (int i = 0; i < changes.size(); ++i)
        if (changes.at(i).kind == kind)
            out.append(i);
    return out;
}

QString formatImportReport(const ImportReport &report) {
    QString out = u"# "_qs % report.sourceName % u": "_qs % report.format % u", "_qs % report.encoding %
                  u", "_qs % QString::number(report.changes.size()) %
                  (report.changes.size() == 1 ? u" change\n"_qs : u" changes\n"_qs);
    for (const QString &note : report.notes)
        out += u"# "_qs % oneLine(note) % u'\n';
    for (const auto &change : report.changes) {
        out += importChangeKey(change.kind) % u'\t' % QString::number(change.line) % u'\t' %
               oneLine(change.original) % u'\t' % oneLine(change.result) % u'\n';
    }
    return out;
}

} // namespace galley
