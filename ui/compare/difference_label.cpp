#include "ui/compare/difference_label.h"

#include "core/config/config_json.h"
#include "core/problems/toy_surface.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>

namespace lrlab {

namespace {

using FlatConfig = std::map<QString, QJsonValue>;

/// The translation context of the phrases (lupdate reads it from QT_TRANSLATE_NOOP).
constexpr const char* kContext = "lrlab::DifferenceLabel";

/// source in the installed language (QCoreApplication translators).
QString translated(const char* source)
{
    return QCoreApplication::translate(kContext, source);
}

/// A config and the values its types take by default, both flattened to "object.key" paths.
struct FlatRun
{
    FlatConfig values;
    FlatConfig defaults;
};

void flatten(const QJsonObject& object, const QString& prefix, FlatConfig& out)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString path = prefix.isEmpty() ? it.key() : prefix + QLatin1Char('.') + it.key();
        if (it.value().isObject())
            flatten(it.value().toObject(), path, out);
        else
            out[path] = it.value();
    }
}

FlatRun flattenRun(const RunConfig& config)
{
    FlatRun run;
    flatten(runConfigToJson(config), QString(), run.values);
    // total_steps follows steps unless set apart: only a deliberate difference is news.
    const auto total = run.values.find(QStringLiteral("schedule.total_steps"));
    if (total != run.values.end() && total->second.toDouble() == config.steps)
        run.values.erase(total);

    // The defaults of the same problem, optimizer and decay types.
    RunConfig defaults;
    defaults.problem.type = config.problem.type;
    defaults.optimizer.type = config.optimizer.type;
    defaults.schedule.decay = config.schedule.decay;
    defaults.schedule.totalSteps = defaults.steps;
    flatten(runConfigToJson(defaults), QString(), run.defaults);
    run.defaults.erase(QStringLiteral("schedule.total_steps"));
    // The types were copied, not defaulted: a different type is always worth naming.
    for (const char* key : {"problem.type", "optimizer.type", "schedule.decay"})
        run.defaults.erase(QString::fromLatin1(key));
    for (const ToySurfaceDescriptor& surface : toySurfaceCatalogue()) {
        if (surface.name != config.problem.type)
            continue;
        for (const SurfaceParameter& parameter : surface.parameters)
            run.defaults[QStringLiteral("problem.") + QString::fromStdString(parameter.name)] =
                parameter.defaultValue;
    }
    return run;
}

std::optional<QJsonValue> lookup(const FlatConfig& map, const QString& key)
{
    const auto it = map.find(key);
    if (it == map.end())
        return std::nullopt;
    return it->second;
}

std::optional<QJsonValue> effectiveValue(const FlatRun& run, const QString& key)
{
    if (auto v = lookup(run.values, key))
        return v;
    return lookup(run.defaults, key);
}

/// True when run should name key because other differs there (see differingParts).
bool namesKey(const FlatRun& run, const FlatRun& other, const QString& key)
{
    const std::optional<QJsonValue> mine = effectiveValue(run, key);
    if (!mine)
        return false; // nothing to name on this side
    const std::optional<QJsonValue> theirs = effectiveValue(other, key);
    if (theirs == mine)
        return false;
    return mine != lookup(run.defaults, key) || theirs != lookup(other.defaults, key);
}

QString text(const QJsonValue& value)
{
    if (value.isDouble())
        return formatLabelNumber(value.toDouble());
    if (value.isBool())
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return value.toString();
}

QString spaced(QString name)
{
    return name.replace(QLatin1Char('_'), QLatin1Char(' '));
}

QString hiddenText(const QJsonValue& value)
{
    const QJsonArray layers = value.toArray();
    if (layers.isEmpty())
        return QCoreApplication::translate("lrlab::DifferenceLabel", "no hidden layer");
    QStringList widths;
    for (const QJsonValue& width : layers)
        widths << text(width);
    return QCoreApplication::translate("lrlab::DifferenceLabel", "hidden %1")
        .arg(widths.join(QChar(0x00D7)));
}

QString initText(const QJsonValue& value)
{
    const QJsonArray init = value.toArray();
    if (init.size() > 4)
        return QCoreApplication::translate("lrlab::DifferenceLabel", "init of %1 values")
            .arg(init.size());
    QStringList coordinates;
    for (const QJsonValue& v : init)
        coordinates << text(v);
    return QCoreApplication::translate("lrlab::DifferenceLabel", "start (%1)")
        .arg(coordinates.join(QStringLiteral(", ")));
}

/// One key's phrase: a prefix before the value ("lr 0.1"), or a special form.
QString phrase(const QString& key, const QJsonValue& value)
{
    /// key → the word before the value; symbols (β1, t0) are not translated.
    static const std::map<QString, const char*> prefixes{
        {QStringLiteral("schedule.lr"), QT_TRANSLATE_NOOP("lrlab::DifferenceLabel", "lr")},
        {QStringLiteral("optimizer.momentum"),
         QT_TRANSLATE_NOOP("lrlab::DifferenceLabel", "momentum")},
        {QStringLiteral("optimizer.beta1"), "β1"},
        {QStringLiteral("optimizer.beta2"), "β2"},
        {QStringLiteral("optimizer.alpha"), QT_TRANSLATE_NOOP("lrlab::DifferenceLabel", "alpha")},
        {QStringLiteral("optimizer.eps"), QT_TRANSLATE_NOOP("lrlab::DifferenceLabel", "eps")},
        {QStringLiteral("optimizer.weight_decay"),
         QT_TRANSLATE_NOOP("lrlab::DifferenceLabel", "wd")},
        {QStringLiteral("optimizer.block_size"),
         QT_TRANSLATE_NOOP("lrlab::DifferenceLabel", "block")},
        {QStringLiteral("schedule.warmup_steps"),
         QT_TRANSLATE_NOOP("lrlab::DifferenceLabel", "warmup")},
        {QStringLiteral("schedule.min_lr"), QT_TRANSLATE_NOOP("lrlab::DifferenceLabel", "min lr")},
        {QStringLiteral("schedule.total_steps"),
         QT_TRANSLATE_NOOP("lrlab::DifferenceLabel", "schedule steps")},
        {QStringLiteral("schedule.gamma"), QT_TRANSLATE_NOOP("lrlab::DifferenceLabel", "gamma")},
        {QStringLiteral("schedule.step_size"),
         QT_TRANSLATE_NOOP("lrlab::DifferenceLabel", "step size")},
        {QStringLiteral("schedule.steps_per_epoch"),
         QT_TRANSLATE_NOOP("lrlab::DifferenceLabel", "steps/epoch")},
        {QStringLiteral("schedule.t0"), "t0"},
        {QStringLiteral("schedule.t_mult"), "t_mult"},
        {QStringLiteral("schedule.power"), QT_TRANSLATE_NOOP("lrlab::DifferenceLabel", "power")},
        {QStringLiteral("schedule.timescale"),
         QT_TRANSLATE_NOOP("lrlab::DifferenceLabel", "timescale")},
        {QStringLiteral("schedule.pct_start"),
         QT_TRANSLATE_NOOP("lrlab::DifferenceLabel", "pct start")},
        {QStringLiteral("schedule.div_factor"), QT_TRANSLATE_NOOP("lrlab::DifferenceLabel", "div")},
        {QStringLiteral("schedule.final_div_factor"),
         QT_TRANSLATE_NOOP("lrlab::DifferenceLabel", "final div")},
        {QStringLiteral("schedule.decay_fraction"),
         QT_TRANSLATE_NOOP("lrlab::DifferenceLabel", "decay fraction")},
        {QStringLiteral("problem.feature"), QT_TRANSLATE_NOOP("lrlab::DifferenceLabel", "feature")},
        {QStringLiteral("problem.batch_size"),
         QT_TRANSLATE_NOOP("lrlab::DifferenceLabel", "batch")},
        {QStringLiteral("problem.val_fraction"),
         QT_TRANSLATE_NOOP("lrlab::DifferenceLabel", "val")},
        {QStringLiteral("problem.noise"), QT_TRANSLATE_NOOP("lrlab::DifferenceLabel", "noise")},
        {QStringLiteral("steps"), QT_TRANSLATE_NOOP("lrlab::DifferenceLabel", "steps")},
        {QStringLiteral("eval_every"), QT_TRANSLATE_NOOP("lrlab::DifferenceLabel", "eval every")},
        {QStringLiteral("seed"), QT_TRANSLATE_NOOP("lrlab::DifferenceLabel", "seed")},
    };
    if (key == QLatin1String("optimizer.type") || key == QLatin1String("problem.type") ||
        key == QLatin1String("problem.dataset") || key == QLatin1String("problem.activation"))
        return text(value);
    if (key == QLatin1String("optimizer.nesterov"))
        return value.toBool()
                   ? QCoreApplication::translate("lrlab::DifferenceLabel", "nesterov")
                   : QCoreApplication::translate("lrlab::DifferenceLabel", "no nesterov");
    if (key == QLatin1String("schedule.decay")) {
        const QString decay = value.toString();
        return decay == QLatin1String("constant")
                   ? QCoreApplication::translate("lrlab::DifferenceLabel", "constant lr")
                   : QCoreApplication::translate("lrlab::DifferenceLabel", "%1 decay")
                         .arg(spaced(decay));
    }
    if (key == QLatin1String("schedule.warmup_start_factor"))
        return QCoreApplication::translate("lrlab::DifferenceLabel", "warmup from %1×")
            .arg(text(value));
    if (key == QLatin1String("schedule.shape"))
        return QCoreApplication::translate("lrlab::DifferenceLabel", "%1 cool-down")
            .arg(text(value));
    if (key == QLatin1String("problem.hidden"))
        return hiddenText(value);
    if (key == QLatin1String("problem.angle_deg"))
        return QCoreApplication::translate("lrlab::DifferenceLabel", "angle %1°").arg(text(value));
    if (key == QLatin1String("init"))
        return initText(value);
    const auto it = prefixes.find(key);
    if (it != prefixes.end())
        return translated(it->second) + QLatin1Char(' ') + text(value);
    // Surface parameters (a, b) and keys added later: the key's last part.
    return spaced(key.section(QLatin1Char('.'), -1)) + QLatin1Char(' ') + text(value);
}

/// The reading order of the phrases; keys not listed follow in alphabetical order.
int rank(const QString& key)
{
    static const QStringList order{
        QStringLiteral("schedule.lr"),
        QStringLiteral("optimizer.type"),
        QStringLiteral("optimizer.momentum"),
        QStringLiteral("optimizer.nesterov"),
        QStringLiteral("optimizer.beta1"),
        QStringLiteral("optimizer.beta2"),
        QStringLiteral("optimizer.alpha"),
        QStringLiteral("optimizer.eps"),
        QStringLiteral("optimizer.weight_decay"),
        QStringLiteral("optimizer.block_size"),
        QStringLiteral("schedule.decay"),
        QStringLiteral("schedule.warmup_steps"),
        QStringLiteral("schedule.warmup_start_factor"),
        QStringLiteral("schedule.min_lr"),
        QStringLiteral("schedule.total_steps"),
        QStringLiteral("schedule.gamma"),
        QStringLiteral("schedule.step_size"),
        QStringLiteral("schedule.steps_per_epoch"),
        QStringLiteral("schedule.t0"),
        QStringLiteral("schedule.t_mult"),
        QStringLiteral("schedule.power"),
        QStringLiteral("schedule.timescale"),
        QStringLiteral("schedule.pct_start"),
        QStringLiteral("schedule.div_factor"),
        QStringLiteral("schedule.final_div_factor"),
        QStringLiteral("schedule.decay_fraction"),
        QStringLiteral("schedule.shape"),
        QStringLiteral("problem.type"),
        QStringLiteral("problem.dataset"),
        QStringLiteral("problem.feature"),
        QStringLiteral("problem.hidden"),
        QStringLiteral("problem.activation"),
        QStringLiteral("problem.batch_size"),
        QStringLiteral("problem.val_fraction"),
        QStringLiteral("problem.noise"),
        QStringLiteral("problem.a"),
        QStringLiteral("problem.b"),
        QStringLiteral("problem.angle_deg"),
        QStringLiteral("init"),
        QStringLiteral("steps"),
        QStringLiteral("eval_every"),
        QStringLiteral("seed"),
    };
    const int i = static_cast<int>(order.indexOf(key));
    return i < 0 ? static_cast<int>(order.size()) : i;
}

} // namespace

QString formatLabelNumber(double value)
{
    if (std::isfinite(value) && value == std::floor(value) && std::abs(value) < 1e6)
        return QString::number(static_cast<qint64>(value));
    QString s = QString::number(value, 'g', 3);
    // "1e-05" -> "1e-5", "2.5e+07" -> "2.5e7": shorter, and how people write rates.
    static const QRegularExpression exponent(QStringLiteral("e([+-])0*(\\d+)"));
    const QRegularExpressionMatch m = exponent.match(s);
    if (m.hasMatch()) {
        const QString sign = m.captured(1) == QLatin1String("-") ? QStringLiteral("-") : QString();
        s.replace(m.capturedStart(), m.capturedLength(),
                  QStringLiteral("e") + sign + m.captured(2));
    }
    return s;
}

std::vector<QStringList> differingParts(const std::vector<RunConfig>& runs)
{
    std::vector<FlatRun> flat;
    flat.reserve(runs.size());
    for (const RunConfig& config : runs)
        flat.push_back(flattenRun(config));

    std::vector<QStringList> parts(runs.size());
    for (std::size_t i = 0; i < flat.size(); ++i) {
        std::vector<QString> keys;
        for (const FlatConfig* map : {&flat[i].values, &flat[i].defaults})
            for (const auto& entry : *map)
                if (std::find(keys.begin(), keys.end(), entry.first) == keys.end())
                    keys.push_back(entry.first);
        std::stable_sort(keys.begin(), keys.end(),
                         [](const QString& a, const QString& b) { return rank(a) < rank(b); });
        for (const QString& key : keys) {
            bool named = false;
            for (std::size_t j = 0; j < flat.size() && !named; ++j)
                named = j != i && namesKey(flat[i], flat[j], key);
            if (named)
                parts[i] << phrase(key, *effectiveValue(flat[i], key));
        }
    }
    return parts;
}

QString describeDifference(const RunConfig& run, const std::vector<RunConfig>& others, int number)
{
    std::vector<RunConfig> all;
    all.reserve(others.size() + 1);
    all.push_back(run);
    all.insert(all.end(), others.begin(), others.end());
    const QStringList parts = differingParts(all).front();
    if (parts.isEmpty())
        return QCoreApplication::translate("lrlab::DifferenceLabel", "run %1").arg(number);
    return parts.join(QStringLiteral(", "));
}

} // namespace lrlab
