#include "pictureexport.h"

#include "qcustomplot_include.h"

#include <QAbstractItemView>
#include <QFileDialog>
#include <QImage>
#include <QMenu>
#include <QMessageBox>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QSvgGenerator>
#include <QToolButton>

namespace kiln {

const char *pictureFormatExtension(PictureFormat f)
{
    switch (f) {
    case PictureFormat::Png: return ".png";
    case PictureFormat::Svg: return ".svg";
    case PictureFormat::Pdf: return ".pdf";
    }
    return "";
}

namespace {

QString nothingYet(const ExportablePicture &p)
{
    return QCoreApplication::translate("kiln::PictureExport", "There is nothing to export in %1 yet.").arg(p.title);
}

QString cannotWrite(const QString &file)
{
    return QCoreApplication::translate("kiln::PictureExport", "Could not write %1: check that its folder exists and can be written.")
        .arg(file);
}

} // namespace

QString savePicture(const ExportablePicture &picture, const QString &file, PictureFormat format)
{
    const QSize size = picture.size ? picture.size() : QSize();
    if (!picture.paint || size.isEmpty())
        return nothingYet(picture);
    switch (format) {
    case PictureFormat::Png: {
        QImage image(size * 2, QImage::Format_ARGB32_Premultiplied);
        image.setDevicePixelRatio(2);
        image.fill(Qt::white);
        picture.paint(image, size);
        image.setDevicePixelRatio(1);
        return image.save(file, "PNG") ? QString() : cannotWrite(file);
    }
    case PictureFormat::Svg:
    case PictureFormat::Pdf: {
        // QSvgGenerator and QPdfWriter report no error: try the file first, check it after.
        if (QFile probe(file); !probe.open(QIODevice::WriteOnly))
            return cannotWrite(file);
        if (format == PictureFormat::Svg) {
            QSvgGenerator svg;
            svg.setFileName(file);
            svg.setSize(size);
            svg.setViewBox(QRect(QPoint(0, 0), size));
            svg.setTitle(picture.title);
            svg.setDescription(QStringLiteral("Kiln"));
            svg.setResolution(96);
            picture.paint(svg, size);
        } else {
            QPdfWriter pdf(file);
            pdf.setTitle(picture.title);
            pdf.setCreator(QStringLiteral("Kiln"));
            pdf.setResolution(96);
            pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
            pdf.setPageSize(QPageSize(QSizeF(size.width() * 72.0 / 96, size.height() * 72.0 / 96), QPageSize::Point,
                                      QString(), QPageSize::ExactMatch));
            picture.paint(pdf, size);
        }
        const QFile written(file);
        return written.exists() && written.size() > 0 ? QString() : cannotWrite(file);
    }
    }
    return QString();
}

QString saveCsv(const ExportablePicture &picture, const QString &file)
{
    if (!picture.csv)
        return nothingYet(picture);
    QSaveFile f(file);
    if (!f.open(QIODevice::WriteOnly))
        return cannotWrite(file);
    f.write(picture.csv().toUtf8());
    return f.commit() ? QString() : cannotWrite(file);
}

void paintCustomPlot(QCustomPlot *plot, QPaintDevice &device, const QSize &size)
{
    QCPPainter painter(&device);
    painter.setMode(QCPPainter::pmVectorized);
    painter.setMode(QCPPainter::pmNoCaching);
    painter.fillRect(QRect(QPoint(0, 0), size), plot->palette().base());
    plot->toPainter(&painter, size.width(), size.height());
}

void paintWidget(QWidget *widget, QPaintDevice &device, const QSize &size)
{
    QPainter painter(&device);
    painter.fillRect(QRect(QPoint(0, 0), size), widget->palette().base());
    const QSize own = widget->size();
    if (!own.isEmpty() && own != size)
        painter.scale(double(size.width()) / own.width(), double(size.height()) / own.height());
    widget->render(&painter, QPoint(), QRegion(), QWidget::DrawChildren);
}

ExportablePicture tablePicture(QAbstractItemView *view, const QString &name, const QString &title, std::function<QString()> csv)
{
    ExportablePicture p;
    p.name = name;
    p.title = title;
    p.size = [view] { return view->model() && view->model()->rowCount() ? view->size() : QSize(); };
    p.paint = [view](QPaintDevice &device, const QSize &size) { paintWidget(view, device, size); };
    p.csv = std::move(csv);
    return p;
}

QString csvField(const QString &text)
{
    if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"')) && !text.contains(QLatin1Char('\n')))
        return text;
    QString quoted = text;
    quoted.replace(QLatin1String("\""), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QToolButton *makeExportButton(ExportablePicture picture, QWidget *parent, const QString &text)
{
    auto *button = new QToolButton(parent);
    button->setText(text.isEmpty() ? QCoreApplication::translate("kiln::PictureExport", "Export") : text);
    button->setToolTip(QCoreApplication::translate("kiln::PictureExport", "Save this picture as PNG, SVG or PDF, or its data as CSV"));
    button->setPopupMode(QToolButton::InstantPopup);
    auto *menu = new QMenu(button);
    button->setMenu(menu);
    auto report = [button](const QString &error) {
        if (!error.isEmpty())
            QMessageBox::warning(button, QCoreApplication::translate("kiln::PictureExport", "Export"), error);
    };
    const std::pair<PictureFormat, QString> formats[] = {
        {PictureFormat::Png, QCoreApplication::translate("kiln::PictureExport", "PNG images (*.png)")},
        {PictureFormat::Svg, QCoreApplication::translate("kiln::PictureExport", "SVG drawings (*.svg)")},
        {PictureFormat::Pdf, QCoreApplication::translate("kiln::PictureExport", "PDF files (*.pdf)")}};
    for (const auto &[format, filter] : formats) {
        const QString label = QString::fromLatin1(pictureFormatExtension(format) + 1).toUpper() + QStringLiteral("…");
        menu->addAction(label, button, [picture, format = format, filter = filter, button, report] {
            const QString f = QFileDialog::getSaveFileName(button, QCoreApplication::translate("kiln::PictureExport", "Export picture"),
                                                           picture.name + QLatin1String(pictureFormatExtension(format)), filter);
            if (!f.isEmpty())
                report(savePicture(picture, f, format));
        });
    }
    if (picture.csv) {
        menu->addSeparator();
        menu->addAction(QCoreApplication::translate("kiln::PictureExport", "Data as CSV…"), button, [picture, button, report] {
            const QString f = QFileDialog::getSaveFileName(button, QCoreApplication::translate("kiln::PictureExport", "Export data"),
                                                           picture.name + QStringLiteral(".csv"),
                                                           QCoreApplication::translate("kiln::PictureExport", "CSV files (*.csv)"));
            if (!f.isEmpty())
                report(saveCsv(picture, f));
        });
    }
    return button;
}

} // namespace kiln
