#include "searchquery.h"

namespace galley {

namespace {

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c.isMark() || c.category() == QChar::Other_PrivateUse;
}

} // namespace

QStringList searchWords(const QString &userText)
{
    QStringList words;
    QString word;
    for (const QChar c : userText) {
        if (isWordChar(c)) {
            word.append(c);
        } else if (!word.isEmpty()) {
            words.append(word);
            word.clear();
        }
    }
    if (!word.isEmpty())
        words.append(word);
    return words;
}

QString ftsMatchExpression(const QString &userText)
{
    QStringList terms;
    for (QString word : searchWords(userText)) {
        // Words hold no quote, but the escape keeps the expression safe if the rule above changes.
        word.replace(u'"', u"\"\""_qs);
        terms.append(u'"' + word + u"\"*");
    }
    return terms.join(u' ');
}

} // namespace galley
