#pragma once
// Chosen images as one picture to export: a grid of thumbnails (read from their files, scaled to
// fit, aspect kept), each captioned, in the order given; at most kMaxImages (the CSV beside it
// lists them all). A file that cannot be read shows as a grey tile that says so. GUI thread only.

#include "pictureexport.h"

#include <QString>

#include <functional>
#include <vector>

namespace kiln {

struct SheetItem {
    QString file;
    QString caption; // one or two short lines
};

constexpr int kContactSheetMaxImages = 400;

QSize contactSheetSize(std::size_t count);
void paintContactSheet(QPainter &painter, const std::vector<SheetItem> &items, const QSize &size);
// The items are asked for when the picture is saved.
ExportablePicture contactSheetPicture(std::function<std::vector<SheetItem>()> items, std::function<QString()> csv,
                                      const QString &name, const QString &title);

} // namespace kiln
