#pragma once

#include "core/analysis/sweep.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace lrlab {

/// A finished sweep as the Sweep view shows it: its points and results (value-major, LR-minor),
/// the LR grid, the crossed setting and its values in curve order, and what the plots derive
/// from them. A plain value (copyable); its texts use the SweepView translation context.
struct SweepOutcome
{
    std::vector<SweepPoint> points; ///< the exact configs, parallel to results
    std::vector<SweepRunResult> results;
    std::vector<double> rates; ///< the LR grid
    QString key;               ///< the crossed setting ("" = none)
    QStringList values;        ///< its values, one curve each
    double floor = 0.0;        ///< f* subtracted from toy losses (0 for models)
    bool model = false;        ///< a real model (validation loss, no f*)
    bool targetSet = false;    ///< a target loss was asked for
    std::vector<int> best;     ///< per curve: index into rates of the best run, or -1
    /// What picked best: the final validation loss where there is a validation split.
    SweepCriterion criterion = SweepCriterion::TrainingLoss;

    /// One curve per value of the crossed setting (one if none).
    int curves() const;
    /// The index into results of run (curve, lrIndex); -1 if there is none.
    int resultIndex(int curve, int lrIndex) const;
    /// The result of (curve, lrIndex), or nullptr.
    const SweepRunResult* result(int curve, int lrIndex) const;
    /// The plotted loss: f − f* for toy surfaces (so the log axis works for surfaces whose
    /// minimum is not 0), the training loss for models.
    double plottedLoss(double loss) const { return model ? loss : loss - floor; }
    /// best[curve], or -1.
    int bestIndex(int curve) const;
    /// Fills criterion and best: per curve the lowest final validation loss (or, without a
    /// validation split, final training loss) among the runs that did not diverge.
    void findBest();
    /// "by validation loss" or "by training loss", as the view names the criterion.
    QString criterionText() const;

    /// The status line after the sweep: the best run, how many diverged, and a hint when a
    /// best rate is the grid's largest.
    QString summary() const;
    /// The sweep table as `lrlab sweep` writes it (same header and number format).
    QString csvText() const;
    /// The tooltip of run (curve, lrIndex): lr, setting, losses, diverged, target.
    QString pointDescription(int curve, int lrIndex) const;
};

/// A number for tables and tooltips: four significant digits, "–" for NaN.
QString sweepNumber(double value);

} // namespace lrlab
