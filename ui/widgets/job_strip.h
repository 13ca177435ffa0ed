#pragma once

#include <QElapsedTimer>
#include <QPointer>
#include <QString>
#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;
class QTimer;

namespace lrlab {

class BackgroundJob;

/// The run / cancel / progress strip of a background job: a Run and a Cancel button side by
/// side, a progress bar, a time line (elapsed and an estimate of what is left) and a status
/// line. Bound to a BackgroundJob it follows the newest job: Cancel is enabled while it runs,
/// the bar is busy until the job reports a measured total and then counts, and the outcome
/// (finished, cancelled, failed) shows in the time and status lines.
///
/// The buttons only ask: runRequested() and cancelRequested() go to the owner, which starts or
/// cancels the job (and may refuse, e.g. with a status message). Outcome texts are defaults: a
/// status the owner sets with setStatus() after the job stopped is kept.
///
/// Keyboard: the buttons carry mnemonics; installShortcuts() adds Ctrl+Return (run) and Esc
/// (cancel) on a whole view. Child objects are named prefix + Run, Cancel, Progress, Time and
/// Status. GUI thread only.
class JobStrip : public QWidget
{
    Q_OBJECT
public:
    explicit JobStrip(const QString& namePrefix, QWidget* parent = nullptr);

    /// Follows job (not owned; nullptr unbinds). Call it before connecting the owner's own
    /// handlers to the job's signals, so the owner's texts replace the strip's defaults.
    void bind(BackgroundJob* job);

    /// The Run button's text (with its mnemonic) and tooltip.
    void setRunAction(const QString& text, const QString& toolTip);
    /// The Cancel button's text (with its mnemonic) and tooltip.
    void setCancelAction(const QString& text, const QString& toolTip);
    /// The progress bar's text format (QProgressBar::setFormat, e.g. "%v / %m runs").
    void setProgressFormat(const QString& format);
    /// Ctrl+Return runs and Esc cancels anywhere inside scope (and its children).
    void installShortcuts(QWidget* scope);

    /// Shows text in the status line, in the alarm colour when alarm.
    void setStatus(const QString& text, bool alarm = false);
    QString statusText() const;

    QPushButton* runButton() const { return m_run; }
    QPushButton* cancelButton() const { return m_cancel; }
    QProgressBar* progressBar() const { return m_progress; }
    QLabel* timeLabel() const { return m_time; }
    QLabel* statusLabel() const { return m_status; }

signals:
    /// The Run button or Ctrl+Return.
    void runRequested();
    /// The Cancel button or Esc.
    void cancelRequested();

private:
    void jobStarted(quint64 generation);
    void jobProgress(quint64 generation, int done, int total);
    void jobRunning(bool running);
    void jobFinished(quint64 generation);
    void jobCancelled(quint64 generation);
    void jobFailed(quint64 generation, const QString& message);
    bool isNewest(quint64 generation) const;
    /// Ends a busy bar (range 0..0) as an empty one.
    void stopBusyBar();
    void showElapsed();
    void showDefaultStatus(const QString& text, bool alarm);

    QPointer<BackgroundJob> m_job;
    QPushButton* m_run = nullptr;
    QPushButton* m_cancel = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_time = nullptr;
    QLabel* m_status = nullptr;
    QTimer* m_tick = nullptr;
    QElapsedTimer m_clock;     ///< since the newest job started
    QElapsedTimer m_rateClock; ///< since its first measured progress (for the estimate)
    int m_rateStart = 0;       ///< units done when m_rateClock started
    /// True once the owner set a status after the job stopped: outcome defaults keep off it.
    bool m_ownerStatus = false;
};

} // namespace lrlab
