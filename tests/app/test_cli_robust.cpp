// kiln-cli as a process, for issue 17: a class name that cannot be a folder is named as the
// problem before anything is created, and a CSV import takes only images from inside its root.
#include "clirun.h"
#include "testfiles.h"

#include <QProcess>
#include <QString>
#include <QStringList>

#include <gtest/gtest.h>

using namespace kiln;
using kiln::test::TempDir;
namespace fs = std::filesystem;

namespace {

using test::runCli;

using test::q;

} // namespace

TEST(CliRobust, AcquireNamesAClassNameThatCannotBeAFolder)
{
    TempDir dir;
    for (const QString &bad : {QString("cats/dogs"), QString(".hidden"), QString("what?")}) {
        auto r = runCli({"acquire", q(dir / "p"), "--class", "bears", "--class", bad, "--endpoint", "http://127.0.0.1:9"});
        EXPECT_EQ(r.code, 2) << r.err.toStdString();
        EXPECT_TRUE(r.err.contains("'" + bad + "' cannot be a class name")) << r.err.toStdString();
        EXPECT_FALSE(r.err.contains("ran out")) << r.err.toStdString();
        EXPECT_FALSE(r.out.contains("ran out")) << r.out.toStdString();
        EXPECT_FALSE(fs::exists(dir / "p")) << "nothing is created for a refused command";
    }
}

TEST(CliRobust, CsvImportTakesOnlyImagesFromInsideItsRoot)
{
    TempDir dir;
    test::writeImage(dir / "root/cat.png");
    test::writeText(dir / "root/readme.txt", "hello\n");
    test::writeText(dir / "rows.csv", "../../../../../../../../etc/passwd,evil\nreadme.txt,evil\ncat.png,cat\n");
    auto r = runCli({"dataset", "import-csv", q(dir / "rows.csv"), q(dir / "root"), q(dir / "p")});
    EXPECT_EQ(r.code, 0) << r.err.toStdString();
    EXPECT_TRUE((r.out + r.err).contains("leaves")) << (r.out + r.err).toStdString();
    EXPECT_TRUE((r.out + r.err).contains("not a usable image")) << (r.out + r.err).toStdString();
    EXPECT_FALSE(fs::exists(dir / "p/images/evil"));
    EXPECT_EQ(test::countFiles(dir / "p/images"), 1u);
}
