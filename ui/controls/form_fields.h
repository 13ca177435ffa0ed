#pragma once

#include <QString>

#include <initializer_list>
#include <string>
#include <utility>
#include <vector>

class QAbstractSpinBox;
class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QSpinBox;
class QWidget;

namespace lrlab {

// The fields of the control groups: named (tests and accessibility find them by object name),
// with a teaching tooltip, and without keyboard tracking (a value is committed when typing
// ends, so "0.05" does not run 0, 0.0 and 0.05).

QDoubleSpinBox* makeSpin(QWidget* parent, const char* name, double lo, double hi, int decimals,
                         double step, const QString& tip);
QSpinBox* makeIntSpin(QWidget* parent, const char* name, int lo, int hi, int step,
                      const QString& tip);
/// A field whose range is wide (the core validates, not the box) would otherwise ask for the
/// width of its longest value: it may shrink to ten characters.
void fitToColumn(QAbstractSpinBox* spin);
/// Selects the entry whose data is value (nothing when there is none), without signals.
void selectData(QComboBox* combo, const QString& value);
/// Shows the form's row of each field whose key (a config key, e.g. "weight_decay") is among
/// keys and hides the others: a group shows only what its current choice reads.
void showRowsFor(QFormLayout* form, const std::vector<std::string>& keys,
                 std::initializer_list<std::pair<QWidget*, const char*>> fields);

} // namespace lrlab
