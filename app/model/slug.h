#pragma once

#include <QString>

#include <functional>

namespace galley {

/// Longest slug Galley makes from a headline, in characters; longer headlines are cut at a word.
inline constexpr int MaxSlugLength = 60;

/// Turns @p text (a headline, any Unicode) into a slug: lowercase ASCII letters, digits and single
/// hyphens, no hyphen at either end, at most MaxSlugLength characters cut at a hyphen. Accents are
/// folded to their base letter (NFKD), "&" becomes "and", other characters separate words.
/// Returns "story" when nothing usable remains.
QString slugify(const QString &text);

/// True when @p slug already follows the slug rules above (non-empty, [a-z0-9] runs joined by
/// single hyphens, at most 100 characters).
bool isValidSlug(const QString &slug);

/// Returns @p base if @p taken says it is free, else "base-2", "base-3", ... the first free one.
/// Used to keep slugs unique in a library.
QString uniqueSlug(const QString &base, const std::function<bool(const QString &)> &taken);

} // namespace galley
