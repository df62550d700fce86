# The two entry points of the README: `make run` and `make test`.
BUILD_DIR ?= build
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
CMAKE_FLAGS ?= -G Ninja -DCMAKE_BUILD_TYPE=Release

.PHONY: run test build configure deps bench deb clean sanitize

deps:
	@bash packaging/install-deps.sh

configure: deps
	@if [ ! -f $(BUILD_DIR)/build.ninja ]; then cmake -S . -B $(BUILD_DIR) $(CMAKE_FLAGS); fi

build: configure
	cmake --build $(BUILD_DIR) -j $(JOBS)

run: build
	@bash packaging/run-demo.sh $(BUILD_DIR)

test: build
	cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS) --timeout 600

bench: build
	@bash packaging/install-deps.sh --bench
	@bash tests/bench/run-all.sh $(BUILD_DIR)

# AddressSanitizer + UndefinedBehaviorSanitizer on Kiln's code, in its own folder, then the suite
# (README, "make sanitize"). Leak detection is off: LibTorch, OpenMP and Qt keep allocations until
# exit by design, which LeakSanitizer reports as leaks of libraries Kiln does not build. Any
# undefined behaviour stops the test that hit it. The packaging tests are left to `make test`.
SANITIZE_DIR ?= build-sanitize
SANITIZE_ENV = ASAN_OPTIONS=detect_leaks=0 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
sanitize: deps
	@if [ ! -f $(SANITIZE_DIR)/build.ninja ]; then cmake -S . -B $(SANITIZE_DIR) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
		-DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1 -DNDEBUG" -DKILN_SANITIZE=ON -DKILN_BUILD_BENCH=OFF; fi
	cmake --build $(SANITIZE_DIR) -j $(JOBS)
	cd $(SANITIZE_DIR) && $(SANITIZE_ENV) ctest --output-on-failure -j $(JOBS) --timeout 900 -E '^(Packaging|NumericCore)[.]'

deb: build
	cd $(BUILD_DIR) && cpack -G DEB

clean:
	rm -rf $(BUILD_DIR)
