#pragma once
// The memory limit of batch scoring, as it holds on any machine (docs/performance.md): read the
// rows once and write the outputs once, with the widest vector loads and stores this CPU has
// (AVX-512, AVX2 or SSE2, chosen at run time with the target attribute, so the build stays
// portable), from main memory (data well beyond the last-level cache) and in cache. Also the
// machine's cache sizes, which decide where "in cache" ends.

#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <string>

namespace ocop_bench {

// ---- the caches -----------------------------------------------------------------------------

/// A cache size in bytes from sysconf (glibc), or from sysfs when sysconf does not know; 0 if neither.
inline long cache_bytes(int level) {
    long v = 0;
#if defined(_SC_LEVEL1_DCACHE_SIZE)
    const int names[] = {_SC_LEVEL1_DCACHE_SIZE, _SC_LEVEL2_CACHE_SIZE, _SC_LEVEL3_CACHE_SIZE};
    if (level >= 1 && level <= 3) v = sysconf(names[level - 1]);
#endif
    if (v > 0) return v;
    for (int index = 0; index < 8; ++index) {  // /sys/devices/system/cpu/cpu0/cache/indexN/{level,type,size}
        const std::string dir = "/sys/devices/system/cpu/cpu0/cache/index" + std::to_string(index) + "/";
        std::ifstream lf(dir + "level"), tf(dir + "type"), sf(dir + "size");
        int l = 0;
        std::string type, size;
        if (!(lf >> l) || !(tf >> type) || !(sf >> size)) continue;
        if (l != level || type == "Instruction") continue;
        long n = std::atol(size.c_str());
        if (size.back() == 'K') n *= 1024;
        if (size.back() == 'M') n *= 1024 * 1024;
        return n;
    }
    return 0;
}

/// "L1d 48 KB, L2 1024 KB, L3 520192 KB" (a level the system does not report is left out).
inline std::string describe_caches() {
    std::string out;
    const char* names[] = {"L1d", "L2", "L3"};
    for (int level = 1; level <= 3; ++level)
        if (long b = cache_bytes(level); b > 0) out += (out.empty() ? "" : ", ") + std::string(names[level - 1]) + " " + std::to_string(b / 1024) + " KB";
    return out.empty() ? "not reported" : out;
}

// ---- the widest loads and stores ------------------------------------------------------------

namespace detail {

/// Sums `n` bytes as W-byte vectors, four independent accumulators (bound by loads, not by adds).
/// Written with GCC/Clang vector extensions; the target attribute of the caller picks the registers.
#define OCOP_BENCH_READ_WRITE(NAME, TARGET, WIDTH)                                                                   \
    [[gnu::noinline]] TARGET inline std::uint64_t NAME##_read(const std::uint8_t* p, std::size_t n) {               \
        typedef std::uint64_t v __attribute__((vector_size(WIDTH)));                                                 \
        v a{}, b{}, c{}, d{};                                                                                        \
        std::size_t i = 0;                                                                                           \
        for (; i + 4 * (WIDTH) <= n; i += 4 * (WIDTH)) {                                                             \
            v w[4];                                                                                                  \
            std::memcpy(w, p + i, 4 * (WIDTH));                                                                      \
            a += w[0];                                                                                               \
            b += w[1];                                                                                               \
            c += w[2];                                                                                               \
            d += w[3];                                                                                               \
        }                                                                                                            \
        v s = a + b + c + d;                                                                                         \
        std::uint64_t sum = 0;                                                                                       \
        for (std::size_t k = 0; k < (WIDTH) / 8; ++k) sum += s[k];                                                   \
        for (; i < n; ++i) sum += p[i];                                                                              \
        return sum;                                                                                                  \
    }                                                                                                                \
    /* Fills `n` bytes with `byte`, W bytes per store. */                                                            \
    [[gnu::noinline]] TARGET inline void NAME##_write(std::uint8_t* p, std::size_t n, std::uint8_t byte) {           \
        typedef std::uint8_t v __attribute__((vector_size(WIDTH)));                                                  \
        v x;                                                                                                         \
        for (std::size_t k = 0; k < (WIDTH); ++k) x[k] = byte;                                                       \
        std::size_t i = 0;                                                                                           \
        for (; i + (WIDTH) <= n; i += (WIDTH)) std::memcpy(p + i, &x, (WIDTH));                                      \
        for (; i < n; ++i) p[i] = byte;                                                                              \
    }

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
OCOP_BENCH_READ_WRITE(avx512, __attribute__((target("avx512f,avx512bw"))), 64)
OCOP_BENCH_READ_WRITE(avx2, __attribute__((target("avx2"))), 32)
#endif
OCOP_BENCH_READ_WRITE(sse2, , 16)
#undef OCOP_BENCH_READ_WRITE

}  // namespace detail

/// The widest vectors this CPU has, for the memory limit.
struct wide_access {
    const char* name = "16-byte vectors (SSE2)";
    std::uint64_t (*read)(const std::uint8_t*, std::size_t) = detail::sse2_read;
    void (*write)(std::uint8_t*, std::size_t, std::uint8_t) = detail::sse2_write;
};

inline wide_access widest_access() {
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
    if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw")) return {"AVX-512 (64 bytes)", detail::avx512_read, detail::avx512_write};
    if (__builtin_cpu_supports("avx2")) return {"AVX2 (32 bytes)", detail::avx2_read, detail::avx2_write};
#endif
    return {};
}

}  // namespace ocop_bench
