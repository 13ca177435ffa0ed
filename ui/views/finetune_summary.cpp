#include "ui/views/finetune_summary.h"

#include <QCoreApplication>
#include <QStringList>

#include <algorithm>
#include <cmath>

namespace lrlab {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("lrlab::FineTuneSummary", text);
}

QString displayName(FineTuneMethod method)
{
    switch (method) {
    case FineTuneMethod::Full:
        return tr("full fine-tuning");
    case FineTuneMethod::Lora:
        return tr("LoRA");
    case FineTuneMethod::Head:
        return tr("head-only");
    }
    return QString();
}

QString percent(double accuracy)
{
    if (!std::isfinite(accuracy))
        return QStringLiteral("–");
    return QStringLiteral("%1 %").arg(100.0 * accuracy, 0, 'f', 0);
}

/// The best rate of (method, size), or nullptr when the sweep has no such group.
const BestRate* findBest(const std::vector<BestRate>& best, FineTuneMethod method, int size)
{
    for (const BestRate& b : best)
        if (b.method == method && b.trainSize == size)
            return &b;
    return nullptr;
}

/// The finished, non-diverged runs of (method, size) in rate order.
std::vector<const FineTuneResult*> curve(const std::vector<FineTuneResult>& results,
                                         FineTuneMethod method, int size)
{
    std::vector<const FineTuneResult*> out;
    for (const FineTuneResult& r : results)
        if (r.method == method && r.trainSize == size && !r.diverged &&
            r.status != RunStatus::Cancelled && std::isfinite(r.sourceValidationAccuracy))
            out.push_back(&r);
    std::sort(out.begin(), out.end(), [](const FineTuneResult* a, const FineTuneResult* b) {
        return a->learningRate < b->learningRate;
    });
    return out;
}

QString ratio(double r)
{
    if (r >= 9.5)
        return QStringLiteral("%1×").arg(r, 0, 'f', 0);
    return QStringLiteral("%1×").arg(r, 0, 'f', 1);
}

} // namespace

QString formatFineTuneRate(double rate)
{
    if (!std::isfinite(rate) || rate <= 0.0)
        return QStringLiteral("–");
    int exponent = static_cast<int>(std::floor(std::log10(rate)));
    double mantissa = std::round(rate / std::pow(10.0, exponent) * 10.0) / 10.0;
    if (mantissa >= 10.0) {
        mantissa /= 10.0;
        ++exponent;
    }
    const QString m = std::abs(mantissa - std::round(mantissa)) < 1e-9
                          ? QString::number(static_cast<int>(std::round(mantissa)))
                          : QString::number(mantissa, 'f', 1);
    return m + QStringLiteral("e") + QString::number(exponent);
}

QString fineTuneSummaryHtml(const FineTuneSummaryInput& in)
{
    if (in.results == nullptr || in.results->empty())
        return tr("<i>Run the sweep to measure the best learning rate of each method.</i>");
    const std::vector<FineTuneResult>& results = *in.results;
    QStringList paragraphs;
    // The quoted claims this sweep showed and the ones it measured but did not show; the
    // closing sentence names only the first as what to compare.
    QStringList shown;
    QStringList notShown;
    const auto record = [&](bool reproduced, const QString& claim) {
        (reproduced ? shown : notShown) << claim;
    };
    const QString loraClaim = tr("LoRA above full fine-tuning");
    const QString forgettingClaim = tr("source accuracy lost at large LRs");
    const QString sizeClaim = tr("smaller data wanting smaller LRs");

    // 1. What was measured: the best LR of each method at the shown size.
    QStringList bests;
    for (FineTuneMethod m : {FineTuneMethod::Full, FineTuneMethod::Lora, FineTuneMethod::Head}) {
        const BestRate* b = findBest(in.best, m, in.shownSize);
        if (b == nullptr)
            continue;
        if (b->index < 0)
            bests << tr("%1: every run diverged").arg(displayName(m));
        else
            bests << tr("%1 <b>%2</b> (target %3)")
                         .arg(displayName(m), formatFineTuneRate(b->learningRate),
                              percent(b->targetValidationAccuracy));
    }
    paragraphs << tr("<b>Measured</b> (%1, %2 training images, %3, %4 steps), best LR: %5. "
                     "Before fine-tuning the pre-trained model scores %6 on the target task "
                     "and %7 on the source task.")
                      .arg(in.shift)
                      .arg(in.shownSize)
                      .arg(in.optimizer)
                      .arg(in.steps)
                      .arg(bests.join(QStringLiteral("; ")), percent(in.pretrainedTargetAccuracy),
                           percent(in.pretrainedSourceAccuracy));

    // 2. The quoted ordering: LoRA 1e-4 vs full 5e-6, i.e. LoRA's rate 20× higher.
    const BestRate* full = findBest(in.best, FineTuneMethod::Full, in.shownSize);
    const BestRate* lora = findBest(in.best, FineTuneMethod::Lora, in.shownSize);
    const QString quoted =
        tr("the quoted %1 (LoRA) vs %2 (full)")
            .arg(formatFineTuneRate(QuotedRates::kLora), formatFineTuneRate(QuotedRates::kFull));
    if (full != nullptr && lora != nullptr && full->index >= 0 && lora->index >= 0) {
        const double r = lora->learningRate / full->learningRate;
        const QString l = formatFineTuneRate(lora->learningRate);
        const QString f = formatFineTuneRate(full->learningRate);
        record(r > 1.0 + 1e-9, loraClaim);
        if (r > 1.0 + 1e-9)
            paragraphs << tr("LoRA's best LR %1 is %2 full fine-tuning's %3 — the same ordering "
                             "as %4.")
                              .arg(l, ratio(r), f, quoted);
        else if (r < 1.0 - 1e-9)
            paragraphs << tr("LoRA's best LR %1 is <i>below</i> full fine-tuning's %2: the "
                             "ordering of %3 is <b>not reproduced</b> here.")
                              .arg(l, f, quoted);
        else
            paragraphs << tr("LoRA and full fine-tuning share the best LR %1 here: the ordering "
                             "of %2 is <b>not reproduced</b> at this grid's resolution.")
                              .arg(l, quoted);
    } else if (full != nullptr && lora != nullptr) {
        paragraphs << tr("The LoRA/full ordering cannot be read: a method has no run that did "
                         "not diverge.");
    }

    // 3. Forgetting: source accuracy of full fine-tuning from the smallest to the largest LR.
    const std::vector<const FineTuneResult*> fullCurve =
        curve(results, FineTuneMethod::Full, in.shownSize);
    if (fullCurve.size() >= 2) {
        const FineTuneResult* low = fullCurve.front();
        const FineTuneResult* worst = low;
        for (const FineTuneResult* r : fullCurve)
            if (r->sourceValidationAccuracy < worst->sourceValidationAccuracy)
                worst = r;
        const double drop = low->sourceValidationAccuracy - worst->sourceValidationAccuracy;
        const bool forgets = drop >= 0.10 && worst->learningRate > low->learningRate;
        record(forgets, forgettingClaim);
        if (forgets)
            paragraphs << tr("Forgetting: full fine-tuning keeps %1 of the source task at %2 but "
                             "only %3 at %4 — too large an LR overwrites what pre-training "
                             "learned, which is why the quoted full-parameter rate (%5) is the "
                             "smallest.")
                              .arg(percent(low->sourceValidationAccuracy),
                                   formatFineTuneRate(low->learningRate),
                                   percent(worst->sourceValidationAccuracy),
                                   formatFineTuneRate(worst->learningRate),
                                   formatFineTuneRate(QuotedRates::kFull));
        else
            paragraphs << tr("Forgetting: full fine-tuning's source accuracy moves by less than "
                             "10 points over the LRs that did not diverge (%1 at %2, lowest %3): "
                             "the forgetting claim is <b>not reproduced</b> on this grid.")
                              .arg(percent(low->sourceValidationAccuracy),
                                   formatFineTuneRate(low->learningRate),
                                   percent(worst->sourceValidationAccuracy));
    }
    QStringList kept;
    for (FineTuneMethod m : {FineTuneMethod::Full, FineTuneMethod::Lora, FineTuneMethod::Head}) {
        const BestRate* b = findBest(in.best, m, in.shownSize);
        if (b != nullptr && b->index >= 0) {
            const FineTuneResult& r = results[static_cast<std::size_t>(b->index)];
            kept << tr("%1 %2").arg(displayName(m), percent(r.sourceValidationAccuracy));
        }
    }
    if (!kept.isEmpty())
        paragraphs << tr("Source accuracy kept at each method's best LR: %1.")
                          .arg(kept.join(QStringLiteral(", ")));

    // 4. The general quoted rates, read off the grid where it covers them.
    if (!fullCurve.empty() && full != nullptr && full->index >= 0) {
        const FineTuneResult* near = nullptr;
        for (const FineTuneResult* r : fullCurve)
            if (near == nullptr ||
                std::abs(std::log(r->learningRate / QuotedRates::kGeneral)) <
                    std::abs(std::log(near->learningRate / QuotedRates::kGeneral)))
                near = r;
        // Only when a grid rate lies within a factor 2 of 5e-5 (else the grid does not cover it).
        if (near != nullptr &&
            std::abs(std::log(near->learningRate / QuotedRates::kGeneral)) < std::log(2.0))
            paragraphs << tr("The general %1 (conservative %2) corresponds to %3 on this grid, "
                             "where full fine-tuning reaches %4 on the target task (%5 at its "
                             "best LR).")
                              .arg(formatFineTuneRate(QuotedRates::kGeneral),
                                   formatFineTuneRate(QuotedRates::kConservative),
                                   formatFineTuneRate(near->learningRate),
                                   percent(near->targetValidationAccuracy),
                                   percent(full->targetValidationAccuracy));
        else if (near != nullptr)
            paragraphs << tr("The general %1 (conservative %2) lies %3 this grid (%4 – %5).")
                              .arg(formatFineTuneRate(QuotedRates::kGeneral),
                                   formatFineTuneRate(QuotedRates::kConservative),
                                   QuotedRates::kGeneral < fullCurve.front()->learningRate
                                       ? tr("below")
                                       : tr("above"),
                                   formatFineTuneRate(fullCurve.front()->learningRate),
                                   formatFineTuneRate(fullCurve.back()->learningRate));
    }

    // 5. Dataset size: does the best LR shrink with less data?
    if (in.sizes.size() >= 2) {
        QStringList lines;
        bool everyMethodSmaller = true;
        for (FineTuneMethod m :
             {FineTuneMethod::Full, FineTuneMethod::Lora, FineTuneMethod::Head}) {
            QStringList cells;
            bool any = false;
            bool nonDecreasing = true;
            bool strictlySomewhere = false;
            double previous = 0.0;
            for (int size : in.sizes) {
                const BestRate* b = findBest(in.best, m, size);
                if (b == nullptr)
                    continue;
                any = true;
                cells << QStringLiteral("%1 → %2").arg(size).arg(
                    formatFineTuneRate(b->learningRate));
                if (!std::isfinite(b->learningRate)) {
                    nonDecreasing = false;
                    continue;
                }
                if (b->learningRate < previous)
                    nonDecreasing = false;
                if (previous > 0.0 && b->learningRate > previous)
                    strictlySomewhere = true;
                previous = b->learningRate;
            }
            if (!any)
                continue;
            QString verdict;
            everyMethodSmaller = everyMethodSmaller && nonDecreasing && strictlySomewhere;
            if (nonDecreasing && strictlySomewhere)
                verdict = tr("smaller with less data, as quoted");
            else if (nonDecreasing)
                verdict = tr("the same at every size: <b>not reproduced</b>");
            else
                verdict = tr("not smaller with less data: <b>not reproduced</b>");
            lines
                << tr("%1: %2 (%3)").arg(displayName(m), cells.join(QStringLiteral(", ")), verdict);
        }
        if (!lines.isEmpty())
            record(everyMethodSmaller, sizeClaim);
        if (!lines.isEmpty())
            paragraphs
                << tr("Best LR by training-set size — %1.").arg(lines.join(QStringLiteral("; ")));
    }

    // 6. What carries over to large models: only what this sweep showed.
    QString closing = tr("<i>These are the numbers of a 64-128-10 MLP on 8×8 digits after %1 "
                         "steps, not of a large language model: absolute rates differ by orders "
                         "of magnitude between the two (larger models and longer runs want "
                         "smaller rates).")
                          .arg(in.steps);
    if (!shown.isEmpty())
        closing += tr(" What to compare is the ordering this sweep shows — %1.")
                       .arg(shown.join(QStringLiteral(", ")));
    if (!notShown.isEmpty())
        closing += tr(" This sweep does not show %1: it is no evidence for it.")
                       .arg(notShown.join(tr(" or ")));
    paragraphs << closing + QStringLiteral("</i>");
    return QStringLiteral("<p>") + paragraphs.join(QStringLiteral("</p><p>")) +
           QStringLiteral("</p>");
}

} // namespace lrlab
