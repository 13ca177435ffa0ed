#include "core/analysis/diagnosis.h"

#include "core/util/format.h"

#include <algorithm>
#include <cmath>

namespace lrlab {

namespace {

constexpr double kDivergenceFactor = 10.0;      // last excess loss > 10× the first: diverged
constexpr double kOverfitRise = 0.10;           // validation 10 % above its minimum
constexpr double kStagnationProgress = 0.10;    // less than 10 % of the excess removed
constexpr double kFloorReach = 1e-3;            // "at the floor": excess below 0.1 % of the start
constexpr double kRecentFraction = 0.25;        // the recent rate is measured on the last quarter
constexpr double kSlowFactor = 10.0;            // too slow: needs > 10× the run's steps to finish
constexpr double kOscillationSignChanges = 0.3; // fraction of sign changes of Δloss
constexpr double kOscillationVariation = 3.0;   // total variation / net change
constexpr double kSmoothing = 0.1;              // EMA weight for noisy (minibatch) curves
constexpr double kNoisyOscillationLevel = 0.3;  // noisy: late mean above 30 % of the start
constexpr double kNoisySwing = 0.5;             // noisy: late swing above half the late mean

/// The name and advice of each label, in enum order.
struct LabelText
{
    DiagnosisLabel label;
    const char* name;
    const char* advice;
};

constexpr LabelText kLabelTexts[] = {
    {DiagnosisLabel::Diverged, "diverged",
     "The learning rate is too large: lower it (try 10x smaller) or add warmup."},
    {DiagnosisLabel::Oscillating, "oscillating",
     "The loss bounces instead of settling: lower the learning rate, or let a decay schedule "
     "bring it down."},
    {DiagnosisLabel::Stagnating, "stagnating",
     "The loss barely moves: raise the learning rate, or use warmup with a higher peak and a "
     "decay schedule."},
    {DiagnosisLabel::Converging, "converging",
     "Steady progress: the learning rate is in a good range."},
    {DiagnosisLabel::Overfitting, "overfitting",
     "Validation loss rises while training loss falls: add weight decay (AdamW), use more data, "
     "or stop earlier."},
};

const LabelText* labelText(DiagnosisLabel label)
{
    for (const LabelText& text : kLabelTexts)
        if (text.label == label)
            return &text;
    return nullptr;
}

Diagnosis make(DiagnosisLabel label, const DiagnosisEvidence& facts)
{
    Diagnosis d;
    d.label = label;
    d.name = diagnosisName(label);
    d.facts = facts;
    d.evidence = evidenceText(facts);
    if (const LabelText* text = labelText(label))
        d.advice = text->advice;
    return d;
}

/// Evidence of kind with no numbers, or to be filled by the caller.
DiagnosisEvidence evidenceOf(EvidenceKind kind)
{
    DiagnosisEvidence e;
    e.kind = kind;
    return e;
}

/// Whether the recent rate of progress can bring the excess to the floor in time.
struct RecentProgress
{
    bool tooSlow = false;
    DiagnosisEvidence evidence; ///< kind ReachedFloor, TooShortToRate, StoppedFalling or
                                ///< TooSlow/FastEnough, without progressPercent
};

double meanOf(const std::vector<double>& v, std::size_t begin, std::size_t end)
{
    double sum = 0.0;
    for (std::size_t i = begin; i < end; ++i)
        sum += v[i];
    return sum / static_cast<double>(end - begin);
}

/// The rule of docs/semantics.md §2.6: the target is kFloorReach × the starting excess; a run
/// whose (smoothed) excess ends below it has reached the floor. Otherwise the recent rate is
/// the log-space decrease per step between the means of the two halves of the last quarter of
/// the run; the run is too slow when at that rate it would need more than kSlowFactor × its
/// length to reach the target (or when the excess no longer falls).
RecentProgress recentProgress(const std::vector<double>& excess, double first)
{
    RecentProgress out;
    const std::size_t n = excess.size();
    const double target = kFloorReach * first;
    const double last = excess.back();
    out.evidence.targetPercent = 100.0 * kFloorReach;
    if (last <= target) {
        out.evidence.kind = EvidenceKind::ReachedFloor;
        return out;
    }
    const auto window = std::max<std::size_t>(
        2, static_cast<std::size_t>(kRecentFraction * static_cast<double>(n)) & ~std::size_t{1});
    if (window > n) {
        out.evidence.kind = EvidenceKind::TooShortToRate;
        out.evidence.targetPercent = 0.0;
        return out;
    }
    const std::size_t half = window / 2;
    const double earlier = meanOf(excess, n - window, n - half);
    const double later = meanOf(excess, n - half, n);
    const double rate = later > 0.0 && earlier > later
                            ? std::log(earlier / later) / static_cast<double>(half)
                            : 0.0;
    out.evidence.window = static_cast<long long>(window);
    if (rate <= 0.0) {
        out.tooSlow = true;
        out.evidence.kind = EvidenceKind::StoppedFalling;
        out.evidence.targetPercent = 0.0;
        out.evidence.remainingFraction = last / first;
        return out;
    }
    const double needed = std::log(last / target) / rate;
    out.tooSlow = needed > kSlowFactor * static_cast<double>(n);
    out.evidence.kind = out.tooSlow ? EvidenceKind::TooSlow : EvidenceKind::FastEnough;
    out.evidence.neededSteps = needed;
    out.evidence.runSteps = static_cast<long long>(n);
    return out;
}

} // namespace

std::string diagnosisName(DiagnosisLabel label)
{
    const LabelText* text = labelText(label);
    return text != nullptr ? text->name : "unknown";
}

Diagnosis diagnose(const LossHistory& history)
{
    const std::vector<double>& raw = history.loss;
    if (raw.empty())
        return make(DiagnosisLabel::Stagnating, evidenceOf(EvidenceKind::NoSteps));
    for (std::size_t i = 0; i < raw.size(); ++i)
        if (!std::isfinite(raw[i])) {
            DiagnosisEvidence facts = evidenceOf(EvidenceKind::NonFinite);
            facts.step = static_cast<long long>(i);
            return make(DiagnosisLabel::Diverged, facts);
        }

    // Work on the excess over the floor; smooth noisy minibatch curves first.
    std::vector<double> e(raw.size());
    double ema = raw.front() - history.floor;
    for (std::size_t i = 0; i < raw.size(); ++i) {
        const double excess = raw[i] - history.floor;
        ema = history.noisy ? kSmoothing * excess + (1.0 - kSmoothing) * ema : excess;
        e[i] = std::max(ema, 0.0);
    }
    const double first = history.noisy ? std::max(raw.front() - history.floor, 0.0) : e.front();
    const double last = e.back();
    const double tiny = 1e-12 * std::max(1.0, first);
    if (first > tiny && last > kDivergenceFactor * first) {
        DiagnosisEvidence facts = evidenceOf(EvidenceKind::GrewAboveStart);
        facts.growth = last / first;
        return make(DiagnosisLabel::Diverged, facts);
    }

    // Overfitting: validation rose from its minimum while training kept falling.
    const std::vector<double>& val = history.validation;
    if (val.size() >= 3) {
        const auto minIt = std::min_element(val.begin(), val.end());
        const auto minIndex = static_cast<std::size_t>(minIt - val.begin());
        const double valMin = *minIt;
        const double valLast = val.back();
        bool trainFalling = true;
        const std::vector<double>& vt = history.validationTrain;
        if (vt.size() == val.size())
            trainFalling = vt.back() < vt[minIndex];
        if (std::isfinite(valLast) && minIndex + 1 < val.size() &&
            valLast > valMin * (1.0 + kOverfitRise) + 1e-12 && trainFalling) {
            DiagnosisEvidence facts = evidenceOf(EvidenceKind::ValidationRose);
            facts.validationMin = valMin;
            facts.validationLast = valLast;
            return make(DiagnosisLabel::Overfitting, facts);
        }
    }

    // Oscillation over the second half of the run.
    const std::size_t n = e.size();
    if (n >= 8) {
        const std::size_t start = n / 2;
        int signChanges = 0;
        int moves = 0;
        double variation = 0.0;
        double previous = 0.0;
        for (std::size_t i = start + 1; i < n; ++i) {
            const double d = e[i] - e[i - 1];
            variation += std::abs(d);
            if (d != 0.0) {
                if (previous != 0.0 && (d > 0) != (previous > 0))
                    ++signChanges;
                previous = d;
                ++moves;
            }
        }
        const double net = std::abs(e[n - 1] - e[start]);
        const double level = std::max(e[start], e[n - 1]);
        // Minibatch noise alone makes a smoothed curve wiggle; a noisy run only counts as
        // oscillating when it also stopped making progress (late mean above 30 % of the start).
        double lateMean = 0.0;
        for (std::size_t i = start; i < n; ++i)
            lateMean += e[i];
        lateMean /= static_cast<double>(n - start);
        double lateMin = e[start];
        double lateMax = e[start];
        for (std::size_t i = start; i < n; ++i) {
            lateMin = std::min(lateMin, e[i]);
            lateMax = std::max(lateMax, e[i]);
        }
        // ... and its smoothed late curve swings by more than half its mean (a stalled run
        // with a small, noisy wiggle is stagnating, not oscillating).
        const bool stalled = !history.noisy || (lateMean > kNoisyOscillationLevel * first &&
                                                lateMax - lateMin > kNoisySwing * lateMean);
        if (stalled && moves > 2 && level > 1e-8 * std::max(first, 1e-300) &&
            signChanges > kOscillationSignChanges * moves &&
            variation > kOscillationVariation * net && variation > 1e-3 * level) {
            DiagnosisEvidence facts = evidenceOf(EvidenceKind::Reversals);
            facts.reversalPercent = 100.0 * signChanges / moves;
            facts.travelRatio = net > 0 ? variation / net : INFINITY;
            return make(DiagnosisLabel::Oscillating, facts);
        }
    }

    if (first <= tiny)
        return make(DiagnosisLabel::Converging, evidenceOf(EvidenceKind::StartsAtMinimum));
    const double progress = (first - last) / first;
    if (progress < kStagnationProgress) {
        DiagnosisEvidence facts = evidenceOf(EvidenceKind::FellTooLittle);
        facts.progressPercent = 100.0 * progress;
        return make(DiagnosisLabel::Stagnating, facts);
    }
    if (!history.floorKnown) {
        DiagnosisEvidence facts = evidenceOf(EvidenceKind::FloorUnknown);
        facts.progressPercent = 100.0 * progress;
        return make(DiagnosisLabel::Converging, facts);
    }
    const RecentProgress recent = recentProgress(e, first);
    if (recent.tooSlow)
        return make(DiagnosisLabel::Stagnating, recent.evidence);
    DiagnosisEvidence facts = recent.evidence;
    facts.progressPercent = 100.0 * progress;
    return make(DiagnosisLabel::Converging, facts);
}

std::string evidenceText(const DiagnosisEvidence& e)
{
    const std::string target =
        formatSignificant(e.targetPercent, 2) + "% of its starting excess over the floor";
    const std::string rate = "at the rate of its last " + std::to_string(e.window) +
                             " steps it would need about " + formatSignificant(e.neededSteps, 2) +
                             " more steps to come within " + target + " (the run has " +
                             std::to_string(e.runSteps) + ")";
    const std::string fell =
        "the loss fell by " + formatFixed(e.progressPercent, 2) + "% of its excess over the floor";
    switch (e.kind) {
    case EvidenceKind::NoSteps:
        return "no steps were run";
    case EvidenceKind::NonFinite:
        return "the loss became non-finite at step " + std::to_string(e.step);
    case EvidenceKind::GrewAboveStart:
        return "the loss ended " + formatSignificant(e.growth, 3) + " times above its start";
    case EvidenceKind::ValidationRose:
        return "validation loss rose from " + formatSignificant(e.validationMin, 4) + " to " +
               formatSignificant(e.validationLast, 4) + " while training loss fell";
    case EvidenceKind::ValidationErrorRose:
        return "validation error (1 - accuracy) rose from " +
               formatSignificant(e.validationMin, 4) + " to " +
               formatSignificant(e.validationLast, 4) + " while training loss fell";
    case EvidenceKind::Reversals:
        return formatFixed(e.reversalPercent, 0) +
               "% of the late steps reverse direction; the loss travels " +
               formatSignificant(e.travelRatio, 3) + " times its net change";
    case EvidenceKind::StartsAtMinimum:
        return "the run starts at the minimum";
    case EvidenceKind::FellTooLittle:
        return "the loss fell by only " + formatFixed(e.progressPercent, 2) +
               "% of its excess over the floor";
    case EvidenceKind::StoppedFalling:
        return "too slow: over the last " + std::to_string(e.window) +
               " steps the loss stopped falling, " + formatSignificant(e.remainingFraction, 3) +
               " of its starting excess above the floor";
    case EvidenceKind::TooSlow:
        return "too slow: " + rate;
    case EvidenceKind::ReachedFloor:
        return fell + "; it ended within " + formatSignificant(e.targetPercent, 2) +
               "% of its starting excess from the floor";
    case EvidenceKind::TooShortToRate:
        return fell + "; the run is too short to measure its recent rate";
    case EvidenceKind::FastEnough:
        return fell + "; " + rate;
    case EvidenceKind::FloorUnknown:
        return "the loss fell by " + formatFixed(e.progressPercent, 2) +
               "% of its start; with no known floor its recent rate is not judged";
    }
    return {};
}

} // namespace lrlab
