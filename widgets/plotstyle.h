#pragma once
// QCustomPlot draws white with black axes whatever the palette says, and writes tick numbers in the
// C locale. styleForDesktop() paints a plot with its widget palette's roles (Base behind, Text for
// axes, labels and the legend, Mid for the grid) now and again whenever the palette changes, so
// plots follow light and dark, and gives it the user's locale for its numbers.

class QCustomPlot;

namespace kiln {

void styleForDesktop(QCustomPlot *plot);

} // namespace kiln
