#pragma once

#include "importer.h"

#include <QString>

namespace galley {

/// What @p text (the decoded input) is, by its content: a ninjs JSON object, a NewsML-G2 or NITF
/// XML root element, IPTC 7901 / ANPA-1312 wire framing, HTML tags, else plain text. The file name
/// @p sourceName only breaks a tie for XML whose root element says nothing (the reader then says
/// plainly what it found). Never returns ImportFormat::Auto.
ImportFormat detectImportFormat(const QString &text, const QString &sourceName);

} // namespace galley
