#include "exiv2guard.h"

#include <mutex>

namespace galley::pictures {

void initExiv2() {
    static std::once_flag once;
    std::call_once(once, [] {
        Exiv2::LogMsg::setLevel(Exiv2::LogMsg::mute);
        Exiv2::XmpParser::initialize();
    });
}

QString exiv2Reason(const Exiv2::AnyError &error) {
    QString reason = QString::fromStdString(error.what()).trimmed();
    while (reason.endsWith(u'.'))
        reason.chop(1);
    return reason.isEmpty() ? u"the picture's metadata could not be read"_qs : reason;
}

} // namespace galley::pictures
