#include "ui/controls/scientific_spin_box.h"

#include <QLocale>

#include <algorithm>
#include <cmath>

namespace lrlab {

ScientificSpinBox::ScientificSpinBox(QWidget* parent) : QDoubleSpinBox(parent)
{
    // QDoubleSpinBox rounds to `decimals` places: keep enough for 1e-12 at 3 digits.
    setDecimals(15);
    setKeyboardTracking(false);
    setAccelerated(true);
}

QString ScientificSpinBox::format(double value)
{
    if (value == 0.0)
        return QStringLiteral("0");
    if (!std::isfinite(value))
        return QStringLiteral("∞");
    QString text = QString::number(value, 'e', 2); // e.g. "2.50e-03"
    // Shorter exponent for reading from the back of a classroom: "e-03" -> "e-3", "e+00" -> "e0".
    const int e = text.indexOf(QLatin1Char('e'));
    if (e >= 0) {
        QString exponent = text.mid(e + 1);
        const bool negative = exponent.startsWith(QLatin1Char('-'));
        exponent.remove(QLatin1Char('+')).remove(QLatin1Char('-'));
        while (exponent.size() > 1 && exponent.startsWith(QLatin1Char('0')))
            exponent.remove(0, 1);
        text = text.left(e + 1) + (negative ? QStringLiteral("-") : QString()) + exponent;
    }
    return text;
}

QString ScientificSpinBox::textFromValue(double value) const
{
    return format(value);
}

double ScientificSpinBox::valueFromText(const QString& text) const
{
    bool ok = false;
    const double value = QLocale::c().toDouble(text.trimmed(), &ok);
    return ok ? value : this->value();
}

QValidator::State ScientificSpinBox::validate(QString& text, int& pos) const
{
    Q_UNUSED(pos)
    const QString t = text.trimmed();
    if (t.isEmpty())
        return QValidator::Intermediate;
    bool ok = false;
    const double value = QLocale::c().toDouble(t, &ok);
    if (ok && value >= minimum() && value <= maximum())
        return QValidator::Acceptable;
    // Partial input such as "1e" or "-" or "2.5e-" may still become a number.
    static const QString allowed = QStringLiteral("0123456789.eE+-");
    for (const QChar c : t)
        if (!allowed.contains(c))
            return QValidator::Invalid;
    return QValidator::Intermediate;
}

void ScientificSpinBox::stepBy(int steps)
{
    const double v = value();
    double next = v;
    if (v <= 0.0) {
        next = steps > 0 ? m_smallestStep : v;
    } else {
        next = v * std::pow(10.0, steps / 20.0);
        if (next < m_smallestStep && minimum() <= 0.0 && steps < 0)
            next = 0.0;
    }
    setValue(std::clamp(next, minimum(), maximum()));
}

} // namespace lrlab
