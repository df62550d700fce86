#pragma once
// What verifying one image file found, as plain data (no OpenCV), for reports and views; the
// checks themselves are in imageverifier.h.

#include "data/imageformat.h"

#include <cstdint>
#include <string>

namespace kiln {

enum class VerifyStatus { Ok, Unreadable, Truncated, NotAnImage, ZeroBytes, TooLarge, Unsupported };

// Stable lower-case names used in reports and JSON: ok, unreadable, truncated, not-an-image,
// zero-bytes, too-large, unsupported.
const char *verifyStatusName(VerifyStatus status);

struct VerifyOptions {
    int maxSide = 20000;                            // pixels, either side
    std::uint64_t maxFileBytes = 512ull << 20;      // files above this are refused unread
};

struct VerifyResult {
    VerifyStatus status = VerifyStatus::Unreadable;
    std::string reason; // what is wrong and what to do; empty when ok
    ImageFormat format = ImageFormat::Unknown;
    int width = 0;
    int height = 0;
    int channels = 0;
    int bitDepth = 0;
    std::uint64_t fileBytes = 0;

    bool ok() const { return status == VerifyStatus::Ok; }
};

} // namespace kiln
