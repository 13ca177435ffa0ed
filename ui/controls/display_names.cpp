#include "ui/controls/display_names.h"

#include "core/config/run_config.h"

#include <QObject>

#include <map>

namespace lrlab {

namespace {

QString lookUp(const std::map<std::string, QString>& names, const std::string& key,
               const std::string& fallback)
{
    const auto it = names.find(key);
    return it != names.end() ? it->second : QString::fromStdString(fallback);
}

} // namespace

QString surfaceDisplayName(const ToySurfaceDescriptor& surface)
{
    const std::map<std::string, QString> names = {
        {"quadratic", QObject::tr("Quadratic")},
        {"rosenbrock", QObject::tr("Rosenbrock")},
        {"beale", QObject::tr("Beale")},
        {"himmelblau", QObject::tr("Himmelblau")},
        {"rastrigin", QObject::tr("Rastrigin")},
        {"ackley", QObject::tr("Ackley")},
        {"saddle", QObject::tr("Saddle")},
        {"six_hump_camel", QObject::tr("Six-hump camel")},
        {"styblinski_tang", QObject::tr("Styblinski–Tang")},
        {"booth", QObject::tr("Booth")}};
    return lookUp(names, surface.name, surface.displayName);
}

QString problemDisplayName(const std::string& type)
{
    if (isModelType(type))
        return modelDisplayName(type);
    for (const ToySurfaceDescriptor& d : toySurfaceCatalogue())
        if (d.name == type)
            return surfaceDisplayName(d);
    return QString::fromStdString(type);
}

QString modelDisplayName(const std::string& type)
{
    const std::map<std::string, QString> names = {
        {"linreg", QObject::tr("Linear regression (w, b)")},
        {"logreg", QObject::tr("Logistic regression (w, b)")},
        {"softmax", QObject::tr("Softmax regression")},
        {"mlp", QObject::tr("MLP (neural network)")}};
    return lookUp(names, type, type);
}

QString datasetDisplayName(const std::string& name)
{
    const std::map<std::string, QString> names = {
        {"iris", QObject::tr("Iris (150 × 4, 3 classes)")},
        {"wine", QObject::tr("Wine (178 × 13, 3 classes)")},
        {"breast_cancer", QObject::tr("Breast cancer (569 × 30, 2 classes)")},
        {"digits", QObject::tr("Digits (1797 × 64, 10 classes)")},
        {"diabetes", QObject::tr("Diabetes (442 × 10, regression)")},
        {"fashion_mnist", QObject::tr("Fashion-MNIST (70000 × 784, 10 classes)")}};
    return lookUp(names, name, name);
}

QString optimizerDisplayName(const std::string& type)
{
    static const std::map<std::string, QString> names = {
        {"sgd", QStringLiteral("SGD")},
        {"rmsprop", QStringLiteral("RMSprop")},
        {"adagrad", QStringLiteral("Adagrad")},
        {"adam", QStringLiteral("Adam")},
        {"adamw", QStringLiteral("AdamW")},
        {"lion", QStringLiteral("Lion")},
        {"adam8bit", QStringLiteral("Adam 8-bit")}};
    return lookUp(names, type, type);
}

QString decayDisplayName(const std::string& decay)
{
    const std::map<std::string, QString> names = {
        {"constant", QObject::tr("Constant")},
        {"cosine", QObject::tr("Cosine")},
        {"linear", QObject::tr("Linear")},
        {"polynomial", QObject::tr("Polynomial")},
        {"exponential", QObject::tr("Exponential")},
        {"step", QObject::tr("Step")},
        {"cosine_restarts", QObject::tr("Cosine with restarts (SGDR)")},
        {"inverse_sqrt", QObject::tr("Inverse square root")},
        {"onecycle", QObject::tr("One-cycle")},
        {"wsd", QObject::tr("Warmup–stable–decay (WSD)")}};
    return lookUp(names, decay, decay);
}

} // namespace lrlab
