// Pictures in a page: figures with their captions and credits, pictures held in data: URIs, and a
// word processor's pictures (Word's VML with its fallback <img>), which Galley never fetches.
#include "acceptance.h"
#include "htmlnodes.h"
#include "htmlwalker.h"
#include "readers.h"

#include <QRegularExpression>
#include <QUrl>

namespace galley {

using namespace htmlnodes;

namespace {

/// The file name at the end of a picture's address ("file:///C:/…/clip_image002.png" ->
/// "clip_image002.png"); Windows paths use backslashes.
QString fileNameOf(const QString &src) {
    QString path = src.section(u'?', 0, 0).section(u'#', 0, 0);
    path.replace(u'\\', u'/');
    return path.section(u'/', -1);
}

/// The address a lazy-loading page puts the real picture at, when @c src is only a placeholder.
QString pictureSource(xmlNode *node) {
    const QString src = attribute(node, "src").trimmed();
    const bool placeholder = src.isEmpty() || src.startsWith(u"data:image/gif"_qs, Qt::CaseInsensitive) ||
                             src.startsWith(u"data:image/svg"_qs, Qt::CaseInsensitive);
    if (placeholder) {
        for (const char *lazy : {"data-src", "data-original", "data-lazy-src"}) {
            const QString real = attribute(node, lazy).trimmed();
            if (!real.isEmpty())
                return real;
        }
    }
    return src;
}

int pixels(const QString &value) {
    static const QRegularExpression number(uR"(^\s*(\d{1,5})(?:px)?\s*$)"_qs);
    const auto match = number.match(value);
    return match.hasMatch() ? match.captured(1).toInt() : -1;
}

} // namespace

HtmlWalker::Picture HtmlWalker::readPicture(const QString &src, const QString &alt) const {
    Picture picture;
    picture.alt = alt;
    // Only pictures inside the file count; any other address is kept as the file name. The label
    // of a data: URI is not trusted: the bytes must be a JPEG, PNG, WebP or GIF that opens.
    if (src.startsWith(u"data:"_qs, Qt::CaseInsensitive)) {
        const qsizetype comma = src.indexOf(u',');
        const QString header = src.mid(5, comma - 5);
        const QString label = header.section(u';', 0, 0).trimmed().toLower();
        const QByteArray bytes = comma > 0 && header.contains(u";base64"_qs, Qt::CaseInsensitive)
                                     ? QByteArray::fromBase64(src.mid(comma + 1).toLatin1())
                                     : QByteArray();
        const CheckedPicture checked = checkPicture(bytes, label);
        if (checked.refused.isEmpty()) {
            picture.data = bytes;
            picture.mime = checked.mimeType;
        } else {
            picture.refused = checked.refused;
        }
    } else {
        picture.file = fileNameOf(src);
        // A web address is kept with the entry (resolved against the page's own); a file: address
        // on the copying computer is not.
        QUrl url(src.trimmed(), QUrl::TolerantMode);
        if (url.isRelative() && !m_options.baseUrl.isEmpty())
            url = QUrl(m_options.baseUrl).resolved(url);
        if (url.scheme() == u"http" || url.scheme() == u"https")
            picture.href = url.toString(QUrl::FullyEncoded);
    }
    return picture;
}

void HtmlWalker::pictureSize(xmlNode *node, Picture &picture) const {
    picture.width = std::max(0, pixels(attribute(node, "width")));
    picture.height = std::max(0, pixels(attribute(node, "height")));
}

void HtmlWalker::picture(xmlNode *node) {
    QString alt = attribute(node, "alt");
    if (alt.isEmpty() && m_vml)
        alt = m_vml->alt;
    m_vml.reset();
    m_picture = readPicture(pictureSource(node), alt);
    m_picture->line = lineOf(node);
    pictureSize(node, *m_picture);
    const QString credit = attribute(node, "data-credit").simplified();
    if (!credit.isEmpty() && m_figureCredit.isEmpty())
        m_figureCredit = credit;
}

void HtmlWalker::loosePicture(xmlNode *node) {
    const QString src = pictureSource(node);
    if (m_state.inCell) {
        if (!chromeHere())
            addNote(ImportChangeKind::RemovedElement, fileNameOf(src), attribute(node, "alt").simplified(),
                    u"A picture inside a table cell cannot be kept in the table; it is left out."_qs,
                    lineOf(node));
        return;
    }
    if (src.startsWith(u"data:"_qs, Qt::CaseInsensitive) || (m_options.document && !chromeHere())) {
        // A picture held in the page, or any picture of a document (Word's fallback for its VML,
        // whose file: address is never read): an image entry where it stands.
        auto vml = std::exchange(m_vml, std::nullopt);
        flush();
        m_vml = vml;
        picture(node);
        placePicture(m_out.size(), lineOf(node));
        return;
    }
    if (chromeHere() || pixels(attribute(node, "width")) == 1 || pixels(attribute(node, "height")) == 1)
        return;
    const QString file = fileNameOf(src);
    if (!m_options.leadPictureFile.isEmpty() && file == m_options.leadPictureFile) {
        // The page shows the lead picture its metadata names: that entry stands for it.
        if (m_leadAlt.isEmpty())
            m_leadAlt = attribute(node, "alt").simplified();
        return;
    }
    // A picture from the web outside a figure: reported, not made an image entry, since pages hold
    // icons and logos this way too.
    const QString alt = attribute(node, "alt").simplified();
    if (!file.isEmpty() || !alt.isEmpty())
        addNote(ImportChangeKind::RemovedElement, file.isEmpty() ? alt : file, alt,
                u"A picture on the web outside a figure is not in the file; it is left out."_qs,
                lineOf(node));
}

void HtmlWalker::takePicture(Segment &segment) {
    if (!m_picture)
        return;
    segment.imageData = m_picture->data;
    segment.imageMimeType = m_picture->mime;
    segment.imageFileName = m_picture->file;
    segment.altText = m_picture->alt;
    segment.pictureRefused = m_picture->refused;
    segment.imageHref = m_picture->href;
    segment.imageWidth = m_picture->width;
    segment.imageHeight = m_picture->height;
    m_picture.reset();
}

void HtmlWalker::placePicture(qsizetype figureStart, int line) {
    // A credit read after the caption (a credit line under the picture) belongs to that caption.
    QString credit = m_creditText.trimmed().isEmpty() ? QString() : std::exchange(m_creditText, {});
    if (credit.isEmpty())
        credit = std::exchange(m_figureCredit, {});
    qsizetype caption = -1;
    for (qsizetype i = figureStart; i < m_out.size(); ++i) {
        const Segment &segment = m_out.at(i);
        if (segment.markupRole == SegmentRole::Caption && !segment.text.isEmpty() &&
            segment.imageData.isEmpty() && segment.imageFileName.isEmpty() &&
            segment.pictureRefused.isEmpty()) {
            caption = i;
            break;
        }
    }
    if (m_picture && caption >= 0) {
        takePicture(m_out[caption]);
    } else if (m_picture) {
        Segment segment;
        segment.line = line;
        segment.markupRole = SegmentRole::Caption;
        segment.markupChrome = chromeHere();
        takePicture(segment);
        emit(segment);
        caption = m_out.size() - 1;
    }
    if (!credit.isEmpty() && caption >= 0 && m_out.at(caption).credit.isEmpty()) {
        static const QRegularExpression label(uR"(^(?:photo(?:graph)?|picture|image|credit)s?\s*[:,]\s*)"_qs,
                                              QRegularExpression::CaseInsensitiveOption);
        m_out[caption].credit = credit.simplified().remove(label);
    }
}

void HtmlWalker::comment(xmlNode *node) {
    if (!m_options.document)
        return;
    const QString content = nodeText(node);
    if (!content.contains(u"v:imagedata"_qs))
        return;
    // Word's VML picture, hidden from browsers in a conditional comment; its <img> fallback usually
    // follows and wins. Its title or the shape's alt is the alt text.
    static const QRegularExpression src(uR"(<v:imagedata[^>]*\bsrc\s*=\s*["']([^"']*)["'])"_qs);
    static const QRegularExpression title(uR"(<v:imagedata[^>]*\bo:title\s*=\s*["']([^"']*)["'])"_qs);
    static const QRegularExpression alt(uR"(<v:shape\b[^>]*\balt\s*=\s*["']([^"']*)["'])"_qs);
    const auto source = src.match(content);
    if (!source.hasMatch())
        return;
    Picture picture = readPicture(source.captured(1), alt.match(content).captured(1));
    if (picture.alt.isEmpty())
        picture.alt = title.match(content).captured(1);
    picture.line = lineOf(node);
    m_vml = picture;
}

void HtmlWalker::emitVmlPicture() {
    if (!m_vml || m_state.inCell)
        return;
    m_picture = std::exchange(m_vml, std::nullopt);
    placePicture(m_out.size(), m_picture->line);
}

} // namespace galley
