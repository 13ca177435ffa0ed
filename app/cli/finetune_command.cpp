#include "app/cli/cli_common.h"
#include "app/cli/commands.h"
#include "app/cli/interrupt.h"

#include "core/analysis/sweep.h"
#include "core/engine/parallel_engine.h"
#include "core/finetune/finetune_lab.h"
#include "core/util/format.h"

#include <QElapsedTimer>

#include <cmath>
#include <iostream>
#include <stdexcept>
#include <string>
#include <vector>

namespace lrlab::cli {

namespace {

const char* kFineTuneDescription =
    "The fine-tuning lab: an MLP pre-trained on digits (cached on disk: $LRLAB_CACHE_DIR, else\n"
    "$XDG_CACHE_HOME/lrlab or ~/.cache/lrlab) is fine-tuned on shifted digits with a small\n"
    "training set by full fine-tuning, LoRA on the hidden weights, or the head only.\n"
    "Single run (--lr X): summary lines 'key: value'. Sweep (--lr A:B:N, or --sizes): one CSV\n"
    "row a run, the methods default to all three, in parallel on all cores:\n"
    "  method,size,lr,target_val_acc,target_val_loss,source_val_acc,forgetting,\n"
    "  trainable_params,state_bytes_adam,state_bytes_adam8bit,diverged\n"
    "and the best LR per method (and size) on stderr: the highest target validation accuracy\n"
    "among runs that did not diverge, ties to the lower loss. forgetting = pre-trained source\n"
    "validation accuracy minus the accuracy after fine-tuning.\n"
    "--out F writes to file F (checked before the runs; a device or FIFO is written in place).\n"
    "Example: lrlab finetune --lr 1e-5:1e-1:13 --sizes 50,200,all";

struct LrArgument
{
    std::vector<double> rates;
    bool grid = false;
};

LrArgument parseLr(const QString& text)
{
    LrArgument out;
    if (!text.contains(':')) {
        bool ok = false;
        const double v = text.toDouble(&ok);
        if (!ok || !(v > 0) || !std::isfinite(v))
            throw UsageError("--lr: expected a positive number or A:B:N, got '" +
                             text.toStdString() + "'");
        out.rates = {v};
        return out;
    }
    out.rates = parseRateGrid(text, "--lr", "1e-5:1e-1:13");
    out.grid = true;
    return out;
}

/// A training-set size: a positive integer or "all" (0).
int parseSize(const QString& text, const char* option)
{
    if (text.trimmed() == "all")
        return 0;
    bool ok = false;
    const int v = text.trimmed().toInt(&ok);
    if (!ok || v < 1)
        throw UsageError(std::string(option) + ": expected a positive integer or 'all', got '" +
                         text.toStdString() + "'");
    return v;
}

} // namespace

int fineTuneCommand(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.addOption({"shift", "Target task: mirror (default), rotate90 or invert.", "S"});
    parser.addOption({"train-size", "Target training rows (default 100; 'all').", "N"});
    parser.addOption({"method",
                      "full (single-run default), lora, head; a sweep takes a comma "
                      "list (default: all three).",
                      "M"});
    parser.addOption({"rank", "LoRA rank r (default 8).", "r"});
    parser.addOption({"alpha", "LoRA alpha; the update is scaled by alpha/r (default 8).", "a"});
    parser.addOption({"lora-output", "LoRA also adapts the output layer (default: hidden only)."});
    parser.addOption({"optimizer", "Any lrlab optimizer (default adamw).", "NAME"});
    parser.addOption({"weight-decay", "The optimizer's weight decay (default: its own).", "WD"});
    parser.addOption({"decay", "Schedule decay after warmup (default constant).", "NAME"});
    parser.addOption({"warmup-steps", "Linear warmup steps (default 0).", "W"});
    parser.addOption({"lr", "One learning rate, or A:B:N log-spaced rates (a sweep).", "X|A:B:N"});
    parser.addOption({"sizes", "Sweep over training-set sizes, e.g. 50,200,all.", "LIST"});
    parser.addOption({"steps", "Optimizer updates per run (default 200).", "S"});
    parser.addOption({"batch-size", "Minibatch size (default 32).", "B"});
    parser.addOption({"seed", "Seed of split, pre-training, batches, LoRA init (default 1).", "s"});
    parser.addOption(
        {"threads", "Sweep worker threads (default: every core the process may run on).", "T"});
    parser.addOption({"out", "Write to file F instead of standard output.", "F"});
    if (!parseOrHelp(parser, arguments, kFineTuneDescription))
        return kExitOk;

    FineTuneDataSpec dataSpec;
    FineTuneConfig config;
    if (parser.isSet("shift")) {
        try {
            dataSpec.shift = parseShift(parser.value("shift").toStdString());
        } catch (const std::invalid_argument& e) {
            throw UsageError(std::string("--shift: ") + e.what());
        }
    }
    if (parser.isSet("train-size"))
        config.trainSize = parseSize(parser.value("train-size"), "--train-size");
    config.lora.rank = intValue(parser, "rank", 8, 1, 4096);
    config.lora.alpha = doubleValue(parser, "alpha", 8.0);
    if (!(config.lora.alpha > 0))
        throw UsageError("--alpha: must be > 0");
    config.lora.adaptOutputLayer = parser.isSet("lora-output");
    if (parser.isSet("optimizer")) {
        config.optimizer = OptimizerSpec();
        config.optimizer.type = parser.value("optimizer").toStdString();
        try {
            makeOptimizer<float>(config.optimizer);
        } catch (const std::invalid_argument& e) {
            throw UsageError(std::string("--optimizer: ") + e.what());
        }
    }
    if (parser.isSet("weight-decay")) {
        config.optimizer.weightDecay = doubleValue(parser, "weight-decay", 0.0);
        if (config.optimizer.weightDecay < 0)
            throw UsageError("--weight-decay: must be >= 0");
    }
    if (parser.isSet("decay")) {
        try {
            config.schedule.decay = decayFromName(parser.value("decay").toStdString());
        } catch (const std::invalid_argument& e) {
            throw UsageError(std::string("--decay: ") + e.what());
        }
        if (config.schedule.decay == Decay::OneCycle && parser.isSet("warmup-steps"))
            throw UsageError("--warmup-steps: onecycle has its own warmup (use 0)");
    }
    config.steps = intValue(parser, "steps", 200, 1, 10000000);
    config.schedule.warmupSteps = intValue(parser, "warmup-steps", 0, 0, config.steps);
    config.batchSize = intValue(parser, "batch-size", 32, 1, 1000000);
    const int seed = intValue(parser, "seed", 1, 0, 2147483647);
    config.seed = static_cast<std::uint64_t>(seed);
    dataSpec.recipe.seed = config.seed;
    const int threads = intValue(parser, "threads", 0, 0, 1024);
    const LrArgument lr = parser.isSet("lr") ? parseLr(parser.value("lr"))
                                             : LrArgument{{config.schedule.learningRate}, false};
    std::vector<int> sizes;
    if (parser.isSet("sizes")) {
        for (const QString& s : parser.value("sizes").split(',', Qt::SkipEmptyParts))
            sizes.push_back(parseSize(s, "--sizes"));
        if (sizes.empty())
            throw UsageError("--sizes: no sizes given");
    }
    const bool sweep = lr.grid || !sizes.empty();
    std::vector<FineTuneMethod> methods;
    if (parser.isSet("method")) {
        for (const QString& m : parser.value("method").split(',', Qt::SkipEmptyParts)) {
            try {
                methods.push_back(parseFineTuneMethod(m.trimmed().toStdString()));
            } catch (const std::invalid_argument& e) {
                throw UsageError(std::string("--method: ") + e.what());
            }
        }
        if (methods.empty())
            throw UsageError("--method: no method given");
        if (!sweep && methods.size() > 1)
            throw UsageError("--method: a single run takes one method (a sweep takes a list)");
    } else if (sweep) {
        methods = {FineTuneMethod::Full, FineTuneMethod::Lora, FineTuneMethod::Head};
    } else {
        methods = {FineTuneMethod::Full};
    }
    const std::string outPath = parser.isSet("out") ? parser.value("out").toStdString() : "-";
    checkOutputPath(QString::fromStdString(outPath), "out"); // before the runs, not after

    QElapsedTimer timer;
    timer.start();
    const auto data = FineTuneData::create(dataSpec);
    // A size above the target's training rows is refused, not clamped, when the user gave it.
    const int available = data->targetTrainCount();
    const bool sizeGiven = parser.isSet("sizes") || parser.isSet("train-size");
    for (const int size : sizes.empty() ? std::vector<int>{config.trainSize} : sizes)
        if (sizeGiven && size > available)
            throw UsageError(std::string(sizes.empty() ? "--train-size" : "--sizes") + ": " +
                             std::to_string(size) + " is more than the " +
                             std::to_string(available) +
                             " training rows of the target split (give at most " +
                             std::to_string(available) + ", or all)");
    const PretrainedModel& pre = data->pretrained();
    const double preSource = data->pretrainedSourceValidation().accuracy;
    if (!pre.cacheProblem.empty())
        std::cerr << "lrlab finetune: note: pre-training cache: " << pre.cacheProblem << '\n';

    if (!sweep) {
        config.method = methods.front();
        config.schedule.learningRate = lr.rates.front();
        const FineTuneResult r = runFineTune(*data, config, interruptFlag());
        throwIfInterrupted();
        Output out(outPath);
        std::ostream& o = out.stream();
        o << "method: " << fineTuneMethodName(r.method) << '\n'
          << "shift: " << shiftName(dataSpec.shift) << '\n'
          << "train_size: " << r.trainSize << '\n'
          << "lr: " << formatDouble(r.learningRate) << '\n'
          << "optimizer: " << config.optimizer.type << '\n'
          << "steps: " << r.steps << '\n'
          << "target_val_acc: " << csvCell(r.targetValidationAccuracy) << '\n'
          << "target_val_loss: " << csvCell(r.targetValidationLoss) << '\n'
          << "source_val_acc: " << csvCell(r.sourceValidationAccuracy) << '\n'
          << "pretrained_source_val_acc: " << formatDouble(preSource) << '\n'
          << "pretrained_target_val_acc: "
          << formatDouble(data->pretrainedTargetValidation().accuracy) << '\n'
          << "forgetting: " << csvCell(r.forgetting) << '\n'
          << "trainable_params: " << r.trainableParameters << '\n'
          << "state_bytes_adam: " << r.stateBytesAdam << '\n'
          << "state_bytes_adam8bit: " << r.stateBytesAdam8bit << '\n'
          << "diverged: " << (r.diverged ? "true" : "false") << '\n'
          << "pretrained: " << (pre.loadedFromCache ? "loaded from " : "trained, cache ")
          << pre.cacheFile << '\n';
        out.commit();
        return kExitOk;
    }

    FineTuneSweepSpec spec;
    spec.base = config;
    spec.methods = methods;
    spec.rates = lr.rates;
    spec.sizes = sizes;
    FineTuneSweepOptions options;
    options.threads = threads;
    options.keepCurves = false;
    options.cancel = interruptFlag();
    const std::vector<FineTuneResult> results = runFineTuneSweep(*data, spec, options);
    throwIfInterrupted();
    const double seconds = static_cast<double>(timer.nsecsElapsed()) * 1e-9;

    Output out(outPath);
    std::ostream& o = out.stream();
    o << "method,size,lr,target_val_acc,target_val_loss,source_val_acc,forgetting,"
         "trainable_params,state_bytes_adam,state_bytes_adam8bit,diverged\n";
    for (const FineTuneResult& r : results) {
        o << fineTuneMethodName(r.method) << ',' << r.trainSize << ','
          << formatDouble(r.learningRate) << ',' << csvCell(r.targetValidationAccuracy) << ','
          << csvCell(r.targetValidationLoss) << ',' << csvCell(r.sourceValidationAccuracy) << ','
          << csvCell(r.forgetting) << ',' << r.trainableParameters << ',' << r.stateBytesAdam << ','
          << r.stateBytesAdam8bit << ',' << (r.diverged ? "true" : "false") << '\n';
    }
    out.commit();
    std::cerr << "lrlab finetune: shift " << shiftName(dataSpec.shift)
              << ", pre-trained source val acc " << preSource << " ("
              << (pre.loadedFromCache ? "loaded from cache" : "trained") << ")\n";
    for (const BestRate& b : bestRates(results)) {
        std::cerr << "best lr: method " << fineTuneMethodName(b.method) << " size " << b.trainSize
                  << ": ";
        if (b.index < 0)
            std::cerr << "none (every run diverged)\n";
        else
            std::cerr << formatDouble(b.learningRate) << " (target val acc "
                      << b.targetValidationAccuracy << ", loss " << b.targetValidationLoss << ")\n";
    }
    std::cerr << "lrlab finetune: " << results.size() << " runs on " << resolveThreadCount(threads)
              << " threads in " << seconds << " s\n";
    return kExitOk;
}

} // namespace lrlab::cli
