#include "ui/gui_main.h"

#include "core/config/config_json.h"
#include "ui/experiment_model.h"
#include "ui/explorer/analysis_docks.h"
#include "ui/language.h"
#include "ui/lessons/lesson_controller.h"
#include "ui/main_window.h"
#include "ui/views/runs_view.h"

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
    // Language, theme, text size and geometry from the settings; the controller rebuilds the
    // window when the language changes (View > Language).
    // LRLAB_START_CONFIG=run.json opens the window on that experiment (presets, screenshots);
    // LRLAB_START_LESSON=<id> on a lesson. Either skips the start page. LRLAB_START_RUNS=a:b
    // imports the training logs at those paths into the Runs dock.
    const char* path = std::getenv("LRLAB_START_CONFIG");
    const char* id = std::getenv("LRLAB_START_LESSON");
    const bool hasPath = path != nullptr && *path != '\0';
    const bool hasLesson = id != nullptr && *id != '\0';
    LanguageController controller;
    MainWindow* window = controller.start(!hasPath && !hasLesson);
    if (hasPath) {
        try {
            window->model()->apply(loadRunConfig(path).config);
        } catch (const std::exception& e) {
            qWarning("LRLAB_START_CONFIG: %s", e.what());
        }
    }
    if (hasLesson && !window->lessons()->loadLessonById(QString::fromUtf8(id)))
        qWarning("LRLAB_START_LESSON: no lesson \"%s\"", id);
    if (const char* runs = std::getenv("LRLAB_START_RUNS"); runs != nullptr && *runs != '\0')
        window->docks()->runs()->importPaths(
            QString::fromUtf8(runs).split(QLatin1Char(':'), Qt::SkipEmptyParts));
    window->show();
    return app.exec();
}

} // namespace lrlab
