#pragma once

// Internal to the pictures module: the one way it includes Exiv2. Exiv2 0.27 (Debian 12) spells its
// smart pointers std::auto_ptr, which C++20 compilers flag as deprecated on every use; the flag
// is silenced for Exiv2's own types only, here and where the module's code holds them.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
#include <exiv2/exiv2.hpp>
#pragma GCC diagnostic pop

#include <QString>

namespace galley::pictures {

/// Sets up Exiv2 once for the process (its XMP toolkit must be initialised before threads use it)
/// and keeps its own messages off standard error: every failure reaches Galley as an exception.
void initExiv2();

/// The plain sentence for an Exiv2 error (its own words, without its internal code).
QString exiv2Reason(const Exiv2::AnyError &error);

} // namespace galley::pictures
