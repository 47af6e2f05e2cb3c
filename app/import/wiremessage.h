#pragma once

#include "wirebody.h"

#include <QList>
#include <QString>

namespace galley::wire {

/// One wire message as its framing characters divide it. Internal to the wire reader.
struct Message {
    QList<Line> before; ///< before SOH
    QList<Line> header; ///< after SOH (or the start), before STX
    QList<Line> text;   ///< after STX, before ETX
    QList<Line> trailer;
    QList<Line> after; ///< after EOT
    bool soh = false;
    bool stx = false;
    bool etx = false;
    bool eot = false;
    int dropped = 0;      ///< stray control characters
    int replacements = 0; ///< U+FFFD left by an earlier conversion of control characters
};

/// Splits the decoded input at its framing characters into messages of lines (SOH starts a new
/// message once the current one has text). Control characters never reach a line's text: padding
/// (NUL, DEL, SYN, BEL, FF) goes, BS (ANPA's tab line indicator) marks the line and DLE (its space
/// band) is a space; US and DC1-DC4 stay in header lines, where the header parsers read them. Stops
/// once there are more than MaxWireMessages messages (the caller refuses the file). Without any
/// framing, every line is text.
QList<Message> splitMessages(const QString &input);

} // namespace galley::wire
