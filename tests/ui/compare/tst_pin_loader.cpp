// Tests of PinLoader: a replacement clears the pins at once and pins the computed runs with
// their labels (a label equal to the automatic one stays automatic), a newer load drops the
// results of an older one, an add keeps the pins and survives a replacement under way but not a
// newer one, a bad config is reported and pins nothing, and at most kCapacity runs are pinned.
#include "ui/compare/pin_loader.h"

#include "tests/common/run_configs.h"
#include "ui/compare/pinned_runs.h"
#include "ui/compare/run_record.h"

#include <QSignalSpy>
#include <QTest>

#include <vector>

using lrlab::LabelledConfig;
using lrlab::PinLoader;
using lrlab::PinnedRuns;
using lrlab::RunConfig;

namespace {

constexpr int kTimeoutMs = 30000;

RunConfig rosenbrock(double lr, int steps = 300)
{
    return lrlab::test::rosenbrockRun(lr, steps);
}

/// Runs slow enough that a 300-step load started after them finishes first.
std::vector<LabelledConfig> slowLoad(const QString& label)
{
    std::vector<LabelledConfig> configs;
    for (double lr : {1e-4, 2e-4, 3e-4})
        configs.push_back({label, rosenbrock(lr, 400000)});
    return configs;
}

std::vector<double> pinnedRates(const PinnedRuns& pins)
{
    std::vector<double> rates;
    for (const lrlab::ShownRun& run : pins.pinned())
        rates.push_back(run.record->config.schedule.learningRate);
    return rates;
}

quint64 loadOf(const QSignalSpy& spy, int index)
{
    return spy.at(index).at(0).value<quint64>();
}

} // namespace

class TestPinLoader : public QObject
{
    Q_OBJECT
private slots:
    void replacementPinsWithLabels();
    void automaticLabelStaysAutomatic();
    void newerReplacementDropsOlder();
    void addKeepsPins();
    void replacementDropsAdd();
    void addDuringReplacementKeepsBoth();
    void errorIsReported();
    void keepsTheLastRunsAtCapacity();
};

void TestPinLoader::replacementPinsWithLabels()
{
    PinnedRuns pins;
    pins.pin(lrlab::PinLoader::computeRecord(rosenbrock(5e-3)));
    PinLoader loader(&pins);
    QSignalSpy started(&loader, &PinLoader::started);
    QSignalSpy finished(&loader, &PinLoader::finished);
    const quint64 load = loader.replace({{"slow", rosenbrock(1e-4)}, {"", rosenbrock(1e-3)}});

    // Cleared at once; what will be pinned is known meanwhile.
    QCOMPARE(pins.pinnedCount(), 0);
    QVERIFY(loader.isReplacing());
    QCOMPARE(loader.pendingReplacement().size(), std::size_t(2));
    QCOMPARE(loader.pendingReplacement()[0].label, QStringLiteral("slow"));
    QCOMPARE(started.count(), 1);
    QCOMPARE(started.at(0).at(2).toInt(), 2);

    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kTimeoutMs);
    QCOMPARE(loadOf(finished, 0), load);
    QVERIFY(!loader.isReplacing());
    QVERIFY(loader.pendingReplacement().empty());
    QCOMPARE(pinnedRates(pins), (std::vector<double>{1e-4, 1e-3}));
    QCOMPARE(pins.pinned()[0].label, QStringLiteral("slow"));
    QVERIFY(!pins.pinned()[1].label.isEmpty()); // the automatic one
    QCOMPARE(pins.pinned()[1].record->rows(), 301);
    const QList<int> ids = finished.at(0).at(2).value<QList<int>>();
    QCOMPARE(ids, (QList<int>{pins.pinned()[0].id, pins.pinned()[1].id}));
}

void TestPinLoader::automaticLabelStaysAutomatic()
{
    // The automatic labels of the two runs, as PinnedRuns gives them.
    PinnedRuns reference;
    reference.pinAll(
        {PinLoader::computeRecord(rosenbrock(1e-4)), PinLoader::computeRecord(rosenbrock(1e-3))});
    const QString automatic = reference.pinned()[0].label;
    QVERIFY(!automatic.isEmpty());

    PinnedRuns pins;
    PinLoader loader(&pins);
    QSignalSpy finished(&loader, &PinLoader::finished);
    loader.replace({{automatic, rosenbrock(1e-4)}, {"own", rosenbrock(1e-3)}});
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kTimeoutMs);
    QCOMPARE(pins.pinned()[0].label, automatic);

    // A third run that differs in the optimizer changes the automatic label, not the own one.
    pins.setCurrent(
        PinLoader::computeRecord(lrlab::test::runConfig("rosenbrock", 1e-3, 300, "adam")));
    QVERIFY(pins.pinned()[0].label != automatic);
    QCOMPARE(pins.pinned()[1].label, QStringLiteral("own"));
}

void TestPinLoader::newerReplacementDropsOlder()
{
    PinnedRuns pins;
    PinLoader loader(&pins);
    QSignalSpy finished(&loader, &PinLoader::finished);
    // The older load is the quick one: were it not dropped, it would arrive first.
    const quint64 older = loader.replace({{"older", rosenbrock(2e-3)}});
    const quint64 newer = loader.replace(slowLoad("newer"));
    QVERIFY(newer > older);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kTimeoutMs);
    QCOMPARE(loadOf(finished, 0), newer);
    QCOMPARE(pinnedRates(pins), (std::vector<double>{1e-4, 2e-4, 3e-4}));
    for (const lrlab::ShownRun& run : pins.pinned())
        QCOMPARE(run.label, QStringLiteral("newer"));
}

void TestPinLoader::addKeepsPins()
{
    PinnedRuns pins;
    pins.pin(PinLoader::computeRecord(rosenbrock(5e-3)));
    PinLoader loader(&pins);
    QSignalSpy finished(&loader, &PinLoader::finished);
    std::vector<LabelledConfig> trio;
    for (const RunConfig& config : lrlab::trioConfigs(rosenbrock(1e-3)))
        trio.push_back({QString(), config});
    const quint64 load = loader.add(trio);
    QVERIFY(loader.isAdding());
    QCOMPARE(pins.pinnedCount(), 1); // nothing cleared
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kTimeoutMs);
    QCOMPARE(loadOf(finished, 0), load);
    QCOMPARE(finished.at(0).at(1).value<PinLoader::Mode>(), PinLoader::Mode::Add);
    QVERIFY(!loader.isAdding());
    QCOMPARE(pinnedRates(pins).size(), std::size_t(4));
    QCOMPARE(pinnedRates(pins).front(), 5e-3);
}

void TestPinLoader::replacementDropsAdd()
{
    PinnedRuns pins;
    PinLoader loader(&pins);
    QSignalSpy finished(&loader, &PinLoader::finished);
    loader.add({{"added", rosenbrock(2e-3)}});
    const quint64 replacement = loader.replace(slowLoad("session"));
    QVERIFY(!loader.isAdding());
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kTimeoutMs);
    QCOMPARE(loadOf(finished, 0), replacement);
    QCOMPARE(pinnedRates(pins), (std::vector<double>{1e-4, 2e-4, 3e-4}));
}

void TestPinLoader::addDuringReplacementKeepsBoth()
{
    PinnedRuns pins;
    PinLoader loader(&pins);
    QSignalSpy finished(&loader, &PinLoader::finished);
    const quint64 replacement = loader.replace(slowLoad("session"));
    const quint64 added = loader.add({{"added", rosenbrock(2e-3)}});
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, kTimeoutMs);
    QCOMPARE(loadOf(finished, 0), added);
    QCOMPARE(loadOf(finished, 1), replacement);
    QCOMPARE(pinnedRates(pins), (std::vector<double>{2e-3, 1e-4, 2e-4, 3e-4}));
    QCOMPARE(pins.pinned()[0].label, QStringLiteral("added"));
}

void TestPinLoader::errorIsReported()
{
    PinnedRuns pins;
    pins.pin(PinLoader::computeRecord(rosenbrock(5e-3)));
    PinLoader loader(&pins);
    QSignalSpy finished(&loader, &PinLoader::finished);
    QSignalSpy failed(&loader, &PinLoader::failed);
    RunConfig bad = rosenbrock(1e-3);
    bad.schedule.learningRate = -1.0;
    const quint64 load = loader.replace({{"good", rosenbrock(1e-3)}, {"bad", bad}});
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, kTimeoutMs);
    QCOMPARE(loadOf(failed, 0), load);
    const QString message = failed.at(0).at(2).toString();
    QVERIFY2(message.contains(QStringLiteral("schedule.lr")), qPrintable(message));
    QCOMPARE(finished.count(), 0);
    QCOMPARE(pins.pinnedCount(), 0);
    QVERIFY(!loader.isReplacing());
    QVERIFY(loader.pendingReplacement().empty());
}

void TestPinLoader::keepsTheLastRunsAtCapacity()
{
    PinnedRuns pins;
    PinLoader loader(&pins);
    QSignalSpy finished(&loader, &PinLoader::finished);
    std::vector<LabelledConfig> configs;
    for (int i = 1; i <= PinnedRuns::kCapacity + 2; ++i)
        configs.push_back({QStringLiteral("run %1 of ten").arg(i), rosenbrock(1e-4 * i)});
    loader.replace(configs);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kTimeoutMs);
    QCOMPARE(pins.pinnedCount(), PinnedRuns::kCapacity);
    QCOMPARE(pins.pinned().front().label, QStringLiteral("run 3 of ten"));
    QCOMPARE(pins.pinned().back().label, QStringLiteral("run 10 of ten"));
}

QTEST_GUILESS_MAIN(TestPinLoader)
#include "tst_pin_loader.moc"
