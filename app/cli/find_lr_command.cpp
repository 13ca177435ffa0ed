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
    "The learning-rate range test (DESIGN.md §2.5, as pytorch-lr-finder's range_test): from a\n"
    "fresh model (or the toy surface's start) and a fresh optimizer of the config, iteration\n"
    "i = 0..N-1 trains one minibatch at lr_i = start*(end/start)^(i/(N-1)) (exp) or\n"
    "start + i/(N-1)*(end-start) (linear); the config's schedule is ignored. The recorded loss\n"
    "is the minibatch loss before the update (with --validation: the validation loss after it),\n"
    "smoothed as s_i = f*l_i + (1-f)*s_(i-1); the test stops once s_i exceeds diverge-th times\n"
    "the lowest s so far, or on a non-finite loss.\n"
    "Writes iter,lr,loss,smoothed_loss to standard output. --summary J writes the suggestions\n"
    "(steepest: pytorch-lr-finder's steepest gradient; valley, minimum, steep: fastai's, on the\n"
    "smoothed losses without the first skip-start and last skip-end points; null when too few\n"
    "points remain), the iterations run and whether the test stopped early. --trace-dir D\n"
    "writes D/init.csv, and for models D/batches.csv and D/split.csv as 'lrlab run' does.\n"
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

std::string jsonOptional(const std::optional<double>& v)
{
    return v.has_value() ? formatDouble(*v) : "null";
}

void writeCsv(std::ostream& out, const LrFinderResult& result)
{
    out << "iter,lr,loss,smoothed_loss\n";
    for (std::size_t i = 0; i < result.losses.size(); ++i)
        out << i << ',' << formatDouble(result.learningRates[i]) << ','
            << formatDouble(result.losses[i]) << ',' << formatDouble(result.smoothed[i]) << '\n';
}

void writeSummary(std::ostream& out, const LrFinderResult& result)
{
    const LrSuggestions& s = result.suggestions;
    out << "{\n  \"suggestions\": {\"steepest\": " << jsonOptional(s.steepest)
        << ", \"valley\": " << jsonOptional(s.valley)
        << ", \"minimum\": " << jsonOptional(s.minimum) << ", \"steep\": " << jsonOptional(s.steep)
        << "},\n  \"iterations\": " << result.iterations
        << ",\n  \"stopped_early\": " << (result.stoppedEarly ? "true" : "false") << "\n}\n";
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
    parser.addOption({"trace-dir",
                      "Write init.csv (models: also batches.csv, split.csv) into "
                      "directory D.",
                      "D"});
    if (!parseOrHelp(parser, arguments, kFindLrDescription))
        return kExitOk;
    LrFinderOptions options = optionsFrom(parser);
    const std::string traceDir = parser.value("trace-dir").toStdString();
    options.recordBatches = !traceDir.empty();

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

    writeFile("-", [&](std::ostream& o) { writeCsv(o, result); });
    if (parser.isSet("summary"))
        writeFile(parser.value("summary").toStdString(),
                  [&](std::ostream& o) { writeSummary(o, result); });
    if (!traceDir.empty()) {
        makeDirectory(traceDir);
        if (toy) {
            // The start point in double, as 'lrlab run' writes a toy init.csv.
            std::vector<double> start = config.init;
            if (start.empty()) {
                const auto surface = makeToySurface(config.problem.type, config.problem.parameters);
                start = {surface->info().start(0), surface->info().start(1)};
            }
            writeFile(traceDir + "/init.csv",
                      [&](std::ostream& o) { writeParameterCsv(o, start); });
        } else {
            writeFile(traceDir + "/init.csv",
                      [&](std::ostream& o) { writeParameterCsv(o, result.initial); });
            // writeBatchesCsv reads a ModelTrace's batch fields: lend it the finder's batches.
            ModelTrace batches;
            batches.batchOffsets = result.batchOffsets;
            batches.batchRows = result.batchRows;
            writeFile(traceDir + "/batches.csv",
                      [&](std::ostream& o) { writeBatchesCsv(o, batches); });
            writeFile(traceDir + "/split.csv", [&](std::ostream& o) {
                writeSplitCsv(o, problem->dataset().rows, problem->split().train,
                              problem->split().validation);
            });
        }
    }
    return kExitOk;
}

} // namespace lrlab::cli
