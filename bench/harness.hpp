#pragma once
// A small timing harness shared by the benchmark (ocop_bench) and the CI smoke test
// (tests/bench_smoke.cpp). Own harness rather than Google Benchmark so that the ratios between
// contenders are computed in one process from one run, and so that the smoke test needs nothing
// beyond the library itself.
//
// Method: a measurement is `repeats` samples; a sample runs the function enough times to last at
// least `min_sample` and gives the time per call. Time is the thread's CPU time
// (CLOCK_THREAD_CPUTIME_ID), so that time spent descheduled while other processes run on a shared
// machine is not counted (all measured code is single-threaded and does no I/O). We report the
// best (minimum) sample: load from other processes only ever adds time (cache and memory-bus
// sharing remain), so the minimum is the most stable estimate; the median is kept beside it to
// show the noise.

#include <time.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <vector>

namespace ocop_bench {

/// The calling thread's CPU time, in seconds.
inline double now() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

/// Keeps `value` (and the memory it points to) alive as far as the optimiser is concerned.
template <class T>
inline void keep(T const& value) {
    asm volatile("" : : "r,m"(value) : "memory");
}

inline double seconds_since(double t0) { return now() - t0; }

struct timing {
    double best = 0;    ///< seconds per call, best sample
    double median = 0;  ///< seconds per call, median sample
    std::size_t calls_per_sample = 0;
    int samples = 0;
};

/// Calls `fn` until one sample lasts `min_sample` seconds, then takes `repeats` samples.
template <class F>
timing measure(F&& fn, int repeats = 7, double min_sample = 0.05) {
    std::size_t calls = 1;
    for (;;) {
        auto t0 = now();
        for (std::size_t i = 0; i < calls; ++i) fn();
        double s = seconds_since(t0);
        if (s >= min_sample || calls >= (std::size_t{1} << 40)) break;
        // Aim a little above min_sample; at most 10x more calls per step.
        double factor = s > 0 ? std::min(10.0, 1.4 * min_sample / s) : 10.0;
        calls = std::max(calls + 1, static_cast<std::size_t>(static_cast<double>(calls) * factor));
    }
    std::vector<double> per_call;
    for (int r = 0; r < repeats; ++r) {
        auto t0 = now();
        for (std::size_t i = 0; i < calls; ++i) fn();
        per_call.push_back(seconds_since(t0) / static_cast<double>(calls));
    }
    std::sort(per_call.begin(), per_call.end());
    return {per_call.front(), per_call[per_call.size() / 2], calls, repeats};
}

/// Times one call of `fn` (for runs long enough to time once), best of `repeats`.
template <class F>
timing measure_once(F&& fn, int repeats = 3) {
    std::vector<double> s;
    for (int r = 0; r < repeats; ++r) {
        auto t0 = now();
        fn();
        s.push_back(seconds_since(t0));
    }
    std::sort(s.begin(), s.end());
    return {s.front(), s[s.size() / 2], 1, repeats};
}

/// Times one call of `make`, best of `repeats`, as measure_once; what `make` returns is destroyed
/// after the clock stops (the benchmark times only what it names: building a registry, not tearing
/// the previous one down), and the last one is handed to `sink`.
template <class F, class Sink>
timing measure_made(F&& make, int repeats, Sink&& sink) {
    std::vector<double> s;
    for (int r = 0; r < repeats; ++r) {
        auto t0 = now();
        auto made = make();
        s.push_back(seconds_since(t0));
        keep(&made);
        if (r + 1 == repeats) sink(std::move(made));
    }
    std::sort(s.begin(), s.end());
    return {s.front(), s[s.size() / 2], 1, repeats};
}

// The memory-read limit: the least any program must do with the input, read every byte once.

/// Sums the bytes as 16-byte vectors (GCC/Clang vector extensions, so the code is the same at -O2
/// and -O3: the smoke test's reference must not depend on the build type), four independent
/// accumulators so that the loop is bound by loads, not by the add latency. Kept out of line so
/// that the benchmark and the smoke test time the same machine code.
[[gnu::noinline]] inline std::uint64_t read_all(const std::uint8_t* p, std::size_t n) {
    typedef std::uint64_t v2 __attribute__((vector_size(16)));
    v2 a{}, b{}, c{}, d{};
    std::size_t i = 0;
    for (; i + 64 <= n; i += 64) {
        v2 w[4];
        std::memcpy(w, p + i, 64);
        a += w[0];
        b += w[1];
        c += w[2];
        d += w[3];
    }
    v2 s = a + b + c + d;
    std::uint64_t sum = s[0] + s[1];
    for (; i < n; ++i) sum += p[i];
    return sum;
}

/// Copies the bytes (libc memcpy): the other usual reading of "the memory limit".
[[gnu::noinline]] inline void copy_all(std::uint8_t* to, const std::uint8_t* from, std::size_t n) {
    std::memcpy(to, from, n);
    keep(to);
}

}  // namespace ocop_bench
