#pragma once
// The LibTorch device of a configured DeviceInfo (engine-private: LibTorch): the CUDA device with
// its ordinal, or the CPU. Learner and predictor take their device from here.

#include "train/learner.h"

#include <c10/core/Device.h>

namespace kiln {

inline c10::Device torchDevice(const DeviceInfo &device)
{
    return device.cuda ? c10::Device(c10::kCUDA, c10::DeviceIndex(device.index)) : c10::Device(c10::kCPU);
}

} // namespace kiln
