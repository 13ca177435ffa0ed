#include "app/cli/cli.h"

#include "ui/gui_main.h"

namespace lrlab::cli {

int main(int argc, char* argv[])
{
    return runGui(argc, argv);
}

}  // namespace lrlab::cli
