#include "ui/views/runs_view.h"

#include "core/schedules/schedule.h"
#include "ui/experiment_model.h"
#include "ui/explorer/diagnosis_panel.h"
#include "ui/views/imported_runs.h"
#include "ui/views/runs_plots.h"
#include "ui/views/runs_series_editor.h"
#include "ui/views/view_helpers.h"
#include "ui/worker/log_watch.h"

#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QMimeData>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QUrl>
#include <QVBoxLayout>

#include <algorithm>
#include <limits>

namespace lrlab {

namespace {

enum Column {
    NameColumn,
    FormatColumn,
    FollowColumn,
    DiagnosisColumn, // what the user came for: before the longer schedule text
    ScheduleColumn,
    PointsColumn,
    ColumnCount
};

/// At most this many problems of one run are listed (the rest are counted).
constexpr int kProblemsPerRun = 20;

QStringList localPaths(const QMimeData* mime)
{
    QStringList paths;
    if (mime && mime->hasUrls())
        for (const QUrl& url : mime->urls())
            if (url.isLocalFile())
                paths << url.toLocalFile();
    return paths;
}

} // namespace

RunsView::RunsView(QWidget* parent) : QWidget(parent)
{
    m_runs = new ImportedRuns(this);
    m_watch = new LogWatch(this);
    auto* layout = new QHBoxLayout(this);
    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(new ControlsScrollArea(buildControls()));
    m_plots = new RunsPlots(*m_runs, splitter);
    splitter->addWidget(m_plots);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);
    layout->addWidget(splitter);

    connect(m_watch, &LogWatch::runRead, m_runs, &ImportedRuns::update);
    connect(m_watch, &LogWatch::pathProblems, this, [this](const QStringList& problems) {
        m_pathProblems << problems;
        updateProblems();
    });
    connect(m_watch, &LogWatch::restoreProblems, this, [this](const QStringList& problems) {
        m_pathProblems << problems;
        updateProblems();
        emit restoreProblems(problems);
    });
    connect(m_watch, &LogWatch::importFinished, this, [this](int runs, bool restored) {
        m_status->setText(runs == 0 ? tr("No run found.") : tr("%n run(s) imported.", "", runs));
        if (!restored && m_userImports > 0) {
            --m_userImports;
            if (runs > 0)
                emit edited();
        }
        emit imported(runs);
    });
    connect(m_runs, &ImportedRuns::added, this, [this](quint64 id) {
        const ImportedRun* run = m_runs->find(id);
        const auto restored = m_restoredShown.find(
            QFileInfo(QString::fromStdString(run->log().source.path)).absoluteFilePath());
        if (restored != m_restoredShown.end()) {
            m_runs->setShown(id, restored->second);
            m_restoredShown.erase(restored);
        }
        addRow(id);
        m_plots->rebuild();
        updateProblems();
    });
    connect(m_runs, &ImportedRuns::changed, this, [this](quint64 id) {
        updateRow(id);
        m_plots->rebuild();
        updateProblems();
        updateButtons();
        if (id == selectedId())
            updateSeriesEditor();
    });
    connect(m_runs, &ImportedRuns::flagsChanged, this, [this](quint64 id) {
        updateRow(id);
        m_plots->rebuild();
    });
    connect(m_runs, &ImportedRuns::removed, this, [this](quint64 id) {
        if (const int row = rowOf(id); row >= 0)
            m_table->removeRow(row);
        m_plots->rebuild();
        updateProblems();
        updateButtons();
    });
    updateButtons();
}

// The watch (a child) drops the reads in flight; their workers finish on their own.
RunsView::~RunsView() = default;

QWidget* RunsView::buildControls()
{
    auto* panel = new QWidget(this);
    auto* column = new QVBoxLayout(panel);

    auto* buttons = new QHBoxLayout;
    auto* files = new QPushButton(tr("Import &files…"), panel);
    files->setObjectName(QStringLiteral("runsImportFiles"));
    files->setToolTip(tr("Read training logs: TensorBoard event files (events.out.tfevents.*), "
                         "a Hugging Face trainer_state.json, or a CSV with a step column "
                         "(Lightning's metrics.csv, a W&B export). You can also drop files on "
                         "the window."));
    connect(files, &QPushButton::clicked, this, &RunsView::chooseFiles);
    auto* folder = new QPushButton(tr("Import f&older…"), panel);
    folder->setObjectName(QStringLiteral("runsImportFolder"));
    folder->setToolTip(tr("Read every run in a folder and its subfolders: each folder of event "
                          "files is one TensorBoard run, a Hugging Face output folder one run."));
    connect(folder, &QPushButton::clicked, this, &RunsView::chooseFolder);
    m_remove = new QPushButton(tr("Re&move"), panel);
    m_remove->setObjectName(QStringLiteral("runsRemove"));
    m_remove->setToolTip(tr("Remove the selected run from the list (its files stay as they are)."));
    connect(m_remove, &QPushButton::clicked, this, &RunsView::removeSelected);
    buttons->addWidget(files);
    buttons->addWidget(folder);
    buttons->addWidget(m_remove);
    column->addLayout(buttons);

    m_table = makeRunTable(
        panel, QStringLiteral("runsTable"),
        tr("The imported runs. The checkbox by a name shows or hides the run on the plots "
           "(Space toggles it); Follow reads what the training writes, within a second. "
           "Schedule: the schedule of lrlab's family that reproduces the logged learning rate, "
           "with its largest relative error. Diagnosis: what the loss curves say, by the same "
           "rules as the explorer's runs."));
    m_table->setColumnCount(ColumnCount);
    m_table->setHorizontalHeaderLabels(
        {tr("Run"), tr("Format"), tr("Follow"), tr("Diagnosis"), tr("Schedule"), tr("Points")});
    // Every column fits its text (the last stretched): the list is read, not scrolled.
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setMinimumSize(500, 90);
    connect(m_table, &QTableWidget::itemChanged, this, &RunsView::itemChanged);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &RunsView::updateButtons);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &RunsView::updateSeriesEditor);
    column->addWidget(m_table, 2);

    m_series = new RunSeriesEditor(panel);
    connect(m_series, &RunSeriesEditor::overridesChosen, this,
            [this](const LogRoleOverrides& overrides) {
                setRoleOverrides(selectedId(), overrides);
                emit edited();
            });
    column->addWidget(m_series);

    m_openInLab = new QPushButton(tr("Open in the &lab"), panel);
    m_openInLab->setObjectName(QStringLiteral("runsOpenInLab"));
    m_openInLab->setToolTip(
        tr("Put the selected run's recognised schedule (warmup, decay and peak learning rate) "
           "into the explorer, to replay it on a toy surface or a model and see what it does. "
           "Enabled when the run's learning rate fits one of lrlab's schedules."));
    connect(m_openInLab, &QPushButton::clicked, this, &RunsView::openInLab);
    column->addWidget(m_openInLab);

    m_status = new QLabel(panel);
    m_status->setObjectName(QStringLiteral("runsStatus"));
    m_status->setWordWrap(true);
    column->addWidget(m_status);

    auto* problemsLabel = new QLabel(tr("&Problems reading the logs:"), panel);
    m_problems = new QListWidget(panel);
    m_problems->setObjectName(QStringLiteral("runsProblems"));
    m_problems->setToolTip(tr("What could not be read, a line each: the file, the record or "
                              "line, and what is wrong. Everything else was read."));
    m_problems->setMinimumHeight(50);
    problemsLabel->setBuddy(m_problems);
    column->addWidget(problemsLabel);
    column->addWidget(m_problems, 1);
    return panel;
}

void RunsView::setExperimentModel(ExperimentModel* model)
{
    m_model = model;
    updateButtons();
}

void RunsView::importPaths(const QStringList& paths)
{
    if (paths.isEmpty())
        return;
    m_status->setText(tr("Reading %1…").arg(paths.join(QStringLiteral(", "))));
    m_watch->import(paths);
}

void RunsView::chooseFiles()
{
    userImport(QFileDialog::getOpenFileNames(
        this, tr("Import runs"), QString(),
        tr("Training logs (*tfevents* *.json *.csv);;All files (*)")));
}

void RunsView::chooseFolder()
{
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Import a folder of runs"));
    if (!folder.isEmpty())
        userImport({folder});
}

void RunsView::userImport(const QStringList& paths)
{
    if (paths.isEmpty())
        return;
    ++m_userImports;
    importPaths(paths);
}

void RunsView::acceptDropsOn(QWidget* widget)
{
    widget->setAcceptDrops(true);
    widget->installEventFilter(this);
}

bool RunsView::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::DragEnter) {
        auto* drag = static_cast<QDragEnterEvent*>(event);
        if (!localPaths(drag->mimeData()).isEmpty()) {
            drag->acceptProposedAction();
            return true;
        }
    } else if (event->type() == QEvent::Drop) {
        auto* drop = static_cast<QDropEvent*>(event);
        const QStringList paths = localPaths(drop->mimeData());
        if (!paths.isEmpty()) {
            drop->acceptProposedAction();
            userImport(paths);
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

int RunsView::rowOf(quint64 id) const
{
    for (int row = 0; row < m_table->rowCount(); ++row)
        if (m_table->item(row, NameColumn)->data(Qt::UserRole).toULongLong() == id)
            return row;
    return -1;
}

quint64 RunsView::selectedId() const
{
    const int row = m_table->currentRow();
    return row < 0 || !m_table->item(row, NameColumn)
               ? 0
               : m_table->item(row, NameColumn)->data(Qt::UserRole).toULongLong();
}

void RunsView::addRow(quint64 id)
{
    m_filling = true;
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    for (int c = 0; c < ColumnCount; ++c) {
        auto* item = new QTableWidgetItem;
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
        m_table->setItem(row, c, item);
    }
    m_table->item(row, NameColumn)->setData(Qt::UserRole, id);
    m_table->item(row, NameColumn)
        ->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
    m_table->item(row, FollowColumn)
        ->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
    m_filling = false;
    updateRow(id);
    if (m_table->currentRow() < 0)
        m_table->setCurrentCell(row, NameColumn);
}

void RunsView::updateRow(quint64 id)
{
    const ImportedRun* run = m_runs->find(id);
    const int row = rowOf(id);
    if (!run || row < 0)
        return;
    m_filling = true;
    QTableWidgetItem* name = m_table->item(row, NameColumn);
    name->setText(run->name);
    name->setForeground(run->colour);
    name->setCheckState(run->shown ? Qt::Checked : Qt::Unchecked);
    name->setToolTip(QString::fromStdString(run->log().source.path) +
                     (run->log().source.note.empty()
                          ? QString()
                          : QStringLiteral("\n") + QString::fromStdString(run->log().source.note)));
    m_table->item(row, FormatColumn)
        ->setText(QString::fromLatin1(logFormatName(run->log().source.format)));
    m_table->item(row, FollowColumn)->setCheckState(run->following ? Qt::Checked : Qt::Unchecked);
    m_table->item(row, PointsColumn)->setText(QString::number(run->log().pointCount()));
    const LogAnalysis& analysis = run->snapshot->analysis;
    QTableWidgetItem* schedule = m_table->item(row, ScheduleColumn);
    if (analysis.fit && analysis.fit->fits) {
        const ScheduleSpec& spec = analysis.fit->schedule;
        // Short in the list (the peak and every parameter are in the tooltip).
        schedule->setText(tr("%1 (error %2)")
                              .arg(QString::fromStdString(decayName(spec.decay)))
                              .arg(analysis.fit->maxRelativeError, 0, 'g', 2));
        schedule->setToolTip(QString::fromStdString(describeScheduleFit(*analysis.fit)));
    } else if (analysis.fit) {
        schedule->setText(tr("none fits"));
        schedule->setToolTip(QString::fromStdString(analysis.fit->reason));
    } else if (analysis.roles.count(LogRole::LearningRate) > 0) {
        schedule->setText(tr("none fits"));
        schedule->setToolTip(QString::fromStdString(analysis.fitError));
    } else {
        schedule->setText(QString());
        schedule->setToolTip(tr("The log has no learning rate."));
    }
    QTableWidgetItem* diagnosis = m_table->item(row, DiagnosisColumn);
    if (analysis.diagnosis) {
        diagnosis->setText(DiagnosisPanel::title(analysis.diagnosis->label));
        diagnosis->setToolTip(DiagnosisPanel::advice(analysis.diagnosis->label) +
                              QStringLiteral("\n") +
                              DiagnosisPanel::evidence(analysis.diagnosis->facts));
    } else {
        diagnosis->setText(QString());
        diagnosis->setToolTip(analysis.diagnosisError.empty()
                                  ? tr("The log has no training loss.")
                                  : QString::fromStdString(analysis.diagnosisError));
    }
    m_filling = false;
    m_table->resizeColumnToContents(NameColumn);
    m_table->resizeColumnToContents(FormatColumn);
}

void RunsView::itemChanged(QTableWidgetItem* item)
{
    if (m_filling)
        return;
    const QTableWidgetItem* name = m_table->item(item->row(), NameColumn);
    if (!name)
        return;
    const quint64 id = name->data(Qt::UserRole).toULongLong();
    const bool checked = item->checkState() == Qt::Checked;
    if (item->column() == NameColumn) {
        m_runs->setShown(id, checked);
        emit edited();
    } else if (item->column() == FollowColumn) {
        m_runs->setFollowing(id, checked);
        m_watch->setFollowing(id, checked);
        emit edited();
    }
}

void RunsView::setRoleOverrides(quint64 id, const LogRoleOverrides& overrides)
{
    const ImportedRun* run = m_runs->find(id);
    if (!run)
        return;
    m_status->setText(tr("Analysing %1 with the chosen series…").arg(run->name));
    m_watch->setRoleOverrides(id, overrides);
    if (id == selectedId())
        updateSeriesEditor();
}

void RunsView::updateSeriesEditor()
{
    const quint64 id = selectedId();
    m_series->setRun(m_runs->find(id), m_watch->roleOverrides(id));
}

std::vector<SessionLogRun> RunsView::savedRuns() const
{
    std::vector<SessionLogRun> saved;
    for (const ImportedRun& run : m_runs->runs()) {
        SessionLogRun entry;
        entry.path = run.log().source.path;
        entry.importRoot = m_watch->importRoot(run.id).toStdString();
        for (const auto& [role, tag] : m_watch->roleOverrides(run.id))
            entry.tags[logRoleName(role)] = tag;
        entry.shown = run.shown;
        entry.following = run.following;
        saved.push_back(std::move(entry));
    }
    return saved;
}

void RunsView::restoreRuns(const std::vector<SessionLogRun>& runs)
{
    std::vector<quint64> ids;
    for (const ImportedRun& run : m_runs->runs())
        ids.push_back(run.id);
    for (const quint64 id : ids) {
        m_watch->remove(id);
        m_runs->remove(id);
    }
    m_pathProblems.clear();
    m_restoredShown.clear();
    updateProblems();
    if (runs.empty())
        return;
    std::vector<LogWatch::SavedRun> requests;
    for (const SessionLogRun& run : runs) {
        LogWatch::SavedRun request;
        request.path = QString::fromStdString(run.path);
        request.importRoot = QString::fromStdString(run.importRoot);
        for (const LogRole role : kLogRoles)
            if (const auto tag = run.tags.find(logRoleName(role)); tag != run.tags.end())
                request.overrides[role] = tag->second;
        request.following = run.following;
        m_restoredShown[QFileInfo(request.path).absoluteFilePath()] = run.shown;
        requests.push_back(std::move(request));
    }
    m_status->setText(tr("Reading the session's %n run(s)…", "", int(runs.size())));
    m_watch->restore(requests);
}

void RunsView::removeSelected()
{
    const quint64 id = selectedId();
    if (id == 0)
        return;
    m_watch->remove(id);
    m_runs->remove(id);
    emit edited();
}

QStringList RunsView::importedPaths() const
{
    QStringList paths;
    for (const ImportedRun& run : m_runs->runs())
        paths << QString::fromStdString(run.log().source.path);
    return paths;
}

QStringList RunsView::problemLines() const
{
    QStringList lines;
    for (int i = 0; i < m_problems->count(); ++i)
        lines << m_problems->item(i)->text();
    return lines;
}

void RunsView::updateProblems()
{
    QStringList lines = m_pathProblems;
    for (const ImportedRun& run : m_runs->runs()) {
        const std::vector<LogProblem>& problems = run.log().problems;
        for (std::size_t i = 0; i < problems.size() && i < std::size_t(kProblemsPerRun); ++i)
            lines << QString::fromStdString(problems[i].text());
        if (problems.size() > std::size_t(kProblemsPerRun))
            lines << tr("%1: %n more problem(s)", "",
                        int(problems.size() - std::size_t(kProblemsPerRun)))
                         .arg(run.name);
    }
    if (lines == problemLines())
        return;
    m_problems->clear();
    for (const QString& line : lines) {
        auto* item = new QListWidgetItem(line, m_problems);
        item->setToolTip(line); // the whole line, however narrow the list
    }
}

void RunsView::updateButtons()
{
    m_remove->setEnabled(selectedId() != 0);
    const ImportedRun* run = m_runs->find(selectedId());
    const std::optional<ScheduleFit>& fit = run ? run->snapshot->analysis.fit : std::nullopt;
    m_openInLab->setEnabled(m_model && fit && fit->fits);
}

void RunsView::openInLab()
{
    const ImportedRun* run = m_runs->find(selectedId());
    if (!run || !m_model || !run->snapshot->analysis.fit || !run->snapshot->analysis.fit->fits)
        return;
    const ScheduleFit& fit = *run->snapshot->analysis.fit;
    // The whole logged run is replayed: as many steps as the log, at least the schedule's.
    std::int64_t logged = fit.schedule.totalSteps;
    if (const ScalarSeries* rates = run->series(LogRole::LearningRate))
        for (const ScalarPoint& p : *rates)
            logged = std::max<std::int64_t>(logged, p.step - fit.stepOffset + 1);
    // Too many steps are refused by the model with its reason.
    const int steps =
        static_cast<int>(std::min<std::int64_t>(logged, std::numeric_limits<int>::max()));
    const ScheduleSpec schedule = fit.schedule;
    const Refusal refusal = m_model->edit(QStringLiteral("schedule"), [&](RunConfig& config) {
        config.schedule = schedule;
        config.steps = steps;
    });
    m_status->setText(
        refusal ? tr("The schedule of %1 was not applied: %2").arg(run->name, refusal.reason)
                : tr("The explorer replays the schedule of %1 (%2 steps, peak "
                     "learning rate %3).")
                      .arg(run->name)
                      .arg(steps)
                      .arg(schedule.learningRate, 0, 'g', 3));
}

} // namespace lrlab
