#include "ui/widgets/job_strip.h"

#include "ui/worker/background_job.h"

#include <QHBoxLayout>
#include <QKeySequence>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QShortcut>
#include <QTimer>
#include <QVBoxLayout>

namespace lrlab {

namespace {

/// How often the time line moves while a job runs.
constexpr int kTickMilliseconds = 250;

QString seconds(qint64 milliseconds)
{
    return QString::number(static_cast<double>(milliseconds) / 1000.0, 'f', 1);
}

} // namespace

JobStrip::JobStrip(const QString& namePrefix, QWidget* parent) : QWidget(parent)
{
    auto* column = new QVBoxLayout(this);
    column->setContentsMargins(0, 0, 0, 0);
    auto* buttons = new QHBoxLayout;
    m_run = new QPushButton(tr("&Run"), this);
    m_run->setObjectName(namePrefix + QStringLiteral("Run"));
    m_cancel = new QPushButton(tr("Cance&l"), this);
    m_cancel->setObjectName(namePrefix + QStringLiteral("Cancel"));
    m_cancel->setToolTip(tr("Stop now (Esc)."));
    m_cancel->setEnabled(false);
    connect(m_run, &QPushButton::clicked, this, &JobStrip::runRequested);
    connect(m_cancel, &QPushButton::clicked, this, &JobStrip::cancelRequested);
    buttons->addWidget(m_run);
    buttons->addWidget(m_cancel);
    column->addLayout(buttons);

    m_progress = new QProgressBar(this);
    m_progress->setObjectName(namePrefix + QStringLiteral("Progress"));
    m_progress->setAccessibleName(tr("Progress"));
    m_progress->setToolTip(tr("How much of the job is done (moving while it prepares and "
                              "cannot count yet)."));
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    m_progress->setTextVisible(true);
    column->addWidget(m_progress);
    m_time = new QLabel(this);
    m_time->setObjectName(namePrefix + QStringLiteral("Time"));
    m_time->setAccessibleName(tr("Time"));
    m_time->setToolTip(tr("Time since the job started and an estimate of what is left (from "
                          "the average time per finished unit)."));
    column->addWidget(m_time);
    m_status = new QLabel(this);
    m_status->setObjectName(namePrefix + QStringLiteral("Status"));
    m_status->setAccessibleName(tr("Status"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    column->addWidget(m_status);

    m_tick = new QTimer(this);
    m_tick->setInterval(kTickMilliseconds);
    connect(m_tick, &QTimer::timeout, this, &JobStrip::showElapsed);
}

void JobStrip::bind(BackgroundJob* job)
{
    if (m_job != nullptr)
        disconnect(m_job, nullptr, this, nullptr);
    m_job = job;
    m_cancel->setEnabled(job != nullptr && job->isRunning());
    if (job == nullptr)
        return;
    connect(job, &BackgroundJob::started, this, &JobStrip::jobStarted);
    connect(job, &BackgroundJob::progressChanged, this, &JobStrip::jobProgress);
    connect(job, &BackgroundJob::runningChanged, this, &JobStrip::jobRunning);
    connect(job, &BackgroundJob::finished, this, &JobStrip::jobFinished);
    connect(job, &BackgroundJob::cancelled, this, &JobStrip::jobCancelled);
    connect(job, &BackgroundJob::failed, this, &JobStrip::jobFailed);
}

void JobStrip::setRunAction(const QString& text, const QString& toolTip)
{
    m_run->setText(text);
    m_run->setToolTip(toolTip);
}

void JobStrip::setCancelAction(const QString& text, const QString& toolTip)
{
    m_cancel->setText(text);
    m_cancel->setToolTip(toolTip);
}

void JobStrip::setProgressFormat(const QString& format)
{
    m_progress->setFormat(format);
}

void JobStrip::installShortcuts(QWidget* scope)
{
    auto* run = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), scope);
    run->setContext(Qt::WidgetWithChildrenShortcut);
    connect(run, &QShortcut::activated, this, &JobStrip::runRequested);
    auto* cancel = new QShortcut(QKeySequence(Qt::Key_Escape), scope);
    cancel->setContext(Qt::WidgetWithChildrenShortcut);
    connect(cancel, &QShortcut::activated, this, &JobStrip::cancelRequested);
}

void JobStrip::setStatus(const QString& text, bool alarm)
{
    m_status->setText(text);
    m_status->setStyleSheet(alarm ? QStringLiteral("color: #b01e1e;") : QString());
    if (m_job == nullptr || !m_job->isRunning())
        m_ownerStatus = true;
}

QString JobStrip::statusText() const
{
    return m_status->text();
}

void JobStrip::showDefaultStatus(const QString& text, bool alarm)
{
    if (m_ownerStatus)
        return;
    setStatus(text, alarm);
    m_ownerStatus = false;
}

bool JobStrip::isNewest(quint64 generation) const
{
    return m_job != nullptr && generation == m_job->generation();
}

void JobStrip::stopBusyBar()
{
    if (m_progress->maximum() == 0) {
        m_progress->setRange(0, 1);
        m_progress->setValue(0);
    }
}

void JobStrip::jobStarted(quint64 /*generation*/)
{
    m_clock.start();
    m_rateClock.invalidate();
    m_progress->setRange(0, 0); // busy until the job reports a total
    m_time->setText(tr("started…"));
    m_tick->start();
}

void JobStrip::jobProgress(quint64 generation, int done, int total)
{
    if (!isNewest(generation))
        return;
    if (total <= 0) {
        m_progress->setRange(0, 0);
    } else {
        if (!m_rateClock.isValid()) {
            m_rateClock.start();
            m_rateStart = done;
        }
        if (m_progress->maximum() != total)
            m_progress->setRange(0, total);
        m_progress->setValue(done);
    }
    showElapsed();
}

void JobStrip::showElapsed()
{
    if (!m_clock.isValid())
        return;
    QString text = tr("%1 s elapsed").arg(seconds(m_clock.elapsed()));
    const int total = m_progress->maximum();
    const int done = m_progress->value();
    if (total > 0 && m_rateClock.isValid() && done > m_rateStart && done < total) {
        const double perUnit =
            static_cast<double>(m_rateClock.elapsed()) / static_cast<double>(done - m_rateStart);
        text +=
            tr(" · about %1 s left").arg(seconds(static_cast<qint64>(perUnit * (total - done))));
    }
    m_time->setText(text);
}

void JobStrip::jobRunning(bool running)
{
    m_cancel->setEnabled(running);
    if (!running) {
        m_tick->stop();
        m_ownerStatus = false; // what the owner says from now on is the outcome
    }
}

void JobStrip::jobFinished(quint64 generation)
{
    if (!isNewest(generation))
        return;
    if (m_progress->maximum() == 0)
        m_progress->setRange(0, 1);
    m_progress->setValue(m_progress->maximum());
    m_time->setText(tr("%1 in %2 s").arg(m_progress->text(), seconds(m_clock.elapsed())));
    showDefaultStatus(tr("Done."), false);
}

void JobStrip::jobCancelled(quint64 generation)
{
    if (!isNewest(generation))
        return;
    const bool measured = m_progress->maximum() > 0;
    stopBusyBar();
    m_time->setText(tr("cancelled after %1 s").arg(seconds(m_clock.elapsed())));
    showDefaultStatus(
        measured ? tr("Cancelled after %1.").arg(m_progress->text()) : tr("Cancelled."), false);
}

void JobStrip::jobFailed(quint64 generation, const QString& message)
{
    if (!isNewest(generation))
        return;
    stopBusyBar();
    m_time->clear();
    showDefaultStatus(tr("Failed: %1").arg(message), true);
}

} // namespace lrlab
