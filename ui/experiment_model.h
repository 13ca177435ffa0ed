#pragma once

#include "core/config/resource_estimate.h"
#include "core/config/run_config.h"
#include "core/problems/toy_surface.h"

#include <QFlags>
#include <QMetaType>
#include <QObject>
#include <QString>

#include <functional>
#include <memory>

namespace lrlab {

/// A change the model did not apply: the config key path of the field ("schedule.lr") and the
/// core's reason. Empty (refused() false) when the change was applied.
struct Refusal
{
    QString field;
    QString reason;
    bool refused() const { return !reason.isEmpty(); }
    explicit operator bool() const { return refused(); }
};

/// What a change touched; subscribers skip work they do not need (a learning-rate change keeps
/// the landscape, a problem change needs a new one).
enum class ConfigChange : unsigned {
    Problem = 1u << 0,      ///< problem type, surface parameters, data or model settings
    Start = 1u << 1,        ///< init (the toy start point)
    Optimizer = 1u << 2,    ///< optimizer type or hyper-parameters
    LearningRate = 1u << 3, ///< schedule.lr only
    Schedule = 1u << 4,     ///< any other schedule field
    Steps = 1u << 5,        ///< steps (and schedule.total_steps with it)
    Seed = 1u << 6,
    Evaluation = 1u << 7, ///< eval_every
};
Q_DECLARE_FLAGS(ConfigChanges, ConfigChange)

/// Every field: what a first run, or a view built for a config, has to take into account.
inline constexpr ConfigChanges kAllConfigChanges = ConfigChanges::fromInt(0xff);

/// The fields in which b differs from a.
ConfigChanges changesBetween(const RunConfig& a, const RunConfig& b);

/// The explorer's one experiment state: the current RunConfig (surface parameters included) and
/// what is derived from it (the toy surface, whether it is a model). Every setter validates the
/// candidate with the core's validate() and either applies it and emits configChanged() once,
/// or leaves the config alone and returns (and emits) the refusal; nothing is clamped. Controls
/// call setters and redraw from configChanged(); plots, docks, the worker, sessions and lessons
/// subscribe to it. GUI thread only.
class ExperimentModel : public QObject
{
    Q_OBJECT
public:
    /// Runs longer than this are refused up front by the core's validate(): their traces and
    /// plot copies would take gigabytes (about kTraceBytesPerStep each).
    static constexpr int kMaxSteps = kMaxRunSteps;

    /// Starts with defaultExperiment().
    explicit ExperimentModel(QObject* parent = nullptr);

    /// The experiment a new session and the default lesson (Ctrl+R) start from: Rosenbrock from
    /// its default start, heavy-ball SGD (β = 0.9) at 0.82× its stable limit 2(1+β)/λ₁ with a
    /// cosine decay over 2000 steps.
    static RunConfig defaultExperiment();

    const RunConfig& config() const { return m_config; }
    bool isModel() const { return isModelType(m_config.problem.type); }
    /// The current toy surface (null for model problems). Immutable; safe to share with workers.
    std::shared_ptr<const ToySurface> surface() const { return m_surface; }

    /// Replaces the whole config (sessions, lessons, the sweep's "load this run", tests).
    Refusal apply(const RunConfig& config);
    /// Switches the problem family or surface: that family's defaults from the core (the toy
    /// surface's start; a model's default dataset, 32 hidden units, batch 32, validation 0.2,
    /// evaluation every 50 steps). A CSV the user opened is kept when switching between models.
    Refusal setProblemType(const std::string& type);
    /// A model's dataset: a built-in name or a CSV path (the feature goes back to the default).
    Refusal setDataset(const std::string& dataset);
    Refusal setStart(double x, double y);
    /// Back to the surface's default start point.
    Refusal resetStart();
    /// A new optimizer with PyTorch's default hyper-parameters.
    Refusal setOptimizerType(const std::string& type);
    Refusal setLearningRate(double learningRate);
    /// A new decay; its own parameters go back to their defaults.
    Refusal setDecay(Decay decay);
    /// Steps of the run; the schedule's total_steps follows.
    Refusal setSteps(int steps);
    /// Any other edit: field is the config key path reported when the result is refused.
    Refusal edit(const QString& field, const std::function<void(RunConfig&)>& change);
    /// Reports an entry that never became a config (text that is no number): emits refused()
    /// and returns the refusal, so every refusal reaches the user the same way.
    Refusal reject(const QString& field, const QString& reason);

signals:
    /// The config changed (what: the fields that differ from the previous one).
    void configChanged(const lrlab::RunConfig& config, lrlab::ConfigChanges what);
    /// A change was refused; field is the config key path, reason the core's message.
    void refused(const QString& field, const QString& reason);

private:
    Refusal commit(const RunConfig& candidate, const QString& field);

    RunConfig m_config;
    std::shared_ptr<const ToySurface> m_surface;
};

} // namespace lrlab

// At global scope, like Qt's and QCustomPlot's own: an operator| declared inside lrlab would
// hide theirs from code in the namespace.
Q_DECLARE_OPERATORS_FOR_FLAGS(lrlab::ConfigChanges)
Q_DECLARE_METATYPE(lrlab::ConfigChanges)
Q_DECLARE_METATYPE(lrlab::RunConfig)
