#pragma once

// Helpers of the benchmarks that drive the window (offscreen).

#include "ui/controls/learning_rate_control.h"

#include <QCoreApplication>
#include <QSlider>

#include <functional>

namespace lrlab::bench {

/// Processes events until done() holds (blocking while nothing arrives).
inline void spinUntil(const std::function<bool()>& done)
{
    while (!done())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
}

/// Change k of a series of learning-rate slider changes: the slider zigzags up and down over
/// ten odd positions above lr 1e-3 (about 1e-3..1.6e-3), and always moves, so that every change
/// is a real re-run.
inline void zigzagLearningRate(LearningRateControl& control, int k)
{
    const int base = LearningRateControl::positionForRate(1e-3);
    const int position = base + (k % 20 < 10 ? k % 10 : 10 - k % 10) * 2 + 1;
    control.slider()->setValue(position == control.slider()->value() ? position + 1 : position);
}

} // namespace lrlab::bench
