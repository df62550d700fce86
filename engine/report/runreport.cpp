#include "report/runreport.h"

#include "analysis/curves.h"
#include "analysis/runanalysis.h"
#include "analysis/tsnefile.h"
#include "core/palette.h"
#include "data/project.h"
#include "train/run.h"
#include "train/trainsettings.h"

#include <QByteArray>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>

namespace fs = std::filesystem;

namespace kiln {

namespace {

std::string fixed(double v, int digits)
{
    if (!std::isfinite(v))
        return "–";
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", digits, v);
    return buf;
}

// A line chart of one or more series over epochs, as inline SVG.
struct Series {
    std::string name, colour;
    std::vector<double> values;
};

std::string lineChart(const std::string &title, const std::vector<Series> &series, const std::string &id)
{
    const double w = 460, h = 240, left = 48, right = 12, top = 28, bottom = 30;
    double lo = INFINITY, hi = -INFINITY;
    std::size_t n = 0;
    for (const auto &s : series)
        for (double v : s.values)
            if (std::isfinite(v)) {
                lo = std::min(lo, v);
                hi = std::max(hi, v);
                n = std::max(n, s.values.size());
            }
    std::string svg = "<svg id=\"" + id + "\" width=\"" + fixed(w, 0) + "\" height=\"" + fixed(h, 0)
                      + "\" viewBox=\"0 0 " + fixed(w, 0) + " " + fixed(h, 0) + "\"><text x=\"" + fixed(left, 0)
                      + "\" y=\"16\" class=\"t\">" + htmlEscape(title) + "</text>";
    if (n == 0) {
        svg += "<text x=\"" + fixed(left, 0) + "\" y=\"60\">no epoch finished</text></svg>";
        return svg;
    }
    if (hi - lo < 1e-12) {
        lo -= 0.5;
        hi += 0.5;
    }
    auto X = [&](std::size_t i) { return left + (n > 1 ? double(i) / double(n - 1) : 0.5) * (w - left - right); };
    auto Y = [&](double v) { return top + (hi - v) / (hi - lo) * (h - top - bottom); };
    svg += "<rect x=\"" + fixed(left, 0) + "\" y=\"" + fixed(top, 0) + "\" width=\"" + fixed(w - left - right, 0) + "\" height=\""
           + fixed(h - top - bottom, 0) + "\" fill=\"none\" stroke=\"#bbb\"/>";
    for (int t = 0; t <= 4; ++t) {
        const double v = lo + (hi - lo) * t / 4;
        svg += "<text x=\"4\" y=\"" + fixed(Y(v) + 4, 1) + "\" class=\"a\">" + fixed(v, 3) + "</text>";
    }
    for (std::size_t i = 0; i < n; ++i)
        if (n <= 12 || i % ((n + 11) / 12) == 0)
            svg += "<text x=\"" + fixed(X(i) - 3, 1) + "\" y=\"" + fixed(h - 12, 0) + "\" class=\"a\">" + std::to_string(i) + "</text>";
    double legendX = left + 150;
    for (const auto &s : series) {
        std::string points;
        for (std::size_t i = 0; i < s.values.size(); ++i)
            if (std::isfinite(s.values[i]))
                points += fixed(X(i), 1) + "," + fixed(Y(s.values[i]), 1) + " ";
        svg += "<polyline fill=\"none\" stroke=\"" + s.colour + "\" stroke-width=\"2\" points=\"" + points + "\"/>";
        svg += "<text x=\"" + fixed(legendX, 0) + "\" y=\"16\" fill=\"" + s.colour + "\">" + htmlEscape(s.name) + "</text>";
        legendX += 110;
    }
    return svg + "</svg>";
}

// A thumbnail as a data: URI (PNG, at most 96 px a side); empty when the file does not decode.
// The colour of class c of n, as the report draws the t-SNE (evenly spaced hues).
std::string classColour(std::size_t c, std::size_t n)
{
    char buf[32];
    if (n <= 10) {
        std::snprintf(buf, sizeof buf, "#%06x", unsigned(tab10(int(c))));
        return buf;
    }
    std::snprintf(buf, sizeof buf, "hsl(%d,65%%,45%%)", int(360.0 * double(c) / double(n)));
    return buf;
}

// A t-SNE layout (RUN/tsne.csv) as an inline SVG scatter, coloured by actual class, the
// misclassified ringed; at most kMaxPoints points (every k-th beyond that), with the legend.
std::string tsneScatter(const TsnePoints &t, const std::vector<std::string> &classes)
{
    constexpr std::size_t kMaxPoints = 20000;
    const double w = 640, h = 480, pad = 12, legend = 170;
    float x0 = INFINITY, x1 = -INFINITY, y0 = INFINITY, y1 = -INFINITY;
    for (std::size_t i = 0; i < t.size(); ++i) {
        x0 = std::min(x0, t.xy[2 * i]);
        x1 = std::max(x1, t.xy[2 * i]);
        y0 = std::min(y0, t.xy[2 * i + 1]);
        y1 = std::max(y1, t.xy[2 * i + 1]);
    }
    const double sx = (w - legend - 2 * pad) / std::max(1e-6f, x1 - x0), sy = (h - 2 * pad) / std::max(1e-6f, y1 - y0);
    const double scale = std::min(sx, sy);
    auto classOf = [&](const std::string &name) {
        const auto it = std::find(classes.begin(), classes.end(), name);
        return it == classes.end() ? classes.size() : std::size_t(it - classes.begin());
    };
    std::string svg = "<svg id=\"tsne\" width=\"640\" height=\"480\" viewBox=\"0 0 640 480\">";
    const std::size_t step = std::max<std::size_t>(1, (t.size() + kMaxPoints - 1) / kMaxPoints);
    std::size_t drawn = 0, wrong = 0;
    for (std::size_t i = 0; i < t.size(); i += step) {
        const std::size_t c = classOf(t.actual[i]);
        // y up, as the Analyze page draws it (SVG's y grows downwards).
        const double x = pad + (t.xy[2 * i] - x0) * scale, y = pad + (y1 - t.xy[2 * i + 1]) * scale;
        const bool miss = t.actual[i] != t.predicted[i];
        svg += "<circle cx=\"" + fixed(x, 1) + "\" cy=\"" + fixed(y, 1) + "\" r=\"" + (miss ? "3" : "2") + "\" fill=\""
               + (c < classes.size() ? classColour(c, classes.size()) : std::string("#888")) + "\""
               + (miss ? " stroke=\"#111\" stroke-width=\"1\"" : "") + "/>";
        ++drawn;
        wrong += miss;
    }
    double ly = 20;
    for (std::size_t c = 0; c < classes.size() && c < 24; ++c, ly += 18)
        svg += "<circle cx=\"" + fixed(w - legend + 10, 0) + "\" cy=\"" + fixed(ly - 4, 0) + "\" r=\"5\" fill=\"" + classColour(c, classes.size())
               + "\"/><text x=\"" + fixed(w - legend + 20, 0) + "\" y=\"" + fixed(ly, 0) + "\" class=\"a\">" + htmlEscape(classes[c]) + "</text>";
    svg += "</svg>\n<p id=\"tsne-note\">" + std::to_string(t.size()) + " images" + (step > 1 ? " (every " + std::to_string(step) + "th drawn)" : "")
           + ", coloured by actual class; " + std::to_string(wrong) + " of the " + std::to_string(drawn)
           + " drawn are misclassified (ringed).</p>";
    return svg;
}

std::string thumbnail(const fs::path &file)
{
    cv::Mat img = cv::imread(file.string(), cv::IMREAD_COLOR);
    if (img.empty())
        return {};
    const double scale = 96.0 / std::max(img.cols, img.rows);
    if (scale < 1)
        cv::resize(img, img, cv::Size(), scale, scale, cv::INTER_AREA);
    std::vector<unsigned char> png;
    if (!cv::imencode(".png", img, png))
        return {};
    return "data:image/png;base64," + QByteArray(reinterpret_cast<const char *>(png.data()), qsizetype(png.size())).toBase64().toStdString();
}

} // namespace

std::string htmlEscape(const std::string &text)
{
    std::string out;
    out.reserve(text.size());
    for (char c : text)
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        default: out += c;
        }
    return out;
}

Result<std::string> runReportHtml(const fs::path &runDir, const ReportOptions &options, Progress *progress)
{
    auto run = Run::load(runDir);
    if (!run)
        return run.error();
    auto info = readRunInfo(runDir);
    if (!info)
        return info.error();
    PredictOptions predict;
    predict.threads = options.threads;
    predict.device = options.device;
    predict.embeddings = false;
    auto preds = predictRun(info.value(), AnalysisScope::Valid, predict, progress, options.useCache);
    if (!preds)
        return preds.error();
    auto metrics = run->metrics();
    if (!metrics)
        return metrics.error();
    const Predictions &p = preds->predictions;
    const Interpretation interp = preds->interpretation(AnalysisScope::Valid);
    const auto &classes = interp.classes();
    const fs::path home = locateDataset(info->datasetDir).home;
    const std::size_t k = classes.size();

    std::string h = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                    "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data:; style-src 'unsafe-inline'\">"
                    "<title>Kiln run " + htmlEscape(run->id()) + "</title><style>"
                    "body{font-family:sans-serif;margin:24px;color:#222;max-width:1100px}h1{font-size:22px}h2{font-size:17px;margin-top:28px}"
                    "table{border-collapse:collapse;font-size:13px}td,th{border:1px solid #ccc;padding:3px 7px;text-align:right}"
                    "th{background:#f2f2f2}td.l,th.l{text-align:left}.t{font-weight:bold;font-size:13px}.a{font-size:10px;fill:#555}"
                    ".grid{display:flex;flex-wrap:wrap;gap:10px}.grid figure{margin:0;width:120px;font-size:11px;text-align:center}"
                    ".grid img{width:96px;height:96px;object-fit:contain;background:#eee}.m{color:#b00}</style></head><body>\n";
    h += "<h1>Kiln run " + htmlEscape(run->id()) + "</h1>\n<p>Status " + htmlEscape(runStatusName(run->status)) + ", created "
         + htmlEscape(run->created) + ". Dataset: " + htmlEscape(home.filename().string()) + " (" + std::to_string(k) + " classes: "
         + htmlEscape([&] {
               std::string s;
               for (const auto &c : classes) {
                   if (!s.empty())
                       s += ", ";
                   s += c;
               }
               return s;
           }())
         + ").</p>\n";
    h += "<p>Accuracy on the <span id=\"images\">" + std::to_string(interp.total()) + "</span> validation images: <b id=\"accuracy\">"
         + fixed(interp.accuracy(), 4) + "</b> (" + std::to_string(interp.correct()) + " correct); macro F1 <span id=\"macro-f1\">"
         + fixed(interp.macroF1(), 4) + "</span>.";
    if (run->result)
        h += " Trained " + std::to_string(run->result->epochs.size()) + " epochs in " + fixed(run->result->seconds, 0) + " s on "
             + htmlEscape(run->result->device) + " (" + htmlEscape(run->result->precision) + ").";
    h += "</p>\n";

    // The configuration: every setting as run.json spells it.
    h += "<h2>Configuration</h2>\n<table id=\"config\"><tr><th class=\"l\">setting</th><th class=\"l\">value</th></tr>";
    for (const TrainSetting &s : trainSettings())
        h += "<tr><td class=\"l\">" + htmlEscape(s.label) + " <small>(" + htmlEscape(s.key) + ")</small></td><td class=\"l\">"
             + htmlEscape(s.format(run->config)) + "</td></tr>";
    h += "</table>\n";

    // Curves.
    Series train{"train loss", "#1f77b4", {}}, valid{"valid loss", "#ff7f0e", {}}, acc{"accuracy", "#2ca02c", {}};
    for (const auto &m : metrics.value()) {
        train.values.push_back(m.trainLoss);
        valid.values.push_back(m.validLoss);
        acc.values.push_back(m.accuracy);
    }
    h += "<h2>Training</h2>\n" + lineChart("loss per epoch", {train, valid}, "loss-chart") + " "
         + lineChart("accuracy per epoch", {acc}, "accuracy-chart") + "\n";
    h += "<table id=\"epochs\"><tr><th>epoch</th><th>train loss</th><th>valid loss</th><th>accuracy</th><th>time (s)</th></tr>";
    for (const auto &m : metrics.value())
        h += "<tr><td>" + std::to_string(m.epoch) + "</td><td>" + fixed(m.trainLoss, 4) + "</td><td>" + fixed(m.validLoss, 4) + "</td><td>"
             + fixed(m.accuracy, 4) + "</td><td>" + fixed(m.seconds, 1) + "</td></tr>";
    h += "</table>\n";

    // The confusion matrix, shaded by the row's share.
    h += "<h2>Confusion matrix</h2>\n<p>Rows: actual class; columns: predicted.</p><table id=\"confusion\"><tr><th></th>";
    for (const auto &c : classes)
        h += "<th>" + htmlEscape(c) + "</th>";
    h += "</tr>";
    for (int a = 0; a < int(k); ++a) {
        h += "<tr><th class=\"l\">" + htmlEscape(classes[std::size_t(a)]) + "</th>";
        for (int q = 0; q < int(k); ++q) {
            const double f = interp.rowFraction(a, q);
            const int shade = int(255 - 180 * f);
            char bg[32];
            std::snprintf(bg, sizeof bg, "#%02x%02xff", std::clamp(shade, 0, 255), std::clamp(shade, 0, 255));
            h += "<td style=\"background:" + std::string(bg) + (f > 0.55 ? ";color:#fff" : "") + "\">" + std::to_string(interp.count(a, q))
                 + "</td>";
        }
        h += "</tr>";
    }
    h += "</table>\n";

    // Per class, with the one-vs-rest curves' figures.
    std::vector<int> labels(p.size(), -1);
    for (std::size_t i = 0; i < p.size(); ++i)
        if (preds->counts(i, AnalysisScope::Valid))
            labels[i] = p.labels[i];
    h += "<h2>Per class</h2>\n<table id=\"per-class\"><tr><th class=\"l\">class</th><th>precision</th><th>recall</th><th>F1</th>"
         "<th>support</th><th>average precision</th><th>ROC AUC</th></tr>";
    for (std::size_t c = 0; c < k; ++c) {
        const ClassMetrics &m = interp.perClass()[c];
        const ClassCurves curves = classCurves(p.probs, k, labels, int(c));
        h += "<tr><td class=\"l\">" + htmlEscape(classes[c]) + "</td><td>" + fixed(m.precision, 4) + "</td><td>" + fixed(m.recall, 4)
             + "</td><td>" + fixed(m.f1, 4) + "</td><td>" + std::to_string(m.support) + "</td><td>" + fixed(curves.averagePrecision, 4)
             + "</td><td>" + fixed(curves.auc, 4) + "</td></tr>";
    }
    h += "</table>\n";

    h += "<h2>Most confused</h2>\n<table id=\"most-confused\"><tr><th class=\"l\">actual</th><th class=\"l\">predicted</th><th>images</th></tr>";
    const auto confused = interp.mostConfused(1);
    for (std::size_t n = 0; n < confused.size() && n < 15; ++n)
        h += "<tr><td class=\"l\">" + htmlEscape(classes[std::size_t(confused[n].actual)]) + "</td><td class=\"l\">"
             + htmlEscape(classes[std::size_t(confused[n].predicted)]) + "</td><td>" + std::to_string(confused[n].count) + "</td></tr>";
    if (confused.empty())
        h += "<tr><td class=\"l\" colspan=\"3\">none: every validation image is right</td></tr>";
    h += "</table>\n";

    h += "<h2>Top losses</h2>\n<p>Largest loss first: predicted / actual, loss, p(actual).</p><div class=\"grid\" id=\"top-losses\">";
    for (std::size_t i : preds->topLosses(std::size_t(std::max(0, options.topLosses)), AnalysisScope::Valid)) {
        const std::string uri = thumbnail(p.files[i]);
        const bool wrong = p.predicted[i] != p.labels[i];
        h += "<figure>";
        if (!uri.empty())
            h += "<img alt=\"" + htmlEscape(p.files[i].filename().string()) + "\" src=\"" + uri + "\">";
        h += "<figcaption" + std::string(wrong ? " class=\"m\"" : "") + ">" + htmlEscape(classes[std::size_t(p.predicted[i])]) + " / "
             + htmlEscape(classes[std::size_t(p.labels[i])]) + "<br>" + fixed(p.losses[i], 2) + " / " + fixed(p.probActual(i), 2) + "<br>"
             + htmlEscape(p.files[i].lexically_relative(home).generic_string()) + "</figcaption></figure>";
    }
    h += "</div>\n";

    h += "<h2>Embeddings (t-SNE)</h2>\n";
    auto tsne = readTsneCsv(runTsneFile(runDir));
    if (!tsne)
        h += "<p>The saved t-SNE cannot be shown: " + htmlEscape(tsne.message()) + "</p>\n";
    else if (!tsne->has_value() || (*tsne)->size() == 0)
        h += "<p id=\"tsne-none\">No t-SNE computed for this run yet (Analyze &#9656; Embeddings, or kiln-cli tsne).</p>\n";
    else
        h += tsneScatter(**tsne, classes);

    h += "<h2>Exports</h2>\n";
    if (run->exports.empty()) {
        h += "<p id=\"exports-none\">Not exported yet.</p>\n";
    } else {
        h += "<table id=\"exports\"><tr><th class=\"l\">format</th><th class=\"l\">file</th><th class=\"l\">when (UTC)</th><th>MB</th>"
             "<th>checked accuracy</th><th>max difference</th><th>out-of-domain threshold</th></tr>";
        for (const RunExport &e : run->exports)
            h += "<tr><td class=\"l\">" + htmlEscape(e.format) + "</td><td class=\"l\">" + htmlEscape(e.file) + "</td><td class=\"l\">"
                 + htmlEscape(e.created) + "</td><td>" + fixed(e.bytes / 1048576.0, 2) + "</td><td>"
                 + (e.validationAccuracy > 0 ? fixed(e.validationAccuracy, 4) : std::string("–")) + "</td><td>"
                 + (e.format == "bundle" ? std::string("–") : fixed(e.maxDifference, 7)) + "</td><td>" + fixed(e.oodThreshold, 4)
                 + "</td></tr>";
        h += "</table>\n";
    }
    h += "<p><small>Made by Kiln from " + htmlEscape(run->dir().filename().string()) + ".</small></p></body></html>\n";
    return h;
}

} // namespace kiln
