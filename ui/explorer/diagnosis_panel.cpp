#include "ui/explorer/diagnosis_panel.h"

#include "core/util/format.h"
#include "ui/theme.h"

#include <QLabel>
#include <QVBoxLayout>

#include <exception>

namespace lrlab {

namespace {

/// Red for trouble, amber for a slow or overfitting run, green for good progress.
QColor colourOf(DiagnosisLabel label)
{
    switch (label) {
    case DiagnosisLabel::Diverged:
    case DiagnosisLabel::Oscillating:
        return QColor(200, 30, 30);
    case DiagnosisLabel::Stagnating:
    case DiagnosisLabel::Overfitting:
        return QColor(200, 120, 0);
    case DiagnosisLabel::Converging:
        return QColor(20, 140, 60);
    }
    return Qt::black;
}

} // namespace

DiagnosisPanel::DiagnosisPanel(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("diagnosisPanel"));
    auto* layout = new QVBoxLayout(this);
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("diagnosisLabel"));
    enlargeFont(m_title, 5, true);
    m_advice = new QLabel(this);
    m_advice->setObjectName(QStringLiteral("diagnosisAdvice"));
    m_advice->setWordWrap(true);
    enlargeFont(m_advice, 1.5);
    m_evidence = new QLabel(this);
    m_evidence->setObjectName(QStringLiteral("diagnosisEvidence"));
    m_evidence->setWordWrap(true);
    m_evidence->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // The evidence in the theme's text colour: a fixed grey was dark on dark, and the palettes'
    // muted greys fall below a 4.5 : 1 contrast on a projector.
    layout->addWidget(m_title);
    layout->addWidget(m_advice);
    layout->addWidget(m_evidence);
    layout->addStretch(1);
}

void DiagnosisPanel::showHistory(const LossHistory& history)
{
    Diagnosis d;
    try {
        d = diagnose(history);
    } catch (const std::exception&) {
        return; // too short a history to judge
    }
    m_name = QString::fromStdString(d.name);
    m_title->setText(title(d.label));
    m_title->setStyleSheet(QStringLiteral("color: %1;").arg(colourOf(d.label).name()));
    m_advice->setText(advice(d.label));
    m_evidence->setText(evidence(d.facts));
}

void DiagnosisPanel::clear()
{
    m_name.clear();
    m_title->clear();
    m_advice->clear();
    m_evidence->clear();
}

QString DiagnosisPanel::title(DiagnosisLabel label)
{
    switch (label) {
    case DiagnosisLabel::Diverged:
        return tr("Diverged");
    case DiagnosisLabel::Oscillating:
        return tr("Oscillating");
    case DiagnosisLabel::Stagnating:
        return tr("Stagnating");
    case DiagnosisLabel::Converging:
        return tr("Converging");
    case DiagnosisLabel::Overfitting:
        return tr("Overfitting");
    }
    return {};
}

namespace {

/// value with at most digits significant digits, as the core's English evidence writes it.
QString significant(double value, int digits)
{
    return QString::fromStdString(formatSignificant(value, digits));
}

QString fixed(double value, int decimals)
{
    return QString::fromStdString(formatFixed(value, decimals));
}

} // namespace

QString DiagnosisPanel::evidence(const DiagnosisEvidence& e)
{
    const QString rate =
        tr("at the rate of its last %1 steps it would need about %2 more steps to come within "
           "%3% of its starting excess over the floor (the run has %4)")
            .arg(e.window)
            .arg(significant(e.neededSteps, 2), significant(e.targetPercent, 2))
            .arg(e.runSteps);
    const QString fell =
        tr("the loss fell by %1% of its excess over the floor").arg(fixed(e.progressPercent, 2));
    switch (e.kind) {
    case EvidenceKind::NoSteps:
        return tr("no steps were run");
    case EvidenceKind::NonFinite:
        return tr("the loss became non-finite at step %1").arg(e.step);
    case EvidenceKind::GrewAboveStart:
        return tr("the loss ended %1 times above its start").arg(significant(e.growth, 3));
    case EvidenceKind::ValidationRose:
        return tr("validation loss rose from %1 to %2 while training loss fell")
            .arg(significant(e.validationMin, 4), significant(e.validationLast, 4));
    case EvidenceKind::ValidationErrorRose:
        return tr("validation error (1 - accuracy) rose from %1 to %2 while training loss fell")
            .arg(significant(e.validationMin, 4), significant(e.validationLast, 4));
    case EvidenceKind::Reversals:
        return tr("%1% of the late steps reverse direction; the loss travels %2 times its net "
                  "change")
            .arg(fixed(e.reversalPercent, 0), significant(e.travelRatio, 3));
    case EvidenceKind::StartsAtMinimum:
        return tr("the run starts at the minimum");
    case EvidenceKind::FellTooLittle:
        return tr("the loss fell by only %1% of its excess over the floor")
            .arg(fixed(e.progressPercent, 2));
    case EvidenceKind::StoppedFalling:
        return tr("too slow: over the last %1 steps the loss stopped falling, %2 of its starting "
                  "excess above the floor")
            .arg(e.window)
            .arg(significant(e.remainingFraction, 3));
    case EvidenceKind::TooSlow:
        return tr("too slow: %1").arg(rate);
    case EvidenceKind::ReachedFloor:
        return tr("%1; it ended within %2% of its starting excess from the floor")
            .arg(fell, significant(e.targetPercent, 2));
    case EvidenceKind::TooShortToRate:
        return tr("%1; the run is too short to measure its recent rate").arg(fell);
    case EvidenceKind::FastEnough:
        return tr("%1; %2").arg(fell, rate);
    case EvidenceKind::FloorUnknown:
        return tr("the loss fell by %1% of its start; with no known floor its recent rate is not "
                  "judged")
            .arg(fixed(e.progressPercent, 2));
    }
    return {};
}

QString DiagnosisPanel::advice(DiagnosisLabel label)
{
    switch (label) {
    case DiagnosisLabel::Diverged:
        return tr("The learning rate is too large: lower it (try 10x smaller) or add warmup.");
    case DiagnosisLabel::Oscillating:
        return tr("The loss bounces instead of settling: lower the learning rate, or let a "
                  "decay schedule bring it down.");
    case DiagnosisLabel::Stagnating:
        return tr("The loss barely moves: raise the learning rate, or use warmup with a higher "
                  "peak and a decay schedule.");
    case DiagnosisLabel::Converging:
        return tr("Steady progress: the learning rate is in a good range.");
    case DiagnosisLabel::Overfitting:
        return tr("Validation loss rises while training loss falls: add weight decay (AdamW), "
                  "use more data, or stop earlier.");
    }
    return {};
}

} // namespace lrlab
