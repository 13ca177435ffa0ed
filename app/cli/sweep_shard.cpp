#include "app/cli/sweep_shard.h"

#include "app/cli/cli_common.h"
#include "core/config/config_json.h"
#include "core/util/format.h"

#include <QByteArray>
#include <QCryptographicHash>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QString>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

namespace lrlab::cli {

namespace {

constexpr int kMaxShards = 1000000;

/// text split at '\n'; the text after the last newline (if any) is the last element.
std::vector<std::string> splitLines(const std::string& text)
{
    std::vector<std::string> lines;
    std::size_t start = 0;
    for (std::size_t end = text.find('\n'); end != std::string::npos;
         start = end + 1, end = text.find('\n', start))
        lines.push_back(text.substr(start, end - start));
    lines.push_back(text.substr(start));
    return lines;
}

std::size_t cellCount(const std::string& line)
{
    return static_cast<std::size_t>(std::count(line.begin(), line.end(), ',')) + 1;
}

/// A CSV cell as a number: NaN when empty or not a number.
double numberCell(const std::string& cell)
{
    bool ok = false;
    const double v = QByteArray::fromStdString(cell).toDouble(&ok);
    return ok ? v : std::numeric_limits<double>::quiet_NaN();
}

/// items joined by ", ", the first ten only ("…, and 5 more").
std::string listed(const std::vector<std::string>& items)
{
    constexpr std::size_t kShown = 10;
    std::string text;
    for (std::size_t i = 0; i < std::min(items.size(), kShown); ++i)
        text += (i == 0 ? "" : ", ") + items[i];
    if (items.size() > kShown)
        text += ", and " + std::to_string(items.size() - kShown) + " more";
    return text;
}

std::string shardName(SweepShard shard)
{
    return std::to_string(shard.index) + "/" + std::to_string(shard.count);
}

/// One part read and checked on its own: its first line, CSV header and rows.
struct ParsedPart
{
    const SweepPart* part = nullptr;
    SweepShardLine line;
    std::string header;
    std::vector<std::string> rows;
};

ParsedPart parsePart(const SweepPart& part)
{
    std::vector<std::string> lines = splitLines(part.text);
    const std::optional<SweepShardLine> line = parseSweepShardLine(lines.front());
    if (!line)
        throw UsageError(part.name +
                         ": not a shard of a sweep (its first line is not '# lrlab sweep --shard "
                         "K/N: …'; write the parts with 'lrlab sweep … --shard K/N')");
    if (lines.back().empty())
        lines.pop_back();
    else
        throw UsageError(part.name + ": the last line has no newline (a truncated file?)");
    if (lines.size() < 2)
        throw UsageError(part.name + ": no CSV header after the first line");
    ParsedPart parsed{&part, *line, lines[1], {lines.begin() + 2, lines.end()}};
    const std::size_t expected = sweepShardRuns(line->shard, line->total).size();
    if (line->rows != expected)
        throw UsageError(part.name + ": line 1: shard " + shardName(line->shard) + " of " +
                         std::to_string(line->total) + " runs holds " + std::to_string(expected) +
                         " runs, not " + std::to_string(line->rows));
    if (parsed.rows.size() != expected)
        throw UsageError(part.name + ": " + std::to_string(parsed.rows.size()) +
                         " rows, but shard " + shardName(line->shard) + " of " +
                         std::to_string(line->total) + " runs has " + std::to_string(expected) +
                         " (a truncated or edited file?)");
    const std::size_t columns = cellCount(parsed.header);
    for (std::size_t i = 0; i < parsed.rows.size(); ++i)
        if (cellCount(parsed.rows[i]) != columns)
            throw UsageError(part.name + ", line " + std::to_string(i + 3) + ": " +
                             std::to_string(cellCount(parsed.rows[i])) + " cells, the header has " +
                             std::to_string(columns));
    return parsed;
}

/// Throws when `other` is not a part of the same sweep as `first`, naming what differs.
void checkSameSweep(const ParsedPart& first, const ParsedPart& other)
{
    const std::string& name = other.part->name;
    const std::string against = " than " + first.part->name;
    if (other.line.identity != first.line.identity || other.line.total != first.line.total)
        throw UsageError(name + ": a shard of another sweep" + against + " (sweep " +
                         other.line.identity + " of " + std::to_string(other.line.total) +
                         " runs, not " + first.line.identity + " of " +
                         std::to_string(first.line.total) +
                         "): the config, --lr, --vary or --target differ");
    if (other.line.shard.count != first.line.shard.count)
        throw UsageError(name + ": one of " + std::to_string(other.line.shard.count) +
                         " shards, but " + first.part->name + " is one of " +
                         std::to_string(first.line.shard.count));
    if (other.line.version != first.line.version)
        throw UsageError(name + ": written by lrlab " + other.line.version + ", " +
                         first.part->name + " by lrlab " + first.line.version);
    if (other.header != first.header)
        throw UsageError(name + ", line 2: another CSV header" + against + " ('" + other.header +
                         "' vs '" + first.header + "')");
}

} // namespace

SweepShard parseSweepShard(const std::string& text)
{
    static const QRegularExpression pattern("^\\s*(\\d{1,9})\\s*/\\s*(\\d{1,9})\\s*$");
    const QRegularExpressionMatch m = pattern.match(QString::fromStdString(text));
    if (!m.hasMatch())
        throw UsageError("--shard: expected K/N (shard K of N, counting from 1: 1/4 … 4/4), got '" +
                         text + "'");
    const SweepShard shard{m.captured(1).toInt(), m.captured(2).toInt()};
    if (shard.count < 1 || shard.count > kMaxShards)
        throw UsageError("--shard: N must be 1.." + std::to_string(kMaxShards) + ", got '" + text +
                         "'");
    if (shard.index < 1 || shard.index > shard.count)
        throw UsageError("--shard: K must be 1.." + std::to_string(shard.count) +
                         " (shards count from 1), got '" + text + "'");
    return shard;
}

std::vector<std::size_t> sweepShardRuns(SweepShard shard, std::size_t total)
{
    std::vector<std::size_t> runs;
    const auto step = static_cast<std::size_t>(shard.count);
    for (auto i = static_cast<std::size_t>(shard.index - 1); i < total; i += step)
        runs.push_back(i);
    return runs;
}

std::string sweepIdentity(const std::vector<SweepPoint>& points, const std::string& varyKey,
                          double targetLoss)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    const std::string head = "lrlab sweep\n" + varyKey + "\n" + formatDouble(targetLoss) + "\n";
    hash.addData(QByteArray::fromStdString(head));
    for (const SweepPoint& p : points) {
        const std::string label = formatDouble(p.learningRate) + "\t" + p.varyValue + "\t";
        hash.addData(QByteArray::fromStdString(label));
        hash.addData(QJsonDocument(runConfigToJson(p.config)).toJson(QJsonDocument::Compact));
        hash.addData(QByteArray("\n"));
    }
    return hash.result().toHex().left(16).toStdString();
}

std::string formatSweepShardLine(const SweepShardLine& line)
{
    return "# lrlab sweep --shard " + shardName(line.shard) + ": " + std::to_string(line.rows) +
           " of " + std::to_string(line.total) + " runs, sweep " + line.identity + ", lrlab " +
           line.version;
}

std::optional<SweepShardLine> parseSweepShardLine(const std::string& text)
{
    static const QRegularExpression pattern(
        "^# lrlab sweep --shard (\\d{1,9})/(\\d{1,9}): (\\d{1,12}) of (\\d{1,12}) runs, sweep "
        "([0-9a-f]{16}), lrlab (\\S+)$");
    const QRegularExpressionMatch m = pattern.match(QString::fromStdString(text));
    if (!m.hasMatch())
        return std::nullopt;
    SweepShardLine line;
    line.shard = {m.captured(1).toInt(), m.captured(2).toInt()};
    if (line.shard.index < 1 || line.shard.index > line.shard.count)
        return std::nullopt;
    line.rows = m.captured(3).toULongLong();
    line.total = m.captured(4).toULongLong();
    line.identity = m.captured(5).toStdString();
    line.version = m.captured(6).toStdString();
    return line;
}

std::string mergeSweepParts(const std::vector<SweepPart>& parts)
{
    if (parts.empty())
        throw UsageError("no part files given");
    std::vector<ParsedPart> parsed;
    std::map<int, const ParsedPart*> byShard;
    for (const SweepPart& part : parts) {
        parsed.push_back(parsePart(part));
        if (parsed.size() > 1)
            checkSameSweep(parsed.front(), parsed.back());
    }
    for (const ParsedPart& p : parsed) {
        const auto [it, added] = byShard.emplace(p.line.shard.index, &p);
        if (!added)
            throw UsageError(p.part->name + ": shard " + shardName(p.line.shard) + " again (also " +
                             it->second->part->name + ")");
    }
    const SweepShardLine& first = parsed.front().line;
    std::vector<std::string> missing;
    for (int k = 1; k <= first.shard.count; ++k)
        if (byShard.count(k) == 0)
            missing.push_back(shardName({k, first.shard.count}));
    if (!missing.empty()) {
        std::vector<std::string> given;
        for (const auto& [k, p] : byShard)
            given.push_back(p->part->name + " (" + shardName(p->line.shard) + ")");
        throw UsageError("missing shard " + listed(missing) + " of sweep " + first.identity +
                         " (given: " + listed(given) + ")");
    }
    std::vector<const std::string*> rows(first.total, nullptr);
    for (const ParsedPart& p : parsed) {
        const std::vector<std::size_t> positions = sweepShardRuns(p.line.shard, first.total);
        for (std::size_t i = 0; i < positions.size(); ++i)
            rows[positions[i]] = &p.rows[i];
    }
    std::string csv = parsed.front().header + "\n";
    for (const std::string* row : rows)
        csv += *row + "\n";
    return csv;
}

std::string sweepCsvHeader(const std::string& varyKey)
{
    return "lr," + (varyKey.empty() ? "" : varyKey + ",") +
           "status,diverged,steps,final_loss,best_loss,val_loss,val_acc,steps_to_target\n";
}

std::string sweepCsvRow(const SweepRunResult& r, bool withVary)
{
    return formatDouble(r.learningRate) + "," + (withVary ? r.varyValue + "," : "") +
           runStatusName(r.status) + "," + (r.diverged ? "true" : "false") + "," +
           std::to_string(r.steps) + "," + formatDouble(r.finalLoss) + "," + csvCell(r.bestLoss) +
           "," + csvCell(r.validationLoss) + "," + csvCell(r.validationAccuracy) + "," +
           (r.stepsToTarget >= 0 ? std::to_string(r.stepsToTarget) : std::string()) + "\n";
}

std::vector<SweepRunResult> sweepResultsFromCsv(const std::string& csv)
{
    std::vector<std::string> lines = splitLines(csv);
    if (!lines.empty() && parseSweepShardLine(lines.front()))
        lines.erase(lines.begin());
    if (lines.empty())
        return {};
    // lr,[vary,]status,diverged,steps,final_loss,best_loss,val_loss,val_acc,steps_to_target
    const std::size_t vary = cellCount(lines.front()) == 10 ? 1 : 0;
    std::vector<SweepRunResult> results;
    for (std::size_t i = 1; i < lines.size(); ++i) {
        const QStringList cells = QString::fromStdString(lines[i]).split(',');
        if (lines[i].empty() || static_cast<std::size_t>(cells.size()) != 9 + vary)
            continue;
        auto cell = [&](std::size_t column) { return cells[int(column + vary)].toStdString(); };
        SweepRunResult r;
        r.learningRate = numberCell(cells[0].toStdString());
        r.varyValue = vary ? cells[1].toStdString() : std::string();
        r.diverged = cell(2) == "true";
        r.finalLoss = numberCell(cell(4));
        r.validationLoss = numberCell(cell(6));
        results.push_back(r);
    }
    return results;
}

void printBestSweepRun(std::ostream& out, const std::vector<SweepRunResult>& results,
                       const std::string& varyKey, const std::string& prefix)
{
    const SweepCriterion criterion = sweepCriterion(results);
    const int best = bestSweepRun(results, criterion);
    const char* by =
        criterion == SweepCriterion::ValidationLoss ? "by validation loss" : "by training loss";
    if (best < 0) {
        out << prefix << "every run diverged\n";
        return;
    }
    const SweepRunResult& r = results[static_cast<std::size_t>(best)];
    out << prefix << "best " << by << ": lr " << formatDouble(r.learningRate)
        << (varyKey.empty() ? "" : " " + varyKey + "=" + r.varyValue) << ", "
        << (criterion == SweepCriterion::ValidationLoss ? "val_loss " : "final_loss ")
        << formatDouble(sweepScore(r, criterion)) << "\n";
}

} // namespace lrlab::cli
