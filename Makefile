# Kinerja — the two commands of the README are `make run` and `make test`.
# Each installs what it needs (Debian packages, as root) when it is missing.

SHELL := /bin/bash
SWIFT ?= swift
APT_PACKAGES := libprotobuf-c-dev protobuf-c-compiler libsqlite3-dev libssl-dev openssl \
                pkg-config python3 python3-protobuf ca-certificates \
                libcairo2-dev libpango1.0-dev fonts-liberation2 fonts-dejavu-core poppler-utils
GENERATED := Shared/KinerjaProtoC Shared/KinerjaProto/Generated Tests/KinerjaProtoTests/Generated

.PHONY: all deps build release run start stop test reliability drill generate check-generated docs leakcheck clean

all: build

## Install the Debian packages the build, the generator and the tests need (only those missing).
deps:
	@missing=""; for p in $(APT_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "==> installing Debian packages:$$missing"; \
	  if [ "$$(id -u)" != 0 ]; then echo "run as root, or: sudo apt-get install$$missing"; exit 1; fi; \
	  DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	fi
	@command -v $(SWIFT) >/dev/null || { echo "Swift 6 is required (https://www.swift.org/install/linux/)"; exit 1; }

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

## Start the system on 127.0.0.1 with the Kupang demo data under .dev/, print how to sign in,
## and run until Ctrl-C. `make start` does the same in the background; `make stop` stops it.
run: release
	@./deploy/pki/make-dev-pki.sh
	@./deploy/dev/run.sh

start: release
	@./deploy/pki/make-dev-pki.sh
	@./deploy/dev/run.sh --detach

stop:
	@./deploy/dev/stop.sh

## Every test. In CI (CI=true) also checks that the committed generated code is fresh.
## Last, the browser tests: the debug binaries as a separate system, driven by headless Chromium
## (Tests/WebBrowser/run.sh installs chromium, chromium-driver and selenium when missing); then, on
## that same system, the reliability smoke (10 kills under load and the checker, docs/RELIABILITY.md).
## One build, then the test targets in two groups. Unit and in-process targets run their suites
## in parallel; the TLS, RPC and end-to-end targets open thousands of sockets, run real peers and
## real service processes, and run one test at a time so that a 2-core machine never starves a
## server of the CPU it needs to drain.
PARALLEL_TESTS := KinerjaArchitectureTests KinerjaProtoTests KinerjaASNTests KinerjaCryptoTests KinerjaStoreTests KinerjaServiceTests kinerjactlTests KinerjaIdentityTests KinerjaPlanningTests KinerjaReportingTests KinerjaEvaluationTests KinerjaFeedbackTests KinerjaDocumentsTests KinerjaFuzzReplayTests
SERIAL_TESTS := KinerjaTLSTests KinerjaRPCTests KinerjaEndToEndTests KinerjaWebTests
test: deps
	@if [ "$${CI:-}" = "true" ]; then $(MAKE) --no-print-directory check-generated; fi
	@start=$$(date +%s); $(SWIFT) build --build-tests; rc=$$?; \
	echo "==> build took $$(( $$(date +%s) - start )) s"; exit $$rc
	@status=0; took=""; \
	step() { local name="$$1"; shift; local t0=$$(date +%s); echo "==> $$name"; "$$@" || status=1; \
	  took="$$took $$name=$$(( $$(date +%s) - t0 ))s"; }; \
	for target in $(PARALLEL_TESTS); do \
	  step "$$target" $(SWIFT) test --skip-build --filter "$$target\."; \
	done; \
	for target in $(SERIAL_TESTS); do \
	  step "$$target" $(SWIFT) test --skip-build --no-parallel --filter "$$target\."; \
	done; \
	echo "==> browser tests (kinerja-web in headless Chromium), then the reliability smoke on their system"; \
	step browser-and-smoke env KINERJA_RELIABILITY_SMOKE=1 Tests/WebBrowser/run.sh .build/debug; \
	echo "==> time per step:$$took"; \
	exit $$status

## The long reliability suite (docs/RELIABILITY.md), not part of `make test`: one service down at a
## time, a full disk and a full evidence folder, clocks stepped an hour, altered files, KILLS
## (default 1000) SIGKILLs under load with the checker, then Fuzz/run.sh when present.
## RELIABILITY_ARGS="--max-seconds 2400" caps the kill run's time.
KILLS ?= 1000
RELIABILITY_ARGS ?=
reliability: deps
	$(SWIFT) build
	@status=0; \
	Tests/Reliability/run.sh --kills $(KILLS) $(RELIABILITY_ARGS) --bin .build/debug || status=1; \
	if [ -x Fuzz/run.sh ]; then echo "==> fuzzing (Fuzz/run.sh)"; Fuzz/run.sh || status=1; fi; \
	echo "==> reliability counts"; cat .dev/reliability/reliability/counts.txt 2>/dev/null; \
	if [ -f Fuzz/.build-fuzz/last-run.txt ]; then echo "==> fuzzing counts (Fuzz/.build-fuzz/last-run.txt)"; cat Fuzz/.build-fuzz/last-run.txt; fi; \
	exit $$status

## The backup and restore drill (docs/RELIABILITY.md), not part of `make test`: a separate system
## (.dev/drill, ports 37401–37405), load, a backup of every service under load, more load, the data
## wiped, every service restored (deploy/systemd/kinerja-restore.sh), started again and checked:
## nothing acknowledged before the backup's point lost, nothing duplicated or half-applied.
## DRILL_ARGS="--before 120 --after 60" changes the seconds of load before and after the backup.
DRILL_ARGS ?=
drill: deps
	$(SWIFT) build
	Tests/Reliability/drill.sh --bin .build/debug $(DRILL_ARGS)

## Regenerate protoc-c's C and the Swift layer from proto/.
generate: deps
	./tools/generate.sh

## Rewrite the generated documents (docs/AUTHORIZATION.md from the services' authorisation tables).
docs: deps
	$(SWIFT) build --build-tests
	KINERJA_UPDATE_DOCS=1 $(SWIFT) test --skip-build --filter 'KinerjaArchitectureTests.AuthorizationDocTests'

## Fail when the committed generated code differs from what proto/ generates.
check-generated: generate
	@if ! git diff --quiet -- $(GENERATED) || [ -n "$$(git status --porcelain --untracked-files=all -- $(GENERATED))" ]; then \
	  echo "Generated code is stale: run 'make generate' and commit the result."; \
	  git status --short -- $(GENERATED) | head -20; exit 1; \
	fi
	@echo "generated code is up to date"

## Decode and free 100 000 messages under LeakSanitizer (docs/CODEC.md).
leakcheck: deps
	$(SWIFT) build --sanitize=address --scratch-path .build-asan --build-tests
	ASAN_OPTIONS=detect_leaks=1 LSAN_OPTIONS=exitcode=9 \
	  .build-asan/debug/KinerjaPackageTests.xctest --testing-library swift-testing --filter LeakCheck

clean:
	rm -rf .build
