#include "app/cli/cli_common.h"
#include "app/cli/commands.h"

#include "core/config/config_json.h"
#include "core/engine/toy_run.h"
#include "core/engine/trace_csv.h"
#include "core/problems/toy_surface.h"
#include "core/util/format.h"

#include <QDir>

#include <cmath>
#include <iostream>

namespace lrlab::cli {

namespace {

const char* kRunDescription =
    "Runs one experiment from a JSON config (see DESIGN.md §2) and writes its trace as CSV:\n"
    "  toy surfaces: step,lr,loss,x,y for rows k = 0..steps (row k holds the parameters after\n"
    "  k updates and the rate of update k).\n"
    "Without --trace-dir the trace goes to standard output. With --trace-dir D it goes to\n"
    "D/trace.csv, with D/init.csv and D/final.csv (the parameter vector) and D/summary.json,\n"
    "and a summary is printed. Bad input exits with status 2.";

LoadedConfig loadConfigOption(const QCommandLineParser& parser)
{
    const std::string path = requiredValue(parser, "config").toStdString();
    LoadedConfig loaded = loadRunConfig(path);
    for (const auto& warning : loaded.warnings)
        std::cerr << "lrlab: note: " << path << ": " << warning << '\n';
    return loaded;
}

void writeVector(const std::string& path, const std::vector<double>& values)
{
    Output out(path);
    out.stream() << "index,value\n";
    for (std::size_t i = 0; i < values.size(); ++i)
        out.stream() << i << ',' << formatDouble(values[i]) << '\n';
    out.commit();
}

int runToyCommand(const RunConfig& config, const QString& traceDir)
{
    const auto surface = makeToySurface(config.problem.type, config.problem.parameters);
    const ToyTrace trace = runToy(config, *surface);
    if (traceDir.isEmpty()) {
        Output out("-");
        writeToyTraceCsv(out.stream(), trace);
        out.commit();
        return kExitOk;
    }
    const std::string dir = traceDir.toStdString();
    makeDirectory(dir);
    {
        Output out(dir + "/trace.csv");
        writeToyTraceCsv(out.stream(), trace);
        out.commit();
    }
    const std::vector<double> init{trace.x.front(), trace.y.front()};
    const std::vector<double> final{trace.x.back(), trace.y.back()};
    writeVector(dir + "/init.csv", init);
    writeVector(dir + "/final.csv", final);
    const int updates = trace.rows() - 1;
    {
        Output out(dir + "/summary.json");
        out.stream() << "{\n  \"status\": \"" << runStatusName(trace.status) << "\",\n"
                     << "  \"steps\": " << updates << ",\n"
                     << "  \"final_loss\": " << (std::isfinite(trace.loss.back()) ? formatDouble(trace.loss.back()) : "null")
                     << ",\n  \"last_finite_loss\": " << formatDouble(trace.lastFiniteLoss) << ",\n"
                     << "  \"diverged_at\": "
                     << (trace.divergedAt >= 0 ? std::to_string(trace.divergedAt) : "null")
                     << "\n}\n";
        out.commit();
    }
    std::cout << "status: " << runStatusName(trace.status) << '\n'
              << "steps: " << updates << '\n'
              << "final loss: " << formatDouble(trace.loss.back()) << '\n';
    if (trace.divergedAt >= 0)
        std::cout << "diverged at step: " << trace.divergedAt
                  << " (last finite loss " << formatDouble(trace.lastFiniteLoss) << ")\n";
    std::cout << "trace: " << QDir(traceDir).filePath("trace.csv").toStdString() << '\n';
    return kExitOk;
}

}  // namespace

int runCommand(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.addOption({"config", "The experiment's JSON config file.", "F"});
    parser.addOption({"trace-dir", "Write trace.csv and the parameter files into directory D.",
                      "D"});
    if (!parseOrHelp(parser, arguments, kRunDescription))
        return kExitOk;
    const LoadedConfig loaded = loadConfigOption(parser);
    const RunConfig& config = loaded.config;
    if (isToySurface(config.problem.type))
        return runToyCommand(config, parser.value("trace-dir"));
    throw UsageError("problem.type: real-model runs are not available in this build yet");
}

int scheduleCommand(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.addOption({"config", "The experiment's JSON config file.", "F"});
    if (!parseOrHelp(parser, arguments,
                     "Prints step,lr for every step 0..steps-1 of the config's schedule "
                     "(DESIGN.md §2.4), the rate each update uses."))
        return kExitOk;
    const LoadedConfig loaded = loadConfigOption(parser);
    Output out("-");
    writeScheduleCsv(out.stream(), loaded.config.schedule, loaded.config.steps);
    out.commit();
    return kExitOk;
}

}  // namespace lrlab::cli
