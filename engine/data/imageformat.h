#pragma once
// Image file formats Kiln reads, recognised by their magic bytes (never by extension alone), and
// a header reader that finds the pixel dimensions and structural truncation without decoding.
// Pure functions; safe from any thread.

#include <cstddef>
#include <string>
#include <string_view>

namespace kiln {

enum class ImageFormat { Unknown, Jpeg, Png, Bmp, Webp, Tiff, Gif, Text };

// Lower-case short name ("jpeg", "png", ...).
const char *imageFormatName(ImageFormat format);

// True for the extensions a dataset index picks up: jpg jpeg png bmp webp tif tiff, any case.
bool hasImageExtension(std::string_view fileName);

// The format the first bytes announce. `Text` means the bytes look like text or markup (an HTML
// error page saved under an image name is the common case).
ImageFormat sniffImageFormat(const unsigned char *data, std::size_t size);

struct ImageHeader {
    ImageFormat format = ImageFormat::Unknown;
    int width = 0;
    int height = 0;
    bool dimensionsKnown = false;
    // The container's structure ends before it should (no JPEG end marker after the scan, a PNG
    // chunk past the end, a RIFF or BMP size larger than the file).
    bool truncated = false;
    std::string problem; // a structural problem other than truncation, empty when none
};

// Reads what the container says about itself. Works on a prefix of the file for the dimensions;
// the truncation verdict is meaningful only when `data` holds the whole file.
ImageHeader readImageHeader(const unsigned char *data, std::size_t size);

} // namespace kiln
