#include "ui/widgets/run_status_bar.h"

#include <QLabel>
#include <QProgressBar>
#include <QStatusBar>

#include <algorithm>
#include <cmath>

namespace lrlab {

RunStatusBar::RunStatusBar(QStatusBar* bar) : QObject(bar)
{
    m_status = new QLabel(bar);
    m_status->setObjectName(QStringLiteral("runStatusLabel"));
    m_busyBar = new QProgressBar(bar);
    m_busyBar->setObjectName(QStringLiteral("busyIndicator"));
    m_busyBar->setRange(0, 0); // indeterminate: "working"
    m_busyBar->setMaximumWidth(90);
    m_busyBar->setMaximumHeight(14);
    m_busyBar->setTextVisible(false);
    m_busyBar->setToolTip(tr("A run is in progress in the background."));
    m_busyBar->setVisible(false);
    m_landscapeBar = new QProgressBar(bar);
    m_landscapeBar->setObjectName(QStringLiteral("landscapeProgress"));
    m_landscapeBar->setMaximumWidth(160);
    m_landscapeBar->setMaximumHeight(14);
    m_landscapeBar->setFormat(tr("landscape %p%"));
    m_landscapeBar->setToolTip(tr("The loss landscape of the run is being computed in the "
                                  "background (coarse grid first, then refined)."));
    m_landscapeBar->setVisible(false);
    m_throughput = new QLabel(bar);
    m_throughput->setObjectName(QStringLiteral("throughputLabel"));
    m_throughput->setToolTip(tr("Optimizer steps per second of the last run."));
    m_timing = new QLabel(bar);
    m_timing->setObjectName(QStringLiteral("runTimeLabel"));
    m_timing->setToolTip(tr("Time the last run took in the background thread."));
    bar->addWidget(m_status, 1);
    bar->addPermanentWidget(m_landscapeBar);
    bar->addPermanentWidget(m_busyBar);
    bar->addPermanentWidget(m_throughput);
    bar->addPermanentWidget(m_timing);
}

void RunStatusBar::setStatus(const QString& text, bool alarm)
{
    m_status->setText(text);
    m_status->setStyleSheet(alarm ? QStringLiteral("color: rgb(200,30,30); font-weight: bold;")
                                  : QString());
}

QString RunStatusBar::statusText() const
{
    return m_status->text();
}

void RunStatusBar::setBusy(bool busy)
{
    m_busy = busy;
    m_busyBar->setVisible(busy);
}

void RunStatusBar::setLandscapeProgress(int done, int total)
{
    if (total <= 0) {
        hideLandscapeProgress();
        return;
    }
    m_landscapeBar->setMaximum(total);
    m_landscapeBar->setValue(std::min(done, total));
    m_landscapeBar->setVisible(true);
}

void RunStatusBar::hideLandscapeProgress()
{
    m_landscapeBar->setVisible(false);
}

void RunStatusBar::setThroughput(int steps, double milliseconds)
{
    if (milliseconds > 0.0)
        m_throughput->setText(
            tr("%1 steps/s").arg(groupedNumber(1000.0 * std::max(steps, 1) / milliseconds)));
}

QString RunStatusBar::throughputText() const
{
    return m_throughput->text();
}

void RunStatusBar::setRunTime(double milliseconds, int decimals)
{
    m_timing->setText(tr("run %1 ms").arg(milliseconds, 0, 'f', decimals));
}

QString RunStatusBar::groupedNumber(double value)
{
    const QString digits = QString::number(static_cast<qlonglong>(std::llround(value)));
    QString out;
    for (int i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0 && digits[i - 1].isDigit())
            out += QChar(0x2009);
        out += digits[i];
    }
    return out;
}

} // namespace lrlab
