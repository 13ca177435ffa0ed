// The parallel engine: every index runs exactly once on any thread count, results do not
// depend on the thread count, cancellation stops promptly, errors come back to the caller.
#include "core/engine/parallel_engine.h"
#include "core/util/rng.h"

#include <QtTest>

#include <atomic>
#include <stdexcept>
#include <thread>
#include <vector>

class TestParallelEngine : public QObject
{
    Q_OBJECT

private slots:
    void everyIndexOnce_data();
    void everyIndexOnce();
    void resultsIndependentOfThreads();
    void cancelStopsEarly();
    void errorIsRethrown();
    void progressReachesTotal();
};

void TestParallelEngine::everyIndexOnce_data()
{
    QTest::addColumn<int>("threads");
    QTest::addColumn<int>("count");
    QTest::newRow("one-thread") << 1 << 100;
    QTest::newRow("two-threads") << 2 << 1000;
    QTest::newRow("more-threads-than-items") << 8 << 3;
    QTest::newRow("every-core") << 0 << 257;
    QTest::newRow("empty") << 4 << 0;
}

void TestParallelEngine::everyIndexOnce()
{
    QFETCH(int, threads);
    QFETCH(int, count);
    std::vector<std::atomic<int>> hits(static_cast<std::size_t>(count));
    std::atomic<int> maxWorker{-1};
    const bool complete = lrlab::parallelFor(
        count,
        [&](int index, int worker) {
            hits[static_cast<std::size_t>(index)].fetch_add(1);
            int seen = maxWorker.load();
            while (worker > seen && !maxWorker.compare_exchange_weak(seen, worker)) {
            }
        },
        {threads, nullptr, {}});
    QVERIFY(complete);
    for (const auto& h : hits)
        QCOMPARE(h.load(), 1);
    QVERIFY(maxWorker.load() < std::max(1, lrlab::resolveThreadCount(threads)));
}

void TestParallelEngine::resultsIndependentOfThreads()
{
    // Each item draws from its own (seed, index) stream, as sweep runs do.
    const auto compute = [](int threads) {
        std::vector<double> out(500);
        lrlab::parallelFor(500,
                           [&](int index, int) {
                               lrlab::Rng rng(99, static_cast<std::uint64_t>(index));
                               double sum = 0.0;
                               for (int i = 0; i < 1000; ++i)
                                   sum += rng.normal();
                               out[static_cast<std::size_t>(index)] = sum;
                           },
                           {threads, nullptr, {}});
        return out;
    };
    const std::vector<double> single = compute(1);
    QCOMPARE(compute(2), single);
    QCOMPARE(compute(5), single);
}

void TestParallelEngine::cancelStopsEarly()
{
    lrlab::CancelFlag cancel{false};
    std::atomic<int> ran{0};
    const bool complete = lrlab::parallelFor(100000,
                                             [&](int, int) {
                                                 if (ran.fetch_add(1) == 50)
                                                     cancel.store(true);
                                             },
                                             {2, &cancel, {}});
    QVERIFY(!complete);
    QVERIFY(ran.load() < 100); // at most one item per worker after the flag
}

void TestParallelEngine::errorIsRethrown()
{
    QVERIFY_THROWS_EXCEPTION(std::runtime_error,
                             lrlab::parallelFor(100,
                                                [](int index, int) {
                                                    if (index == 37)
                                                        throw std::runtime_error("item 37 failed");
                                                },
                                                {2, nullptr, {}}));
}

void TestParallelEngine::progressReachesTotal()
{
    std::atomic<int> calls{0};
    std::atomic<int> last{0};
    lrlab::parallelFor(64, [](int, int) {}, {2, nullptr, [&](int done, int total) {
                                                 calls.fetch_add(1);
                                                 if (done == total)
                                                     last.store(done);
                                             }});
    QCOMPARE(calls.load(), 64);
    QCOMPARE(last.load(), 64);
}

QTEST_GUILESS_MAIN(TestParallelEngine)
#include "tst_parallel_engine.moc"
