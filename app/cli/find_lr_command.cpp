#include "app/cli/cli_common.h"
#include "app/cli/commands.h"
#include "app/cli/interrupt.h"

#include "core/analysis/lr_finder.h"
#include "core/config/config_json.h"
#include "core/engine/model_problem.h"
#include "core/engine/trace_csv.h"
#include "core/problems/toy_surface.h"
#include "core/util/format.h"

#include <functional>
#include <iostream>
#include <limits>
#include <optional>
#include <stdexcept>

namespace lrlab::cli {

namespace {

const char* kFindLrDescription =
    "The learning-rate range test (as pytorch-lr-finder's range_test): from a\n"
    "fresh model (or the toy surface's start) and a fresh optimizer of the config, iteration\n"
    "i = 0..N-1 trains one minibatch at lr_i = start*(end/start)^(i/(N-1)) (exp) or\n"
    "start + i/(N-1)*(end-start) (linear); the config's schedule is ignored. The recorded loss\n"
    "is the minibatch loss before the update (with --validation: the validation loss after it),\n"
    "smoothed as s_i = f*l_i + (1-f)*s_(i-1); the test stops once s_i exceeds diverge-th times\n"
    "the lowest s so far, or on a non-finite loss.\n"
    "Writes iter,lr,loss,smoothed_loss to standard output (--out F: to file F). --summary J\n"
    "writes the suggestions (steepest: pytorch-lr-finder's steepest gradient; valley,\n"
    "minimum, steep: fastai's, on the smoothed losses without the first skip-start and last\n"
    "skip-end points; null when too few points remain), the iterations run and whether the\n"
    "test stopped early. --out-dir D\n"
    "writes D/init.csv, and for models D/batches.csv and D/split.csv as 'lrlab run' does; the\n"
    "other files of a run's folder in D are removed. Every output path is checked before the\n"
    "test runs.\n"
    "Bad input exits with status 2.";

/// Core option errors already name the option; the CLI reports them as bad usage.
LrFinderOptions optionsFrom(const QCommandLineParser& parser)
{
    LrFinderOptions o;
    o.startLr = doubleValue(parser, "start-lr", o.startLr);
    o.endLr = doubleValue(parser, "end-lr", o.endLr);
    // valley is O(n²): a million iterations would take hours, so the CLI stops well before.
    o.iterations = intValue(parser, "iters", o.iterations, 2, 100000);
    o.smoothF = doubleValue(parser, "smooth-f", o.smoothF);
    o.divergeThreshold = doubleValue(parser, "diverge-th", o.divergeThreshold);
    o.skipStart = intValue(parser, "skip-start", o.skipStart, 0, std::numeric_limits<int>::max());
    o.skipEnd = intValue(parser, "skip-end", o.skipEnd, 0, std::numeric_limits<int>::max());
    o.useValidation = parser.isSet("validation");
    try {
        if (parser.isSet("mode"))
            o.mode = lrFinderModeFromName(parser.value("mode").toStdString());
        validate(o);
    } catch (const std::invalid_argument& e) {
        throw UsageError(e.what());
    }
    return o;
}

QJsonValue jsonOptional(const std::optional<double>& v)
{
    return v.has_value() ? jsonNumberOrNull(*v) : QJsonValue();
}

void writeCsv(std::ostream& out, const LrFinderResult& result)
{
    out << "iter,lr,loss,smoothed_loss\n";
    for (std::size_t i = 0; i < result.losses.size(); ++i)
        out << i << ',' << formatDouble(result.learningRates[i]) << ','
            << formatDouble(result.losses[i]) << ',' << formatDouble(result.smoothed[i]) << '\n';
}

/// The --summary file: the suggestions, the iterations run and whether the test stopped early.
QJsonObject summaryJson(const LrFinderResult& result)
{
    const LrSuggestions& s = result.suggestions;
    const QJsonObject suggestions{{"steepest", jsonOptional(s.steepest)},
                                  {"valley", jsonOptional(s.valley)},
                                  {"minimum", jsonOptional(s.minimum)},
                                  {"steep", jsonOptional(s.steep)}};
    return {{"suggestions", suggestions},
            {"iterations", result.iterations},
            {"stopped_early", result.stoppedEarly}};
}

} // namespace

int findLrCommand(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.addOption({"config", "The experiment's JSON config file.", "F"});
    parser.addOption({"start-lr", "First learning rate (> 0; default 1e-7).", "LR"});
    parser.addOption({"end-lr", "Last learning rate (> start; default 10).", "LR"});
    parser.addOption({"iters", "Number of iterations N (>= 2; default 100).", "N"});
    parser.addOption({"mode", "How the LR grows: exp or linear (default exp).", "MODE"});
    parser.addOption({"smooth-f",
                      "Smoothing weight of the new loss in [0, 1); 0 = none "
                      "(default 0.05).",
                      "F"});
    parser.addOption({"diverge-th",
                      "Stop when the smoothed loss exceeds this times its "
                      "minimum (> 1; default 5).",
                      "X"});
    parser.addOption({"skip-start",
                      "Points dropped at the start before suggesting (default "
                      "10).",
                      "K"});
    parser.addOption({"skip-end", "Points dropped at the end before suggesting (default 5).", "K"});
    parser.addOption({"validation", "Record the validation loss after each update (models)."});
    parser.addOption({"summary", "Write the suggestions as JSON to file J.", "J"});
    parser.addOption({"out", "Write the CSV to file F instead of standard output.", "F"});
    parser.addOption({{"out-dir", "trace-dir"},
                      "Write init.csv (models: also batches.csv, split.csv) into folder D "
                      "(--trace-dir is an old name).",
                      "D"});
    if (!parseOrHelp(parser, arguments, kFindLrDescription))
        return kExitOk;
    LrFinderOptions options = optionsFrom(parser);
    const QString outDir = parser.value("out-dir");
    const QString outPath = parser.isSet("out") ? parser.value("out") : QStringLiteral("-");
    options.recordBatches = !outDir.isEmpty();
    // Every output is checked before the test runs.
    checkOutputPath(outPath, "out");
    if (parser.isSet("summary"))
        checkOutputPath(parser.value("summary"), "summary");
    OutputSet set(outDir, traceFolderFiles());
    if (!outDir.isEmpty())
        checkOutputSet(set, "out-dir");

    const std::string path = requiredValue(parser, "config").toStdString();
    const LoadedConfig loaded = loadConfigFile(path);
    const RunConfig& config = loaded.config;
    const bool toy = isToySurface(config.problem.type);
    // Option conflicts with the config (--validation on a toy surface or without validation
    // rows) come back from the core as std::invalid_argument naming the option: exit 2.
    std::shared_ptr<const ModelProblem> problem;
    LrFinderResult result;
    if (toy) {
        result = runLrFinder(config, options, interruptFlag());
    } else {
        problem = ModelProblem::create(config.problem, config.seed);
        result = runLrFinder(config, *problem, options, interruptFlag());
    }
    throwIfInterrupted();

    if (!outDir.isEmpty()) {
        if (toy) {
            // The start point in double, as 'lrlab run' writes a toy init.csv.
            std::vector<double> start = config.init;
            if (start.empty()) {
                const auto surface = makeToySurface(config.problem.type, config.problem.parameters);
                start = {surface->info().start(0), surface->info().start(1)};
            }
            set.add("init.csv", [&](std::ostream& o) { writeParameterCsv(o, start); });
        } else {
            set.add("init.csv", [&](std::ostream& o) { writeParameterCsv(o, result.initial); });
            // writeBatchesCsv reads a ModelTrace's batch fields: lend it the finder's batches.
            ModelTrace batches;
            batches.batchOffsets = result.batchOffsets;
            batches.batchRows = result.batchRows;
            set.add("batches.csv", [&](std::ostream& o) { writeBatchesCsv(o, batches); });
            set.add("split.csv", [&](std::ostream& o) {
                writeSplitCsv(o, problem->dataset().rows, problem->split().train,
                              problem->split().validation);
            });
        }
        set.commit();
    }
    if (parser.isSet("summary"))
        writeJsonFile(parser.value("summary").toStdString(), summaryJson(result));
    writeFile(outPath.toStdString(), [&](std::ostream& o) { writeCsv(o, result); });
    return kExitOk;
}

} // namespace lrlab::cli
