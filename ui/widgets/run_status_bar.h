#pragma once

#include <QObject>
#include <QString>

class QLabel;
class QProgressBar;
class QStatusBar;

namespace lrlab {

/// The explorer's status line, put into a QStatusBar: the run status (red and bold for an
/// alarm such as a divergence), a busy indicator while a run computes, the landscape's
/// progress, the throughput in steps/s and the run's time. GUI thread only; the widgets
/// belong to the status bar.
class RunStatusBar : public QObject
{
    Q_OBJECT
public:
    explicit RunStatusBar(QStatusBar* bar);

    void setStatus(const QString& text, bool alarm = false);
    QString statusText() const;
    void setBusy(bool busy);
    bool isBusy() const { return m_busy; }
    /// Landscape progress; done >= total or total <= 0 hides the bar.
    void setLandscapeProgress(int done, int total);
    void hideLandscapeProgress();
    /// "12 300 steps/s" from steps run in milliseconds (nothing for ms <= 0).
    void setThroughput(int steps, double milliseconds);
    QString throughputText() const;
    void setRunTime(double milliseconds, int decimals);

    /// Integer with thin spaces between thousands ("25 050 728").
    static QString groupedNumber(double value);

private:
    QLabel* m_status = nullptr;
    QProgressBar* m_busyBar = nullptr;
    QProgressBar* m_landscapeBar = nullptr;
    QLabel* m_throughput = nullptr;
    QLabel* m_timing = nullptr;
    bool m_busy = false;
};

} // namespace lrlab
