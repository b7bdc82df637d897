#!/usr/bin/env bash
# Produces the figures of docs/testing.md and writes them between its "figures" markers.
# Usage: tools/testing_figures.sh [--legs]
#   - builds build-cov/ with GCC --coverage, runs the whole ctest suite, and measures line and
#     branch coverage of the library and the C ABI (src/, include/, capi/) with gcovr;
#   - counts the tests (ctest), the Catch2 test cases per program, and the corpus files;
#   - sums the fuzz runs recorded in tests/fuzz_corpus/runs.tsv by tools/fuzz.sh;
#   - with --legs, also runs tools/sanitize.sh all and records each leg's result and duration.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=${OCOP_JOBS:-2}
cov=${OCOP_COV_BUILD:-build-cov}
out=$(mktemp)

cmake -S . -B "$cov" -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS="--coverage -O0" -DCMAKE_C_FLAGS="--coverage -O0" \
  -DCMAKE_EXE_LINKER_FLAGS=--coverage -DCMAKE_SHARED_LINKER_FLAGS=--coverage >/dev/null
cmake --build "$cov" -j"$jobs" >/dev/null
find "$cov" -name '*.gcda' -delete
ctest_log=$(mktemp)
# find_package_consumer builds an uninstrumented project against the installed (instrumented) library:
# a packaging test, left out here as in the sanitizer legs.
ctest --test-dir "$cov" -j"$jobs" --no-tests=error -E find_package_consumer >"$ctest_log" 2>&1 || true
passed=$(grep -Eo '[0-9]+% tests passed, [0-9]+ tests failed out of [0-9]+' "$ctest_log" || echo "ctest did not finish")
total=$(ctest --test-dir "$cov" -N | grep -Eo 'Total Tests: [0-9]+' | grep -Eo '[0-9]+')
count_label() { ctest --test-dir "$cov" -N "$@" | grep -Eo 'Total Tests: [0-9]+' | grep -Eo '[0-9]+'; }
reliability=$(count_label -L 'reliability|alloc')
alloc=$(count_label -L alloc)
replay=$(count_label -R '^fuzz_replay_')
corpus=$(find tests/fuzz_corpus -mindepth 2 -type f | wc -l)
findings=$(find tests/fuzz_corpus -mindepth 2 -type f \( -name 'crash-*' -o -name 'regression-*' \) | wc -l)
gcovr_args=(-r . --object-directory "$cov" --filter 'src/' --filter 'include/' --filter 'capi/'
            --exclude-throw-branches --exclude-unreachable-branches --gcov-ignore-parse-errors)
summary=$(gcovr "${gcovr_args[@]}" --print-summary -o "$cov/coverage.txt" 2>"$cov/gcovr.log" | grep -E '^(lines|branches):')
lines=$(echo "$summary" | grep '^lines' | sed 's/^lines: *//')
branches=$(echo "$summary" | grep '^branches' | sed 's/^branches: *//')
# gcovr puts a long file name on a line of its own, its figures on the next: joined first.
per_file=$(gcovr "${gcovr_args[@]}" 2>/dev/null | awk 'NF == 1 { name = $1; next } name != "" { $0 = name " " $0; name = "" } { print }' |
           grep -E '^(src|include|capi)/' | sort -n -k4 | head -8 |
           awk '{printf "| %s | %s of %s | %s |\n", $1, $3, $2, $4}')

{
  echo "Produced by \`tools/testing_figures.sh$( [ "${1:-}" = --legs ] && echo ' --legs')\` on $(date -u +%Y-%m-%d) at commit"
  echo "\`$(git rev-parse --short HEAD)\` ($(uname -m), $(g++ --version | head -1))."
  echo
  echo "| figure | value |"
  echo "|---|---|"
  echo "| ctest tests | $total; coverage run: $passed (find_package_consumer left out) |"
  echo "| of which reliability (bad input, concurrency, atomicity, allocation failure) | $reliability |"
  echo "| of which allocation-failure injection | $alloc |"
  echo "| of which fuzz corpus replays | $replay, over $corpus corpus files ($findings past findings) |"
  echo "| line coverage (src/, include/, capi/) | $lines |"
  echo "| branch coverage (same; throw and unreachable branches excluded) | $branches |"
  echo
  echo "Least covered files:"
  echo
  echo "| file | lines executed | line coverage |"
  echo "|---|---|---|"
  echo "$per_file"
  echo
  echo "Fuzzing (libFuzzer, Clang 14, ASan+UBSan), summed over every run in tests/fuzz_corpus/runs.tsv:"
  echo
  echo "| target | runs | seconds | executions | corpus after last run | crashes |"
  echo "|---|---|---|---|---|---|"
  if [ -f tests/fuzz_corpus/runs.tsv ]; then
    awk -F'\t' 'NR > 1 { n[$2]++; s[$2] += $3; e[$2] += $4; c[$2] = $5; k[$2] += $6 }
      END { for (t in n) printf "| %s | %d | %d | %d | %d | %d |\n", t, n[t], s[t], e[t], c[t], k[t] }' \
      tests/fuzz_corpus/runs.tsv | sort
  fi
  if [ "${1:-}" = --legs ]; then
    echo
    echo "Sanitizer legs (\`tools/sanitize.sh all\`):"
    echo
    echo "| leg | result | seconds |"
    echo "|---|---|---|"
    for leg in asan tsan valgrind; do
      s=$(date +%s)
      if tools/sanitize.sh "$leg" >"$cov/leg-$leg.log" 2>&1; then r=clean; else r="FAILED (see $cov/leg-$leg.log)"; fi
      echo "| $leg | $r | $(( $(date +%s) - s )) |"
    done
  fi
} >"$out"

python3 - "$out" <<'PY'
import sys, re
block = open(sys.argv[1]).read().rstrip("\n")
p = "docs/testing.md"
s = open(p).read()
s2 = re.sub(r"(<!-- figures:begin -->\n).*?(\n<!-- figures:end -->)", lambda m: m.group(1) + block + m.group(2), s, flags=re.S)
if s2 == s and block not in s:
    sys.exit("docs/testing.md has no figures markers")
open(p, "w").write(s2)
PY
cat "$out"
rm -f "$out" "$ctest_log"
