#pragma once
// An image's fingerprint for finding near duplicates, as plain data (no OpenCV): a 64-bit
// difference hash and a 16 x 16 grey thumbnail. How one is computed is in imagehash.h.

#include <array>
#include <bit>
#include <cstdint>

namespace kiln {

struct ImageFingerprint {
    bool valid = false; // false: no image to fingerprint (it near-duplicates nothing)
    std::uint64_t dhash = 0;
    std::array<std::uint8_t, 256> thumb{}; // 16 x 16 grey, contrast-stretched
};

inline int hammingDistance(std::uint64_t a, std::uint64_t b) { return std::popcount(a ^ b); }

} // namespace kiln
