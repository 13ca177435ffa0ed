#include "core/schedules/schedule.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <tuple>

namespace lrlab {

// Every formula below is docs/semantics.md §2.4 written in the same operation order as its text, so
// the GUI preview, the CLI and the tests see the same doubles. learningRateAt does not validate
// (config validation does); it only avoids division by zero and out-of-range integer arithmetic
// so that no spec makes it throw or trap.

namespace {

constexpr double kPi = 3.14159265358979323846; // Python's math.pi

/// Cosine restarts with torch.optim.lr_scheduler.CosineAnnealingWarmRestarts' closed form
/// (step(epoch) with an explicit epoch), on the post-warmup step tau (never clamped: SGDR keeps
/// cycling past total_steps).
double cosineRestarts(const ScheduleSpec& spec, int tau, int totalAfterWarmup)
{
    const double base = spec.learningRate;
    const double etaMin = spec.minLr;
    const long long t0 = std::max(1, spec.t0.value_or(std::max(1, totalAfterWarmup / 4)));
    const long long tMult = std::max(1, spec.tMult);
    const double epoch = tau;
    double tCur = epoch;
    double tI = static_cast<double>(t0);
    if (tau >= t0) {
        if (tMult == 1) {
            tCur = static_cast<double>(tau % t0); // T_cur = epoch % T_0
        } else {
            // n = int(math.log((epoch / T_0 * (T_mult - 1) + 1), T_mult)); Python's two-argument
            // log is log(x) / log(base).
            const double x = epoch / static_cast<double>(t0) * static_cast<double>(tMult - 1) + 1.0;
            const long long n =
                static_cast<long long>(std::log(x) / std::log(static_cast<double>(tMult)));
            long long power = 1; // T_mult ** n, an exact integer for any reachable n
            for (long long i = 0; i < n; ++i)
                power *= tMult;
            // T_cur = epoch - T_0 * (T_mult ** n - 1) / (T_mult - 1): int product, true division.
            tCur = epoch - static_cast<double>(t0 * (power - 1)) / static_cast<double>(tMult - 1);
            tI = static_cast<double>(t0 * power);
        }
    }
    // eta_min + (base_lr - eta_min) * (1 + math.cos(math.pi * self.T_cur / self.T_i)) / 2
    return etaMin + (base - etaMin) * (1.0 + std::cos(kPi * tCur / tI)) / 2.0;
}

/// torch.optim.lr_scheduler.OneCycleLR._annealing_cos.
double annealingCos(double start, double end, double pct)
{
    const double cosOut = std::cos(kPi * pct) + 1.0;
    return end + (start - end) / 2.0 * cosOut;
}

/// torch.optim.lr_scheduler.OneCycleLR (anneal_strategy "cos", three_phase False,
/// max_lr = base, total_steps = T) at step_num.
double oneCycle(const ScheduleSpec& spec, int stepNum, int totalSteps)
{
    const double maxLr = spec.learningRate;
    const double initialLr = maxLr / spec.divFactor;
    const double minLr = initialLr / spec.finalDivFactor;
    struct Phase
    {
        double endStep;
        double startLr;
        double endLr;
    };
    const Phase phases[2] = {
        {static_cast<double>(spec.pctStart * totalSteps) - 1.0, initialLr, maxLr},
        {static_cast<double>(totalSteps - 1), maxLr, minLr},
    };
    double startStep = 0.0;
    for (int i = 0; i < 2; ++i) {
        const Phase& phase = phases[i];
        if (stepNum <= phase.endStep || i == 1) {
            const double span = phase.endStep - startStep;
            // torch raises ZeroDivisionError on an empty phase (e.g. pct_start·T = 1 at step 0);
            // we take the phase's end value, which is what pct → 1 gives for a non-empty one.
            const double pct = span != 0.0 ? (stepNum - startStep) / span : 1.0;
            return annealingCos(phase.startLr, phase.endLr, pct);
        }
        startStep = phase.endStep;
    }
    return minLr; // unreachable: the last phase always returns
}

/// Warmup-stable-decay (Hägele et al., 2024): D = max(1, round(decay_fraction·T)) decay steps
/// (std::round, halves away from zero; D is capped at T), base until T − D, then
/// min_lr + (base − min_lr)·f(p) with p = (τ − (T − D))/D.
double wsd(const ScheduleSpec& spec, int tau, int totalAfterWarmup)
{
    const double base = spec.learningRate;
    const long long decaySteps = std::min<long long>(
        totalAfterWarmup,
        std::max(1LL, std::llround(spec.decayFraction * static_cast<double>(totalAfterWarmup))));
    const long long stableEnd = totalAfterWarmup - decaySteps;
    if (tau < stableEnd)
        return base;
    const double p = static_cast<double>(tau - stableEnd) / static_cast<double>(decaySteps);
    double f = 1.0 - p;
    if (spec.shape == WsdShape::Cosine)
        f = 0.5 * (1.0 + std::cos(kPi * p));
    else if (spec.shape == WsdShape::Sqrt)
        f = 1.0 - std::sqrt(p);
    return spec.minLr + (base - spec.minLr) * f;
}

} // namespace

double learningRateAt(const ScheduleSpec& spec, int step)
{
    const double base = spec.learningRate;
    const int t = std::max(0, step); // a negative step reads as the first one
    const int warmup = std::max(0, spec.warmupSteps);
    if (t < warmup) {
        const double s = spec.warmupStartFactor;
        return base * (s + (1.0 - s) * t / warmup);
    }

    const int totalAfterWarmup = std::max(1, spec.totalSteps - warmup); // T
    const int tau = t - warmup;
    // Every decay except cosine_restarts stops at its end value: τ is clamped to T.
    const int tauClamped = std::min(tau, totalAfterWarmup);
    const double tauC = tauClamped;
    const double total = totalAfterWarmup;

    switch (spec.decay) {
    case Decay::Constant:
        return base;
    case Decay::Cosine:
        return spec.minLr + (base - spec.minLr) * 0.5 * (1.0 + std::cos(kPi * tauC / total));
    case Decay::Linear:
        return spec.minLr + (base - spec.minLr) * (1.0 - tauC / total);
    case Decay::Polynomial:
        return spec.minLr + (base - spec.minLr) * std::pow(1.0 - tauC / total, spec.power);
    case Decay::Exponential: {
        // torch ExponentialLR stepped once per epoch: gamma ** epoch, epoch = ⌊τ / steps⌋.
        const double gamma = spec.gamma.value_or(0.99);
        const int epoch = tauClamped / std::max(1, spec.stepsPerEpoch);
        return base * std::pow(gamma, epoch);
    }
    case Decay::Step: {
        // torch StepLR's closed form: base_lr * gamma ** (last_epoch // step_size).
        const double gamma = spec.gamma.value_or(0.1);
        const int stepSize = std::max(1, spec.stepSize.value_or(std::max(1, totalAfterWarmup / 3)));
        return base * std::pow(gamma, tauClamped / stepSize);
    }
    case Decay::CosineRestarts:
        return cosineRestarts(spec, tau, totalAfterWarmup);
    case Decay::InverseSqrt: {
        double timescale = warmup > 0 ? warmup : 10000.0;
        if (spec.timescale)
            timescale = *spec.timescale;
        return base / std::sqrt(1.0 + tauC / timescale);
    }
    case Decay::OneCycle:
        // torch allows step_num == total_steps (one past the last phase end); we clamp there.
        return oneCycle(spec, tauClamped, totalAfterWarmup);
    case Decay::Wsd:
        return wsd(spec, tauClamped, totalAfterWarmup);
    }
    return base; // unreachable for a valid enum value
}

const std::vector<std::string>& decayNames()
{
    static const std::vector<std::string> names = {
        "constant", "cosine",          "linear",       "polynomial", "exponential",
        "step",     "cosine_restarts", "inverse_sqrt", "onecycle",   "wsd"};
    return names;
}

std::string decayName(Decay decay)
{
    const std::size_t index = static_cast<std::size_t>(decay);
    const auto& names = decayNames();
    if (index >= names.size())
        throw std::invalid_argument("schedule.decay: invalid decay value");
    return names[index];
}

Decay decayFromName(const std::string& name)
{
    const auto& names = decayNames();
    const auto it = std::find(names.begin(), names.end(), name);
    if (it == names.end())
        throw std::invalid_argument("schedule.decay: unknown decay '" + name + "'");
    return static_cast<Decay>(it - names.begin());
}

const std::vector<std::string>& wsdShapeNames()
{
    static const std::vector<std::string> names = {"linear", "cosine", "sqrt"};
    return names;
}

std::string wsdShapeName(WsdShape shape)
{
    const std::size_t index = static_cast<std::size_t>(shape);
    const auto& names = wsdShapeNames();
    if (index >= names.size())
        throw std::invalid_argument("schedule.shape: invalid wsd shape value");
    return names[index];
}

WsdShape wsdShapeFromName(const std::string& name)
{
    const auto& names = wsdShapeNames();
    const auto it = std::find(names.begin(), names.end(), name);
    if (it == names.end())
        throw std::invalid_argument("schedule.shape: unknown wsd shape '" + name + "'");
    return static_cast<WsdShape>(it - names.begin());
}

std::vector<std::string> decayKeys(Decay decay)
{
    switch (decay) {
    case Decay::Constant:
        return {};
    case Decay::Cosine:
    case Decay::Linear:
        return {"min_lr"};
    case Decay::Polynomial:
        return {"min_lr", "power"};
    case Decay::Exponential:
        return {"gamma", "steps_per_epoch"};
    case Decay::Step:
        return {"gamma", "step_size"};
    case Decay::CosineRestarts:
        return {"min_lr", "t0", "t_mult"};
    case Decay::InverseSqrt:
        return {"timescale"};
    case Decay::OneCycle:
        return {"pct_start", "div_factor", "final_div_factor"};
    case Decay::Wsd:
        return {"min_lr", "decay_fraction", "shape"};
    }
    return {};
}

bool operator==(const ScheduleSpec& a, const ScheduleSpec& b)
{
    const auto fields = [](const ScheduleSpec& s) {
        return std::tie(s.learningRate, s.warmupSteps, s.warmupStartFactor, s.decay, s.minLr,
                        s.totalSteps, s.gamma, s.stepsPerEpoch, s.stepSize, s.t0, s.tMult, s.power,
                        s.timescale, s.pctStart, s.divFactor, s.finalDivFactor, s.decayFraction,
                        s.shape);
    };
    return fields(a) == fields(b);
}

bool operator!=(const ScheduleSpec& a, const ScheduleSpec& b)
{
    return !(a == b);
}

} // namespace lrlab
