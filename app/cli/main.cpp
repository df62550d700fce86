#include "cli/cli.h"

#include <QCoreApplication>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName("kiln");
    QCoreApplication::setOrganizationName("kiln");
    QCoreApplication::setApplicationVersion(KILN_VERSION);
    std::vector<std::string> args(argv + 1, argv + argc);
    return kiln::cli::run(args);
}
