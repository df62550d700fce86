#include "appearance.h"

#include <QApplication>
#include <QProcess>
#include <QStandardPaths>
#include <QStyle>
#include <QStyleFactory>

namespace kiln {

namespace {

struct Original {
    QString style;
    QPalette palette;
};

const Original &original()
{
    static const Original o{QApplication::style() ? QApplication::style()->name() : QString(), QApplication::palette()};
    return o;
}

bool isDark(const QPalette &p)
{
    return p.color(QPalette::Window).lightness() < p.color(QPalette::WindowText).lightness();
}

void useStyle(const QString &name, const QPalette &palette)
{
    if (QApplication::style()->name().compare(name, Qt::CaseInsensitive) != 0)
        if (QStyle *style = QStyleFactory::create(name))
            QApplication::setStyle(style);
    QApplication::setPalette(palette);
}

} // namespace

QPalette darkPalette()
{
    QPalette p;
    const QColor window(45, 45, 48), base(30, 30, 32), text(232, 232, 232), disabled(130, 130, 130);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(40, 40, 43));
    p.setColor(QPalette::ToolTipBase, QColor(60, 60, 64));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(150, 150, 150));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(255, 90, 90));
    p.setColor(QPalette::Light, QColor(75, 75, 80));
    p.setColor(QPalette::Midlight, QColor(60, 60, 64));
    p.setColor(QPalette::Mid, QColor(90, 90, 95));
    p.setColor(QPalette::Dark, QColor(20, 20, 22));
    p.setColor(QPalette::Shadow, QColor(0, 0, 0));
    p.setColor(QPalette::Highlight, QColor(42, 130, 218));
    p.setColor(QPalette::HighlightedText, QColor(255, 255, 255));
    p.setColor(QPalette::Link, QColor(100, 170, 255));
    p.setColor(QPalette::LinkVisited, QColor(170, 140, 255));
    for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, disabled);
    p.setColor(QPalette::Disabled, QPalette::Base, window);
    return p;
}

bool desktopPrefersDark()
{
    if (isDark(original().palette))
        return true;
    if (qEnvironmentVariable("GTK_THEME").endsWith(QLatin1String(":dark"), Qt::CaseInsensitive))
        return true;
    const QString gsettings = QStandardPaths::findExecutable(QStringLiteral("gsettings"));
    if (gsettings.isEmpty() || (qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")))
        return false;
    QProcess p;
    p.start(gsettings, {QStringLiteral("get"), QStringLiteral("org.gnome.desktop.interface"), QStringLiteral("color-scheme")});
    if (!p.waitForFinished(1000)) {
        p.kill();
        p.waitForFinished(100);
        return false;
    }
    return p.exitCode() == 0 && p.readAllStandardOutput().contains("prefer-dark");
}

void applyAppearance(const QString &mode)
{
    // Each window and each accepted Preferences dialog asks; only a change restyles every widget.
    static QString applied;
    if (mode == applied)
        return;
    applied = mode;
    const Original &o = original();
    if (mode == QLatin1String("dark")) {
        useStyle(QStringLiteral("Fusion"), darkPalette());
    } else if (mode == QLatin1String("light")) {
        if (isDark(o.palette)) {
            QStyle *fusion = QStyleFactory::create(QStringLiteral("Fusion"));
            const QPalette light = fusion->standardPalette();
            delete fusion;
            useStyle(QStringLiteral("Fusion"), light);
        } else {
            useStyle(o.style, o.palette);
        }
    } else if (static const bool desktopDark = desktopPrefersDark(); desktopDark && !isDark(o.palette)) {
        useStyle(QStringLiteral("Fusion"), darkPalette());
    } else {
        useStyle(o.style, o.palette);
    }
}

} // namespace kiln
