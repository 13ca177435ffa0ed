#include "ui/views/finetune_tables.h"

#include "ui/plots/plot_style.h"
#include "ui/views/finetune_outcome.h"
#include "ui/views/finetune_summary.h"
#include "ui/views/finetune_view.h"
#include "ui/views/view_helpers.h"

#include <QLocale>
#include <QTableWidget>

#include <cmath>

namespace lrlab {

namespace {

QString bytesText(std::size_t bytes)
{
    if (bytes < 1024)
        return QStringLiteral("%1 B").arg(bytes);
    return QStringLiteral("%1 KiB").arg(static_cast<double>(bytes) / 1024.0, 0, 'f', 1);
}

} // namespace

FineTuneTables::FineTuneTables(QWidget* parent) : QTabWidget(parent)
{
    m_memory = makeRunTable(
        this, QStringLiteral("finetuneMemory"),
        FineTuneView::tr("What each method trains and what its optimizer must store. Adam keeps "
                         "two float32 moments per trainable parameter (8 bytes); adam8bit keeps "
                         "them in 8 bits with a scale per block (about 2 bytes). LoRA's and "
                         "head-only's savings come from training fewer parameters, adam8bit's "
                         "from storing each more compactly; they multiply."));
    m_runs = makeRunTable(this, QStringLiteral("finetuneRuns"),
                          FineTuneView::tr("Every run of the sweep. Enter or double-click shows "
                                           "its curves."));
    connect(m_runs, &QTableWidget::itemActivated, this,
            [this](QTableWidgetItem* item) { emit runActivated(item->row()); });
    addTab(m_memory, FineTuneView::tr("Parameters && optimizer state"));
    addTab(m_runs, FineTuneView::tr("All runs"));
}

void FineTuneTables::showOutcome(const FineTuneOutcome& outcome)
{
    fillMemory(outcome);
    fillRuns(outcome);
}

void FineTuneTables::selectRun(int index)
{
    if (m_runs->currentRow() != index && index < m_runs->rowCount())
        m_runs->setCurrentCell(index, 0);
}

void FineTuneTables::fillMemory(const FineTuneOutcome& outcome)
{
    // One row per method (the same at every size).
    const QStringList headers{
        FineTuneView::tr("method"),
        FineTuneView::tr("trainable"),
        FineTuneView::tr("of the model"),
        FineTuneView::tr("Adam state"),
        FineTuneView::tr("adam8bit state"),
        FineTuneView::tr("%1 state")
            .arg(QString::fromStdString(outcome.request.sweep.base.optimizer.type))};
    int total = 0;
    for (const FineTuneResult& r : outcome.results)
        if (r.method == FineTuneMethod::Full)
            total = r.trainableParameters;
    std::vector<QStringList> rows;
    for (FineTuneMethod m : outcome.methods) {
        const FineTuneResult* r = nullptr;
        for (const FineTuneResult& candidate : outcome.results)
            if (candidate.method == m && candidate.status != RunStatus::Cancelled) {
                r = &candidate;
                break;
            }
        QStringList cells{fineTuneMethodLabel(m)};
        if (r != nullptr)
            cells << QLocale().toString(r->trainableParameters)
                  << (total > 0 ? QStringLiteral("%1 %").arg(100.0 * r->trainableParameters / total,
                                                             0, 'f', 1)
                                : QString())
                  << bytesText(r->stateBytesAdam) << bytesText(r->stateBytesAdam8bit)
                  << bytesText(r->stateBytes);
        rows.push_back(cells);
    }
    setTableRows(m_memory, headers, rows);
    // The method names in their curves' colour.
    for (int row = 0; row < static_cast<int>(outcome.methods.size()); ++row)
        m_memory->item(row, 0)->setForeground(
            fineTuneMethodColour(outcome.methods[static_cast<std::size_t>(row)]).darker(115));
}

void FineTuneTables::fillRuns(const FineTuneOutcome& outcome)
{
    const QStringList headers{FineTuneView::tr("method"),      FineTuneView::tr("size"),
                              FineTuneView::tr("lr"),          FineTuneView::tr("target acc"),
                              FineTuneView::tr("source acc"),  FineTuneView::tr("forgetting"),
                              FineTuneView::tr("target loss"), FineTuneView::tr("diverged")};
    std::vector<QStringList> rows;
    std::vector<QColor> colours;
    for (const FineTuneResult& r : outcome.results) {
        rows.push_back(
            {fineTuneMethodLabel(r.method), QString::number(r.trainSize),
             formatFineTuneRate(r.learningRate), accuracyPercent(r.targetValidationAccuracy),
             accuracyPercent(r.sourceValidationAccuracy),
             std::isfinite(r.forgetting)
                 ? QStringLiteral("%1 pts").arg(100.0 * r.forgetting, 0, 'f', 1)
                 : QStringLiteral("–"),
             std::isfinite(r.targetValidationLoss) ? QString::number(r.targetValidationLoss, 'g', 4)
                                                   : QStringLiteral("–"),
             r.diverged ? FineTuneView::tr("yes") : FineTuneView::tr("no")});
        colours.push_back(r.diverged ? alarmColour() : QColor());
    }
    setTableRows(m_runs, headers, rows, colours);
}

} // namespace lrlab
