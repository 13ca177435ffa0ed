#pragma once

#include <QDoubleSpinBox>

namespace lrlab {

/// A QDoubleSpinBox for quantities that span decades (learning rates, eps): shows values in
/// scientific notation with three significant digits ("2.50e-3"), accepts any number the C
/// locale parses ("0.0025", "2.5e-3"), and steps multiplicatively (one arrow step = ×10^(1/20),
/// about 12 %; page up/down = ×10^(1/2)). Zero, if inside the range, is shown as "0"; stepping
/// up from it goes to the smallest positive step value.
class ScientificSpinBox : public QDoubleSpinBox
{
    Q_OBJECT
public:
    explicit ScientificSpinBox(QWidget* parent = nullptr);

    /// The smallest positive value reached when stepping up from zero (default 1e-6).
    void setSmallestStep(double value) { m_smallestStep = value; }

    QString textFromValue(double value) const override;
    double valueFromText(const QString& text) const override;
    QValidator::State validate(QString& text, int& pos) const override;
    void stepBy(int steps) override;

    /// The display format, shared with labels that show rates: 3 significant digits.
    static QString format(double value);

private:
    double m_smallestStep = 1e-6;
};

} // namespace lrlab
