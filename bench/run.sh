#!/usr/bin/env bash
# The one command behind docs/performance.md: configures a Release build with the benchmarks
# (OCOP_BUILD_BENCH=ON) in build-bench/ (or $OCOP_BENCH_BUILD_DIR), builds it and prints every
# figure, its baselines and the ratios, with the machine's description. Extra arguments go to
# ocop_bench (--quick: smaller data, a fast look). Needs what the normal build needs, plus
# libsqlite3-dev for the SQL baseline (reported as not measured without it) and python3.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${OCOP_BENCH_BUILD_DIR:-build-bench}
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release -DOCOP_BUILD_BENCH=ON >/dev/null
cmake --build "$build" -j"$(nproc)" --target ocop_bench >/dev/null
if git rev-parse --git-dir >/dev/null 2>&1; then
  echo "commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- . 2>/dev/null || echo ' (plus uncommitted changes)'), $(date -u +%Y-%m-%dT%H:%MZ)"
fi
exec "$build/bench/ocop_bench" "$@"
