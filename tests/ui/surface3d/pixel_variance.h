#pragma once

#include <QImage>

namespace lrlab::test {

/// Variance of an image's grey levels: 0 for a blank (single-colour) image.
inline double pixelVariance(const QImage& image)
{
    const QImage grey = image.convertToFormat(QImage::Format_Grayscale8);
    double sum = 0, squares = 0;
    const double n = double(grey.width()) * grey.height();
    for (int y = 0; y < grey.height(); ++y) {
        const uchar* line = grey.constScanLine(y);
        for (int x = 0; x < grey.width(); ++x) {
            sum += line[x];
            squares += double(line[x]) * line[x];
        }
    }
    return n > 0 ? squares / n - (sum / n) * (sum / n) : 0.0;
}

} // namespace lrlab::test
