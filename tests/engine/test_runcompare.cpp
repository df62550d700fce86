// The settings that differ between runs, read off the settings table.
#include "train/runcompare.h"

#include <gtest/gtest.h>

#include <algorithm>

using namespace kiln;

TEST(RunCompare, NamesEverySettingThatDiffersAndOnlyThose)
{
    TrainConfig a, b, c;
    b.lr = 1e-2;
    c.epochs = a.epochs + 3;
    c.lr = 1e-2;
    const auto d = differingSettings({a, b, c});
    ASSERT_EQ(d.size(), 2u);
    std::vector<std::string> keys{d[0].key, d[1].key};
    EXPECT_NE(std::find(keys.begin(), keys.end(), "lr"), keys.end());
    EXPECT_NE(std::find(keys.begin(), keys.end(), "epochs"), keys.end());
    for (const auto &s : d) {
        ASSERT_EQ(s.values.size(), 3u);
        EXPECT_FALSE(s.label.empty());
        if (s.key == "lr") {
            EXPECT_EQ(s.values[1], s.values[2]);
            EXPECT_NE(s.values[0], s.values[1]);
        }
    }
    EXPECT_TRUE(differingSettings({a, a}).empty());
    EXPECT_TRUE(differingSettings({b}).empty());
}
