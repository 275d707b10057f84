# rasad: the two commands of the README, and the build they share.
#   make demo   installs what is missing, builds, codes the sample articles, prints the events, writes events.jsonl
#   make test   installs what is missing, builds, runs every test
BUILD ?= build
SAN_BUILD ?= build-san
FUZZ_SECONDS ?= 600
JOBS ?= $(shell nproc 2>/dev/null || echo 2)

.PHONY: all deps build build-san demo test test-sanitize fuzz bench clean

all: build

deps:
	@bash scripts/install-deps.sh

$(BUILD)/CMakeCache.txt:
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo

build: deps $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) -j $(JOBS)

# The sanitizer build: clang, AddressSanitizer and UndefinedBehaviorSanitizer over everything, and the fuzz targets.
$(SAN_BUILD)/CMakeCache.txt:
	CC=clang CXX=clang++ cmake -S . -B $(SAN_BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DRASAD_SANITIZE=ON -DRASAD_FUZZ=ON

build-san: deps $(SAN_BUILD)/CMakeCache.txt
	cmake --build $(SAN_BUILD) -j $(JOBS)

demo: build
	$(BUILD)/rasad code samples --format table
	$(BUILD)/rasad code samples > events.jsonl
	@echo "wrote events.jsonl ($$(wc -l < events.jsonl) events)"

# Every test with the release build, then the whole suite again under ASan and UBSan (clang), which also runs
# each fuzz target for a few seconds on its seeds. CI's .ci/run is this and nothing else.
test: build build-san
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)
	cd $(SAN_BUILD) && ctest --output-on-failure -j $(JOBS)

# The sanitized suite alone (with the short fuzz runs).
test-sanitize: build-san
	cd $(SAN_BUILD) && ctest --output-on-failure -j $(JOBS)

# Long fuzzing runs while developing: each target FUZZ_SECONDS (default 600) on its corpus.
fuzz: build-san
	bash tests/fuzz/run.sh $(SAN_BUILD) $(FUZZ_SECONDS)

bench: build
	bash bench/run.sh

clean:
	rm -rf $(BUILD) $(SAN_BUILD) events.jsonl
