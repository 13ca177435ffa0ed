#include "ui/export/export_controller.h"

#include "ui/compare/pinned_runs.h"
#include "ui/experiment_model.h"
#include "ui/export/animation_export.h"
#include "ui/export/export_run.h"
#include "ui/export/plot_export.h"
#include "ui/export/run_csv.h"
#include "ui/export/session_figures.h"
#include "ui/plots/plot_interaction.h"
#include "ui/session/session_controller.h"
#include "ui/shell/user_dialogs.h"
#include "ui/surface3d/landscape_3d_controller.h"
#include "ui/surface3d/surface3d_export.h"
#include "ui/widgets/playback_bar.h"
#include "ui/widgets/run_status_bar.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QMainWindow>
#include <QMenu>
#include <QSpinBox>
#include <QToolBar>

#include <algorithm>
#include <exception>
#include <functional>
#include <memory>
#include <optional>

namespace lrlab {

namespace {

/// Sets the wait cursor for a synchronous export (the runs are recomputed from their configs).
class WaitCursor
{
public:
    WaitCursor() { QApplication::setOverrideCursor(Qt::WaitCursor); }
    ~WaitCursor() { QApplication::restoreOverrideCursor(); }
    WaitCursor(const WaitCursor&) = delete;
    WaitCursor& operator=(const WaitCursor&) = delete;
};

/// Two spin boxes side by side with separator between them ("800 × 600", "0 – 200").
QWidget* pairRow(QWidget* parent, QWidget* first, const QString& separator, QWidget* second)
{
    auto* row = new QWidget(parent);
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(first);
    layout->addWidget(new QLabel(separator, row));
    layout->addWidget(second);
    return row;
}

QSpinBox* spinBox(QWidget* parent, int minimum, int maximum, int value)
{
    auto* box = new QSpinBox(parent);
    box->setRange(minimum, maximum);
    box->setValue(value);
    return box;
}

/// OK and Cancel at the end of form; true when the dialog was accepted.
bool execWithButtons(QDialog& dialog, QFormLayout* form)
{
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    QObject::connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    form->addRow(buttons);
    return dialog.exec() == QDialog::Accepted;
}

/// path with suffix appended when it has none.
QString withSuffix(const QString& path, const QString& suffix)
{
    return QFileInfo(path).suffix().isEmpty() ? path + QLatin1Char('.') + suffix : path;
}

} // namespace

ExportController::ExportController(const ExplorerParts& parts, UserDialogs* dialogs,
                                   QObject* parent)
    : QObject(parent), m_parts(parts), m_dialogs(dialogs)
{
    struct Figure
    {
        const char* action;
        const char* figure;
        QString text;
        QString tip;
    };
    const Figure figures[] = {
        {"exportLandscapeAction", "landscape", tr("&Landscape…"),
         tr("Save the loss landscape with every path as PNG, SVG or PDF.")},
        {"exportLossAction", "loss", tr("L&oss…"), tr("Save the loss curves as PNG, SVG or PDF.")},
        {"exportLrAction", "lr", tr("Learning &rate…"),
         tr("Save the learning-rate schedule plot as PNG, SVG or PDF.")},
        {"exportRunsAction", "runs", tr("&Imported runs…"),
         tr("Save the Runs dock's loss, validation-loss and learning-rate plots as PNG, SVG or "
            "PDF.")},
        {"exportSurface3dAction", kSurface3DFigure, tr("3-D l&andscape…"),
         tr("Save the 3-D landscape with every path and ball as PNG at any size.")},
        {"exportDashboardAction", "dashboard", tr("&Dashboard (all plots)…"),
         tr("Save every plot side by side as one PNG, SVG or PDF figure.")},
    };
    for (const Figure& f : figures) {
        const QString figure = QString::fromLatin1(f.figure);
        QAction* action = addAction(f.action, f.text, f.tip);
        // The 3-D landscape is an OpenGL image: PNG only, and only where OpenGL is.
        const bool surface3d = figure == QLatin1String(kSurface3DFigure);
        QString why;
        if (surface3d && !Surface3DView::available(&why)) {
            action->setEnabled(false);
            action->setToolTip(why);
        }
        connect(action, &QAction::triggered, this, [this, figure, surface3d] {
            exportFigureDialog(figure, surface3d ? QStringLiteral("png") : QString());
        });
        m_exportDashboard = action; // the last one
    }
    m_exportDashboard->setIconText(tr("Export figure"));
    m_menuActions.push_back(nullptr);

    m_copyDashboard = addAction("copyDashboardAction", tr("&Copy dashboard to clipboard"),
                                tr("Copy every plot as one image, to paste into slides or notes."));
    m_copyDashboard->setShortcut(QKeySequence(QStringLiteral("Ctrl+Shift+C")));
    m_copyDashboard->setIconText(tr("Copy"));
    connect(m_copyDashboard, &QAction::triggered, this,
            [this] { copyFigureAction(QStringLiteral("dashboard")); });
    m_menuActions.push_back(nullptr);

    const auto csv = [this](const char* name, const QString& text, const QString& tip,
                            CsvKind kind) {
        connect(addAction(name, text, tip), &QAction::triggered, this,
                [this, kind] { exportCsvDialog(kind); });
    };
    csv("exportCurrentCsvAction", tr("Current run as &CSV…"),
        tr("The current run's trace: step, learning rate, loss (and path or validation "
           "columns)."),
        CsvKind::Current);
    csv("exportCombinedCsvAction", tr("All shown runs as &one CSV…"),
        tr("Every shown run in one table, with a leading \"run\" column."), CsvKind::Combined);
    csv("exportCsvFilesAction", tr("One CSV &per shown run…"),
        tr("One trace file per shown run, in a folder you choose."), CsvKind::PerRun);
    m_menuActions.push_back(nullptr);

    m_exportGif = addAction("exportGifAction", tr("Animation as &GIF…"),
                            tr("Render the playback of the shown runs as an animated GIF."));
    m_exportGif->setIconText(tr("GIF"));
    connect(m_exportGif, &QAction::triggered, this, &ExportController::exportGifDialog);

    for (const char* name : {"landscape", "loss", "lr"})
        if (QWidget* plot = figureWidget(QString::fromLatin1(name)))
            addPlotContextMenu(plot, QString::fromLatin1(name));
    // The Runs dock's plots export the dock's three plots as one figure.
    if (QWidget* runs = figureWidget(QStringLiteral("runs")))
        for (QCustomPlot* plot : runs->findChildren<QCustomPlot*>())
            addPlotContextMenu(plot, QStringLiteral("runs"));
}

QAction* ExportController::addAction(const char* name, const QString& text, const QString& tip)
{
    auto* action = new QAction(text, this);
    action->setObjectName(QString::fromLatin1(name));
    action->setToolTip(tip);
    action->setStatusTip(tip);
    m_menuActions.push_back(action);
    return action;
}

void ExportController::addToFileMenu(QMenu* menu)
{
    auto* exportMenu = new QMenu(tr("&Export"), menu);
    exportMenu->setObjectName(QStringLiteral("exportMenu"));
    for (QAction* action : m_menuActions) {
        if (action)
            exportMenu->addAction(action);
        else
            exportMenu->addSeparator();
    }
    menu->addMenu(exportMenu);
}

void ExportController::addToToolBar(QToolBar* bar)
{
    bar->addAction(m_exportDashboard);
    bar->addAction(m_copyDashboard);
    bar->addAction(m_exportGif);
}

void ExportController::addPlotContextMenu(QWidget* plot, const QString& figure)
{
    plot->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(plot, &QWidget::customContextMenuRequested, this,
            [this, plot, figure](const QPoint& pos) {
                QMenu menu(plot);
                PlotInteraction::addViewActions(plot, &menu); // zoom, reset, log scale
                for (const char* format : {"png", "svg", "pdf"}) {
                    const QString f = QString::fromLatin1(format);
                    menu.addAction(tr("Export as %1…").arg(f.toUpper()), this,
                                   [this, figure, f] { exportFigureDialog(figure, f); });
                }
                menu.addAction(tr("Copy to clipboard"), this,
                               [this, figure] { copyFigureAction(figure); });
                menu.exec(plot->mapToGlobal(pos));
            });
}

void ExportController::showStatus(const QString& text)
{
    if (m_parts.status)
        m_parts.status->setStatus(text);
}

// ---------------------------------------------------------------------------------------------
// Figures

QWidget* ExportController::figureWidget(const QString& figure) const
{
    return m_parts.figure ? m_parts.figure(figure) : nullptr;
}

void ExportController::exportFigureDialog(const QString& figure, const QString& format)
{
    QWidget* widget = figureWidget(figure);
    if (!m_dialogs->enabled() || !widget)
        return;
    const QString filter =
        format.isEmpty() ? figureFileFilter() : tr("%1 files (*.%2)").arg(format.toUpper(), format);
    QString selected;
    QString file = QFileDialog::getSaveFileName(
        m_parts.window, tr("Export figure"),
        figure + QLatin1Char('.') + (format.isEmpty() ? QStringLiteral("png") : format), filter,
        &selected);
    if (file.isEmpty())
        return;
    if (!figureFormatFromName(QFileInfo(file).suffix())) {
        const QString suffix = !format.isEmpty()                           ? format
                               : selected.contains(QLatin1String("*.svg")) ? QStringLiteral("svg")
                               : selected.contains(QLatin1String("*.pdf")) ? QStringLiteral("pdf")
                                                                           : QStringLiteral("png");
        file += QLatin1Char('.') + suffix;
    }
    const bool png = figureFormatFromName(QFileInfo(file).suffix()) == FigureFormat::Png;

    QDialog dialog(m_parts.window);
    dialog.setWindowTitle(tr("Figure size"));
    auto* form = new QFormLayout(&dialog);
    auto* width = spinBox(&dialog, 16, 16000, widget->width());
    width->setSuffix(tr(" px"));
    auto* height = spinBox(&dialog, 16, 16000, widget->height());
    height->setSuffix(tr(" px"));
    form->addRow(tr("Size:"), pairRow(&dialog, width, QStringLiteral("×"), height));
    auto* factor = new QDoubleSpinBox(&dialog);
    factor->setRange(0.1, 10.0);
    factor->setDecimals(2);
    factor->setSingleStep(0.5);
    factor->setValue(png ? 2.0 : 1.0);
    factor->setSuffix(QStringLiteral("×"));
    factor->setToolTip(tr("Pixels per point of the layout: 2× gives a sharp image for slides "
                          "and print at the same layout; larger files."));
    factor->setEnabled(png);
    form->addRow(tr("Scale (PNG):"), factor);
    if (!execWithButtons(dialog, form))
        return;
    exportFigureTo(figure, file, QSize(width->value(), height->value()), factor->value());
}

bool ExportController::exportFigureTo(const QString& figure, const QString& path, QSize size,
                                      double scale)
{
    QWidget* widget = figureWidget(figure);
    const std::optional<FigureFormat> format = figureFormatFromName(QFileInfo(path).suffix());
    if (!widget || !format) {
        m_dialogs->reportError(tr("Export figure"),
                               !widget ? tr("There is no figure \"%1\".").arg(figure)
                                       : tr("Unknown figure format of %1: use .png, .svg or .pdf.")
                                             .arg(QFileInfo(path).fileName()));
        return false;
    }
    FigureExportOptions options;
    options.size = size;
    options.scale = *format == FigureFormat::Png ? scale : 1.0;
    options.title = QFileInfo(path).completeBaseName();
    try {
        if (figure == QLatin1String(kSurface3DFigure) && m_parts.landscape3d)
            saveSurface3DPng(*m_parts.landscape3d->view(), path,
                             size.isValid() ? size : widget->size(), options.scale);
        else
            saveFigure(widget, path, *format, options);
    } catch (const std::exception& e) {
        m_dialogs->reportError(
            tr("Export figure"),
            tr("The figure could not be saved:\n%1").arg(QString::fromUtf8(e.what())));
        return false;
    }
    return true;
}

void ExportController::copyFigureAction(const QString& figure)
{
    if (copyFigure(figure))
        showStatus(tr("The figure is on the clipboard."));
}

bool ExportController::copyFigure(const QString& figure)
{
    QWidget* widget = figureWidget(figure);
    if (!widget) {
        m_dialogs->reportError(tr("Copy figure"), tr("There is no figure \"%1\".").arg(figure));
        return false;
    }
    FigureExportOptions options;
    options.scale = m_parts.window ? m_parts.window->devicePixelRatioF() : 1.0;
    try {
        copyFigureToClipboard(widget, options);
    } catch (const std::exception& e) {
        m_dialogs->reportError(tr("Copy figure"), QString::fromUtf8(e.what()));
        return false;
    }
    return true;
}

// ---------------------------------------------------------------------------------------------
// Run data

std::vector<ExportRun> ExportController::shownExportRuns() const
{
    std::vector<ExportRun> runs;
    bool current = false;
    for (const ShownRun& run : m_parts.pins->shown()) {
        runs.push_back(computeExportRun(run.record->config, run.label));
        runs.back().current = run.current;
        current = current || run.current;
    }
    if (!current) {
        runs.push_back(computeExportRun(m_parts.model->config(), tr("current")));
        runs.back().current = true;
    }
    return runs;
}

void ExportController::exportCsvDialog(CsvKind kind)
{
    if (!m_dialogs->enabled())
        return;
    if (kind == CsvKind::PerRun) {
        const QString directory =
            QFileDialog::getExistingDirectory(m_parts.window, tr("Export one CSV per run"));
        if (directory.isEmpty())
            return;
        const QStringList files = exportRunCsvFiles(directory);
        if (!files.isEmpty())
            showStatus(tr("%n CSV file(s) written.", nullptr, static_cast<int>(files.size())));
        return;
    }
    const bool current = kind == CsvKind::Current;
    const QString file = QFileDialog::getSaveFileName(
        m_parts.window,
        current ? tr("Export the current run as CSV") : tr("Export the shown runs as one CSV"),
        current ? QStringLiteral("trace.csv") : QStringLiteral("runs.csv"),
        tr("CSV files (*.csv)"));
    if (file.isEmpty())
        return;
    if (current)
        exportCurrentRunCsv(withSuffix(file, QStringLiteral("csv")));
    else
        exportShownRunsCsv(withSuffix(file, QStringLiteral("csv")));
}

bool ExportController::exportCsv(const QString& failure, const std::function<void()>& write)
{
    try {
        WaitCursor wait;
        write();
    } catch (const std::exception& e) {
        m_dialogs->reportError(tr("Export CSV"), failure.arg(QString::fromUtf8(e.what())));
        return false;
    }
    return true;
}

bool ExportController::exportCurrentRunCsv(const QString& path)
{
    return exportCsv(tr("The run could not be exported:\n%1"), [&] {
        // The run the plots show; the model's config before the first one arrives.
        const ShownRun* shown = m_parts.pins->find(PinnedRuns::kCurrentId);
        const RunConfig config = shown ? shown->record->config : m_parts.model->config();
        saveRunCsv(computeExportRun(config, tr("current")), path);
    });
}

bool ExportController::exportShownRunsCsv(const QString& path)
{
    return exportCsv(tr("The runs could not be exported:\n%1"),
                     [&] { saveCombinedCsv(shownExportRuns(), path); });
}

QStringList ExportController::exportRunCsvFiles(const QString& directory)
{
    QStringList files;
    exportCsv(tr("The runs could not be exported:\n%1"),
              [&] { files = saveRunCsvFiles(shownExportRuns(), directory); });
    return files;
}

// ---------------------------------------------------------------------------------------------
// Animation

void ExportController::exportGifDialog()
{
    if (!m_dialogs->enabled())
        return;
    QDialog dialog(m_parts.window);
    dialog.setWindowTitle(tr("Export animation as GIF"));
    auto* form = new QFormLayout(&dialog);
    auto* kind = new QComboBox(&dialog);
    kind->addItem(tr("Landscape"), QStringLiteral("landscape"));
    kind->addItem(tr("Loss"), QStringLiteral("loss"));
    kind->addItem(tr("Learning rate"), QStringLiteral("lr"));
    kind->addItem(tr("Dashboard"), QStringLiteral("dashboard"));
    if (m_parts.landscape3d && Surface3DView::available())
        kind->addItem(tr("3-D landscape"), QString::fromLatin1(kSurface3DFigure));
    form->addRow(tr("Figure:"), kind);
    auto* orbit = spinBox(&dialog, 0, 720, 0);
    orbit->setSuffix(QStringLiteral("°"));
    orbit->setToolTip(tr("3-D landscape: how far the camera turns around it over the animation "
                         "(0: the camera stays)."));
    orbit->setEnabled(false);
    form->addRow(tr("Camera orbit:"), orbit);
    connect(kind, &QComboBox::currentIndexChanged, &dialog, [=] {
        orbit->setEnabled(kind->currentData().toString() == QLatin1String(kSurface3DFigure));
    });
    const AnimationOptions defaults = defaultAnimationOptions();
    auto* width = spinBox(&dialog, 16, 4000, defaults.size.width());
    auto* height = spinBox(&dialog, 16, 4000, defaults.size.height());
    connect(kind, &QComboBox::currentIndexChanged, &dialog, [=] {
        const auto k = figureKindFromName(kind->currentData().toString());
        const QSize size = SessionFigures::defaultSize(k ? *k : FigureKind::Landscape);
        width->setValue(size.width());
        height->setValue(size.height());
    });
    form->addRow(tr("Size (px):"), pairRow(&dialog, width, QStringLiteral("×"), height));
    auto* fps = new QDoubleSpinBox(&dialog);
    fps->setRange(1.0, 50.0);
    fps->setDecimals(0);
    fps->setValue(defaults.framesPerSecond);
    fps->setToolTip(tr("Frames per second: more is smoother and a larger file."));
    form->addRow(tr("Frame rate:"), fps);
    const int last = m_parts.playback ? std::max(0, m_parts.playback->maximumStep()) : 0;
    auto* first = spinBox(&dialog, 0, last, defaults.firstStep);
    auto* end = spinBox(&dialog, 0, last, last);
    end->setToolTip(tr("The last step of the playback means the end of every shown run."));
    form->addRow(tr("Steps:"), pairRow(&dialog, first, QStringLiteral("–"), end));
    auto* palette = new QComboBox(&dialog);
    palette->addItem(tr("Best colours per frame"));
    palette->addItem(tr("One fixed palette (smaller, faster)"));
    form->addRow(tr("Palette:"), palette);
    if (!execWithButtons(dialog, form))
        return;
    const QString file =
        QFileDialog::getSaveFileName(m_parts.window, tr("Export animation"),
                                     QStringLiteral("playback.gif"), tr("GIF animations (*.gif)"));
    if (file.isEmpty())
        return;
    AnimationOptions options;
    options.size = QSize(width->value(), height->value());
    options.framesPerSecond = fps->value();
    options.firstStep = std::min(first->value(), end->value());
    options.lastStep = std::max(first->value(), end->value());
    if (options.lastStep >= last) // the end of the runs, however the playback counts it
        options.lastStep = defaults.lastStep;
    options.palette = palette->currentIndex() == 0 ? GifPalette::PerFrame : GifPalette::Fixed;
    options.orbitDegrees = orbit->value();
    exportAnimationTo(kind->currentData().toString(), options,
                      withSuffix(file, QStringLiteral("gif")));
}

AnimationOptions ExportController::defaultAnimationOptions() const
{
    AnimationOptions options;
    options.size = SessionFigures::defaultSize(FigureKind::Landscape);
    options.firstStep = 0;
    options.lastStep = -1;
    return options;
}

bool ExportController::exportAnimationTo(const QString& figure, const AnimationOptions& options,
                                         const QString& path)
{
    if (figure == QLatin1String(kSurface3DFigure) && m_parts.landscape3d) {
        // Each frame is an OpenGL render (tens of ms under software rendering): the same
        // progress dialog with Cancel as the 2-D figures.
        const auto work = [&](const ExportProgress& progress) {
            return exportSurface3DGif(*m_parts.landscape3d->view(), options,
                                      m_parts.playback ? m_parts.playback->maximumStep() : 0, path,
                                      progress);
        };
        try {
            if (m_dialogs->enabled())
                return runWithExportProgress(m_parts.window, work);
            WaitCursor wait;
            return work({});
        } catch (const std::exception& e) {
            m_dialogs->reportError(
                tr("Export animation"),
                tr("The animation could not be saved:\n%1").arg(QString::fromUtf8(e.what())));
            return false;
        }
    }
    const std::optional<FigureKind> kind = figureKindFromName(figure);
    if (!kind) {
        m_dialogs->reportError(tr("Export animation"),
                               tr("There is no figure \"%1\".").arg(figure));
        return false;
    }
    try {
        std::unique_ptr<SessionFigures> figures;
        {
            WaitCursor wait;
            figures = std::make_unique<SessionFigures>(shownExportRuns(),
                                                       SessionController::captureView(m_parts));
        }
        if (m_dialogs->enabled()) // a progress dialog with Cancel, closed before an error below
            return exportAnimationGifWithProgress(m_parts.window, *figures, *kind, options, path);
        return exportAnimationGif(*figures, *kind, options, path);
    } catch (const std::exception& e) {
        m_dialogs->reportError(
            tr("Export animation"),
            tr("The animation could not be saved:\n%1").arg(QString::fromUtf8(e.what())));
        return false;
    }
}

} // namespace lrlab
