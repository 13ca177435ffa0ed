#include "core/config/config_variants.h"

#include "core/config/config_json.h"
#include "core/util/format.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QStringList>

#include <map>

namespace lrlab {

std::string variantKeyPath(const std::string& key)
{
    static const std::map<std::string, std::string> aliases{
        {"warmup_steps", "schedule.warmup_steps"},
        {"batch_size", "problem.batch_size"},
        {"momentum", "optimizer.momentum"},
        {"weight_decay", "optimizer.weight_decay"},
        {"optimizer", "optimizer.type"},
        {"lr", "schedule.lr"},
        {"decay", "schedule.decay"},
        {"min_lr", "schedule.min_lr"},
        {"hidden", "problem.hidden"},
        {"noise", "problem.noise"},
        {"val_fraction", "problem.val_fraction"},
        {"beta1", "optimizer.beta1"},
        {"beta2", "optimizer.beta2"}};
    const auto it = aliases.find(key);
    return it == aliases.end() ? key : it->second;
}

namespace {

QJsonValue parseValue(const std::string& keyPath, const std::string& text)
{
    const QString s = QString::fromStdString(text).trimmed();
    if (keyPath == "problem.hidden") {
        QJsonArray widths;
        for (const QString& part : s.split(QRegularExpression("[x,;]"), Qt::SkipEmptyParts)) {
            bool ok = false;
            const int w = part.toInt(&ok);
            if (!ok)
                throw ConfigError(keyPath + ": '" + text + "' is not a list of layer widths");
            widths.append(w);
        }
        return widths;
    }
    if (s == "true" || s == "false")
        return s == "true";
    bool ok = false;
    const double number = s.toDouble(&ok);
    if (ok)
        return number;
    return s;
}

} // namespace

RunConfig withSetting(const RunConfig& base, const std::string& keyPath, const std::string& value)
{
    QJsonObject root = runConfigToJson(base);
    const QStringList parts = QString::fromStdString(keyPath).split('.');
    const QJsonValue v = parseValue(keyPath, value);
    if (parts.size() == 1) {
        root[parts[0]] = v;
    } else if (parts.size() == 2) {
        QJsonObject inner = root.value(parts[0]).toObject();
        inner[parts[1]] = v;
        if (keyPath == "optimizer.type" || keyPath == "problem.type") {
            // A different optimizer or problem takes its own defaults, not the previous one's
            // settings (an mlp's hidden sizes mean nothing to booth).
            inner = QJsonObject{{"type", v}};
        }
        if (keyPath == "problem.type" && v != root.value("problem").toObject().value("type"))
            root.remove("init"); // a start point belongs to its problem
        root[parts[0]] = inner;
    } else {
        throw ConfigError(keyPath + ": expected a key such as schedule.warmup_steps");
    }
    if (keyPath == "steps") {
        // A new run length carries the schedule along (total_steps follows steps).
        QJsonObject schedule = root.value("schedule").toObject();
        schedule["total_steps"] = v;
        root["schedule"] = schedule;
    }
    return runConfigFromJson(root, keyPath + "=" + value).config;
}

} // namespace lrlab
