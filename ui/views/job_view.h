#pragma once

#include <QString>
#include <QWidget>

namespace lrlab {

class BackgroundJob;
class JobStrip;

/// The base of the analysis views that run one kind of background job (sweep, fine-tuning, LR
/// finder): it owns the BackgroundJob and the JobStrip that shows it, re-emits the newest job's
/// progress as progressChanged(), and answers the questions every such view answers (running,
/// generation, pending jobs, status line). Subclasses build their controls, put strip() where
/// they want it and implement run() and cancel().
///
/// The job is the view's first child: the view's destruction cancels and waits for every job
/// before the other children (plots, tables) go. GUI thread only.
class JobView : public QWidget
{
    Q_OBJECT
public:
    /// True from run() until the newest job finishes, fails or is cancelled.
    bool isRunning() const;
    /// The generation of the newest run() (1, 2, …; 0 before any).
    quint64 generation() const;
    /// Jobs whose work has not returned yet (abandoned ones included).
    int pendingJobs() const;
    /// The text of the status line.
    QString statusText() const;

public slots:
    /// Starts a job with the current controls; abandons any job still running.
    virtual void run() = 0;
    /// Abandons the running job at once (its results are dropped).
    virtual void cancel() = 0;

signals:
    /// Progress of the newest job (done of total units; total 0 while it cannot count yet).
    void progressChanged(int done, int total);

protected:
    /// namePrefix names the strip's children (prefix + Run, Cancel, Progress, Time, Status).
    JobView(const QString& namePrefix, QWidget* parent);

    BackgroundJob* job() const { return m_job; }
    /// Created by the constructor with this view as parent; the subclass places it. Its
    /// buttons and Ctrl+Return / Esc anywhere in the view call run() and cancel().
    JobStrip* strip() const { return m_strip; }
    void setStatus(const QString& text, bool alarm = false);

private:
    BackgroundJob* m_job = nullptr;
    JobStrip* m_strip = nullptr;
};

} // namespace lrlab
