#include "train/learner.h"

#include "core/enumnames.h"
#include "train/trainsettings.h"

#include <torch/cuda.h>
#include <torch/version.h>
#include <ATen/Context.h>
#include <ATen/Parallel.h>

#include <opencv2/core/version.hpp>
#include <opencv2/imgcodecs.hpp>

#include <malloc.h>
#include <mutex>
#include <thread>

namespace kiln {

const char *scheduleName(ScheduleKind s)
{
    switch (s) {
    case ScheduleKind::OneCycle: return "one-cycle";
    case ScheduleKind::FineTune: return "fine-tune";
    case ScheduleKind::Constant: return "constant";
    }
    return "one-cycle";
}

bool parseSchedule(const std::string &name, ScheduleKind &out)
{
    return parseByName(name, {ScheduleKind::OneCycle, ScheduleKind::FineTune, ScheduleKind::Constant}, scheduleName, out);
}

std::string runtimeDescription()
{
    std::string device = "CPU, " + std::to_string(at::get_num_threads()) + " threads";
    if (cudaAvailable())
        device = "CUDA (" + std::to_string(torch::cuda::device_count()) + " device(s)) and " + device;
    return std::string("LibTorch ") + TORCH_VERSION + ", OpenCV " + CV_VERSION + ", " + device;
}

bool cudaAvailable()
{
    return torch::cuda::is_available();
}

namespace {

// Training allocates and frees the same large activation buffers every batch. glibc hands blocks
// above its mmap threshold back to the kernel at once, so each batch pays for fresh zeroed pages
// (page faults: ~25 % of a simple_cnn step here). Keeping such blocks in the heap removes that.
// Process-wide and idempotent; the memory stays available to the process for the next batch.
void keepTrainingBuffersInHeap()
{
    static const bool done = [] {
        mallopt(M_MMAP_THRESHOLD, 32 * 1024 * 1024); // glibc's maximum on 64-bit
        mallopt(M_TRIM_THRESHOLD, 1024 * 1024 * 1024);
        mallopt(M_TOP_PAD, 64 * 1024 * 1024);
        return true;
    }();
    (void)done;
}

} // namespace

namespace {

std::mutex g_deviceMutex;
std::string g_preferredDevice = "auto";

} // namespace

void setPreferredDevice(const std::string &device)
{
    std::lock_guard lock(g_deviceMutex);
    g_preferredDevice = device.empty() ? "auto" : device;
}

DeviceInfo configureDevice(const TrainConfig &config)
{
    keepTrainingBuffersInHeap();
    DeviceInfo info;
    const int cores = int(std::max(1u, std::thread::hardware_concurrency()));
    info.threads = config.threads > 0 ? config.threads : cores;
    at::set_num_threads(info.threads);
    std::string device = config.device;
    if (device == "auto") {
        std::lock_guard lock(g_deviceMutex);
        device = g_preferredDevice;
    }
    if (device != "cpu" && torch::cuda::is_available()) {
        info.cuda = true;
        info.name = "cuda:0";
        // Input sizes are fixed within a run: let cuDNN pick its fastest kernels once.
        at::globalContext().setBenchmarkCuDNN(true);
    } else {
        info.name = "cpu";
    }
    return info;
}

void resolveInputShape(const TrainData &data, const TrainConfig &config, int &size, int &channels)
{
    size = config.size;
    channels = config.channels;
    if ((size > 0 && channels > 0) || data.trainPaths.empty())
        return;
    cv::Mat first;
    for (std::size_t i = 0; i < data.trainPaths.size() && first.empty() && i < 20; ++i)
        first = cv::imread(data.trainPaths[i].string(), cv::IMREAD_UNCHANGED);
    if (channels <= 0)
        channels = (!config.pretrained.empty() || first.empty() || first.channels() >= 3) ? 3 : 1;
    if (size <= 0)
        size = suggestedSize(config.arch, first.empty() ? 0 : std::max(first.cols, first.rows));
}

} // namespace kiln
