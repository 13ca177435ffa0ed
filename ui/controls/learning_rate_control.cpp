#include "ui/controls/learning_rate_control.h"

#include "ui/controls/scientific_spin_box.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPainterPath>
#include <QSignalBlocker>
#include <QStyle>
#include <QStyleOptionSlider>
#include <QToolButton>

#include <algorithm>
#include <cmath>
#include <limits>

namespace lrlab {

namespace {

const QColor kLimitColour(200, 30, 30);
const QColor kBestColour(20, 140, 60);
const QColor kReferenceColour(120, 120, 120);

double roundToSignificant(double value, int digits)
{
    if (value <= 0.0 || !std::isfinite(value))
        return value;
    const double scale = std::pow(10.0, digits - 1 - std::floor(std::log10(value)));
    return std::round(value * scale) / scale;
}

} // namespace

MarkedSlider::MarkedSlider(QWidget* parent)
    : QSlider(Qt::Horizontal, parent), m_markValue(std::numeric_limits<double>::quiet_NaN()),
      m_bestValue(std::numeric_limits<double>::quiet_NaN())
{
}

void MarkedSlider::setBestValue(double value)
{
    m_bestValue = value;
    update();
}

void MarkedSlider::setMarkValue(double value)
{
    m_markValue = value;
    update();
}

void MarkedSlider::setMarkIsReference(bool reference)
{
    m_markIsReference = reference;
    update();
}

void MarkedSlider::paintEvent(QPaintEvent* event)
{
    QSlider::paintEvent(event);
    if (!std::isfinite(m_markValue) && !std::isfinite(m_bestValue))
        return;
    QStyleOptionSlider option;
    initStyleOption(&option);
    const QRect groove =
        style()->subControlRect(QStyle::CC_Slider, &option, QStyle::SC_SliderGroove, this);
    const QRect handle =
        style()->subControlRect(QStyle::CC_Slider, &option, QStyle::SC_SliderHandle, this);
    const int span = groove.width() - handle.width();
    const auto pixelOf = [&](double value) {
        const double fraction =
            std::clamp((value - minimum()) / double(std::max(1, maximum() - minimum())), 0.0, 1.0);
        return groove.x() + handle.width() / 2.0 + fraction * span;
    };

    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    if (std::isfinite(m_bestValue)) {
        const double xb = pixelOf(m_bestValue);
        painter.setPen(QPen(kBestColour, 2));
        painter.drawLine(QPointF(xb, 1), QPointF(xb, height() - 1));
        QPainterPath below;
        below.moveTo(xb - 5, height());
        below.lineTo(xb + 5, height());
        below.lineTo(xb, height() - 7);
        below.closeSubpath();
        painter.fillPath(below, kBestColour);
    }
    if (!std::isfinite(m_markValue))
        return;
    const double x = pixelOf(m_markValue);
    const QColor colour = m_markIsReference ? kReferenceColour : kLimitColour;
    // Wash over the unstable part of the groove (a reference mark claims no unstable range).
    if (!m_markIsReference) {
        QColor wash = kLimitColour;
        wash.setAlpha(60);
        painter.fillRect(QRectF(x, groove.top(), groove.right() - x, groove.height()), wash);
    }
    painter.setPen(QPen(colour, 2));
    painter.drawLine(QPointF(x, 1), QPointF(x, height() - 1));
    QPainterPath triangle;
    triangle.moveTo(x - 5, 0);
    triangle.lineTo(x + 5, 0);
    triangle.lineTo(x, 7);
    triangle.closeSubpath();
    painter.fillPath(triangle, colour);
}

LearningRateControl::LearningRateControl(QWidget* parent) : QWidget(parent)
{
    m_slider = new MarkedSlider(this);
    m_slider->setObjectName(QStringLiteral("learningRateSlider"));
    const int decades = static_cast<int>(std::lround(std::log10(kMaximum / kMinimum)));
    m_slider->setRange(0, decades * kPositionsPerDecade);
    m_slider->setSingleStep(5);
    m_slider->setPageStep(kPositionsPerDecade / 2);
    m_slider->setTickPosition(QSlider::TicksBelow);
    m_slider->setTickInterval(kPositionsPerDecade);
    m_slider->setMinimumHeight(34);

    m_field = new ScientificSpinBox(this);
    m_field->setObjectName(QStringLiteral("learningRateField"));
    // The field takes any rate the core may accept (0 is typed and then refused, 1e9 runs and
    // diverges); the slider covers the instructive range and pegs at its ends.
    m_field->setRange(0.0, kFieldMaximum);
    m_field->setSmallestStep(kMinimum);
    m_field->setMinimumWidth(96);

    auto* low = new QLabel(QStringLiteral("10⁻⁶"), this);
    auto* high = new QLabel(QStringLiteral("10"), this);
    low->setEnabled(false);
    high->setEnabled(false);
    m_limitLabel = new QLabel(this);
    m_limitLabel->setWordWrap(true);
    m_limitLabel->setObjectName(QStringLiteral("stableLimitLabel"));
    m_ratioLabel = new QLabel(this);
    m_ratioLabel->setObjectName(QStringLiteral("learningRateRatioLabel"));
    // Its text changes with every rate and limit: it must not widen the controls column (it
    // sits in the stretching column, where there is room for it).
    m_ratioLabel->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    auto* divide = new QToolButton(this);
    divide->setObjectName(QStringLiteral("learningRateDivideBy10"));
    divide->setText(QStringLiteral("×0.1"));
    divide->setToolTip(tr("Divide the learning rate by 10."));
    auto* times = new QToolButton(this);
    times->setObjectName(QStringLiteral("learningRateTimes10"));
    times->setText(QStringLiteral("×10"));
    times->setToolTip(tr("Multiply the learning rate by 10."));
    connect(divide, &QToolButton::clicked, this, [this] { scaleBy(0.1); });
    connect(times, &QToolButton::clicked, this, [this] { scaleBy(10.0); });
    auto* buttons = new QHBoxLayout;
    buttons->setSpacing(2);
    buttons->addWidget(divide);
    buttons->addWidget(times);

    auto* layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_slider, 0, 0, 1, 3);
    layout->addWidget(m_field, 0, 3);
    layout->addWidget(low, 1, 0, Qt::AlignLeft);
    layout->addWidget(m_ratioLabel, 1, 1, Qt::AlignCenter);
    layout->addWidget(high, 1, 2, Qt::AlignRight);
    layout->addLayout(buttons, 1, 3);
    layout->addWidget(m_limitLabel, 2, 0, 1, 4);
    layout->setColumnStretch(1, 1);

    connect(m_slider, &QSlider::valueChanged, this,
            [this](int position) { setLearningRate(rateForPosition(position)); });
    connect(m_field, &QDoubleSpinBox::valueChanged, this,
            [this](double value) { setLearningRate(value); });

    setLearningRate(0.01);
    {
        const QSignalBlocker blockSlider(m_slider);
        m_slider->setValue(positionForRate(m_learningRate));
    }
}

double LearningRateControl::rateForPosition(int position)
{
    const double exponent =
        std::log10(kMinimum) + static_cast<double>(position) / kPositionsPerDecade;
    return std::clamp(roundToSignificant(std::pow(10.0, exponent), 3), kMinimum, kMaximum);
}

double LearningRateControl::sliderValueForRate(double learningRate)
{
    return (std::log10(learningRate) - std::log10(kMinimum)) * kPositionsPerDecade;
}

int LearningRateControl::positionForRate(double learningRate)
{
    const double value = sliderValueForRate(std::clamp(learningRate, kMinimum, kMaximum));
    return static_cast<int>(std::lround(value));
}

void LearningRateControl::setLearningRate(double learningRate)
{
    const bool changed = learningRate != m_learningRate;
    showLearningRate(learningRate);
    if (changed)
        emit learningRateChanged(learningRate);
}

void LearningRateControl::showLearningRate(double learningRate)
{
    const double lr = learningRate;
    m_learningRate = lr;
    {
        // The two views follow the value without echoing back into this function.
        const QSignalBlocker blockSlider(m_slider);
        const QSignalBlocker blockField(m_field);
        if (positionForRate(lr) != m_slider->value())
            m_slider->setValue(positionForRate(lr));
        m_field->setValue(lr);
    }
    updateRatio();
}

void LearningRateControl::setStableLimit(double limit, const QString& explanation, bool reference)
{
    m_stableLimit = limit;
    m_limitIsReference = reference;
    m_slider->setMarkIsReference(reference);
    m_explanation = explanation;
    if (std::isfinite(limit) && limit > 0.0)
        m_slider->setMarkValue(sliderValueForRate(limit));
    else
        m_slider->setMarkValue(std::numeric_limits<double>::quiet_NaN());
    m_limitLabel->setText(explanation);
    updateRatio();
}

void LearningRateControl::setBestRate(double rate)
{
    m_bestRate = rate;
    if (std::isfinite(rate) && rate > 0.0)
        m_slider->setBestValue(sliderValueForRate(rate));
    else
        m_slider->setBestValue(std::numeric_limits<double>::quiet_NaN());
}

void LearningRateControl::scaleBy(double factor)
{
    // Three significant digits, like the slider's positions: 0.003×10 stays 0.03 exactly.
    setLearningRate(roundToSignificant(m_learningRate * factor, 6));
}

void LearningRateControl::updateRatio()
{
    if (!(std::isfinite(m_stableLimit) && m_stableLimit > 0.0)) {
        m_ratioLabel->clear();
        return;
    }
    const double ratio = m_learningRate / m_stableLimit;
    if (m_limitIsReference) {
        // The theory gives the limit only for SGD: a reference, never a warning.
        m_ratioLabel->setText(tr("lr = %1 × SGD's limit (reference)").arg(ratio, 0, 'g', 3));
        m_ratioLabel->setToolTip(tr("SGD's stable limit 2/λ₁, shown for reference: an adaptive "
                                    "optimizer rescales its steps, so its effective step differs "
                                    "and this limit does not apply to it."));
        m_ratioLabel->setStyleSheet(QString());
        return;
    }
    const bool unstable = ratio >= 1.0;
    m_ratioLabel->setText(tr("lr = %1 × limit").arg(ratio, 0, 'g', 3));
    m_ratioLabel->setToolTip(QString());
    m_ratioLabel->setStyleSheet(
        unstable ? QStringLiteral("color: rgb(200,30,30); font-weight: bold;") : QString());
}

} // namespace lrlab
