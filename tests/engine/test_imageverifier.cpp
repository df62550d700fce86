#include "data/imageformat.h"
#include "data/imageverifier.h"
#include "testfiles.h"

#include <gtest/gtest.h>

#include <filesystem>

using namespace kiln;
using kiln::test::TempDir;
namespace fs = std::filesystem;

TEST(ImageFormat, ExtensionsAnyCase)
{
    for (const char *name : {"a.jpg", "a.JPEG", "b.Png", "c.bmp", "d.webp", "e.TIF", "f.tiff"})
        EXPECT_TRUE(hasImageExtension(name)) << name;
    for (const char *name : {"a.gif", "a.txt", "jpg", "a.jpg.part", "a."})
        EXPECT_FALSE(hasImageExtension(name)) << name;
}

TEST(ImageFormat, SniffsByContentNotName)
{
    const auto png = test::encodeImage(".png", 8, 8);
    EXPECT_EQ(sniffImageFormat(png.data(), png.size()), ImageFormat::Png);
    const auto jpg = test::encodeImage(".jpg", 8, 8);
    EXPECT_EQ(sniffImageFormat(jpg.data(), jpg.size()), ImageFormat::Jpeg);
    const std::string html = "<!DOCTYPE html><html><body>403 Forbidden</body></html>";
    EXPECT_EQ(sniffImageFormat(reinterpret_cast<const unsigned char *>(html.data()), html.size()), ImageFormat::Text);
}

TEST(ImageFormat, HeaderDimensionsWithoutDecoding)
{
    for (const char *ext : {".png", ".jpg", ".bmp", ".tiff", ".webp"}) {
        const auto bytes = test::encodeImage(ext, 37, 21);
        const ImageHeader h = readImageHeader(bytes.data(), bytes.size());
        EXPECT_TRUE(h.dimensionsKnown) << ext;
        EXPECT_EQ(h.width, 37) << ext;
        EXPECT_EQ(h.height, 21) << ext;
        EXPECT_FALSE(h.truncated) << ext;
    }
}

class VerifyFile : public ::testing::Test {
protected:
    TempDir dir;
    VerifyResult verify(const std::string &name) { return verifyImageFile(dir / name); }
};

TEST_F(VerifyFile, ValidImagesInEveryFormat)
{
    for (const char *name : {"a.png", "b.jpg", "c.bmp", "d.tiff", "e.webp"}) {
        test::writeImage(dir / name, 40, 30);
        const auto r = verify(name);
        EXPECT_EQ(r.status, VerifyStatus::Ok) << name << ": " << r.reason;
        EXPECT_EQ(r.width, 40) << name;
        EXPECT_EQ(r.height, 30) << name;
    }
}

TEST_F(VerifyFile, TruncatedJpegAndPng)
{
    test::writeTruncated(dir / "cut.jpg", ".jpg", 0.6);
    test::writeTruncated(dir / "cut.png", ".png", 0.6);
    for (const char *name : {"cut.jpg", "cut.png"}) {
        const auto r = verify(name);
        EXPECT_EQ(r.status, VerifyStatus::Truncated) << name << ": " << r.reason;
        EXPECT_NE(r.reason.find("cut short"), std::string::npos) << r.reason;
    }
}

TEST_F(VerifyFile, ZeroBytes)
{
    test::writeText(dir / "empty.jpg", "");
    const auto r = verify("empty.jpg");
    EXPECT_EQ(r.status, VerifyStatus::ZeroBytes);
    EXPECT_NE(r.reason.find("empty"), std::string::npos);
}

TEST_F(VerifyFile, HtmlSavedAsJpeg)
{
    test::writeText(dir / "page.jpg", "<!DOCTYPE html>\n<html><head><title>Access denied</title></head><body>no</body></html>\n");
    const auto r = verify("page.jpg");
    EXPECT_EQ(r.status, VerifyStatus::NotAnImage);
    EXPECT_NE(r.reason.find("HTML"), std::string::npos) << r.reason;
}

TEST_F(VerifyFile, RandomBytesAreNotAnImage)
{
    std::vector<unsigned char> junk(300);
    for (std::size_t i = 0; i < junk.size(); ++i)
        junk[i] = static_cast<unsigned char>((i * 7919 + 13) % 251 + (i % 3 == 0 ? 0 : 1));
    junk[0] = 0x00;
    test::writeBytes(dir / "junk.png", junk);
    EXPECT_EQ(verify("junk.png").status, VerifyStatus::NotAnImage);
}

TEST_F(VerifyFile, DecompressionBombIsRefusedBeforeDecoding)
{
    test::writePngHeaderClaiming(dir / "bomb.png", 30000, 30000);
    const auto r = verify("bomb.png");
    EXPECT_EQ(r.status, VerifyStatus::TooLarge) << r.reason;
    EXPECT_EQ(r.width, 30000);
    EXPECT_NE(r.reason.find("30000x30000"), std::string::npos) << r.reason;
    // A raised cap lets a merely large (but real) image through.
    VerifyOptions small;
    small.maxSide = 20;
    test::writeImage(dir / "big.png", 64, 64);
    EXPECT_EQ(verifyImageFile(dir / "big.png", small).status, VerifyStatus::TooLarge);
}

TEST_F(VerifyFile, SixteenBitPng)
{
    test::writeImage(dir / "deep.png", 20, 10, 3, 16);
    const auto r = verify("deep.png");
    EXPECT_EQ(r.status, VerifyStatus::Ok) << r.reason;
    EXPECT_EQ(r.bitDepth, 16);
}

TEST_F(VerifyFile, GrayAlphaPng)
{
    test::writeGrayAlphaPng(dir / "ga.png", 12, 9);
    const auto r = verify("ga.png");
    EXPECT_EQ(r.status, VerifyStatus::Ok) << r.reason;
    EXPECT_EQ(r.width, 12);
}

TEST_F(VerifyFile, CmykJpeg)
{
    fs::copy_file(test::cmykJpeg(), dir / "cmyk.jpg");
    const auto r = verify("cmyk.jpg");
    EXPECT_EQ(r.status, VerifyStatus::Ok) << r.reason;
    EXPECT_EQ(r.width, 24);
    EXPECT_EQ(r.height, 16);
}

TEST_F(VerifyFile, GifIsUnsupportedWithAHint)
{
    test::writeText(dir / "anim.jpg", std::string("GIF89a\x10\x00\x10\x00", 10) + std::string(40, '\0'));
    const auto r = verify("anim.jpg");
    EXPECT_EQ(r.status, VerifyStatus::Unsupported);
    EXPECT_NE(r.reason.find("PNG"), std::string::npos);
}

TEST_F(VerifyFile, MissingAndNonRegularFilesAreUnreadable)
{
    EXPECT_EQ(verify("nope.png").status, VerifyStatus::Unreadable);
    fs::create_directories(dir / "folder.png");
    EXPECT_EQ(verify("folder.png").status, VerifyStatus::Unreadable);
}

TEST_F(VerifyFile, CorruptPixelsAfterAValidHeader)
{
    auto bytes = test::encodeImage(".png", 32, 32);
    // Damage the compressed data but keep the chunk structure: libpng's CRC check must catch it.
    for (std::size_t i = 45; i < 60 && i < bytes.size(); ++i)
        bytes[i] ^= 0x5A;
    test::writeBytes(dir / "corrupt.png", bytes);
    const auto r = verify("corrupt.png");
    EXPECT_FALSE(r.ok());
    EXPECT_FALSE(r.reason.empty());
}
