// MainWindow, part A: export of the window's figures (PNG/SVG/PDF at a chosen size and scale,
// clipboard), of the shown runs' traces as CSV, and of the playback as an animated GIF; from
// File ▸ Export, a toolbar and each plot's context menu.
#include "ui/main_window_part_a.h"

#include "ui/export/animation_export.h"
#include "ui/export/plot_export.h"
#include "ui/export/run_csv.h"
#include "ui/export/session_figures.h"
#include "ui/widgets/playback_bar.h"

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
#include <QMenu>
#include <QSpinBox>
#include <QToolBar>

#include <qcustomplot.h>

#include <algorithm>
#include <exception>
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

/// "800 × 600" fields and, for PNG, the scale; false when cancelled.
bool askFigureSize(QWidget* parent, QSize& size, double& scale, bool png)
{
    QDialog dialog(parent);
    dialog.setWindowTitle(MainWindow::tr("Figure size"));
    auto* form = new QFormLayout(&dialog);
    auto* width = new QSpinBox(&dialog);
    width->setRange(16, 16000);
    width->setValue(size.width());
    width->setSuffix(MainWindow::tr(" px"));
    auto* height = new QSpinBox(&dialog);
    height->setRange(16, 16000);
    height->setValue(size.height());
    height->setSuffix(MainWindow::tr(" px"));
    auto* row = new QWidget(&dialog);
    auto* rowLayout = new QHBoxLayout(row);
    rowLayout->setContentsMargins(0, 0, 0, 0);
    rowLayout->addWidget(width);
    rowLayout->addWidget(new QLabel(QStringLiteral("×"), row));
    rowLayout->addWidget(height);
    form->addRow(MainWindow::tr("Size:"), row);
    auto* factor = new QDoubleSpinBox(&dialog);
    factor->setRange(0.1, 10.0);
    factor->setDecimals(2);
    factor->setSingleStep(0.5);
    factor->setValue(scale);
    factor->setSuffix(QStringLiteral("×"));
    factor->setToolTip(MainWindow::tr("Pixels per point of the layout: 2× gives a sharp image "
                                      "for slides and print at the same layout; larger files."));
    factor->setEnabled(png);
    form->addRow(MainWindow::tr("Scale (PNG):"), factor);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel,
                                         &dialog);
    QObject::connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    form->addRow(buttons);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    size = QSize(width->value(), height->value());
    scale = factor->value();
    return true;
}

}  // namespace

void MainWindow::PartA::setupExport()
{
    exportMenu = new QMenu(&w);
    exportMenu->setObjectName(QStringLiteral("exportMenu"));
    const auto action = [this](const char* id, auto slot) {
        auto* act = new QAction(&w);
        act->setObjectName(QString::fromLatin1(id));
        QObject::connect(act, &QAction::triggered, &w, slot);
        actions[QString::fromLatin1(id)] = act;
        return act;
    };
    exportMenu->addAction(action("exportLandscapeAction",
                                 [this] { exportFigureDialog(QStringLiteral("landscape"), {}); }));
    exportMenu->addAction(
        action("exportLossAction", [this] { exportFigureDialog(QStringLiteral("loss"), {}); }));
    exportMenu->addAction(
        action("exportLrAction", [this] { exportFigureDialog(QStringLiteral("lr"), {}); }));
    exportMenu->addAction(action("exportDashboardAction",
                                 [this] { exportFigureDialog(QStringLiteral("dashboard"), {}); }));
    exportMenu->addSeparator();
    QAction* copy = action("copyDashboardAction",
                           [this] { copyFigureAction(QStringLiteral("dashboard")); });
    copy->setShortcut(QKeySequence(QStringLiteral("Ctrl+Shift+C")));
    exportMenu->addAction(copy);
    exportMenu->addSeparator();
    exportMenu->addAction(action("exportCurrentCsvAction", [this] { exportCsvDialog(0); }));
    exportMenu->addAction(action("exportCombinedCsvAction", [this] { exportCsvDialog(1); }));
    exportMenu->addAction(action("exportCsvFilesAction", [this] { exportCsvDialog(2); }));
    exportMenu->addSeparator();
    exportMenu->addAction(action("exportGifAction", [this] { exportGifDialog(); }));

    toolBar = w.addToolBar(QString());
    toolBar->setObjectName(QStringLiteral("sessionToolBar"));
    toolBar->addAction(actions.at(QStringLiteral("saveSessionAction")));
    toolBar->addAction(actions.at(QStringLiteral("exportDashboardAction")));
    toolBar->addAction(copy);
    toolBar->addAction(actions.at(QStringLiteral("exportGifAction")));

    addPlotContextMenu(w.m_mapPlot, QStringLiteral("landscape"));
    addPlotContextMenu(w.m_lossPlot, QStringLiteral("loss"));
    addPlotContextMenu(w.m_lrPlot, QStringLiteral("lr"));
}

void MainWindow::PartA::addPlotContextMenu(QWidget* plot, const QString& figureName)
{
    plot->setContextMenuPolicy(Qt::CustomContextMenu);
    QObject::connect(plot, &QWidget::customContextMenuRequested, &w,
                     [this, plot, figureName](const QPoint& pos) {
                         QMenu menu(plot);
                         for (const char* format : {"png", "svg", "pdf"}) {
                             const QString f = QString::fromLatin1(format);
                             menu.addAction(MainWindow::tr("Export as %1…").arg(f.toUpper()),
                                            &w, [this, figureName, f] {
                                                exportFigureDialog(figureName, f);
                                            });
                         }
                         menu.addAction(MainWindow::tr("Copy to clipboard"), &w,
                                        [this, figureName] { copyFigureAction(figureName); });
                         menu.exec(plot->mapToGlobal(pos));
                     });
}

QWidget* MainWindow::PartA::figure(const QString& name) const
{
    if (name == QLatin1String("landscape"))
        return w.m_mapPlot;
    if (name == QLatin1String("loss"))
        return w.m_lossPlot;
    if (name == QLatin1String("lr"))
        return w.m_lrPlot;
    if (name == QLatin1String("dashboard"))
        return w.m_mapPlot->parentWidget();  // the splitter of every plot
    return nullptr;
}

QWidget* MainWindow::figureWidget(const QString& figure) const
{
    return m_partA ? m_partA->figure(figure) : nullptr;
}

void MainWindow::PartA::exportFigureDialog(const QString& figureName, const QString& format)
{
    if (!dialogs)
        return;
    QWidget* widget = figure(figureName);
    const QString filter = format.isEmpty()
                               ? figureFileFilter()
                               : MainWindow::tr("%1 files (*.%2)").arg(format.toUpper(), format);
    QString selected;
    QString file = QFileDialog::getSaveFileName(
        &w, MainWindow::tr("Export figure"),
        figureName + QLatin1Char('.') + (format.isEmpty() ? QStringLiteral("png") : format),
        filter, &selected);
    if (file.isEmpty())
        return;
    if (!figureFormatFromName(QFileInfo(file).suffix())) {
        const QString suffix = !format.isEmpty()                     ? format
                               : selected.contains(QLatin1String("*.svg")) ? QStringLiteral("svg")
                               : selected.contains(QLatin1String("*.pdf")) ? QStringLiteral("pdf")
                                                                           : QStringLiteral("png");
        file += QLatin1Char('.') + suffix;
    }
    const bool png = figureFormatFromName(QFileInfo(file).suffix()) == FigureFormat::Png;
    QSize size = widget->size();
    double scale = png ? 2.0 : 1.0;
    if (!askFigureSize(&w, size, scale, png))
        return;
    w.exportFigureTo(figureName, file, size, scale);
}

bool MainWindow::exportFigureTo(const QString& figure, const QString& path, QSize size,
                                double scale)
{
    PartA& a = *m_partA;
    QWidget* widget = a.figure(figure);
    const std::optional<FigureFormat> format = figureFormatFromName(QFileInfo(path).suffix());
    if (!widget || !format) {
        a.reportError(tr("Export figure"),
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
        saveFigure(widget, path, *format, options);
    } catch (const std::exception& e) {
        a.reportError(tr("Export figure"),
                      tr("The figure could not be saved:\n%1").arg(QString::fromUtf8(e.what())));
        return false;
    }
    return true;
}

void MainWindow::PartA::copyFigureAction(const QString& figureName)
{
    if (w.copyFigure(figureName))
        w.setRunStatus(MainWindow::tr("The figure is on the clipboard."), false);
}

bool MainWindow::copyFigure(const QString& figure)
{
    QWidget* widget = figureWidget(figure);
    if (!widget) {
        m_partA->reportError(tr("Copy figure"), tr("There is no figure \"%1\".").arg(figure));
        return false;
    }
    FigureExportOptions options;
    options.scale = devicePixelRatioF();
    try {
        copyFigureToClipboard(widget, options);
    } catch (const std::exception& e) {
        m_partA->reportError(tr("Copy figure"), QString::fromUtf8(e.what()));
        return false;
    }
    return true;
}

// ---------------------------------------------------------------------------------------------
// Run data

std::vector<ExportRun> MainWindow::PartA::shownExportRuns() const
{
    std::vector<ExportRun> runs;
    bool current = false;
    for (const ShownRun& run : w.shownRuns()) {
        runs.push_back(computeExportRun(run.record->config, run.label));
        runs.back().current = run.current;
        current = current || run.current;
    }
    if (!current) {
        runs.push_back(computeExportRun(w.currentConfig(), MainWindow::tr("current")));
        runs.back().current = true;
    }
    return runs;
}

void MainWindow::PartA::exportCsvDialog(int mode)
{
    if (!dialogs)
        return;
    const QString filter = MainWindow::tr("CSV files (*.csv)");
    if (mode == 2) {
        const QString directory =
            QFileDialog::getExistingDirectory(&w, MainWindow::tr("Export one CSV per run"));
        if (directory.isEmpty())
            return;
        const QStringList files = w.exportRunCsvFiles(directory);
        if (!files.isEmpty())
            w.setRunStatus(MainWindow::tr("%n CSV file(s) written.", nullptr,
                                          static_cast<int>(files.size())),
                           false);
        return;
    }
    QString file = QFileDialog::getSaveFileName(
        &w, mode == 0 ? MainWindow::tr("Export the current run as CSV")
                      : MainWindow::tr("Export the shown runs as one CSV"),
        mode == 0 ? QStringLiteral("trace.csv") : QStringLiteral("runs.csv"), filter);
    if (file.isEmpty())
        return;
    if (QFileInfo(file).suffix().isEmpty())
        file += QStringLiteral(".csv");
    if (mode == 0)
        w.exportCurrentRunCsv(file);
    else
        w.exportShownRunsCsv(file);
}

bool MainWindow::exportCurrentRunCsv(const QString& path)
{
    try {
        WaitCursor wait;
        const RunConfig config = m_currentRecord ? m_currentRecord->config : currentConfig();
        saveRunCsv(computeExportRun(config, tr("current")), path);
    } catch (const std::exception& e) {
        m_partA->reportError(tr("Export CSV"), tr("The run could not be exported:\n%1")
                                                   .arg(QString::fromUtf8(e.what())));
        return false;
    }
    return true;
}

bool MainWindow::exportShownRunsCsv(const QString& path)
{
    try {
        WaitCursor wait;
        saveCombinedCsv(m_partA->shownExportRuns(), path);
    } catch (const std::exception& e) {
        m_partA->reportError(tr("Export CSV"), tr("The runs could not be exported:\n%1")
                                                   .arg(QString::fromUtf8(e.what())));
        return false;
    }
    return true;
}

QStringList MainWindow::exportRunCsvFiles(const QString& directory)
{
    try {
        WaitCursor wait;
        return saveRunCsvFiles(m_partA->shownExportRuns(), directory);
    } catch (const std::exception& e) {
        m_partA->reportError(tr("Export CSV"), tr("The runs could not be exported:\n%1")
                                                   .arg(QString::fromUtf8(e.what())));
        return {};
    }
}

// ---------------------------------------------------------------------------------------------
// Animation

void MainWindow::PartA::exportGifDialog()
{
    if (!dialogs)
        return;
    QDialog dialog(&w);
    dialog.setWindowTitle(MainWindow::tr("Export animation as GIF"));
    auto* form = new QFormLayout(&dialog);
    auto* kind = new QComboBox(&dialog);
    kind->addItem(MainWindow::tr("Landscape"), QStringLiteral("landscape"));
    kind->addItem(MainWindow::tr("Loss"), QStringLiteral("loss"));
    kind->addItem(MainWindow::tr("Learning rate"), QStringLiteral("lr"));
    kind->addItem(MainWindow::tr("Dashboard"), QStringLiteral("dashboard"));
    form->addRow(MainWindow::tr("Figure:"), kind);
    const QSize defaultSize = SessionFigures::defaultSize(FigureKind::Landscape);
    auto* width = new QSpinBox(&dialog);
    width->setRange(16, 4000);
    width->setValue(defaultSize.width());
    auto* height = new QSpinBox(&dialog);
    height->setRange(16, 4000);
    height->setValue(defaultSize.height());
    QObject::connect(kind, &QComboBox::currentIndexChanged, &dialog, [=] {
        const auto k = figureKindFromName(kind->currentData().toString());
        const QSize size = SessionFigures::defaultSize(k ? *k : FigureKind::Landscape);
        width->setValue(size.width());
        height->setValue(size.height());
    });
    auto* sizeRow = new QWidget(&dialog);
    auto* sizeLayout = new QHBoxLayout(sizeRow);
    sizeLayout->setContentsMargins(0, 0, 0, 0);
    sizeLayout->addWidget(width);
    sizeLayout->addWidget(new QLabel(QStringLiteral("×"), sizeRow));
    sizeLayout->addWidget(height);
    form->addRow(MainWindow::tr("Size (px):"), sizeRow);
    auto* fps = new QDoubleSpinBox(&dialog);
    fps->setRange(1.0, 50.0);
    fps->setDecimals(0);
    fps->setValue(15.0);
    fps->setToolTip(MainWindow::tr("Frames per second: more is smoother and a larger file."));
    form->addRow(MainWindow::tr("Frame rate:"), fps);
    const int last = std::max(0, w.m_playback->maximumStep());
    auto* first = new QSpinBox(&dialog);
    first->setRange(0, last);
    first->setValue(0);
    auto* end = new QSpinBox(&dialog);
    end->setRange(0, last);
    end->setValue(last);
    auto* rangeRow = new QWidget(&dialog);
    auto* rangeLayout = new QHBoxLayout(rangeRow);
    rangeLayout->setContentsMargins(0, 0, 0, 0);
    rangeLayout->addWidget(first);
    rangeLayout->addWidget(new QLabel(QStringLiteral("–"), rangeRow));
    rangeLayout->addWidget(end);
    form->addRow(MainWindow::tr("Steps:"), rangeRow);
    auto* palette = new QComboBox(&dialog);
    palette->addItem(MainWindow::tr("Best colours per frame"));
    palette->addItem(MainWindow::tr("One fixed palette (smaller, faster)"));
    form->addRow(MainWindow::tr("Palette:"), palette);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel,
                                         &dialog);
    QObject::connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    form->addRow(buttons);
    if (dialog.exec() != QDialog::Accepted)
        return;
    QString file = QFileDialog::getSaveFileName(&w, MainWindow::tr("Export animation"),
                                                QStringLiteral("playback.gif"),
                                                MainWindow::tr("GIF animations (*.gif)"));
    if (file.isEmpty())
        return;
    if (QFileInfo(file).suffix().isEmpty())
        file += QStringLiteral(".gif");
    AnimationOptions options;
    options.size = QSize(width->value(), height->value());
    options.framesPerSecond = fps->value();
    options.firstStep = std::min(first->value(), end->value());
    options.lastStep = std::max(first->value(), end->value());
    options.palette = palette->currentIndex() == 0 ? GifPalette::PerFrame : GifPalette::Fixed;
    w.exportAnimationTo(kind->currentData().toString(), options, file);
}

bool MainWindow::exportAnimationTo(const QString& figure, const AnimationOptions& options,
                                   const QString& path)
{
    PartA& a = *m_partA;
    const std::optional<FigureKind> kind = figureKindFromName(figure);
    if (!kind) {
        a.reportError(tr("Export animation"), tr("There is no figure \"%1\".").arg(figure));
        return false;
    }
    try {
        std::unique_ptr<SessionFigures> figures;
        {
            WaitCursor wait;
            figures = std::make_unique<SessionFigures>(a.shownExportRuns(), captureSession().view);
        }
        if (a.dialogs)  // a progress dialog with Cancel; it reports its own errors
            return exportAnimationGifWithProgress(this, *figures, *kind, options, path);
        return exportAnimationGif(*figures, *kind, options, path);
    } catch (const std::exception& e) {
        a.reportError(tr("Export animation"), tr("The animation could not be saved:\n%1")
                                                  .arg(QString::fromUtf8(e.what())));
        return false;
    }
}

}  // namespace lrlab
