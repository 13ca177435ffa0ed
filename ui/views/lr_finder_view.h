#pragma once

#include "core/analysis/lr_finder.h"
#include "core/config/run_config.h"
#include "core/engine/run_status.h"

#include <QFuture>
#include <QString>
#include <QWidget>

#include <array>
#include <atomic>
#include <memory>
#include <vector>

class QCPGraph;
class QCPItemStraightLine;
class QCPItemText;
class QCustomPlot;
class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;

namespace lrlab {

class ScientificSpinBox;

/// The LR finder view of the explorer (DESIGN.md §2.5): runs Leslie Smith's range test on the
/// explorer's current experiment and shows the recorded loss and its smoothed curve against the
/// learning rate (log axis), with the four suggestions (steepest, valley, minimum, steep) marked
/// and named; a "use" button per suggestion emits learningRateChosen() so the explorer can put
/// that rate on its LR control.
///
/// Threading: run() hands runLrFinder to QtConcurrent::run with its own cancel flag and
/// generation; each iteration's partial result comes back as a queued call and draws the curve
/// as it grows. setConfig() with a changed experiment, cancel() or a new run() raise the old flag
/// and drop whatever that generation still sends. The destructor raises every flag and waits
/// for the (then short) futures. Public functions: GUI thread only.
class LrFinderView : public QWidget
{
    Q_OBJECT
public:
    /// The suggestion names, in display order.
    static const std::array<QString, 4>& suggestionNames();

    explicit LrFinderView(QWidget* parent = nullptr);
    ~LrFinderView() override;

    /// The experiment to test (its schedule is ignored by the test). A change of anything but
    /// the schedule abandons a test in progress and marks a shown result as out of date.
    void setConfig(const RunConfig& config);
    const RunConfig& config() const { return m_config; }
    /// The range test settings (start/end LR and iterations are also in the view's fields).
    void setOptions(const LrFinderOptions& options);
    LrFinderOptions options() const;

    bool isRunning() const { return m_running; }
    /// The generation of the newest run() (0 before any).
    quint64 generation() const { return m_generation; }
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
    QPushButton* runButton() const { return m_runButton; }
    QPushButton* cancelButton() const { return m_cancelButton; }
    QProgressBar* progressBar() const { return m_progress; }
    QString statusText() const;

public slots:
    /// Starts a range test on config(); abandons any test in progress.
    void run();
    /// Abandons the test in progress (its results are dropped).
    void cancel();
    /// Emits learningRateChosen with the named suggestion (nothing if it is absent).
    void useSuggestion(const QString& name);

signals:
    /// "Use this LR": the explorer should set its learning rate to learningRate.
    void learningRateChosen(double learningRate);
    void started();
    /// The newest test finished (stopped early or not) and its suggestions are shown.
    void finished();
    void failed(const QString& message);
    void progressChanged(int done, int total);

private:
    struct Job
    {
        quint64 generation = 0;
        std::shared_ptr<CancelFlag> cancel;
        QFuture<void> future;
    };

    void showPartial(quint64 generation, const LrFinderResult& soFar);
    void finish(quint64 generation, const LrFinderResult& result, const QString& error);
    void drawCurves();
    void drawSuggestions();
    void setStatus(const QString& text, bool alarm);
    void setRunning(bool running);
    void collectJobs();

    RunConfig m_config;
    bool m_hasConfig = false;
    LrFinderResult m_result;
    bool m_hasResult = false;
    bool m_running = false;
    quint64 m_generation = 0;
    std::vector<Job> m_jobs;

    QCustomPlot* m_plot = nullptr;
    QCPGraph* m_lossGraph = nullptr;
    QCPGraph* m_smoothedGraph = nullptr;
    std::array<QCPItemStraightLine*, 4> m_lines{};
    std::array<QCPItemText*, 4> m_labels{};
    std::array<QPushButton*, 4> m_useButtons{};
    ScientificSpinBox* m_startLr = nullptr;
    ScientificSpinBox* m_endLr = nullptr;
    QSpinBox* m_iterations = nullptr;
    QPushButton* m_runButton = nullptr;
    QPushButton* m_cancelButton = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_status = nullptr;
};

}  // namespace lrlab
