#pragma once

#include "core/finetune/finetune_lab.h"

#include <QColor>
#include <QString>

#include <vector>

namespace lrlab {

/// The three fine-tuning methods in display order (full, LoRA, head-only).
constexpr FineTuneMethod kFineTuneMethods[3] = {FineTuneMethod::Full, FineTuneMethod::Lora,
                                                FineTuneMethod::Head};

/// The method's fixed place in per-method arrays (0, 1, 2).
inline int methodIndex(FineTuneMethod method)
{
    return static_cast<int>(method);
}

/// Okabe–Ito colours, fixed per method in every plot: blue, vermillion, bluish green.
QColor fineTuneMethodColour(FineTuneMethod method);
/// "full", "LoRA", "head-only" (FineTuneView context).
QString fineTuneMethodLabel(FineTuneMethod method);
/// An accuracy as "87.5 %", "–" when not finite.
QString accuracyPercent(double accuracy);

/// The settings of one fine-tuning sweep, copied from the controls at run().
struct FineTuneRequest
{
    FineTuneDataSpec data;
    FineTuneSweepSpec sweep;
};

/// A finished fine-tuning sweep as the Fine-tuning view shows it: the request, the results in
/// point order (size-major, then method, then rate), what the plots derive from them and which
/// training size and run are shown. A plain value; its texts use the FineTuneView context.
struct FineTuneOutcome
{
    FineTuneRequest request;
    std::vector<FineTuneResult> results;
    std::vector<BestRate> best;          ///< bestRates(results)
    std::vector<double> rates;           ///< the LR grid
    std::vector<FineTuneMethod> methods; ///< the methods run, in order
    std::vector<int> trainSizes;         ///< the actual training sizes, in order
    int shownSize = 0;                   ///< the size whose curves the plots show
    double preSource = 0.0;              ///< the pre-trained model's source accuracy
    double preTarget = 0.0;              ///< … and target accuracy
    bool fromCache = false;              ///< pre-trained weights read from the disk cache
    int selected = -1;                   ///< index into results of the run shown, -1 none

    /// The index of method in methods, -1 if it was not run.
    int methodSlot(FineTuneMethod method) const;
    /// The index into results of (method, lrIndex) at the shown size; -1 if none.
    int resultIndex(FineTuneMethod method, int lrIndex) const;
    /// The best LR of method at training size `size` (-1 = the shown size); NaN if the method
    /// was not run or every run of it diverged.
    double bestLearningRate(FineTuneMethod method, int size = -1) const;
    bool hasSize(int size) const;
    /// True when results are shown for the shown size.
    bool hasData() const { return !rates.empty() && !results.empty(); }
    /// The tooltip of run (method, lrIndex) at the shown size.
    QString pointDescription(FineTuneMethod method, int lrIndex) const;
};

} // namespace lrlab
