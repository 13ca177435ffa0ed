#include "ui/export/gif_median_cut.h"

#include <algorithm>

// Hand-written rather than a library's: giflib's GifQuantizeBuffer sorts with a comparator that
// reads a static, so frames could only be quantised one at a time under a lock. Debian's other
// quantiser, libimagequant (libimagequant-dev, GPL-3.0-or-later, which the project's GPL-3.0-or-
// later licence would allow), is built with OpenMP: it starts its own threads inside our worker
// pool and sums its k-means means per OpenMP thread, so its palettes (floats) could depend on the
// machine's core count, and the file must not depend on thread count.

namespace lrlab {

namespace {

constexpr int kBins = 1 << 15; // 5 bits a channel

int binOf(const uchar* p)
{
    return ((p[0] >> 3) << 10) | ((p[1] >> 3) << 5) | (p[2] >> 3);
}

int channelOf(int bin, int channel)
{
    return (bin >> (10 - 5 * channel)) & 31;
}

/// The picture's palette when it has at most 256 distinct colours; false when it has more.
bool quantizeExactly(const QImage& rgb, QuantizedPicture& picture)
{
    constexpr std::uint32_t kSlots = 1024; // open addressing, at most 256 keys: never full
    constexpr std::uint32_t kEmpty = 0xffffffffu;
    std::array<std::uint32_t, kSlots> keys;
    keys.fill(kEmpty);
    std::array<std::uint8_t, kSlots> values{};
    const int w = rgb.width(), h = rgb.height();
    std::uint32_t lastKey = kEmpty;
    std::uint8_t lastValue = 0;
    for (int y = 0; y < h; ++y) {
        const uchar* line = rgb.constScanLine(y);
        std::uint8_t* out = picture.indices.data() + static_cast<std::size_t>(y) * w;
        for (int x = 0; x < w; ++x) {
            const uchar* p = line + 3 * x;
            const std::uint32_t key =
                (std::uint32_t(p[0]) << 16) | (std::uint32_t(p[1]) << 8) | p[2];
            if (key != lastKey) {
                std::uint32_t slot = (key * 2654435761u) >> 22;
                while (keys[slot] != key && keys[slot] != kEmpty)
                    slot = (slot + 1) & (kSlots - 1);
                if (keys[slot] == kEmpty) {
                    if (picture.colourCount == 256)
                        return false;
                    keys[slot] = key;
                    values[slot] = static_cast<std::uint8_t>(picture.colourCount);
                    picture.palette[static_cast<std::size_t>(picture.colourCount++)] =
                        GifColour{p[0], p[1], p[2]};
                }
                lastKey = key;
                lastValue = values[slot];
            }
            out[x] = lastValue;
        }
    }
    return true;
}

/// A box of histogram bins: bins[begin, end) of the sorted non-empty bins, and its extent.
struct Box
{
    int begin = 0, end = 0;
    std::array<int, 3> low{}, high{};

    int longestChannel() const
    {
        int best = 0;
        for (int c = 1; c < 3; ++c)
            if (high[c] - low[c] > high[best] - low[best])
                best = c;
        return best;
    }
    int range() const { return high[longestChannel()] - low[longestChannel()]; }
};

Box boxOf(const std::vector<std::uint16_t>& bins, int begin, int end)
{
    Box box{begin, end, {31, 31, 31}, {0, 0, 0}};
    for (int i = begin; i < end; ++i)
        for (int c = 0; c < 3; ++c) {
            box.low[c] = std::min(box.low[c], channelOf(bins[i], c));
            box.high[c] = std::max(box.high[c], channelOf(bins[i], c));
        }
    return box;
}

void quantizeBinned(const QImage& rgb, QuantizedPicture& picture)
{
    const int w = rgb.width(), h = rgb.height();
    std::vector<std::uint32_t> counts(kBins, 0);
    std::vector<std::array<std::uint64_t, 3>> sums(kBins, {0, 0, 0});
    for (int y = 0; y < h; ++y) {
        const uchar* line = rgb.constScanLine(y);
        for (int x = 0; x < w; ++x) {
            const uchar* p = line + 3 * x;
            const int bin = binOf(p);
            ++counts[bin];
            auto& sum = sums[bin];
            sum[0] += p[0];
            sum[1] += p[1];
            sum[2] += p[2];
        }
    }
    std::vector<std::uint16_t> bins;
    for (int bin = 0; bin < kBins; ++bin)
        if (counts[bin] != 0)
            bins.push_back(static_cast<std::uint16_t>(bin));

    std::vector<Box> boxes{boxOf(bins, 0, static_cast<int>(bins.size()))};
    while (boxes.size() < 256) {
        // The box with the largest range (the first of equals) that holds more than one bin.
        int chosen = -1;
        for (std::size_t i = 0; i < boxes.size(); ++i)
            if (boxes[i].end - boxes[i].begin > 1 &&
                (chosen < 0 || boxes[i].range() > boxes[static_cast<std::size_t>(chosen)].range()))
                chosen = static_cast<int>(i);
        if (chosen < 0)
            break;
        const Box box = boxes[static_cast<std::size_t>(chosen)];
        const int channel = box.longestChannel();
        // Bins are distinct, so (channel value, bin) orders them totally: any sort gives this.
        std::sort(bins.begin() + box.begin, bins.begin() + box.end,
                  [channel](std::uint16_t a, std::uint16_t b) {
                      const int ca = channelOf(a, channel), cb = channelOf(b, channel);
                      return ca != cb ? ca < cb : a < b;
                  });
        std::uint64_t total = 0;
        for (int i = box.begin; i < box.end; ++i)
            total += counts[bins[i]];
        // The first bin at which half the box's pixels are reached ends the lower box; both
        // halves keep at least one bin.
        std::uint64_t below = 0;
        int split = box.begin + 1;
        for (int i = box.begin; i < box.end - 1; ++i) {
            below += counts[bins[i]];
            split = i + 1;
            if (2 * below >= total)
                break;
        }
        boxes[static_cast<std::size_t>(chosen)] = boxOf(bins, box.begin, split);
        boxes.push_back(boxOf(bins, split, box.end));
    }

    std::vector<std::uint8_t> lookup(kBins, 0);
    for (std::size_t b = 0; b < boxes.size(); ++b) {
        std::array<std::uint64_t, 3> sum{};
        std::uint64_t count = 0;
        for (int i = boxes[b].begin; i < boxes[b].end; ++i) {
            lookup[bins[i]] = static_cast<std::uint8_t>(b);
            count += counts[bins[i]];
            for (int c = 0; c < 3; ++c)
                sum[c] += sums[bins[i]][c];
        }
        const auto mean = [count](std::uint64_t v) {
            return static_cast<std::uint8_t>((v + count / 2) / count);
        };
        picture.palette[b] = GifColour{mean(sum[0]), mean(sum[1]), mean(sum[2])};
    }
    picture.colourCount = static_cast<int>(boxes.size());
    for (int y = 0; y < h; ++y) {
        const uchar* line = rgb.constScanLine(y);
        std::uint8_t* out = picture.indices.data() + static_cast<std::size_t>(y) * w;
        for (int x = 0; x < w; ++x)
            out[x] = lookup[binOf(line + 3 * x)];
    }
}

} // namespace

QuantizedPicture quantizeMedianCut(const QImage& rgb)
{
    QuantizedPicture picture;
    picture.indices.resize(static_cast<std::size_t>(rgb.width()) * rgb.height());
    if (quantizeExactly(rgb, picture))
        return picture;
    picture = QuantizedPicture{};
    picture.indices.resize(static_cast<std::size_t>(rgb.width()) * rgb.height());
    quantizeBinned(rgb, picture);
    return picture;
}

} // namespace lrlab
