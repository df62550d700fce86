#include "data/imageformat.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <cstring>

namespace kiln {

namespace {

std::uint32_t be32(const unsigned char *p) { return (std::uint32_t(p[0]) << 24) | (std::uint32_t(p[1]) << 16) | (std::uint32_t(p[2]) << 8) | p[3]; }
std::uint16_t be16(const unsigned char *p) { return std::uint16_t((p[0] << 8) | p[1]); }
std::uint32_t le32(const unsigned char *p) { return (std::uint32_t(p[3]) << 24) | (std::uint32_t(p[2]) << 16) | (std::uint32_t(p[1]) << 8) | p[0]; }
std::uint16_t le16(const unsigned char *p) { return std::uint16_t((p[1] << 8) | p[0]); }
std::int32_t les32(const unsigned char *p) { return static_cast<std::int32_t>(le32(p)); }

bool startsWith(const unsigned char *data, std::size_t size, const char *magic, std::size_t n)
{
    return size >= n && std::memcmp(data, magic, n) == 0;
}

bool looksLikeText(const unsigned char *data, std::size_t size)
{
    std::size_t n = std::min<std::size_t>(size, 512);
    std::size_t i = 0;
    if (n >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF)
        i = 3; // UTF-8 byte order mark
    if (i == n)
        return false;
    std::size_t printable = 0;
    for (std::size_t k = i; k < n; ++k) {
        unsigned char c = data[k];
        if (c == 0)
            return false;
        if (c >= 0x20 || c == '\n' || c == '\r' || c == '\t')
            ++printable;
    }
    return printable * 100 >= (n - i) * 95;
}

void readPng(const unsigned char *d, std::size_t size, ImageHeader &h)
{
    if (size < 33) {
        h.truncated = true;
        return;
    }
    if (std::memcmp(d + 12, "IHDR", 4) != 0) {
        h.problem = "the PNG has no IHDR chunk";
        return;
    }
    h.width = static_cast<int>(std::min<std::uint32_t>(be32(d + 16), 0x7fffffff));
    h.height = static_cast<int>(std::min<std::uint32_t>(be32(d + 20), 0x7fffffff));
    h.dimensionsKnown = true;
    std::size_t pos = 8;
    while (true) {
        if (pos + 12 > size) {
            h.truncated = true;
            return;
        }
        const std::uint32_t len = be32(d + pos);
        const bool isEnd = std::memcmp(d + pos + 4, "IEND", 4) == 0;
        if (len > size || pos + 12 + std::size_t(len) > size) {
            h.truncated = true;
            return;
        }
        pos += 12 + std::size_t(len);
        if (isEnd)
            return;
    }
}

void readJpeg(const unsigned char *d, std::size_t size, ImageHeader &h)
{
    std::size_t pos = 2;
    std::size_t scanStart = 0;
    while (pos + 4 <= size) {
        if (d[pos] != 0xFF) {
            h.problem = "the JPEG marker structure is corrupt";
            return;
        }
        unsigned char marker = d[pos + 1];
        if (marker == 0xFF) { // fill byte
            ++pos;
            continue;
        }
        if (marker == 0xD8 || (marker >= 0xD0 && marker <= 0xD7) || marker == 0x01) {
            pos += 2;
            continue;
        }
        if (marker == 0xD9) { // EOI before any scan
            h.problem = "the JPEG ends before its image data";
            return;
        }
        const std::size_t len = be16(d + pos + 2);
        if (len < 2) {
            h.problem = "the JPEG marker structure is corrupt";
            return;
        }
        const bool sof = (marker >= 0xC0 && marker <= 0xCF) && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
        if (sof && pos + 9 <= size) {
            h.height = be16(d + pos + 5);
            h.width = be16(d + pos + 7);
            h.dimensionsKnown = true;
        }
        if (marker == 0xDA) { // start of scan: entropy-coded data follows
            scanStart = pos + 2 + len;
            break;
        }
        pos += 2 + len;
    }
    if (scanStart == 0 || scanStart > size) {
        h.truncated = true;
        return;
    }
    // Inside entropy-coded data 0xFF is always followed by 0x00 or a marker, so FF D9 after the
    // first scan can only be the end-of-image marker. Trailing padding after it is tolerated.
    for (std::size_t i = size - 1; i > scanStart; --i) {
        if (d[i] == 0xD9 && d[i - 1] == 0xFF)
            return;
    }
    h.truncated = true;
}

void readBmp(const unsigned char *d, std::size_t size, ImageHeader &h)
{
    if (size < 26) {
        h.truncated = true;
        return;
    }
    const std::uint32_t fileSize = le32(d + 2);
    const std::uint32_t headerSize = le32(d + 14);
    if (headerSize == 12) {
        h.width = le16(d + 18);
        h.height = le16(d + 20);
    } else {
        const std::int32_t w = les32(d + 18);
        const std::int32_t hh = les32(d + 22);
        h.width = w < 0 ? (w == INT32_MIN ? INT32_MAX : -w) : w;
        h.height = hh < 0 ? (hh == INT32_MIN ? INT32_MAX : -hh) : hh;
    }
    h.dimensionsKnown = true;
    if (fileSize > size && fileSize < (1u << 31))
        h.truncated = true;
}

void readWebp(const unsigned char *d, std::size_t size, ImageHeader &h)
{
    if (size < 30) {
        h.truncated = true;
        return;
    }
    const std::uint64_t riffSize = std::uint64_t(le32(d + 4)) + 8;
    if (riffSize > size)
        h.truncated = true;
    if (std::memcmp(d + 12, "VP8 ", 4) == 0) {
        h.width = le16(d + 26) & 0x3FFF;
        h.height = le16(d + 28) & 0x3FFF;
        h.dimensionsKnown = true;
    } else if (std::memcmp(d + 12, "VP8L", 4) == 0 && size >= 25) {
        const std::uint32_t bits = le32(d + 21);
        h.width = int(bits & 0x3FFF) + 1;
        h.height = int((bits >> 14) & 0x3FFF) + 1;
        h.dimensionsKnown = true;
    } else if (std::memcmp(d + 12, "VP8X", 4) == 0) {
        h.width = int(d[24] | (d[25] << 8) | (d[26] << 16)) + 1;
        h.height = int(d[27] | (d[28] << 8) | (d[29] << 16)) + 1;
        h.dimensionsKnown = true;
    } else {
        h.problem = "the WebP container holds no known image chunk";
    }
}

void readTiff(const unsigned char *d, std::size_t size, ImageHeader &h)
{
    const bool le = d[0] == 'I';
    auto u16 = [&](std::size_t off) { return le ? le16(d + off) : be16(d + off); };
    auto u32 = [&](std::size_t off) { return le ? le32(d + off) : be32(d + off); };
    if (size < 8) {
        h.truncated = true;
        return;
    }
    const std::uint32_t ifd = u32(4);
    if (std::size_t(ifd) + 2 > size) {
        h.truncated = true;
        return;
    }
    const std::uint16_t count = u16(ifd);
    for (std::uint16_t i = 0; i < count; ++i) {
        const std::size_t e = std::size_t(ifd) + 2 + std::size_t(i) * 12;
        if (e + 12 > size) {
            h.truncated = true;
            return;
        }
        const std::uint16_t tag = u16(e);
        const std::uint16_t type = u16(e + 2);
        const std::uint32_t value = type == 3 ? u16(e + 8) : u32(e + 8);
        if (tag == 256)
            h.width = static_cast<int>(std::min<std::uint32_t>(value, 0x7fffffff));
        else if (tag == 257)
            h.height = static_cast<int>(std::min<std::uint32_t>(value, 0x7fffffff));
    }
    h.dimensionsKnown = h.width > 0 && h.height > 0;
}

} // namespace

const char *imageFormatName(ImageFormat format)
{
    switch (format) {
    case ImageFormat::Jpeg: return "jpeg";
    case ImageFormat::Png: return "png";
    case ImageFormat::Bmp: return "bmp";
    case ImageFormat::Webp: return "webp";
    case ImageFormat::Tiff: return "tiff";
    case ImageFormat::Gif: return "gif";
    case ImageFormat::Text: return "text";
    case ImageFormat::Unknown: break;
    }
    return "unknown";
}

bool hasImageExtension(std::string_view fileName)
{
    const auto dot = fileName.rfind('.');
    if (dot == std::string_view::npos || fileName.size() - dot > 5)
        return false;
    std::array<char, 5> ext{};
    std::size_t n = 0;
    for (std::size_t i = dot + 1; i < fileName.size(); ++i)
        ext[n++] = static_cast<char>(std::tolower(static_cast<unsigned char>(fileName[i])));
    const std::string_view e(ext.data(), n);
    return e == "jpg" || e == "jpeg" || e == "png" || e == "bmp" || e == "webp" || e == "tif"
        || e == "tiff";
}

ImageFormat sniffImageFormat(const unsigned char *data, std::size_t size)
{
    if (size >= 3 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF)
        return ImageFormat::Jpeg;
    if (startsWith(data, size, "\x89PNG\r\n\x1a\n", 8))
        return ImageFormat::Png;
    if (startsWith(data, size, "BM", 2) && size >= 14)
        return ImageFormat::Bmp;
    if (size >= 12 && std::memcmp(data, "RIFF", 4) == 0 && std::memcmp(data + 8, "WEBP", 4) == 0)
        return ImageFormat::Webp;
    if (startsWith(data, size, "II*\0", 4) || startsWith(data, size, "MM\0*", 4))
        return ImageFormat::Tiff;
    if (startsWith(data, size, "GIF87a", 6) || startsWith(data, size, "GIF89a", 6))
        return ImageFormat::Gif;
    if (looksLikeText(data, size))
        return ImageFormat::Text;
    return ImageFormat::Unknown;
}

ImageHeader readImageHeader(const unsigned char *data, std::size_t size)
{
    ImageHeader h;
    h.format = sniffImageFormat(data, size);
    switch (h.format) {
    case ImageFormat::Png: readPng(data, size, h); break;
    case ImageFormat::Jpeg: readJpeg(data, size, h); break;
    case ImageFormat::Bmp: readBmp(data, size, h); break;
    case ImageFormat::Webp: readWebp(data, size, h); break;
    case ImageFormat::Tiff: readTiff(data, size, h); break;
    case ImageFormat::Gif:
        if (size >= 10) {
            h.width = le16(data + 6);
            h.height = le16(data + 8);
            h.dimensionsKnown = true;
        }
        break;
    default: break;
    }
    return h;
}

} // namespace kiln
