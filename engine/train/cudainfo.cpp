// The GPU's name and memory for the device line, read through the CUDA driver API (libcuda.so.1,
// loaded at run time). Kiln's LibTorch may be a CPU build without CUDA headers; the driver's C
// interface is stable, so its few entry points are declared here. No driver, no GPU: "".
#include "train/learner.h"

#include <dlfcn.h>

#include <cstdio>
#include <string>

namespace kiln {

namespace {

using CuInit = int (*)(unsigned);
using CuDeviceGet = int (*)(int *, int);
using CuDeviceGetName = int (*)(char *, int, int);
using CuDeviceTotalMem = int (*)(std::size_t *, int);

std::string describe(int index)
{
    void *lib = ::dlopen("libcuda.so.1", RTLD_LAZY | RTLD_LOCAL);
    if (!lib)
        return {};
    auto init = reinterpret_cast<CuInit>(::dlsym(lib, "cuInit"));
    auto get = reinterpret_cast<CuDeviceGet>(::dlsym(lib, "cuDeviceGet"));
    auto name = reinterpret_cast<CuDeviceGetName>(::dlsym(lib, "cuDeviceGetName"));
    auto memory = reinterpret_cast<CuDeviceTotalMem>(::dlsym(lib, "cuDeviceTotalMem_v2"));
    std::string text;
    int device = 0;
    char buf[256] = {};
    if (init && get && name && init(0) == 0 && get(&device, index) == 0 && name(buf, int(sizeof buf) - 1, device) == 0) {
        text = buf;
        std::size_t bytes = 0;
        if (memory && memory(&bytes, device) == 0 && bytes > 0) {
            char mem[32];
            std::snprintf(mem, sizeof mem, ", %.0f GiB", double(bytes) / (1024.0 * 1024.0 * 1024.0));
            text += mem;
        }
    }
    // The driver stays loaded: LibTorch's CUDA build uses the same library.
    return text;
}

} // namespace

std::string cudaDeviceDescription(int index)
{
    static const std::string first = describe(0); // asked for on every device line: read once
    return index == 0 ? first : describe(index);
}

} // namespace kiln
