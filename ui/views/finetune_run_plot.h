#pragma once

#include "core/finetune/finetune_lab.h"

#include <qcustomplot.h>

namespace lrlab {

/// The curves of one fine-tuning run, step by step: the minibatch training loss of every
/// update and the target validation loss (log axis), with target and source validation
/// accuracy (%) at the evaluation steps on the right axis. GUI thread only.
class FineTuneRunPlot : public QCustomPlot
{
    Q_OBJECT
public:
    explicit FineTuneRunPlot(QWidget* parent = nullptr);

    /// No run: empty curves and a hint, the x axis over `steps` steps.
    void clearRun(int steps);
    /// Draws run in its method's colour; the x axis covers at least `steps` steps.
    void showRun(const FineTuneResult& run, int steps);

    QCPGraph* lossGraph() const { return m_loss; }
    QCPGraph* validationLossGraph() const { return m_valLoss; }
    QCPGraph* targetAccuracyGraph() const { return m_targetAcc; }
    QCPGraph* sourceAccuracyGraph() const { return m_sourceAcc; }

private:
    QCPTextElement* m_title = nullptr;
    QCPGraph* m_loss = nullptr;
    QCPGraph* m_valLoss = nullptr;
    QCPGraph* m_targetAcc = nullptr;
    QCPGraph* m_sourceAcc = nullptr;
    QCPItemText* m_note = nullptr;
};

} // namespace lrlab
