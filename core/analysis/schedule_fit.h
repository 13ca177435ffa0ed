#pragma once

#include "core/analysis/logged_series.h"
#include "core/schedules/schedule.h"

#include <string>

namespace lrlab {

/// The largest relative error at which a logged LR curve counts as one of lrlab's schedules:
/// 1e-3 lets a log that stores the LR as float32 (TensorBoard) or rounds it match, and is far
/// below the error of any other family member or of a curve from outside the family.
constexpr double kScheduleFitTolerance = 1e-3;

/// The schedule of lrlab's family (docs/semantics.md §2.4) closest to a logged LR curve.
struct ScheduleFit
{
    bool fits = false;     ///< maxRelativeError <= the tolerance asked for
    ScheduleSpec schedule; ///< the best candidate, as the config reader produces it (also when
                           ///< it does not fit); learningRate is the peak LR
    int stepOffset = 0;    ///< 0 or 1: logged step − stepOffset is lrlab's 0-based step (1 for
                           ///< logs that record the LR after the scheduler stepped, e.g. the HF
                           ///< Trainer: its step 5 holds the rate of update 4)
    double maxRelativeError = 0.0; ///< max over the logged points of |fit − logged| / logged
                                   ///< (÷ 1e-6·peak for values nearer zero)
    std::string reason;            ///< when !fits: why, naming the best candidate and its error
};

/// Recognises a logged LR curve as warmup + decay: for each decay (simplest first, stopping at
/// an exact fit) and each step offset, the warmup length is bracketed by the linear rise, the
/// linear parameters (peak, warmup start, min_lr; onecycle's initial and final rates) are
/// solved by weighted least squares, and the nonlinear ones (total_steps, power, gamma,
/// step_size, t0, t_mult, timescale, pct_start, decay_fraction, shape) by a deterministic grid
/// and golden-section coordinate search on at most 256 of the points; the winner is checked
/// on every point. A decay that cannot be the answer is not searched: every decay but
/// onecycle and cosine_restarts is monotone after its warmup, so a log that rises and falls
/// there bounds its error from below (such logs try onecycle and cosine_restarts first); the
/// answer is the same as with every decay searched. Throws std::invalid_argument naming the point
/// for fewer than two points, steps not increasing or negative, and values not finite or negative,
/// or all zero.
ScheduleFit fitSchedule(const LoggedSeries& learningRates,
                        double tolerance = kScheduleFitTolerance);

/// One line for the user: "cosine, peak 0.003, warmup 30 steps, total 300 steps, offset 1,
/// max relative error 2.1e-16", or the reason when nothing fits.
std::string describeScheduleFit(const ScheduleFit& fit);

} // namespace lrlab
