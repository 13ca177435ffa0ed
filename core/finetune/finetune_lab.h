#pragma once

#include "core/engine/run_status.h"
#include "core/finetune/finetune_model.h"
#include "core/finetune/pretrain_cache.h"
#include "core/finetune/shift_transform.h"
#include "core/optimizers/optimizer.h"
#include "core/schedules/schedule.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace lrlab {

/// The data side of the fine-tuning lab: source dataset, shift, pre-training recipe.
struct FineTuneDataSpec
{
    std::string dataset = "digits"; ///< the source task (square images)
    Shift shift = Shift::Mirror;    ///< the target task = the source images shifted
    PretrainRecipe recipe;          ///< also fixes the split (recipe.valFraction, recipe.seed)
    std::string cacheDirectory;     ///< "" = defaultCacheDirectory()
};

/// Everything a fine-tuning run reads, prepared once and immutable (shared by every run of a
/// sweep across threads).
///
/// Split: the source split of docs/semantics.md §2.2 (seed = recipe.seed). The target task uses the
/// SAME row partition: target training rows are the shifted images of the source training rows (in
/// the split's permutation order, so the first N of them are a seeded random draw), target
/// validation rows are the shifted source validation rows. So no target validation image was
/// seen by pre-training in any form, and the source validation split measures forgetting.
///
/// Standardization: the source training statistics for both tasks, as a frozen pre-trained
/// model's input pipeline would apply them (a shifted image goes through the same
/// preprocessing as the images the model was trained on).
class FineTuneData
{
public:
    /// Loads the dataset (process cache), pre-trains or loads the cached weights, gathers the
    /// three row sets. Throws DatasetError or std::invalid_argument (non-square images, bad
    /// recipe).
    static std::shared_ptr<const FineTuneData> create(const FineTuneDataSpec& spec);

    const FineTuneDataSpec& spec() const { return m_spec; }
    const PretrainedModel& pretrained() const { return m_pretrained; }
    const ModelSpec& modelSpec() const { return m_pretrained.spec; }
    int features() const { return m_features; }
    /// Number of target training rows available (the source training split's size).
    int targetTrainCount() const { return static_cast<int>(m_targetTrainLabels.size()); }
    int targetValidationCount() const { return static_cast<int>(m_targetValLabels.size()); }
    int sourceValidationCount() const { return static_cast<int>(m_sourceValLabels.size()); }

    /// Standardized target training rows (row-major targetTrainCount()×features) and labels.
    const float* targetTrainX() const { return m_targetTrainX.data(); }
    const int* targetTrainLabels() const { return m_targetTrainLabels.data(); }
    const float* targetValidationX() const { return m_targetValX.data(); }
    const int* targetValidationLabels() const { return m_targetValLabels.data(); }
    const float* sourceValidationX() const { return m_sourceValX.data(); }
    const int* sourceValidationLabels() const { return m_sourceValLabels.data(); }

    /// The pre-trained model measured before any fine-tuning.
    const Evaluation& pretrainedSourceValidation() const { return m_pretrainedSource; }
    const Evaluation& pretrainedTargetValidation() const { return m_pretrainedTarget; }

private:
    FineTuneData() = default;
    FineTuneDataSpec m_spec;
    PretrainedModel m_pretrained;
    int m_features = 0;
    std::vector<float> m_targetTrainX, m_targetValX, m_sourceValX;
    std::vector<int> m_targetTrainLabels, m_targetValLabels, m_sourceValLabels;
    Evaluation m_pretrainedSource, m_pretrainedTarget;
};

/// AdamW with PyTorch's defaults (weight decay 0.01): the lab's default optimizer.
OptimizerSpec defaultFineTuneOptimizer();
/// A constant LR of 1e-3: the lab's default schedule.
ScheduleSpec defaultFineTuneSchedule();

/// One fine-tuning run's settings.
struct FineTuneConfig
{
    FineTuneMethod method = FineTuneMethod::Full;
    LoraOptions lora;                                     ///< used by Lora only
    OptimizerSpec optimizer = defaultFineTuneOptimizer(); ///< any lrlab optimizer
    /// Any lrlab schedule; its learningRate is the run's (peak) LR and totalSteps is set to
    /// steps by the run.
    ScheduleSpec schedule = defaultFineTuneSchedule();
    int steps = 200;        ///< optimizer updates, >= 1
    int batchSize = 32;     ///< >= 1 (capped at the training size)
    int trainSize = 100;    ///< target training rows used; <= 0 = all of them
    std::uint64_t seed = 1; ///< minibatches (Rng(seed, kStreamBatches)) and LoRA's A init
    int evalEvery = 20;     ///< curve points every this many steps (and the last), >= 1
};

/// The outcome of one run (one CSV row of `lrlab finetune`) plus its curves.
struct FineTuneResult
{
    FineTuneMethod method = FineTuneMethod::Full;
    int trainSize = 0;                     ///< target training rows actually used
    double learningRate = 0.0;             ///< the schedule's base LR
    double targetValidationAccuracy = 0.0; ///< at the end; NaN when diverged to non-finite
    double targetValidationLoss = 0.0;
    double sourceValidationAccuracy = 0.0; ///< on the source validation split, at the end
    double sourceValidationLoss = 0.0;
    double forgetting = 0.0; ///< pre-trained source accuracy − sourceValidationAccuracy
    int trainableParameters = 0;
    std::size_t stateBytesAdam = 0;     ///< Adam's state for trainableParameters
    std::size_t stateBytesAdam8bit = 0; ///< adam8bit's state for trainableParameters
    std::size_t stateBytes = 0;         ///< the run's own optimizer's state
    bool diverged = false; ///< non-finite, or the target training loss ended > 10× its start
    RunStatus status = RunStatus::Finished;
    int steps = 0; ///< updates done
    // Curves: minibatch loss per step; evaluations at evalRows (step k = before update k, the
    // last one after the final update, row = steps).
    std::vector<float> loss;
    std::vector<int> evalRows;
    std::vector<double> targetTrainLoss, targetValLoss, targetValAccuracy, sourceValAccuracy;
};

/// The state bytes of optimizer `type` (e.g. "adam", "adam8bit") for n parameters.
std::size_t optimizerStateBytes(const std::string& type, int parameters);

/// Trains config on data; deterministic (same config, same result on any thread). Stops
/// between steps when cancel is raised (status Cancelled). Throws std::invalid_argument for
/// bad settings (steps < 1, batch < 1, bad LoRA options, an unknown optimizer).
FineTuneResult runFineTune(const FineTuneData& data, const FineTuneConfig& config,
                           const CancelFlag* cancel = nullptr);

/// A sweep: every size × method × rate (in that nesting order, rates innermost).
struct FineTuneSweepSpec
{
    FineTuneConfig base; ///< everything but method, LR and train size
    std::vector<FineTuneMethod> methods{FineTuneMethod::Full, FineTuneMethod::Lora,
                                        FineTuneMethod::Head};
    std::vector<double> rates; ///< e.g. logSpacedRates(1e-5, 1e-1, 13)
    std::vector<int> sizes;    ///< train sizes (<= 0 = all); empty = {base.trainSize}
};

/// Settings of a sweep's execution.
struct FineTuneSweepOptions
{
    int threads = 0; ///< 0 = every core
    const CancelFlag* cancel = nullptr;
    std::function<void(int done, int total)> progress; ///< from worker threads
    bool keepCurves = true; ///< false drops the per-run curves (smaller results)
};

/// Runs every point of the sweep on the parallel engine (parallelFor): one result per point in
/// point order, identical for any thread count. Points not run (cancelled) have status
/// Cancelled and NaN measures.
std::vector<FineTuneResult> runFineTuneSweep(const FineTuneData& data,
                                             const FineTuneSweepSpec& spec,
                                             const FineTuneSweepOptions& options = {});

/// The best LR of one (method, size) group of a sweep.
struct BestRate
{
    FineTuneMethod method = FineTuneMethod::Full;
    int trainSize = 0;
    double learningRate = 0.0; ///< NaN when every run of the group diverged
    double targetValidationAccuracy = 0.0;
    double targetValidationLoss = 0.0;
    int index = -1; ///< the result's index, -1 when none qualifies
};

/// Per (method, trainSize) group in order of first appearance: the run with the highest target
/// validation accuracy among runs that did not diverge; ties go to the lower target validation
/// loss, then to the lower LR.
std::vector<BestRate> bestRates(const std::vector<FineTuneResult>& results);

} // namespace lrlab
