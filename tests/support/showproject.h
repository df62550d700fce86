#pragma once
// The main window on a project, its dataset loaded, or its Analyze page interpreted (GUI tests; a
// GoogleTest assertion fails the test when it does not open, load or interpret).

#include "analyzepage.h"
#include "datasetpage.h"
#include "mainwindow.h"

#include <QSignalSpy>

#include <gtest/gtest.h>

#include <filesystem>

namespace kiln::test {

inline void showProject(MainWindow &window, const std::filesystem::path &dir)
{
    window.resize(1280, 800);
    window.show();
    QSignalSpy loaded(window.datasetPage(), &DatasetPage::datasetLoaded);
    ASSERT_TRUE(window.openProject(QString::fromStdString(dir.string())));
    ASSERT_TRUE(loaded.wait(5000));
}

// The same, then the Analyze page, once it has interpreted the newest run.
inline void showAnalyzed(MainWindow &window, const std::filesystem::path &dir)
{
    showProject(window, dir);
    QSignalSpy interpreted(window.analyzePage(), &AnalyzePage::interpreted);
    window.showPage(3); // Analyze interprets the newest run on first show
    ASSERT_TRUE(interpreted.wait(30000));
    ASSERT_TRUE(interpreted.front().at(0).toBool()) << interpreted.front().at(1).toString().toStdString();
}

} // namespace kiln::test
