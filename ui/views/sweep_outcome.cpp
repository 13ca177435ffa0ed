#include "ui/views/sweep_outcome.h"

#include "core/util/format.h"
#include "ui/controls/scientific_spin_box.h"
#include "ui/views/sweep_view.h"

#include <algorithm>
#include <cmath>

namespace lrlab {

namespace {

QString csvCell(double v)
{
    return std::isnan(v) ? QString() : QString::fromStdString(formatDouble(v));
}

} // namespace

QString sweepNumber(double value)
{
    if (std::isnan(value))
        return QStringLiteral("–");
    return QString::number(value, 'g', 4);
}

int SweepOutcome::curves() const
{
    return std::max(1, static_cast<int>(values.size()));
}

int SweepOutcome::resultIndex(int curve, int lrIndex) const
{
    const int n = static_cast<int>(rates.size());
    if (curve < 0 || curve >= curves() || lrIndex < 0 || lrIndex >= n)
        return -1;
    const int index = curve * n + lrIndex;
    return index < static_cast<int>(results.size()) ? index : -1;
}

const SweepRunResult* SweepOutcome::result(int curve, int lrIndex) const
{
    const int k = resultIndex(curve, lrIndex);
    return k < 0 ? nullptr : &results[static_cast<std::size_t>(k)];
}

int SweepOutcome::bestIndex(int curve) const
{
    return curve >= 0 && curve < static_cast<int>(best.size())
               ? best[static_cast<std::size_t>(curve)]
               : -1;
}

void SweepOutcome::findBest()
{
    best.clear();
    criterion = sweepCriterion(results);
    const auto n = rates.size();
    for (int c = 0; c < curves(); ++c) {
        const int first = resultIndex(c, 0);
        const int run =
            first < 0 ? -1 : bestSweepRun(results, criterion, static_cast<std::size_t>(first), n);
        best.push_back(run < 0 ? -1 : run - first);
    }
}

QString SweepOutcome::criterionText() const
{
    return criterion == SweepCriterion::ValidationLoss ? SweepView::tr("by validation loss")
                                                       : SweepView::tr("by training loss");
}

QString SweepOutcome::summary() const
{
    int diverged = 0;
    for (const SweepRunResult& r : results)
        diverged += r.diverged ? 1 : 0;
    const auto score = [this](int c) { return sweepScore(*result(c, bestIndex(c)), criterion); };
    int bestCurve = -1;
    for (int c = 0; c < curves(); ++c) {
        if (bestIndex(c) < 0)
            continue;
        if (bestCurve < 0 || score(c) < score(bestCurve))
            bestCurve = c;
    }
    QString text;
    if (bestCurve < 0) {
        text = SweepView::tr("Every run diverged: lower the learning rates.");
    } else {
        const SweepRunResult& r = *result(bestCurve, bestIndex(bestCurve));
        text = SweepView::tr("Best %1: lr %2")
                   .arg(criterionText(), ScientificSpinBox::format(r.learningRate));
        if (!key.isEmpty())
            text += SweepView::tr(" with %1 %2").arg(key, values.value(bestCurve));
        text += criterion == SweepCriterion::ValidationLoss
                    ? SweepView::tr(", validation loss %1 (training loss %2).")
                          .arg(sweepNumber(r.validationLoss), sweepNumber(r.finalLoss))
                    : SweepView::tr(", final loss %1.").arg(sweepNumber(r.finalLoss));
    }
    text += SweepView::tr(" %1 of %2 runs diverged.").arg(diverged).arg(results.size());
    // A best rate at the right end of the grid has not met its cliff yet: the true optimum
    // may lie further right.
    const int last = static_cast<int>(rates.size()) - 1;
    if (std::find(best.begin(), best.end(), last) != best.end())
        text += SweepView::tr(" A best rate is the largest tried: raise \"To\" to find the cliff.");
    return text;
}

QString SweepOutcome::csvText() const
{
    QString out = QStringLiteral("lr,%1,status,diverged,steps,final_loss,best_loss,val_loss,"
                                 "val_acc,steps_to_target\n")
                      .arg(key.isEmpty() ? QStringLiteral("vary") : key);
    for (const SweepRunResult& r : results) {
        const QStringList cells{QString::fromStdString(formatDouble(r.learningRate)),
                                QString::fromStdString(r.varyValue),
                                QString::fromStdString(runStatusName(r.status)),
                                r.diverged ? QStringLiteral("true") : QStringLiteral("false"),
                                QString::number(r.steps),
                                QString::fromStdString(formatDouble(r.finalLoss)),
                                csvCell(r.bestLoss),
                                csvCell(r.validationLoss),
                                csvCell(r.validationAccuracy),
                                r.stepsToTarget >= 0 ? QString::number(r.stepsToTarget)
                                                     : QString()};
        out += cells.join(QLatin1Char(',')) + QLatin1Char('\n');
    }
    return out;
}

QString SweepOutcome::pointDescription(int curve, int lrIndex) const
{
    const SweepRunResult* found = result(curve, lrIndex);
    if (found == nullptr)
        return QString();
    const SweepRunResult& r = *found;
    QString text = SweepView::tr("lr %1").arg(ScientificSpinBox::format(r.learningRate));
    if (!key.isEmpty())
        text += QStringLiteral(" · %1 %2").arg(key, QString::fromStdString(r.varyValue));
    text += SweepView::tr("\nfinal loss %1 · best %2")
                .arg(sweepNumber(r.finalLoss), sweepNumber(r.bestLoss));
    if (!std::isnan(r.validationLoss))
        text += SweepView::tr(" · val %1").arg(sweepNumber(r.validationLoss));
    if (!std::isnan(r.validationAccuracy))
        text += SweepView::tr(" (acc %1 %)").arg(100.0 * r.validationAccuracy, 0, 'f', 1);
    text += r.diverged ? SweepView::tr("\ndiverged: yes — the steps overshoot")
                       : SweepView::tr("\ndiverged: no (%1)")
                             .arg(QString::fromStdString(runStatusName(r.status)));
    if (r.stepsToTarget >= 0)
        text += SweepView::tr("\nreached the target at step %1").arg(r.stepsToTarget);
    else if (targetSet)
        text += SweepView::tr("\nnever reached the target");
    if (bestIndex(curve) == lrIndex)
        text += SweepView::tr("\n◆ the best rate of this curve (%1)").arg(criterionText());
    text += SweepView::tr("\nclick to load this run");
    return text;
}

} // namespace lrlab
