#include "ui/theme.h"

#include <QApplication>
#include <QFont>
#include <QStyle>
#include <QVariant>
#include <QWidget>

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>

namespace lrlab {

namespace {

Theme g_theme = Theme::Light;
double g_fontScale = 1.0;
bool g_baseFontKnown = false;
QFont g_baseFont;

/// Dynamic properties on the themed objects.
const char* const kHooked = "lrlab_themeHooked";
const char* const kFontScale = "lrlab_fontScale";

// ---------------------------------------------------------------------------------------------
// Colours

/// A grey, black or white: the colours that only make sense on one background.
bool isNeutral(const QColor& colour)
{
    return colour.hslSaturationF() < 0.12 || colour.lightnessF() < 0.06 ||
           colour.lightnessF() > 0.97;
}

/// In the dark theme lines and text must be light and fills dark: a neutral colour on the wrong
/// side gets the mirrored lightness (same hue, saturation and alpha).
QColor darkVariant(const QColor& colour, bool fill)
{
    if (!colour.isValid() || !isNeutral(colour))
        return colour;
    const double lightness = colour.lightnessF();
    const bool light = lightness >= 0.5;
    if (light != fill)
        return colour; // already right: a light line or a dark fill
    const double hue = std::max(0.0f, colour.hslHueF());
    return QColor::fromHslF(hue, colour.hslSaturationF(), 1.0 - lightness, colour.alphaF());
}

/// The colour slot of obj should carry in theme. The original (light-theme) colour is kept on
/// obj as (original, shown) while a dark variant is shown; a colour the code has set since
/// (it no longer equals the shown one) is taken as the new original.
QColor themed(QObject* obj, const char* slot, const QColor& current, bool fill, Theme theme)
{
    QColor original = current;
    const QVariant stored = obj->property(slot);
    if (stored.isValid()) {
        const QVariantList pair = stored.toList();
        if (pair.size() == 2 && pair.at(1).value<QColor>() == current)
            original = pair.at(0).value<QColor>();
    }
    const QColor shown = theme == Theme::Dark ? darkVariant(original, fill) : original;
    if (shown == original) {
        if (stored.isValid())
            obj->setProperty(slot, QVariant());
    } else {
        obj->setProperty(slot, QVariantList{original, shown});
    }
    return shown;
}

QPen themedPen(QObject* obj, const char* slot, QPen pen, Theme theme)
{
    if (pen.style() == Qt::NoPen)
        return pen;
    pen.setColor(themed(obj, slot, pen.color(), false, theme));
    return pen;
}

QBrush themedBrush(QObject* obj, const char* slot, QBrush brush, Theme theme)
{
    if (brush.style() != Qt::SolidPattern)
        return brush; // gradients and textures are data, not frame
    brush.setColor(themed(obj, slot, brush.color(), true, theme));
    return brush;
}

template <typename T> void themePenAndBrush(T* object, Theme theme)
{
    object->setPen(themedPen(object, "lrlab_pen", object->pen(), theme));
    object->setBrush(themedBrush(object, "lrlab_brush", object->brush(), theme));
}

void themeAxis(QCPAxis* axis, const PlotColours& colours)
{
    for (auto [get, set] : {std::pair{&QCPAxis::basePen, &QCPAxis::setBasePen},
                            std::pair{&QCPAxis::tickPen, &QCPAxis::setTickPen},
                            std::pair{&QCPAxis::subTickPen, &QCPAxis::setSubTickPen}}) {
        QPen pen = (axis->*get)();
        pen.setColor(colours.foreground);
        (axis->*set)(pen);
    }
    axis->setLabelColor(colours.foreground);
    axis->setTickLabelColor(colours.foreground);
    QPen grid = axis->grid()->pen();
    grid.setColor(colours.grid);
    axis->grid()->setPen(grid);
    QPen subGrid = axis->grid()->subGridPen();
    subGrid.setColor(colours.subGrid);
    axis->grid()->setSubGridPen(subGrid);
    QPen zero = axis->grid()->zeroLinePen();
    if (zero.style() != Qt::NoPen) {
        zero.setColor(colours.grid);
        axis->grid()->setZeroLinePen(zero);
    }
}

void themeLegend(QCPLegend* legend, const PlotColours& colours, Theme theme)
{
    legend->setBrush(themedBrush(legend, "lrlab_brush", legend->brush(), theme));
    QPen border = legend->borderPen();
    border.setColor(colours.legendBorder);
    legend->setBorderPen(border);
    legend->setTextColor(colours.foreground);
    for (int i = 0; i < legend->itemCount(); ++i)
        if (QCPAbstractLegendItem* item = legend->item(i))
            item->setTextColor(colours.foreground);
}

void themeItem(QCPAbstractItem* item, Theme theme)
{
    if (auto* text = qobject_cast<QCPItemText*>(item)) {
        text->setColor(themed(text, "lrlab_color", text->color(), false, theme));
        themePenAndBrush(text, theme);
    } else if (auto* line = qobject_cast<QCPItemStraightLine*>(item)) {
        line->setPen(themedPen(line, "lrlab_pen", line->pen(), theme));
    } else if (auto* segment = qobject_cast<QCPItemLine*>(item)) {
        segment->setPen(themedPen(segment, "lrlab_pen", segment->pen(), theme));
    } else if (auto* curve = qobject_cast<QCPItemCurve*>(item)) {
        curve->setPen(themedPen(curve, "lrlab_pen", curve->pen(), theme));
    } else if (auto* rect = qobject_cast<QCPItemRect*>(item)) {
        themePenAndBrush(rect, theme);
    } else if (auto* ellipse = qobject_cast<QCPItemEllipse*>(item)) {
        themePenAndBrush(ellipse, theme);
    } else if (auto* tracer = qobject_cast<QCPItemTracer*>(item)) {
        themePenAndBrush(tracer, theme);
    } else if (auto* bracket = qobject_cast<QCPItemBracket*>(item)) {
        bracket->setPen(themedPen(bracket, "lrlab_pen", bracket->pen(), theme));
    }
}

void themeScatter(QCPGraph* graph, Theme theme)
{
    QCPScatterStyle scatter = graph->scatterStyle();
    if (scatter.isNone())
        return;
    if (scatter.isPenDefined())
        scatter.setPen(themedPen(graph, "lrlab_scatterPen", scatter.pen(), theme));
    scatter.setBrush(themedBrush(graph, "lrlab_scatterBrush", scatter.brush(), theme));
    graph->setScatterStyle(scatter);
}

void themeCurveScatter(QCPCurve* curve, Theme theme)
{
    QCPScatterStyle scatter = curve->scatterStyle();
    if (scatter.isNone())
        return;
    if (scatter.isPenDefined())
        scatter.setPen(themedPen(curve, "lrlab_scatterPen", scatter.pen(), theme));
    scatter.setBrush(themedBrush(curve, "lrlab_scatterBrush", scatter.brush(), theme));
    curve->setScatterStyle(scatter);
}

/// Every layout element of plot, the insets (legends) included.
QList<QCPLayoutElement*> layoutElements(QCustomPlot* plot)
{
    QList<QCPLayoutElement*> out = plot->plotLayout()->elements(true);
    for (QCPAxisRect* rect : plot->axisRects())
        out += rect->insetLayout()->elements(true);
    out.removeAll(nullptr);
    return out;
}

void hookPlot(QCustomPlot* plot)
{
    if (plot->property(kHooked).toBool())
        return;
    plot->setProperty(kHooked, true);
    // Re-theme before every full replot while dark: views add curves and labels with light-theme
    // colours at any time. In the light theme the originals are what the code set: nothing to do.
    QObject::connect(plot, &QCustomPlot::beforeReplot, plot, [plot] {
        if (g_theme == Theme::Dark)
            applyPlotTheme(plot, Theme::Dark);
    });
}

// ---------------------------------------------------------------------------------------------
// Fonts

QFont scaledFont(QFont font, double ratio)
{
    if (font.pointSizeF() > 0)
        font.setPointSizeF(font.pointSizeF() * ratio);
    else if (font.pixelSize() > 0)
        font.setPixelSize(std::max(1, static_cast<int>(std::lround(font.pixelSize() * ratio))));
    return font;
}

void scaleAxisFonts(QCPAxis* axis, double ratio)
{
    axis->setLabelFont(scaledFont(axis->labelFont(), ratio));
    axis->setTickLabelFont(scaledFont(axis->tickLabelFont(), ratio));
    axis->setSelectedLabelFont(scaledFont(axis->selectedLabelFont(), ratio));
    axis->setSelectedTickLabelFont(scaledFont(axis->selectedTickLabelFont(), ratio));
}

void scalePlotFonts(QCustomPlot* plot, double ratio)
{
    for (QCPAxisRect* rect : plot->axisRects())
        for (QCPAxis* axis : rect->axes())
            scaleAxisFonts(axis, ratio);
    for (QCPLayoutElement* element : layoutElements(plot)) {
        if (auto* title = qobject_cast<QCPTextElement*>(element)) {
            title->setFont(scaledFont(title->font(), ratio));
            title->setSelectedFont(scaledFont(title->selectedFont(), ratio));
        } else if (auto* scale = qobject_cast<QCPColorScale*>(element)) {
            scaleAxisFonts(scale->axis(), ratio);
        } else if (auto* legend = qobject_cast<QCPLegend*>(element)) {
            legend->setFont(scaledFont(legend->font(), ratio));
            legend->setSelectedFont(scaledFont(legend->selectedFont(), ratio));
            for (int i = 0; i < legend->itemCount(); ++i) {
                if (QCPAbstractLegendItem* item = legend->item(i)) {
                    item->setFont(scaledFont(item->font(), ratio));
                    item->setSelectedFont(scaledFont(item->selectedFont(), ratio));
                }
            }
        }
    }
    for (int i = 0; i < plot->itemCount(); ++i) {
        if (auto* text = qobject_cast<QCPItemText*>(plot->item(i))) {
            text->setFont(scaledFont(text->font(), ratio));
            text->setSelectedFont(scaledFont(text->selectedFont(), ratio));
        }
    }
}

/// Brings one object to the current scale: ratio = wanted / carried. An object without a mark
/// was made while `previous` was in effect (its fonts derive from the application font then).
double pendingRatio(QObject* object, double previous)
{
    const QVariant carried = object->property(kFontScale);
    const double from = carried.isValid() ? carried.toDouble() : previous;
    object->setProperty(kFontScale, g_fontScale);
    return g_fontScale / from;
}

void rescaleFonts(QWidget* root, double previous)
{
    QList<QWidget*> widgets = root->findChildren<QWidget*>();
    widgets.prepend(root);
    for (QWidget* widget : widgets) {
        if (auto* plot = qobject_cast<QCustomPlot*>(widget)) {
            const double ratio = pendingRatio(plot, previous);
            if (ratio != 1.0) {
                scalePlotFonts(plot, ratio);
                plot->replot(QCustomPlot::rpQueuedReplot);
            }
        } else if (widget->testAttribute(Qt::WA_SetFont) &&
                   (widget->font().resolveMask() & QFont::SizeResolved) != 0) {
            // A widget with its own size (a large status label) does not follow the
            // application font: scale it by the same factor.
            const double ratio = pendingRatio(widget, previous);
            if (ratio != 1.0)
                widget->setFont(scaledFont(widget->font(), ratio));
        }
    }
}

} // namespace

QString themeName(Theme theme)
{
    return theme == Theme::Dark ? QStringLiteral("dark") : QStringLiteral("light");
}

Theme themeFromName(const QString& name, Theme fallback)
{
    if (name == QLatin1String("dark"))
        return Theme::Dark;
    if (name == QLatin1String("light"))
        return Theme::Light;
    return fallback;
}

QPalette themePalette(Theme theme)
{
    if (theme == Theme::Light)
        return QApplication::style()->standardPalette();
    const QColor window(45, 45, 48);
    const QColor base(30, 30, 32);
    const QColor text(230, 230, 230);
    const QColor disabled(128, 128, 128);
    QPalette p;
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(40, 40, 43));
    p.setColor(QPalette::ToolTipBase, QColor(60, 60, 64));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(150, 150, 150));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(55, 55, 58));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(255, 110, 90));
    p.setColor(QPalette::Light, QColor(80, 80, 84));
    p.setColor(QPalette::Midlight, QColor(65, 65, 68));
    p.setColor(QPalette::Mid, QColor(40, 40, 42));
    p.setColor(QPalette::Dark, QColor(25, 25, 27));
    p.setColor(QPalette::Shadow, QColor(10, 10, 10));
    p.setColor(QPalette::Highlight, QColor(0x00, 0x72, 0xB2)); // Okabe–Ito blue
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x56, 0xB4, 0xE9)); // Okabe–Ito sky blue
    p.setColor(QPalette::LinkVisited, QColor(0xCC, 0x79, 0xA7));
    for (QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, disabled);
    p.setColor(QPalette::Disabled, QPalette::Highlight, QColor(70, 70, 70));
    return p;
}

PlotColours plotColours(Theme theme)
{
    if (theme == Theme::Dark)
        return {QColor(30, 30, 32), QColor(220, 220, 220), QColor(85, 85, 88), QColor(60, 60, 63),
                QColor(140, 140, 140)};
    // QCustomPlot's own defaults.
    return {Qt::white, Qt::black, QColor(200, 200, 200), QColor(220, 220, 220), Qt::black};
}

void applyPlotTheme(QCustomPlot* plot, Theme theme)
{
    const PlotColours colours = plotColours(theme);
    plot->setBackground(QBrush(colours.background));
    for (QCPAxisRect* rect : plot->axisRects()) {
        rect->setBackground(QBrush(colours.background));
        for (QCPAxis* axis : rect->axes())
            themeAxis(axis, colours);
    }
    for (QCPLayoutElement* element : layoutElements(plot)) {
        if (auto* title = qobject_cast<QCPTextElement*>(element))
            title->setTextColor(colours.foreground);
        else if (auto* scale = qobject_cast<QCPColorScale*>(element))
            themeAxis(scale->axis(), colours);
        else if (auto* legend = qobject_cast<QCPLegend*>(element))
            themeLegend(legend, colours, theme);
    }
    for (int i = 0; i < plot->plottableCount(); ++i) {
        QCPAbstractPlottable* plottable = plot->plottable(i);
        if (qobject_cast<QCPColorMap*>(plottable) != nullptr)
            continue; // the map's colours are its data
        plottable->setPen(themedPen(plottable, "lrlab_pen", plottable->pen(), theme));
        plottable->setBrush(themedBrush(plottable, "lrlab_brush", plottable->brush(), theme));
        if (auto* graph = qobject_cast<QCPGraph*>(plottable))
            themeScatter(graph, theme);
        else if (auto* curve = qobject_cast<QCPCurve*>(plottable))
            themeCurveScatter(curve, theme);
    }
    for (int i = 0; i < plot->itemCount(); ++i)
        themeItem(plot->item(i), theme);
}

Theme applicationTheme()
{
    return g_theme;
}

void setApplicationTheme(Theme theme)
{
    g_theme = theme;
    QApplication::setPalette(themePalette(theme));
    for (QWidget* top : QApplication::topLevelWidgets())
        applyThemeToWidget(top);
}

void applyThemeToWidget(QWidget* root)
{
    QList<QCustomPlot*> plots = root->findChildren<QCustomPlot*>();
    if (auto* self = qobject_cast<QCustomPlot*>(root))
        plots << self;
    for (QCustomPlot* plot : plots) {
        hookPlot(plot);
        applyPlotTheme(plot, g_theme);
        plot->replot(QCustomPlot::rpQueuedReplot);
    }
}

double fontScale()
{
    return g_fontScale;
}

void setFontScale(double scale)
{
    if (!g_baseFontKnown) {
        g_baseFont = QApplication::font();
        g_baseFontKnown = true;
    }
    const double previous = g_fontScale;
    g_fontScale = std::clamp(scale, 0.5, 4.0);
    QApplication::setFont(scaledFont(g_baseFont, g_fontScale));
    for (QWidget* top : QApplication::topLevelWidgets())
        rescaleFonts(top, previous);
}

void enlargeFont(QWidget* widget, double points, bool bold)
{
    QFont font = widget->font();
    font.setPointSizeF(font.pointSizeF() + points);
    if (bold)
        font.setBold(true);
    widget->setFont(font);
}

} // namespace lrlab
