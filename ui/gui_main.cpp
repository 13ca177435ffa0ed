#include "ui/gui_main.h"

#include "core/config/config_json.h"
#include "ui/main_window.h"

#include <QApplication>
#include <QStyleFactory>

#include <cstdlib>
#include <exception>

namespace lrlab {

int runGui(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("lrlab"));
    QApplication::setApplicationDisplayName(QStringLiteral("Learning Rate Lab"));
    QApplication::setApplicationVersion(QStringLiteral(LRLAB_VERSION));
    QApplication::setOrganizationName(QStringLiteral("lrlab"));
    if (QStyle* fusion = QStyleFactory::create(QStringLiteral("Fusion")))
        QApplication::setStyle(fusion);
    MainWindow window;
    // LRLAB_START_CONFIG=run.json opens the window on that experiment (presets, screenshots).
    if (const char* path = std::getenv("LRLAB_START_CONFIG"); path != nullptr && *path != '\0') {
        try {
            window.setConfig(loadRunConfig(path).config);
        } catch (const std::exception& e) {
            qWarning("LRLAB_START_CONFIG: %s", e.what());
        }
    }
    window.show();
    return app.exec();
}

}  // namespace lrlab
