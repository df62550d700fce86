#include "train/runcompare.h"

#include "train/trainsettings.h"

namespace kiln {

std::vector<SettingDifference> differingSettings(const std::vector<TrainConfig> &configs)
{
    std::vector<SettingDifference> out;
    if (configs.size() < 2)
        return out;
    for (const TrainSetting &s : trainSettings()) {
        SettingDifference d{s.key, s.label, {}};
        bool differs = false;
        for (const TrainConfig &c : configs) {
            d.values.push_back(s.format(c));
            differs = differs || d.values.back() != d.values.front();
        }
        if (differs)
            out.push_back(std::move(d));
    }
    return out;
}

} // namespace kiln
