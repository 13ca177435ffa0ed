#pragma once

#include <QColor>
#include <QScrollArea>
#include <QString>
#include <QStringList>

#include <vector>

class QEvent;
class QCustomPlot;
class QFormLayout;
class QSpinBox;
class QTableWidget;
class QWidget;

namespace lrlab {

class ScientificSpinBox;

// Pieces the analysis views (sweep, fine-tuning, LR finder) build the same way. GUI thread only.

/// A view's column of controls in a vertical scroll area: at least as wide as the column needs
/// (its minimum size hint, at any text size, so no field is squeezed), never scrolled sideways,
/// and only a few lines tall at least, so the view's plots, not its controls, set how short the
/// view (and its dock) can be.
class ControlsScrollArea : public QScrollArea
{
public:
    /// Takes column as the scroll area's widget.
    explicit ControlsScrollArea(QWidget* column, QWidget* parent = nullptr);

    QSize minimumSizeHint() const override;
    QSize sizeHint() const override;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    /// The width of the frame and the vertical scroll bar around the column.
    int chromeWidth() const;
};

/// Keeps room right of plot's axis rect for half the last tick label of a log-scale x axis
/// ("10⁻²" centred on the axis end), at whatever text size the plot is drawn in: QCustomPlot's
/// margins only hold the labels beside an axis, not the overhang of the one at its end.
void keepLastRateLabelInside(QCustomPlot* plot);

/// The controls of a log-spaced learning-rate grid: first and last rate and how many rates.
struct RateGridControls
{
    ScientificSpinBox* from = nullptr;
    ScientificSpinBox* to = nullptr;
    QSpinBox* count = nullptr;

    /// Shows count rates from `from` to `to` (signals as the fields do).
    void set(double fromRate, double toRate, int rateCount) const;
};

/// The texts of the rate-grid controls (each view words them for its runs).
struct RateGridTexts
{
    QString fromLabel, toLabel, countLabel; ///< form labels with mnemonics
    QString fromTip, toTip, countTip;
};

/// Adds the three rate-grid rows to form: spin boxes named prefix + From / To / Count, rates in
/// [minRate, maxRate], count in [minCount, maxCount] (set() gives their starting values).
RateGridControls addRateGrid(QFormLayout* form, QWidget* parent, const QString& prefix,
                             const RateGridTexts& texts, double minRate, double maxRate,
                             int minCount, int maxCount);

/// An integer spin box named name in [lo, hi] starting at value.
QSpinBox* makeSpinBox(QWidget* parent, const QString& name, int lo, int hi, int value,
                      const QString& toolTip);

/// Fills a read-only table: the headers, then one row of cells per entry of rows; a row whose
/// colour is valid (rowColours may be shorter than rows) has that text colour. Resizes the
/// columns to their contents.
void setTableRows(QTableWidget* table, const QStringList& headers,
                  const std::vector<QStringList>& rows, const std::vector<QColor>& rowColours = {});

/// A read-only table that selects whole rows, one at a time, without row numbers.
QTableWidget* makeRunTable(QWidget* parent, const QString& objectName, const QString& toolTip);

} // namespace lrlab
