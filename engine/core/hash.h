#pragma once
// Small non-cryptographic hashes for decisions that must come out the same on every platform and
// standard library: random splits, per-sample random streams, cache keys.

#include <cstdint>
#include <string_view>

namespace kiln {

// SplitMix64 of x: the golden-ratio step, then its finaliser (Steele, Lea and Flood, 2014).
// Calling it with x, x + step, x + 2 step, ... gives SplitMix64's sequence.
constexpr std::uint64_t kSplitMixStep = 0x9E3779B97F4A7C15ull;
constexpr std::uint64_t splitmix64(std::uint64_t x)
{
    x += kSplitMixStep;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
    return x ^ (x >> 31);
}

// FNV-1a over bytes, continuing from `h` (its offset basis by default).
constexpr std::uint64_t kFnvOffset = 0xcbf29ce484222325ull;
constexpr std::uint64_t fnv1a(std::string_view bytes, std::uint64_t h = kFnvOffset)
{
    for (unsigned char c : bytes)
        h = (h ^ c) * 0x100000001b3ull;
    return h;
}

} // namespace kiln
