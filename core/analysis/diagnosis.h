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
    bool noisy = false;                  ///< minibatch losses: judge a smoothed curve
    std::vector<double> validation;      ///< validation loss at evaluation points (may be empty)
    std::vector<double> validationTrain; ///< full training loss at the same points (optional)
};

/// The verdict: a label, the advice that follows from it, and the evidence in numbers.
struct Diagnosis
{
    DiagnosisLabel label = DiagnosisLabel::Converging;
    std::string name;     ///< "diverged", "oscillating", ...
    std::string advice;   ///< one sentence for the user
    std::string evidence; ///< the measured numbers behind the label
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

} // namespace lrlab
