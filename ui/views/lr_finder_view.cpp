#include "ui/views/lr_finder_view.h"

#include "core/config/config_json.h"
#include "ui/controls/scientific_spin_box.h"
#include "ui/plots/plot_interaction.h"
#include "ui/plots/plot_style.h"
#include "ui/views/view_helpers.h"
#include "ui/widgets/job_strip.h"
#include "ui/worker/background_job.h"

#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>
#include <exception>
#include <limits>

namespace lrlab {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

/// Okabe–Ito colours of the four suggestions (vermillion, blue, bluish green, reddish purple).
const QColor kSuggestionColours[4] = {QColor("#D55E00"), QColor("#0072B2"), QColor("#009E73"),
                                      QColor("#CC79A7")};

/// The experiment without its schedule: what the range test depends on.
QJsonObject finderKey(const RunConfig& config)
{
    RunConfig copy = config;
    copy.schedule = ScheduleSpec{};
    copy.steps = 1;
    copy.evalEvery = 1;
    return runConfigToJson(copy);
}

std::optional<double> suggestionValue(const LrSuggestions& s, int index)
{
    switch (index) {
    case 0:
        return s.steepest;
    case 1:
        return s.valley;
    case 2:
        return s.minimum;
    default:
        return s.steep;
    }
}

} // namespace

const std::array<QString, 4>& LrFinderView::suggestionNames()
{
    static const std::array<QString, 4> names = {
        QStringLiteral("steepest"), QStringLiteral("valley"), QStringLiteral("minimum"),
        QStringLiteral("steep")};
    return names;
}

LrFinderView::LrFinderView(QWidget* parent) : JobView(QStringLiteral("finder"), parent)
{
    auto* layout = new QHBoxLayout(this);
    layout->addWidget(new ControlsScrollArea(buildSide()));
    buildPlot();
    layout->addWidget(m_plot, 1);

    connect(job(), &BackgroundJob::failed, this, [this](quint64, const QString& message) {
        setStatus(tr("The test failed: %1").arg(message), true);
        emit failed(message);
    });
    setStatus(tr("Run the test to see how the loss responds to growing learning rates."), false);
    drawSuggestions();
}

// The job (a child) cancels and waits for the test when it is destroyed.
LrFinderView::~LrFinderView() = default;

QWidget* LrFinderView::buildSide()
{
    auto* side = new QWidget(this);
    auto* sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(0, 0, 0, 0);
    auto* settings = new QGroupBox(tr("Range test"), side);
    auto* form = new QFormLayout(settings);
    m_startLr = new ScientificSpinBox(settings);
    m_startLr->setObjectName(QStringLiteral("finderStartLr"));
    m_startLr->setRange(1e-10, 1.0);
    m_startLr->setSmallestStep(1e-10);
    m_startLr->setValue(1e-7);
    m_startLr->setToolTip(tr("The first learning rate of the test."));
    form->addRow(tr("&Start lr:"), m_startLr);
    m_endLr = new ScientificSpinBox(settings);
    m_endLr->setObjectName(QStringLiteral("finderEndLr"));
    m_endLr->setRange(1e-8, 100.0);
    m_endLr->setValue(10.0);
    m_endLr->setToolTip(tr("The last learning rate; the test stops earlier when the smoothed "
                           "loss exceeds 5× its minimum."));
    form->addRow(tr("&End lr:"), m_endLr);
    m_iterations = new QSpinBox(settings);
    m_iterations->setObjectName(QStringLiteral("finderIterations"));
    m_iterations->setRange(2, 10000);
    m_iterations->setValue(100);
    m_iterations->setToolTip(tr("Minibatches (or toy steps), one learning rate each, "
                                "exponentially spaced from start to end."));
    form->addRow(tr("&Iterations:"), m_iterations);
    sideLayout->addWidget(settings);

    strip()->setRunAction(tr("&Run test"),
                          tr("Train from the start point with a learning rate that grows "
                             "every step, and record the loss (Smith, 2017)."));
    strip()->setCancelAction(tr("Cance&l"), tr("Stop the test now (Esc)."));
    sideLayout->addWidget(strip());

    auto* suggestions = new QGroupBox(tr("Suggestions"), side);
    auto* suggestionLayout = new QVBoxLayout(suggestions);
    const QString tips[4] = {
        tr("pytorch-lr-finder: the steepest descent of the smoothed loss (per iteration)."),
        tr("fastai valley: the middle of the longest stretch where the loss keeps falling — "
           "usually the safest choice."),
        tr("fastai minimum: the LR of the lowest smoothed loss, divided by 10."),
        tr("fastai steep: the steepest descent of the loss against log(lr).")};
    for (int i = 0; i < 4; ++i) {
        auto* button = new QPushButton(side);
        button->setObjectName(QStringLiteral("finderUse_") + suggestionNames()[i]);
        button->setToolTip(tips[i] + QLatin1Char(' ') +
                           tr("Click to use this learning rate for the run."));
        button->setEnabled(false);
        QPalette palette = button->palette();
        palette.setColor(QPalette::ButtonText, kSuggestionColours[i].darker(130));
        button->setPalette(palette);
        const QString name = suggestionNames()[i];
        connect(button, &QPushButton::clicked, this, [this, name] { useSuggestion(name); });
        suggestionLayout->addWidget(button);
        m_useButtons[static_cast<std::size_t>(i)] = button;
    }
    sideLayout->addWidget(suggestions);
    sideLayout->addStretch(1);
    return side;
}

void LrFinderView::buildPlot()
{
    m_plot = new QCustomPlot(this);
    m_plot->setObjectName(QStringLiteral("finderPlot"));
    m_plot->setMinimumSize(300, 170);
    setLogAxis(m_plot->xAxis);
    m_plot->xAxis->setLabel(tr("learning rate (log scale)"));
    m_plot->yAxis->setLabel(tr("loss"));
    m_lossGraph = m_plot->addGraph();
    m_lossGraph->setName(tr("loss"));
    m_lossGraph->setPen(QPen(QColor(150, 170, 200), 1.0));
    m_smoothedGraph = m_plot->addGraph();
    m_smoothedGraph->setName(tr("smoothed loss"));
    m_smoothedGraph->setPen(QPen(QColor(30, 60, 140), 2.2));
    for (int i = 0; i < 4; ++i) {
        auto* line = new QCPItemStraightLine(m_plot);
        line->setPen(QPen(kSuggestionColours[i], 1.6, Qt::DashLine));
        line->setVisible(false);
        auto* label = new QCPItemText(m_plot);
        label->position->setTypeX(QCPItemPosition::ptPlotCoords);
        label->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
        label->setPositionAlignment(Qt::AlignLeft | Qt::AlignTop);
        label->setColor(kSuggestionColours[i].darker(120));
        label->setBrush(QColor(255, 255, 255, 210));
        label->setVisible(false);
        m_lines[static_cast<std::size_t>(i)] = line;
        m_labels[static_cast<std::size_t>(i)] = label;
    }
    m_plot->legend->setVisible(true);
    m_plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignLeft);
    m_plot->xAxis->setRange(1e-7, 10);
    PlotInteraction::attach(m_plot);
}

QPushButton* LrFinderView::runButton() const
{
    return strip()->runButton();
}

QPushButton* LrFinderView::cancelButton() const
{
    return strip()->cancelButton();
}

QProgressBar* LrFinderView::progressBar() const
{
    return strip()->progressBar();
}

void LrFinderView::setBaseConfig(const lrlab::RunConfig& config)
{
    const bool changed = !m_hasConfig || finderKey(config) != finderKey(m_config);
    m_config = config;
    m_hasConfig = true;
    if (!changed)
        return;
    if (isRunning()) {
        cancel();
        setStatus(tr("Settings changed: the test was abandoned. Run it again."), false);
    } else if (m_hasResult) {
        m_hasResult = false;
        setStatus(tr("Settings changed since this test: run it again for up-to-date "
                     "suggestions."),
                  false);
        m_lossGraph->setPen(QPen(QColor(200, 200, 200), 1.0));
        m_smoothedGraph->setPen(QPen(QColor(160, 160, 160), 2.2));
        drawSuggestions();
        m_plot->replot(QCustomPlot::rpQueuedReplot);
    }
}

void LrFinderView::setOptions(const LrFinderOptions& options)
{
    m_startLr->setValue(options.startLr);
    m_endLr->setValue(options.endLr);
    m_iterations->setValue(options.iterations);
}

LrFinderOptions LrFinderView::options() const
{
    LrFinderOptions options;
    options.startLr = m_startLr->value();
    options.endLr = m_endLr->value();
    options.iterations = m_iterations->value();
    return options;
}

double LrFinderView::suggestion(const QString& name) const
{
    if (!m_hasResult)
        return kNaN;
    const auto& names = suggestionNames();
    for (int i = 0; i < 4; ++i)
        if (names[static_cast<std::size_t>(i)] == name) {
            const std::optional<double> v = suggestionValue(m_result.suggestions, i);
            return v ? *v : kNaN;
        }
    return kNaN;
}

QPushButton* LrFinderView::useButton(const QString& name) const
{
    const auto& names = suggestionNames();
    for (std::size_t i = 0; i < names.size(); ++i)
        if (names[i] == name)
            return m_useButtons[i];
    return nullptr;
}

void LrFinderView::run()
{
    const LrFinderOptions opts = options();
    try {
        validate(opts);
    } catch (const std::exception& e) {
        setStatus(QString::fromUtf8(e.what()), true);
        emit failed(QString::fromUtf8(e.what()));
        return;
    }
    // The job owns a copy of the config; each partial result comes back as a copied value,
    // drawn only while this test is the newest.
    const RunConfig config = m_config;
    job()->start(
        [this, config, opts](const JobContext& context) {
            context.progress(0, opts.iterations);
            return runLrFinder(config, opts, &context.cancel,
                               [this, &context, opts](const LrFinderResult& soFar) {
                                   context.progress(soFar.iterations, opts.iterations);
                                   context.post([this, soFar] { showPartial(soFar); });
                               });
        },
        [this](quint64, const LrFinderResult& result) { finish(result); });
    m_result = LrFinderResult{};
    m_hasResult = false;
    m_lossGraph->setPen(QPen(QColor(150, 170, 200), 1.0));
    m_smoothedGraph->setPen(QPen(QColor(30, 60, 140), 2.2));
    drawCurves();
    drawSuggestions();
    setStatus(tr("Testing %1 learning rates from %2 to %3…")
                  .arg(opts.iterations)
                  .arg(ScientificSpinBox::format(opts.startLr))
                  .arg(ScientificSpinBox::format(opts.endLr)),
              false);
    emit started();
}

void LrFinderView::cancel()
{
    if (!job()->isRunning())
        return;
    job()->cancel();
    setStatus(tr("Cancelled."), false);
}

void LrFinderView::useSuggestion(const QString& name)
{
    const double lr = suggestion(name);
    if (std::isfinite(lr) && lr > 0.0)
        emit learningRateChosen(lr);
}

void LrFinderView::showPartial(const LrFinderResult& soFar)
{
    m_result = soFar;
    drawCurves();
}

void LrFinderView::finish(const LrFinderResult& result)
{
    m_result = result;
    m_hasResult = true;
    drawCurves();
    drawSuggestions();
    QString text = result.stoppedEarly
                       ? tr("Stopped after %1 iterations: the loss blew up at lr %2.")
                             .arg(result.iterations)
                             .arg(ScientificSpinBox::format(result.learningRates.back()))
                       : tr("Done: %1 iterations.").arg(result.iterations);
    if (!result.suggestions.note.empty())
        text += QLatin1Char(' ') + QString::fromStdString(result.suggestions.note);
    setStatus(text, false);
    emit finished();
}

void LrFinderView::drawCurves()
{
    const int n = static_cast<int>(m_result.learningRates.size());
    QVector<double> lr, loss, smooth;
    lr.reserve(n);
    loss.reserve(n);
    smooth.reserve(n);
    double lo = std::numeric_limits<double>::infinity(), hi = -lo;
    for (int i = 0; i < n; ++i) {
        const double l = m_result.losses[static_cast<std::size_t>(i)];
        const double s = m_result.smoothed[static_cast<std::size_t>(i)];
        if (!std::isfinite(l) || !std::isfinite(s))
            break;
        lr.push_back(m_result.learningRates[static_cast<std::size_t>(i)]);
        loss.push_back(l);
        smooth.push_back(s);
        lo = std::min({lo, l, s});
        hi = std::max(hi, s);
    }
    m_lossGraph->setData(lr, loss, true);
    m_smoothedGraph->setData(lr, smooth, true);
    const LrFinderOptions opts = options();
    m_plot->xAxis->setRange(opts.startLr, opts.endLr);
    if (!smooth.isEmpty()) {
        // Clip at a few times the smoothed start: the exploding tail is not the interesting part.
        const double top = std::min(hi, 4.0 * smooth.front());
        const double pad = 0.08 * std::max(top - lo, 1e-12);
        m_plot->yAxis->setRange(lo - pad, top + pad);
    }
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void LrFinderView::drawSuggestions()
{
    const auto& names = suggestionNames();
    for (int i = 0; i < 4; ++i) {
        const auto k = static_cast<std::size_t>(i);
        const std::optional<double> v =
            m_hasResult ? suggestionValue(m_result.suggestions, i) : std::nullopt;
        const bool shown = v.has_value() && std::isfinite(*v) && *v > 0.0;
        m_lines[k]->setVisible(shown);
        m_labels[k]->setVisible(shown);
        m_useButtons[k]->setEnabled(shown);
        if (shown) {
            m_lines[k]->point1->setCoords(*v, 0.0);
            m_lines[k]->point2->setCoords(*v, 1.0);
            m_labels[k]->position->setCoords(*v, 0.03 + 0.08 * i);
            m_labels[k]->setText(
                QStringLiteral(" %1 %2 ").arg(names[k], ScientificSpinBox::format(*v)));
            m_useButtons[k]->setText(tr("Use %1: %2").arg(names[k], ScientificSpinBox::format(*v)));
        } else {
            m_useButtons[k]->setText(tr("Use %1: —").arg(names[k]));
        }
    }
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

} // namespace lrlab
