#include "ui/export/plot_export.h"

#include "core/util/format.h"
#include "core/util/output_file.h"
#include "ui/export/export_budget.h"

#include <QBuffer>
#include <QClipboard>
#include <QCoreApplication>
#include <QFileDialog>
#include <QFileInfo>
#include <QGuiApplication>
#include <QMessageBox>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QSvgGenerator>
#include <QWidget>

#include <qcustomplot.h>

#include <cmath>
#include <stdexcept>
#include <vector>

namespace lrlab {

namespace {

/// Logical dots per inch of every export: the screen's nominal 96, so point-sized fonts take
/// the same room on paper as in the window.
constexpr int kExportDpi = 96;
constexpr int kMaxSide = 20000;

QString tr(const char* text)
{
    return QCoreApplication::translate("lrlab::PlotExport", text);
}

QSize resolvedSize(QWidget* figure, const FigureExportOptions& options)
{
    if (figure == nullptr)
        throw std::invalid_argument("export: no figure");
    const QSize size = options.size.isValid() ? options.size : figure->size();
    if (size.width() < 1 || size.height() < 1 || size.width() > kMaxSide ||
        size.height() > kMaxSide)
        throw std::invalid_argument("size: " + std::to_string(size.width()) + "x" +
                                    std::to_string(size.height()) + " is outside 1.." +
                                    std::to_string(kMaxSide) + " per side");
    return size;
}

void checkScale(const QSize& size, double scale)
{
    if (!(scale >= 0.1 && scale <= 10.0))
        throw std::invalid_argument("scale: " + formatSignificant(scale, 6) +
                                    " is outside [0.1, 10]");
    checkExportBudget(ExportKind::Raster, size, scale, 1);
}

struct PlacedPlot
{
    QCustomPlot* plot;
    QRectF rect; ///< in the exported figure's logical pixels
};

/// The plots of figure and where they go in an image of size target.
std::vector<PlacedPlot> placePlots(QWidget* figure, const QSize& target)
{
    if (auto* plot = qobject_cast<QCustomPlot*>(figure))
        return {{plot, QRectF(QPointF(0, 0), QSizeF(target))}};
    const QSize own = figure->size();
    if (own.width() < 1 || own.height() < 1)
        throw std::invalid_argument("export: the figure has no size");
    const double sx = static_cast<double>(target.width()) / own.width();
    const double sy = static_cast<double>(target.height()) / own.height();
    std::vector<PlacedPlot> placed;
    for (QCustomPlot* plot : figure->findChildren<QCustomPlot*>()) {
        if (!plot->isVisibleTo(figure) || plot->width() < 1 || plot->height() < 1)
            continue;
        const QPoint at = plot->mapTo(figure, QPoint(0, 0));
        placed.push_back(
            {plot, QRectF(at.x() * sx, at.y() * sy, plot->width() * sx, plot->height() * sy)});
    }
    return placed;
}

/// Draws every plot of figure onto an active painter whose coordinates are logical pixels.
void paintFigure(QCPPainter& painter, QWidget* figure, const QSize& size, const QColor& background)
{
    painter.fillRect(QRect(QPoint(0, 0), size), background);
    for (const PlacedPlot& p : placePlots(figure, size)) {
        const int w = std::max(1, static_cast<int>(std::lround(p.rect.width())));
        const int h = std::max(1, static_cast<int>(std::lround(p.rect.height())));
        painter.save();
        painter.translate(p.rect.topLeft());
        painter.setClipRect(QRect(0, 0, w, h));
        p.plot->toPainter(&painter, w, h);
        painter.restore();
    }
}

} // namespace

std::optional<FigureFormat> figureFormatFromName(const QString& nameOrPath)
{
    QString name = nameOrPath.toLower();
    if (name.contains('.'))
        name = QFileInfo(name).suffix();
    if (name == "png")
        return FigureFormat::Png;
    if (name == "svg")
        return FigureFormat::Svg;
    if (name == "pdf")
        return FigureFormat::Pdf;
    return std::nullopt;
}

QString figureFormatName(FigureFormat format)
{
    switch (format) {
    case FigureFormat::Png:
        return QStringLiteral("png");
    case FigureFormat::Svg:
        return QStringLiteral("svg");
    case FigureFormat::Pdf:
        return QStringLiteral("pdf");
    }
    return QString();
}

QImage renderFigure(QWidget* figure, const FigureExportOptions& options)
{
    const QSize size = resolvedSize(figure, options);
    checkScale(size, options.scale);
    const QSize pixels(std::max(1, static_cast<int>(std::lround(size.width() * options.scale))),
                       std::max(1, static_cast<int>(std::lround(size.height() * options.scale))));
    // The image keeps QImage's default resolution while it is painted: the screen's logical
    // dpi, which QCustomPlot's layout measures its fonts with (QFontMetrics). The painter's
    // scale then enlarges text, margins and curves together, as QCustomPlot::savePng(file,
    // width, height, scale) does; an image whose dpi grew with the scale would draw point-sized
    // text scale times larger than the layout made room for.
    QImage image(pixels, QImage::Format_ARGB32_Premultiplied);
    image.fill(options.background);
    QCPPainter painter(&image);
    painter.setMode(QCPPainter::pmNoCaching);
    if (options.scale > 1.0)
        painter.setMode(QCPPainter::pmNonCosmetic); // as QCustomPlot::toPixmap: pens scale too
    painter.scale(static_cast<double>(pixels.width()) / size.width(),
                  static_cast<double>(pixels.height()) / size.height());
    paintFigure(painter, figure, size, options.background);
    painter.end();
    // Physical size metadata, set once painted: the logical layout at 96 dpi.
    const int dotsPerMeter = static_cast<int>(std::lround(kExportDpi * options.scale / 0.0254));
    image.setDotsPerMeterX(dotsPerMeter);
    image.setDotsPerMeterY(dotsPerMeter);
    return image;
}

void saveFigurePng(QWidget* figure, const QString& path, const FigureExportOptions& options)
{
    const QImage image = renderFigure(figure, options);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    if (!image.convertToFormat(QImage::Format_RGB32).save(&buffer, "PNG"))
        throw std::runtime_error(path.toStdString() + ": PNG encoding failed");
    writeOutputFile(path, bytes);
}

void saveFigureSvg(QWidget* figure, const QString& path, const FigureExportOptions& options)
{
    const QSize size = resolvedSize(figure, options);
    checkExportBudget(ExportKind::Vector, size, 1.0, 1);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QSvgGenerator generator;
    generator.setOutputDevice(&buffer);
    generator.setSize(size);
    generator.setViewBox(QRect(QPoint(0, 0), size));
    generator.setResolution(kExportDpi);
    generator.setTitle(options.title.isEmpty() ? QStringLiteral("lrlab figure") : options.title);
    generator.setDescription(QStringLiteral("Learning Rate Lab (lrlab)"));
    QCPPainter painter;
    if (!painter.begin(&generator))
        throw std::runtime_error(path.toStdString() + ": cannot start the SVG painter");
    painter.setMode(QCPPainter::pmVectorized);
    painter.setMode(QCPPainter::pmNoCaching);
    paintFigure(painter, figure, size, options.background);
    painter.end();
    buffer.close();
    writeOutputFile(path, bytes);
}

void saveFigurePdf(QWidget* figure, const QString& path, const FigureExportOptions& options)
{
    const QSize size = resolvedSize(figure, options);
    checkExportBudget(ExportKind::Vector, size, 1.0, 1);
    // Rendered in memory and written at once: a device or FIFO is written in place, a file
    // atomically (writeOutputFile).
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter pdf(&buffer);
        pdf.setResolution(kExportDpi);
        pdf.setCreator(QStringLiteral("lrlab"));
        pdf.setTitle(options.title.isEmpty() ? QStringLiteral("lrlab figure") : options.title);
        const QSizeF points(size.width() * 72.0 / kExportDpi, size.height() * 72.0 / kExportDpi);
        pdf.setPageLayout(
            QPageLayout(QPageSize(points, QPageSize::Point, QString(), QPageSize::ExactMatch),
                        QPageLayout::Portrait, QMarginsF(0, 0, 0, 0)));
        QCPPainter painter;
        if (!painter.begin(&pdf))
            throw std::runtime_error(path.toStdString() + ": cannot start the PDF painter");
        painter.setMode(QCPPainter::pmVectorized);
        painter.setMode(QCPPainter::pmNoCaching);
        // The device may round the page to whole device units: map the figure onto it exactly.
        painter.setWindow(QRect(QPoint(0, 0), size));
        painter.setViewport(QRect(0, 0, pdf.width(), pdf.height()));
        paintFigure(painter, figure, size, options.background);
        painter.end();
    }
    buffer.close();
    writeOutputFile(path, bytes);
}

void saveFigure(QWidget* figure, const QString& path, FigureFormat format,
                const FigureExportOptions& options)
{
    switch (format) {
    case FigureFormat::Png:
        saveFigurePng(figure, path, options);
        return;
    case FigureFormat::Svg:
        saveFigureSvg(figure, path, options);
        return;
    case FigureFormat::Pdf:
        saveFigurePdf(figure, path, options);
        return;
    }
}

void copyFigureToClipboard(QWidget* figure, const FigureExportOptions& options)
{
    QClipboard* clipboard = QGuiApplication::clipboard();
    if (clipboard == nullptr)
        throw std::runtime_error("clipboard: not available");
    clipboard->setImage(renderFigure(figure, options).convertToFormat(QImage::Format_RGB32));
}

QString figureFileFilter()
{
    return tr("PNG image (*.png)") + ";;" + tr("SVG vector image (*.svg)") + ";;" +
           tr("PDF document (*.pdf)");
}

QString exportFigureWithDialog(QWidget* parent, QWidget* figure, const QString& suggestedName)
{
    QString selected;
    QString path = QFileDialog::getSaveFileName(parent, tr("Export figure"), suggestedName,
                                                figureFileFilter(), &selected);
    if (path.isEmpty())
        return QString();
    std::optional<FigureFormat> format = figureFormatFromName(QFileInfo(path).suffix());
    if (!format) {
        format = selected.contains("*.svg")   ? FigureFormat::Svg
                 : selected.contains("*.pdf") ? FigureFormat::Pdf
                                              : FigureFormat::Png;
        path += '.' + figureFormatName(*format);
    }
    FigureExportOptions options;
    options.scale = *format == FigureFormat::Png ? 2.0 : 1.0;
    options.title = QFileInfo(path).completeBaseName();
    try {
        saveFigure(figure, path, *format, options);
    } catch (const std::exception& e) {
        QMessageBox::warning(
            parent, tr("Export figure"),
            tr("The figure could not be saved:\n%1").arg(QString::fromUtf8(e.what())));
        return QString();
    }
    return path;
}

} // namespace lrlab
