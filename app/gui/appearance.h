#pragma once
// Light or dark: Kiln follows the desktop's palette ("system"), or the user picks one. Qt 6.4's
// platform themes do not all report a dark desktop, so "system" also asks the desktop (GNOME's
// color-scheme, GTK_THEME=…:dark) and, when it prefers dark but Qt gave a light palette, uses
// Fusion with a dark palette. Every page and plot draws with the palette's roles, so they follow.

#include <QPalette>
#include <QString>

namespace kiln {

// "system", "light" or "dark"; anything else counts as "system".
void applyAppearance(const QString &mode);

// Whether the desktop asks for dark windows (may run `gsettings`; applyAppearance asks once a session).
bool desktopPrefersDark();

// A dark palette in the Fusion style's roles.
QPalette darkPalette();

} // namespace kiln
