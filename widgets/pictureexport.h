#pragma once
// Saving a view's picture and the data behind it: PNG (twice the screen's pixels), SVG and PDF
// (vectors wherever the view paints vectors; one page the picture's size) and CSV. A view describes
// itself as an ExportablePicture; makeExportButton() gives it the "Export" menu every picture of
// Kiln has. GUI thread only.

#include <QSize>
#include <QString>
#include <QToolButton>

#include <functional>

class QAbstractItemView;
class QCustomPlot;
class QPaintDevice;
class QPainter;
class QWidget;

namespace kiln {

enum class PictureFormat { Png, Svg, Pdf };
const char *pictureFormatExtension(PictureFormat f); // ".png", ".svg", ".pdf"

struct ExportablePicture {
    QString name;                  // the file name offered, without extension ("confusion-matrix")
    QString title;                 // written into SVG and PDF
    std::function<QSize()> size;   // in logical pixels; empty: nothing to export yet
    // Paints the picture at `size` onto `device` (it opens its own painter there).
    std::function<void(QPaintDevice &device, const QSize &size)> paint;
    std::function<QString()> csv;  // the data, as CSV text; null when the picture has none
};

// Writes the picture; an empty string when it worked, else what went wrong (with the file named).
QString savePicture(const ExportablePicture &picture, const QString &file, PictureFormat format);
// Writes `text` (UTF-8) atomically; the same kind of answer.
QString saveCsv(const ExportablePicture &picture, const QString &file);

// A QCustomPlot painted as vectors (its own QCPPainter), for ExportablePicture::paint.
void paintCustomPlot(QCustomPlot *plot, QPaintDevice &device, const QSize &size);
// A widget's own paintEvent, for ExportablePicture::paint; vectors if it paints vectors.
void paintWidget(QWidget *widget, QPaintDevice &device, const QSize &size);

// A table view as it shows (a picture of it, nothing while its model is empty) with `csv` as its
// data.
ExportablePicture tablePicture(QAbstractItemView *view, const QString &name, const QString &title, std::function<QString()> csv);

// An "Export" tool button whose menu saves the picture as PNG, SVG or PDF and its data as CSV,
// asking where; a failure is shown in a message box.
QToolButton *makeExportButton(ExportablePicture picture, QWidget *parent, const QString &text = {});

// Text quoted for a CSV cell when it needs to be (RFC 4180).
QString csvField(const QString &text);

} // namespace kiln
