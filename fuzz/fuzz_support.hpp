#pragma once
// Shared by the libFuzzer targets in fuzz/. Each target defines LLVMFuzzerTestOneInput; the same
// file is linked either with libFuzzer (OCOP_BUILD_FUZZERS, Clang) or with replay_main.cpp, which
// feeds it the seed corpus in tests/fuzz_corpus/<target>/ as an ordinary ctest test.
//
// A target fails by crashing (a sanitizer report, an uncaught exception, or OCOP_FUZZ_CHECK).
// ocop::error and std::bad_alloc are expected answers to bad input and are caught.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

/// A property every input must keep; violating it aborts, which libFuzzer records as a crash.
#define OCOP_FUZZ_CHECK(cond)                                                                    \
    do {                                                                                         \
        if (!(cond)) {                                                                           \
            std::fprintf(stderr, "%s:%d: property violated: %s\n", __FILE__, __LINE__, #cond);   \
            std::abort();                                                                        \
        }                                                                                        \
    } while (0)

namespace ocop::fuzz {

inline std::string_view text(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

/// Inputs larger than this are skipped: the 10 MB case is a test of its own (tests/bad_input_*),
/// and libFuzzer's throughput falls with size.
inline constexpr std::size_t max_input = 1 << 20;

}  // namespace ocop::fuzz
