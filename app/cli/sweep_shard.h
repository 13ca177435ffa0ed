#pragma once

#include "core/analysis/sweep.h"

#include <cstddef>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace lrlab::cli {

/// One of `count` slices of a sweep's runs (`lrlab sweep --shard K/N`): shard `index` (1..count)
/// holds the runs whose 0-based position i in the sweep's order has i % count == index - 1, so
/// cheap and expensive runs (low and high rates, every --vary value) spread over the shards.
struct SweepShard
{
    int index = 1; ///< K, counting from 1
    int count = 1; ///< N
};

/// Parses "K/N" (1 <= K <= N). Throws UsageError naming --shard and what is wrong.
SweepShard parseSweepShard(const std::string& text);

/// The positions (0-based, ascending) of the shard's runs among `total` runs.
std::vector<std::size_t> sweepShardRuns(SweepShard shard, std::size_t total);

/// What identifies a sweep across machines: 16 hex digits of the SHA-256 of every point's
/// config (canonical JSON), rate and vary value, the vary key and the target. The thread count
/// is not part of it (results do not depend on it).
std::string sweepIdentity(const std::vector<SweepPoint>& points, const std::string& varyKey,
                          double targetLoss);

/// The first line of a shard's CSV: which shard of which sweep it holds.
struct SweepShardLine
{
    SweepShard shard;
    std::size_t rows = 0;  ///< the runs in this shard
    std::size_t total = 0; ///< the runs of the whole sweep
    std::string identity;  ///< sweepIdentity
    std::string version;   ///< the lrlab that ran it
};

/// "# lrlab sweep --shard K/N: R of T runs, sweep <identity>, lrlab <version>" (no newline).
std::string formatSweepShardLine(const SweepShardLine& line);
/// The line's fields, or nothing when `text` is not such a line.
std::optional<SweepShardLine> parseSweepShardLine(const std::string& text);

/// One shard's file as `lrlab merge` reads it.
struct SweepPart
{
    std::string name; ///< the file name, for messages
    std::string text; ///< its whole content
};

/// The CSV of the unsharded sweep (header and rows in the sweep's order) from the files of all
/// of its shards, given in any order. Throws UsageError naming the file for a part that is not a
/// shard, a part of another sweep (identity, shard count, header or lrlab version differ), a
/// duplicate shard, a truncated part, and names the missing shards.
std::string mergeSweepParts(const std::vector<SweepPart>& parts);

/// The CSV header of `lrlab sweep` (with newline).
std::string sweepCsvHeader(const std::string& varyKey);
/// One CSV row of `lrlab sweep` (with newline).
std::string sweepCsvRow(const SweepRunResult& result, bool withVary);
/// The results of a sweep's CSV (header and rows; a shard's first line skipped): the columns
/// that pick the best run (lr, vary value, diverged, final_loss, val_loss).
std::vector<SweepRunResult> sweepResultsFromCsv(const std::string& csv);

/// Prints the best run of results as `lrlab sweep` does on standard error ("<prefix>best by
/// validation loss: lr …", or that every run diverged).
void printBestSweepRun(std::ostream& out, const std::vector<SweepRunResult>& results,
                       const std::string& varyKey, const std::string& prefix);

} // namespace lrlab::cli
