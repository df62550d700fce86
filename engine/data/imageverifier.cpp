#include "data/imageverifier.h"

#include "core/fileutil.h"

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>

#include <cerrno>
#include <sys/stat.h>

namespace kiln {

const char *verifyStatusName(VerifyStatus status)
{
    switch (status) {
    case VerifyStatus::Ok: return "ok";
    case VerifyStatus::Unreadable: return "unreadable";
    case VerifyStatus::Truncated: return "truncated";
    case VerifyStatus::NotAnImage: return "not-an-image";
    case VerifyStatus::ZeroBytes: return "zero-bytes";
    case VerifyStatus::TooLarge: return "too-large";
    case VerifyStatus::Unsupported: return "unsupported";
    }
    return "unknown";
}

namespace {

VerifyResult fail(VerifyResult r, VerifyStatus status, std::string reason)
{
    r.status = status;
    r.reason = std::move(reason);
    return r;
}

std::string dims(int w, int h) { return std::to_string(w) + "x" + std::to_string(h); }

} // namespace

VerifyResult verifyAndDecode(const unsigned char *data, std::size_t size, int imreadFlags, cv::Mat *pixels,
                             const VerifyOptions &options)
{
    VerifyResult r;
    r.fileBytes = size;
    if (size == 0)
        return fail(r, VerifyStatus::ZeroBytes, "the file is empty (0 bytes); download it again or remove it");
    if (size > options.maxFileBytes)
        return fail(r, VerifyStatus::TooLarge, "the file is " + std::to_string(size >> 20)
                        + " MiB, over the limit of " + std::to_string(options.maxFileBytes >> 20) + " MiB");

    const ImageHeader header = readImageHeader(data, size);
    r.format = header.format;
    r.width = header.width;
    r.height = header.height;
    switch (header.format) {
    case ImageFormat::Text:
        return fail(r, VerifyStatus::NotAnImage,
                    "the file holds text (often an HTML error page saved under an image name), not an image");
    case ImageFormat::Unknown:
        return fail(r, VerifyStatus::NotAnImage, "the content is not a known image format (its first bytes match no image signature)");
    case ImageFormat::Gif:
        return fail(r, VerifyStatus::Unsupported, "GIF images are not supported; convert the file to PNG");
    default: break;
    }
    const std::string fmt = imageFormatName(header.format);
    if (header.dimensionsKnown) {
        if (header.width <= 0 || header.height <= 0)
            return fail(r, VerifyStatus::Unreadable, "the " + fmt + " header claims an empty image (" + dims(header.width, header.height) + ")");
        if (header.width > options.maxSide || header.height > options.maxSide)
            return fail(r, VerifyStatus::TooLarge, "the " + fmt + " header claims " + dims(header.width, header.height)
                            + " pixels, over the limit of " + std::to_string(options.maxSide)
                            + " a side; it was not decoded");
    }
    if (header.truncated)
        return fail(r, VerifyStatus::Truncated, "the " + fmt + " file is cut short (" + std::to_string(size)
                        + " bytes); it was probably not fully downloaded or copied");
    if (!header.problem.empty())
        return fail(r, VerifyStatus::Unreadable, header.problem);

    cv::Mat decoded;
    try {
        const cv::Mat buffer(1, static_cast<int>(size), CV_8UC1, const_cast<unsigned char *>(data));
        decoded = cv::imdecode(buffer, imreadFlags);
    } catch (const cv::Exception &e) {
        return fail(r, VerifyStatus::Unreadable, "the " + fmt + " decoder failed: " + e.msg);
    }
    if (decoded.empty())
        return fail(r, VerifyStatus::Unreadable, "the " + fmt + " data is corrupt: the decoder could not read its pixels");
    r.width = decoded.cols;
    r.height = decoded.rows;
    r.channels = decoded.channels();
    r.bitDepth = static_cast<int>(decoded.elemSize1() * 8);
    r.status = VerifyStatus::Ok;
    if (pixels)
        *pixels = std::move(decoded);
    return r;
}

VerifyResult verifyImageData(const unsigned char *data, std::size_t size, const VerifyOptions &options)
{
    return verifyAndDecode(data, size, cv::IMREAD_UNCHANGED, nullptr, options);
}

cv::Mat decodeImageFile(const std::filesystem::path &path, std::string *error, const VerifyOptions &options)
{
    auto bytes = readFileBytes(path, options.maxFileBytes);
    if (!bytes) {
        if (error)
            *error = bytes.message();
        return {};
    }
    cv::Mat pixels;
    const VerifyResult r = verifyAndDecode(bytes->data(), bytes->size(), cv::IMREAD_UNCHANGED, &pixels, options);
    if (!r.ok() && error)
        *error = r.reason;
    return pixels;
}

VerifyResult verifyImageFile(const std::filesystem::path &path, const VerifyOptions &options)
{
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0)
        return fail({}, VerifyStatus::Unreadable, "cannot read the file: " + systemErrorText(errno));
    if (!S_ISREG(st.st_mode))
        return fail({}, VerifyStatus::Unreadable, "not a regular file");
    if (st.st_size == 0) {
        VerifyResult r;
        return fail(r, VerifyStatus::ZeroBytes, "the file is empty (0 bytes); download it again or remove it");
    }
    if (static_cast<std::uint64_t>(st.st_size) > options.maxFileBytes) {
        VerifyResult r;
        r.fileBytes = static_cast<std::uint64_t>(st.st_size);
        return fail(r, VerifyStatus::TooLarge, "the file is " + std::to_string(r.fileBytes >> 20)
                        + " MiB, over the limit of " + std::to_string(options.maxFileBytes >> 20) + " MiB");
    }
    auto bytes = readFileBytes(path, options.maxFileBytes);
    if (!bytes)
        return fail({}, VerifyStatus::Unreadable, "cannot read the file: " + bytes.message());
    return verifyImageData(bytes->data(), bytes->size(), options);
}

} // namespace kiln
