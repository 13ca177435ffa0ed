#pragma once

// The linear structure behind fitSchedule (core/analysis/schedule_fit.h): with its nonlinear
// parameters (a Shape) fixed, every schedule of docs/semantics.md §2.4 is a combination of at
// most three basis curves. Internal to schedule_fit.cpp (and its tests).

#include "core/schedules/schedule.h"

#include <array>
#include <cmath>
#include <vector>

namespace lrlab::schedule_fit_detail {

/// The nonlinear parameters of a candidate.
struct Shape
{
    int warmup = 0;
    int total = 1;
    double power = 1.0;
    double gamma = 0.5;
    int stepsPerEpoch = 1;
    int stepSize = 1;
    int t0 = 1;
    int tMult = 1;
    double timescale = 1.0;
    double pctStart = 0.3;
    double decayFraction = 0.2;
    int shape = 0;
};

struct Point
{
    int t;         ///< lrlab's 0-based step (logged step − offset)
    double value;  ///< the logged LR
    double weight; ///< 1 / the relative error's denominator
};

using Row = std::array<double, 3>;

/// The coefficients of a shape and the RMS of its relative residuals.
struct Solved
{
    Row coefficients{0.0, 0.0, 0.0};
    double rms = INFINITY;
};

/// A WSD shape's number of decay steps after the warmup (schedule.cpp's rounding): the only
/// way its decay_fraction enters the curve.
long long wsdDecaySteps(const Shape& s);

/// The basis row at step t: coefficients (base, a = base·warmup_start_factor or onecycle's
/// initial rate, min_lr), following schedule.cpp's formulas.
Row basisRow(Decay decay, const Shape& s, int t);

/// Exponential and step decays: sets shape.gamma from a least-squares line through log(lr)
/// against the decay epoch of the points after the warmup (exact for an exact log).
void completeShape(Decay decay, Shape& shape, const std::vector<Point>& points);

/// Weighted least squares of the logged values on the basis columns in use (normal equations
/// for the search, a column-pivoting QR when exact); a negative min_lr or warmup start is fixed
/// at 0. The RMS carries a 1e-10 penalty on min_lr / base, so that among equally good shapes
/// the one with no floor wins.
Solved solve(Decay decay, const Shape& shape, const std::vector<Point>& points, bool exact);

} // namespace lrlab::schedule_fit_detail
