// Acquire benchmark (issue 7): 10 classes x 200 images from the loopback search server with 300 ms
// of added latency per image request, end to end through the search protocol (pacing 0.75 s),
// downloads, checks and duplicate detection, with the default settings. Beside it, in the same
// run, a sequential download (one at a time) of a sample of the same images, timed and scaled to
// the whole set.
//
// usage: bench_acquire [CLASSES] [PER_CLASS] [LATENCY_MS] [SEQUENTIAL_SAMPLE]
//        bench_acquire --serve NAME,NAME,... PER_CLASS LATENCY_MS
//            only serves those classes (with a few of the web's faults among them) and prints the
//            endpoint, for trying the Acquire page by hand (KILN_SEARCH_ENDPOINT=... kiln)

#include "acquire/acquirejob.h"
#include "data/project.h"
#include "fakesearchserver.h"
#include "testfiles.h"

#include <QCoreApplication>
#include <QEventLoop>

#include <cstdio>
#include <cstdlib>
#include <map>

using namespace kiln;
namespace fs = std::filesystem;

namespace {

double runJob(const fs::path &project, std::vector<AcquireClass> classes, AcquireOptions options, int &downloaded)
{
    AcquireJob job(project, std::move(classes), options);
    QEventLoop loop;
    QObject::connect(&job, &AcquireJob::finished, &loop, &QEventLoop::quit);
    job.start();
    loop.exec();
    downloaded = 0;
    for (const auto &c : job.counts())
        downloaded += c.downloaded;
    std::map<QString, int> reasons;
    for (const auto &f : job.failures())
        ++reasons[f.status + ": " + f.reason.section(' ', 0, 2)];
    for (const auto &[r, n] : reasons)
        std::printf("  not kept: %4d  %s\n", n, r.toStdString().c_str());
    return job.elapsedSeconds();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc > 4 && std::string(argv[1]) == "--serve") {
        test::FakeSearchServer server(nullptr, true);
        server.pageSize = 100;
        server.imageLatencyMs = std::atoi(argv[4]);
        const QStringList names = QString::fromUtf8(argv[2]).split(',');
        const int per = std::atoi(argv[3]);
        for (int c = 0; c < names.size(); ++c) {
            QStringList urls;
            for (int i = 0; i < per; ++i) {
                const QString path = QStringLiteral("/img/%1/%2.jpg").arg(c).arg(i);
                server.addImage(path, test::structuredJpeg(c * 100000 + i));
                urls << server.url(path, 1 + i % 50);
                if (i % 9 == 4) { // now and then, what the web serves besides images
                    const QString bad = QStringLiteral("/img/%1/bad%2.jpg").arg(c).arg(i);
                    server.addResource(bad, i % 3 ? test::FakeSearchServer::Resource{"<html>Forbidden</html>", "image/jpeg"}
                                                  : test::FakeSearchServer::Resource{{}, "image/jpeg", test::FakeSearchServer::Fault::Status, 0, 404});
                    urls << server.url(bad);
                }
            }
            server.setResults(names[c].trimmed(), urls);
        }
        std::printf("%s\n", server.base().toStdString().c_str());
        std::fflush(stdout);
        return app.exec();
    }
    const int classes = argc > 1 ? std::atoi(argv[1]) : 10;
    const int perClass = argc > 2 ? std::atoi(argv[2]) : 200;
    const int latency = argc > 3 ? std::atoi(argv[3]) : 300;
    const int sample = argc > 4 ? std::atoi(argv[4]) : 100;

    test::FakeSearchServer server(nullptr, true);
    server.pageSize = 100;
    server.imageLatencyMs = latency;
    std::vector<AcquireClass> wanted;
    QStringList sampleUrls;
    for (int c = 0; c < classes; ++c) {
        const QString name = QStringLiteral("class%1").arg(c);
        QStringList urls;
        for (int i = 0; i < perClass; ++i) {
            const QString path = QStringLiteral("/img/%1/%2.jpg").arg(name).arg(i);
            server.addImage(path, test::structuredJpeg(c * 100000 + i));
            // Images from 50 "hosts" (127.0.0.1-50), as search results come from many sites.
            urls << server.url(path, 1 + (c * perClass + i) % 50);
        }
        server.setResults(name + " photo", urls);
        wanted.push_back({name, name + " photo", perClass, {}});
        for (int i = 0; i < urls.size() && sampleUrls.size() < sample; ++i)
            if (i % std::max(1, perClass * classes / sample) == 0)
                sampleUrls << urls[i];
    }
    std::printf("%d classes x %d images, %d ms added latency per image request\n", classes, perClass, latency);

    test::TempDir dir;
    if (!Project::create(dir / "parallel") || !Project::create(dir / "sequential"))
        return 1;
    AcquireOptions options;
    options.search.endpoint = server.base(); // pacing 0.75 s as against DuckDuckGo
    int downloaded = 0;
    const double parallel = runJob(dir / "parallel", wanted, options, downloaded);
    std::printf("kiln (defaults: %d at once, %d per host): %d images in %.1f s (%.1f images/s)\n", options.concurrency,
                options.perHost, downloaded, parallel, downloaded / parallel);

    AcquireOptions one = options;
    one.concurrency = 1;
    int seqDownloaded = 0;
    const double sequential = runJob(dir / "sequential", {{"sample", "", int(sampleUrls.size()), sampleUrls}}, one, seqDownloaded);
    const double scaled = sequential * double(downloaded) / std::max(1, seqDownloaded);
    std::printf("sequential (one at a time): %d images in %.1f s, %.0f s for the whole set at that rate\n", seqDownloaded,
                sequential, scaled);
    std::printf("ratio: %.1fx faster than sequential\n", scaled / parallel);
    return 0;
}
