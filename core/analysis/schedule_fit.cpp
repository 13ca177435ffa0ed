#include "core/analysis/schedule_fit.h"

#include "core/analysis/schedule_basis.h"

#include "core/util/format.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <functional>
#include <iterator>
#include <map>
#include <optional>
#include <stdexcept>

namespace lrlab {

// How the fit works (see schedule_fit.h): every schedule of §2.4 is, once its nonlinear
// parameters ("shape") are fixed, a linear combination of at most three basis curves with the
// coefficients base (the peak), a = base·warmup_start_factor and min_lr (onecycle: max_lr,
// initial_lr, min_lr). The shape is searched; the coefficients are solved for each shape by
// least squares on the relative residuals. The basis curves (schedule_basis.cpp) follow
// schedule.cpp's formulas; the reported error is always measured with learningRateAt itself.

namespace {

using namespace schedule_fit_detail;

constexpr std::size_t kSearchPoints = 256; ///< points the shape search looks at
constexpr int kGridPoints = 24;            ///< grid of each coordinate scan
constexpr int kGoldenIterations = 60;      ///< shrinks a bracket by 0.618^60 ≈ 3e-13
constexpr double kExactFit = 1e-10;        ///< stop trying further decays below this error
constexpr double kExactFloatFit = 1e-6;    ///< the same for logs of float32 values (TensorBoard's
                                           ///< simple_value): a few float ulps (2^-24 ≈ 6e-8)
constexpr double kNearZero = 1e-6;         ///< values below 1e-6·peak are compared to that
constexpr double kWeightFloor =
    1e-3;                         ///< least-squares weights: values below 1e-3·peak count as that
constexpr double kEnumerate = 64; ///< integer ranges narrower than this are tried in full
constexpr double kOnLine = 1e-6;  ///< relative tolerance of the linear warmup rise

/// One searched coordinate of a Shape: its range, how it is scanned, and where it goes.
struct Dim
{
    double lo;
    double hi;
    bool integer;
    bool logScale;
    std::function<void(Shape&, double)> set;
    std::function<double(const Shape&)> get;
};

double toSearch(const Dim& d, double v)
{
    return d.logScale ? std::log(v) : v;
}

double fromSearch(const Dim& d, double u)
{
    const double v = d.logScale ? std::exp(u) : u;
    const double clamped = std::clamp(v, d.lo, d.hi);
    return d.integer ? std::round(clamped) : clamped;
}

using Objective = std::function<double(const Shape&)>;

/// The results of searches already made, by the values of the coordinates fixed so far (the
/// integer scans and ternary searches ask for the same value more than once): a repeated value
/// gets the same answer without searching again.
using SearchMemo = std::map<std::vector<double>, std::pair<double, Shape>>;

/// Nested search: dims[index] is scanned on a grid (every value of a small integer range) and
/// refined between the best grid point's neighbours by golden section (continuous) or ternary
/// search (integer); each value tried has the following dims searched in turn. Returns the
/// best objective and leaves the best shape in shape.
double searchShape(Shape& shape, const std::vector<Dim>& dims, std::size_t index,
                   const Objective& objective, SearchMemo& memo)
{
    if (index == dims.size())
        return objective(shape);
    const Dim& d = dims[index];
    const bool innermost = index + 1 == dims.size();
    const int gridPoints = innermost ? kGridPoints : kGridPoints * 2 / 3;
    double bestF = INFINITY;
    Shape bestShape = shape;
    const auto tryValue = [&](double v) {
        Shape trial = shape;
        d.set(trial, v);
        std::vector<double> key;
        for (std::size_t k = 0; k <= index; ++k)
            key.push_back(dims[k].get(trial));
        const auto known = memo.find(key);
        double f = 0.0;
        if (known != memo.end()) {
            f = known->second.first;
            trial = known->second.second;
        } else {
            f = searchShape(trial, dims, index + 1, objective, memo);
            memo.emplace(std::move(key), std::make_pair(f, trial));
        }
        if (f < bestF) {
            bestF = f;
            bestShape = trial;
        }
        return f;
    };
    const double lo = toSearch(d, d.lo);
    const double hi = toSearch(d, d.hi);
    if (d.integer && d.hi - d.lo < kEnumerate) {
        for (double v = d.lo; v <= d.hi; v += 1.0)
            tryValue(v);
        shape = bestShape;
        return bestF;
    }
    const double step = (hi - lo) / (gridPoints - 1);
    double bestU = lo;
    for (int g = 0; g < gridPoints; ++g) {
        const double u = lo + g * step;
        const double before = bestF;
        tryValue(fromSearch(d, u));
        if (bestF < before)
            bestU = u;
    }
    double a = std::max(lo, bestU - step);
    double b = std::min(hi, bestU + step);
    if (d.integer) {
        auto ia = static_cast<long long>(std::ceil(fromSearch(d, a)));
        auto ib = static_cast<long long>(std::floor(fromSearch(d, b)));
        while (ib - ia > 4) {
            const long long m1 = ia + (ib - ia) / 3;
            const long long m2 = ib - (ib - ia) / 3;
            if (tryValue(static_cast<double>(m1)) <= tryValue(static_cast<double>(m2)))
                ib = m2;
            else
                ia = m1;
        }
        for (long long v = ia; v <= ib; ++v)
            tryValue(static_cast<double>(v));
    } else {
        const double r = (std::sqrt(5.0) - 1.0) / 2.0;
        double c = b - r * (b - a);
        double e = a + r * (b - a);
        double fc = tryValue(fromSearch(d, c));
        double fe = tryValue(fromSearch(d, e));
        for (int i = 0; i < kGoldenIterations; ++i) {
            if (fc <= fe) {
                b = e;
                e = c;
                fe = fc;
                c = b - r * (b - a);
                fc = tryValue(fromSearch(d, c));
            } else {
                a = c;
                c = e;
                fc = fe;
                e = a + r * (b - a);
                fe = tryValue(fromSearch(d, e));
            }
        }
    }
    shape = bestShape;
    return bestF;
}

Dim intDim(double lo, double hi, bool logScale, int Shape::*field)
{
    return {lo,
            std::max(lo, hi),
            true,
            logScale,
            [field](Shape& s, double v) { s.*field = static_cast<int>(v); },
            [field](const Shape& s) { return static_cast<double>(s.*field); }};
}

Dim realDim(double lo, double hi, bool logScale, double Shape::*field)
{
    return {lo,
            hi,
            false,
            logScale,
            [field](Shape& s, double v) { s.*field = v; },
            [field](const Shape& s) { return s.*field; }};
}

/// The range of a step decay's step_size (or an exponential decay's steps_per_epoch) that the
/// log's first drop after the warmup allows: the drop lies between two logged steps (and after
/// the one before it when the log covers the decay's start).
std::pair<int, int> firstDropRange(const LoggedSeries& series, int offset, int warmupLo,
                                   int warmupHi, int lastStep)
{
    const double* previous = nullptr;
    long long previousT = 0;
    bool coversStart = false;
    for (const StepValue& p : series) {
        const long long t = p.step - offset;
        if (t < warmupLo)
            continue;
        if (previous == nullptr)
            coversStart = t <= warmupHi;
        if (previous != nullptr && p.value < *previous * (1.0 - 1e-9))
            return {coversStart ? std::max<long long>(1, previousT - warmupHi + 1) : 1,
                    std::max<long long>(1, t - warmupLo)};
        previous = &p.value;
        previousT = t;
    }
    return {std::max(1, lastStep - warmupHi + 1), std::max(2, lastStep + 1)};
}

/// The searched coordinates of decay after a warmup in [warmupLo, warmupHi], for logged steps
/// up to lastStep, and the shape the search starts from.
std::vector<Dim> dimsOf(Decay decay, int warmupLo, int warmupHi, int lastStep,
                        const std::pair<int, int>& dropRange, Shape& start)
{
    std::vector<Dim> dims;
    start.warmup = warmupLo;
    if (warmupHi > warmupLo)
        dims.push_back(intDim(warmupLo, warmupHi, false, &Shape::warmup));
    const double span = std::max(2, lastStep + 1);
    start.total = std::max(warmupHi + 1, lastStep + 1);
    const Dim total = intDim(warmupLo + 1, 4.0 * span + 10.0, true, &Shape::total);
    switch (decay) {
    case Decay::Constant:
        break;
    case Decay::Cosine:
    case Decay::Linear:
        dims.push_back(total);
        break;
    case Decay::Polynomial:
        dims.push_back(total);
        dims.push_back(realDim(0.05, 20.0, true, &Shape::power));
        break;
    case Decay::Exponential:
        dims.push_back(intDim(dropRange.first, dropRange.second, true, &Shape::stepsPerEpoch));
        break;
    case Decay::Step:
        dims.push_back(intDim(dropRange.first, dropRange.second, true, &Shape::stepSize));
        break;
    case Decay::CosineRestarts:
        dims.push_back(intDim(1, 4, false, &Shape::tMult));
        dims.push_back(intDim(1, span, true, &Shape::t0));
        break;
    case Decay::InverseSqrt:
        start.timescale = std::max(1, warmupLo);
        dims.push_back(realDim(1e-2, 1e8, true, &Shape::timescale));
        break;
    case Decay::OneCycle:
        dims.push_back(total);
        dims.push_back(realDim(0.01, 1.0, false, &Shape::pctStart));
        break;
    case Decay::Wsd:
        dims.push_back(intDim(0, 2, false, &Shape::shape));
        dims.push_back(total);
        dims.push_back(realDim(1e-3, 1.0, false, &Shape::decayFraction));
        break;
    }
    return dims;
}

/// The schedule of a shape and its coefficients, as the config reader would hold it.
ScheduleSpec specOf(Decay decay, const Shape& s, const Row& c, int lastStep)
{
    const auto snap = [](double v, double scale) { return std::abs(v) < 1e-12 * scale ? 0.0 : v; };
    ScheduleSpec spec;
    spec.decay = decay;
    spec.warmupSteps = s.warmup;
    spec.totalSteps = std::max(s.warmup, lastStep + 1);
    if (decay == Decay::OneCycle) {
        spec.learningRate = c[0];
        spec.divFactor = c[0] / c[1];
        spec.finalDivFactor = c[1] / std::max(c[2], 1e-300);
        spec.pctStart = s.pctStart;
        spec.totalSteps = s.total;
        return spec;
    }
    spec.learningRate = c[0];
    if (s.warmup > 0)
        spec.warmupStartFactor = std::clamp(snap(c[1] / c[0], 1.0), 0.0, 1.0);
    const std::vector<std::string> keys = decayKeys(decay);
    if (std::find(keys.begin(), keys.end(), "min_lr") != keys.end())
        spec.minLr = std::max(0.0, snap(c[2], std::abs(c[0])));
    switch (decay) {
    case Decay::Cosine:
    case Decay::Linear:
    case Decay::Polynomial:
    case Decay::Wsd:
        spec.totalSteps = s.total;
        break;
    default:
        break;
    }
    spec.power = s.power;
    if (decay == Decay::Exponential || decay == Decay::Step)
        spec.gamma = s.gamma;
    spec.stepsPerEpoch = s.stepsPerEpoch;
    if (decay == Decay::Step)
        spec.stepSize = s.stepSize;
    if (decay == Decay::CosineRestarts)
        spec.t0 = s.t0;
    spec.tMult = s.tMult;
    if (decay == Decay::InverseSqrt)
        spec.timescale = s.timescale;
    spec.decayFraction = s.decayFraction;
    spec.shape = static_cast<WsdShape>(s.shape);
    if (decay != Decay::Polynomial)
        spec.power = 1.0;
    if (decay != Decay::Exponential)
        spec.stepsPerEpoch = 1;
    if (decay != Decay::CosineRestarts)
        spec.tMult = 1;
    if (decay != Decay::Wsd) {
        spec.decayFraction = ScheduleSpec{}.decayFraction;
        spec.shape = WsdShape::Linear;
    }
    // base·gamma^⌊τ/k⌋ with k > 1 steps per epoch is the step decay with step_size k, the
    // name under which such a schedule is usually written (torch StepLR).
    if (decay == Decay::Exponential && s.stepsPerEpoch > 1) {
        spec.decay = Decay::Step;
        spec.stepSize = s.stepsPerEpoch;
        spec.stepsPerEpoch = 1;
    }
    return spec;
}

/// Max relative error of spec over the logged points (lrlab's step = logged step − offset).
/// Stops as soon as it exceeds stopAbove (the candidate then cannot win) and returns the error
/// so far, which is then above stopAbove too.
double maxRelativeError(const ScheduleSpec& spec, const LoggedSeries& series, int offset,
                        double peak, double stopAbove = INFINITY)
{
    double worst = 0.0;
    for (const StepValue& p : series) {
        const double fit = learningRateAt(spec, static_cast<int>(p.step - offset));
        const double denominator = std::max(std::abs(p.value), kNearZero * peak);
        const double error = std::abs(fit - p.value) / denominator;
        worst = std::max(worst, std::isfinite(error) ? error : INFINITY);
        if (worst > stopAbove)
            break;
    }
    return worst;
}

void validate(const LoggedSeries& series)
{
    if (series.size() < 2)
        throw std::invalid_argument("learning-rate log: " + std::to_string(series.size()) +
                                    " point(s); at least 2 are needed to recognise a schedule");
    double peak = 0.0;
    for (std::size_t i = 0; i < series.size(); ++i) {
        const StepValue& p = series[i];
        const auto where = [&] {
            return "learning-rate log: point " + std::to_string(i) + " (step " +
                   std::to_string(p.step) + ")";
        };
        if (p.step < 0)
            throw std::invalid_argument(where() + ": negative step");
        if (i > 0 && p.step <= series[i - 1].step)
            throw std::invalid_argument(where() + ": steps must increase (previous step " +
                                        std::to_string(series[i - 1].step) + ")");
        if (p.step > 1'000'000'000)
            throw std::invalid_argument(where() + ": step beyond 10^9");
        if (!std::isfinite(p.value) || p.value < 0.0)
            throw std::invalid_argument(where() + ": learning rate " +
                                        formatSignificant(p.value, 6) +
                                        " is not a finite non-negative number");
        peak = std::max(peak, p.value);
    }
    if (peak <= 0.0)
        throw std::invalid_argument("learning-rate log: every learning rate is 0");
}

/// The search's points: the log at offset, thinned evenly to kSearchPoints (keeping the
/// first points of the rise and the last point).
std::vector<Point> searchPoints(const LoggedSeries& series, int offset, double peak)
{
    std::vector<std::size_t> indices;
    const std::size_t n = series.size();
    if (n <= kSearchPoints) {
        for (std::size_t i = 0; i < n; ++i)
            indices.push_back(i);
    } else {
        for (std::size_t k = 0; k < kSearchPoints; ++k)
            indices.push_back(k * (n - 1) / (kSearchPoints - 1));
    }
    std::vector<Point> out;
    for (const std::size_t i : indices) {
        const StepValue& p = series[i];
        out.push_back({static_cast<int>(p.step - offset), p.value,
                       1.0 / std::max(std::abs(p.value), kWeightFloor * peak)});
    }
    return out;
}

/// The warmup lengths the linear rise at the start of the log allows: [lo, hi], or {0, 0}
/// when the log does not start with three points on a rising line (or two, then
/// alsoWithout is set).
struct WarmupRange
{
    int lo = 0;
    int hi = 0;
    bool alsoWithout = true;
};

WarmupRange warmupRange(const LoggedSeries& series, int offset)
{
    WarmupRange out;
    const auto t = [&](std::size_t i) { return static_cast<double>(series[i].step - offset); };
    const double v0 = series[0].value;
    const double v1 = series[1].value;
    if (!(v1 > v0 * (1.0 + kOnLine)))
        return out;
    const double slope = (v1 - v0) / (t(1) - t(0));
    std::size_t j = 1;
    while (j + 1 < series.size()) {
        const double line = v0 + slope * (t(j + 1) - t(0));
        if (std::abs(line - series[j + 1].value) > kOnLine * std::abs(series[j + 1].value))
            break;
        ++j;
    }
    out.lo = static_cast<int>(t(j));
    out.hi = j + 1 < series.size() ? static_cast<int>(t(j + 1)) - 1 : out.lo;
    out.alsoWithout = j < 2;
    return out;
}

struct Candidate
{
    ScheduleSpec spec;
    int offset = 0;
    double error = INFINITY;
};

/// The best candidate of one decay at one offset. A candidate whose error exceeds
/// stopAbove cannot be the answer: its error is then only known to exceed stopAbove.
Candidate fitDecay(Decay decay, const LoggedSeries& series, int offset, double peak,
                   double stopAbove)
{
    const std::vector<Point> points = searchPoints(series, offset, peak);
    const int lastStep = points.back().t;
    const WarmupRange rise = warmupRange(series, offset);
    std::vector<std::pair<int, int>> warmups;
    if (rise.alsoWithout || decay == Decay::OneCycle)
        warmups.emplace_back(0, 0);
    if (rise.hi > 0 && decay != Decay::OneCycle)
        warmups.emplace_back(std::max(1, rise.lo), std::max(1, rise.hi));
    Candidate best;
    best.offset = offset;
    for (const auto& [lo, hi] : warmups) {
        Shape shape;
        const std::vector<Dim> dims = dimsOf(
            decay, lo, hi, lastStep, firstDropRange(series, offset, lo, hi, lastStep), shape);
        // Shapes that give the same basis curves (WSD's decay_fraction matters only through
        // its rounded number of decay steps) share one solve.
        std::map<std::array<double, 12>, double> known;
        const auto objective = [&](const Shape& s) {
            const std::array<double, 12> key{
                static_cast<double>(s.warmup),
                static_cast<double>(s.total),
                s.power,
                static_cast<double>(s.stepsPerEpoch),
                static_cast<double>(s.stepSize),
                static_cast<double>(s.t0),
                static_cast<double>(s.tMult),
                s.timescale,
                s.pctStart,
                decay == Decay::Wsd ? static_cast<double>(wsdDecaySteps(s)) : s.decayFraction,
                static_cast<double>(s.shape),
                s.gamma};
            const auto found = known.find(key);
            if (found != known.end())
                return found->second;
            Shape complete = s;
            completeShape(decay, complete, points);
            const double rms = solve(decay, complete, points, false).rms;
            known.emplace(key, rms);
            return rms;
        };
        SearchMemo memo;
        searchShape(shape, dims, 0, objective, memo);
        completeShape(decay, shape, points);
        const Solved solved = solve(decay, shape, points, true);
        if (!std::isfinite(solved.rms) || !(solved.coefficients[0] > 0.0))
            continue;
        const ScheduleSpec spec = specOf(decay, shape, solved.coefficients, lastStep);
        const double error =
            maxRelativeError(spec, series, offset, peak, std::min(stopAbove, best.error));
        if (error < best.error) {
            best.spec = spec;
            best.error = error;
        }
    }
    return best;
}

/// Decays from the simplest: an exact fit by a simpler one ends the search.
constexpr Decay kSearchOrder[] = {
    Decay::Constant, Decay::Linear,      Decay::Cosine, Decay::Polynomial,     Decay::Exponential,
    Decay::Step,     Decay::InverseSqrt, Decay::Wsd,    Decay::CosineRestarts, Decay::OneCycle};
constexpr std::size_t kDecays = std::size(kSearchOrder);

/// Whether every curve of decay is monotone after its warmup (non-increasing, or
/// non-decreasing with a min_lr above the peak or a gamma above 1): all but onecycle and SGDR.
bool monotoneAfterWarmup(Decay decay)
{
    return decay != Decay::OneCycle && decay != Decay::CosineRestarts;
}

/// A lower bound on the max relative error (as maxRelativeError measures it) of every curve
/// that is monotone from lrlab's step `from` on: a monotone curve cannot follow a log that
/// rises from v_i to v_j and also falls elsewhere; for a non-increasing curve f_i ≥ f_j gives
/// error ≥ (v_j − v_i) / (d_i + d_j) with d the error's denominators (the same pair reversed
/// for a non-decreasing one).
double monotoneErrorBound(const LoggedSeries& series, int offset, int from, double peak)
{
    const auto denominator = [&](double v) { return std::max(std::abs(v), kNearZero * peak); };
    double rise = 0.0, fall = 0.0;
    double low = INFINITY, high = -INFINITY;
    for (const StepValue& p : series) {
        if (p.step - offset < from)
            continue;
        if (p.value > low)
            rise = std::max(rise, (p.value - low) / (denominator(low) + denominator(p.value)));
        if (p.value < high)
            fall = std::max(fall, (high - p.value) / (denominator(high) + denominator(p.value)));
        low = std::min(low, p.value);
        high = std::max(high, p.value);
    }
    return std::min(rise, fall);
}

/// The longest warmup fitDecay tries at offset: every point from it on is in the decay.
int longestWarmup(const LoggedSeries& series, int offset)
{
    const WarmupRange rise = warmupRange(series, offset);
    return rise.hi > 0 ? std::max(1, rise.hi) : 0;
}

} // namespace

ScheduleFit fitSchedule(const LoggedSeries& learningRates, double tolerance)
{
    validate(learningRates);
    double peak = 0.0;
    for (const StepValue& p : learningRates)
        peak = std::max(peak, p.value);
    // Values stored as float32 (every value a float) fit their schedule only to float rounding:
    // "exact" is then a few float ulps, so a simpler decay is not passed over for a more
    // flexible one that follows the rounding more closely.
    const bool floatValues =
        std::all_of(learningRates.begin(), learningRates.end(), [](const StepValue& p) {
            return static_cast<double>(static_cast<float>(p.value)) == p.value;
        });
    const double exact = floatValues ? kExactFloatFit : kExactFit;
    // The answer is the first exact candidate in kSearchOrder (offset 0 before 1: a
    // shift-invariant log fits both), or else the first with the least error. A candidate whose
    // error is bounded below by more than an exact fit and more than one already found cannot
    // be it and is not searched; a log that no monotone decay fits exactly (onecycle's rise)
    // tries onecycle and SGDR first, so that the monotone decays are ruled out by the bound.
    std::array<std::array<std::optional<Candidate>, 2>, kDecays> found;
    double least = INFINITY;
    const auto monotoneBound = [&](int offset) {
        return learningRates.front().step - offset < 0
                   ? INFINITY
                   : monotoneErrorBound(learningRates, offset, longestWarmup(learningRates, offset),
                                        peak);
    };
    const std::array<double, 2> bound{monotoneBound(0), monotoneBound(1)};
    const auto tryDecay = [&](std::size_t index) {
        const Decay decay = kSearchOrder[index];
        for (const int offset : {0, 1}) {
            if (learningRates.front().step - offset < 0 || found[index][offset])
                continue;
            // (1 − 1e-9): room for the rounding of the curves' monotonicity.
            if (monotoneAfterWarmup(decay) && bound[offset] * (1.0 - 1e-9) > std::max(least, exact))
                continue;
            found[index][offset] =
                fitDecay(decay, learningRates, offset, peak, std::max(least, exact));
            least = std::min(least, found[index][offset]->error);
        }
    };
    const auto isExact = [&](const std::optional<Candidate>& c) { return c && c->error <= exact; };
    if (std::min(bound[0], bound[1]) > exact)
        for (std::size_t index = 0; index < kDecays; ++index)
            if (!monotoneAfterWarmup(kSearchOrder[index]))
                tryDecay(index);
    Candidate best;
    for (std::size_t index = 0; index < kDecays; ++index) {
        tryDecay(index);
        for (const std::optional<Candidate>& c : found[index])
            if (c && c->error < best.error && best.error > exact)
                best = *c;
        if (isExact(found[index][0]) || isExact(found[index][1]))
            break;
    }
    ScheduleFit fit;
    fit.schedule = best.spec;
    fit.stepOffset = best.offset;
    fit.maxRelativeError = best.error;
    fit.fits = best.error <= tolerance;
    if (!fit.fits)
        fit.reason = "no schedule of lrlab's family fits within a relative error of " +
                     formatSignificant(tolerance, 3) + "; the closest, " +
                     decayName(best.spec.decay) + " (peak " +
                     formatSignificant(best.spec.learningRate, 6) + ", offset " +
                     std::to_string(best.offset) + "), is off by up to " +
                     formatSignificant(100.0 * best.error, 3) + "%";
    return fit;
}

std::string describeScheduleFit(const ScheduleFit& fit)
{
    if (!fit.fits)
        return fit.reason;
    const ScheduleSpec& s = fit.schedule;
    std::string out = decayName(s.decay) + ", peak " + formatSignificant(s.learningRate, 6);
    if (s.warmupSteps > 0)
        out += ", warmup " + std::to_string(s.warmupSteps) + " steps from " +
               formatSignificant(s.warmupStartFactor, 6) + "×peak";
    out += ", total " + std::to_string(s.totalSteps) + " steps, offset " +
           std::to_string(fit.stepOffset) + ", max relative error " +
           formatSignificant(fit.maxRelativeError, 2);
    return out;
}

} // namespace lrlab
