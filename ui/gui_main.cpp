#include "ui/gui_main.h"

#include <QApplication>
#include <QMainWindow>

namespace lrlab {

int runGui(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QMainWindow window;
    window.show();
    return app.exec();
}

}  // namespace lrlab
