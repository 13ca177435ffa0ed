#include "ui/explorer/stability_marks.h"

#include "core/analysis/stability.h"
#include "core/config/problem_key.h"
#include "core/engine/model_problem.h"
#include "ui/controls/display_names.h"
#include "ui/controls/learning_rate_control.h"
#include "ui/controls/scientific_spin_box.h"
#include "ui/worker/background_job.h"

#include <cmath>
#include <limits>

namespace lrlab {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

QString formatRate(double value)
{
    return ScientificSpinBox::format(value);
}

/// For every optimizer but SGD the theory's limit is SGD's, shown only as a reference.
bool limitIsReference(const RunConfig& config)
{
    return config.optimizer.type != "sgd";
}

bool isHeavyBall(const RunConfig& config)
{
    return config.optimizer.type == "sgd" && config.optimizer.momentum > 0.0;
}

} // namespace

StabilityMarks::StabilityMarks(ExperimentModel* model, LearningRateControl* control,
                               QObject* parent)
    : QObject(parent), m_model(model), m_control(control)
{
    m_job = new BackgroundJob(this);
    connect(m_job, &BackgroundJob::failed, this, [this](quint64, const QString& message) {
        m_jobKey.clear();
        show(kNaN, kNaN, tr("No curvature: %1").arg(message));
    });
    connect(m_model, &ExperimentModel::configChanged, this,
            [this](const RunConfig& config, ConfigChanges what) {
                // The marks depend on the problem, the start, and momentum; not on the schedule.
                if (what & (ConfigChange::Problem | ConfigChange::Start | ConfigChange::Optimizer |
                            ConfigChange::Seed))
                    update(config);
            });
    update(m_model->config());
}

void StabilityMarks::update(const RunConfig& config)
{
    if (isModelType(config.problem.type))
        showModel(config);
    else
        showToy(config);
}

void StabilityMarks::show(double limit, double best, const QString& text)
{
    m_stableLimit = limit;
    m_bestRate = best;
    m_control->setStableLimit(limit, text, limitIsReference(m_model->config()));
    m_control->setBestRate(best);
    emit limitsChanged(limit, best);
}

void StabilityMarks::showToy(const RunConfig& config)
{
    const auto surface = m_model->surface();
    if (!surface || config.init.size() != 2)
        return;
    const Eigen::Vector2d start(config.init[0], config.init[1]);
    const bool heavyBall = isHeavyBall(config);
    const StabilityLimits limits =
        stabilityLimits(surface->hessian(start), heavyBall ? config.optimizer.momentum : 0.0);
    const double limit = heavyBall ? limits.stableLrMomentum : limits.stableLr;
    QString best;
    if (std::isfinite(limits.bestLr) && limits.bestLr > 0.0)
        best = tr(" <span style='color:#148c3c'>▲</span> Best constant rate 2/(λ₁+λₙ) = <b>%1</b> "
                  "(λₙ = %2).")
                   .arg(formatRate(limits.bestLr))
                   .arg(limits.lambdaMin, 0, 'g', 4);
    QString text;
    if (!(std::isfinite(limit) && limit > 0.0)) {
        text = tr("λ₁ = %1 at the start: no positive curvature, so the Hessian sets no step-size "
                  "limit here.")
                   .arg(limits.lambdaMax, 0, 'g', 3);
    } else if (heavyBall) {
        text = tr("<span style='color:#c81e1e'>▼</span> Stable limit 2(1+β)/λ₁ = <b>%1</b> "
                  "(λ₁ = %2 at the start, heavy-ball β = %3; plain GD: 2/λ₁ = %4).")
                   .arg(formatRate(limit))
                   .arg(limits.lambdaMax, 0, 'g', 4)
                   .arg(config.optimizer.momentum)
                   .arg(formatRate(limits.stableLr));
    } else if (config.optimizer.type == "sgd") {
        text = tr("<span style='color:#c81e1e'>▼</span> Stable limit 2/λ₁ = <b>%1</b> (λ₁ = %2, "
                  "the largest curvature at the start).")
                   .arg(formatRate(limit))
                   .arg(limits.lambdaMax, 0, 'g', 4);
    } else {
        text = tr("<span style='color:#787878'>▼</span> SGD's limit 2/λ₁ = <b>%1</b> "
                  "(λ₁ = %2 at the start), a reference: %3 rescales its steps, so its effective "
                  "step differs.")
                   .arg(formatRate(limit))
                   .arg(limits.lambdaMax, 0, 'g', 4)
                   .arg(optimizerDisplayName(config.optimizer.type));
    }
    show(limit, limits.bestLr, text + best);
}

void StabilityMarks::showModel(const RunConfig& config)
{
    const std::string key = problemKey(config.problem, config.seed);
    const auto cached = m_cache.find(key);
    if (cached == m_cache.end()) {
        show(kNaN, kNaN,
             tr("Computing the curvature at the start (extreme Hessian eigenvalues of the "
                "training loss)…"));
        requestCurvature(config, key);
        return;
    }
    m_curvature = cached->second;
    const bool heavyBall = isHeavyBall(config);
    Eigen::Matrix2d diagonal = Eigen::Matrix2d::Zero();
    diagonal(0, 0) = m_curvature.lambdaMax;
    diagonal(1, 1) = m_curvature.lambdaMin;
    const StabilityLimits limits =
        stabilityLimits(diagonal, heavyBall ? config.optimizer.momentum : 0.0);
    const double limit = heavyBall ? limits.stableLrMomentum : limits.stableLr;
    QString text;
    if (!(std::isfinite(limit) && limit > 0.0)) {
        text = tr("λ₁ = %1 at the start: no positive curvature, no step-size limit.")
                   .arg(m_curvature.lambdaMax, 0, 'g', 3);
    } else {
        text = tr("<span style='color:%5'>▼</span> %1 = <b>%2</b> (λ₁ = %3 of the "
                  "full-batch training loss at the initialization%4).")
                   .arg(heavyBall                  ? tr("Stable limit 2(1+β)/λ₁")
                        : limitIsReference(config) ? tr("SGD's limit 2/λ₁")
                                                   : tr("Stable limit 2/λ₁"))
                   .arg(formatRate(limit))
                   .arg(m_curvature.lambdaMax, 0, 'g', 4)
                   .arg(config.optimizer.type == "sgd"
                            ? QString()
                            : tr("; a reference: %1 rescales its steps, so its effective step "
                                 "differs")
                                  .arg(optimizerDisplayName(config.optimizer.type)))
                   .arg(limitIsReference(config) ? QStringLiteral("#787878")
                                                 : QStringLiteral("#c81e1e"));
        if (std::isfinite(limits.bestLr) && limits.bestLr > 0.0)
            text += tr(" <span style='color:#148c3c'>▲</span> Best constant rate 2/(λ₁+λₙ) = "
                       "<b>%1</b> (λₙ = %2).")
                        .arg(formatRate(limits.bestLr))
                        .arg(m_curvature.lambdaMin, 0, 'g', 3);
        else
            text +=
                tr(" λₙ = %1 ≤ 0: no best constant rate.").arg(m_curvature.lambdaMin, 0, 'g', 3);
    }
    show(limit, limits.bestLr, text);
}

void StabilityMarks::requestCurvature(const RunConfig& config, const std::string& key)
{
    if (m_job->isRunning() && m_jobKey == key)
        return;     // already on its way
    m_jobKey = key; // a job for another problem is abandoned by start()
    m_job->start(
        [config](const JobContext& job) {
            const auto problem = ModelProblem::create(config.problem, config.seed);
            CurvatureOptions options;
            options.cancel = &job.cancel;
            options.seed = config.seed;
            return lrlab::modelCurvature(*problem, modelStartParameters(config, *problem), options);
        },
        [this, key](quint64, const CurvatureEstimate& estimate) {
            m_jobKey.clear();
            if (estimate.cancelled)
                return;
            m_cache[key] = estimate;
            const RunConfig& now = m_model->config();
            if (isModelType(now.problem.type) && problemKey(now.problem, now.seed) == key) {
                showModel(now);
                emit curvatureDisplayed();
            }
        });
}

} // namespace lrlab
