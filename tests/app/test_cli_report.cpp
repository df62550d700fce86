// kiln-cli report: one self-contained HTML file whose numbers are the run's.
#include "clirun.h"
#include "testfiles.h"

#include "data/project.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

#include <gtest/gtest.h>

using namespace kiln;
using kiln::test::TempDir;
namespace fs = std::filesystem;

namespace {

QString q(const fs::path &p) { return QString::fromStdString(p.string()); }

} // namespace

TEST(Cli, ReportIsOneSelfContainedFileWithTheRunsNumbers)
{
    TempDir dir;
    const fs::path proj = dir / "p";
    ASSERT_TRUE(Project::create(proj).ok());
    test::makeLearnableDataset(proj / "images", 20, 16);
    auto trained = test::runCli({"train", q(proj), "--out", q(proj / "runs/r"), "--epochs", "2", "--lr", "5e-3", "--bs", "16",
                                 "--no-aug", "--threads", "1"});
    ASSERT_EQ(trained.code, 0) << trained.err.toStdString();
    auto interp = test::runCli({"interpret", q(proj / "runs/r"), "--json"});
    ASSERT_EQ(interp.code, 0) << interp.err.toStdString();

    auto made = test::runCli({"report", q(proj / "runs/r"), "--out", q(dir / "report.html"), "--top-losses", "6"});
    ASSERT_EQ(made.code, 0) << made.err.toStdString();
    const auto bytes = test::readBytes(dir / "report.html");
    const QString html = QString::fromUtf8(reinterpret_cast<const char *>(bytes.data()), qsizetype(bytes.size()));
    EXPECT_TRUE(html.startsWith("<!DOCTYPE html>"));
    // Nothing outside the file: no address, every picture a data: URI.
    EXPECT_FALSE(html.contains("http://") || html.contains("https://") || html.contains("file:")) << "a request would leave the file";
    const auto images = QRegularExpression("<img [^>]*src=\"([^\"]*)\"").globalMatch(html);
    int count = 0;
    for (auto it = images; it.hasNext();) {
        const QString src = it.next().captured(1);
        EXPECT_TRUE(src.startsWith("data:image/png;base64,")) << src.left(40).toStdString();
        ++count;
    }
    EXPECT_EQ(count, 6);
    // The numbers are the run's, as interpret prints them.
    const QJsonObject o = interp.json();
    EXPECT_TRUE(html.contains("<b id=\"accuracy\">" + QString::number(o.value("accuracy").toDouble(), 'f', 4) + "</b>"));
    EXPECT_TRUE(html.contains("<span id=\"images\">" + QString::number(o.value("images").toInt()) + "</span>"));
    EXPECT_TRUE(html.contains("id=\"loss-chart\"") && html.contains("<polyline"));
    EXPECT_TRUE(html.contains("<table id=\"confusion\">"));
    EXPECT_TRUE(html.contains("ROC AUC"));
    // Every class has its row in the per-class table.
    for (const auto &c : o.value("per_class").toArray())
        EXPECT_TRUE(html.contains(">" + c.toObject().value("class").toString() + "</td>")) << c.toObject().value("class").toString().toStdString();

    EXPECT_EQ(test::runCli({"report", q(proj / "runs/r")}).code, 2); // --out is required
    auto missing = test::runCli({"report", q(dir / "nothing"), "--out", q(dir / "x.html")});
    EXPECT_EQ(missing.code, 1);
    EXPECT_FALSE(fs::exists(dir / "x.html"));
}
