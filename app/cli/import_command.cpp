#include "app/cli/cli_common.h"
#include "app/cli/commands.h"
#include "app/cli/interrupt.h"

#include "core/config/config_json.h"
#include "core/logs/log_analysis.h"
#include "core/logs/log_discovery.h"
#include "core/logs/log_follower.h"
#include "core/logs/log_roles.h"
#include "core/util/format.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QThread>

#include <iostream>
#include <map>
#include <memory>
#include <set>

namespace lrlab::cli {

namespace {

const char* kImportDescription =
    "Reads training logs into series and names the ones lrlab uses. Each PATH is a file or a\n"
    "directory searched for every run below it; formats are told by content:\n"
    "  TensorBoard event files (TFRecord, CRCs checked; scalars as simple_value or a float\n"
    "  tensor), Hugging Face trainer_state.json (log_history), CSV with a step column\n"
    "  (Lightning metrics.csv, W&B export, lrlab traces). A directory of event files is one\n"
    "  run; a Hugging Face output directory with trainer_state.json and runs/*/events* is one\n"
    "  run read from the event file.\n"
    "Per run: its format, the files read, the series (tag, points) of the roles loss,\n"
    "val_loss, lr, val_acc, matched by common tag names or chosen with --loss, --val-loss,\n"
    "--lr, --val-acc, and the other tags; the schedule the lr series followed, recognised\n"
    "as one of lrlab's (warmup, decay, peak, total steps, step offset) with its largest\n"
    "relative error (or what came closest when none fits within 1e-3), and the diagnosis of\n"
    "the loss series (converging, oscillating, diverged, stagnating, overfitting) with advice\n"
    "and evidence. Read problems (a damaged record is skipped and counted, a cut file keeps\n"
    "what was read) go to standard error, naming file and place.\n"
    "--json: {\"runs\": [{\"path\", \"format\", \"files\", \"note\", \"series\": {role: tag},\n"
    "  \"points\": {role: n}, \"tags\": {tag: n}, \"skipped_records\", \"problems\",\n"
    "  \"schedule\": a config schedule object or null, \"schedule_fit_max_rel_err\",\n"
    "  \"schedule_step_offset\", \"schedule_note\", \"diagnosis\": {\"label\", \"advice\",\n"
    "  \"evidence\"} or null}]}\n"
    "--follow: then prints each new point as it is appended (path, tag, step, value; with\n"
    "--json one JSON object a line) and the diagnosis whenever it changes, polling every\n"
    "200 ms until interrupted (Ctrl-C).\n"
    "Exit status 2 when a PATH holds no training log.\n"
    "Example: lrlab import runs/ --lr lr-AdamW --json";

/// The --loss, --val-loss, --lr, --val-acc options.
const std::map<LogRole, QString>& roleOptions()
{
    static const std::map<LogRole, QString> options{{LogRole::Loss, "loss"},
                                                    {LogRole::ValLoss, "val-loss"},
                                                    {LogRole::LearningRate, "lr"},
                                                    {LogRole::ValAccuracy, "val-acc"}};
    return options;
}

/// Splits PATH arguments from options: parseOrHelp() refuses positional arguments.
QStringList takePaths(QStringList& arguments)
{
    QStringList options{arguments.first()};
    QStringList paths;
    bool onlyPaths = false;
    for (int i = 1; i < arguments.size(); ++i) {
        const QString& a = arguments[i];
        if (onlyPaths || !a.startsWith('-') || a == "-") {
            paths << a;
        } else if (a == "--") {
            onlyPaths = true;
        } else {
            options << a;
            bool takesValue = false;
            for (const auto& [role, name] : roleOptions())
                takesValue = takesValue || a == "--" + name || a == "-" + name;
            if (takesValue && i + 1 < arguments.size())
                options << arguments[++i];
        }
    }
    arguments = options;
    return paths;
}

void printProblems(const std::vector<LogProblem>& problems, std::size_t from = 0)
{
    for (std::size_t i = from; i < problems.size(); ++i)
        std::cerr << "lrlab import: " << problems[i].text() << '\n';
}

QJsonObject diagnosisJson(const Diagnosis& diagnosis)
{
    return {{"label", QString::fromStdString(diagnosis.name)},
            {"advice", QString::fromStdString(diagnosis.advice)},
            {"evidence", QString::fromStdString(diagnosis.evidence)}};
}

/// "label: advice (evidence)", the diagnosis as one line of text.
std::string diagnosisLine(const Diagnosis& diagnosis)
{
    return diagnosis.name + ": " + diagnosis.advice + " (" + diagnosis.evidence + ")";
}

QJsonObject runJson(const LogRun& run, const std::map<LogRole, std::string>& roles,
                    const std::vector<LogProblem>& roleProblems)
{
    QJsonObject object;
    object["path"] = QString::fromStdString(run.source.path);
    object["format"] = logFormatName(run.source.format);
    QJsonArray files;
    for (const std::string& file : run.source.files)
        files.append(QString::fromStdString(file));
    object["files"] = files;
    if (!run.source.note.empty())
        object["note"] = QString::fromStdString(run.source.note);
    QJsonObject series;
    QJsonObject points;
    for (const auto& [role, tag] : roles) {
        series[logRoleName(role)] = QString::fromStdString(tag);
        points[logRoleName(role)] = static_cast<qint64>(run.series.at(tag).size());
    }
    object["series"] = series;
    object["points"] = points;
    QJsonObject tags;
    for (const auto& [tag, values] : run.series)
        tags[QString::fromStdString(tag)] = static_cast<qint64>(values.size());
    object["tags"] = tags;
    object["skipped_records"] = run.skippedRecords;
    QJsonArray problems;
    for (const LogProblem& p : run.problems)
        problems.append(QString::fromStdString(p.text()));
    for (const LogProblem& p : roleProblems)
        problems.append(QString::fromStdString(p.text()));
    object["problems"] = problems;
    const LogRunAnalysis analysis = analyseLogRun(run, roles);
    const ScheduleFit* fit = analysis.schedule ? &*analysis.schedule : nullptr;
    object["schedule"] =
        fit && fit->fits ? QJsonValue(scheduleToJson(fit->schedule)) : QJsonValue(QJsonValue::Null);
    object["schedule_fit_max_rel_err"] =
        fit ? jsonNumberOrNull(fit->maxRelativeError) : QJsonValue(QJsonValue::Null);
    object["schedule_step_offset"] =
        fit && fit->fits ? QJsonValue(fit->stepOffset) : QJsonValue(QJsonValue::Null);
    object["schedule_note"] = QString::fromStdString(fit ? (fit->fits ? std::string() : fit->reason)
                                                         : analysis.scheduleMissing);
    object["diagnosis"] = analysis.diagnosis ? QJsonValue(diagnosisJson(*analysis.diagnosis))
                                             : QJsonValue(QJsonValue::Null);
    if (!analysis.diagnosis)
        object["diagnosis_note"] = QString::fromStdString(analysis.diagnosisMissing);
    return object;
}

void printRun(std::ostream& out, const LogRun& run, const std::map<LogRole, std::string>& roles)
{
    out << run.source.path << ": " << logFormatName(run.source.format) << '\n';
    for (const std::string& file : run.source.files)
        out << "  file: " << file << '\n';
    if (!run.source.note.empty())
        out << "  note: " << run.source.note << '\n';
    std::set<std::string> shown;
    for (LogRole role : kLogRoles) {
        const std::string name = logRoleName(role);
        out << "  " << name << std::string(10 - name.size(), ' ');
        const auto it = roles.find(role);
        if (it == roles.end()) {
            out << "-\n";
            continue;
        }
        shown.insert(it->second);
        out << it->second << ": " << run.series.at(it->second).size() << " points\n";
    }
    std::string others;
    for (const auto& [tag, values] : run.series)
        if (shown.count(tag) == 0)
            others +=
                (others.empty() ? "" : ", ") + tag + " (" + std::to_string(values.size()) + ")";
    out << "  other tags: " << (others.empty() ? "none" : others) << '\n';
    if (run.skippedRecords > 0)
        out << "  skipped records: " << run.skippedRecords << '\n';
    if (!run.problems.empty())
        out << "  problems: " << run.problems.size() << " (on standard error)\n";
    const LogRunAnalysis analysis = analyseLogRun(run, roles);
    out << "  schedule: "
        << (analysis.schedule ? describeScheduleFit(*analysis.schedule) : analysis.scheduleMissing)
        << '\n';
    out << "  diagnosis: "
        << (analysis.diagnosis ? diagnosisLine(*analysis.diagnosis) : analysis.diagnosisMissing)
        << '\n';
}

/// The role a tag plays in roles, or "".
std::string roleOf(const std::map<LogRole, std::string>& roles, const std::string& tag)
{
    for (const auto& [role, name] : roles)
        if (name == tag)
            return logRoleName(role);
    return {};
}

/// The runs being followed, by path, and how many points of each tag were printed.
struct Followed
{
    std::map<std::string, std::unique_ptr<LogFollower>> followers;
    std::map<std::string, std::map<std::string, std::size_t>> printed;
    std::map<std::string, std::string> diagnosis; ///< the last diagnosis line printed, by path

    /// Starts following the runs at paths not followed yet; returns the new ones' problems.
    std::vector<LogProblem> discover(const QStringList& paths)
    {
        std::vector<LogProblem> problems;
        for (const QString& path : paths) {
            LogDiscovery found = discoverLogs(path.toStdString());
            problems.insert(problems.end(), found.problems.begin(), found.problems.end());
            for (const LogSource& source : found.sources) {
                if (followers.count(source.path) > 0)
                    continue;
                auto follower = std::make_unique<LogFollower>(source);
                follower->refresh();
                for (const auto& [tag, values] : follower->run().series)
                    printed[source.path][tag] = values.size();
                followers[source.path] = std::move(follower);
            }
        }
        return problems;
    }
};

void printPoint(const std::string& path, const std::string& tag, const std::string& role,
                const ScalarPoint& p, bool json)
{
    if (json) {
        QJsonObject line{{"path", QString::fromStdString(path)},
                         {"tag", QString::fromStdString(tag)},
                         {"step", static_cast<qint64>(p.step)},
                         {"value", jsonNumberOrNull(p.value)}};
        if (!role.empty())
            line["role"] = QString::fromStdString(role);
        std::cout << QJsonDocument(line).toJson(QJsonDocument::Compact).toStdString() << '\n';
    } else {
        std::cout << path << '\t' << tag << '\t' << p.step << '\t' << formatDouble(p.value) << '\n';
    }
}

/// Prints the run's diagnosis when it differs from the last one printed (last).
void printDiagnosisChange(std::string& last, const std::string& path, const LogRun& run,
                          const std::map<LogRole, std::string>& roles, bool json)
{
    const std::optional<Diagnosis> diagnosis = diagnoseLogRun(run, roles);
    if (!diagnosis)
        return;
    const std::string line = diagnosisLine(*diagnosis);
    if (line == last)
        return;
    last = line;
    if (json)
        std::cout << QJsonDocument(QJsonObject{{"path", QString::fromStdString(path)},
                                               {"diagnosis", diagnosisJson(*diagnosis)}})
                         .toJson(QJsonDocument::Compact)
                         .toStdString()
                  << '\n';
    else
        std::cout << path << "\tdiagnosis\t" << line << '\n';
}

/// Polls the runs every 200 ms and prints each new point until interrupted.
void follow(Followed& followed, const QStringList& paths, const LogRoleOverrides& overrides,
            bool json)
{
    for (int poll = 1; !interruptFlag()->load(); ++poll) {
        QThread::msleep(200);
        if (poll % 5 == 0) { // runs that started after lrlab, once a second
            const std::size_t known = followed.followers.size();
            followed.discover(paths);
            if (followed.followers.size() > known)
                for (auto& [path, follower] : followed.followers)
                    if (followed.printed[path].empty())
                        printProblems(follower->run().problems);
        }
        for (auto& [path, follower] : followed.followers) {
            const std::size_t problemsBefore = follower->run().problems.size();
            const LogRefresh refresh = follower->refresh();
            const LogRun& run = follower->run();
            printProblems(run.problems, refresh.restarted ? 0 : problemsBefore);
            if (refresh.restarted)
                std::cerr << "lrlab import: " << path
                          << ": a file was replaced or truncated: read again from the start\n";
            const auto roles = matchLogRoles(run, overrides);
            for (const auto& [tag, values] : run.series) {
                std::size_t& done = followed.printed[path][tag];
                if (refresh.restarted || done > values.size())
                    done = 0;
                for (; done < values.size(); ++done)
                    printPoint(path, tag, roleOf(roles, tag), values[done], json);
            }
            if (refresh.newPoints > 0 || refresh.restarted)
                printDiagnosisChange(followed.diagnosis[path], path, run, roles, json);
        }
        std::cout.flush();
    }
}

} // namespace

int importCommand(const QStringList& arguments)
{
    QStringList options = arguments;
    const QStringList paths = takePaths(options);
    QCommandLineParser parser;
    parser.addPositionalArgument("PATH", "Log files or directories to read.", "PATH...");
    parser.addOption({"json", "Write the runs as one JSON object."});
    parser.addOption({"follow", "Keep reading what is appended; print new points."});
    parser.addOption({"loss", "The tag of the training loss.", "TAG"});
    parser.addOption({"val-loss", "The tag of the validation loss.", "TAG"});
    parser.addOption({"lr", "The tag of the learning rate.", "TAG"});
    parser.addOption({"val-acc", "The tag of the validation accuracy.", "TAG"});
    if (!parseOrHelp(parser, options, kImportDescription))
        return kExitOk;
    if (paths.isEmpty())
        throw UsageError("no PATH given: name log files or directories (see --help)");
    LogRoleOverrides overrides;
    for (const auto& [role, name] : roleOptions())
        if (parser.isSet(name))
            overrides[role] = parser.value(name).toStdString();
    const bool json = parser.isSet("json");

    std::vector<LogProblem> pathProblems;
    std::vector<std::string> pathList;
    for (const QString& path : paths)
        pathList.push_back(path.toStdString());
    const bool following = parser.isSet("follow");
    // Following: the summary is of the followers' first read, so no point falls in between.
    Followed followed;
    std::vector<LogRun> runs;
    if (following) {
        pathProblems = followed.discover(paths);
        for (const auto& [path, follower] : followed.followers)
            runs.push_back(follower->run());
    } else {
        runs = importLogs(pathList, pathProblems);
    }
    throwIfInterrupted();
    QJsonArray runsJson;
    for (const LogRun& run : runs) {
        std::vector<LogProblem> roleProblems;
        const auto roles = matchLogRoles(run, overrides, &roleProblems);
        printProblems(run.problems);
        printProblems(roleProblems);
        if (json)
            runsJson.append(runJson(run, roles, roleProblems));
        else
            printRun(std::cout, run, roles);
    }
    printProblems(pathProblems);
    if (json)
        writeJson(std::cout, QJsonObject{{"runs", runsJson}});
    std::cout.flush();
    if (following) {
        follow(followed, paths, overrides, json);
        return kExitOk;
    }
    return pathProblems.empty() ? kExitOk : kExitBadInput;
}

} // namespace lrlab::cli
