#pragma once

#include "core/finetune/finetune_lab.h"

#include <QString>

#include <vector>

namespace lrlab {

/// The learning rates practitioners commonly quote for fine-tuning (the lab's reference points).
struct QuotedRates
{
    static constexpr double kGeneral = 5e-5;      ///< the common default for AdamW fine-tuning
    static constexpr double kConservative = 4e-5; ///< a conservative choice
    static constexpr double kFull = 5e-6;         ///< full-parameter fine-tuning of large models
    static constexpr double kLora = 1e-4;         ///< LoRA adapters
};

/// A learning rate the way the lab's labels write it: two significant digits in scientific
/// notation without a "+" or leading zeros in the exponent ("3.2e-4", "1e-3", "2e0"); "–" for
/// NaN.
QString formatFineTuneRate(double rate);

/// Everything the summary panel reads, all from one finished sweep (results in the sweep's
/// point order: size-major, then method, then rate).
struct FineTuneSummaryInput
{
    const std::vector<FineTuneResult>* results = nullptr;
    std::vector<BestRate> best; ///< bestRates(*results)
    int shownSize = 0;          ///< the actual training size the text talks about
    std::vector<int> sizes;     ///< the actual training sizes of the sweep, in order
    double pretrainedSourceAccuracy = 0.0;
    double pretrainedTargetAccuracy = 0.0;
    QString shift;     ///< "mirror", …
    QString optimizer; ///< "adamw", …
    int steps = 0;
};

/// The summary panel's rich text: the measured best LR of each method next to the quoted
/// rates, whether LoRA's best LR is above full fine-tuning's (the quoted ordering) or not,
/// how source accuracy (forgetting) moves with the full fine-tuning LR, the best LR against
/// dataset size when the sweep crossed sizes, and the caveat that a small MLP's absolute rates
/// are not a large language model's. Every statement is computed from the input; a claim the
/// data do not reproduce is said to be not reproduced.
QString fineTuneSummaryHtml(const FineTuneSummaryInput& input);

} // namespace lrlab
