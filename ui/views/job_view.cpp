#include "ui/views/job_view.h"

#include "ui/widgets/job_strip.h"
#include "ui/worker/background_job.h"

namespace lrlab {

JobView::JobView(const QString& namePrefix, QWidget* parent) : QWidget(parent)
{
    m_job = new BackgroundJob(this); // first child: destroyed (cancel, wait) before the others
    m_strip = new JobStrip(namePrefix, this);
    m_strip->bind(m_job);
    m_strip->installShortcuts(this);
    connect(m_strip, &JobStrip::runRequested, this, &JobView::run);
    connect(m_strip, &JobStrip::cancelRequested, this, &JobView::cancel);
    connect(m_job, &BackgroundJob::progressChanged, this,
            [this](quint64, int done, int total) { emit progressChanged(done, total); });
}

bool JobView::isRunning() const
{
    return m_job->isRunning();
}

quint64 JobView::generation() const
{
    return m_job->generation();
}

int JobView::pendingJobs() const
{
    return m_job->pendingJobs();
}

QString JobView::statusText() const
{
    return m_strip->statusText();
}

void JobView::setStatus(const QString& text, bool alarm)
{
    m_strip->setStatus(text, alarm);
}

} // namespace lrlab
