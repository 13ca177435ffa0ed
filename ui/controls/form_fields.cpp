#include "ui/controls/form_fields.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QSignalBlocker>
#include <QSpinBox>

#include <algorithm>

namespace lrlab {

QDoubleSpinBox* makeSpin(QWidget* parent, const char* name, double lo, double hi, int decimals,
                         double step, const QString& tip)
{
    auto* spin = new QDoubleSpinBox(parent);
    spin->setObjectName(QString::fromLatin1(name));
    spin->setRange(lo, hi);
    spin->setDecimals(decimals);
    spin->setSingleStep(step);
    spin->setKeyboardTracking(false);
    spin->setToolTip(tip);
    fitToColumn(spin);
    return spin;
}

QSpinBox* makeIntSpin(QWidget* parent, const char* name, int lo, int hi, int step,
                      const QString& tip)
{
    auto* spin = new QSpinBox(parent);
    spin->setObjectName(QString::fromLatin1(name));
    spin->setRange(lo, hi);
    spin->setSingleStep(step);
    spin->setKeyboardTracking(false);
    spin->setToolTip(tip);
    fitToColumn(spin);
    return spin;
}

void fitToColumn(QAbstractSpinBox* spin)
{
    spin->setMinimumWidth(spin->fontMetrics().averageCharWidth() * 10);
}

void selectData(QComboBox* combo, const QString& value)
{
    const QSignalBlocker blocker(combo);
    const int index = combo->findData(value);
    if (index >= 0)
        combo->setCurrentIndex(index);
}

void showRowsFor(QFormLayout* form, const std::vector<std::string>& keys,
                 std::initializer_list<std::pair<QWidget*, const char*>> fields)
{
    for (const auto& [field, key] : fields)
        form->setRowVisible(field, std::find(keys.begin(), keys.end(), key) != keys.end());
}

} // namespace lrlab
