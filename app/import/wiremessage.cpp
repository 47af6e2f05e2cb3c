#include "wiremessage.h"

#include "wireformat.h"

namespace galley::wire {

namespace {

enum class Part { Before, Header, Text, Trailer, After };

bool isBlank(const QString &text) {
    return text.trimmed().isEmpty();
}

} // namespace

QList<Message> splitMessages(const QString &input) {
    QList<Message> messages;
    Message current;
    Part part = Part::Before;
    const QChar breakChar = input.contains(u'\n') ? u'\n' : u'\r';
    int number = 0;
    auto target = [&]() -> QList<Line> & {
        switch (part) {
        case Part::Before:
            return current.before;
        case Part::Header:
            return current.header;
        case Part::Text:
            return current.text;
        case Part::Trailer:
            return current.trailer;
        case Part::After:
            break;
        }
        return current.after;
    };
    auto hasContent = [&current] {
        return current.stx || current.etx || current.eot || !current.header.isEmpty() ||
               !current.text.isEmpty();
    };
    for (const QStringView raw : QStringView(input).split(breakChar)) {
        ++number;
        QString piece;
        bool tli = false;
        bool framed = false;
        auto flush = [&](bool endOfLine) {
            if ((!endOfLine || framed) && isBlank(piece)) {
                piece.clear();
                tli = false;
                return;
            }
            target().append(Line{piece, number, tli});
            piece.clear();
            tli = false;
        };
        for (const QChar c : raw) {
            const char16_t u = c.unicode();
            switch (u) {
            case Soh:
                flush(false);
                if (hasContent()) {
                    messages << current;
                    current = Message{};
                    // Past the limit the caller refuses the file: reading on would only cost memory.
                    if (messages.size() > MaxWireMessages)
                        return messages;
                }
                current.soh = true;
                part = Part::Header;
                framed = true;
                continue;
            case Stx:
                flush(false);
                if (part == Part::Before) {
                    current.header = current.before;
                    current.before.clear();
                }
                current.stx = true;
                part = Part::Text;
                framed = true;
                continue;
            case Etx:
                flush(false);
                current.etx = true;
                part = Part::Trailer;
                framed = true;
                continue;
            case Eot:
                flush(false);
                current.eot = true;
                part = Part::After;
                framed = true;
                continue;
            case 0x08: // tab line indicator
                tli = tli || isBlank(piece);
                piece += u'\t';
                continue;
            case 0x10: // space band
                piece += u' ';
                continue;
            case u'\t':
                piece += c;
                continue;
            case 0x11:
            case 0x12:
            case 0x13:
            case 0x14:
            case Us:
                if (part == Part::Header || part == Part::Before)
                    piece += c;
                continue;
            case 0x00:
            case 0x07:
            case 0x0b:
            case 0x0c:
            case 0x0d:
            case Syn:
            case 0x7f:
                continue;
            case 0xfffd:
                ++current.replacements;
                continue;
            default:
                break;
            }
            if (u < 0x20 || (u >= 0x80 && u <= 0x9f)) {
                ++current.dropped;
                continue;
            }
            piece += c;
        }
        flush(true);
    }
    if (!current.soh && !current.stx) {
        current.text = current.before;
        current.before.clear();
    }
    messages << current;
    return messages;
}

} // namespace galley::wire
