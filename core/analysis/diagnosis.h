#pragma once

#include <string>
#include <vector>

namespace lrlab {

/// What a loss history says about the learning rate (docs/semantics.md §2.6).
enum class DiagnosisLabel {
    Diverged,    ///< non-finite, or far above its start: lower the LR
    Oscillating, ///< bouncing without settling: lower the LR (or add warmup)
    Stagnating,  ///< barely moving: raise the LR or use a schedule
    Converging,  ///< steady progress: the LR is in a good range
    Overfitting  ///< validation loss rising while training loss falls: add weight decay
};

/// The input of diagnose(): the loss per step and, for models, validation losses.
struct LossHistory
{
    std::vector<double> loss;            ///< training (or full) loss per step; may end non-finite
    double floor = 0.0;                  ///< the loss's known lower bound (toy: f at the minimum)
    bool floorKnown = true;              ///< false (logs): no "too slow" judgement against it
    bool noisy = false;                  ///< minibatch losses: judge a smoothed curve
    std::vector<double> validation;      ///< validation loss at evaluation points (may be empty)
    std::vector<double> validationTrain; ///< full training loss at the same points (optional)
};

/// Which rule of diagnose() decided the verdict. Each kind names the sentence of the evidence
/// and the fields of DiagnosisEvidence that it fills (the others stay 0).
enum class EvidenceKind {
    NoSteps,             ///< stagnating: the history is empty
    NonFinite,           ///< diverged: step (the first non-finite loss)
    GrewAboveStart,      ///< diverged: growth (last excess ÷ first excess)
    ValidationRose,      ///< overfitting: validationMin, validationLast
    ValidationErrorRose, ///< overfitting (logged accuracy): the same fields, of 1 − accuracy
    Reversals,           ///< oscillating: reversalPercent, travelRatio (may be infinite)
    StartsAtMinimum,     ///< converging: the first loss is already at the floor
    FellTooLittle,       ///< stagnating: progressPercent
    StoppedFalling,      ///< stagnating (too slow): window, remainingFraction
    TooSlow,             ///< stagnating (too slow): window, neededSteps, targetPercent, runSteps
    ReachedFloor,        ///< converging: progressPercent, targetPercent
    TooShortToRate,      ///< converging: progressPercent (no recent rate on so short a run)
    FastEnough,  ///< converging: progressPercent, window, neededSteps, targetPercent, runSteps
    FloorUnknown ///< converging: progressPercent (of the starting loss; no floor to reach)
};

/// The numbers behind a verdict, unformatted: the UI writes its own sentence from them in the
/// user's language, evidenceText() writes the English one. Steps count the history's entries
/// (for a logged run, diagnoseLoggedRun() turns them into logged steps).
struct DiagnosisEvidence
{
    EvidenceKind kind = EvidenceKind::NoSteps;
    long long step = 0;             ///< the step at which the loss became non-finite
    double growth = 0.0;            ///< the last excess over the floor ÷ the first
    double validationMin = 0.0;     ///< the lowest validation loss
    double validationLast = 0.0;    ///< the last validation loss
    double reversalPercent = 0.0;   ///< % of the late steps that reverse direction
    double travelRatio = 0.0;       ///< late total variation ÷ late net change
    double progressPercent = 0.0;   ///< % of the starting excess removed
    double remainingFraction = 0.0; ///< last excess ÷ starting excess
    long long window = 0;           ///< steps over which the recent rate is measured
    double neededSteps = 0.0;       ///< steps still needed at the recent rate
    double targetPercent = 0.0;     ///< the floor target, in % of the starting excess
    long long runSteps = 0;         ///< the run's length in steps
};

/// The verdict: a label, the advice that follows from it, and the evidence in numbers.
struct Diagnosis
{
    DiagnosisLabel label = DiagnosisLabel::Converging;
    std::string name;     ///< "diverged", "oscillating", ...
    std::string advice;   ///< one sentence for the user
    std::string evidence; ///< evidenceText(facts): the English sentence (CLI, summary.json)
    DiagnosisEvidence facts;
};

/// Classifies a run. Thresholds (documented in the implementation): diverged if non-finite or
/// the last loss is above 10× the start (above the floor); overfitting if the validation loss
/// rose 10 % above its minimum while the training loss kept falling; oscillating if over the
/// second half the successive differences change sign often and their total variation is much
/// larger than the net change (for noisy minibatch curves, smoothed, and only when the late
/// loss is still above 30 % of the start); stagnating if the loss fell by less than 10 % of its
/// excess over the floor, or (too slow) if it has not come within 0.1 % of its starting excess
/// and, at the log-space rate of its last quarter, would need more than 10× its length to get
/// there; converging otherwise.
Diagnosis diagnose(const LossHistory& history);

std::string diagnosisName(DiagnosisLabel label);

/// The English sentence of the evidence, as the CLI prints it (numbers in the C locale).
std::string evidenceText(const DiagnosisEvidence& evidence);

} // namespace lrlab
