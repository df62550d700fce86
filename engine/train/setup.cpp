#include "train/learner.h"

#include "core/enumnames.h"
#include "models/statedict.h"
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
    else if (const std::string gpu = cudaDeviceDescription(0); !gpu.empty())
        device += "; GPU " + gpu + " found, but this LibTorch is built without CUDA";
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

std::string deviceProblem(const std::string &device, const std::exception &e)
{
    const std::string what = exceptionLine(e);
    const char *advice = what.find("out of memory") != std::string::npos
        ? "The GPU's memory is full: choose a smaller batch size (kiln-cli: --bs), a smaller image size or a smaller "
          "architecture, or use the CPU (Preferences > Training device > Always the CPU; kiln-cli: --device cpu)."
        : "Use the CPU instead (Preferences > Training device > Always the CPU; kiln-cli: --device cpu), or check the "
          "GPU and its driver (nvidia-smi).";
    return device + ": " + what + ". " + advice;
}

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
    int explicitIndex = -1;
    if (device.size() > 5 && device.rfind("cuda:", 0) == 0
        && device.find_first_not_of("0123456789", 5) == std::string::npos && device.size() < 9)
        explicitIndex = std::stoi(device.substr(5));
    if (explicitIndex >= 0) {
        // One GPU named exactly: used as asked, without falling back to the CPU; a device that
        // cannot be used fails where the model moves to it, with advice (the predictor, the learner).
        info.cuda = true;
        info.index = explicitIndex;
        info.name = device;
        if (const std::string gpu = cudaDeviceDescription(explicitIndex); !gpu.empty())
            info.name += " (" + gpu + ")";
        if (torch::cuda::is_available())
            at::globalContext().setBenchmarkCuDNN(true);
    } else if (device != "cpu" && torch::cuda::is_available()) {
        info.cuda = true;
        info.name = "cuda:0";
        if (const std::string gpu = cudaDeviceDescription(0); !gpu.empty())
            info.name += " (" + gpu + ")";
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
