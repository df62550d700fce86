// Every picture exports as PNG (read back by QImage), SVG (parsed, and drawn by Qt's SVG renderer)
// and PDF (one page), and its data as CSV; a picture with nothing in it, or a folder that cannot be
// written, is a message, not a file.
#include "classbarchart.h"
#include "confusionmatrixmodel.h"
#include "confusionmatrixview.h"
#include "contactsheet.h"
#include "embeddingscatter.h"
#include "pictureexport.h"
#include "runoverlayplot.h"
#include "testfiles.h"

#include <QFile>
#include <QImage>
#include <QRegularExpression>
#include <QSvgRenderer>
#include <QXmlStreamReader>

#include <gtest/gtest.h>

namespace fs = std::filesystem;
using namespace kiln;
using kiln::test::TempDir;

namespace {

QByteArray readAll(const QString &file)
{
    QFile f(file);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// Writes the three formats and the CSV, and checks each as its reader sees it.
void expectEveryFormat(const ExportablePicture &picture, const TempDir &dir, const char *csvStart)
{
    SCOPED_TRACE(picture.name.toStdString());
    const QSize size = picture.size();
    ASSERT_FALSE(size.isEmpty());
    const QString base = QString::fromStdString((dir.path() / picture.name.toStdString()).string());

    ASSERT_EQ(savePicture(picture, base + ".png", PictureFormat::Png), QString());
    const QImage png(base + ".png");
    ASSERT_FALSE(png.isNull());
    EXPECT_EQ(png.size(), size * 2); // twice the screen's pixels
    // Not a blank page: some pixels differ from the first.
    bool varied = false;
    for (int y = 0; y < png.height() && !varied; y += 3)
        for (int x = 0; x < png.width() && !varied; x += 3)
            varied = png.pixel(x, y) != png.pixel(0, 0);
    EXPECT_TRUE(varied);

    ASSERT_EQ(savePicture(picture, base + ".svg", PictureFormat::Svg), QString());
    const QByteArray svg = readAll(base + ".svg");
    QXmlStreamReader xml(svg);
    int elements = 0;
    bool drawn = false;
    while (!xml.atEnd()) {
        if (xml.readNext() == QXmlStreamReader::StartElement) {
            ++elements;
            drawn = drawn || xml.name() == QLatin1String("path") || xml.name() == QLatin1String("rect")
                    || xml.name() == QLatin1String("polyline") || xml.name() == QLatin1String("text");
        }
    }
    EXPECT_FALSE(xml.hasError()) << xml.errorString().toStdString();
    EXPECT_GT(elements, 10);
    EXPECT_TRUE(drawn);
    QSvgRenderer renderer(base + ".svg");
    EXPECT_TRUE(renderer.isValid());
    EXPECT_EQ(renderer.viewBox().size(), size);

    ASSERT_EQ(savePicture(picture, base + ".pdf", PictureFormat::Pdf), QString());
    const QByteArray pdf = readAll(base + ".pdf");
    EXPECT_TRUE(pdf.startsWith("%PDF-"));
    const auto pages = QString::fromLatin1(pdf).count(QRegularExpression(QStringLiteral("/Type\\s*/Page[^s]")));
    EXPECT_EQ(pages, 1);
    EXPECT_TRUE(pdf.trimmed().endsWith("%%EOF"));

    ASSERT_EQ(saveCsv(picture, base + ".csv"), QString());
    EXPECT_TRUE(readAll(base + ".csv").startsWith(csvStart)) << readAll(base + ".csv").left(80).toStdString();
}

} // namespace

TEST(PictureExport, EveryPictureWritesPngSvgPdfAndCsv)
{
    TempDir dir;
    // Curves of two runs (QCustomPlot, as vectors).
    RunOverlayPlot plot;
    plot.resize(700, 450);
    plot.setRuns({{"one", {{0, "", 0.9, 1.0, 0.5, 0.5, 1, 1}, {1, "", 0.5, 0.7, 0.7, 0.3, 1, 1}}, {}},
                  {"two", {{0, "", 0.8, 0.9, 0.6, 0.4, 1, 1}}, {}}});
    expectEveryFormat(plot.picture(), dir, "run,series,epoch,value\none,train_loss_smooth,1,0.9");

    // Per-class bars (QPainter).
    ClassBarChart chart;
    chart.resize(520, 200);
    chart.setData({"cat", "dog"}, {{"F1", Qt::darkGreen, {0.5, 0.75}}});
    expectEveryFormat(chart.picture(), dir, "class,F1\ncat,0.5\ndog,0.75\n");

    // The confusion matrix (a widget's own painting).
    ConfusionMatrixModel model;
    model.setInterpretation(Interpretation({"cat", "dog"}, {0, 0, 1, 1}, {0, 1, 1, 1}));
    ConfusionMatrixView view;
    view.setModel(&model);
    view.resize(400, 400);
    view.show();
    ExportablePicture matrix;
    matrix.name = "matrix";
    matrix.size = [&] { return view.widget()->size(); };
    matrix.paint = [&](QPaintDevice &d, const QSize &s) { paintWidget(view.widget(), d, s); };
    matrix.csv = [] { return QStringLiteral("actual\\predicted,cat,dog\n"); };
    expectEveryFormat(matrix, dir, "actual\\predicted");

    // A t-SNE scatter.
    EmbeddingScatter scatter;
    scatter.resize(500, 400);
    scatter.setPoints({0, 0, 1, 1, 2, 0, 0, 2}, {0, 0, 1, 1}, {0, 1, 0, 0}, {"cat", "dog"});
    expectEveryFormat(scatter.picture([] { return QStringLiteral("file,x,y\n"); }), dir, "file,x,y");

    // Chosen images as a contact sheet, one of them unreadable.
    test::writeBytes(dir / "a.png", test::encodeImage(".png", 40, 30));
    test::writeBytes(dir / "b.jpg", test::encodeImage(".jpg", 64, 64, 3, 8, 2));
    test::writeText(dir / "broken.jpg", "not an image");
    std::vector<SheetItem> items{{QString::fromStdString((dir / "a.png").string()), "cat / cat\nloss 0.1"},
                                 {QString::fromStdString((dir / "b.jpg").string()), "dog / cat"},
                                 {QString::fromStdString((dir / "broken.jpg").string()), "?"}};
    const auto sheet = contactSheetPicture([items] { return items; }, [] { return QStringLiteral("file\n"); }, "images", "Images");
    expectEveryFormat(sheet, dir, "file");
    EXPECT_EQ(contactSheetSize(3), QSize(8 + 3 * 136, 8 + 170));
    EXPECT_EQ(contactSheetSize(1000).height(), contactSheetSize(kContactSheetMaxImages).height());
}

TEST(PictureExport, NothingToExportOrNoWayToWriteIsAMessage)
{
    TempDir dir;
    RunOverlayPlot empty;
    const QString file = QString::fromStdString((dir / "x.png").string());
    const QString nothing = savePicture(empty.picture(), file, PictureFormat::Png);
    EXPECT_TRUE(nothing.contains("nothing to export")) << nothing.toStdString();
    EXPECT_FALSE(fs::exists(dir / "x.png"));

    ClassBarChart chart;
    chart.resize(300, 100);
    chart.setData({"a"}, {{"F1", Qt::red, {1.0}}});
    const QString missing = QString::fromStdString((dir / "no" / "such" / "folder" / "x").string());
    for (PictureFormat f : {PictureFormat::Png, PictureFormat::Svg, PictureFormat::Pdf}) {
        const QString error = savePicture(chart.picture(), missing + pictureFormatExtension(f), f);
        EXPECT_TRUE(error.contains("Could not write")) << error.toStdString();
    }
    EXPECT_TRUE(saveCsv(chart.picture(), missing + ".csv").contains("Could not write"));
    EXPECT_EQ(csvField("a,b"), "\"a,b\"");
    EXPECT_EQ(csvField("say \"hi\""), "\"say \"\"hi\"\"\"");
    EXPECT_EQ(csvField("plain"), "plain");
}
