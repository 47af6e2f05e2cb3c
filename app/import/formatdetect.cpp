#include "formatdetect.h"

#include "wireformat.h"

#include <QFileInfo>

namespace galley {

namespace {

/// IPTC 7901 or ANPA-1312 wire copy: by its framing characters, or, when a program dropped them,
/// by its header lines (see wire::looksLikeWireText()).
bool isWireText(const QString &text) {
    return wire::looksLikeWireText(text);
}

} // namespace

ImportFormat detectImportFormat(const QString &text, const QString &sourceName) {
    const QString head = text.left(4096).trimmed().toLower();
    if (head.contains(u"<nitf"_qs))
        return ImportFormat::Nitf;
    if (head.startsWith(u"<?xml"_qs) && !head.contains(u"<html"_qs))
        return ImportFormat::Nitf; // the reader says plainly when it is not NITF
    if (isWireText(text))
        return ImportFormat::WireText;
    for (const auto tag : {u"<html", u"<body", u"<!doctype html", u"<p>", u"<p ", u"<div", u"<meta", u"<span",
                           u"<h1", u"<article"}) {
        if (head.contains(QStringView(tag)))
            return ImportFormat::Html;
    }
    const QString suffix = QFileInfo(sourceName).suffix().toLower();
    if (suffix == u"nitf" || suffix == u"xml")
        return ImportFormat::Nitf;
    if (suffix == u"html" || suffix == u"htm" || suffix == u"xhtml")
        return ImportFormat::Html;
    return ImportFormat::PlainText;
}

} // namespace galley
