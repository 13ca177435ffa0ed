// libFuzzer harness: bytes as an IDX file (plain or gzip) through readIdxImages and
// readIdxLabels, which take a path (the bytes go to a file in memory, input_file.h). A
// DatasetError is the expected answer to a bad file; anything else is a finding, and so is a
// result whose size disagrees with its header's counts.
#include "core/datasets/idx_loader.h"
#include "tests/fuzz/input_file.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static lrlab::fuzz::InputFile file(".idx");
    file.write(data, size);
    try {
        const lrlab::IdxImages images = lrlab::readIdxImages(file.path());
        if (images.pixels.size() != static_cast<std::size_t>(images.count) *
                                        static_cast<std::size_t>(images.rows) *
                                        static_cast<std::size_t>(images.cols)) {
            std::fprintf(stderr, "IDX images: pixel count disagrees with the header\n");
            std::abort();
        }
    } catch (const lrlab::DatasetError&) {
    }
    try {
        lrlab::readIdxLabels(file.path());
    } catch (const lrlab::DatasetError&) {
    }
    return 0;
}
