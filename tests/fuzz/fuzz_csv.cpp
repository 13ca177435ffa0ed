// libFuzzer harness: bytes as a CSV dataset file through loadCsvDataset, which takes a path (the
// bytes go to a file in memory, input_file.h). A DatasetError is the expected answer to a bad
// file; anything else is a finding, and so is a loaded dataset whose arrays disagree with its
// row, feature and class counts.
#include "core/datasets/csv_loader.h"
#include "tests/fuzz/input_file.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static lrlab::fuzz::InputFile file(".csv");
    file.write(data, size);
    lrlab::Dataset dataset;
    try {
        dataset = lrlab::loadCsvDataset(file.path());
    } catch (const lrlab::DatasetError&) {
        return 0;
    }
    const auto rows = static_cast<std::size_t>(dataset.rows);
    bool consistent = dataset.rows > 0 && dataset.features > 0 &&
                      dataset.values.size() == rows * static_cast<std::size_t>(dataset.features) &&
                      dataset.featureNames.size() == static_cast<std::size_t>(dataset.features);
    if (dataset.task == lrlab::TaskKind::Classification)
        consistent =
            consistent && dataset.labels.size() == rows && dataset.numClasses >= 2 &&
            *std::max_element(dataset.labels.begin(), dataset.labels.end()) < dataset.numClasses &&
            *std::min_element(dataset.labels.begin(), dataset.labels.end()) >= 0;
    else
        consistent = consistent && dataset.targets.size() == rows;
    if (!consistent) {
        std::fprintf(stderr, "a loaded CSV dataset disagrees with its own counts\n");
        std::abort();
    }
    return 0;
}
