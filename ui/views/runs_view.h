#pragma once

#include "core/config/session.h"
#include "core/logs/log_roles.h"

#include <QStringList>
#include <QWidget>

#include <map>
#include <vector>

class QCheckBox;
class QLabel;
class QListWidget;
class QPushButton;
class QTableWidget;
class QTableWidgetItem;

namespace lrlab {

class ExperimentModel;
class ImportedRuns;
class LogWatch;
class RunSeriesEditor;
class RunsPlots;

/// The Runs dock: training runs imported from their logs (TensorBoard event files, Hugging Face
/// trainer_state.json, CSV), listed with a checkbox each (shown or hidden), their format, a
/// Follow checkbox, the recognised schedule and the diagnosis, and drawn on RunsPlots (loss,
/// validation loss, learning rate over the logged step). Problems reading a log are listed, a
/// line each naming the file and record or line. "Open in the lab" puts the selected run's
/// recognised schedule into the explorer's experiment so it can be replayed on a toy or model.
///
/// Runs come from importPaths() (File ▸ Import runs…, the Import buttons, or files and folders
/// dropped on a widget given to acceptDropsOn()). A run whose files changed in the last
/// LogWatch::kRecentSeconds is followed at first; the LogWatch reads every file off the GUI
/// thread. A followed run imported from a folder takes up the files and runs that appear in it.
///
/// The Series editor below the list chooses, for the selected run, the tag that plays each role
/// (RunSeriesEditor); the run is analysed again off the GUI thread and redrawn. savedRuns() and
/// restoreRuns() carry the runs (path, chosen tags, shown, followed) through a session. GUI
/// thread only.
class RunsView : public QWidget
{
    Q_OBJECT
public:
    explicit RunsView(QWidget* parent = nullptr);
    ~RunsView() override;

    /// The experiment "Open in the lab" edits (not owned; may be null).
    void setExperimentModel(ExperimentModel* model);

    const ImportedRuns& runs() const { return *m_runs; }
    LogWatch* watch() const { return m_watch; }
    RunsPlots* plots() const { return m_plots; }
    QTableWidget* table() const { return m_table; }
    /// Each line a problem: "<file>: <record or line>: <what>".
    QStringList problemLines() const;
    QPushButton* openInLabButton() const { return m_openInLab; }
    /// The paths of the imported runs, in import order (to import them again elsewhere).
    QStringList importedPaths() const;
    /// The Series editor (the selected run's tag per role).
    RunSeriesEditor* seriesEditor() const { return m_series; }

    /// Chooses the tags that play run id's roles (RunSeriesEditor's choice) and has the run
    /// analysed again in the background.
    void setRoleOverrides(quint64 id, const LogRoleOverrides& overrides);
    /// The imported runs as a session stores them, in import order.
    std::vector<SessionLogRun> savedRuns() const;
    /// Replaces the imported runs by a session's: each is read again in the background with
    /// its tags, shown and follow state. A run whose log is missing or unreadable is listed in
    /// Problems and reported by restoreProblems(); the others are restored.
    void restoreRuns(const std::vector<SessionLogRun>& runs);

    /// Files and folders dropped on widget (and its children that take no drops) are imported.
    void acceptDropsOn(QWidget* widget);

public slots:
    /// Imports the runs at paths (files or folders) in the background.
    void importPaths(const QStringList& paths);
    /// Asks for log files to import (a file dialog).
    void chooseFiles();
    /// Asks for a folder to import (a folder dialog).
    void chooseFolder();
    /// Removes the selected run.
    void removeSelected();
    /// Sets the experiment's schedule (and learning rate) to the selected run's recognised one.
    void openInLab();

signals:
    /// Runs were imported (count found), e.g. to raise the dock.
    void imported(int runs);
    /// The user changed the imported runs: imported some (file or folder dialog, drop), removed
    /// one, showed or hid, followed or stopped following one, or chose a tag for a role. Not
    /// emitted for a session's restore, a program's import, or a followed folder's new run.
    void edited();
    /// Runs of a session could not be restored: a line each naming the path and why.
    void restoreProblems(const QStringList& problems);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QWidget* buildControls();
    /// importPaths for the user (dialogs, drops): edited() follows when it finds runs.
    void userImport(const QStringList& paths);
    void addRow(quint64 id);
    void updateRow(quint64 id);
    int rowOf(quint64 id) const;
    quint64 selectedId() const;
    void itemChanged(QTableWidgetItem* item);
    void updateProblems();
    void updateButtons();
    void updateSeriesEditor();

    ImportedRuns* m_runs = nullptr;
    LogWatch* m_watch = nullptr;
    ExperimentModel* m_model = nullptr;
    RunsPlots* m_plots = nullptr;
    QTableWidget* m_table = nullptr;
    QListWidget* m_problems = nullptr;
    QLabel* m_status = nullptr;
    QPushButton* m_remove = nullptr;
    QPushButton* m_openInLab = nullptr;
    RunSeriesEditor* m_series = nullptr;
    QStringList m_pathProblems;
    std::map<QString, bool> m_restoredShown; ///< by absolute path: shown flags of a restore
    bool m_filling = false;
    int m_userImports = 0; ///< imports the user asked for that have not finished
};

} // namespace lrlab
