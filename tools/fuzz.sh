#!/usr/bin/env bash
# Builds the libFuzzer targets (Clang 14, ASan+UBSan) and runs each for SECONDS (default 60), one at
# a time. Usage: tools/fuzz.sh [SECONDS] [target...]   (targets: fuzz/CMakeLists.txt)
# - the working corpus is build-fuzz/corpus/<target>, seeded from tests/fuzz_corpus/<target>;
# - a crash is copied to tests/fuzz_corpus/<target>/crash-<sha1> so that, once fixed, it stays a
#   regression test (ctest replays every file there);
# - one line per run is appended to tests/fuzz_corpus/runs.tsv (read by tools/testing_figures.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
build=${OCOP_FUZZ_BUILD:-build-fuzz}
if [ ! -f "$build/CMakeCache.txt" ]; then
  CC=clang CXX=clang++ cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DOCOP_SANITIZE=address,undefined -DOCOP_BUILD_FUZZERS=ON >/dev/null
fi
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then  # every fuzz target: the files of fuzz/ that define the entry point
  for f in fuzz/*.cpp; do
    grep -qs '^extern "C" int LLVMFuzzerTestOneInput' "$f" && targets+=("$(basename "$f" .cpp)")
  done
fi
# Only the fuzzers asked for (and the library they link), not the whole project with its tests.
cmake --build "$build" -j2 --target "${targets[@]/#/ocop_fuzz_}" >/dev/null
# libFuzzer pulls libstdc++ in ahead of the shared ASan runtime (-shared-libsan, needed by the C ABI).
export ASAN_OPTIONS=${ASAN_OPTIONS:-verify_asan_link_order=0:detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1}
status=0
for t in "${targets[@]}"; do
  corpus="$build/corpus/$t"; artifacts="$build/artifacts/$t/"
  mkdir -p "$corpus" "$artifacts"
  log="$build/fuzz-$t.log"
  set +e
  "$build/fuzz/ocop_fuzz_$t" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -max_len=65536 \
    -print_final_stats=1 -artifact_prefix="$artifacts" "$corpus" "tests/fuzz_corpus/$t" >"$log" 2>&1
  rc=$?
  set -e
  runs=$(grep -Eo '^stat::number_of_executed_units: *[0-9]+' "$log" | grep -Eo '[0-9]+$' || echo 0)
  crashes=0
  for a in "$artifacts"*; do
    [ -f "$a" ] || continue
    crashes=$((crashes + 1))
    cp "$a" "tests/fuzz_corpus/$t/crash-$(sha1sum "$a" | cut -c1-12)"
  done
  rm -rf "$artifacts"
  files=$(find "$corpus" -type f | wc -l)
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$(date -u +%Y-%m-%dT%H:%MZ)" "$t" "$seconds" "$runs" "$files" "$crashes" \
    >>tests/fuzz_corpus/runs.tsv
  echo "fuzz $t: ${runs} executions in ${seconds}s, corpus ${files}, crashes ${crashes} (exit $rc, log $log)"
  [ "$rc" = 0 ] || status=1
done
exit $status
