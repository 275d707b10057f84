# rasad: the two commands of the README, and the build they share.
#   make demo   installs what is missing, builds, codes the sample articles, prints the events, writes events.jsonl
#   make test   installs what is missing, builds, runs every test
BUILD ?= build
JOBS ?= $(shell nproc 2>/dev/null || echo 2)

.PHONY: all deps build demo test bench clean

all: build

deps:
	@bash scripts/install-deps.sh

$(BUILD)/CMakeCache.txt:
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo

build: deps $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) -j $(JOBS)

demo: build
	$(BUILD)/rasad code samples --format table
	$(BUILD)/rasad code samples > events.jsonl
	@echo "wrote events.jsonl ($$(wc -l < events.jsonl) events)"

test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

bench: build
	bash bench/run.sh

clean:
	rm -rf $(BUILD) events.jsonl
