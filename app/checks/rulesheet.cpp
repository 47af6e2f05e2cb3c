#include "rulesheet.h"

#include "checkslog.h"

#include <QFile>
#include <QStandardPaths>

namespace galley {

namespace {

const QStringList KnownFields = {u"headline"_qs, u"deck"_qs,        u"byline"_qs, u"dateline"_qs,
                                 u"section"_qs,  u"body"_qs,        u"pullquote"_qs, u"attribution"_qs,
                                 u"caption"_qs,  u"credit"_qs,      u"alt"_qs};
const QStringList Columns = {u"id"_qs,     u"kind"_qs,     u"pattern"_qs, u"replacement"_qs,
                             u"fields"_qs, u"severity"_qs, u"message"_qs};

/// A spreadsheet's cell: "a ""b""" -> a "b".
QString cell(const QString &raw) {
    QString c = raw.trimmed();
    if (c.size() >= 2 && c.startsWith(u'"') && c.endsWith(u'"')) {
        c = c.mid(1, c.size() - 2);
        c.replace(u"\"\""_qs, u"\""_qs);
    }
    return c;
}

/// Reads the kind-specific part of @p rule; empty on success, else why not.
QString prepare(StyleRule &rule) {
    switch (rule.kind) {
    case RuleKind::Existence:
    case RuleKind::Substitution:
    case RuleKind::Repetition: {
        if (rule.pattern.isEmpty()) {
            if (rule.kind != RuleKind::Repetition)
                return u"its pattern is empty."_qs;
            rule.regex = QRegularExpression(u"\\b(\\w+)\\s+(\\1)\\b"_qs, QRegularExpression::CaseInsensitiveOption |
                                                                            QRegularExpression::UseUnicodePropertiesOption);
        } else if (rule.kind == RuleKind::Repetition) {
            rule.regex = QRegularExpression(u"\\b(" % rule.pattern % u")\\s+(\\1)\\b"_qs,
                                            QRegularExpression::CaseInsensitiveOption |
                                                QRegularExpression::UseUnicodePropertiesOption);
        } else {
            rule.regex = QRegularExpression(u"(?<![\\w-])(?:" % rule.pattern % u")(?![\\w-])"_qs,
                                            QRegularExpression::CaseInsensitiveOption |
                                                QRegularExpression::UseUnicodePropertiesOption);
        }
        if (!rule.regex.isValid())
            return u"its pattern “%1” is not a valid regular expression (%2)."_qs.arg(rule.pattern,
                                                                                   rule.regex.errorString());
        if (rule.kind == RuleKind::Substitution && rule.replacement.isEmpty())
            return u"a substitution needs a replacement."_qs;
        rule.regex.optimize();
        return {};
    }
    case RuleKind::Consistency: {
        for (const QString &v : rule.pattern.split(u'|', Qt::SkipEmptyParts))
            if (!v.trimmed().isEmpty())
                rule.variants.append(v.trimmed().toLower());
        if (rule.variants.size() < 2)
            return u"a consistency rule needs two spellings or more, as “adviser|advisor”."_qs;
        return {};
    }
    case RuleKind::Capitalization: {
        const QString p = rule.pattern.toLower();
        if (p != u"sentence" && p != u"title")
            return u"a capitalization rule's pattern is “sentence” or “title”, not “%1”."_qs.arg(rule.pattern);
        rule.titleCase = p == u"title";
        if (rule.fields.isEmpty())
            rule.fields = {u"headline"_qs};
        return {};
    }
    case RuleKind::Metric: {
        const QStringList parts = rule.pattern.simplified().split(u' ');
        bool ok = parts.size() == 3 && parts.at(1) == u"<=";
        const int limit = ok ? parts.at(2).toInt(&ok) : 0;
        static const QStringList measures = {u"characters"_qs, u"words"_qs, u"sentence-words"_qs};
        if (!ok || !measures.contains(parts.at(0)) || limit <= 0)
            return u"a metric's pattern is “characters <= N”, “words <= N” or “sentence-words <= N”, not “%1”."_qs
                .arg(rule.pattern);
        rule.measure = parts.at(0);
        rule.limit = limit;
        return {};
    }
    }
    return {};
}

} // namespace

std::optional<RuleKind> ruleKindFromKey(const QString &key) {
    static const QList<std::pair<QString, RuleKind>> kinds = {
        {u"existence"_qs, RuleKind::Existence},           {u"substitution"_qs, RuleKind::Substitution},
        {u"repetition"_qs, RuleKind::Repetition},         {u"consistency"_qs, RuleKind::Consistency},
        {u"capitalization"_qs, RuleKind::Capitalization}, {u"metric"_qs, RuleKind::Metric}};
    const QString k = key.trimmed().toLower();
    for (const auto &[name, kind] : kinds)
        if (name == k || (kind == RuleKind::Capitalization && k == u"capitalisation"))
            return kind;
    return std::nullopt;
}

QString ruleKindKey(RuleKind kind) {
    switch (kind) {
    case RuleKind::Existence:
        return u"existence"_qs;
    case RuleKind::Substitution:
        return u"substitution"_qs;
    case RuleKind::Repetition:
        return u"repetition"_qs;
    case RuleKind::Consistency:
        return u"consistency"_qs;
    case RuleKind::Capitalization:
        return u"capitalization"_qs;
    case RuleKind::Metric:
        break;
    }
    return u"metric"_qs;
}

bool StyleRule::appliesTo(const QString &field) const {
    if (fields.isEmpty())
        return field == u"headline" || field == u"deck" || field == u"body" || field == u"pullquote" ||
               field == u"caption" || field == u"alt";
    return fields.contains(field);
}

QString RuleProblem::text() const {
    return line > 0 ? u"line %1: %2"_qs.arg(line).arg(message) : message;
}

RuleSheet parseRuleSheet(const QString &text) {
    RuleSheet sheet;
    QList<qsizetype> columnOf; // index in the line for each of Columns, -1 when absent
    QStringList ids;
    const QStringList lines = text.split(u'\n');
    for (qsizetype n = 0; n < lines.size(); ++n) {
        QString line = lines.at(n);
        if (line.endsWith(u'\r'))
            line.chop(1);
        if (n == 0 && line.startsWith(QChar(0xfeff)))
            line.remove(0, 1);
        if (line.trimmed().isEmpty() || line.trimmed().startsWith(u'#'))
            continue;
        const int number = int(n + 1);
        const QStringList cells = line.split(u'\t');
        if (columnOf.isEmpty()) {
            QStringList header;
            for (const QString &c : cells)
                header.append(cell(c).toLower());
            for (const QString &column : Columns)
                columnOf.append(header.indexOf(column));
            if (columnOf.at(0) < 0 || columnOf.at(1) < 0 || columnOf.at(2) < 0) {
                sheet.problems.append({number, u"the first line must name the columns, tab-separated: "
                                               u"id, kind, pattern, replacement, fields, severity, message."_qs});
                return sheet;
            }
            continue;
        }
        auto value = [&](int column) {
            const qsizetype at = columnOf.at(column);
            return at >= 0 && at < cells.size() ? cell(cells.at(at)) : QString();
        };
        StyleRule rule;
        rule.line = number;
        rule.id = value(0);
        rule.pattern = value(2);
        rule.replacement = value(3);
        rule.message = value(6);
        auto refuse = [&](const QString &why) {
            const QString who = rule.id.isEmpty() ? u"This rule"_qs : u"Rule “%1”"_qs.arg(rule.id);
            sheet.problems.append({number, who % u" is not loaded: "_qs % why});
        };
        if (rule.id.isEmpty()) {
            refuse(u"it has no id."_qs);
            continue;
        }
        if (ids.contains(rule.id)) {
            refuse(u"another rule above has the same id."_qs);
            continue;
        }
        const std::optional<RuleKind> kind = ruleKindFromKey(value(1));
        if (!kind) {
            refuse(u"“%1” is not a kind of rule (existence, substitution, repetition, consistency, "
                   u"capitalization or metric)."_qs.arg(value(1)));
            continue;
        }
        rule.kind = *kind;
        const QString severity = value(5);
        if (!severity.isEmpty()) {
            const std::optional<Severity> s = severityFromKey(severity);
            if (!s) {
                refuse(u"“%1” is not a severity (error, warning or advisory)."_qs.arg(severity));
                continue;
            }
            rule.severity = *s;
        }
        QString badField;
        for (const QString &f : value(4).split(u',', Qt::SkipEmptyParts)) {
            const QString field = f.trimmed().toLower();
            if (field == u"all" || field.isEmpty())
                continue;
            if (!KnownFields.contains(field)) {
                badField = f.trimmed();
                break;
            }
            rule.fields.append(field);
        }
        if (!badField.isEmpty()) {
            refuse(u"“%1” is not a field (%2)."_qs.arg(badField, KnownFields.join(u", "_qs)));
            continue;
        }
        if (const QString why = prepare(rule); !why.isEmpty()) {
            refuse(why);
            continue;
        }
        if (rule.message.isEmpty())
            rule.message = rule.kind == RuleKind::Substitution ? u"Use “{replacement}”, not “{match}”."_qs
                                                               : u"House style: “{match}”."_qs;
        ids.append(rule.id);
        sheet.rules.append(rule);
    }
    if (columnOf.isEmpty())
        sheet.problems.append({0, u"The rule sheet is empty: it has no header line and no rules."_qs});
    return sheet;
}

RuleSheet readRuleSheet(const QString &path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        RuleSheet sheet;
        sheet.source = path;
        sheet.problems.append({0, u"The rule sheet %1 cannot be read: %2."_qs.arg(path, file.errorString())});
        return sheet;
    }
    RuleSheet sheet = parseRuleSheet(QString::fromUtf8(file.readAll()));
    sheet.source = path;
    return sheet;
}

QString builtInRuleSheetPath() {
    return u":/galley/style/house-style.tsv"_qs;
}

QString userRuleSheetPath() {
    return QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) % u"/house-style.tsv"_qs;
}

RuleSheet houseRuleSheet() {
    const QString user = userRuleSheetPath();
    RuleSheet sheet = readRuleSheet(QFile::exists(user) ? user : builtInRuleSheetPath());
    for (const RuleProblem &problem : sheet.problems)
        qCWarning(lcChecks).noquote() << sheet.source << problem.text();
    return sheet;
}

} // namespace galley
