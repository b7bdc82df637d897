#!/usr/bin/env bash
# The one command behind docs/performance.md: configures a Release build with the benchmarks
# (OCOP_BUILD_BENCH=ON) in build-bench/ (or $OCOP_BENCH_BUILD_DIR), builds it and prints every
# figure, its baselines and the ratios, with the machine's description, then the campaign store's
# figures (bench/campaign_store.py). Extra arguments go to ocop_bench (--quick: smaller data, a fast
# look; the store benchmark then skips the 1M-event store). With --scale, --baselines or --batch it prints
# that part alone: the scaling table, 1k to 1M dossiers, each size in its own process (a few
# minutes), the baselines, or the batch against the memory limits. Needs what the normal build needs, plus libsqlite3-dev for the SQL
# baselines (reported as not measured without it) and python3. Exits with 1 if a check fails.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${OCOP_BENCH_BUILD_DIR:-build-bench}
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release -DOCOP_BUILD_BENCH=ON >/dev/null
cmake --build "$build" -j"$(nproc)" --target ocop_bench ocop_cli >/dev/null
if git rev-parse --git-dir >/dev/null 2>&1; then
  echo "commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- . 2>/dev/null || echo ' (plus uncommitted changes)'), $(date -u +%Y-%m-%dT%H:%MZ)"
fi
for arg in "$@"; do
  case "$arg" in --scale | --baselines | --batch) exec "$build/bench/ocop_bench" "$@" ;; esac
done
# The JSONL campaign store of earlier versions, for bench/campaign_store.py to compare with: built once
# from the last commit that had it (or give its binary in OCOP_BENCH_JSONL_CLI).
jsonl_cli=${OCOP_BENCH_JSONL_CLI:-}
if [ -z "$jsonl_cli" ] && git rev-parse --git-dir >/dev/null 2>&1; then
  jsonl="$build/jsonl-baseline"
  if [ ! -x "$jsonl/build/ocop" ]; then
    rm -rf "$jsonl/src" && mkdir -p "$jsonl/src"
    git archive "$(git rev-list -n1 HEAD -- tools/cli/campaign_store.cpp)^" | tar -x -C "$jsonl/src"
    cmake -S "$jsonl/src" -B "$jsonl/build" -DCMAKE_BUILD_TYPE=Release >/dev/null
    cmake --build "$jsonl/build" -j"$(nproc)" --target ocop_cli >/dev/null
  fi
  jsonl_cli="$jsonl/build/ocop"
fi
"$build/bench/ocop_bench" "$@"
quick=; for arg in "$@"; do [ "$arg" = --quick ] && quick=--quick; done
exec python3 bench/campaign_store.py --cli "$build/ocop" --jsonl-cli "$jsonl_cli" --data "$build/store-data" $quick
