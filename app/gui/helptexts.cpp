#include "helptexts.h"

#include "train/learner.h"

#include <QApplication>

namespace kiln {

QString HelpTexts::userGuide()
{
    return tr("<h2>The loop</h2>"
              "<ol>"
              "<li><b>Acquire</b>: add class names (one per line with <i>Paste names</i>), set how many images "
              "each class needs, press <i>Start</i>. Kiln searches the web, downloads in parallel, keeps only "
              "whole, decodable, non-duplicate images, and lists every image it did not keep, with the reason. "
              "A rerun resumes.</li>"
              "<li><b>Dataset</b>: browse the images by class and split; <i>Verify images</i> decodes every "
              "file and can move broken ones to the trash. File ▸ Import reads image folders, MNIST-style IDX "
              "files and CSV lists.</li>"
              "<li><b>Train</b>: pick an architecture (simple_cnn for small images, resnet18/34 otherwise), "
              "the epochs and the learning rate (or run the learning-rate finder), press <i>Start</i>. Curves "
              "and the metrics table update live; pause, resume or stop at any time.</li>"
              "<li><b>Analyze</b>: the confusion matrix (click a cell to see its images), most-confused pairs, "
              "per-class metrics and the t-SNE of the model's features. In the gallery mark images keep (K), "
              "delete (Del) or relabel (R), press <i>Apply</i>; Ctrl+Z undoes. <i>Retrain</i> trains again on "
              "the cleaned data.</li>"
              "<li><b>Export &amp; Predict</b>: export a run as a bundle, ONNX or TorchScript (each is "
              "checked), then drop images on the page to see what the model says.</li>"
              "</ol>"
              "<p>Every step is also a <tt>kiln-cli</tt> command: run <tt>kiln-cli --help</tt>.</p>");
}

QString HelpTexts::shortcuts()
{
    return tr("<table cellpadding='3'>"
              "<tr><td><b>Ctrl+N</b></td><td>New project</td></tr>"
              "<tr><td><b>Ctrl+O</b></td><td>Open project</td></tr>"
              "<tr><td><b>F5</b></td><td>Rescan the dataset</td></tr>"
              "<tr><td><b>F1</b></td><td>User guide</td></tr>"
              "<tr><td><b>Ctrl+Q</b></td><td>Quit</td></tr>"
              "<tr><td colspan='2'><i>Analyze page, in the gallery</i></td></tr>"
              "<tr><td><b>K</b></td><td>Keep the selected images</td></tr>"
              "<tr><td><b>Del</b> or <b>D</b></td><td>Mark them for deletion (to the trash)</td></tr>"
              "<tr><td><b>R</b></td><td>Relabel them (a menu of classes)</td></tr>"
              "<tr><td><b>U</b></td><td>Clear the choice</td></tr>"
              "<tr><td><b>Ctrl+Z</b> / <b>Ctrl+Shift+Z</b></td><td>Undo / redo an applied edit</td></tr>"
              "<tr><td><b>Ctrl+wheel</b></td><td>Zoom the confusion matrix</td></tr>"
              "<tr><td colspan='2'><i>Embeddings</i></td></tr>"
              "<tr><td><b>Wheel</b>, <b>right-drag</b></td><td>Zoom, pan</td></tr>"
              "<tr><td><b>Left-drag</b> (<b>Shift</b> adds)</td><td>Select points; they show in the gallery</td></tr>"
              "</table>");
}

QString HelpTexts::about()
{
    return tr("<h3>Kiln %1</h3><p>A desktop studio for building image datasets and training image "
              "classifiers.</p><p>Qt %2<br>%3</p>")
               .arg(QApplication::applicationVersion(), QString::fromLatin1(qVersion()),
                    QString::fromStdString(runtimeDescription()).toHtmlEscaped());
}

} // namespace kiln
