// A model run gives the same bits with every kernel target this CPU runs (core/models/
// kernels.h): digits MLPs trained with SGD and Adam, with evaluations, compared field by field
// with the baseline (x86-64) kernels' run.
#include "core/models/kernels.h"
#include "tests/common/run_configs.h"

#include <QtTest>

#include <cstring>
#include <string>
#include <vector>

using lrlab::kernels::Target;

namespace {

template <typename T> bool sameBits(const std::vector<T>& a, const std::vector<T>& b)
{
    return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(T)) == 0;
}

lrlab::ModelTrace runWith(Target target, const lrlab::RunConfig& config)
{
    lrlab::kernels::setActiveTarget(target);
    return lrlab::test::trainModel(config).trace;
}

} // namespace

class TestKernelTargets : public QObject
{
    Q_OBJECT

private slots:
    void cleanupTestCase();
    void sameTraceOnEveryTarget_data();
    void sameTraceOnEveryTarget();
};

void TestKernelTargets::cleanupTestCase()
{
    lrlab::kernels::setActiveTarget(Target::Baseline);
}

void TestKernelTargets::sameTraceOnEveryTarget_data()
{
    QTest::addColumn<QString>("optimizer");
    QTest::addColumn<QString>("activation");
    QTest::addColumn<std::vector<int>>("hidden");
    QTest::addColumn<double>("lr");
    QTest::newRow("sgd-momentum-tanh-32") << "sgd"
                                          << "tanh" << std::vector<int>{32} << 0.05;
    QTest::newRow("adam-tanh-32") << "adam"
                                  << "tanh" << std::vector<int>{32} << 0.003;
    QTest::newRow("adam-relu-48-24") << "adam"
                                     << "relu" << std::vector<int>{48, 24} << 0.003;
}

void TestKernelTargets::sameTraceOnEveryTarget()
{
    QFETCH(QString, optimizer);
    QFETCH(QString, activation);
    QFETCH(std::vector<int>, hidden);
    QFETCH(double, lr);
    lrlab::RunConfig c = lrlab::test::digitsMlp(32, lr, 300, optimizer.toStdString());
    c.problem.hidden = hidden;
    c.problem.activation = activation.toStdString();
    if (optimizer == "sgd")
        c.optimizer.momentum = 0.9;
    c.evalEvery = 25;
    const lrlab::ModelTrace reference = runWith(Target::Baseline, c);
    QCOMPARE(reference.rows(), 300);
    QCOMPARE(reference.status, lrlab::RunStatus::Finished);
    int compared = 0;
    for (const Target target : {Target::X86_64_V3, Target::X86_64_V4}) {
        if (!lrlab::kernels::cpuSupports(target))
            continue;
        const lrlab::ModelTrace t = runWith(target, c);
        const char* name = lrlab::kernels::targetName(target);
        QVERIFY2(sameBits(t.loss, reference.loss), name);
        QVERIFY2(sameBits(t.trainLoss, reference.trainLoss), name);
        QVERIFY2(sameBits(t.validationLoss, reference.validationLoss), name);
        QVERIFY2(sameBits(t.validationAccuracy, reference.validationAccuracy), name);
        QVERIFY2(sameBits(t.final, reference.final), name);
        ++compared;
    }
    if (compared == 0)
        QSKIP("this CPU runs only the baseline kernels: nothing to compare");
}

QTEST_APPLESS_MAIN(TestKernelTargets)
#include "tst_kernel_targets.moc"
