#include "app/cli/cli_common.h"
#include "app/cli/commands.h"
#include "app/cli/interrupt.h"
#include "app/cli/sweep_shard.h"

#include "core/analysis/sweep.h"
#include "core/config/config_json.h"
#include "core/config/config_variants.h"
#include "core/engine/parallel_engine.h"
#include "core/util/format.h"

#include <QElapsedTimer>

#include <atomic>
#include <cmath>
#include <iostream>
#include <optional>

namespace lrlab::cli {

namespace {

const char* kSweepDescription =
    "Runs the config at every learning rate of a log-spaced grid, optionally crossed with the\n"
    "values of one other setting, in parallel on all cores (results do not depend on --threads).\n"
    "One CSV row a run on standard output (--out F: to file F):\n"
    "  lr,[<vary key>,]status,diverged,steps,final_loss,best_loss,val_loss,val_acc,\n"
    "  steps_to_target (the vary column only with --vary)\n"
    "final/best loss: toy surfaces f(θ); models the full training loss at the evaluation rows.\n"
    "val_loss: the final validation loss (models with a validation split; else empty).\n"
    "diverged: non-finite, or the training or validation loss ended more than 10x above its\n"
    "start. The best run (on standard error) has the lowest val_loss where there is one, else\n"
    "the lowest final_loss, among the runs that did not diverge.\n"
    "--vary takes warmup_steps, batch_size, momentum, weight_decay, optimizer, decay, min_lr,\n"
    "hidden (64x32), noise, val_fraction, beta1, beta2, steps, seed, or any key path such as\n"
    "optimizer.beta2 or schedule.gamma.\n"
    "--shard K/N runs only shard K (1..N) of N: the runs at positions K, K+N, K+2N, ... (counting\n"
    "from 1) in the sweep's order; its CSV starts with a line naming the shard and the sweep\n"
    "('# lrlab sweep --shard K/N: ...'), and 'lrlab merge' joins the N files into the CSV of the\n"
    "whole sweep, byte for byte.\n"
    "Example: lrlab sweep --config c.json --lr 1e-4:1:13 --vary optimizer=sgd,adam,lion";

} // namespace

int sweepCommand(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.addOption({"config", "The base experiment's JSON config file.", "F"});
    parser.addOption({"lr", "Log-spaced learning rates from A to B, N of them.", "A:B:N"});
    parser.addOption({"vary", "Cross with the values of one setting.", "KEY=v1,v2,..."});
    parser.addOption(
        {"threads", "Worker threads (default: every core the process may run on).", "N"});
    parser.addOption({"target", "Report the first step whose loss is <= T.", "T"});
    parser.addOption({"out", "Write the CSV to file F instead of standard output.", "F"});
    parser.addOption({"shard", "Run only shard K of N (1 <= K <= N) for 'lrlab merge'.", "K/N"});
    if (!parseOrHelp(parser, arguments, kSweepDescription))
        return kExitOk;
    const std::string path = requiredValue(parser, "config").toStdString();
    const std::vector<double> rates =
        parseRateGrid(requiredValue(parser, "lr"), "--lr", "1e-4:1:13");
    const int threads = intValue(parser, "threads", 0, 0, 1024);
    const double target = doubleValue(parser, "target", -1.0);
    const QString outPath = parser.isSet("out") ? parser.value("out") : QStringLiteral("-");
    checkOutputPath(outPath, "out");
    const std::optional<SweepShard> shard =
        parser.isSet("shard") ? std::optional(parseSweepShard(parser.value("shard").toStdString()))
                              : std::nullopt;
    std::string varyKey;
    std::vector<std::string> values;
    if (parser.isSet("vary")) {
        const QString vary = parser.value("vary");
        const int eq = static_cast<int>(vary.indexOf('='));
        if (eq <= 0 || eq == vary.size() - 1)
            throw UsageError("--vary: expected KEY=v1,v2,..., got '" + vary.toStdString() + "'");
        varyKey = vary.left(eq).trimmed().toStdString();
        const QString list = vary.mid(eq + 1);
        // hidden sizes use "x" inside a value, so values are separated by commas except for
        // hidden, where ";" or "/" separate values (hidden=64x32/128).
        const QChar separator =
            variantKeyPath(varyKey) == "problem.hidden" ? QChar('/') : QChar(',');
        for (const QString& v : list.split(separator, Qt::SkipEmptyParts))
            values.push_back(v.trimmed().toStdString());
        if (values.empty())
            throw UsageError("--vary: no values given for " + varyKey);
    }
    const LoadedConfig loaded = loadConfigFile(path);
    std::vector<SweepPoint> points;
    try {
        points = sweepPoints(loaded.config, rates, varyKey, values);
    } catch (const std::invalid_argument& e) {
        throw UsageError(std::string("--vary: ") + e.what());
    }

    const std::size_t total = points.size();
    std::string shardLine;
    if (shard) {
        SweepShardLine line{*shard, 0, total, sweepIdentity(points, varyKey, target),
                            LRLAB_VERSION};
        std::vector<SweepPoint> slice;
        for (const std::size_t i : sweepShardRuns(*shard, total))
            slice.push_back(std::move(points[i]));
        points = std::move(slice);
        line.rows = points.size();
        shardLine = formatSweepShardLine(line) + "\n";
    }

    SweepOptions options;
    options.threads = threads;
    options.targetLoss = target;
    QElapsedTimer timer;
    timer.start();
    options.cancel = interruptFlag();
    const std::vector<SweepRunResult> results = runSweep(points, options);
    throwIfInterrupted();
    const double seconds = static_cast<double>(timer.nsecsElapsed()) * 1e-9;

    Output out(outPath.toStdString());
    std::ostream& o = out.stream();
    o << shardLine << sweepCsvHeader(varyKey);
    for (const SweepRunResult& r : results)
        o << sweepCsvRow(r, !varyKey.empty());
    out.commit();
    const std::string prefix =
        shard ? "lrlab sweep: shard " + parser.value("shard").trimmed().toStdString() + ": "
              : "lrlab sweep: ";
    std::cerr << prefix << results.size() << " runs"
              << (shard ? " of " + std::to_string(total) : "") << " on "
              << resolveThreadCount(threads) << " threads in " << seconds << " s\n";
    printBestSweepRun(std::cerr, results, varyKey, shard ? prefix + "in this shard, " : prefix);
    return kExitOk;
}

} // namespace lrlab::cli
