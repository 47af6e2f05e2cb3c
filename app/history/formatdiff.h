#pragma once

#include "model/story.h"
#include "recovery/worddiff.h"

#include <QStringList>

namespace galley {

/// The style changes between two versions of one body block, as sentences a desk reads, in text
/// order: "“harbour wall” made bold", "“said” no longer italic", "link added to “the report”:
/// https://example.org/r", "link on “the vote” changed: https://a.example → https://b.example",
/// "“2nd” made superscript", "“old plan” struck through". Only words present in both versions are
/// compared (@p tokens is diffWords() of their plain texts, which aligns them); words added or
/// removed are the word diff's business. Neighbouring words with the same change make one sentence.
/// Tables and section breaks give none. WordPress's revisions hide such changes; a desk must see a
/// link's address change even when no word did.
QStringList formattingChanges(const Block &older, const Block &newer, const QList<DiffToken> &tokens);

} // namespace galley
