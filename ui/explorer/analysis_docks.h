#pragma once

#include <QObject>
#include <QString>

class QDockWidget;
class QMainWindow;
class QMenu;

namespace lrlab {

class DiagnosisPanel;
class FineTuneView;
class LrFinderView;
class RunsView;
class SweepView;

/// The analysis docks of the explorer, tabbed below the plots: Diagnosis, LR finder, Sweep and
/// Fine-tuning and Runs (imported training logs), each view in a scroll area (a view's minimum
/// height would otherwise claim half the window). Knows which tab is active by name — "explorer"
/// (the diagnosis), "lr_finder", "sweep", "fineTune", "runs" — as sessions and lessons store it.
/// GUI thread only; the docks belong to the window.
class AnalysisDocks : public QObject
{
    Q_OBJECT
public:
    explicit AnalysisDocks(QMainWindow* window);

    DiagnosisPanel* diagnosis() const { return m_diagnosis; }
    LrFinderView* finder() const { return m_finder; }
    SweepView* sweep() const { return m_sweep; }
    FineTuneView* fineTune() const { return m_fineTune; }
    RunsView* runs() const { return m_runs; }

    QDockWidget* diagnosisDock() const { return m_diagnosisDock; }
    QDockWidget* finderDock() const { return m_finderDock; }
    QDockWidget* sweepDock() const { return m_sweepDock; }
    QDockWidget* fineTuneDock() const { return m_fineTuneDock; }
    QDockWidget* runsDock() const { return m_runsDock; }

    /// The tab last raised ("explorer" at first).
    QString activeTab() const { return m_activeTab; }
    /// Shows and raises the dock of tab ("diagnosis" is "explorer"; another name finds a dock
    /// named "<tab>Dock"); false when there is none.
    bool showTab(const QString& tab);
    /// The docks' show/hide actions, for the View menu.
    void addToggleActions(QMenu* menu) const;
    /// Sets the dock titles in the current language.
    void retranslate();

private:
    QDockWidget* addDock(QMainWindow* window, QWidget* view, const char* name);

    DiagnosisPanel* m_diagnosis = nullptr;
    LrFinderView* m_finder = nullptr;
    SweepView* m_sweep = nullptr;
    FineTuneView* m_fineTune = nullptr;
    RunsView* m_runs = nullptr;
    QDockWidget* m_diagnosisDock = nullptr;
    QDockWidget* m_finderDock = nullptr;
    QDockWidget* m_sweepDock = nullptr;
    QDockWidget* m_fineTuneDock = nullptr;
    QDockWidget* m_runsDock = nullptr;
    QString m_activeTab = QStringLiteral("explorer");
};

} // namespace lrlab
