#pragma once

#include <QList>
#include <QString>

namespace galley {

struct Story;

/// One piece of a story's text the checks read: its field and item (as in Finding) and the text.
struct CheckText {
    QString field;
    QString item;
    QString text;
};

/// Every text field of @p story in the order the form shows it: headline, deck, byline (the form's
/// "Name, Title; ..." text), dateline, section, each body block (Block::plainText(); section
/// breaks skipped), each pull quote and its attribution, each picture's caption, credit and alt
/// text. Empty fields are included, so checks can tell a missing field.
QList<CheckText> checkTexts(const Story &story);

/// True for the fields spelling reads (text a reader sees as prose): headline, deck, body, pull
/// quotes, captions, credits and alt text; not bylines, datelines, sections and attributions, which
/// are names and places.
bool isProseField(const QString &field);

} // namespace galley
