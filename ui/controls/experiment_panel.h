#pragma once

#include <QWidget>

class QLabel;
class QPushButton;

namespace lrlab {

class ExperimentModel;
class LearningRateControl;
class ProblemControls;

/// The controls column of the explorer: Problem, Optimizer, Learning rate (the log slider with
/// its stability marks), Schedule and Compare (pin, clear pins, LR trio). The groups edit the
/// ExperimentModel; the Compare buttons only emit. GUI thread only.
class ExperimentPanel : public QWidget
{
    Q_OBJECT
public:
    ExperimentPanel(ExperimentModel* model, QWidget* parent = nullptr);

    LearningRateControl* learningRateControl() const { return m_learningRate; }
    ProblemControls* problemControls() const { return m_problem; }
    /// The Compare group's count ("3 of 8 pinned", and how many are hidden on other axes).
    void showPinCount(int pinned, int capacity, int hidden);

signals:
    void pinRequested();
    void clearPinsRequested();
    void trioRequested();

private:
    ExperimentModel* m_model;
    ProblemControls* m_problem = nullptr;
    LearningRateControl* m_learningRate = nullptr;
    QPushButton* m_clearPins = nullptr;
    QLabel* m_pinCount = nullptr;
};

} // namespace lrlab
