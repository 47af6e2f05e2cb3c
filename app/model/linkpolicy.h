#pragma once

#include <QString>

namespace galley {

/// Galley's one rule for links, applied by the renderer (which links are live), the editor's link
/// dialog and paste, and the importers: true when @p url may be a live link in published HTML, an
/// absolute http, https or mailto URL. Everything else (javascript:, data:, file:, relative paths)
/// stays plain text. Surrounding white space is ignored (callers store the trimmed URL); http and
/// https need a host, mailto an address; URLs with white space or control characters inside are
/// refused because browsers silently drop those characters before reading the scheme.
bool isSafeLinkUrl(const QString &url);

/// The real address behind a known redirect wrapper, or an empty string when @p url is none:
/// Google's www.google.<tld>/url?q= (or url=), Facebook's l.facebook.com/l.php?u=, Outlook's
/// *.safelinks.protection.outlook.com/?url= and YouTube's www.youtube.com/redirect?q=, which
/// Google Docs, mail and social sites put around every pasted link. The target is returned only when
/// it is itself a safe link (isSafeLinkUrl()); query values are percent-decoded once, as browsers
/// follow them.
QString redirectTarget(const QString &url);

} // namespace galley
