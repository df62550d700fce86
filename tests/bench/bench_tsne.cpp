// t-SNE benchmark (issue 6), Kiln's side. tests/bench/run-tsne.sh runs it beside scikit-learn.
//
//   bench_tsne prepare RUN_DIR OUT_DIR N...   the run's penultimate-layer embeddings of N images
//                                             (a seeded random draw over both splits), PCA to 50-d,
//                                             written as OUT_DIR/input-N.f32 (float32, N x 50)
//   bench_tsne run OUT_DIR N [THREADS]        t-SNE of input-N.f32 (perplexity 30, 1000 iterations,
//                                             learning rate max(N/12, 200), theta 0.5); prints the
//                                             time and KL, writes OUT_DIR/kiln-N.f32 (N x 2)

#include "analysis/runanalysis.h"
#include "analysis/tsne.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <numeric>
#include <random>
#include <string>

namespace fs = std::filesystem;
using namespace kiln;

namespace {

bool writeFloats(const fs::path &file, const std::vector<float> &v)
{
    std::ofstream out(file, std::ios::binary);
    out.write(reinterpret_cast<const char *>(v.data()), std::streamsize(v.size() * sizeof(float)));
    return bool(out);
}

std::vector<float> readFloats(const fs::path &file)
{
    std::ifstream in(file, std::ios::binary | std::ios::ate);
    const auto bytes = std::size_t(in.tellg());
    std::vector<float> v(bytes / sizeof(float));
    in.seekg(0);
    in.read(reinterpret_cast<char *>(v.data()), std::streamsize(bytes));
    return v;
}

} // namespace

int main(int argc, char **argv)
{
    const std::string mode = argc > 1 ? argv[1] : "";
    if (mode == "prepare" && argc >= 5) {
        auto run = readRunInfo(argv[2]);
        if (!run) {
            std::fprintf(stderr, "%s\n", run.message().c_str());
            return 1;
        }
        auto preds = predictRun(run.value(), AnalysisScope::Both);
        if (!preds) {
            std::fprintf(stderr, "%s\n", preds.message().c_str());
            return 1;
        }
        const Predictions &p = preds->predictions;
        const int dim = p.embeddingDim;
        const fs::path out = argv[3];
        fs::create_directories(out);
        for (int a = 4; a < argc; ++a) {
            const std::size_t n = std::min<std::size_t>(std::strtoull(argv[a], nullptr, 10), p.size());
            std::vector<std::size_t> order(p.size());
            std::iota(order.begin(), order.end(), 0);
            std::shuffle(order.begin(), order.end(), std::mt19937_64(n));
            std::vector<float> x;
            x.reserve(n * std::size_t(dim));
            for (std::size_t k = 0; k < n; ++k)
                x.insert(x.end(), p.embeddings.begin() + long(order[k] * std::size_t(dim)),
                         p.embeddings.begin() + long((order[k] + 1) * std::size_t(dim)));
            const auto reduced = pcaProject(x, n, dim, 50);
            writeFloats(out / ("input-" + std::to_string(n) + ".f32"), reduced);
            std::printf("prepared %zu embeddings (%d-d, PCA to 50-d) from %s\n", n, dim, argv[2]);
        }
        return 0;
    }
    if (mode == "run" && argc >= 4) {
        const fs::path dir = argv[2];
        const std::size_t n = std::strtoull(argv[3], nullptr, 10);
        const std::vector<float> x = readFloats(dir / ("input-" + std::to_string(n) + ".f32"));
        if (x.size() != n * 50) {
            std::fprintf(stderr, "input-%zu.f32 is missing or not %zu x 50\n", n, n);
            return 1;
        }
        TsneOptions o;
        o.threads = argc > 4 ? std::atoi(argv[4]) : 0;
        o.pcaDims = 0; // already 50-d, as scikit-learn gets it
        auto r = runTsne(x, n, 50, o);
        if (!r) {
            std::fprintf(stderr, "%s\n", r.message().c_str());
            return 1;
        }
        writeFloats(dir / ("kiln-" + std::to_string(n) + ".f32"), r->layout);
        std::printf("kiln    N=%6zu  %7.2f s (neighbours and P %.2f s)  KL %.4f\n", n, r->seconds, r->neighbourSeconds, r->kl);
        return 0;
    }
    std::fprintf(stderr, "usage: bench_tsne prepare RUN_DIR OUT_DIR N... | bench_tsne run OUT_DIR N [THREADS]\n");
    return 2;
}
