#pragma once

#include "core/analysis/diagnosis.h"

#include <QWidget>

class QLabel;

namespace lrlab {

/// The Diagnosis dock's content: the core's verdict on the current run's loss history
/// (diverged, oscillating, stagnating, converging, overfitting) as a large coloured title, the
/// advice and the evidence in the user's language. GUI thread only.
class DiagnosisPanel : public QWidget
{
    Q_OBJECT
public:
    explicit DiagnosisPanel(QWidget* parent = nullptr);

    /// Diagnoses history and shows the verdict; a history too short to judge leaves the panel.
    void showHistory(const LossHistory& history);
    /// Empties the panel (a new problem, a failed run).
    void clear();
    /// The core's name of the verdict shown ("converging", …; empty when none).
    QString diagnosisName() const { return m_name; }

    /// The label's title and advice in the user's language (the core's texts are English).
    static QString title(DiagnosisLabel label);
    static QString advice(DiagnosisLabel label);
    /// The evidence sentence in the user's language, written from the core's numbers (with the
    /// digits of the core's English sentence).
    static QString evidence(const DiagnosisEvidence& evidence);

private:
    QLabel* m_title = nullptr;
    QLabel* m_advice = nullptr;
    QLabel* m_evidence = nullptr;
    QString m_name;
};

} // namespace lrlab
