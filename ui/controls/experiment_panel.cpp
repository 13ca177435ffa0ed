#include "ui/controls/experiment_panel.h"

#include "ui/controls/learning_rate_control.h"
#include "ui/controls/optimizer_controls.h"
#include "ui/controls/problem_controls.h"
#include "ui/controls/schedule_controls.h"
#include "ui/controls/scientific_spin_box.h"
#include "ui/experiment_model.h"

#include <QGridLayout>
#include <QGroupBox>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace lrlab {

ExperimentPanel::ExperimentPanel(ExperimentModel* model, QWidget* parent)
    : QWidget(parent), m_model(model)
{
    auto* column = new QVBoxLayout(this);
    m_problem = new ProblemControls(model, this);
    column->addWidget(m_problem);
    column->addWidget(new OptimizerControls(model, this));

    auto* lrBox = new QGroupBox(tr("Learning rate"), this);
    auto* lrLayout = new QVBoxLayout(lrBox);
    m_learningRate = new LearningRateControl(lrBox);
    m_learningRate->setObjectName(QStringLiteral("learningRateControl"));
    const QString lrTip =
        tr("Learning rate: the size of each step, on a log scale from 10⁻⁶ to 10. Too small: "
           "the path crawls and stops far from the minimum. Too large: it oscillates across "
           "the valley and, past the red mark, diverges. The red mark is the stable limit "
           "2/λ₁ of gradient descent, λ₁ being the largest curvature (Hessian eigenvalue) at "
           "the start point; with momentum β it moves to 2(1+β)/λ₁. The green mark is the best "
           "constant rate 2/(λ₁+λₙ) of gradient descent on a quadratic.");
    m_learningRate->slider()->setToolTip(lrTip);
    m_learningRate->field()->setToolTip(lrTip);
    auto* lrLabel = new QLabel(tr("&Learning rate (peak):"), lrBox);
    lrLabel->setBuddy(m_learningRate->slider());
    lrLayout->addWidget(lrLabel);
    lrLayout->addWidget(m_learningRate);
    column->addWidget(lrBox);
    m_learningRate->showLearningRate(model->config().schedule.learningRate);
    connect(m_learningRate, &LearningRateControl::learningRateChanged, model,
            &ExperimentModel::setLearningRate);
    const auto showRate = [this] {
        m_learningRate->showLearningRate(m_model->config().schedule.learningRate);
    };
    connect(model, &ExperimentModel::configChanged, this, showRate);
    connect(model, &ExperimentModel::refused, this, showRate);

    column->addWidget(new ScheduleControls(model, this));

    auto* compareBox = new QGroupBox(tr("Compare"), this);
    auto* compareLayout = new QGridLayout(compareBox);
    auto* pin = new QPushButton(tr("&Pin run"), compareBox);
    pin->setObjectName(QStringLiteral("pinButton"));
    pin->setToolTip(tr("Keep the current run on every plot (Ctrl+P), in its own colour, to "
                       "compare it with the next ones. Up to 8; a ninth replaces the oldest."));
    m_clearPins = new QPushButton(tr("C&lear pins"), compareBox);
    m_clearPins->setObjectName(QStringLiteral("clearPinsButton"));
    m_clearPins->setToolTip(tr("Remove every pinned run."));
    auto* trio = new QPushButton(tr("LR &trio ×0.1 / ×1 / ×10"), compareBox);
    trio->setObjectName(QStringLiteral("trioButton"));
    trio->setToolTip(tr("Run the current setting at a tenth, at, and at ten times the "
                        "learning rate and pin all three: too small, right, too large."));
    m_pinCount = new QLabel(compareBox);
    m_pinCount->setObjectName(QStringLiteral("pinCountLabel"));
    m_pinCount->setWordWrap(true);
    compareLayout->addWidget(pin, 0, 0);
    compareLayout->addWidget(m_clearPins, 0, 1);
    compareLayout->addWidget(trio, 1, 0, 1, 2);
    compareLayout->addWidget(m_pinCount, 2, 0, 1, 2);
    column->addWidget(compareBox);
    column->addStretch(1);
    connect(pin, &QPushButton::clicked, this, &ExperimentPanel::pinRequested);
    connect(m_clearPins, &QPushButton::clicked, this, &ExperimentPanel::clearPinsRequested);
    connect(trio, &QPushButton::clicked, this, &ExperimentPanel::trioRequested);
    showPinCount(0, 8, 0);
}

void ExperimentPanel::showPinCount(int pinned, int capacity, int hidden)
{
    QString text =
        pinned == 0 ? tr("No pinned runs.") : tr("%1 of %2 pinned").arg(pinned).arg(capacity);
    if (hidden > 0)
        text += QLatin1Char('\n') +
                tr("%n pinned run(s) hidden: made on another problem, they return with it.",
                   nullptr, hidden);
    m_pinCount->setText(text);
    m_pinCount->setToolTip(hidden > 0 ? tr("Pins are drawn only on the axes they were made on "
                                           "(the same surface, or the same dataset).")
                                      : QString());
    m_clearPins->setEnabled(pinned > 0);
}

} // namespace lrlab
