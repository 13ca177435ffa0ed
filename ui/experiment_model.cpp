#include "ui/experiment_model.h"

#include "core/engine/model_problem.h"

#include <QLocale>

#include <stdexcept>

namespace lrlab {

namespace {

/// The key path at the start of a core validation message ("schedule.lr: must be > 0").
QString fieldOf(const std::string& message, const QString& fallback)
{
    const std::size_t colon = message.find(": ");
    if (colon == std::string::npos || message.find(' ') < colon)
        return fallback;
    return QString::fromStdString(message.substr(0, colon));
}

/// A toy config names its start point explicitly (the controls show it).
void fillStart(RunConfig& config, const ToySurface* surface)
{
    if (surface && config.init.size() != 2) {
        const Eigen::VectorXd start = surface->info().start;
        config.init = {start(0), start(1)};
    }
}

bool isUserCsv(const std::string& dataset)
{
    return dataset.find('/') != std::string::npos;
}

} // namespace

ConfigChanges changesBetween(const RunConfig& a, const RunConfig& b)
{
    ConfigChanges what;
    if (!(a.problem == b.problem))
        what |= ConfigChange::Problem;
    if (a.init != b.init)
        what |= ConfigChange::Start;
    if (!(a.optimizer == b.optimizer))
        what |= ConfigChange::Optimizer;
    if (a.schedule.learningRate != b.schedule.learningRate)
        what |= ConfigChange::LearningRate;
    ScheduleSpec sa = a.schedule, sb = b.schedule;
    sa.learningRate = sb.learningRate = 0.0;
    sa.totalSteps = sb.totalSteps = 0;
    if (!(sa == sb))
        what |= ConfigChange::Schedule;
    if (a.steps != b.steps || a.schedule.totalSteps != b.schedule.totalSteps)
        what |= ConfigChange::Steps;
    if (a.seed != b.seed)
        what |= ConfigChange::Seed;
    if (a.evalEvery != b.evalEvery)
        what |= ConfigChange::Evaluation;
    return what;
}

RunConfig ExperimentModel::defaultExperiment()
{
    // The path zig-zags across the steep valley wall, then rolls along the curved floor and
    // settles on (1, 1) (f − f* ≈ 4e-7): the classic picture of momentum, with a schedule.
    RunConfig config;
    config.problem.type = "rosenbrock";
    config.optimizer.type = "sgd";
    config.optimizer.momentum = 0.9;
    config.steps = 2000;
    config.schedule.decay = Decay::Cosine;
    config.schedule.learningRate = 1.5e-3;
    config.schedule.totalSteps = 2000;
    return config;
}

ExperimentModel::ExperimentModel(QObject* parent) : QObject(parent), m_config(defaultExperiment())
{
    qRegisterMetaType<lrlab::ConfigChanges>();
    qRegisterMetaType<lrlab::RunConfig>();
    m_surface = makeToySurface(m_config.problem.type, m_config.problem.parameters);
    fillStart(m_config, m_surface.get());
}

Refusal ExperimentModel::commit(const RunConfig& candidate, const QString& field)
{
    Refusal refusal;
    // validate() also refuses runs over the core's memory and time limits (kMaxRunSteps, ...):
    // the window shows the same message as the command line.
    try {
        validate(candidate);
    } catch (const std::invalid_argument& e) {
        refusal.field = fieldOf(e.what(), field);
        refusal.reason = QString::fromStdString(e.what());
    }
    if (refusal) {
        emit refused(refusal.field, refusal.reason);
        return refusal;
    }
    const ConfigChanges what = changesBetween(m_config, candidate);
    if (!what)
        return {};
    if (what & ConfigChange::Problem)
        m_surface = isModelType(candidate.problem.type)
                        ? nullptr
                        : std::shared_ptr<const ToySurface>(
                              makeToySurface(candidate.problem.type, candidate.problem.parameters));
    m_config = candidate;
    emit configChanged(m_config, what);
    return {};
}

Refusal ExperimentModel::apply(const RunConfig& config)
{
    RunConfig candidate = config;
    if (!isModelType(candidate.problem.type)) {
        try {
            const auto surface =
                makeToySurface(candidate.problem.type, candidate.problem.parameters);
            fillStart(candidate, surface.get());
        } catch (const std::exception&) {
            // validate() names the problem below.
        }
    }
    return commit(candidate, QStringLiteral("problem.type"));
}

Refusal ExperimentModel::setProblemType(const std::string& type)
{
    if (type == m_config.problem.type)
        return {};
    RunConfig candidate = m_config;
    const std::string previousDataset = m_config.problem.dataset;
    try {
        candidate.problem = defaultProblemSpec(type);
    } catch (const std::exception& e) {
        Refusal refusal{QStringLiteral("problem.type"), QString::fromStdString(e.what())};
        emit refused(refusal.field, refusal.reason);
        return refusal;
    }
    candidate.init.clear();
    if (isModelType(type)) {
        candidate.evalEvery = RunConfig{}.evalEvery;
        if (isModelType(m_config.problem.type) && isUserCsv(previousDataset))
            candidate.problem.dataset = previousDataset;
    } else {
        try {
            const auto surface = makeToySurface(type, candidate.problem.parameters);
            fillStart(candidate, surface.get());
        } catch (const std::exception&) {
            // validate() reports it.
        }
    }
    return commit(candidate, QStringLiteral("problem.type"));
}

Refusal ExperimentModel::setDataset(const std::string& dataset)
{
    return edit(QStringLiteral("problem.dataset"), [&](RunConfig& c) {
        if (c.problem.dataset == dataset)
            return;
        c.problem.dataset = dataset;
        c.problem.feature.clear(); // the new dataset's default feature, chosen by the core
    });
}

Refusal ExperimentModel::setStart(double x, double y)
{
    return edit(QStringLiteral("init"), [&](RunConfig& c) { c.init = {x, y}; });
}

Refusal ExperimentModel::resetStart()
{
    if (!m_surface)
        return {};
    const Eigen::VectorXd start = m_surface->info().start;
    return setStart(start(0), start(1));
}

Refusal ExperimentModel::setOptimizerType(const std::string& type)
{
    if (type == m_config.optimizer.type)
        return {};
    return edit(QStringLiteral("optimizer.type"), [&](RunConfig& c) {
        c.optimizer = OptimizerSpec{};
        c.optimizer.type = type;
    });
}

Refusal ExperimentModel::setLearningRate(double learningRate)
{
    return edit(QStringLiteral("schedule.lr"), [&](RunConfig& c) {
        c.schedule.learningRate = learningRate;
        // The floor follows the peak down (a floor above the peak is meaningless); it does not
        // come back up by itself.
        if (learningRate > 0.0 && c.schedule.minLr > learningRate)
            c.schedule.minLr = learningRate;
    });
}

Refusal ExperimentModel::setDecay(Decay decay)
{
    if (decay == m_config.schedule.decay)
        return {};
    return edit(QStringLiteral("schedule.decay"), [&](RunConfig& c) {
        const ScheduleSpec& old = c.schedule;
        ScheduleSpec s;
        s.learningRate = old.learningRate;
        s.totalSteps = old.totalSteps;
        s.minLr = old.minLr;
        s.decay = decay;
        // One-cycle has its own rise (docs/semantics.md §2.4: W must be 0).
        if (decay != Decay::OneCycle) {
            s.warmupSteps = old.warmupSteps;
            s.warmupStartFactor = old.warmupStartFactor;
        }
        c.schedule = s;
    });
}

Refusal ExperimentModel::setSteps(int steps)
{
    return edit(QStringLiteral("steps"), [&](RunConfig& c) {
        c.steps = steps;
        c.schedule.totalSteps = steps;
    });
}

Refusal ExperimentModel::reject(const QString& field, const QString& reason)
{
    emit refused(field, reason);
    return Refusal{field, reason};
}

Refusal ExperimentModel::edit(const QString& field, const std::function<void(RunConfig&)>& change)
{
    RunConfig candidate = m_config;
    change(candidate);
    return commit(candidate, field);
}

} // namespace lrlab
