#include "ui/views/finetune_outcome.h"

#include "ui/views/finetune_summary.h"
#include "ui/views/finetune_view.h"

#include <QLocale>

#include <algorithm>
#include <cmath>
#include <limits>

namespace lrlab {

QColor fineTuneMethodColour(FineTuneMethod method)
{
    switch (method) {
    case FineTuneMethod::Full:
        return QColor(QStringLiteral("#0072B2"));
    case FineTuneMethod::Lora:
        return QColor(QStringLiteral("#D55E00"));
    case FineTuneMethod::Head:
        return QColor(QStringLiteral("#009E73"));
    }
    return Qt::black;
}

QString fineTuneMethodLabel(FineTuneMethod method)
{
    switch (method) {
    case FineTuneMethod::Full:
        return FineTuneView::tr("full");
    case FineTuneMethod::Lora:
        return FineTuneView::tr("LoRA");
    case FineTuneMethod::Head:
        return FineTuneView::tr("head-only");
    }
    return QString();
}

QString accuracyPercent(double accuracy)
{
    if (!std::isfinite(accuracy))
        return QStringLiteral("–");
    return QStringLiteral("%1 %").arg(100.0 * accuracy, 0, 'f', 1);
}

int FineTuneOutcome::methodSlot(FineTuneMethod method) const
{
    const auto it = std::find(methods.begin(), methods.end(), method);
    return it == methods.end() ? -1 : static_cast<int>(it - methods.begin());
}

bool FineTuneOutcome::hasSize(int size) const
{
    return std::find(trainSizes.begin(), trainSizes.end(), size) != trainSizes.end();
}

int FineTuneOutcome::resultIndex(FineTuneMethod method, int lrIndex) const
{
    const int m = methodSlot(method);
    const auto s = std::find(trainSizes.begin(), trainSizes.end(), shownSize);
    const int n = static_cast<int>(rates.size());
    if (m < 0 || s == trainSizes.end() || lrIndex < 0 || lrIndex >= n)
        return -1;
    const int sizeIndex = static_cast<int>(s - trainSizes.begin());
    const int index = (sizeIndex * static_cast<int>(methods.size()) + m) * n + lrIndex;
    return index < static_cast<int>(results.size()) ? index : -1;
}

double FineTuneOutcome::bestLearningRate(FineTuneMethod method, int size) const
{
    const int n = size < 0 ? shownSize : size;
    for (const BestRate& b : best)
        if (b.method == method && b.trainSize == n)
            return b.learningRate;
    return std::numeric_limits<double>::quiet_NaN();
}

QString FineTuneOutcome::pointDescription(FineTuneMethod method, int lrIndex) const
{
    const int k = resultIndex(method, lrIndex);
    if (k < 0)
        return QString();
    const FineTuneResult& r = results[static_cast<std::size_t>(k)];
    QString text = FineTuneView::tr("%1 · lr %2 · %3 images")
                       .arg(fineTuneMethodLabel(method), formatFineTuneRate(r.learningRate))
                       .arg(r.trainSize);
    if (r.diverged) {
        text += FineTuneView::tr("\ndiverged — the steps overshoot");
    } else {
        text += FineTuneView::tr("\ntarget accuracy %1 (pre-trained %2)")
                    .arg(accuracyPercent(r.targetValidationAccuracy), accuracyPercent(preTarget));
        text += FineTuneView::tr("\nsource accuracy %1 (pre-trained %2): %3 points forgotten")
                    .arg(accuracyPercent(r.sourceValidationAccuracy), accuracyPercent(preSource))
                    .arg(100.0 * r.forgetting, 0, 'f', 1);
    }
    text += FineTuneView::tr("\n%1 trainable parameters")
                .arg(QLocale().toString(r.trainableParameters));
    if (bestLearningRate(method) == r.learningRate)
        text += FineTuneView::tr("\n◆ the best rate of %1").arg(fineTuneMethodLabel(method));
    text += FineTuneView::tr("\nclick to see its loss curves");
    return text;
}

} // namespace lrlab
