#include "app/cli/cli_common.h"
#include "app/cli/commands.h"
#include "app/cli/interrupt.h"

#include "core/analysis/landscape.h"
#include "core/config/config_json.h"
#include "core/engine/run_experiment.h"
#include "core/models/model.h"
#include "core/problems/toy_surface.h"
#include "core/util/format.h"

#include <QJsonArray>
#include <QJsonObject>

#include <cmath>
#include <functional>
#include <iostream>
#include <memory>
#include <optional>
#include <ostream>
#include <string>

namespace lrlab::cli {

namespace {

const char* kSurfaceDescription =
    "Writes the loss on an N x N grid as CSV on standard output or, with --out F, to file F\n"
    "(rows in ascending beta, alpha varying fastest):\n"
    "  toy surfaces: x,y,loss over the surface's view box (or --box), plane axes only;\n"
    "  models: first trains the config (as 'run'), then alpha,beta,loss on a plane through the\n"
    "  final parameters theta_c: loss(alpha, beta) = mean training-split loss at\n"
    "  origin + alpha*d1 + beta*d2.\n"
    "Planes: axes (two-parameter models linreg/logreg: d1 = e_w, d2 = e_b, so alpha, beta are\n"
    "the raw w, b; the box covers the trajectory with a margin), pca (the top two principal\n"
    "directions of the trajectory's snapshots minus theta_c; box around the projected\n"
    "trajectory), random (filter-normalized random directions, Li et al. 2018, seeded by the\n"
    "config's seed; box [-1, 1]^2). Default: axes for toy surfaces and two-parameter models,\n"
    "pca otherwise.\n"
    "With --out-dir D also D/grid.csv (the same grid), D/trajectory.csv (step,alpha,beta,loss:\n"
    "the run projected into the plane with its true training loss; toy: step,x,y,loss) and\n"
    "D/plane.json (plane, axis labels, explained variance, ranges, N). --coarse n computes an\n"
    "n x n preview first, as the window does, and writes it to D/coarse.csv. The files of D\n"
    "are replaced together; those this run does not write (coarse.csv) are removed.\n"
    "Bad input exits with status 2.";

struct SurfaceOptions
{
    int grid = 0;
    int coarse = 0; ///< 0 = no preview grid
    std::optional<LandscapePlane> plane;
    std::optional<ViewBox> box;
    int threads = 0;
    std::string outDir;
    std::string out = "-"; ///< the grid CSV
};

/// Every file 'surface --out-dir' writes; a new set replaces all of them.
const QStringList kSurfaceFolderFiles{"grid.csv", "coarse.csv", "trajectory.csv", "plane.json"};

ViewBox parseBox(const QString& text)
{
    const QStringList parts = text.split(',');
    bool ok = parts.size() == 4;
    double v[4] = {0, 0, 0, 0};
    for (int i = 0; ok && i < 4; ++i) {
        v[i] = parts[i].trimmed().toDouble(&ok);
        ok = ok && std::isfinite(v[i]);
    }
    if (!ok || !(v[0] < v[1]) || !(v[2] < v[3]))
        throw UsageError("--box: expected xmin,xmax,ymin,ymax with xmin < xmax and ymin < ymax, "
                         "got '" +
                         text.toStdString() + "'");
    return ViewBox{v[0], v[1], v[2], v[3]};
}

void writeGridCsv(std::ostream& out, const LandscapeGrid& grid, const char* header)
{
    out << header << '\n';
    for (int j = 0; j < grid.n; ++j) {
        const std::string beta = formatDouble(grid.beta[static_cast<std::size_t>(j)]);
        for (int i = 0; i < grid.n; ++i)
            out << formatDouble(grid.alpha[static_cast<std::size_t>(i)]) << ',' << beta << ','
                << formatDouble(grid.at(i, j)) << '\n';
    }
}

/// plane.json: the plane, its axes and ranges, and the grid's lowest finite cell.
QJsonObject planeJson(const Landscape& landscape, int parameters, std::uint64_t seed, int coarse)
{
    // The grid's lowest finite cell: where the map's minimum sits.
    int best = -1;
    for (std::size_t k = 0; k < landscape.grid.loss.size(); ++k)
        if (std::isfinite(landscape.grid.loss[k]) &&
            (best < 0 ||
             landscape.grid.loss[k] < landscape.grid.loss[static_cast<std::size_t>(best)]))
            best = static_cast<int>(k);
    const ViewBox& b = landscape.box;
    QJsonValue explained;
    if (landscape.plane == LandscapePlane::Pca)
        explained = QJsonArray{jsonNumberOrNull(landscape.alphaExplainedVariance),
                               jsonNumberOrNull(landscape.betaExplainedVariance)};
    QJsonValue minimum;
    if (best >= 0) {
        const int n = landscape.grid.n;
        minimum = QJsonObject{
            {"alpha", jsonNumberOrNull(landscape.grid.alpha[static_cast<std::size_t>(best % n)])},
            {"beta", jsonNumberOrNull(landscape.grid.beta[static_cast<std::size_t>(best / n)])},
            {"loss", jsonNumberOrNull(landscape.grid.loss[static_cast<std::size_t>(best)])}};
    }
    return {{"plane", QString::fromStdString(landscapePlaneName(landscape.plane))},
            {"n", landscape.grid.n},
            {"alpha_label", QString::fromStdString(landscape.alphaLabel)},
            {"beta_label", QString::fromStdString(landscape.betaLabel)},
            {"explained_variance", explained},
            {"alpha_range", QJsonArray{jsonNumberOrNull(b.xMin), jsonNumberOrNull(b.xMax)}},
            {"beta_range", QJsonArray{jsonNumberOrNull(b.yMin), jsonNumberOrNull(b.yMax)}},
            {"parameters", parameters},
            // Seeds are at most 2^53 (config_json), exact in a qint64.
            {"seed", static_cast<qint64>(seed)},
            {"coarse", coarse > 0 ? QJsonValue(coarse) : QJsonValue()},
            {"minimum", minimum}};
}

void writeTrajectoryCsv(std::ostream& out, const LandscapeTrajectory& t, const char* header)
{
    out << header << '\n';
    for (int k = 0; k < t.size(); ++k) {
        const auto i = static_cast<std::size_t>(k);
        out << t.steps[i] << ',' << formatDouble(t.alpha[i]) << ',' << formatDouble(t.beta[i])
            << ',' << formatDouble(t.loss[i]) << '\n';
    }
}

/// Writes the grid to stdout and, with an output directory, the files of --out-dir.
void writeLandscape(const SurfaceOptions& options, const Landscape& landscape,
                    const LandscapeGrid* coarse, int parameters, std::uint64_t seed, bool toy)
{
    const char* gridHeader = toy ? "x,y,loss" : "alpha,beta,loss";
    if (!options.outDir.empty()) {
        OutputSet set(QString::fromStdString(options.outDir), kSurfaceFolderFiles);
        set.add("grid.csv", [&](std::ostream& o) { writeGridCsv(o, landscape.grid, gridHeader); });
        if (coarse != nullptr)
            set.add("coarse.csv", [&](std::ostream& o) { writeGridCsv(o, *coarse, gridHeader); });
        set.add("trajectory.csv", [&](std::ostream& o) {
            writeTrajectoryCsv(o, landscape.trajectory,
                               toy ? "step,x,y,loss" : "step,alpha,beta,loss");
        });
        const QJsonObject plane = planeJson(landscape, parameters, seed, options.coarse);
        set.add("plane.json", [&](std::ostream& o) { writeJson(o, plane); });
        set.commit();
    }
    writeFile(options.out, [&](std::ostream& o) { writeGridCsv(o, landscape.grid, gridHeader); });
}

int toySurface(const RunConfig& config, const SurfaceOptions& options)
{
    if (options.plane && *options.plane != LandscapePlane::Axes)
        throw UsageError("--plane: " + landscapePlaneName(*options.plane) +
                         " needs a model; toy surfaces are two-dimensional, use axes");
    // The trajectory only goes to a file: run the config only when there is one.
    std::optional<ExperimentResult> run;
    if (!options.outDir.empty())
        run = runExperiment(config, interruptFlag());
    const std::shared_ptr<const ToySurface> surface =
        run ? run->surface : makeToySurface(config.problem.type, config.problem.parameters);
    LandscapeOptions landscapeOptions;
    landscapeOptions.threads = options.threads;
    landscapeOptions.cancel = interruptFlag();
    const ViewBox box = options.box ? *options.box : surface->info().view;
    std::optional<LandscapeGrid> coarse;
    if (options.coarse > 0)
        coarse = computeToyGrid(*surface, options.coarse, box, landscapeOptions);
    const Landscape landscape =
        toyLandscape(*surface, options.grid, &box, run ? &run->toy : nullptr, landscapeOptions);
    throwIfInterrupted();
    writeLandscape(options, landscape, coarse ? &*coarse : nullptr, 2, config.seed, true);
    return kExitOk;
}

int modelSurface(const RunConfig& config, const SurfaceOptions& options)
{
    int parameters = 0;
    LandscapePlane plane = LandscapePlane::Axes;
    ExperimentCallbacks callbacks;
    // The plane is checked against the model before it is trained.
    callbacks.prepared = [&](const ExperimentResult& prepared) {
        parameters = Model<float>(prepared.problem->modelSpec()).parameterCount();
        plane = options.plane ? *options.plane
                              : (parameters == 2 ? LandscapePlane::Axes : LandscapePlane::Pca);
        if (plane == LandscapePlane::Axes && parameters != 2)
            throw UsageError("--plane: axes needs a two-parameter model (linreg, logreg); " +
                             config.problem.type + " has " + std::to_string(parameters) +
                             " parameters (use pca or random)");
    };
    const ExperimentResult run = runExperiment(config, interruptFlag(), callbacks);
    const ModelProblem& problem = *run.problem;
    LandscapeOptions landscapeOptions;
    landscapeOptions.threads = options.threads;
    landscapeOptions.cancel = interruptFlag();
    landscapeOptions.seed = config.seed;
    const ModelPlane modelPlane =
        makeModelPlane(plane, run.model, problem.modelSpec(), landscapeOptions);
    const ViewBox box = options.box ? *options.box : modelPlane.defaultBox;
    std::optional<LandscapeGrid> coarse;
    if (options.coarse > 0)
        coarse = computeModelGrid(problem, modelPlane, options.coarse, box, landscapeOptions);
    const Landscape landscape =
        planeLandscape(problem, modelPlane, options.grid, &box,
                       options.outDir.empty() ? nullptr : &run.model, landscapeOptions);
    throwIfInterrupted();
    writeLandscape(options, landscape, coarse ? &*coarse : nullptr, parameters, config.seed, false);
    return kExitOk;
}

} // namespace

int surfaceCommand(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.addOption({"config", "The experiment's JSON config file.", "F"});
    parser.addOption(
        {"grid", "Grid side N (2.." + QString::number(kMaxLandscapeGrid) + "): N x N cells.", "N"});
    parser.addOption({"plane", "axes, pca or random (see above).", "P"});
    parser.addOption(
        {"threads", "Worker threads (default: every core the process may run on).", "T"});
    parser.addOption({"coarse", "Compute an n x n preview grid first (2..N).", "n"});
    parser.addOption({"box",
                      "Grid box xmin,xmax,ymin,ymax (default: see above); write it as "
                      "--box=-1,1,-1,1 when it starts with a minus.",
                      "B"});
    parser.addOption({"out", "Write the grid CSV to file F instead of standard output.", "F"});
    parser.addOption(
        {"out-dir", "Also write grid.csv, trajectory.csv and plane.json into folder D.", "D"});
    if (!parseOrHelp(parser, arguments, kSurfaceDescription))
        return kExitOk;
    SurfaceOptions options;
    requiredValue(parser, "grid");
    options.grid = intValue(parser, "grid", 0, 2, kMaxLandscapeGrid);
    options.coarse = intValue(parser, "coarse", 0, 2, options.grid);
    options.threads = intValue(parser, "threads", 0, 1, 1024);
    if (parser.isSet("plane")) {
        try {
            options.plane = parseLandscapePlane(parser.value("plane").toStdString());
        } catch (const std::invalid_argument&) {
            throw UsageError("--plane: unknown plane '" + parser.value("plane").toStdString() +
                             "' (expected axes, pca or random)");
        }
    }
    if (parser.isSet("box"))
        options.box = parseBox(parser.value("box"));
    options.outDir = parser.value("out-dir").toStdString();
    if (parser.isSet("out"))
        options.out = parser.value("out").toStdString();
    // Every output is checked before the grid is computed.
    checkOutputPath(QString::fromStdString(options.out), "out");
    if (!options.outDir.empty())
        checkOutputSet(OutputSet(QString::fromStdString(options.outDir), kSurfaceFolderFiles),
                       "out-dir");

    const std::string path = requiredValue(parser, "config").toStdString();
    const LoadedConfig loaded = loadConfigFile(path);
    if (isToySurface(loaded.config.problem.type))
        return toySurface(loaded.config, options);
    return modelSurface(loaded.config, options);
}

} // namespace lrlab::cli
