#pragma once
// Matplotlib's tab10: ten colours most readers tell apart, as 0xRRGGBB. The one table behind the
// colours of classes (t-SNE in the studio and in the report) and of compared runs. Qt-free.

#include <cstdint>

namespace kiln {

inline std::uint32_t tab10(int i)
{
    static constexpr std::uint32_t colours[] = {0x1f77b4, 0xff7f0e, 0x2ca02c, 0xd62728, 0x9467bd,
                                                0x8c564b, 0xe377c2, 0x7f7f7f, 0xbcbd22, 0x17becf};
    return colours[((i % 10) + 10) % 10];
}

} // namespace kiln
