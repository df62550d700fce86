// kiln-cli report: one self-contained HTML file whose numbers are the run's.
#include "clirun.h"
#include "testfiles.h"

#include "data/project.h"

#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QJsonObject>
#include <QRegularExpression>

#include <gtest/gtest.h>

#include <algorithm>

#include <fstream>

using namespace kiln;
using kiln::test::TempDir;
namespace fs = std::filesystem;

using kiln::test::q;

namespace {

// A learnable two-class project at `proj` with one run, runs/r, trained by kiln-cli.
void makeTrainedProject(const fs::path &proj)
{
    ASSERT_TRUE(Project::create(proj).ok());
    test::makeLearnableDataset(proj / "images", 20, 16);
    auto trained = test::runCli({"train", q(proj), "--out", q(proj / "runs/r"), "--epochs", "2", "--lr", "5e-3", "--bs", "16",
                                 "--no-aug", "--threads", "1"});
    ASSERT_EQ(trained.code, 0) << trained.err.toStdString();
}

} // namespace

TEST(Cli, ReportIsOneSelfContainedFileWithTheRunsNumbers)
{
    TempDir dir;
    const fs::path proj = dir / "p";
    ASSERT_NO_FATAL_FAILURE(makeTrainedProject(proj));
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

    // Before a t-SNE or an export the report says so; after them it shows both.
    EXPECT_TRUE(html.contains("id=\"tsne-none\"") && html.contains("id=\"exports-none\""));
    auto tsne = test::runCli({"tsne", q(proj / "runs/r"), "--out", q(dir / "tsne.csv"), "--iters", "300", "--threads", "1"});
    ASSERT_EQ(tsne.code, 0) << tsne.err.toStdString();
    EXPECT_TRUE(fs::exists(proj / "runs/r/tsne.csv")); // kept beside the run
    auto exported = test::runCli({"export", q(proj / "runs/r"), "--out", q(dir / "model.kiln")});
    ASSERT_EQ(exported.code, 0) << exported.err.toStdString();
    ASSERT_EQ(test::runCli({"report", q(proj / "runs/r"), "--out", q(dir / "report2.html"), "--top-losses", "0"}).code, 0);
    const auto bytes2 = test::readBytes(dir / "report2.html");
    const QString html2 = QString::fromUtf8(reinterpret_cast<const char *>(bytes2.data()), qsizetype(bytes2.size()));
    EXPECT_TRUE(html2.contains("<svg id=\"tsne\""));
    const qsizetype circles = html2.count("<circle ");
    const auto layoutBytes = test::readBytes(dir / "tsne.csv");
    const qsizetype rows = std::count(layoutBytes.begin(), layoutBytes.end(), '\n') - 1;
    EXPECT_EQ(circles, rows + 2); // one per image, and the legend's two classes
    EXPECT_TRUE(html2.contains("<table id=\"exports\">"));
    EXPECT_TRUE(html2.contains(QString::fromStdString(fs::absolute(dir / "model.kiln").string()))) << "the export is listed";
    EXPECT_FALSE(html2.contains("http://") || html2.contains("https://") || html2.contains("file:"));

    EXPECT_EQ(test::runCli({"report", q(proj / "runs/r")}).code, 2); // --out is required
    auto missing = test::runCli({"report", q(dir / "nothing"), "--out", q(dir / "x.html")});
    EXPECT_EQ(missing.code, 1);
    EXPECT_FALSE(fs::exists(dir / "x.html"));
}

namespace {

struct Opened {
    int pageRequests = -1; // requests the page made (initiator "null": a file:// page), -1 when the log is unreadable
    QImage screenshot;
    QString output;
};

// The file in headless Chromium (Debian's, from install-deps.sh) with every network request
// sent to a dead proxy and recorded in a net log; its screenshot.
Opened openInChromium(const fs::path &html, const fs::path &work)
{
    Opened out;
    const fs::path profile = work / "chromium-profile", netlog = work / "net.json", png = work / "shot.png";
    QProcess chromium;
    chromium.setProcessChannelMode(QProcess::MergedChannels);
    chromium.start("/usr/bin/chromium",
                   {"--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--user-data-dir=" + q(profile),
                    "--proxy-server=127.0.0.1:9", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--disable-extensions", "--log-net-log=" + q(netlog), "--screenshot=" + q(png),
                    "--window-size=1200,1600", "file://" + q(fs::absolute(html))});
    if (!chromium.waitForFinished(120000)) {
        chromium.kill();
        chromium.waitForFinished();
    }
    out.output = QString::fromUtf8(chromium.readAll()).right(2000);
    const auto bytes = test::readBytes(netlog);
    const QJsonDocument log = QJsonDocument::fromJson(QByteArray(reinterpret_cast<const char *>(bytes.data()), qsizetype(bytes.size())));
    if (log.isObject()) {
        out.pageRequests = 0;
        for (const auto &e : log.object().value("events").toArray()) {
            const QJsonObject params = e.toObject().value("params").toObject();
            out.pageRequests += params.value("initiator").toString() == "null" && params.contains("url");
        }
    }
    out.screenshot.load(q(png));
    return out;
}

} // namespace

TEST(Cli, ReportOpensInChromiumWithoutARequestAndShowsTheRun)
{
    ASSERT_TRUE(fs::exists("/usr/bin/chromium")) << "chromium is a test dependency: run packaging/install-deps.sh";
    TempDir dir;
    const fs::path proj = dir / "p";
    ASSERT_NO_FATAL_FAILURE(makeTrainedProject(proj));
    ASSERT_EQ(test::runCli({"report", q(proj / "runs/r"), "--out", q(dir / "report.html")}).code, 0);

    // The check can fail: a page with one outside picture is caught.
    {
        std::ofstream bad(dir / "bad.html");
        bad << "<!DOCTYPE html><html><body><p>x</p><img src=\"http://example.invalid/a.png\"></body></html>";
    }
    fs::create_directories(dir / "bad");
    const Opened control = openInChromium(dir / "bad.html", dir / "bad");
    ASSERT_GE(control.pageRequests, 1) << control.output.toStdString();

    fs::create_directories(dir / "good");
    const Opened opened = openInChromium(dir / "report.html", dir / "good");
    EXPECT_EQ(opened.pageRequests, 0) << opened.output.toStdString();
    ASSERT_FALSE(opened.screenshot.isNull()) << opened.output.toStdString();
    EXPECT_EQ(opened.screenshot.width(), 1200);
    // Not blank: a good share of the pixels are not the white page.
    const QImage img = opened.screenshot.convertToFormat(QImage::Format_RGB32);
    std::size_t inked = 0;
    for (int y = 0; y < img.height(); y += 2)
        for (int x = 0; x < img.width(); x += 2)
            inked += qGray(img.pixel(x, y)) < 200;
    EXPECT_GT(double(inked) / double((img.width() / 2) * (img.height() / 2)), 0.01);
}
