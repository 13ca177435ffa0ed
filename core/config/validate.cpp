#include "core/config/run_config.h"

#include "core/config/resource_estimate.h"

#include "core/problems/toy_surface.h"

#include <algorithm>
#include <cmath>
#include <sstream>
#include <stdexcept>

namespace lrlab {

namespace {

std::string number(double v)
{
    std::ostringstream out;
    out.precision(17);
    out << v;
    return out.str();
}

[[noreturn]] void fail(const std::string& key, const std::string& what)
{
    throw std::invalid_argument(key + ": " + what);
}

void requireFinite(const std::string& key, double v)
{
    if (!std::isfinite(v))
        fail(key, "must be a finite number, got " + number(v));
}

void requirePositive(const std::string& key, double v)
{
    requireFinite(key, v);
    if (!(v > 0.0))
        fail(key, "must be > 0, got " + number(v));
}

void requireNonNegative(const std::string& key, double v)
{
    requireFinite(key, v);
    if (v < 0.0)
        fail(key, "must be >= 0, got " + number(v));
}

/// lo <= v < hi (or <= hi when closed).
void requireInRange(const std::string& key, double v, double lo, double hi, bool closedHigh)
{
    requireFinite(key, v);
    const bool ok = v >= lo && (closedHigh ? v <= hi : v < hi);
    if (!ok)
        fail(key, "must be in [" + number(lo) + ", " + number(hi) + (closedHigh ? "]" : ")") +
                      ", got " + number(v));
}

void validateProblem(const RunConfig& config)
{
    const ProblemSpec& p = config.problem;
    if (p.type.empty())
        fail("problem.type", "is required");
    requireNonNegative("problem.noise", p.noise);
    if (isToySurface(p.type)) {
        const auto& catalogue = toySurfaceCatalogue();
        const auto it =
            std::find_if(catalogue.begin(), catalogue.end(),
                         [&](const ToySurfaceDescriptor& d) { return d.name == p.type; });
        for (const auto& [name, value] : p.parameters) {
            const bool known =
                std::any_of(it->parameters.begin(), it->parameters.end(),
                            [&key = name](const SurfaceParameter& sp) { return sp.name == key; });
            if (!known)
                fail("problem." + name, p.type + " has no parameter '" + name + "'");
            requireFinite("problem." + name, value);
        }
        // The surface checks its own parameter ranges (e.g. quadratic a, b >= 0).
        makeToySurface(p.type, p.parameters);
        if (!config.init.empty() && config.init.size() != 2)
            fail("init",
                 "a toy surface takes 2 numbers, got " + std::to_string(config.init.size()));
    } else if (isModelType(p.type)) {
        if (!p.parameters.empty())
            fail("problem." + p.parameters.begin()->first,
                 "is a toy-surface parameter; " + p.type + " does not take it");
        if (p.batchSize < 1)
            fail("problem.batch_size", "must be >= 1, got " + std::to_string(p.batchSize));
        requireInRange("problem.val_fraction", p.valFraction, 0.0, 1.0, false);
        if (p.activation != "relu" && p.activation != "tanh")
            fail("problem.activation",
                 "must be \"relu\" or \"tanh\", got \"" + p.activation + "\"");
        for (std::size_t i = 0; i < p.hidden.size(); ++i)
            if (p.hidden[i] < 1)
                fail("problem.hidden[" + std::to_string(i) + "]",
                     "must be >= 1, got " + std::to_string(p.hidden[i]));
    } else {
        std::string names;
        for (const auto& d : toySurfaceCatalogue())
            names += d.name + ", ";
        for (const auto& m : modelTypeNames())
            names += m + ", ";
        names.resize(names.size() - 2);
        fail("problem.type", "unknown problem \"" + p.type + "\" (known: " + names + ")");
    }
    for (std::size_t i = 0; i < config.init.size(); ++i)
        requireFinite("init[" + std::to_string(i) + "]", config.init[i]);
}

void validateOptimizer(const OptimizerSpec& spec)
{
    const auto& names = optimizerNames();
    if (std::find(names.begin(), names.end(), spec.type) == names.end()) {
        std::string known;
        for (const auto& n : names)
            known += (known.empty() ? "" : ", ") + n;
        fail("optimizer.type", "unknown optimizer \"" + spec.type + "\" (known: " + known + ")");
    }
    const OptimizerSpec r = spec.resolved();
    requireInRange("optimizer.momentum", r.momentum, 0.0, 1.0, false);
    if (r.nesterov && !(r.momentum > 0.0))
        fail("optimizer.nesterov", "needs momentum > 0");
    requireInRange("optimizer.alpha", r.alpha, 0.0, 1.0, false);
    requirePositive("optimizer.eps", r.eps);
    requireInRange("optimizer.beta1", r.beta1, 0.0, 1.0, false);
    requireInRange("optimizer.beta2", r.beta2, 0.0, 1.0, false);
    requireNonNegative("optimizer.weight_decay", r.weightDecay);
    if (r.blockSize < 1)
        fail("optimizer.block_size", "must be >= 1, got " + std::to_string(r.blockSize));
}

void validateSchedule(const ScheduleSpec& s, int steps)
{
    requirePositive("schedule.lr", s.learningRate);
    if (s.totalSteps < 1)
        fail("schedule.total_steps", "must be >= 1, got " + std::to_string(s.totalSteps));
    if (s.warmupSteps < 0)
        fail("schedule.warmup_steps", "must be >= 0, got " + std::to_string(s.warmupSteps));
    if (s.warmupSteps > steps)
        fail("schedule.warmup_steps",
             std::to_string(s.warmupSteps) +
                 " is longer than the run (steps = " + std::to_string(steps) + ")");
    if (s.warmupSteps > s.totalSteps)
        fail("schedule.warmup_steps", std::to_string(s.warmupSteps) +
                                          " is longer than the schedule (total_steps = " +
                                          std::to_string(s.totalSteps) + ")");
    requireInRange("schedule.warmup_start_factor", s.warmupStartFactor, 0.0, 1.0, true);
    requireNonNegative("schedule.min_lr", s.minLr);
    if (s.minLr > s.learningRate)
        fail("schedule.min_lr", number(s.minLr) + " is above lr " + number(s.learningRate));
    if (s.gamma)
        requirePositive("schedule.gamma", *s.gamma);
    if (s.stepsPerEpoch < 1)
        fail("schedule.steps_per_epoch", "must be >= 1, got " + std::to_string(s.stepsPerEpoch));
    if (s.stepSize && *s.stepSize < 1)
        fail("schedule.step_size", "must be >= 1, got " + std::to_string(*s.stepSize));
    if (s.t0 && *s.t0 < 1)
        fail("schedule.t0", "must be >= 1, got " + std::to_string(*s.t0));
    if (s.tMult < 1)
        fail("schedule.t_mult", "must be an integer >= 1, got " + std::to_string(s.tMult));
    requirePositive("schedule.power", s.power);
    if (s.timescale)
        requirePositive("schedule.timescale", *s.timescale);
    requirePositive("schedule.div_factor", s.divFactor);
    requirePositive("schedule.final_div_factor", s.finalDivFactor);
    if (s.decay == Decay::OneCycle) {
        if (s.warmupSteps != 0)
            fail("schedule.warmup_steps", "must be 0 with decay \"onecycle\" (it has its own "
                                          "warm-up phase, set by pct_start)");
        if (!(s.pctStart > 0.0 && s.pctStart < 1.0) || !std::isfinite(s.pctStart))
            fail("schedule.pct_start", "must be in (0, 1), got " + number(s.pctStart));
        // torch's first phase ends at step pct_start·T − 1 and must be past step 0.
        if (!(s.pctStart * s.totalSteps - 1.0 > 0.0))
            fail("schedule.pct_start", "pct_start · total_steps must exceed 1 (got " +
                                           number(s.pctStart * s.totalSteps) + ")");
    } else {
        if (!(s.pctStart > 0.0 && s.pctStart < 1.0) || !std::isfinite(s.pctStart))
            fail("schedule.pct_start", "must be in (0, 1), got " + number(s.pctStart));
    }
    if (!(s.decayFraction > 0.0 && s.decayFraction <= 1.0) || !std::isfinite(s.decayFraction))
        fail("schedule.decay_fraction", "must be in (0, 1], got " + number(s.decayFraction));
}

} // namespace

const std::vector<std::string>& modelTypeNames()
{
    static const std::vector<std::string> names{"linreg", "logreg", "softmax", "mlp"};
    return names;
}

bool isOneFeatureModel(const std::string& type)
{
    return type == "linreg" || type == "logreg";
}

bool isModelType(const std::string& type)
{
    const auto& names = modelTypeNames();
    return std::find(names.begin(), names.end(), type) != names.end();
}

void validate(const RunConfig& config)
{
    if (config.steps < 1)
        fail("steps", "must be >= 1, got " + std::to_string(config.steps));
    if (config.evalEvery < 1)
        fail("eval_every", "must be >= 1, got " + std::to_string(config.evalEvery));
    validateProblem(config);
    validateOptimizer(config.optimizer);
    validateSchedule(config.schedule, config.steps);
    checkResourceLimits(config);
}

} // namespace lrlab
