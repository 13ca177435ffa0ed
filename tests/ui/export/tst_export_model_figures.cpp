// Exported figures of a model run show what the window shows: the minibatch loss with its
// moving average, the validation loss and (classifiers) the validation accuracy, each cut at
// the playback cursor; the landscape's colour map interpolated, its PCA axis titles in the
// installed language; the animation's last step is the window's (the path's final point).
#include "core/config/session.h"
#include "tests/common/run_configs.h"
#include "ui/export/plot_export.h"
#include "ui/export/session_figures.h"

#include <QCoreApplication>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

#include <qcustomplot.h>

#include <memory>
#include <utility>

namespace {

constexpr int kSteps = 120;

/// A digits MLP (a classifier with a pca landscape) as the session's current run, and a pinned
/// linear regression of another length.
lrlab::Session modelSession()
{
    lrlab::Session session;
    lrlab::PinnedConfig pin;
    pin.config = lrlab::test::runConfig("linreg", 0.05, kSteps / 2);
    pin.label = "linreg";
    session.pinned.push_back(pin);
    session.current = lrlab::test::digitsMlp(8, 0.1, kSteps);
    return session;
}

lrlab::SessionFigureOptions smallGrids()
{
    lrlab::SessionFigureOptions options;
    options.modelGrid = 9;
    return options;
}

/// The graph of plot named name, or null.
QCPGraph* graphNamed(QCustomPlot* plot, const QString& name)
{
    for (int i = 0; i < plot->graphCount(); ++i)
        if (plot->graph(i)->name() == name)
            return plot->graph(i);
    return nullptr;
}

QString curvesText(const char* text)
{
    return QCoreApplication::translate("lrlab::CurvePlots", text);
}

} // namespace

class TestExportModelFigures : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void lossShowsTheWindowsSeries();
    void seriesFollowTheCursor();
    void svgNamesTheSeries();
    void landscapeIsInterpolated();
    void pcaTitlesAreTranslated();

private:
    std::unique_ptr<lrlab::SessionFigures> m_figures;
};

void TestExportModelFigures::initTestCase()
{
    m_figures = std::make_unique<lrlab::SessionFigures>(modelSession(), smallGrids());
    QVERIFY2(m_figures->landscapeNote().isEmpty(), qPrintable(m_figures->landscapeNote()));
}

void TestExportModelFigures::lossShowsTheWindowsSeries()
{
    QCustomPlot* loss = m_figures->loss();
    const struct
    {
        const char* name;
        int minimumPoints; ///< the EMA has a point a row; evaluations are sparser
        bool rightAxis;
    } series[] = {{"smoothed (EMA)", kSteps, false},
                  {"validation", 2, false},
                  {"Validation accuracy", 2, true},
                  {"minibatch (current)", kSteps, false}};
    for (const auto& s : series) {
        QCPGraph* graph = graphNamed(loss, curvesText(s.name));
        QVERIFY2(graph != nullptr, s.name);
        QVERIFY2(graph->dataCount() >= s.minimumPoints, s.name);
        QVERIFY2(loss->legend->hasItemWithPlottable(graph), s.name);
        QCOMPARE(graph->valueAxis() == loss->yAxis2, s.rightAxis);
    }
    // The accuracy is a fraction on a visible right axis; the pinned run keeps its loss line.
    QVERIFY(loss->yAxis2->visible());
    QCPGraph* accuracy = graphNamed(loss, curvesText("Validation accuracy"));
    bool inside = true;
    for (auto it = accuracy->data()->constBegin(); it != accuracy->data()->constEnd(); ++it)
        inside = inside && it->value >= 0.0 && it->value <= 1.0;
    QVERIFY(inside);
    QCPGraph* pinned = graphNamed(loss, QStringLiteral("linreg"));
    QVERIFY(pinned != nullptr);
    QCOMPARE(pinned->dataCount(), kSteps / 2);
}

void TestExportModelFigures::seriesFollowTheCursor()
{
    QCustomPlot* loss = m_figures->loss();
    QCPGraph* smoothed = graphNamed(loss, curvesText("smoothed (EMA)"));
    QCPGraph* validation = graphNamed(loss, curvesText("validation"));
    QVERIFY(smoothed && validation);
    const int complete = validation->dataCount();
    m_figures->setCursorStep(kSteps / 4);
    QCOMPARE(smoothed->dataCount(), kSteps / 4 + 1);
    QVERIFY(validation->dataCount() < complete);
    QVERIFY(validation->data()->constEnd()[-1].key <= kSteps / 4);
    m_figures->showComplete();
    QCOMPARE(smoothed->dataCount(), kSteps);
    QCOMPARE(validation->dataCount(), complete);
}

void TestExportModelFigures::svgNamesTheSeries()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("dashboard.svg");
    lrlab::FigureExportOptions options;
    options.size = QSize(1500, 500);
    lrlab::saveFigureSvg(m_figures->dashboard(), path, options);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString svg = QString::fromUtf8(file.readAll());
    for (const char* name : {"smoothed (EMA)", "validation", "Validation accuracy", "accuracy"})
        QVERIFY2(svg.contains(QLatin1Char('>') + curvesText(name) + QLatin1Char('<')), name);
}

void TestExportModelFigures::landscapeIsInterpolated()
{
    // A model's coarse grid is smoothed as in the window; a toy map keeps its bands (as the
    // window's).
    lrlab::Session toy;
    toy.current = lrlab::test::rosenbrockRun(1e-3, 50);
    lrlab::SessionFigureOptions options;
    options.toyGrid = 40;
    const lrlab::SessionFigures toyFigures(toy, options);
    const std::pair<QCustomPlot*, bool> cases[] = {{m_figures->landscape(), true},
                                                   {toyFigures.landscape(), false}};
    for (const auto& [plot, interpolated] : cases) {
        int maps = 0;
        for (int i = 0; i < plot->plottableCount(); ++i)
            if (auto* map = qobject_cast<QCPColorMap*>(plot->plottable(i))) {
                ++maps;
                QCOMPARE(map->interpolate(), interpolated);
            }
        QCOMPARE(maps, 1);
    }
}

void TestExportModelFigures::pcaTitlesAreTranslated()
{
    QTranslator translator;
    QVERIFY(translator.load(":/lrlab/i18n/lrlab_zh_CN.qm"));
    QCoreApplication::installTranslator(&translator);
    lrlab::Session session;
    session.current = lrlab::test::digitsMlp(8, 0.1, kSteps);
    const lrlab::SessionFigures figures(session, smallGrids());
    QCoreApplication::removeTranslator(&translator);
    const QString pattern = translator.translate("lrlab::LandscapeView", "PC%1 (%2 % of variance)");
    QVERIFY(!pattern.isEmpty() && !pattern.startsWith(QLatin1String("PC%1 (")));
    const QString before = pattern.left(pattern.indexOf(QLatin1String("%2")));
    QVERIFY2(figures.landscape()->xAxis->label().startsWith(QString(before).replace("%1", "1")),
             qPrintable(figures.landscape()->xAxis->label()));
    QVERIFY2(figures.landscape()->yAxis->label().startsWith(QString(before).replace("%1", "2")),
             qPrintable(figures.landscape()->yAxis->label()));
}

QTEST_MAIN(TestExportModelFigures)
#include "tst_export_model_figures.moc"
