#include "app/cli/cli_common.h"
#include "app/cli/commands.h"
#include "app/cli/interrupt.h"

#include "core/analysis/diagnosis.h"
#include "core/config/config_json.h"
#include "core/engine/run_experiment.h"
#include "core/engine/trace_csv.h"
#include "core/util/format.h"

#include <QDir>

#include <cmath>
#include <functional>
#include <iostream>

namespace lrlab::cli {

namespace {

const char* kRunDescription =
    "Runs one experiment from a JSON config (see DESIGN.md §2) and writes its trace as CSV:\n"
    "  toy surfaces: step,lr,loss,x,y for rows k = 0..steps (row k holds the parameters after\n"
    "  k updates and the rate of update k);\n"
    "  models: step,lr,loss[,x,y],train_loss,val_loss[,val_acc] for rows k = 0..steps-1 (loss\n"
    "  is the minibatch loss at the parameters before update k; the evaluation columns are\n"
    "  filled every eval_every rows and on the last row).\n"
    "Without --trace-dir the trace goes to standard output. With --trace-dir D it goes to\n"
    "D/trace.csv, with D/init.csv and D/final.csv (the parameter vector), for models\n"
    "D/batches.csv (step, the dataset rows of its minibatch separated by spaces) and\n"
    "D/split.csv (row, train or val), and D/summary.json; a summary with the diagnosis is\n"
    "printed. Bad input exits with status 2.";

/// The human summary on stdout and summary.json in dir.
void printSummary(const std::string& dir, RunStatus status, int steps, double finalLoss,
                  int divergedAt, double lastFiniteLoss, const Diagnosis& diagnosis,
                  const std::vector<std::pair<std::string, std::string>>& extra)
{
    writeFile(dir + "/summary.json", [&](std::ostream& json) {
        json << "{\n  \"status\": \"" << runStatusName(status) << "\",\n"
             << "  \"steps\": " << steps << ",\n"
             << "  \"final_loss\": " << jsonNumber(finalLoss) << ",\n"
             << "  \"last_finite_loss\": " << jsonNumber(lastFiniteLoss) << ",\n"
             << "  \"diverged_at\": " << (divergedAt >= 0 ? std::to_string(divergedAt) : "null")
             << ",\n  \"diagnosis\": " << jsonString(diagnosis.name) << ",\n"
             << "  \"advice\": " << jsonString(diagnosis.advice) << ",\n"
             << "  \"evidence\": " << jsonString(diagnosis.evidence) << "\n}\n";
    });
    std::cout << "status: " << runStatusName(status) << '\n'
              << "steps: " << steps << '\n'
              << "final loss: " << formatDouble(finalLoss) << '\n';
    if (divergedAt >= 0)
        std::cout << "diverged at step: " << divergedAt << " (last finite loss "
                  << formatDouble(lastFiniteLoss) << ")\n";
    for (const auto& [key, value] : extra)
        std::cout << key << ": " << value << '\n';
    std::cout << "diagnosis: " << diagnosis.name << " (" << diagnosis.evidence << ")\n"
              << "advice: " << diagnosis.advice << '\n'
              << "trace: " << dir << "/trace.csv\n";
}

/// The trace CSV of a toy or model run.
void writeTraceCsv(std::ostream& out, const ExperimentResult& run)
{
    if (run.isToy())
        writeToyTraceCsv(out, run.toy);
    else
        writeModelTraceCsv(out, run.model, run.problem->modelSpec().isClassification());
}

/// A toy run's files of --trace-dir besides trace.csv, and the summary.
void writeToyRunFiles(const ExperimentResult& run, const std::string& dir)
{
    const ToyTrace& trace = run.toy;
    const std::vector<double> init{trace.x.front(), trace.y.front()};
    const std::vector<double> final{trace.x.back(), trace.y.back()};
    writeFile(dir + "/init.csv", [&](std::ostream& o) { writeParameterCsv(o, init); });
    writeFile(dir + "/final.csv", [&](std::ostream& o) { writeParameterCsv(o, final); });
    LossHistory history;
    history.loss = trace.loss;
    history.floor = run.minimumValue;
    printSummary(dir, trace.status, trace.rows() - 1, trace.loss.back(), trace.divergedAt,
                 trace.lastFiniteLoss, diagnose(history), {});
}

/// A model run's files of --trace-dir besides trace.csv, and the summary.
void writeModelRunFiles(const ExperimentResult& run, const std::string& dir)
{
    const ModelTrace& trace = run.model;
    const ModelProblem& problem = *run.problem;
    const bool classification = problem.modelSpec().isClassification();
    writeFile(dir + "/init.csv", [&](std::ostream& o) { writeParameterCsv(o, trace.initial); });
    writeFile(dir + "/final.csv", [&](std::ostream& o) { writeParameterCsv(o, trace.final); });
    writeFile(dir + "/batches.csv", [&](std::ostream& o) { writeBatchesCsv(o, trace); });
    writeFile(dir + "/split.csv", [&](std::ostream& o) {
        writeSplitCsv(o, problem.dataset().rows, problem.split().train, problem.split().validation);
    });
    LossHistory history;
    history.loss.assign(trace.loss.begin(), trace.loss.end());
    history.noisy = true;
    history.validation = trace.validationLoss;
    history.validationTrain = trace.trainLoss;
    std::vector<std::pair<std::string, std::string>> extra{
        {"parameters", std::to_string(trace.parameterCount)},
        {"optimizer state bytes", std::to_string(trace.optimizerStateBytes)}};
    if (!trace.evalRows.empty()) {
        extra.emplace_back("train loss", formatDouble(trace.trainLoss.back()));
        extra.emplace_back("validation loss", formatDouble(trace.validationLoss.back()));
        if (classification)
            extra.emplace_back("validation accuracy",
                               formatDouble(trace.validationAccuracy.back()));
    }
    printSummary(dir, trace.status, trace.rows(),
                 trace.rows() > 0 ? static_cast<double>(trace.loss.back()) : NAN, trace.divergedAt,
                 trace.lastFiniteLoss, diagnose(history), extra);
}

} // namespace

int runCommand(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.addOption({"config", "The experiment's JSON config file.", "F"});
    parser.addOption(
        {"trace-dir", "Write trace.csv and the parameter files into directory D.", "D"});
    if (!parseOrHelp(parser, arguments, kRunDescription))
        return kExitOk;
    const LoadedConfig loaded = loadConfigFile(requiredValue(parser, "config").toStdString());
    const QString traceDir = parser.value("trace-dir");
    ExperimentCallbacks callbacks;
    callbacks.model.recordBatches = !traceDir.isEmpty();
    callbacks.model.maxSnapshots = 0;
    const ExperimentResult run = runExperiment(loaded.config, interruptFlag(), callbacks);
    throwIfInterrupted();
    const auto writeTrace = [&](std::ostream& o) { writeTraceCsv(o, run); };
    if (traceDir.isEmpty()) {
        writeFile("-", writeTrace);
        return kExitOk;
    }
    const std::string dir = traceDir.toStdString();
    makeDirectory(dir);
    writeFile(dir + "/trace.csv", writeTrace);
    if (run.isToy())
        writeToyRunFiles(run, dir);
    else
        writeModelRunFiles(run, dir);
    return kExitOk;
}

int scheduleCommand(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.addOption({"config", "The experiment's JSON config file.", "F"});
    if (!parseOrHelp(parser, arguments,
                     "Prints step,lr for every step 0..steps-1 of the config's schedule "
                     "(DESIGN.md §2.4), the rate each update uses."))
        return kExitOk;
    const LoadedConfig loaded = loadConfigFile(requiredValue(parser, "config").toStdString());
    writeFile("-", [&](std::ostream& o) {
        writeScheduleCsv(o, loaded.config.schedule, loaded.config.steps);
    });
    return kExitOk;
}

} // namespace lrlab::cli
