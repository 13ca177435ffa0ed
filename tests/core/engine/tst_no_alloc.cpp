// Steps never allocate: after reserve()/reset(), a training step (lossAndGradient + optimizer step)
// and the evaluations never allocate. Three independent guards watch the hot loop:
//  1. Eigen's own guard: built with EIGEN_RUNTIME_NO_MALLOC and asserts on (tests/CMakeLists),
//     Eigen::internal::set_is_malloc_allowed(false) aborts on an Eigen heap allocation. It only
//     sees Eigen code compiled in this file: lrlab_core is built without the macro.
//  2. A counting global operator new/delete (catches std::vector growth, std::string, ...).
//  3. A counting malloc family, forwarding to glibc's __libc_* functions: catches Eigen's
//     aligned_malloc inside lrlab_core, which guard 1 cannot see (skipped under sanitizers,
//     which interpose malloc themselves).
// The guards and counters are process-wide, so this test stays single-threaded. Guards 2 and 3
// are tests/common/allocation_counter.

#include "core/models/model.h"
#include "core/optimizers/optimizer.h"
#include "core/util/rng.h"
#include "tests/common/allocation_counter.h"
#include "tests/common/model_rows.h"

#include <QtTest>

#include <Eigen/Core>

#include <cmath>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

class TestNoAlloc : public QObject
{
    Q_OBJECT

private slots:
    void countersWork();
    void trainingLoop_data();
    void trainingLoop();
};

// The counters must see an allocation, or a zero count below would prove nothing.
void TestNoAlloc::countersWork()
{
    using lrlab::test::mallocCalls;
    using lrlab::test::newCalls;
    const long newBefore = newCalls();
    const long mallocBefore = mallocCalls();
    // Through volatile pointers: the compiler may elide a new/delete or malloc/free pair.
    void* volatile fromNew = ::operator new(64);
    ::operator delete(fromNew);
    QVERIFY(newCalls() >= newBefore + 1);
    if (lrlab::test::countsMalloc()) {
        QVERIFY(mallocCalls() >= mallocBefore + 1); // operator new calls malloc
        void* volatile fromMalloc = std::malloc(64);
        std::free(fromMalloc);
        QVERIFY(mallocCalls() >= mallocBefore + 2);
        // Eigen's heap allocation (here a dynamic vector) goes through malloc.
        const long eigenBefore = mallocCalls();
        {
            const Eigen::VectorXf heap = Eigen::VectorXf::Zero(1000);
            QCOMPARE(heap.size(), Eigen::Index(1000));
        }
        QVERIFY(mallocCalls() > eigenBefore);
    }
#ifndef EIGEN_RUNTIME_NO_MALLOC
    QFAIL("tst_no_alloc must be built with EIGEN_RUNTIME_NO_MALLOC (tests/CMakeLists.txt)");
#endif
}

void TestNoAlloc::trainingLoop_data()
{
    lrlab::test::addModelShapeColumns();
    QTest::addColumn<int>("batch");
    QTest::addColumn<QString>("optimizer");
    QTest::addColumn<double>("momentum");
    QTest::newRow("digits-mlp-tanh-sgd-momentum")
        << "mlp" << 64 << 10 << QList<int>{32} << "tanh" << 32 << "sgd" << 0.9;
    QTest::newRow("digits-mlp-tanh-adam")
        << "mlp" << 64 << 10 << QList<int>{32} << "tanh" << 32 << "adam" << 0.0;
    QTest::newRow("mlp-two-hidden-relu-adam")
        << "mlp" << 64 << 10 << QList<int>{256, 256} << "relu" << 32 << "adam" << 0.0;
    QTest::newRow("mnist-shaped-mlp-sgd-momentum")
        << "mlp" << 784 << 10 << QList<int>{128} << "relu" << 128 << "sgd" << 0.9;
    QTest::newRow("softmax-sgd-momentum")
        << "softmax" << 13 << 3 << QList<int>{} << "relu" << 16 << "sgd" << 0.9;
    QTest::newRow("logreg-adam") << "logreg" << 1 << 2 << QList<int>{} << "relu" << 32 << "adam"
                                 << 0.0;
    QTest::newRow("linreg-sgd-momentum")
        << "linreg" << 1 << 0 << QList<int>{} << "relu" << 32 << "sgd" << 0.9;
    QTest::newRow("mlp-regression-adam")
        << "mlp" << 10 << 0 << QList<int>{32} << "tanh" << 32 << "adam" << 0.0;
}

void TestNoAlloc::trainingLoop()
{
    const lrlab::ModelSpec spec = lrlab::test::fetchModelSpec();
    QFETCH(int, inputs);
    QFETCH(int, classes);
    QFETCH(int, batch);
    QFETCH(QString, optimizer);
    QFETCH(double, momentum);

    // Everything sized before the loop: data, parameters, gradient, workspaces, state.
    lrlab::Model<float> model(spec);
    model.reserve(batch);
    const int rows = 5 * batch + 3; // evaluate() runs several chunks, the last one short
    lrlab::Rng rng(5, 0);
    std::vector<float> x(static_cast<std::size_t>(rows) * static_cast<std::size_t>(inputs));
    for (float& v : x)
        v = static_cast<float>(rng.normal());
    std::vector<int> labels(static_cast<std::size_t>(rows));
    std::vector<float> targets(static_cast<std::size_t>(rows));
    for (int i = 0; i < rows; ++i) {
        labels[static_cast<std::size_t>(i)] =
            classes == 0 ? 0 : static_cast<int>(rng.bounded(static_cast<std::uint64_t>(classes)));
        targets[static_cast<std::size_t>(i)] = static_cast<float>(rng.normal());
    }
    const int* labelData = spec.isClassification() ? labels.data() : nullptr;
    const float* targetData = spec.isClassification() ? nullptr : targets.data();
    Eigen::VectorXf params(model.parameterCount());
    Eigen::VectorXf grad(model.parameterCount());
    model.initialize(1, params.data());
    lrlab::OptimizerSpec optimizerSpec;
    optimizerSpec.type = optimizer.toStdString();
    optimizerSpec.momentum = momentum;
    const std::unique_ptr<lrlab::Optimizer<float>> step =
        lrlab::makeOptimizer<float>(optimizerSpec);
    step->reset(model.parameterCount());

    const long newBefore = lrlab::test::newCalls();
    const long mallocBefore = lrlab::test::mallocCalls();
    Eigen::internal::set_is_malloc_allowed(false);
    double checksum = 0.0;
    for (int iteration = 0; iteration < 20; ++iteration) {
        const int first = (iteration % 5) * batch;
        const std::size_t offset = static_cast<std::size_t>(first) * inputs;
        checksum += model.lossAndGradient(params.data(), x.data() + offset, batch,
                                          labelData ? labelData + first : nullptr,
                                          targetData ? targetData + first : nullptr, grad.data());
        step->step(params, grad, 1e-3);
        if (iteration % 5 == 4) {
            const lrlab::Evaluation evaluation =
                model.evaluate(params.data(), x.data(), rows, labelData, targetData);
            checksum += evaluation.loss;
            checksum += model.loss(params.data(), x.data(), rows, labelData, targetData);
        }
    }
    Eigen::internal::set_is_malloc_allowed(true);
    const long newCalls = lrlab::test::newCalls() - newBefore;
    const long mallocCalls = lrlab::test::mallocCalls() - mallocBefore;

    QVERIFY(std::isfinite(checksum));
    QVERIFY2(newCalls == 0, qPrintable(QStringLiteral("%1 operator new calls").arg(newCalls)));
    QVERIFY2(mallocCalls == 0, qPrintable(QStringLiteral("%1 malloc calls").arg(mallocCalls)));
}

QTEST_GUILESS_MAIN(TestNoAlloc)
#include "tst_no_alloc.moc"
