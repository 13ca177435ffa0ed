#pragma once

#include "core/analysis/curvature.h"
#include "ui/experiment_model.h"

#include <QObject>

#include <map>
#include <string>

namespace lrlab {

class BackgroundJob;
class LearningRateControl;

/// The stability marks of the learning rate: the stable limit 2/λ₁ (2(1+β)/λ₁ with heavy-ball
/// momentum β) and the best constant rate 2/(λ₁+λₙ), marked on the LR control with a sentence
/// that explains them. Toy surfaces: from the analytic Hessian at the start point (instant).
/// Models: λ₁ and λₙ of the full-batch training loss at the initialization, by Lanczos on a
/// background job, cached per problem; NaN (and "computing…") until it arrives. GUI thread only.
class StabilityMarks : public QObject
{
    Q_OBJECT
public:
    StabilityMarks(ExperimentModel* model, LearningRateControl* control, QObject* parent = nullptr);

    /// NaN while a model's curvature is computed; +inf without positive curvature.
    double stableLimit() const { return m_stableLimit; }
    double bestRate() const { return m_bestRate; }
    /// The last curvature estimate of a model problem shown in the marks.
    const CurvatureEstimate& modelCurvature() const { return m_curvature; }

signals:
    /// The marks changed (the schedule plot draws the limit as a line).
    void limitsChanged(double stableLimit, double bestRate);
    /// A model's curvature estimate arrived and is shown.
    void curvatureDisplayed();

private:
    void update(const RunConfig& config);
    void showToy(const RunConfig& config);
    void showModel(const RunConfig& config);
    void requestCurvature(const RunConfig& config, const std::string& key);
    void show(double limit, double best, const QString& text);

    ExperimentModel* m_model;
    LearningRateControl* m_control;
    BackgroundJob* m_job = nullptr;
    std::map<std::string, CurvatureEstimate> m_cache;
    std::string m_jobKey; ///< the problem the running job estimates
    CurvatureEstimate m_curvature;
    double m_stableLimit = 0.0;
    double m_bestRate = 0.0;
};

} // namespace lrlab
