#!/usr/bin/env bash
# The sanitizer legs of docs/testing.md. Usage: tools/sanitize.sh [asan|tsan|valgrind|all]...
#   asan      GCC, -fsanitize=address,undefined -fno-sanitize-recover=all: the whole ctest suite
#             (LeakSanitizer on: a leak fails the test) in build-asan/
#   tsan      GCC, -fsanitize=thread: the whole ctest suite in build-tsan/
#   valgrind  memcheck on the C ABI test programs of an ordinary build (build-valgrind/)
# Every report fails the leg (exit status non-zero). Build directories can be moved with
# OCOP_ASAN_BUILD, OCOP_TSAN_BUILD, OCOP_VALGRIND_BUILD; OCOP_JOBS sets the parallelism (default 2).
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=${OCOP_JOBS:-2}
legs=("$@")
[ ${#legs[@]} -eq 0 ] && legs=(asan)
[ "${legs[0]}" = all ] && legs=(asan tsan valgrind)

# Not run under sanitizers, each for a stated reason:
#  - find_package_consumer builds a separate, unsanitized project against the installed (sanitized)
#    static library: it tests packaging, not memory safety, and cannot link without the runtime;
#  - python_* and php_* load libocop.so into an unsanitized CPython or PHP (ctypes, FFI), which
#    ASan/TSan refuse unless their runtime is preloaded (the C ABI itself is covered by the C and
#    C++ tests here);
#  - packaging_* build unsanitized consumers against the installed or packaged (sanitized) library:
#    they test packaging, not memory safety;
#  - capi_abidiff_* compare the ABI from DWARF: instrumentation is not part of the ABI.
exclude='find_package_consumer|python|php|packaging|abidiff'

configure_build() {  # dir, extra cmake args...
  local dir=$1; shift
  cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DOCOP_BUILD_CLI=ON "$@" >/dev/null
  cmake --build "$dir" -j"$jobs" >/dev/null
}

# The sanitizer builds are compiled at -O1 with line tables only (-g1), as the sanitizers' own
# documentation advises: reports keep their file:line stack traces, and compiling takes about half
# the time of -O2 -g (an ASan build of src/registry.cpp: 14 s of CPU instead of 28 s).
sanitizer_flags=(-DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1 -DNDEBUG" -DCMAKE_C_FLAGS_RELWITHDEBINFO="-O1 -g1 -DNDEBUG")

status=0
for leg in "${legs[@]}"; do
  start=$(date +%s)
  case "$leg" in
    asan)
      dir=${OCOP_ASAN_BUILD:-build-asan}
      configure_build "$dir" -DOCOP_SANITIZE=address,undefined "${sanitizer_flags[@]}"
      export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:strict_string_checks=1:detect_stack_use_after_return=1:check_initialization_order=1
      export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
      ctest --test-dir "$dir" --output-on-failure --no-tests=error -j"$jobs" -E "$exclude" || status=1
      ;;
    tsan)
      dir=${OCOP_TSAN_BUILD:-build-tsan}
      configure_build "$dir" -DOCOP_SANITIZE=thread "${sanitizer_flags[@]}"
      export TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1
      # TSan needs a fixed address layout on kernels with high mmap randomisation.
      setarch "$(uname -m)" -R ctest --test-dir "$dir" --output-on-failure --no-tests=error -j"$jobs" -E "$exclude" \
        || status=1
      ;;
    valgrind)
      dir=${OCOP_VALGRIND_BUILD:-build-valgrind}
      configure_build "$dir"
      vg=(valgrind --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect --quiet)
      # The plain C99 program over the C ABI (tests/capi), then this leg's own C ABI tests.
      if [ -x "$dir/tests/capi/ocop_capi_test" ]; then
        "${vg[@]}" "$dir/tests/capi/ocop_capi_test" tests/capi/data || status=1
      fi
      "${vg[@]}" "$dir/tests/ocop_reliability_tests" "[capi]" || status=1
      "${vg[@]}" "$dir/fuzz/ocop_fuzz_replay_capi" tests/fuzz_corpus/capi || status=1
      ;;
    *) echo "unknown leg: $leg (asan, tsan, valgrind, all)" >&2; exit 2 ;;
  esac
  echo "sanitize: leg $leg done in $(( $(date +%s) - start ))s (status so far $status)"
done
exit $status
