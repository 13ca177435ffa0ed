#include "core/config/config_json.h"

#include "core/config/json_file.h"
#include "core/problems/toy_surface.h"
#include "core/util/input_file.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

#include <algorithm>
#include <cmath>

namespace lrlab {

namespace {

/// Largest integer a JSON number (a double) holds exactly.
constexpr double kMaxExactInteger = 9007199254740992.0;

/// Reads typed values from one JSON object and remembers which keys were read, so that the
/// remaining ones can be reported as unknown. Errors name the key path.
class ObjectReader
{
public:
    ObjectReader(const QJsonObject& object, std::string path)
        : m_object(object), m_path(std::move(path))
    {
    }

    std::string keyPath(const QString& key) const
    {
        return m_path.empty() ? key.toStdString() : m_path + "." + key.toStdString();
    }

    bool has(const QString& key) const { return m_object.contains(key); }

    QJsonValue take(const QString& key)
    {
        m_read.insert(key);
        return m_object.value(key);
    }

    [[noreturn]] void fail(const QString& key, const std::string& what) const
    {
        throw ConfigError(keyPath(key) + ": " + what);
    }

    double number(const QString& key, double fallback)
    {
        if (!has(key))
            return fallback;
        const QJsonValue v = take(key);
        if (!v.isDouble())
            fail(key, "expected a number, got " + jsonTypeName(v));
        const double d = v.toDouble();
        if (!std::isfinite(d))
            fail(key, "must be a finite number");
        return d;
    }

    std::optional<double> optionalNumber(const QString& key)
    {
        if (!has(key))
            return std::nullopt;
        return number(key, 0.0);
    }

    long long integer(const QString& key, long long fallback, long long lo, long long hi)
    {
        if (!has(key))
            return fallback;
        const QJsonValue v = take(key);
        if (!v.isDouble())
            fail(key, "expected an integer, got " + jsonTypeName(v));
        const double d = v.toDouble();
        if (!std::isfinite(d) || d != std::floor(d) || std::abs(d) > kMaxExactInteger)
            fail(key, "expected an integer, got " + QString::number(d, 'g', 17).toStdString());
        if (d < static_cast<double>(lo) || d > static_cast<double>(hi))
            fail(key, "must be in [" + std::to_string(lo) + ", " + std::to_string(hi) + "], got " +
                          QString::number(d, 'g', 17).toStdString());
        return static_cast<long long>(d);
    }

    bool boolean(const QString& key, bool fallback)
    {
        if (!has(key))
            return fallback;
        const QJsonValue v = take(key);
        if (!v.isBool())
            fail(key, "expected true or false, got " + jsonTypeName(v));
        return v.toBool();
    }

    std::string string(const QString& key, const std::string& fallback)
    {
        if (!has(key))
            return fallback;
        const QJsonValue v = take(key);
        if (!v.isString())
            fail(key, "expected a string, got " + jsonTypeName(v));
        const std::string text = v.toString().toStdString();
        if (std::any_of(text.begin(), text.end(),
                        [](char c) { return static_cast<unsigned char>(c) < 0x20; }))
            fail(key, "contains a control character: \"" + escapeControl(text) + "\"");
        return text;
    }

    QJsonObject object(const QString& key)
    {
        if (!has(key))
            return {};
        const QJsonValue v = take(key);
        if (!v.isObject())
            fail(key, "expected an object, got " + jsonTypeName(v));
        return v.toObject();
    }

    /// Keys present but never read, in file order.
    QStringList unreadKeys() const
    {
        QStringList out;
        for (auto it = m_object.begin(); it != m_object.end(); ++it)
            if (!m_read.contains(it.key()))
                out << it.key();
        return out;
    }

    void rejectUnknown(const std::string& allowedHint) const
    {
        const QStringList unknown = unreadKeys();
        if (!unknown.isEmpty())
            fail(unknown.first(),
                 "unknown key" + (allowedHint.empty() ? std::string()
                                                      : " (allowed here: " + allowedHint + ")"));
    }

private:
    QJsonObject m_object;
    std::string m_path;
    QSet<QString> m_read;
};

std::string joined(const std::vector<std::string>& items)
{
    std::string out;
    for (const auto& s : items)
        out += (out.empty() ? "" : ", ") + s;
    return out;
}

const std::vector<std::string>& allOptimizerKeys()
{
    static const std::vector<std::string> keys{
        "momentum", "nesterov", "alpha", "eps", "beta1", "beta2", "weight_decay", "block_size"};
    return keys;
}

const std::vector<std::string>& allDecayKeys()
{
    static const std::vector<std::string> keys{"min_lr",
                                               "gamma",
                                               "steps_per_epoch",
                                               "step_size",
                                               "t0",
                                               "t_mult",
                                               "power",
                                               "timescale",
                                               "pct_start",
                                               "div_factor",
                                               "final_div_factor",
                                               "decay_fraction",
                                               "shape"};
    return keys;
}

bool contains(const std::vector<std::string>& v, const std::string& s)
{
    return std::find(v.begin(), v.end(), s) != v.end();
}

void parseProblem(ObjectReader& top, RunConfig& config)
{
    if (!top.has("problem"))
        return; // default problem
    ObjectReader r(top.object("problem"), "problem");
    ProblemSpec& p = config.problem;
    if (!r.has("type"))
        r.fail("type", "is required");
    const std::string type = r.string("type", p.type);
    if (isToySurface(type) || isModelType(type))
        p = defaultProblemSpec(type); // missing keys take the family's defaults
    else
        p.type = type;
    p.noise = r.number("noise", p.noise);
    if (isToySurface(p.type)) {
        const auto& catalogue = toySurfaceCatalogue();
        const auto it =
            std::find_if(catalogue.begin(), catalogue.end(),
                         [&](const ToySurfaceDescriptor& d) { return d.name == p.type; });
        std::vector<std::string> names{"type", "noise"};
        for (const auto& param : it->parameters) {
            names.push_back(param.name);
            const QString key = QString::fromStdString(param.name);
            if (r.has(key))
                p.parameters[param.name] = r.number(key, param.defaultValue);
        }
        r.rejectUnknown(joined(names));
    } else if (isModelType(p.type)) {
        std::vector<std::string> names{"type", "dataset", "batch_size", "val_fraction"};
        p.dataset = r.string("dataset", p.dataset);
        if (p.dataset.empty())
            r.fail("dataset", "is empty (give a built-in name or a CSV path, or leave the key out "
                              "for " +
                                  defaultDataset(p.type) + ")");
        p.batchSize = static_cast<int>(r.integer("batch_size", p.batchSize, 1, 1 << 24));
        p.valFraction = r.number("val_fraction", p.valFraction);
        if (isOneFeatureModel(p.type)) {
            names.push_back("feature");
            // The default feature belongs to the default dataset; with another dataset and no
            // feature, ModelProblem picks one when it loads the data.
            if (p.dataset != defaultDataset(p.type))
                p.feature.clear();
            const bool given = r.has("feature");
            p.feature = r.string("feature", p.feature);
            // An empty name would be written as no key, which reads back as the default.
            if (given && p.feature.empty())
                r.fail("feature", "is empty (give a column of the dataset, or leave the key out "
                                  "for " +
                                      (p.dataset == defaultDataset(p.type)
                                           ? defaultFeature(p.type)
                                           : std::string("the dataset's first feature")) +
                                      ")");
        }
        if (p.type == "mlp") {
            names.insert(names.end(), {"hidden", "activation"});
            p.activation = r.string("activation", p.activation);
            if (r.has("hidden")) {
                const QJsonValue v = r.take("hidden");
                if (!v.isArray())
                    r.fail("hidden", "expected an array of layer widths, got " + jsonTypeName(v));
                p.hidden.clear();
                const QJsonArray a = v.toArray();
                for (int i = 0; i < a.size(); ++i) {
                    const double d = a.at(i).toDouble(-1.0);
                    if (!a.at(i).isDouble() || d != std::floor(d) || d < 1 || d > 1e6)
                        r.fail("hidden", "[" + std::to_string(i) +
                                             "] must be a positive integer layer width");
                    p.hidden.push_back(static_cast<int>(d));
                }
            }
        }
        if (p.noise != 0.0)
            r.fail("noise", "gradient noise is for toy surfaces; models have minibatch noise "
                            "(set batch_size)");
        r.rejectUnknown(joined(names));
    } else {
        std::vector<std::string> known;
        for (const auto& d : toySurfaceCatalogue())
            known.push_back(d.name);
        known.insert(known.end(), modelTypeNames().begin(), modelTypeNames().end());
        r.fail("type", "unknown problem \"" + p.type + "\" (known: " + joined(known) + ")");
    }
}

void parseOptimizer(ObjectReader& top, RunConfig& config, std::vector<std::string>& warnings)
{
    if (!top.has("optimizer"))
        return;
    ObjectReader r(top.object("optimizer"), "optimizer");
    OptimizerSpec& o = config.optimizer;
    o.type = r.string("type", o.type);
    const auto& names = optimizerNames();
    if (!contains(names, o.type))
        r.fail("type", "unknown optimizer \"" + o.type + "\" (known: " + joined(names) + ")");
    const std::vector<std::string> used = optimizerKeys(o.type);
    o.momentum = r.number("momentum", o.momentum);
    o.nesterov = r.boolean("nesterov", o.nesterov);
    o.alpha = r.number("alpha", o.alpha);
    // eps, beta1, beta2 and weight_decay use a negative value as "the optimizer's default"
    // (OptimizerSpec::resolved), so a negative value given by the user is refused here.
    const auto nonNegative = [&r](const QString& key, double fallback) {
        const double v = r.number(key, fallback);
        if (r.has(key) && v < 0.0)
            r.fail(key, "must be >= 0, got " + QString::number(v, 'g', 17).toStdString());
        return v;
    };
    o.eps = nonNegative("eps", o.eps);
    o.beta1 = nonNegative("beta1", o.beta1);
    o.beta2 = nonNegative("beta2", o.beta2);
    o.weightDecay = nonNegative("weight_decay", o.weightDecay);
    o.blockSize = static_cast<int>(r.integer("block_size", o.blockSize, 1, 1 << 24));
    for (const auto& key : allOptimizerKeys())
        if (r.has(QString::fromStdString(key)) && !contains(used, key))
            warnings.push_back("optimizer." + key + " has no effect with " + o.type + " (it uses " +
                               joined(used) + ")");
    std::vector<std::string> allowed{"type"};
    allowed.insert(allowed.end(), allOptimizerKeys().begin(), allOptimizerKeys().end());
    r.rejectUnknown(joined(allowed));
}

void parseSchedule(ObjectReader& top, RunConfig& config, std::vector<std::string>& warnings)
{
    ScheduleSpec& s = config.schedule;
    s.totalSteps = config.steps;
    if (!top.has("schedule"))
        return;
    ObjectReader r(top.object("schedule"), "schedule");
    s.learningRate = r.number("lr", s.learningRate);
    s.warmupSteps = static_cast<int>(r.integer("warmup_steps", 0, 0, 100000000));
    s.warmupStartFactor = r.number("warmup_start_factor", s.warmupStartFactor);
    const std::string decay = r.string("decay", "constant");
    try {
        s.decay = decayFromName(decay);
    } catch (const std::invalid_argument&) {
        r.fail("decay", "unknown decay \"" + decay + "\" (known: " + joined(decayNames()) + ")");
    }
    s.minLr = r.number("min_lr", s.minLr);
    s.totalSteps = static_cast<int>(r.integer("total_steps", config.steps, 1, 100000000));
    s.gamma = r.optionalNumber("gamma");
    s.stepsPerEpoch = static_cast<int>(r.integer("steps_per_epoch", 1, 1, 100000000));
    if (r.has("step_size"))
        s.stepSize = static_cast<int>(r.integer("step_size", 1, 1, 100000000));
    if (r.has("t0"))
        s.t0 = static_cast<int>(r.integer("t0", 1, 1, 100000000));
    s.tMult = static_cast<int>(r.integer("t_mult", 1, 1, 1000));
    s.power = r.number("power", s.power);
    s.timescale = r.optionalNumber("timescale");
    s.pctStart = r.number("pct_start", s.pctStart);
    s.divFactor = r.number("div_factor", s.divFactor);
    s.finalDivFactor = r.number("final_div_factor", s.finalDivFactor);
    s.decayFraction = r.number("decay_fraction", s.decayFraction);
    const std::string shape = r.string("shape", "linear");
    try {
        s.shape = wsdShapeFromName(shape);
    } catch (const std::invalid_argument&) {
        r.fail("shape",
               "unknown wsd shape \"" + shape + "\" (known: " + joined(wsdShapeNames()) + ")");
    }
    const std::vector<std::string> used = decayKeys(s.decay);
    for (const auto& key : allDecayKeys())
        if (r.has(QString::fromStdString(key)) && !contains(used, key))
            warnings.push_back("schedule." + key + " has no effect with decay " + decay);
    std::vector<std::string> allowed{"lr", "warmup_steps", "warmup_start_factor", "decay",
                                     "total_steps"};
    allowed.insert(allowed.end(), allDecayKeys().begin(), allDecayKeys().end());
    r.rejectUnknown(joined(allowed));
}

} // namespace

ConfigError::ConfigError(const std::string& message) : std::invalid_argument(escapeNul(message)) {}

std::string jsonTypeName(const QJsonValue& v)
{
    switch (v.type()) {
    case QJsonValue::Null:
        return "null";
    case QJsonValue::Bool:
        return "a boolean";
    case QJsonValue::Double:
        return "a number";
    case QJsonValue::String:
        return "a string";
    case QJsonValue::Array:
        return "an array";
    case QJsonValue::Object:
        return "an object";
    case QJsonValue::Undefined:
        break;
    }
    return "nothing";
}

LoadedConfig runConfigFromJson(const QJsonObject& object, const std::string& source)
{
    LoadedConfig loaded;
    RunConfig& config = loaded.config;
    try {
        ObjectReader top(object, "");
        config.steps = static_cast<int>(top.integer("steps", config.steps, 1, 10000000));
        config.seed =
            static_cast<std::uint64_t>(top.integer("seed", static_cast<long long>(config.seed), 0,
                                                   static_cast<long long>(kMaxExactInteger)));
        config.evalEvery =
            static_cast<int>(top.integer("eval_every", config.evalEvery, 1, 100000000));
        parseProblem(top, config);
        if (top.has("init")) {
            const QJsonValue v = top.take("init");
            if (!v.isArray())
                top.fail("init", "expected an array of numbers, got " + jsonTypeName(v));
            const QJsonArray a = v.toArray();
            for (int i = 0; i < a.size(); ++i) {
                if (!a.at(i).isDouble())
                    top.fail("init", "[" + std::to_string(i) + "] expected a number, got " +
                                         jsonTypeName(a.at(i)));
                config.init.push_back(a.at(i).toDouble());
            }
        }
        parseOptimizer(top, config, loaded.warnings);
        parseSchedule(top, config, loaded.warnings);
        top.rejectUnknown("problem, init, optimizer, schedule, steps, seed, eval_every");
        validate(config);
    } catch (const std::invalid_argument& e) {
        throw ConfigError(source + ": " + e.what());
    }
    return loaded;
}

LoadedConfig parseRunConfig(const QByteArray& json, const std::string& source)
{
    if (json.trimmed().isEmpty())
        throw ConfigError(source + ": the file is empty (expected a JSON object)");
    return runConfigFromJson(parseJsonObject(json, source), source);
}

LoadedConfig loadRunConfig(const std::string& path)
{
    return parseRunConfig(readJsonFile(path), path);
}

QJsonObject scheduleToJson(const ScheduleSpec& s)
{
    QJsonObject schedule;
    schedule["lr"] = s.learningRate;
    schedule["warmup_steps"] = s.warmupSteps;
    schedule["warmup_start_factor"] = s.warmupStartFactor;
    schedule["decay"] = QString::fromStdString(decayName(s.decay));
    schedule["total_steps"] = s.totalSteps;
    for (const auto& key : decayKeys(s.decay)) {
        if (key == "min_lr")
            schedule["min_lr"] = s.minLr;
        else if (key == "gamma" && s.gamma)
            schedule["gamma"] = *s.gamma;
        else if (key == "steps_per_epoch")
            schedule["steps_per_epoch"] = s.stepsPerEpoch;
        else if (key == "step_size" && s.stepSize)
            schedule["step_size"] = *s.stepSize;
        else if (key == "t0" && s.t0)
            schedule["t0"] = *s.t0;
        else if (key == "t_mult")
            schedule["t_mult"] = s.tMult;
        else if (key == "power")
            schedule["power"] = s.power;
        else if (key == "timescale" && s.timescale)
            schedule["timescale"] = *s.timescale;
        else if (key == "pct_start")
            schedule["pct_start"] = s.pctStart;
        else if (key == "div_factor")
            schedule["div_factor"] = s.divFactor;
        else if (key == "final_div_factor")
            schedule["final_div_factor"] = s.finalDivFactor;
        else if (key == "decay_fraction")
            schedule["decay_fraction"] = s.decayFraction;
        else if (key == "shape")
            schedule["shape"] = QString::fromStdString(wsdShapeName(s.shape));
    }
    return schedule;
}

QJsonObject runConfigToJson(const RunConfig& config)
{
    QJsonObject problem;
    const ProblemSpec& p = config.problem;
    problem["type"] = QString::fromStdString(p.type);
    if (isToySurface(p.type)) {
        for (const auto& [name, value] : p.parameters)
            problem[QString::fromStdString(name)] = value;
        if (p.noise != 0.0)
            problem["noise"] = p.noise;
    } else if (isModelType(p.type)) {
        if (!p.dataset.empty())
            problem["dataset"] = QString::fromStdString(p.dataset);
        if (isOneFeatureModel(p.type) && !p.feature.empty())
            problem["feature"] = QString::fromStdString(p.feature);
        if (p.type == "mlp") {
            QJsonArray hidden;
            for (int h : p.hidden)
                hidden.append(h);
            problem["hidden"] = hidden;
            problem["activation"] = QString::fromStdString(p.activation);
        }
        problem["batch_size"] = p.batchSize;
        problem["val_fraction"] = p.valFraction;
    }

    QJsonObject optimizer;
    const OptimizerSpec o = config.optimizer.resolved();
    optimizer["type"] = QString::fromStdString(o.type);
    for (const auto& key : optimizerKeys(o.type)) {
        if (key == "momentum")
            optimizer["momentum"] = o.momentum;
        else if (key == "nesterov")
            optimizer["nesterov"] = o.nesterov;
        else if (key == "alpha")
            optimizer["alpha"] = o.alpha;
        else if (key == "eps")
            optimizer["eps"] = o.eps;
        else if (key == "beta1")
            optimizer["beta1"] = o.beta1;
        else if (key == "beta2")
            optimizer["beta2"] = o.beta2;
        else if (key == "weight_decay")
            optimizer["weight_decay"] = o.weightDecay;
        else if (key == "block_size")
            optimizer["block_size"] = o.blockSize;
    }

    const QJsonObject schedule = scheduleToJson(config.schedule);

    QJsonObject root;
    root["problem"] = problem;
    if (!config.init.empty()) {
        QJsonArray init;
        for (double v : config.init)
            init.append(v);
        root["init"] = init;
    }
    root["optimizer"] = optimizer;
    root["schedule"] = schedule;
    root["steps"] = config.steps;
    root["seed"] = static_cast<double>(config.seed);
    if (isModelType(p.type))
        root["eval_every"] = config.evalEvery;
    return root;
}

} // namespace lrlab
