// Prints the table of a results file: bench_table bench-results.json

#include "benchreport.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QTextStream>

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    QTextStream err(stderr);
    if (args.size() != 2) {
        err << "usage: bench_table RESULTS.json\n";
        return 2;
    }
    QFile file(args.at(1));
    if (!file.open(QIODevice::ReadOnly)) {
        err << "Cannot read " << args.at(1) << ": " << file.errorString() << '\n';
        return 1;
    }
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll());
    if (!doc.isArray()) {
        err << args.at(1) << " is not a JSON array of measurements.\n";
        return 1;
    }
    QTextStream(stdout) << galley::bench::formatTable(doc.array());
    return 0;
}
