#include "ui/explorer/analysis_docks.h"

#include "ui/explorer/diagnosis_panel.h"
#include "ui/views/finetune_view.h"
#include "ui/views/lr_finder_view.h"
#include "ui/views/runs_view.h"
#include "ui/views/sweep_view.h"

#include <QDockWidget>
#include <QMainWindow>
#include <QMenu>
#include <QScrollArea>

namespace lrlab {

namespace {

QString tabOf(const QDockWidget* dock)
{
    QString name = dock->objectName();
    if (name == QLatin1String("diagnosisDock"))
        return QStringLiteral("explorer");
    if (name == QLatin1String("lrFinderDock"))
        return QStringLiteral("lr_finder");
    if (name.endsWith(QLatin1String("Dock")))
        name.chop(4);
    return name;
}

} // namespace

AnalysisDocks::AnalysisDocks(QMainWindow* window) : QObject(window)
{
    window->setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowTabbedDocks);
    m_diagnosis = new DiagnosisPanel;
    m_finder = new LrFinderView;
    m_finder->setObjectName(QStringLiteral("lrFinderView"));
    m_sweep = new SweepView;
    m_sweep->setObjectName(QStringLiteral("sweepView"));
    m_fineTune = new FineTuneView;
    m_fineTune->setObjectName(QStringLiteral("fineTuneView"));
    m_runs = new RunsView;
    m_runs->setObjectName(QStringLiteral("runsView"));
    m_diagnosisDock = addDock(window, m_diagnosis, "diagnosisDock");
    m_finderDock = addDock(window, m_finder, "lrFinderDock");
    m_sweepDock = addDock(window, m_sweep, "sweepDock");
    m_fineTuneDock = addDock(window, m_fineTune, "fineTuneDock");
    m_runsDock = addDock(window, m_runs, "runsDock");
    window->tabifyDockWidget(m_diagnosisDock, m_finderDock);
    window->tabifyDockWidget(m_finderDock, m_sweepDock);
    window->tabifyDockWidget(m_sweepDock, m_fineTuneDock);
    window->tabifyDockWidget(m_fineTuneDock, m_runsDock);
    m_diagnosisDock->raise();
    retranslate();
}

QDockWidget* AnalysisDocks::addDock(QMainWindow* window, QWidget* view, const char* name)
{
    auto* dock = new QDockWidget(window);
    dock->setObjectName(QString::fromLatin1(name));
    auto* area = new QScrollArea;
    area->setWidgetResizable(true);
    area->setFrameShape(QFrame::NoFrame);
    area->setFocusPolicy(Qt::NoFocus); // tabbing into the view scrolls it into sight
    area->setWidget(view);
    dock->setWidget(area);
    dock->setFocusProxy(area);
    window->addDockWidget(Qt::BottomDockWidgetArea, dock);
    connect(dock, &QDockWidget::visibilityChanged, this, [this, dock](bool visible) {
        if (visible)
            m_activeTab = tabOf(dock);
    });
    return dock;
}

bool AnalysisDocks::showTab(const QString& tab)
{
    QDockWidget* dock = nullptr;
    if (tab == QLatin1String("explorer") || tab == QLatin1String("diagnosis"))
        dock = m_diagnosisDock;
    else if (tab == QLatin1String("lr_finder"))
        dock = m_finderDock;
    else if (tab == QLatin1String("sweep"))
        dock = m_sweepDock;
    else if (auto* window = qobject_cast<QMainWindow*>(parent()))
        dock = window->findChild<QDockWidget*>(tab + QStringLiteral("Dock"));
    if (!dock)
        return false;
    dock->show();
    dock->raise();
    m_activeTab = tabOf(dock);
    return true;
}

void AnalysisDocks::addToggleActions(QMenu* menu) const
{
    for (QDockWidget* dock :
         {m_diagnosisDock, m_finderDock, m_sweepDock, m_fineTuneDock, m_runsDock})
        menu->addAction(dock->toggleViewAction());
}

void AnalysisDocks::retranslate()
{
    m_diagnosisDock->setWindowTitle(tr("Diagnosis"));
    m_finderDock->setWindowTitle(tr("LR finder"));
    m_sweepDock->setWindowTitle(tr("Sweep"));
    m_fineTuneDock->setWindowTitle(tr("Fine-tuning"));
    m_runsDock->setWindowTitle(tr("Runs"));
}

} // namespace lrlab
