#pragma once
// The main window on a project, its dataset loaded (GUI tests; a GoogleTest assertion fails the
// test when it does not open or load).

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

} // namespace kiln::test
