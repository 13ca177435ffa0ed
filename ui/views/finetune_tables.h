#pragma once

#include <QTabWidget>

class QTableWidget;

namespace lrlab {

struct FineTuneOutcome;

/// The tables of a fine-tuning sweep, as tabs: what each method trains and what its optimizer
/// stores ("finetuneMemory"), and every run ("finetuneRuns"; Enter or a double-click asks for
/// the run's curves). GUI thread only.
class FineTuneTables : public QTabWidget
{
    Q_OBJECT
public:
    explicit FineTuneTables(QWidget* parent = nullptr);

    /// Fills both tables from outcome.
    void showOutcome(const FineTuneOutcome& outcome);
    /// Makes row index of the runs table current (if it is not already).
    void selectRun(int index);

    QTableWidget* memoryTable() const { return m_memory; }
    QTableWidget* runsTable() const { return m_runs; }

signals:
    /// Enter or a double-click on row index of the runs table.
    void runActivated(int index);

private:
    void fillMemory(const FineTuneOutcome& outcome);
    void fillRuns(const FineTuneOutcome& outcome);

    QTableWidget* m_memory = nullptr;
    QTableWidget* m_runs = nullptr;
};

} // namespace lrlab
