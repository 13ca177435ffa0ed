#include "ui/gui_main.h"

#include "ui/main_window.h"

#include <QApplication>
#include <QStyleFactory>

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
    window.show();
    return app.exec();
}

}  // namespace lrlab
