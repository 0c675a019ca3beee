#!/usr/bin/env bash
# Coverage-guided fuzzing of Kinerja's parsers with libFuzzer (issue 18; docs/RELIABILITY.md, "Fuzzing").
#
#   Fuzz/run.sh [--runs N | --seconds S | --smoke] [--update-corpus] [target…]
#
# Builds Fuzz/ in release with -sanitize=fuzzer,address and runs each target (default: all of
# frames codec token csv skpcsv evidence forms) from the committed corpus Fuzz/Corpus/<target>/.
#   (default)        the long run: 1 000 000 executions per target
#   --runs N         N executions per target
#   --seconds S      S seconds per target
#   --smoke          5 seconds per target
#   --update-corpus  afterwards, merge (-merge=1) what the run found into Fuzz/Corpus/<target>/,
#                    keeping only inputs that add coverage
# Prints per target: executions, exec/s, crashes, coverage (edges and features), corpus size; writes
# the same table to Fuzz/.build-fuzz/last-run.txt. Exits non-zero on any crash, leak, timeout or
# out-of-memory; the input is kept under Fuzz/.build-fuzz/artifacts/<target>/ (replay it with
# `Fuzz/.build-fuzz/release/fuzz-<target> <file>`, then add it to the corpus with the fix).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
scratch="$here/.build-fuzz"
all_targets=(frames codec token csv skpcsv evidence forms)
mode=(-runs=1000000)
update=0
targets=()
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) mode=(-runs="$2"); shift 2 ;;
    --seconds) mode=(-max_total_time="$2"); shift 2 ;;
    --smoke) mode=(-max_total_time=5); shift ;;
    --update-corpus) update=1; shift ;;
    -h|--help) sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "unknown option $1" >&2; exit 2 ;;
    *) targets+=("$1"); shift ;;
  esac
done
[ ${#targets[@]} -gt 0 ] || targets=("${all_targets[@]}")
for target in "${targets[@]}"; do
  [ -d "$here/Corpus/$target" ] || { echo "unknown target $target (have: ${all_targets[*]})" >&2; exit 2; }
done

echo "==> building the fuzz targets (release, -sanitize=fuzzer,address)"
mkdir -p "$scratch"
# SwiftPM passes `--sanitize fuzzer --sanitize address` to swiftc as two flags, and swiftc keeps only
# the last `-sanitize=`: the Swift code would get AddressSanitizer without libFuzzer's coverage
# (only the C code would be coverage-guided). `-sanitize=fuzzer,address` last gives it both.
if ! swift build -c release --package-path "$here" --scratch-path "$scratch" --sanitize fuzzer --sanitize address \
     -Xswiftc -sanitize=fuzzer,address > "$scratch/build.log" 2>&1; then
  grep -E "error:" "$scratch/build.log" | head -20 >&2
  echo "!! the fuzz build failed; its log: $scratch/build.log" >&2
  exit 1
fi
bin="$scratch/release"

# Inputs larger than this are not interesting for these parsers (a CSV or a body of a few KiB
# reaches every branch); the services' own limits are tested elsewhere.
max_len() { case "$1" in csv|skpcsv|forms) echo 16384 ;; *) echo 4096 ;; esac; }

status=0
report="$scratch/last-run.txt"
printf '%-9s %12s %9s %8s %8s %8s %8s\n' target executions exec/s crashes edges features corpus > "$report"
for target in "${targets[@]}"; do
  work="$scratch/work/$target"
  artifacts="$scratch/artifacts/$target"
  mkdir -p "$work" "$artifacts"
  log="$scratch/$target.log"
  echo "==> fuzz-$target ${mode[*]}"
  set +e
  "$bin/fuzz-$target" "${mode[@]}" -max_len="$(max_len "$target")" -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="$artifacts/" "$work" "$here/Corpus/$target" > "$log" 2>&1
  code=$?
  set -e
  executions=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  last=$(grep -E '^#[0-9]+' "$log" | tail -1)
  edges=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$last")
  features=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$last")
  corpus=$(sed -n 's/.* corp: \([0-9]*\).*/\1/p' <<<"$last")
  crashes=$(find "$artifacts" -type f | wc -l)
  if [ "$code" -ne 0 ] || [ "$crashes" -ne 0 ]; then
    status=1
    [ "$crashes" -ne 0 ] || crashes=1
    echo "!! fuzz-$target failed (exit $code); its log: $log; inputs: $artifacts/" >&2
    grep -E "ERROR|SUMMARY|Fatal error|fuzz target" "$log" | head -5 >&2 || true
  fi
  printf '%-9s %12s %9s %8s %8s %8s %8s\n' "$target" "${executions:-?}" "${speed:-?}" "$crashes" "${edges:-?}" "${features:-?}" "${corpus:-?}" | tee -a "$report"
  if [ "$update" = 1 ] && [ "$code" -eq 0 ]; then
    "$bin/fuzz-$target" -merge=1 -max_len="$(max_len "$target")" "$here/Corpus/$target" "$work" > "$scratch/$target.merge.log" 2>&1
    echo "    corpus: $(find "$here/Corpus/$target" -type f | wc -l) files, $(du -sh "$here/Corpus/$target" | cut -f1)"
  fi
done
echo "==> summary (also in $report)"
cat "$report"
exit $status
