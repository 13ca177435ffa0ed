#pragma once

#include "core/analysis/lr_finder.h"
#include "core/config/run_config.h"
#include "ui/views/job_view.h"

#include <QString>

#include <array>

class QCPGraph;
class QCPItemStraightLine;
class QCPItemText;
class QCustomPlot;
class QProgressBar;
class QPushButton;
class QSpinBox;

namespace lrlab {

class ScientificSpinBox;

/// The LR finder view of the explorer (docs/semantics.md §2.5): runs Leslie Smith's range test on
/// the explorer's current experiment and shows the recorded loss and its smoothed curve against the
/// learning rate (log axis), with the four suggestions (steepest, valley, minimum, steep) marked
/// and named; a "use" button per suggestion emits learningRateChosen() so the explorer can put
/// that rate on its LR control.
///
/// Embedding: connect the experiment's configChanged to setBaseConfig() and
/// learningRateChosen() to whatever sets the explorer's learning rate.
///
/// Threading: run() runs runLrFinder on a BackgroundJob; each iteration's partial result comes
/// back as a queued value and draws the curve as it grows. setBaseConfig() with a changed
/// experiment, cancel() or a new run() raise the old job's flag and drop whatever it still
/// sends. The job is a child: the view's destruction cancels and waits for it. Public
/// functions: GUI thread only.
class LrFinderView : public JobView
{
    Q_OBJECT
public:
    /// The suggestion names, in display order.
    static const std::array<QString, 4>& suggestionNames();

    explicit LrFinderView(QWidget* parent = nullptr);
    ~LrFinderView() override;

    /// The experiment the test runs on.
    const RunConfig& baseConfig() const { return m_config; }
    const RunConfig& config() const { return m_config; }
    /// Same as setBaseConfig() (the name the window used before the experiment model).
    void setConfig(const RunConfig& config) { setBaseConfig(config); }
    /// The range test settings (start/end LR and iterations are also in the view's fields).
    void setOptions(const LrFinderOptions& options);
    LrFinderOptions options() const;

    /// The last shown (possibly partial) result.
    const LrFinderResult& result() const { return m_result; }
    /// True when a shown, finished result belongs to the current config.
    bool hasResult() const { return m_hasResult; }
    /// The LR of a suggestion ("steepest", "valley", "minimum", "steep"); NaN when absent.
    double suggestion(const QString& name) const;

    QCustomPlot* plot() const { return m_plot; }
    QCPGraph* lossGraph() const { return m_lossGraph; }
    QCPGraph* smoothedGraph() const { return m_smoothedGraph; }
    QPushButton* useButton(const QString& name) const;
    QPushButton* runButton() const;
    QPushButton* cancelButton() const;
    QProgressBar* progressBar() const;

public slots:
    /// The experiment to test (its schedule is ignored by the test). A change of anything but
    /// the schedule abandons a test in progress and marks a shown result as out of date.
    void setBaseConfig(const lrlab::RunConfig& config);
    /// Starts a range test on config(); abandons any test in progress.
    void run() override;
    /// Abandons the test in progress (its results are dropped).
    void cancel() override;
    /// Emits learningRateChosen with the named suggestion (nothing if it is absent).
    void useSuggestion(const QString& name);

signals:
    /// "Use this LR": the explorer should set its learning rate to learningRate.
    void learningRateChosen(double learningRate);
    void started();
    /// The newest test finished (stopped early or not) and its suggestions are shown.
    void finished();
    void failed(const QString& message);

private:
    QWidget* buildSide();
    void buildPlot();
    void showPartial(const LrFinderResult& soFar);
    void finish(const LrFinderResult& result);
    void drawCurves();
    void drawSuggestions();

    RunConfig m_config;
    bool m_hasConfig = false;
    LrFinderResult m_result;
    bool m_hasResult = false;

    QCustomPlot* m_plot = nullptr;
    QCPGraph* m_lossGraph = nullptr;
    QCPGraph* m_smoothedGraph = nullptr;
    std::array<QCPItemStraightLine*, 4> m_lines{};
    std::array<QCPItemText*, 4> m_labels{};
    std::array<QPushButton*, 4> m_useButtons{};
    ScientificSpinBox* m_startLr = nullptr;
    ScientificSpinBox* m_endLr = nullptr;
    QSpinBox* m_iterations = nullptr;
};

} // namespace lrlab
