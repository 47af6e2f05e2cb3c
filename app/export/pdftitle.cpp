#include "pdftitle.h"

#include <QObject>
#include <QRegularExpression>

namespace galley {

namespace {

QByteArray hexTitle(const QString &title) {
    QByteArray utf16 = "\xFE\xFF";
    for (QChar c : title) {
        utf16.append(char(c.unicode() >> 8));
        utf16.append(char(c.unicode() & 0xFF));
    }
    return '<' + utf16.toHex().toUpper() + '>';
}

} // namespace

QByteArray withPdfTitle(const QByteArray &pdf, const QString &title, QString *error) {
    const auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return QByteArray();
    };
    const qsizetype trailerAt = pdf.lastIndexOf("trailer");
    const qsizetype startAt = pdf.lastIndexOf("startxref");
    if (!pdf.startsWith("%PDF-") || trailerAt < 0 || startAt < trailerAt)
        return fail(QObject::tr("The PDF has no trailer Galley can read; it was not titled."));
    const QByteArray trailer = pdf.mid(trailerAt, startAt - trailerAt);
    const QString text = QString::fromLatin1(trailer);
    const QRegularExpressionMatch size = QRegularExpression(u"/Size\\s+(\\d+)"_qs).match(text);
    const QRegularExpressionMatch root = QRegularExpression(u"/Root\\s+(\\d+\\s+\\d+\\s+R)"_qs).match(text);
    const QRegularExpressionMatch info = QRegularExpression(u"/Info\\s+(\\d+)\\s+(\\d+)\\s+R"_qs).match(text);
    const QRegularExpressionMatch prev =
        QRegularExpression(u"startxref\\s+(\\d+)"_qs).match(QString::fromLatin1(pdf.mid(startAt)));
    if (!size.hasMatch() || !root.hasMatch() || !prev.hasMatch())
        return fail(QObject::tr("The PDF has no trailer Galley can read; it was not titled."));

    // The Info dictionary's entries other than /Title are kept as they were.
    QByteArray entries;
    int infoNumber = size.captured(1).toInt();
    int size2 = infoNumber + 1;
    if (info.hasMatch()) {
        infoNumber = info.captured(1).toInt();
        size2 = size.captured(1).toInt();
        const QByteArray head = QByteArray::number(infoNumber) + ' ' + info.captured(2).toLatin1() + " obj";
        const qsizetype objectAt = pdf.indexOf(head);
        const qsizetype open = pdf.indexOf("<<", objectAt);
        const qsizetype close = pdf.indexOf(">>", open);
        if (objectAt < 0 || open < 0 || close < 0)
            return fail(QObject::tr("The PDF's document information cannot be read; it was not titled."));
        entries = pdf.mid(open + 2, close - open - 2);
        QString kept = QString::fromLatin1(entries);
        kept.remove(QRegularExpression(u"/Title\\s*(\\((?:\\\\.|[^\\\\)])*\\)|<[^>]*>)"_qs));
        entries = kept.toLatin1();
    }

    QByteArray out = pdf;
    if (!out.endsWith('\n'))
        out.append('\n');
    const qsizetype objectOffset = out.size();
    out += QByteArray::number(infoNumber) + " 0 obj\n<<" + entries + "\n/Title " + hexTitle(title) + ">>\nendobj\n";
    const qsizetype xrefOffset = out.size();
    out += "xref\n" + QByteArray::number(infoNumber) + " 1\n" +
           QByteArray::number(objectOffset).rightJustified(10, '0') + " 00000 n \n";
    out += "trailer\n<</Size " + QByteArray::number(size2) + "\n/Root " + root.captured(1).toLatin1() +
           "\n/Info " + QByteArray::number(infoNumber) + " 0 R\n/Prev " + prev.captured(1).toLatin1() + ">>\n";
    out += "startxref\n" + QByteArray::number(xrefOffset) + "\n%%EOF\n";
    return out;
}

} // namespace galley
