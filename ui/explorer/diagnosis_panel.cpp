#include "ui/explorer/diagnosis_panel.h"

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
    m_evidence->setStyleSheet(QStringLiteral("color: rgb(90,90,90);"));
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
    m_evidence->setText(QString::fromStdString(d.evidence));
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
