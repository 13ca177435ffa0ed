// Reading large training logs: a TensorBoard event file with 10^6 steps of two tags (lr and
// train/loss, one record each, as SummaryWriter writes them: 2·10^6 records), a CSV of 10^6 rows
// (step,lr,loss) and the min/max decimation of 10^6 points to 1000 pixel columns. Prints
// "name<TAB>wall milliseconds<TAB>CPU milliseconds" (medians of 5 reads; on a busy machine the
// CPU time is the one to compare) and the peak resident memory.
#include "core/logs/log_decimate.h"
#include "core/logs/log_follower.h"
#include "tests/bench/bench_timing.h"
#include "tests/common/tfrecord_bytes.h"

#include <QByteArray>
#include <QFile>
#include <QTemporaryDir>

#include <sys/resource.h>

#include <cmath>
#include <cstdio>
#include <ctime>
#include <functional>
#include <utility>
#include <vector>

namespace {

constexpr int kSteps = 1000000;

bool writeBytes(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

/// Median wall and CPU milliseconds of 5 calls of work.
std::pair<double, double> milliseconds(const std::function<void()>& work)
{
    std::vector<double> wall;
    std::vector<double> cpu;
    for (int r = 0; r < 5; ++r) {
        const std::clock_t start = std::clock();
        wall.push_back(1e3 * lrlab::bench::secondsOf(work));
        cpu.push_back(1e3 * static_cast<double>(std::clock() - start) / CLOCKS_PER_SEC);
    }
    return {lrlab::bench::median(wall), lrlab::bench::median(cpu)};
}

std::pair<double, double> readMilliseconds(const QString& path, lrlab::LogFormat format,
                                           std::size_t& points)
{
    const lrlab::LogSource source{path.toStdString(), format, {path.toStdString()}, ""};
    return milliseconds([&] { points = lrlab::readLog(source).pointCount(); });
}

} // namespace

int main()
{
    QTemporaryDir dir;
    QByteArray events = lrlab::test::tfRecord(lrlab::test::field(3, "brain.Event:2"));
    QByteArray csv = "step,lr,loss\n";
    events.reserve(std::size_t(kSteps) * 2 * 60);
    csv.reserve(std::size_t(kSteps) * 40);
    for (int step = 0; step < kSteps; ++step) {
        const float lr = 0.05f * std::cos(static_cast<float>(step) * 1e-6f);
        const float loss = 2.3f / (1.0f + static_cast<float>(step) * 1e-4f);
        events += lrlab::test::tfRecord(
            lrlab::test::eventBytes(step, {lrlab::test::simpleValue("lr", lr)}));
        events += lrlab::test::tfRecord(
            lrlab::test::eventBytes(step, {lrlab::test::simpleValue("train/loss", loss)}));
        csv += QByteArray::number(step) + ',' + QByteArray::number(lr, 'g', 9) + ',' +
               QByteArray::number(loss, 'g', 9) + '\n';
    }
    const QString eventPath = dir.filePath("events.out.tfevents.bench");
    const QString csvPath = dir.filePath("metrics.csv");
    if (!writeBytes(eventPath, events) || !writeBytes(csvPath, csv)) {
        std::fprintf(stderr, "bench_core_log_import: cannot write %s\n", qPrintable(dir.path()));
        return 1;
    }
    std::printf("event file\t%.1f MiB\ncsv file\t%.1f MiB\n", events.size() / 1048576.0,
                csv.size() / 1048576.0);
    events.clear();
    events.squeeze();
    csv.clear();
    csv.squeeze();

    std::size_t points = 0;
    const auto tensorboard = readMilliseconds(eventPath, lrlab::LogFormat::TensorBoard, points);
    std::printf("tensorboard 2 tags x 1e6 steps (%zu points)\t%.0f ms\t%.0f ms CPU\n", points,
                tensorboard.first, tensorboard.second);
    const auto csvMs = readMilliseconds(csvPath, lrlab::LogFormat::Csv, points);
    std::printf("csv 2 columns x 1e6 rows (%zu points)\t%.0f ms\t%.0f ms CPU\n", points,
                csvMs.first, csvMs.second);

    const lrlab::LogRun run = lrlab::readLog(
        {eventPath.toStdString(), lrlab::LogFormat::TensorBoard, {eventPath.toStdString()}, ""});
    std::size_t kept = 0;
    const auto decimate = milliseconds([&] {
        kept = lrlab::decimateMinMax(run.series.at("train/loss"), 0, kSteps - 1, 1000).size();
    });
    std::printf("decimate 1e6 points to 1000 columns (%zu points)\t%.1f ms\t%.1f ms CPU\n", kept,
                decimate.first, decimate.second);
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    std::printf("series memory\t%.1f MiB (16 bytes a point)\npeak resident\t%.0f MiB\n",
                static_cast<double>(run.pointCount() * sizeof(lrlab::ScalarPoint)) / 1048576.0,
                static_cast<double>(usage.ru_maxrss) / 1024.0);
    return 0;
}
