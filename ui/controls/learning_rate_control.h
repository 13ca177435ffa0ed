#pragma once

#include <QSlider>
#include <QWidget>

class QLabel;

namespace lrlab {

class ScientificSpinBox;

/// A horizontal QSlider that paints a "stable limit" mark: a red line with a triangle at one
/// slider value and a red wash over the groove beyond it, so the unstable range of learning
/// rates is visible at a glance; and a "best constant rate" mark, a green line with a triangle
/// from below. Positions are those of the owning LearningRateControl.
class MarkedSlider : public QSlider
{
    Q_OBJECT
public:
    explicit MarkedSlider(QWidget* parent = nullptr);
    /// Slider value (fractional) of the mark; NaN hides it.
    void setMarkValue(double value);
    double markValue() const { return m_markValue; }
    /// A reference mark (another optimizer's limit) is drawn in neutral grey without the wash.
    void setMarkIsReference(bool reference);
    bool markIsReference() const { return m_markIsReference; }
    /// Slider value (fractional) of the best-rate mark; NaN hides it.
    void setBestValue(double value);
    double bestValue() const { return m_bestValue; }

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    double m_markValue;
    double m_bestValue;
    bool m_markIsReference = false;
};

/// The learning-rate control: a log-scale slider over [1e-6, 10] (100 positions a decade), a
/// numeric field in scientific notation (any rate; the model validates it) and ×0.1 / ×10 buttons,
/// kept in sync, with the stable limit 2/λ₁ and the best constant rate 2/(λ₁+λₙ) marked on the
/// slider and spelled out below it. The field holds the exact rate; the slider shows the nearest
/// position. GUI thread only.
class LearningRateControl : public QWidget
{
    Q_OBJECT
public:
    static constexpr double kMinimum = 1e-6;
    static constexpr double kMaximum = 10.0;
    static constexpr int kPositionsPerDecade = 100;
    /// The field's upper bound (the slider stops at kMaximum).
    static constexpr double kFieldMaximum = 1e12;

    explicit LearningRateControl(QWidget* parent = nullptr);

    double learningRate() const { return m_learningRate; }
    /// Sets the rate (the slider shows the nearest position in its range; the field the exact
    /// value); emits learningRateChanged when it changes.
    void setLearningRate(double learningRate);
    /// Shows the rate without emitting (the model's value after a change or a refusal).
    void showLearningRate(double learningRate);

    /// The stable limit to mark (e.g. 2/λ₁) and the sentence explaining it. A non-finite or
    /// non-positive limit hides the mark and shows the explanation alone. A reference limit
    /// (SGD's limit shown for an adaptive optimizer, for which the theory gives none) is drawn
    /// in neutral grey and the ratio never turns into the red warning.
    void setStableLimit(double limit, const QString& explanation, bool reference = false);
    bool stableLimitIsReference() const { return m_limitIsReference; }
    /// The "lr = r × limit" label (red and bold above an SGD limit).
    QLabel* ratioLabel() const { return m_ratioLabel; }
    double stableLimit() const { return m_stableLimit; }
    /// The best constant rate to mark (2/(λ₁+λₙ)); non-finite or non-positive hides it.
    void setBestRate(double rate);
    double bestRate() const { return m_bestRate; }
    /// Multiplies the rate by factor (the ×0.1 and ×10 buttons), clamped to the range.
    void scaleBy(double factor);

    MarkedSlider* slider() const { return m_slider; }
    ScientificSpinBox* field() const { return m_field; }

    /// Slider position -> rate: 10^(−6 + p/100) rounded to 3 significant digits.
    static double rateForPosition(int position);
    /// Rate -> nearest slider position (clamped).
    static int positionForRate(double learningRate);
    /// Rate -> fractional slider value (for the mark).
    static double sliderValueForRate(double learningRate);

signals:
    void learningRateChanged(double learningRate);

private:
    void updateRatio();

    MarkedSlider* m_slider = nullptr;
    ScientificSpinBox* m_field = nullptr;
    QLabel* m_limitLabel = nullptr;
    QLabel* m_ratioLabel = nullptr;
    double m_learningRate = 0.01;
    double m_stableLimit = 0.0;
    double m_bestRate = 0.0;
    bool m_limitIsReference = false;
    QString m_explanation;
};

} // namespace lrlab
