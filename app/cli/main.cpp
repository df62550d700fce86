#include "cli/cli.h"
#include "cli/cliapplication.h"

#include <QCoreApplication>
#include <QNetworkProxyFactory>

int main(int argc, char **argv)
{
    kiln::cli::CliApplication app(argc, argv);
    QCoreApplication::setApplicationName("kiln");
    QCoreApplication::setOrganizationName("kiln");
    QCoreApplication::setApplicationVersion(KILN_VERSION);
    // Image search and downloads go through the system proxy (http_proxy, https_proxy, no_proxy).
    QNetworkProxyFactory::setUseSystemConfiguration(true);
    std::vector<std::string> args(argv + 1, argv + argc);
    return kiln::cli::run(args);
}
