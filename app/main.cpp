// lrlab entry point: no arguments (or only Qt's own options) open the GUI; a subcommand runs
// the command line (app/cli/).
#include "app/cli/cli.h"

int main(int argc, char* argv[])
{
    return lrlab::cli::main(argc, argv);
}
