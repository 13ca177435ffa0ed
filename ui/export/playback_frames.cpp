#include "ui/export/playback_frames.h"

#include <QPainter>
#include <QWidget>

#include <qcustomplot.h>

#include <vector>

namespace lrlab {

namespace {

/// The plots of figure (itself, or its QCustomPlot children).
QList<QCustomPlot*> plotsOf(QWidget* figure)
{
    if (auto* plot = qobject_cast<QCustomPlot*>(figure))
        return {plot};
    return figure->findChildren<QCustomPlot*>();
}

/// Changes visibilities and backgrounds of plots for one part's drawing; undoes them when
/// destroyed.
class PartVisibility
{
public:
    PartVisibility(const QList<QCustomPlot*>& plots, bool under, bool moving, bool over)
    {
        for (QCustomPlot* plot : plots) {
            const QCPLayer* main = plot->layer(QStringLiteral("main"));
            if (main == nullptr)
                continue;
            for (int i = 0; i < plot->layerCount(); ++i) {
                QCPLayer* layer = plot->layer(i);
                const bool shown = layer->index() < main->index()   ? under
                                   : layer->index() > main->index() ? over
                                                                    : under || moving;
                set(layer, shown);
            }
            // Main's colour maps and layout elements (titles, colour scales) stay put.
            for (QCPLayerable* child : main->children()) {
                const bool fixed = qobject_cast<QCPColorMap*>(child) != nullptr ||
                                   qobject_cast<QCPLayoutElement*>(child) != nullptr;
                if (child->visible() && !(fixed ? under : moving))
                    set(child, false);
            }
            if (!under) {
                plot->setBackground(Qt::NoBrush);
                m_transparent.push_back(plot);
            }
        }
    }
    ~PartVisibility()
    {
        for (const auto& [layer, visible] : m_layers)
            layer->setVisible(visible);
        for (QCPLayerable* child : m_hidden)
            child->setVisible(true);
        for (QCustomPlot* plot : m_transparent)
            plot->setBackground(QBrush(Qt::white)); // QCustomPlot's default
    }
    PartVisibility(const PartVisibility&) = delete;
    PartVisibility& operator=(const PartVisibility&) = delete;

private:
    void set(QCPLayer* layer, bool visible)
    {
        m_layers.emplace_back(layer, layer->visible());
        layer->setVisible(visible);
    }
    void set(QCPLayerable* child, bool visible)
    {
        m_hidden.push_back(child);
        child->setVisible(visible);
    }

    std::vector<std::pair<QCPLayer*, bool>> m_layers;
    std::vector<QCPLayerable*> m_hidden;
    std::vector<QCustomPlot*> m_transparent;
};

} // namespace

PlaybackFrameRenderer::PlaybackFrameRenderer(QWidget* figure, const FigureExportOptions& options)
    : m_figure(figure), m_options(options)
{
    m_options.scale = 1.0;
    m_under = renderPart(Part::Under);
    m_over = renderPart(Part::Over);
}

QImage PlaybackFrameRenderer::renderPart(Part part) const
{
    const PartVisibility visibility(plotsOf(m_figure), part == Part::Under, part == Part::Moving,
                                    part == Part::Over);
    FigureExportOptions options = m_options;
    if (part != Part::Under)
        options.background = Qt::transparent;
    return renderFigure(m_figure, options);
}

QImage PlaybackFrameRenderer::render() const
{
    QImage frame = m_under;
    QPainter painter(&frame);
    painter.drawImage(0, 0, renderPart(Part::Moving));
    painter.drawImage(0, 0, m_over);
    painter.end();
    return frame;
}

} // namespace lrlab
