#include "app/cli/cli_common.h"
#include "app/cli/commands.h"
#include "app/cli/interrupt.h"

#include "core/analysis/diagnosis.h"
#include "core/config/config_json.h"
#include "core/engine/run_experiment.h"
#include "core/engine/trace_csv.h"
#include "core/util/format.h"

#include <cmath>
#include <functional>
#include <iostream>

namespace lrlab::cli {

namespace {

const char* kRunDescription =
    "Runs one experiment from a JSON config (objects problem, optimizer and schedule; steps,\n"
    "seed, init, eval_every; unknown keys are errors) and writes its trace as CSV:\n"
    "  toy surfaces: step,lr,loss,x,y for rows k = 0..steps (row k holds the parameters after\n"
    "  k updates and the rate of update k);\n"
    "  models: step,lr,loss[,x,y],train_loss,val_loss[,val_acc] for rows k = 0..steps-1 (loss\n"
    "  is the minibatch loss at the parameters before update k; the evaluation columns are\n"
    "  filled every eval_every rows and on the last row).\n"
    "The trace goes to standard output, or with --out F to file F. With --out-dir D it goes to\n"
    "D/trace.csv, with D/init.csv and D/final.csv (the parameter vector), for models\n"
    "D/batches.csv (step, the dataset rows of its minibatch separated by spaces) and\n"
    "D/split.csv (row, train or val), and D/summary.json; a summary with the diagnosis is\n"
    "printed. The files of D are replaced together, and those of an earlier run that this run\n"
    "does not write (a model run's batches.csv after a toy run) are removed. A device or FIFO\n"
    "given as F is written in place. Bad input exits with status 2.";

/// Adds summary.json to the set, commits the set and prints the human summary on stdout.
void commitAndPrintSummary(OutputSet& set, RunStatus status, int steps, double finalLoss,
                           int divergedAt, double lastFiniteLoss, const Diagnosis& diagnosis,
                           const std::vector<std::pair<std::string, std::string>>& extra)
{
    const QJsonObject summary{
        {"status", QString::fromStdString(runStatusName(status))},
        {"steps", steps},
        {"final_loss", jsonNumberOrNull(finalLoss)},
        {"last_finite_loss", jsonNumberOrNull(lastFiniteLoss)},
        {"diverged_at", divergedAt >= 0 ? QJsonValue(divergedAt) : QJsonValue()},
        {"diagnosis", QString::fromStdString(diagnosis.name)},
        {"advice", QString::fromStdString(diagnosis.advice)},
        {"evidence", QString::fromStdString(diagnosis.evidence)}};
    set.add("summary.json", [&](std::ostream& json) { writeJson(json, summary); });
    set.commit();
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
              << "trace: " << set.folder().toStdString() << "/trace.csv\n";
}

/// The trace CSV of a toy or model run.
void writeTraceCsv(std::ostream& out, const ExperimentResult& run)
{
    if (run.isToy())
        writeToyTraceCsv(out, run.toy);
    else
        writeModelTraceCsv(out, run.model, run.problem->modelSpec().isClassification());
}

/// A toy run's files of --out-dir besides trace.csv, and the summary.
void commitToyRunFiles(const ExperimentResult& run, OutputSet& set)
{
    const ToyTrace& trace = run.toy;
    const std::vector<double> init{trace.x.front(), trace.y.front()};
    const std::vector<double> final{trace.x.back(), trace.y.back()};
    set.add("init.csv", [&](std::ostream& o) { writeParameterCsv(o, init); });
    set.add("final.csv", [&](std::ostream& o) { writeParameterCsv(o, final); });
    LossHistory history;
    history.loss = trace.loss;
    history.floor = run.minimumValue;
    commitAndPrintSummary(set, trace.status, trace.rows() - 1, trace.loss.back(), trace.divergedAt,
                          trace.lastFiniteLoss, diagnose(history), {});
}

/// A model run's files of --out-dir besides trace.csv, and the summary.
void commitModelRunFiles(const ExperimentResult& run, OutputSet& set)
{
    const ModelTrace& trace = run.model;
    const ModelProblem& problem = *run.problem;
    const bool classification = problem.modelSpec().isClassification();
    set.add("init.csv", [&](std::ostream& o) { writeParameterCsv(o, trace.initial); });
    set.add("final.csv", [&](std::ostream& o) { writeParameterCsv(o, trace.final); });
    set.add("batches.csv", [&](std::ostream& o) { writeBatchesCsv(o, trace); });
    set.add("split.csv", [&](std::ostream& o) {
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
    commitAndPrintSummary(set, trace.status, trace.rows(),
                          trace.rows() > 0 ? static_cast<double>(trace.loss.back()) : NAN,
                          trace.divergedAt, trace.lastFiniteLoss, diagnose(history), extra);
}

} // namespace

int runCommand(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.addOption({"config", "The experiment's JSON config file.", "F"});
    parser.addOption({{"out-dir", "trace-dir"},
                      "Write trace.csv, the parameter files and summary.json into folder D "
                      "(--trace-dir is an old name).",
                      "D"});
    parser.addOption({"out", "Write the trace to file F instead of standard output.", "F"});
    if (!parseOrHelp(parser, arguments, kRunDescription))
        return kExitOk;
    const QString outDir = parser.value("out-dir");
    const QString outPath = parser.isSet("out") ? parser.value("out") : QStringLiteral("-");
    if (!outDir.isEmpty() && parser.isSet("out"))
        throw UsageError("--out: the trace goes to --out-dir's trace.csv; give one of them");
    OutputSet set(outDir, traceFolderFiles());
    if (outDir.isEmpty())
        checkOutputPath(outPath, "out");
    else
        checkOutputSet(set, "out-dir");
    const LoadedConfig loaded = loadConfigFile(requiredValue(parser, "config").toStdString());
    ExperimentCallbacks callbacks;
    callbacks.model.recordBatches = !outDir.isEmpty();
    callbacks.model.maxSnapshots = 0;
    const ExperimentResult run = runExperiment(loaded.config, interruptFlag(), callbacks);
    throwIfInterrupted();
    const auto writeTrace = [&](std::ostream& o) { writeTraceCsv(o, run); };
    if (outDir.isEmpty()) {
        writeFile(outPath.toStdString(), writeTrace);
        return kExitOk;
    }
    set.add("trace.csv", writeTrace);
    if (run.isToy())
        commitToyRunFiles(run, set);
    else
        commitModelRunFiles(run, set);
    return kExitOk;
}

int scheduleCommand(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.addOption({"config", "The experiment's JSON config file.", "F"});
    parser.addOption({"out", "Write the CSV to file F instead of standard output.", "F"});
    if (!parseOrHelp(parser, arguments,
                     "Prints step,lr for every step 0..steps-1 of the config's schedule (warmup,\n"
                     "then the decay), the rate each update uses."))
        return kExitOk;
    const QString outPath = parser.isSet("out") ? parser.value("out") : QStringLiteral("-");
    checkOutputPath(outPath, "out");
    const LoadedConfig loaded = loadConfigFile(requiredValue(parser, "config").toStdString());
    writeFile(outPath.toStdString(), [&](std::ostream& o) {
        writeScheduleCsv(o, loaded.config.schedule, loaded.config.steps);
    });
    return kExitOk;
}

} // namespace lrlab::cli
