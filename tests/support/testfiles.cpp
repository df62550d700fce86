#include "testfiles.h"


#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <zlib.h>

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <random>
#include <stdexcept>
#include <sys/wait.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace kiln::test {

TempDir::TempDir()
{
    static std::atomic<int> counter{0};
    m_path = fs::temp_directory_path() / ("kiln-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    fs::remove_all(m_path);
    fs::create_directories(m_path);
}

TempDir::~TempDir()
{
    std::error_code ec;
    // Restore permissions that a test may have removed, then clean up.
    for (auto it = fs::recursive_directory_iterator(m_path, ec); !ec && it != fs::recursive_directory_iterator(); it.increment(ec))
        fs::permissions(it->path(), fs::perms::owner_all, fs::perm_options::add, ec);
    fs::remove_all(m_path, ec);
}

std::vector<unsigned char> encodeImage(const std::string &ext, int width, int height, int channels, int depth, int seed)
{
    const int type = CV_MAKETYPE(depth == 16 ? CV_16U : CV_8U, channels);
    cv::Mat img(height, width, type);
    cv::RNG rng(std::uint64_t(seed) + 1);
    rng.fill(img, cv::RNG::UNIFORM, 0, depth == 16 ? 65535 : 255);
    std::vector<unsigned char> out;
    if (!cv::imencode(ext, img, out))
        throw std::runtime_error("cannot encode " + ext);
    return out;
}

void writeBytes(const fs::path &path, const std::vector<unsigned char> &bytes)
{
    fs::create_directories(path.parent_path());
    std::ofstream f(path, std::ios::binary);
    f.write(reinterpret_cast<const char *>(bytes.data()), std::streamsize(bytes.size()));
}

void writeText(const fs::path &path, const std::string &text)
{
    fs::create_directories(path.parent_path());
    std::ofstream f(path, std::ios::binary);
    f << text;
}

std::vector<unsigned char> readBytes(const fs::path &path)
{
    std::ifstream f(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(f), {}};
}

void writeImage(const fs::path &path, int width, int height, int channels, int depth, int seed)
{
    writeBytes(path, encodeImage(path.extension().string(), width, height, channels, depth, seed));
}

void writeTruncated(const fs::path &path, const std::string &ext, double keep)
{
    auto bytes = encodeImage(ext, 64, 48);
    bytes.resize(std::size_t(double(bytes.size()) * keep));
    writeBytes(path, bytes);
}

namespace {

void putBe32(std::vector<unsigned char> &v, std::uint32_t x)
{
    v.push_back((x >> 24) & 0xFF);
    v.push_back((x >> 16) & 0xFF);
    v.push_back((x >> 8) & 0xFF);
    v.push_back(x & 0xFF);
}

void putChunk(std::vector<unsigned char> &png, const char *type, const std::vector<unsigned char> &data)
{
    putBe32(png, std::uint32_t(data.size()));
    const std::size_t start = png.size();
    png.insert(png.end(), type, type + 4);
    png.insert(png.end(), data.begin(), data.end());
    const uLong crc = ::crc32(0, png.data() + start, uInt(png.size() - start));
    putBe32(png, std::uint32_t(crc));
}

std::vector<unsigned char> makePng(std::uint32_t width, std::uint32_t height, unsigned char colorType, int bytesPerPixel,
                                   bool fullData)
{
    std::vector<unsigned char> png{0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    std::vector<unsigned char> ihdr;
    putBe32(ihdr, width);
    putBe32(ihdr, height);
    ihdr.insert(ihdr.end(), {8, colorType, 0, 0, 0});
    putChunk(png, "IHDR", ihdr);
    std::vector<unsigned char> raw;
    const std::uint32_t rows = fullData ? height : 1;
    for (std::uint32_t y = 0; y < rows; ++y) {
        raw.push_back(0);
        for (std::uint32_t x = 0; x < width; ++x)
            for (int c = 0; c < bytesPerPixel; ++c)
                raw.push_back(static_cast<unsigned char>((x * 7 + y * 3 + std::uint32_t(c) * 50) & 0xFF));
    }
    uLongf size = compressBound(uLong(raw.size()));
    std::vector<unsigned char> z(size);
    ::compress(z.data(), &size, raw.data(), uLong(raw.size()));
    z.resize(size);
    putChunk(png, "IDAT", z);
    putChunk(png, "IEND", {});
    return png;
}

} // namespace

void writePngHeaderClaiming(const fs::path &path, std::uint32_t width, std::uint32_t height)
{
    // One row of real data only: a decoder that trusted the header would allocate width*height first.
    std::vector<unsigned char> png{0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    std::vector<unsigned char> ihdr;
    putBe32(ihdr, width);
    putBe32(ihdr, height);
    ihdr.insert(ihdr.end(), {8, 0, 0, 0, 0});
    putChunk(png, "IHDR", ihdr);
    std::vector<unsigned char> row(std::size_t(width) + 1, 0);
    uLongf size = compressBound(uLong(row.size()));
    std::vector<unsigned char> z(size);
    ::compress(z.data(), &size, row.data(), uLong(row.size()));
    z.resize(size);
    putChunk(png, "IDAT", z);
    putChunk(png, "IEND", {});
    writeBytes(path, png);
}

void writeGrayAlphaPng(const fs::path &path, int width, int height)
{
    writeBytes(path, makePng(std::uint32_t(width), std::uint32_t(height), 4, 2, true));
}

fs::path cmykJpeg()
{
    return fs::path(KILN_TEST_DATA_DIR) / "cmyk.jpg";
}

void makeDataset(const fs::path &root, const std::vector<std::string> &classes, int perClass, int side)
{
    int seed = 0;
    for (const auto &c : classes)
        for (int i = 0; i < perClass; ++i)
            writeImage(root / c / (c + "_" + std::to_string(i) + ".png"), side, side, 3, 8, seed++);
}

void makeLearnableDataset(const fs::path &root, int perClass, int side)
{
    for (int c = 0; c < 2; ++c)
        for (int i = 0; i < perClass; ++i) {
            cv::Mat img(side, side, CV_8UC1);
            for (int y = 0; y < side; ++y)
                for (int x = 0; x < side; ++x)
                    img.at<std::uint8_t>(y, x) =
                        std::uint8_t(((x < side / 2) == (c == 0) ? 180 : 30) + (i * 7 + x * 5 + y * 3) % 40);
            const fs::path file = root / (c == 0 ? "left" : "right") / ("img_" + std::to_string(c * 1000 + i) + ".png");
            fs::create_directories(file.parent_path());
            cv::imwrite(file.string(), img);
        }
}

void makeBarsDataset(const fs::path &root, int perClass, int side, unsigned seed)
{
    std::mt19937 rng(seed);
    std::uniform_int_distribution<int> u(0, 1 << 20);
    for (int c = 0; c < 2; ++c)
        for (int i = 0; i < perClass; ++i) {
            cv::Mat img(side, side, CV_8UC1);
            for (int y = 0; y < side; ++y)
                for (int x = 0; x < side; ++x)
                    img.at<std::uint8_t>(y, x) = std::uint8_t(u(rng) % 70);
            for (int k = 0; k < 3; ++k)
                cv::circle(img, {u(rng) % side, u(rng) % side}, 2 + u(rng) % (side / 5), cv::Scalar(60 + u(rng) % 90), cv::FILLED);
            const int at = 3 + u(rng) % (side - 9), width = 3 + u(rng) % 2;
            const cv::Rect bar = c == 0 ? cv::Rect(0, at, side, width) : cv::Rect(at, 0, width, side);
            img(bar).setTo(cv::Scalar(200 + u(rng) % 55));
            const fs::path file = root / (c == 0 ? "horizontal" : "vertical") / ("bar_" + std::to_string(c * 1000 + i) + ".png");
            fs::create_directories(file.parent_path());
            cv::imwrite(file.string(), img);
        }
}

void writeNearCopy(const fs::path &from, const fs::path &to)
{
    cv::Mat img = cv::imread(from.string(), cv::IMREAD_UNCHANGED);
    img.convertTo(img, -1, 1.0, 12.0);
    fs::create_directories(to.parent_path());
    cv::imwrite(to.string(), img, {cv::IMWRITE_JPEG_QUALITY, 85});
}

std::vector<unsigned char> structuredJpeg(int seed, int quality, double scale)
{
    std::mt19937 rng(unsigned(seed) * 7919u + 17u);
    std::uniform_int_distribution<int> u(0, 255);
    cv::Mat img(96, 128, CV_8UC3);
    const int a = u(rng), b = u(rng), c = u(rng), dir = u(rng) % 4;
    for (int y = 0; y < img.rows; ++y)
        for (int x = 0; x < img.cols; ++x) {
            const int t = dir == 0 ? x * 2 : dir == 1 ? y * 2 : dir == 2 ? 255 - x * 2 : 255 - y * 2;
            img.at<cv::Vec3b>(y, x) = cv::Vec3b(std::uint8_t((a + t) % 256), std::uint8_t((b + t / 2) % 256), std::uint8_t(c));
        }
    for (int k = 0; k < 4; ++k)
        cv::circle(img, {u(rng) % 128, u(rng) % 96}, 10 + u(rng) % 25, cv::Scalar(u(rng), u(rng), u(rng)), cv::FILLED);
    if (scale != 1.0)
        cv::resize(img, img, cv::Size(), scale, scale, cv::INTER_AREA);
    std::vector<unsigned char> out;
    cv::imencode(".jpg", img, out, {cv::IMWRITE_JPEG_QUALITY, quality});
    return out;
}

std::size_t countFiles(const fs::path &root)
{
    std::size_t n = 0;
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(root, ec); !ec && it != fs::recursive_directory_iterator(); it.increment(ec))
        if (it->is_regular_file())
            ++n;
    return n;
}

void writeIdx(const fs::path &path, const std::vector<std::uint32_t> &dims, const std::vector<std::uint8_t> &data, bool gzip)
{
    std::vector<unsigned char> bytes{0, 0, 0x08, static_cast<unsigned char>(dims.size())};
    for (auto d : dims)
        putBe32(bytes, d);
    bytes.insert(bytes.end(), data.begin(), data.end());
    if (!gzip) {
        writeBytes(path, bytes);
        return;
    }
    fs::create_directories(path.parent_path());
    gzFile gz = ::gzopen(path.c_str(), "wb");
    ::gzwrite(gz, bytes.data(), unsigned(bytes.size()));
    ::gzclose(gz);
}

int runPython(const fs::path &dir, const std::string &script, const std::vector<std::string> &args, std::string &output)
{
    auto quote = [](const std::string &s) {
        std::string q = "'";
        for (char c : s)
            q += c == '\'' ? std::string("'\\''") : std::string(1, c);
        return q + "'";
    };
    const fs::path scriptPath = dir / "script.py";
    const fs::path outPath = dir / "python-output.txt";
    writeText(scriptPath, script);
    std::string command = quote(kPython) + " " + quote(scriptPath.string());
    for (const auto &a : args)
        command += " " + quote(a);
    command += " > " + quote(outPath.string()) + " 2>&1";
    const int status = std::system(command.c_str());
    std::ifstream in(outPath);
    output.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

bool pythonHas(const std::string &modules)
{
    const std::string command = std::string(kPython) + " -c 'import " + modules + "' >/dev/null 2>&1";
    return std::system(command.c_str()) == 0;
}

} // namespace kiln::test
