#include "app/cli/cli_common.h"
#include "app/cli/commands.h"
#include "app/cli/sweep_shard.h"

#include <QFile>

#include <iostream>

namespace lrlab::cli {

namespace {

const char* kMergeDescription =
    "Joins the CSV files of the N shards of one sweep ('lrlab sweep ... --shard K/N --out\n"
    "part-K.csv', K = 1..N, run anywhere) into the CSV of the whole sweep: the header and the\n"
    "rows in the sweep's order, byte for byte the file 'lrlab sweep' writes without --shard.\n"
    "The parts may be given in any order. Refused, naming the file: a file that is not a shard,\n"
    "a shard of another sweep (another config, --lr, --vary or --target; another shard count,\n"
    "CSV header or lrlab version), a shard given twice, a truncated part; a missing shard is\n"
    "named. The best run of the whole sweep is printed on standard error as 'lrlab sweep'\n"
    "prints it.\n"
    "Example: lrlab merge part-*.csv --out sweep.csv";

/// The whole file at path; UsageError naming it when it cannot be read.
std::string readPart(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw UsageError(path.toStdString() + ": cannot read (" + file.errorString().toStdString() +
                         ")");
    return file.readAll().toStdString();
}

/// The --vary key of a sweep CSV header: its second column when it has ten.
std::string varyKeyOfHeader(const std::string& csv)
{
    const std::string header = csv.substr(0, csv.find('\n'));
    const QStringList cells = QString::fromStdString(header).split(',');
    return cells.size() == 10 ? cells[1].toStdString() : std::string();
}

} // namespace

int mergeCommand(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.addPositionalArgument("parts", "The CSV files of the shards (any order).",
                                 "PART.csv...");
    parser.addOption({"out", "Write the merged CSV to file F instead of standard output.", "F"});
    if (!parseOrHelp(parser, arguments, kMergeDescription, true))
        return kExitOk;
    const QStringList files = parser.positionalArguments();
    if (files.isEmpty())
        throw UsageError("no part files given (example: lrlab merge part-*.csv --out sweep.csv)");
    const QString outPath = parser.isSet("out") ? parser.value("out") : QStringLiteral("-");
    checkOutputPath(outPath, "out");
    std::vector<SweepPart> parts;
    for (const QString& file : files)
        parts.push_back({file.toStdString(), readPart(file)});
    const std::string csv = mergeSweepParts(parts);
    writeFile(outPath.toStdString(), [&](std::ostream& out) { out << csv; });
    const std::vector<SweepRunResult> results = sweepResultsFromCsv(csv);
    std::cerr << "lrlab merge: " << results.size() << " runs from " << parts.size() << " shards\n";
    printBestSweepRun(std::cerr, results, varyKeyOfHeader(csv), "lrlab merge: ");
    return kExitOk;
}

} // namespace lrlab::cli
