#pragma once

#include <QString>
#include <QStringList>

namespace galley {

/// The words of what a user typed into the search box: runs of letters, digits and combining marks,
/// the same rule SQLite's unicode61 tokenizer uses, so everything else (quotes, brackets, "-", "*",
/// ":") separates words and never reaches FTS5 as syntax.
QStringList searchWords(const QString &userText);

/// An FTS5 MATCH expression (https://www.sqlite.org/fts5.html#full_text_query_syntax) that needs
/// every word of @p userText as a prefix: each word is double-quoted and starred ("flood"* "wall"*),
/// so words such as AND, OR, NOT and NEAR are searched for, not obeyed. Empty when the text holds
/// no words.
QString ftsMatchExpression(const QString &userText);

} // namespace galley
